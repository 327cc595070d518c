// Which stored runs are the result of a request's prediction: same dataset, name, file contents
// and conventions. The studio shows those instead of evaluating again.
#pragma once

#include "eval/EvalOptions.h"
#include "project/ProjectStore.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

struct RunQuery {
  std::filesystem::path dataset;  // as opened (made absolute here)
  std::string name;               // prediction name
  std::string fingerprint;        // fileFingerprint() of the prediction file
  EvalOptions options;            // resolution and HD95 conventions must agree
};

// Ids of the matching runs, oldest first. `anyConventions`: also runs under other conventions or
// stored before a metric existed (what a new evaluation of the same file replaces).
std::vector<std::int64_t> matchingRuns(const std::vector<StoredRun>& runs, const RunQuery& query,
                                       bool anyConventions = false);

}  // namespace handalign
