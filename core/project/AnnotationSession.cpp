#include "project/AnnotationSession.h"

#include "io/OutputFolder.h"

#include "dataset/Dataset.h"
#include "util/Error.h"

#include <map>
#include <stdexcept>

namespace handalign {
namespace fs = std::filesystem;

std::string annotationScope(const std::string& split) {
  std::string scope = split.substr(0, split.find(':'));
  for (char& c : scope)
    if (c == '/' || c == '\\') c = '_';
  return scope.empty() ? std::string("default") : scope;
}

fs::path annotationFolderFor(const fs::path& projectFile, const std::string& split) {
  return projectFile.parent_path() / (projectFile.stem().string() + ".annotations") /
         annotationScope(split);
}

DatasetKey annotationDatasetKey(const Dataset& dataset) {
  return DatasetKey{fs::absolute(dataset.root()).lexically_normal().string(), dataset.formatId(),
                    annotationScope(dataset.split()), dataset.size()};
}

AnnotationSession::AnnotationSession(ProjectStore& project, fs::path folder, SampleCatalog catalog,
                                     const DatasetKey& key)
    : project_(project), store_(std::move(folder), std::move(catalog)) {
  datasetId_ = project_.datasetId(key);
  reconcile();
}

AnnotationSession::~AnnotationSession() {
  try {
    for (std::int64_t id : landed_) project_.markApplied(id);
  } catch (const std::exception&) {
    // Still pending: the next open compares them with the files and clears the flag.
  }
}

std::unique_ptr<AnnotationSession> AnnotationSession::open(ProjectStore& project,
                                                           const Dataset& dataset) {
  return std::make_unique<AnnotationSession>(
      project, annotationFolderFor(project.path(), dataset.split()), SampleCatalog::of(dataset),
      annotationDatasetKey(dataset));
}

SampleRef AnnotationSession::ref(std::size_t sample) const {
  return SampleRef{datasetId_, sample, store_.catalog().id(sample)};
}

// A pending entry is a save whose files may not be on disk: the process died between the journal
// commit and the renames (or a write failed). The newest entry of its sample is finished from the
// copy the entry keeps; older pending ones were superseded and only stop being pending.
void AnnotationSession::reconcile() {
  std::map<std::size_t, std::vector<JournalEntry>> bySample;
  for (JournalEntry& e : project_.pendingEntries(datasetId_))
    bySample[e.sample.index].push_back(std::move(e));
  for (const auto& [sample, pending] : bySample) {
    if (sample >= store_.catalog().size()) continue;  // a split that shrank: nothing to write to
    std::int64_t newest = 0;
    for (const JournalEntry& e : project_.journal(datasetId_, sample))
      if (e.changesMask) newest = e.id;
    for (const JournalEntry& e : pending) {
      if (e.id == newest && store_.readFiles(sample).hash() != e.newHash) {
        // The kept copy is written only when it is the version the entry recorded and decodes
        // as a mask of this sample: bytes that are not (a damaged project) never replace the
        // files on disk, and the entry stays pending, reported, for a later look.
        const MaskFiles copy = project_.pendingVersion(e.id);
        std::string problem;
        if (copy.hash() != e.newHash) {
          problem = "its kept copy is not the version it recorded";
        } else if (!copy.empty()) {  // empty: a revert, back to no correction
          try {
            decodeMaskFiles(copy, store_.catalog().width(), store_.catalog().height(),
                            store_.maskPath(sample), store_.partsPath(sample));
          } catch (const std::exception& err) {
            problem = std::string("its kept copy does not decode: ") + err.what();
          }
        }
        if (!problem.empty()) {
          unrepairable_.push_back("journal entry " + std::to_string(e.id) + " (sample " +
                                  e.sample.id + "): " + problem +
                                  "; the files on disk were left as they are");
          continue;
        }
        store_.write(sample, copy);
        ++repairedSaves_;
      } else if (e.id == newest) {
        ++repairedSaves_;
      }
      project_.markApplied(e.id);
    }
  }
}

std::int64_t AnnotationSession::apply(std::size_t sample, const MaskFiles& next,
                                      const std::string& action) {
  const MaskFiles previous = store_.readFiles(sample);
  if (previous.hash() == next.hash()) return 0;
  // 1. The journal entry (previous version, and the new one while pending) is committed first;
  // 2. the files are written (temporary file, fsync, rename, folder fsync);
  // 3. the entry stops being pending, in the next save's transaction (or on close). A kill before
  // 1 loses this change only; between 1 and 3 the next open finishes it from the entry.
  faultPoint();
  const std::int64_t id = project_.recordSave(ref(sample), action, previous, next, landed_);
  landed_.clear();
  faultPoint();
  try {
    store_.write(sample, next);
  } catch (...) {
    try {
      project_.discardPending(id);
    } catch (const InputError&) {
      // Stays pending: the next open writes it.
    }
    throw;
  }
  landed_.push_back(id);
  faultPoint();
  return id;
}

std::int64_t AnnotationSession::save(std::size_t sample, const MaskAnnotation& annotation,
                                     const std::string& action) {
  const SampleCatalog& c = store_.catalog();
  if (annotation.width() != c.width() || annotation.height() != c.height())
    throw std::invalid_argument("corrected mask of sample " + c.id(sample) + " is " +
                                std::to_string(annotation.width()) + "x" +
                                std::to_string(annotation.height()) + ", its image is " +
                                std::to_string(c.width()) + "x" + std::to_string(c.height()));
  return apply(sample, encodeMaskAnnotation(annotation), action);
}

std::int64_t AnnotationSession::revert(std::size_t sample, const std::string& action) {
  return apply(sample, MaskFiles{}, action);
}

std::optional<MaskAnnotation> AnnotationSession::versionBefore(std::int64_t journalId) const {
  const JournalEntry entry = project_.journalEntry(journalId);
  const std::string name = "journal entry " + std::to_string(journalId);
  if (entry.sample.datasetId != datasetId_ || entry.sample.index >= store_.catalog().size())
    throw InputError(project_.path(), name + " belongs to another dataset");
  const MaskFiles files = project_.previousVersion(journalId);
  if (files.hand.empty()) return std::nullopt;
  const fs::path where = project_.path().string() + " (" + name + ")";
  return decodeMaskFiles(files, store_.catalog().width(), store_.catalog().height(),
                         where.string() + " hand layer", where.string() + " part layer");
}

std::int64_t AnnotationSession::rollback(std::int64_t journalId) {
  const std::optional<MaskAnnotation> before = versionBefore(journalId);  // checks it decodes
  const std::size_t sample = project_.journalEntry(journalId).sample.index;
  const MaskFiles files = before ? project_.previousVersion(journalId) : MaskFiles{};
  return apply(sample, files, "rollback to #" + std::to_string(journalId));
}

std::vector<JournalEntry> AnnotationSession::journal(std::size_t sample) const {
  return project_.journal(datasetId_, sample);
}

void AnnotationSession::setReviewState(std::size_t sample, ReviewState state) {
  project_.setReviewState(ref(sample), state);
}

std::vector<ReviewState> AnnotationSession::reviewStates() const {
  std::vector<ReviewState> states(store_.catalog().size(), ReviewState::Todo);
  for (const ReviewRecord& r : project_.reviewRecords(datasetId_))
    if (r.sampleIndex < states.size()) states[r.sampleIndex] = r.state;
  return states;
}

std::vector<ReviewRecord> AnnotationSession::reviewRecords() const {
  return project_.reviewRecords(datasetId_);
}

void AnnotationSession::setResume(std::size_t sample, const std::string& tool) {
  project_.setResume(ResumePoint{datasetId_, sample, store_.catalog().id(sample), tool, {}});
}

std::optional<ResumePoint> AnnotationSession::resume() const {
  std::optional<ResumePoint> p = project_.resume();
  if (!p || p->datasetId != datasetId_ || p->sampleIndex >= store_.catalog().size() ||
      store_.catalog().id(p->sampleIndex) != p->sampleId)
    return std::nullopt;
  return p;
}

}  // namespace handalign
