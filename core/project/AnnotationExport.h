// Exports corrected masks for training, in FreiHAND's layout, with the review states as CSV.
#pragma once

#include "annotation/AnnotationStore.h"
#include "project/JournalTypes.h"
#include "util/Cancellation.h"
#include "util/Progress.h"

#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

struct AnnotationExportInfo {
  std::string tool = "handalign", version;
  DatasetKey dataset;       // written into provenance.json
  std::string projectFile;  // where the review states come from
};

struct AnnotationExportCounts {
  std::size_t masks = 0, parts = 0, reviewed = 0;
};

// review.csv: one row per sample: sample_index, sample_id, state, user, updated_at,
// has_correction, has_parts (state "todo" with empty user and time where it was never set).
std::string reviewCsv(const AnnotationStore& store, const std::vector<ReviewRecord>& review);

// Writes `out`/mask/<id>.png (8-bit 0/255), `out`/parts/<id>.png (0..6), review.csv and
// provenance.json, all or nothing: everything goes into a hidden sibling folder that is synced and
// renamed to `out` at the end. `out` must not exist, be empty, or (overwrite) hold an earlier
// export. Every correction is checked first: a bad one throws InputError naming its file. Throws
// Cancelled when `cancel` fires.
AnnotationExportCounts exportAnnotations(const AnnotationStore& store,
                                         const std::vector<ReviewRecord>& review,
                                         const AnnotationExportInfo& info,
                                         const std::filesystem::path& out, bool overwrite,
                                         const ProgressCallback& progress = {},
                                         const CancellationToken* cancel = nullptr);

}  // namespace handalign
