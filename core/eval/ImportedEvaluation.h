// An evaluation computed elsewhere (`handalign eval`, or a merged cluster run) read back for the
// studio: checked to be of the dataset and conventions open, without evaluating again.
#pragma once

#include "eval/Summary.h"

#include <filesystem>
#include <string>

namespace handalign {

struct ImportedEvaluation {
  RunInfo info;
  EvalResult result;
};

// Reads per_sample.csv and totals.json of an evaluation output folder (all of a run's shards must
// be in it: a merged folder or a single run). Throws InputError naming the file and the problem.
ImportedEvaluation readEvaluationFolder(const std::filesystem::path& dir);

// Why `imported` cannot be shown beside a session evaluated as `open` ("" when it can): another
// dataset (root, format, split, size), hand model or conventions (resolution, HD95, GT masks,
// corrected masks: annotation folders that replaced none count as none). A run of the first N
// samples (--limit) is accepted.
std::string importMismatch(const RunInfo& imported, const RunInfo& open);

}  // namespace handalign
