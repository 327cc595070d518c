// The corrected masks of one dataset split together with their journal in the project file:
// saves in the crash-safe order, finishes a save that a killed process left pending, rolls back,
// keeps review states and where the annotator was (docs/adr/0009).
#pragma once

#include "annotation/AnnotationStore.h"
#include "project/ProjectStore.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace handalign {

// The split whose corrections a split uses: FreiHAND's image versions "training:1".."training:3"
// show the hands of "training" and share its masks, so they share its corrections too.
std::string annotationScope(const std::string& split);
// The annotation folder of a project file and split, next to the project file:
// `projects/<key>.handalign` → `projects/<key>.annotations/<annotationScope(split)>`.
std::filesystem::path annotationFolderFor(const std::filesystem::path& projectFile,
                                          const std::string& split);
// The project's dataset entry for those corrections: absolute root, format, annotationScope(split).
DatasetKey annotationDatasetKey(const Dataset& dataset);

class AnnotationSession {
 public:
  // Opens `folder` (removing temporary files of killed saves) and finishes every save of this
  // dataset that the journal still holds as pending. Throws InputError naming the file.
  AnnotationSession(ProjectStore& project, std::filesystem::path folder, SampleCatalog catalog,
                    const DatasetKey& key);
  ~AnnotationSession();  // marks the last saves applied
  AnnotationSession(const AnnotationSession&) = delete;
  AnnotationSession& operator=(const AnnotationSession&) = delete;
  // The usual case: annotationFolderFor(project.path(), dataset.split()).
  static std::unique_ptr<AnnotationSession> open(ProjectStore& project, const Dataset& dataset);

  AnnotationStore& store() { return store_; }
  const AnnotationStore& store() const { return store_; }
  std::int64_t datasetId() const { return datasetId_; }
  std::size_t repairedSaves() const { return repairedSaves_; }  // pending saves finished on open
  // Pending saves whose kept copy could not be trusted (not the recorded version, or not a mask):
  // left pending and the files untouched; one line each.
  const std::vector<std::string>& unrepairableSaves() const { return unrepairable_; }

  std::optional<MaskAnnotation> load(std::size_t sample) const { return store_.load(sample); }
  // Journals the change (with the version it replaces), then writes the files. Returns the
  // journal entry's id, or 0 when `annotation` is the stored version already (nothing written).
  std::int64_t save(std::size_t sample, const MaskAnnotation& annotation,
                    const std::string& action);
  // Back to the dataset's original mask, journaled. 0 when there was no correction.
  std::int64_t revert(std::size_t sample, const std::string& action = "revert to original");
  // The version that journal entry `journalId` replaced (nullopt: no correction). Throws
  // InputError for an entry of another dataset, a review entry, or a version that does not decode.
  std::optional<MaskAnnotation> versionBefore(std::int64_t journalId) const;
  // Restores that version, journaled as "rollback to #<id>". Returns the new entry's id (0 when it
  // is the current version already).
  std::int64_t rollback(std::int64_t journalId);
  std::vector<JournalEntry> journal(std::size_t sample) const;

  void setReviewState(std::size_t sample, ReviewState state);
  std::vector<ReviewState> reviewStates() const;  // one per sample, Todo where never set
  std::vector<ReviewRecord> reviewRecords() const;

  void setResume(std::size_t sample, const std::string& tool);
  std::optional<ResumePoint> resume() const;  // only when it names a sample of this dataset

 private:
  SampleRef ref(std::size_t sample) const;
  std::int64_t apply(std::size_t sample, const MaskFiles& next, const std::string& action);
  void reconcile();

  ProjectStore& project_;
  AnnotationStore store_;
  std::int64_t datasetId_ = 0;
  std::size_t repairedSaves_ = 0;
  std::vector<std::string> unrepairable_;
  std::vector<std::int64_t> landed_;  // entries whose files are on disk, still marked pending
};

}  // namespace handalign
