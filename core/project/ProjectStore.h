// The project file: a SQLite database holding datasets, evaluation runs and their per-sample
// metrics, and the journal and review states of corrected masks.
#pragma once

#include "annotation/MaskFiles.h"
#include "dataset/Predictions.h"
#include "eval/Summary.h"
#include "project/JournalTypes.h"
#include "util/Cancellation.h"
#include "util/Progress.h"

#include <QString>

class QSqlQuery;

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace handalign {

class StudioLock;

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
  PredictionRole role = PredictionRole::Plain;  // declared when it was evaluated
  std::string refines;                          // the run's rough prediction's name, if refined
  // False for a run stored by a version that lacked some of today's metrics (NaN there): the
  // studio evaluates such a prediction again instead of showing it.
  bool metricsComplete = true;
};

// Opens (or creates) a project file. Every write is one transaction, so a process killed mid-write
// leaves the file as it was before that write (SQLite's WAL journal guarantees it). Schema 2 added
// the journal and review tables, schema 3 the runs' roles; an older file is upgraded on open, one
// transaction per step. A file that lacks a metric column of this version gains it (NULL), and its
// runs are marked incomplete.
class ProjectStore {
 public:
  static constexpr int kSchemaVersion = 3;

  ProjectStore();
  ~ProjectStore();
  ProjectStore(const ProjectStore&) = delete;
  ProjectStore& operator=(const ProjectStore&) = delete;

  // Shared: one of any number of short writers (the CLI). Studio: also holds the project's
  // StudioLock, so a second studio is refused with a notice naming the first.
  enum class Access { Shared, Studio };
  // Creates the file when missing. Throws InputError naming the file when it is not SQLite, not a
  // HandAlign project, truncated, from a newer version of the tool, or (Studio) open in another
  // studio.
  void open(const std::filesystem::path& path, Access access = Access::Shared);
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
  // The run's PCK histograms and pooled counts; nullopt for a run stored without them.
  std::optional<PredictionTotals> loadRunTotals(std::int64_t runId) const;
  void deleteRun(std::int64_t runId);

  // The id of a dataset entry, created when missing (the size is updated).
  std::int64_t datasetId(const DatasetKey& key);

  // --- Journal of corrected masks (docs/adr/0009; AnnotationSession keeps it in step with the
  // files). Written *before* the files: `previous` is the version on disk now, `next` the one
  // about to be written, kept in the row until markApplied(). A save of a sample still "todo"
  // moves it to "in progress". `landed`: earlier entries whose files are on disk now, marked
  // applied in the same transaction (saves one commit per save). Returns the entry's id.
  std::int64_t recordSave(const SampleRef& sample, const std::string& action,
                          const MaskFiles& previous, const MaskFiles& next,
                          const std::vector<std::int64_t>& landed = {});
  // The files of entry `journalId` are on disk: drops the pending copy of its new version.
  void markApplied(std::int64_t journalId);
  // Removes a pending entry whose files were never written (a failed save).
  void discardPending(std::int64_t journalId);
  // A sample's entries, oldest first.
  std::vector<JournalEntry> journal(std::int64_t datasetId, std::size_t sampleIndex) const;
  // Entries of a dataset whose files may not have landed (a save killed midway), oldest first.
  std::vector<JournalEntry> pendingEntries(std::int64_t datasetId) const;
  MaskFiles pendingVersion(std::int64_t journalId) const;
  // The version entry `journalId` replaced (empty: no correction): what rolling it back restores.
  // Throws InputError for an unknown id or an entry that changed no mask.
  MaskFiles previousVersion(std::int64_t journalId) const;
  JournalEntry journalEntry(std::int64_t journalId) const;

  // --- Review states (journaled as "review: <state>").
  void setReviewState(const SampleRef& sample, ReviewState state);
  // Every sample of the dataset whose state was ever set, by sample index; one query.
  std::vector<ReviewRecord> reviewRecords(std::int64_t datasetId) const;

  // --- Where the annotator was (one per project).
  void setResume(const ResumePoint& point);
  std::optional<ResumePoint> resume() const;

 private:
  void checkNotTruncated();
  void createSchema();
  void checkSchema();
  void upgradeTo(int version);  // from version - 1, in one transaction
  void addMetricColumns(const std::vector<std::string>& missing);
  void requireOpen() const;
  std::int64_t upsertDataset(const DatasetKey& key);  // inside the caller's transaction
  std::int64_t insertJournal(const SampleRef& sample, const std::string& action, bool changesMask,
                             const MaskFiles* previous, const MaskFiles* next);
  [[noreturn]] void fail(const std::string& what, const QString& sqlError) const;
  // QSqlQuery::next(), except that a row that cannot be read (a damaged or truncated file) fails
  // with `what` instead of reading as the end of the result.
  bool nextRow(QSqlQuery& query, const std::string& what) const;

  QString connection_;
  std::shared_ptr<StudioLock> lock_;
  std::filesystem::path path_;
  bool open_ = false;
};

}  // namespace handalign
