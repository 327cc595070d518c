// What the project file keeps about corrected masks: journal entries, review states, where the
// annotator was.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace handalign {

enum class ReviewState { Todo, InProgress, Accepted, NeedsAnotherLook };
// "todo", "in_progress", "accepted", "needs_another_look" (as stored and exported).
std::string toString(ReviewState state);
bool parseReviewState(const std::string& text, ReviewState& out);

// A dataset split as the project file names it.
struct DatasetKey {
  std::string root, format, split;
  std::size_t size = 0;
};

// One sample of a stored dataset.
struct SampleRef {
  std::int64_t datasetId = 0;
  std::size_t index = 0;
  std::string id;  // Dataset::sampleId(index)
};

// One row of the journal: who changed which sample's correction (or review state), when, how.
struct JournalEntry {
  std::int64_t id = 0;
  SampleRef sample;
  std::string user;            // the OS user name
  std::string time;            // ISO 8601, UTC
  std::string action;          // "brush", "polygon fill", "GrabCut", "save", "rollback to #12", ...
  bool changesMask = false;    // false: a review change; the correction stayed as it was
  bool hadCorrection = false;  // the replaced version was a correction (else the original mask)
  std::string newHash;         // MaskFiles::hash() of the new version ("" = no correction)
  bool applied = true;         // false while the new version's files may not be on disk yet
};

struct ReviewRecord {
  std::size_t sampleIndex = 0;
  std::string sampleId;
  ReviewState state = ReviewState::Todo;
  std::string user, updatedAt;
};

// Where the annotator was: restored when the studio starts again.
struct ResumePoint {
  std::int64_t datasetId = 0;
  std::size_t sampleIndex = 0;
  std::string sampleId, tool, updatedAt;
};

// The OS user name ($USER, else $USERNAME, else "unknown").
std::string currentUserName();

}  // namespace handalign
