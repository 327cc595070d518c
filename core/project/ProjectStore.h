// The project file: a SQLite database holding datasets, evaluation runs and their per-sample
// metrics.
#pragma once

#include "eval/Summary.h"
#include "util/Cancellation.h"
#include "util/Progress.h"

#include <QString>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

// One stored run: one prediction of one evaluation over one dataset split.
struct StoredRun {
  std::int64_t id = 0;
  std::string name;  // prediction name
  std::int64_t datasetId = 0;
  std::string datasetRoot, datasetFormat, split;
  std::size_t datasetSize = 0;
  std::string predictionFile, fingerprint;
  std::string optionsJson;  // options, conventions and provenance of the evaluation
  std::string createdAt;    // ISO 8601, UTC
  std::size_t sampleCount = 0;
};

// Opens (or creates) a project file. Every write is one transaction, so a process killed mid-write
// leaves the file as it was before that write (SQLite's WAL journal guarantees it).
class ProjectStore {
 public:
  static constexpr int kSchemaVersion = 1;

  ProjectStore();
  ~ProjectStore();
  ProjectStore(const ProjectStore&) = delete;
  ProjectStore& operator=(const ProjectStore&) = delete;

  // Creates the file when missing. Throws InputError naming the file when it is not SQLite, not a
  // HandAlign project, or from a newer version of the tool.
  void open(const std::filesystem::path& path);
  void close();
  bool isOpen() const { return open_; }
  const std::filesystem::path& path() const { return path_; }

  // Stores every prediction of `result` as a run, all in one transaction; returns the new run ids
  // in the order of result.predictionNames. On any error (or cancellation: throws Cancelled) the
  // transaction is rolled back and nothing is stored.
  std::vector<std::int64_t> saveRun(const RunInfo& info, const EvalResult& result,
                                    const ProgressCallback& progress = {},
                                    const CancellationToken* cancel = nullptr);
  std::vector<StoredRun> runs() const;
  // Rows of one run ordered by sample index (pred = the run name). Throws InputError if unknown.
  std::vector<SampleRow> loadRun(std::int64_t runId) const;
  void deleteRun(std::int64_t runId);

 private:
  void createSchema();
  void checkSchema();
  [[noreturn]] void fail(const std::string& what, const QString& sqlError) const;

  QString connection_;
  std::filesystem::path path_;
  bool open_ = false;
};

}  // namespace handalign
