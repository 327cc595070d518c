#include "eval/SampleResult.h"

#include "eval/MetricRegistry.h"
#include "io/Csv.h"
#include "io/JsonWriter.h"

#include <cmath>
#include <cstdlib>

namespace handalign {
const std::vector<std::string>& metricColumns() {
  static const std::vector<std::string> c = [] {
    std::vector<std::string> v;
    for (const MetricInfo* m : perSampleMetrics()) v.push_back(m->key);
    return v;
  }();
  return c;
}

const std::vector<std::string>& sampleColumns() {
  static const std::vector<std::string> c = [] {
    std::vector<std::string> v = {"sample", "pred"};
    for (const auto& name : metricColumns()) v.push_back(name);
    v.insert(v.end(), {"index", "hand_hd95_missing", "finger_hd95_missing"});
    return v;
  }();
  return c;
}

double* metricSlot(SampleMetrics& m, const std::string& column) {
  const MetricInfo* info = findMetric(column);
  return info ? info->slot(m) : nullptr;
}

double metricValue(const SampleMetrics& m, const std::string& column) {
  double* slot = metricSlot(const_cast<SampleMetrics&>(m), column);
  return slot ? *slot : SampleMetrics::kNaN;
}

std::string formatRow(const SampleRow& row) {
  std::string line = csvField(row.sample) + "," + csvField(row.pred);
  for (const MetricInfo* m : perSampleMetrics()) line += "," + formatNumber(m->value(row.m));
  line += "," + std::to_string(row.index) + "," + std::to_string(row.m.handHdMissing) + "," +
          std::to_string(row.m.fingerHdMissing);
  return line;
}

bool parseRow(const std::string& line, SampleRow& row) {
  const std::vector<std::string> f = splitCsvLine(line);
  if (f.size() != sampleColumns().size()) return false;
  row.sample = f[0];
  row.pred = f[1];
  std::size_t k = 2;
  for (const MetricInfo* m : perSampleMetrics()) {
    double v;
    if (!parseCsvNumber(f[k++], v)) return false;
    *m->slot(row.m) = v;
  }
  char* end = nullptr;
  row.index = std::strtoull(f[k].c_str(), &end, 10);
  if (f[k].empty() || *end) return false;
  row.m.handHdMissing = std::atoi(f[k + 1].c_str());
  row.m.fingerHdMissing = std::atoi(f[k + 2].c_str());
  return true;
}

}  // namespace handalign
