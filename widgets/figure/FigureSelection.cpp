#include "FigureSelection.h"

#include "eval/MetricRegistry.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

namespace handalign {

bool isMetricColumn(const std::string& column) {
  const MetricInfo* m = findMetric(column);
  return m && m->perSample();
}

std::vector<std::size_t> worstSamples(const EvalResult& result, const std::string& pred,
                                      const std::string& column, std::size_t count) {
  if (!isMetricColumn(column)) throw std::invalid_argument("unknown metric \"" + column + "\"");
  if (std::find(result.predictionNames.begin(), result.predictionNames.end(), pred) ==
      result.predictionNames.end())
    throw std::invalid_argument("no prediction named \"" + pred + "\"");
  struct Entry {
    std::size_t index;
    double value;
  };
  std::vector<Entry> entries;
  for (const SampleRow& row : result.rows)
    if (row.pred == pred) entries.push_back({row.index, metricValue(row.m, column)});
  const bool higherBetter = findMetric(column)->higherIsBetter;
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    const bool fa = std::isfinite(a.value), fb = std::isfinite(b.value);
    if (fa != fb) return fa;  // NaN last: an undefined metric is not "worst"
    if (fa && a.value != b.value) return higherBetter ? a.value < b.value : a.value > b.value;
    return a.index < b.index;
  });
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < entries.size() && i < count; ++i) out.push_back(entries[i].index);
  return out;
}

std::vector<std::size_t> samplesById(const Dataset& dataset, const std::vector<std::string>& ids) {
  std::unordered_map<std::string, std::size_t> byId;
  for (std::size_t i = 0; i < dataset.size(); ++i) byId.emplace(dataset.sampleId(i), i);
  std::vector<std::size_t> out;
  for (const std::string& id : ids) {
    const auto it = byId.find(id);
    if (it != byId.end()) {
      out.push_back(it->second);
      continue;
    }
    // Not an id: a dataset index, when it is a plain number in range.
    std::size_t index = 0;
    const bool number =
        !id.empty() && id.size() < 19 &&
        std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (number) index = std::stoull(id);
    if (!number || index >= dataset.size())
      throw std::invalid_argument("no sample with id or index \"" + id + "\" in the dataset (" +
                                  std::to_string(dataset.size()) + " samples, indices 0-" +
                                  std::to_string(dataset.size() - 1) + ")");
    out.push_back(index);
  }
  return out;
}

std::vector<std::vector<SampleMetrics>> metricsFor(const EvalContext& context,
                                                   const std::vector<std::size_t>& samples) {
  SampleEvaluator evaluator(context);
  std::vector<PredictionTotals> totals(context.predictions.size(),
                                       PredictionTotals(kJointCount, context.model.vertexCount));
  std::vector<std::vector<SampleMetrics>> out;
  for (std::size_t s : samples) {
    std::vector<SampleMetrics> row(context.predictions.size());
    evaluator.evaluate(s, row.data(), totals);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace handalign
