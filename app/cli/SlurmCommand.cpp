// handalign slurm: submit a sharded eval or infer to a Slurm cluster, watch it, resubmit failures.
#include "Args.h"
#include "Commands.h"
#include "OptionLists.h"

#include "cluster/SlurmRun.h"
#include "io/AtomicFile.h"
#include "util/Error.h"

#include <fcntl.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

extern char** environ;

namespace handalign::cli {
namespace fs = std::filesystem;
namespace {

// Runs a Slurm tool, its stdout and stderr together in `out`; -1 when it cannot be started.
int runTool(const std::vector<std::string>& argv, std::string& out) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  // Slurm's clients retry a controller that is down for minutes: bounded by timeout(1).
  std::vector<std::string> bounded = {"timeout", "60"};
  bounded.insert(bounded.end(), argv.begin(), argv.end());
  std::vector<char*> args;
  for (const std::string& a : bounded) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  out.clear();
  if (rc == 0) {
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, std::size_t(n));
  }
  ::close(fds[0]);
  if (rc != 0) return -1;
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string lowerCase(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// sbatch --parsable: "JOBID" or "JOBID;CLUSTER".
std::string submit(const std::vector<std::string>& argv) {
  std::string out;
  const int rc = runTool(argv, out);
  if (rc == -1 || rc == 127)
    throw InputError(argv[0],
                     "cannot be run: is Slurm installed here? (--dry-run writes the "
                     "scripts without submitting)");
  const std::string id = trimmed(out.substr(0, out.find(';')));
  if (rc != 0 || id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
    throw InputError(argv.back(), "was not accepted by sbatch: " + trimmed(out));
  return id;
}

std::string executable() {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) throw InputError("/proc/self/exe", "cannot find the handalign binary");
  return std::string(buf, std::size_t(n));
}

std::string absolute(const std::string& p) { return fs::absolute(p).lexically_normal().string(); }

void writeScript(const fs::path& file, const std::string& text) {
  AtomicWriter w(file);
  w.write(text);
  w.commit();
  fs::permissions(file, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add);
}

void prepareFolders(const fs::path& out) {
  for (const char* sub : {"logs", "state"}) fs::create_directories(slurm::scriptsDir(out) / sub);
  fs::create_directories(out / "shards");
}

// The worker's options from ours: Slurm's and --out taken out, the paths made absolute (the jobs
// run elsewhere), --shard refused (the array sets it).
SlurmPlan parsePlan(const std::string& command, const std::vector<std::string>& argv,
                    bool& dryRun) {
  SlurmPlan plan;
  plan.command = command;
  const std::set<std::string> slurmValued = {"shards", "out",  "partition",    "time",
                                             "mem",    "gres", "cpus-per-task"};
  const std::set<std::string> paths = {"dataset", "hand-model", "annotations", "model"};
  std::map<std::string, std::string> ours;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string key = argv[i], value;
    if (key.rfind("--", 0) != 0) throw UsageError("unexpected argument \"" + key + "\"");
    key = key.substr(2);
    const std::size_t eq = key.find('=');
    const bool inline_ = eq != std::string::npos;
    if (inline_) value = key.substr(eq + 1), key = key.substr(0, eq);
    if (key == "dry-run") {
      dryRun = true;
      continue;
    }
    if (key == "shard") throw UsageError("--shard is set per task; give --shards N");
    if (key == "quiet") continue;  // the workers report progress to `slurm status`
    const OptionList& worker = command == "eval" ? evalOptions() : inferOptions();
    if (!slurmValued.count(key) && !worker.knows(key))
      throw UsageError("unknown option --" + key + " for " + command +
                       " (checked before anything is submitted)");
    const bool flag = !slurmValued.count(key) && !worker.takesValue(key);
    if (!flag && !inline_) {
      if (i + 1 >= argv.size()) throw UsageError("--" + key + " needs a value");
      value = argv[++i];
    }
    seen.insert(key);
    if (slurmValued.count(key)) {
      ours[key] = value;
      continue;
    }
    // Paths made absolute and checked here: a missing input costs no queue time.
    const auto input = [&](const std::string& p) {
      const std::string a = absolute(p);
      if (!fs::exists(a)) throw InputError(a, "no such file or folder (--" + key + ")");
      return a;
    };
    if (paths.count(key)) value = input(value);
    if (key == "pred") {  // NAME=FILE or FILE
      const std::size_t e = value.find('=');
      value = e == std::string::npos ? input(value)
                                     : value.substr(0, e + 1) + input(value.substr(e + 1));
    }
    plan.workerArgs.push_back("--" + key);
    if (!flag) plan.workerArgs.push_back(value);
  }
  if (!ours.count("shards")) throw UsageError("slurm " + command + " needs --shards N");
  if (!ours.count("out")) throw UsageError("slurm " + command + " needs --out DIR");
  char* end = nullptr;
  const long n = std::strtol(ours["shards"].c_str(), &end, 10);
  if (*end || n < 1 || n > 100000) throw UsageError("--shards must be 1..100000");
  plan.shards = int(n);
  if (!seen.count("dataset")) throw UsageError("slurm " + command + " needs --dataset DIR");
  if (command == "eval" && !seen.count("pred"))
    throw UsageError("slurm eval needs --pred NAME=FILE");
  if (command == "infer" && !seen.count("model")) throw UsageError("slurm infer needs --model");
  if (command == "infer" && seen.count("segmentation"))
    throw UsageError("--segmentation cannot be combined with shards");
  plan.out = absolute(ours["out"]);
  if (plan.out.string().find_first_of(" \t\n'\"\\%") != std::string::npos)
    throw UsageError(
        "--out for slurm must not contain blanks, quotes or % (sbatch's #SBATCH "
        "lines, where % starts a pattern)");
  plan.partition = ours["partition"], plan.time = ours["time"], plan.mem = ours["mem"];
  plan.gres = ours["gres"];
  if (ours.count("cpus-per-task")) plan.cpusPerTask = std::atoi(ours["cpus-per-task"].c_str());
  plan.executable = executable();
  return plan;
}

// --- status -------------------------------------------------------------------------------------

struct TaskView {
  std::string state, detail;
  bool alive = false;  // still listed by squeue (pending, running, configuring, suspended, ...)
};

std::set<int> parseTasks(const std::string& spec) {
  std::set<int> out;
  std::stringstream ss(spec);
  for (std::string part; std::getline(ss, part, ',');) {
    const std::size_t dash = part.find('-');
    const int a = std::atoi(part.c_str());
    const int b = dash == std::string::npos ? a : std::atoi(part.c_str() + dash + 1);
    for (int k = a; k <= b; ++k) out.insert(k);
  }
  return out;
}

// Job id ("123_4" or "124") → state, of the jobs Slurm still lists.
std::map<std::string, std::string> queueStates(bool& available) {
  std::map<std::string, std::string> states;
  std::string out;
  const passwd* user = ::getpwuid(::getuid());
  available = user && runTool({"squeue", "-h", "-r", "-u", user->pw_name, "-o", "%i|%T"}, out) == 0;
  std::stringstream ss(out);
  for (std::string line; std::getline(ss, line);) {
    const std::size_t bar = line.find('|');
    if (bar != std::string::npos) states[line.substr(0, bar)] = line.substr(bar + 1);
  }
  return states;
}

// A finished job's state from scontrol (kept for MinJobAge), "" when Slurm no longer knows it.
std::string finishedState(const std::string& job) {
  std::string out;
  if (runTool({"scontrol", "-o", "show", "job", job}, out) != 0) return "";
  std::smatch m;
  return std::regex_search(out, m, std::regex("JobState=(\\S+)")) ? std::string(m[1]) : "";
}

bool shardComplete(const fs::path& out, const std::string& command, int k) {
  return fs::exists(slurm::shardDir(out, k) / (command == "eval" ? "totals.json" : "infer.json"));
}

// `jobs[k]`: the array task that last ran shard k ("" when never submitted).
TaskView taskView(const fs::path& out, const SlurmRecord& rec, int k, const std::string& job,
                  const std::map<std::string, std::string>& queue, bool available) {
  const TaskRecord t = readTaskRecord(slurm::stateFile(out, k));
  const auto q = queue.find(job);
  if (t.exited) {
    if (t.exitCode == 0 && shardComplete(out, rec.command, k)) return {"done", "on " + t.host};
    return {"failed", "exit " + std::to_string(t.exitCode) + " on " + t.host};
  }
  if (q != queue.end()) {
    if (q->second != "RUNNING") return {lowerCase(q->second), "job " + job, true};
    std::ifstream p(slurm::progressFile(out, k));
    std::size_t done = 0, total = 0;
    std::string detail = "on " + t.host;
    if (p >> done >> total && total)
      detail += ", " + std::to_string(done) + "/" + std::to_string(total) + " samples";
    return {"running", detail, true};
  }
  if (job.empty()) return {"not submitted", ""};
  if (!available) return {"unknown", "squeue did not answer"};
  const std::string finished = finishedState(job);
  if (!finished.empty()) return {lowerCase(finished), "job " + job + ", no exit record"};
  // Slurm forgets a task cancelled while pending at once (scontrol: not found).
  if (!t.started) return {"cancelled", "job " + job + " left the queue before it started"};
  return {"lost", "job " + job + " started on " + t.host + " but left no exit record"};
}

std::vector<TaskView> allTasks(const fs::path& out, const SlurmRecord& rec,
                               std::map<std::string, std::string>& queue, bool& available) {
  queue = queueStates(available);
  std::vector<std::string> jobs(std::size_t(rec.shards));
  for (const SlurmSubmission& s : rec.submissions)  // each submission's task list parsed once
    for (int k : parseTasks(s.tasks))
      if (k >= 0 && k < rec.shards) jobs[std::size_t(k)] = s.arrayJob + "_" + std::to_string(k);
  std::vector<TaskView> tasks;
  for (int k = 0; k < rec.shards; ++k)
    tasks.push_back(taskView(out, rec, k, jobs[std::size_t(k)], queue, available));
  return tasks;
}

int runStatus(const fs::path& out) {
  const SlurmRecord rec = readSlurmRecord(out);
  std::map<std::string, std::string> queue;
  bool available = false;
  const std::vector<TaskView> tasks = allTasks(out, rec, queue, available);
  std::printf("%s: %s in %d shards\n", out.string().c_str(), rec.command.c_str(), rec.shards);
  if (!available) std::printf("(squeue did not answer: states from the task files only)\n");
  std::map<std::string, int> counts;
  int alive = 0;
  for (int k = 0; k < rec.shards; ++k) {
    ++counts[tasks[std::size_t(k)].state];
    alive += tasks[std::size_t(k)].alive;
    std::printf("  shard %-5d %-12s %s\n", k, tasks[std::size_t(k)].state.c_str(),
                tasks[std::size_t(k)].detail.c_str());
  }
  const TaskRecord merge = readTaskRecord(slurm::stateFile(out, -1));
  const std::string mergeJob = rec.submissions.empty() ? "" : rec.submissions.back().mergeJob;
  std::string mergeState;
  if (queue.count(mergeJob))
    mergeState = lowerCase(queue[mergeJob]) + " (job " + mergeJob + ", after the shards)";
  else if (merge.exited && merge.exitCode == 0)
    mergeState = "done: " + slurm::mergedDir(out).string();
  else if (merge.exited)
    mergeState = "refused (exit " + std::to_string(merge.exitCode) + "): see " +
                 slurm::logFile(out, -1).string();
  else if (merge.started)
    mergeState =
        "lost (started, no exit record: killed?" +
        (available && !mergeJob.empty() ? std::string(" ") + lowerCase(finishedState(mergeJob))
                                        : std::string()) +
        "): see " + slurm::logFile(out, -1).string();
  else
    mergeState = "not run";
  std::printf("  merge       %s\n", mergeState.c_str());
  if (available && counts["done"] < rec.shards && alive == 0)
    std::printf("resubmit the shards that did not finish: handalign slurm resubmit %s\n",
                out.string().c_str());
  return 0;
}

std::string joinTasks(const std::vector<int>& ks) {
  std::string s;
  for (int k : ks) s += (s.empty() ? "" : ",") + std::to_string(k);
  return s;
}

int runResubmit(const fs::path& out, bool dryRun) {
  SlurmRecord rec = readSlurmRecord(out);
  std::map<std::string, std::string> queue;
  bool available = false;
  const std::vector<TaskView> tasks = allTasks(out, rec, queue, available);
  if (!available)
    throw InputError("squeue",
                     "did not answer: cannot tell which shards still run, so nothing is "
                     "resubmitted (try again when the controller answers)");
  std::vector<int> again;
  for (int k = 0; k < rec.shards; ++k)
    if (tasks[std::size_t(k)].state != "done" && !tasks[std::size_t(k)].alive) again.push_back(k);
  if (again.empty()) {
    std::printf("nothing to resubmit: every shard is done, running or pending\n");
    return 0;
  }
  const fs::path scripts = slurm::scriptsDir(out);
  if (dryRun) {
    std::printf("would run: sbatch --array=%s %s\n", joinTasks(again).c_str(),
                (scripts / "shard.sbatch").string().c_str());
    return 0;
  }
  for (int k : again) {
    std::error_code ec;
    fs::remove(slurm::stateFile(out, k), ec);
    fs::remove(slurm::progressFile(out, k), ec);
  }
  // The merge waits for the new tasks and for the earlier ones still queued; a merge still
  // waiting from before is cancelled once the new one is accepted (it would refuse).
  std::string deps;
  std::vector<std::string> staleMerges;
  for (const SlurmSubmission& s : rec.submissions) {
    for (const auto& [job, state] : queue)
      if (job.rfind(s.arrayJob + "_", 0) == 0) {
        deps += ":" + s.arrayJob;
        break;
      }
    if (queue.count(s.mergeJob)) staleMerges.push_back(s.mergeJob);
  }
  SlurmSubmission sub;
  sub.tasks = joinTasks(again);
  sub.arrayJob =
      submit({"sbatch", "--parsable", "--array=" + sub.tasks, (scripts / "shard.sbatch").string()});
  rec.submissions.push_back(sub);  // recorded at once: status finds the tasks whatever follows
  writeSlurmRecord(out, rec);
  std::error_code ec;
  fs::remove(slurm::stateFile(out, -1), ec);
  rec.submissions.back().mergeJob = sub.mergeJob =
      submit({"sbatch", "--parsable", "--dependency=afterany" + deps + ":" + sub.arrayJob,
              (scripts / "merge.sbatch").string()});
  writeSlurmRecord(out, rec);
  for (const std::string& job : staleMerges) {
    std::string ignored;
    runTool({"scancel", job}, ignored);
  }
  std::printf("resubmitted shards %s as job %s; the merge is job %s\n", sub.tasks.c_str(),
              sub.arrayJob.c_str(), sub.mergeJob.c_str());
  return 0;
}

int runSubmit(const std::string& command, const std::vector<std::string>& argv) {
  bool dryRun = false;
  const SlurmPlan plan = parsePlan(command, argv, dryRun);
  if (fs::exists(slurm::scriptsDir(plan.out) / "jobs.json"))
    throw InputError(plan.out, "already holds a slurm run: see `handalign slurm status " +
                                   plan.out.string() + "`, or give another --out");
  prepareFolders(plan.out);
  const fs::path scripts = slurm::scriptsDir(plan.out);
  writeScript(scripts / "shard.sbatch", shardScript(plan));
  writeScript(scripts / "merge.sbatch", mergeScript(plan));
  if (dryRun) {
    std::printf(
        "wrote %s and %s; submit them with:\n  jobid=$(sbatch --parsable %s)\n"
        "  sbatch --dependency=afterany:$jobid %s\n",
        (scripts / "shard.sbatch").string().c_str(), (scripts / "merge.sbatch").string().c_str(),
        (scripts / "shard.sbatch").string().c_str(), (scripts / "merge.sbatch").string().c_str());
    return 0;
  }
  SlurmRecord rec;
  rec.command = command;
  rec.shards = plan.shards;
  SlurmSubmission sub;
  sub.tasks = "0-" + std::to_string(plan.shards - 1);
  sub.arrayJob = submit({"sbatch", "--parsable", (scripts / "shard.sbatch").string()});
  rec.submissions.push_back(sub);  // recorded before the merge: a refused merge loses no tasks
  writeSlurmRecord(plan.out, rec);
  rec.submissions.back().mergeJob = sub.mergeJob =
      submit({"sbatch", "--parsable", "--dependency=afterany:" + sub.arrayJob,
              (scripts / "merge.sbatch").string()});
  writeSlurmRecord(plan.out, rec);
  std::printf(
      "submitted %d shards as job %s and the merge as job %s (into %s); watch with:\n"
      "  handalign slurm status %s\n",
      plan.shards, sub.arrayJob.c_str(), sub.mergeJob.c_str(),
      slurm::mergedDir(plan.out).string().c_str(), plan.out.string().c_str());
  return 0;
}

}  // namespace

int runSlurm(const std::vector<std::string>& argv) {
  if (argv.empty()) throw UsageError("slurm needs eval, infer, status or resubmit");
  const std::string sub = argv[0];
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (sub == "eval" || sub == "infer") return runSubmit(sub, rest);
  if (sub == "status" || sub == "resubmit") {
    const Args args(rest, {}, {"dry-run"});
    if (args.positional().size() != 1) throw UsageError("slurm " + sub + " needs the run's DIR");
    const fs::path out = absolute(args.positional()[0]);
    return sub == "status" ? runStatus(out) : runResubmit(out, args.has("dry-run"));
  }
  throw UsageError("unknown slurm command \"" + sub + "\" (eval, infer, status, resubmit)");
}

}  // namespace handalign::cli
