#include "FigureSelection.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

namespace handalign {

bool metricHigherIsBetter(const std::string& column) {
  return column.find("iou") != std::string::npos || column == "f5" || column == "f15" ||
         column == "pa_f5" || column == "pa_f15";
}

bool isMetricColumn(const std::string& column) {
  const auto& cols = metricColumns();
  return std::find(cols.begin(), cols.end(), column) != cols.end();
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
  const bool higherBetter = metricHigherIsBetter(column);
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
    if (it == byId.end()) throw std::invalid_argument("no sample \"" + id + "\" in the dataset");
    out.push_back(it->second);
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
