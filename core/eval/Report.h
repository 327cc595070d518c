// Writes the complete output set of an evaluation, all files or none.
#pragma once

#include "eval/Summary.h"

#include <filesystem>

namespace handalign {

// per_sample.csv, summary.json, totals.json, table.csv, table.md, table.tex in `dir`, staged and
// renamed into place together. Throws InputError if the folder cannot be written.
void writeEvalOutputs(const std::filesystem::path& dir, const RunInfo& info,
                      const EvalResult& result);

// A cheap provenance fingerprint of a (possibly 1.5 GB) file: its size and the SHA-256 of its size,
// first and last 64 KiB. Empty when unreadable.
std::string fileFingerprint(const std::filesystem::path& file);

}  // namespace handalign
