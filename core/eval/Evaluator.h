// Runs the per-sample evaluation over a dataset split in parallel, with progress and cancellation.
#pragma once

#include "eval/SampleEvaluator.h"
#include "util/Cancellation.h"
#include "util/Progress.h"

#include <string>
#include <vector>

namespace handalign {

struct EvalResult {
  std::vector<std::string> predictionNames;
  std::vector<SampleRow> rows;           // sample-major, predictions in the given order
  std::vector<PredictionTotals> totals;  // one per prediction
  std::size_t sampleCount = 0;           // samples evaluated
};

// The samples an evaluation covers: [0, limit) (all when 0) ∩ shard.
std::vector<std::size_t> selectSamples(std::size_t datasetSize, const EvalOptions& options);

// Evaluates every selected sample. Calls `progress` from the calling thread; throws Cancelled when
// `cancel` fires (nothing is returned, nothing written) and rethrows the first worker error.
EvalResult evaluate(const EvalContext& context, const ProgressCallback& progress = {},
                    const CancellationToken* cancel = nullptr);

}  // namespace handalign
