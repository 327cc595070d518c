#include "eval/SampleResult.h"

#include "io/Csv.h"
#include "io/JsonWriter.h"

#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>

namespace handalign {
namespace {

using Accessor = std::function<double*(SampleMetrics&)>;

const std::vector<std::pair<std::string, Accessor>>& accessors() {
  static const std::vector<std::pair<std::string, Accessor>> a = [] {
    std::vector<std::pair<std::string, Accessor>> v = {
        {"hand_iou", [](SampleMetrics& m) { return &m.handIou; }},
        {"hand_miou", [](SampleMetrics& m) { return &m.handMiou; }},
        {"hand_hd95", [](SampleMetrics& m) { return &m.handHd95; }},
        {"finger_miou", [](SampleMetrics& m) { return &m.fingerMiou; }},
        {"finger_miou_fg", [](SampleMetrics& m) { return &m.fingerMiouFg; }},
        {"finger_hd95", [](SampleMetrics& m) { return &m.fingerHd95; }},
    };
    for (int p = 0; p < kPartCount; ++p)
      v.emplace_back("iou_" + std::string(kPartNames[std::size_t(p)]),
                     [p](SampleMetrics& m) { return &m.partIou[std::size_t(p)]; });
    for (int p = 0; p < kPartCount; ++p)
      v.emplace_back("hd95_" + std::string(kPartNames[std::size_t(p)]),
                     [p](SampleMetrics& m) { return &m.partHd95[std::size_t(p)]; });
    v.emplace_back("mpjpe_mm", [](SampleMetrics& m) { return &m.mpjpeMm; });
    v.emplace_back("pa_mpjpe_mm", [](SampleMetrics& m) { return &m.paMpjpeMm; });
    v.emplace_back("mpvpe_mm", [](SampleMetrics& m) { return &m.mpvpeMm; });
    v.emplace_back("pa_mpvpe_mm", [](SampleMetrics& m) { return &m.paMpvpeMm; });
    v.emplace_back("f5", [](SampleMetrics& m) { return &m.f5; });
    v.emplace_back("f15", [](SampleMetrics& m) { return &m.f15; });
    v.emplace_back("pa_f5", [](SampleMetrics& m) { return &m.paF5; });
    v.emplace_back("pa_f15", [](SampleMetrics& m) { return &m.paF15; });
    return v;
  }();
  return a;
}

const std::map<std::string, Accessor>& accessorMap() {
  static const std::map<std::string, Accessor> m(accessors().begin(), accessors().end());
  return m;
}

}  // namespace

const std::vector<std::string>& metricColumns() {
  static const std::vector<std::string> c = [] {
    std::vector<std::string> v;
    for (const auto& a : accessors()) v.push_back(a.first);
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
  const auto it = accessorMap().find(column);
  return it == accessorMap().end() ? nullptr : it->second(m);
}

double metricValue(const SampleMetrics& m, const std::string& column) {
  double* slot = metricSlot(const_cast<SampleMetrics&>(m), column);
  return slot ? *slot : SampleMetrics::kNaN;
}

std::string formatRow(const SampleRow& row) {
  std::string line = csvField(row.sample) + "," + csvField(row.pred);
  SampleMetrics m = row.m;
  for (const auto& a : accessors()) line += "," + formatNumber(*a.second(m));
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
  for (const auto& a : accessors()) {
    double v;
    if (!parseCsvNumber(f[k++], v)) return false;
    *a.second(row.m) = v;
  }
  char* end = nullptr;
  row.index = std::strtoull(f[k].c_str(), &end, 10);
  if (f[k].empty() || *end) return false;
  row.m.handHdMissing = std::atoi(f[k + 1].c_str());
  row.m.fingerHdMissing = std::atoi(f[k + 2].c_str());
  return true;
}

}  // namespace handalign
