// Which samples a figure shows (by id, or the N worst by a metric) and their per-cell metrics.
#pragma once

#include "eval/Evaluator.h"
#include "eval/SampleEvaluator.h"

#include <string>
#include <vector>

namespace handalign {

// True for a per-sample metric of the registry.
bool isMetricColumn(const std::string& column);

// The `count` samples with the worst finite value of `column` for prediction `pred`, worst first
// (ties by sample index). Samples whose value is NaN come last. Throws std::invalid_argument for an
// unknown prediction or metric.
std::vector<std::size_t> worstSamples(const EvalResult& result, const std::string& pred,
                                      const std::string& column, std::size_t count);

// Positions of the given sample ids in the dataset; throws std::invalid_argument naming an id that
// the dataset does not have.
std::vector<std::size_t> samplesById(const Dataset& dataset, const std::vector<std::string>& ids);

// The metrics of each (sample, prediction) pair: [row][prediction], evaluated one sample at a time.
std::vector<std::vector<SampleMetrics>> metricsFor(const EvalContext& context,
                                                   const std::vector<std::size_t>& samples);

}  // namespace handalign
