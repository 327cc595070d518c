// A sharded run on a Slurm cluster: the folder layout, the sbatch scripts `handalign slurm` writes
// (readable, to edit and resubmit) and the record of what was submitted (docs/cluster.md).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

// What to run: `handalign <command> <workerArgs> --shard K/N --out <out>/shards/K` as an array job
// of N tasks, then `handalign merge` into <out>/merged as a job that waits for them.
struct SlurmPlan {
  std::string command;                  // "eval" or "infer"
  std::vector<std::string> workerArgs;  // the command's own options, paths made absolute
  std::filesystem::path out;            // absolute
  std::filesystem::path executable;     // the handalign the jobs run (absolute)
  int shards = 1;
  std::string partition, time, mem, gres;  // sbatch options; empty: the cluster's default
  int cpusPerTask = 0;                     // 0: the cluster's default
};

// The layout under a run's folder.
namespace slurm {
std::filesystem::path scriptsDir(const std::filesystem::path& out);        // out/slurm
std::filesystem::path shardDir(const std::filesystem::path& out, int k);   // out/shards/K
std::filesystem::path mergedDir(const std::filesystem::path& out);         // out/merged
std::filesystem::path logFile(const std::filesystem::path& out, int k);    // k < 0: the merge
std::filesystem::path stateFile(const std::filesystem::path& out, int k);  // k < 0: the merge
std::filesystem::path progressFile(const std::filesystem::path& out, int k);
}  // namespace slurm

// A word for a POSIX shell: itself when safe, else single-quoted.
std::string shellQuote(const std::string& word);

// The array job (one task per shard) and the merge job, as sbatch scripts.
std::string shardScript(const SlurmPlan& plan);
std::string mergeScript(const SlurmPlan& plan);

// What a task's state file says: the script writes "start HOST EPOCH JOB" when it begins and
// "exit RC EPOCH" when the command returns.
struct TaskRecord {
  bool started = false, exited = false;
  int exitCode = 0;
  std::string host, job;
};
TaskRecord readTaskRecord(const std::filesystem::path& stateFile);

// out/slurm/jobs.json: the plan's shape and every submission.
struct SlurmSubmission {
  std::string arrayJob, tasks, mergeJob;  // job ids; tasks as given to --array ("0-3", "2,3")
};
struct SlurmRecord {
  std::string command;
  int shards = 0;
  std::vector<SlurmSubmission> submissions;
};
void writeSlurmRecord(const std::filesystem::path& out, const SlurmRecord& record);
// Throws InputError naming the file when it is missing or malformed.
SlurmRecord readSlurmRecord(const std::filesystem::path& out);

}  // namespace handalign
