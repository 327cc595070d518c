#include "cluster/SlurmRun.h"

#include "io/AtomicFile.h"
#include "io/JsonWriter.h"
#include "util/Error.h"

#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace handalign {
namespace fs = std::filesystem;

namespace slurm {
fs::path scriptsDir(const fs::path& out) { return out / "slurm"; }
fs::path shardDir(const fs::path& out, int k) { return out / "shards" / std::to_string(k); }
fs::path mergedDir(const fs::path& out) { return out / "merged"; }
fs::path logFile(const fs::path& out, int k) {
  return scriptsDir(out) / "logs" / (k < 0 ? "merge.log" : "shard-" + std::to_string(k) + ".log");
}
fs::path stateFile(const fs::path& out, int k) {
  return scriptsDir(out) / "state" / (k < 0 ? "merge" : "shard-" + std::to_string(k));
}
fs::path progressFile(const fs::path& out, int k) {
  return scriptsDir(out) / "state" / ("progress-" + std::to_string(k));
}
}  // namespace slurm

std::string shellQuote(const std::string& word) {
  const bool safe = !word.empty() && word.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789_-+=./,:@%") == std::string::npos;
  if (safe) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

namespace {

std::string q(const fs::path& p) { return shellQuote(p.string()); }

// `resources`: the tasks' --time, --mem, --gres, --cpus-per-task (the merge, a CPU-only file join,
// asks for none of them: it would wait in a GPU queue for nothing).
std::string header(const SlurmPlan& p, const std::string& name, const std::string& log,
                   bool resources = true) {
  std::ostringstream s;
  s << "#!/bin/bash\n";
  s << "#SBATCH --job-name=" << name << "\n";
  s << "#SBATCH --output=" << log << "\n";
  if (!p.partition.empty()) s << "#SBATCH --partition=" << p.partition << "\n";
  if (!resources) return s.str();
  if (!p.time.empty()) s << "#SBATCH --time=" << p.time << "\n";
  if (!p.mem.empty()) s << "#SBATCH --mem=" << p.mem << "\n";
  if (!p.gres.empty()) s << "#SBATCH --gres=" << p.gres << "\n";
  if (p.cpusPerTask > 0) s << "#SBATCH --cpus-per-task=" << p.cpusPerTask << "\n";
  return s.str();
}

}  // namespace

std::string shardScript(const SlurmPlan& p) {
  const std::string n = std::to_string(p.shards);
  std::ostringstream s;
  // sbatch reads #SBATCH lines without a shell: paths as they are (`slurm` refuses blanks).
  s << header(p, "handalign-" + p.command,
              (slurm::scriptsDir(p.out) / "logs").string() + "/shard-%a.log");
  s << "#SBATCH --array=0-" << p.shards - 1 << "\n";
  s << "# Written by `handalign slurm " << p.command << "`: shard K of " << n
    << " of the run below, one array task each;\n"
       "# `handalign slurm resubmit "
    << q(p.out) << "` submits the failed ones again (sbatch --array=K this file).\n";
  s << "set -u\n";
  s << "k=$SLURM_ARRAY_TASK_ID\n";
  s << "state=" << q(slurm::scriptsDir(p.out) / "state") << "/shard-$k\n";
  s << "echo \"start $(hostname) $(date +%s) ${SLURM_ARRAY_JOB_ID}_$k\" > \"$state\"\n";
  s << "export HANDALIGN_PROGRESS_FILE=" << q(slurm::scriptsDir(p.out) / "state")
    << "/progress-$k\n";
  s << q(p.executable) << " " << p.command;
  for (const std::string& a : p.workerArgs) s << " " << shellQuote(a);
  // The CPUs Slurm gave the task, where it says (and the command does not).
  if (std::find(p.workerArgs.begin(), p.workerArgs.end(), "--threads") == p.workerArgs.end())
    s << " ${SLURM_CPUS_PER_TASK:+--threads \"$SLURM_CPUS_PER_TASK\"}";
  s << " \\\n  --shard \"$k/" << n << "\" --out " << q(p.out / "shards") << "/\"$k\"\n";
  s << "rc=$?\n";
  s << "echo \"exit $rc $(date +%s)\" >> \"$state\"\n";
  s << "exit $rc\n";
  return s.str();
}

std::string mergeScript(const SlurmPlan& p) {
  std::ostringstream s;
  s << header(p, "handalign-merge", slurm::logFile(p.out, -1).string(), /*resources=*/false);
  s << "# Written by `handalign slurm " << p.command
    << "`: joins the shards once every task has ended (afterany); it\n"
       "# refuses, naming the shard, when one is missing or incomplete.\n";
  s << "set -u\n";
  s << "state=" << q(slurm::stateFile(p.out, -1)) << "\n";
  s << "echo \"start $(hostname) $(date +%s) $SLURM_JOB_ID\" > \"$state\"\n";
  s << q(p.executable) << " merge --out " << q(slurm::mergedDir(p.out));
  for (int k = 0; k < p.shards; ++k) s << " \\\n  " << q(slurm::shardDir(p.out, k));
  s << "\nrc=$?\n";
  s << "echo \"exit $rc $(date +%s)\" >> \"$state\"\n";
  s << "exit $rc\n";
  return s.str();
}

TaskRecord readTaskRecord(const fs::path& file) {
  TaskRecord r;
  std::ifstream in(file);
  std::string word;
  while (in >> word) {
    if (word == "start") {
      std::string epoch;
      r.started = true;
      in >> r.host >> epoch >> r.job;
    } else if (word == "exit") {
      std::string epoch;
      r.exited = bool(in >> r.exitCode >> epoch);
    }
  }
  return r;
}

void writeSlurmRecord(const fs::path& out, const SlurmRecord& r) {
  JsonWriter w;
  w.beginObject().key("format").value("handalign.slurm").key("version").value(1);
  w.key("command").value(r.command).key("shards").value(r.shards);
  w.key("submissions").beginArray();
  for (const SlurmSubmission& s : r.submissions) {
    w.beginObject().key("array_job").value(s.arrayJob).key("tasks").value(s.tasks);
    w.key("merge_job").value(s.mergeJob).endObject();
  }
  w.endArray().endObject();
  AtomicWriter file(slurm::scriptsDir(out) / "jobs.json");
  file.write(w.str() + "\n");
  file.commit();
}

SlurmRecord readSlurmRecord(const fs::path& out) {
  const fs::path file = slurm::scriptsDir(out) / "jobs.json";
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.load(file.string()).get(root))
    throw InputError(file, "cannot be read (is this the --out of `handalign slurm`?)");
  SlurmRecord r;
  std::string_view format, command;
  std::int64_t shards = 0;
  simdjson::dom::array subs;
  if (root["format"].get_string().get(format) || format != "handalign.slurm" ||
      root["command"].get_string().get(command) || root["shards"].get_int64().get(shards) ||
      shards < 1 || root["submissions"].get_array().get(subs))
    throw InputError(file, "is not a `handalign slurm` record");
  r.command = command;
  r.shards = int(shards);
  for (simdjson::dom::element e : subs) {
    std::string_view a, t, m;
    if (e["array_job"].get_string().get(a) || e["tasks"].get_string().get(t) ||
        e["merge_job"].get_string().get(m))
      throw InputError(file, "has a malformed submission");
    r.submissions.push_back({std::string(a), std::string(t), std::string(m)});
  }
  return r;
}

}  // namespace handalign
