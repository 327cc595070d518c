// Writes the complete output set of an evaluation, all files or none.
#pragma once

#include "eval/Summary.h"

#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

// per_sample.csv, summary.json, totals.json, table.csv, table.md, table.tex as folder `dir`,
// committed in one step (StagedFolder: readers see all-old or all-new files). Throws InputError if
// the folder cannot be written or holds files of something else.
void writeEvalOutputs(const std::filesystem::path& dir, const RunInfo& info,
                      const EvalResult& result);

// The file names writeEvalOutputs writes.
const std::vector<std::string>& evalOutputNames();
// Before any work: refuses an output folder over the inputs (refuseOutputOverInputs) or one that
// writeEvalOutputs would not replace.
void checkEvalOutput(const std::filesystem::path& dir,
                     const std::vector<std::filesystem::path>& inputs);

// A cheap provenance fingerprint of a (possibly 1.5 GB) file: its size and the SHA-256 of its size,
// first and last 64 KiB. Empty when unreadable.
std::string fileFingerprint(const std::filesystem::path& file);

}  // namespace handalign
