#include "eval/MetricRegistry.h"

#include <QtGlobal>

#include <cstddef>
#include <unordered_map>

namespace handalign {
namespace {

// Labels and descriptions are English; the studio shows them through tr() in context "Metric"
// (written out in full: lupdate does not expand macros).

using L = MetricLevel;
using U = MetricUnit;

constexpr long at(std::size_t offset) { return long(offset); }
long partIou(int p) { return long(offsetof(SampleMetrics, partIou) + sizeof(double) * p); }
long partHd(int p) { return long(offsetof(SampleMetrics, partHd95) + sizeof(double) * p); }

std::vector<MetricInfo> build() {
  std::vector<MetricInfo> v = {
      {"hand_iou", QT_TRANSLATE_NOOP("Metric", "Hand IoU"), U::Ratio, 2, true, L::Hand,
       QT_TRANSLATE_NOOP("Metric", "IoU of the hand silhouette against the GT mask"),
       at(offsetof(SampleMetrics, handIou)), false},
      {"hand_miou", QT_TRANSLATE_NOOP("Metric", "Hand mIoU"), U::Ratio, 2, true, L::Hand,
       QT_TRANSLATE_NOOP("Metric", "mean of background and hand IoU (the paper's hand level)"),
       at(offsetof(SampleMetrics, handMiou)), true},
      {"hand_hd95", QT_TRANSLATE_NOOP("Metric", "Hand HD95"), U::Pixel, 2, false, L::Hand,
       QT_TRANSLATE_NOOP("Metric", "95 % Hausdorff distance between hand boundaries"),
       at(offsetof(SampleMetrics, handHd95)), true},
      {"finger_miou", QT_TRANSLATE_NOOP("Metric", "Finger mIoU"), U::Ratio, 2, true, L::Finger,
       QT_TRANSLATE_NOOP("Metric",
                         "mean IoU of background and the six parts (the paper's finger level)"),
       at(offsetof(SampleMetrics, fingerMiou)), true},
      {"finger_miou_fg", QT_TRANSLATE_NOOP("Metric", "Finger mIoU (parts)"), U::Ratio, 2, true,
       L::Finger, QT_TRANSLATE_NOOP("Metric", "mean IoU of the six parts, background left out"),
       at(offsetof(SampleMetrics, fingerMiouFg)), false},
      {"finger_hd95", QT_TRANSLATE_NOOP("Metric", "Finger HD95"), U::Pixel, 2, false, L::Finger,
       QT_TRANSLATE_NOOP("Metric", "mean over parts of each part's 95 % Hausdorff distance"),
       at(offsetof(SampleMetrics, fingerHd95)), true},
  };
  static const char* const kPartLabels[kPartCount][2] = {
      {QT_TRANSLATE_NOOP("Metric", "Palm IoU"), QT_TRANSLATE_NOOP("Metric", "Palm HD95")},
      {QT_TRANSLATE_NOOP("Metric", "Thumb IoU"), QT_TRANSLATE_NOOP("Metric", "Thumb HD95")},
      {QT_TRANSLATE_NOOP("Metric", "Index IoU"), QT_TRANSLATE_NOOP("Metric", "Index HD95")},
      {QT_TRANSLATE_NOOP("Metric", "Middle IoU"), QT_TRANSLATE_NOOP("Metric", "Middle HD95")},
      {QT_TRANSLATE_NOOP("Metric", "Ring IoU"), QT_TRANSLATE_NOOP("Metric", "Ring HD95")},
      {QT_TRANSLATE_NOOP("Metric", "Pinky IoU"), QT_TRANSLATE_NOOP("Metric", "Pinky HD95")}};
  static std::vector<std::string> keys;  // storage for the generated keys, never reallocated
  keys.reserve(2 * kPartCount);
  for (int p = 0; p < kPartCount; ++p) {
    keys.push_back("iou_" + std::string(kPartNames[std::size_t(p)]));
    v.push_back({keys.back().c_str(), kPartLabels[p][0], U::Ratio, 2, true, L::Part,
                 QT_TRANSLATE_NOOP("Metric", "IoU of one part's region"), partIou(p), false});
  }
  for (int p = 0; p < kPartCount; ++p) {
    keys.push_back("hd95_" + std::string(kPartNames[std::size_t(p)]));
    v.push_back({keys.back().c_str(), kPartLabels[p][1], U::Pixel, 2, false, L::Part,
                 QT_TRANSLATE_NOOP("Metric", "95 % Hausdorff distance of one part's boundary"),
                 partHd(p), false});
  }
  const MetricInfo mesh[] = {
      {"mpjpe_mm", QT_TRANSLATE_NOOP("Metric", "MPJPE"), U::Millimetre, 2, false, L::Mesh,
       QT_TRANSLATE_NOOP("Metric", "mean joint error"), at(offsetof(SampleMetrics, mpjpeMm)), true},
      {"pa_mpjpe_mm", QT_TRANSLATE_NOOP("Metric", "PA-MPJPE"), U::Millimetre, 2, false, L::Mesh,
       QT_TRANSLATE_NOOP("Metric", "mean joint error after Procrustes with scale (FreiHAND)"),
       at(offsetof(SampleMetrics, paMpjpeMm)), true},
      {"mpvpe_mm", QT_TRANSLATE_NOOP("Metric", "MPVPE"), U::Millimetre, 2, false, L::Mesh,
       QT_TRANSLATE_NOOP("Metric", "mean vertex error"), at(offsetof(SampleMetrics, mpvpeMm)),
       true},
      {"pa_mpvpe_mm", QT_TRANSLATE_NOOP("Metric", "PA-MPVPE"), U::Millimetre, 2, false, L::Mesh,
       QT_TRANSLATE_NOOP("Metric", "mean vertex error after Procrustes with scale (FreiHAND)"),
       at(offsetof(SampleMetrics, paMpvpeMm)), true},
      {"auc_j", QT_TRANSLATE_NOOP("Metric", "AUC-J"), U::Fraction, 3, true, L::Dataset,
       QT_TRANSLATE_NOOP("Metric", "area under the joints' PCK curve, 0 to 50 mm"), -1, false},
      {"pa_auc_j", QT_TRANSLATE_NOOP("Metric", "PA-AUC-J"), U::Fraction, 3, true, L::Dataset,
       QT_TRANSLATE_NOOP("Metric", "area under the joints' PCK curve after Procrustes"), -1, false},
      {"auc_v", QT_TRANSLATE_NOOP("Metric", "AUC-V"), U::Fraction, 3, true, L::Dataset,
       QT_TRANSLATE_NOOP("Metric", "area under the vertices' PCK curve, 0 to 50 mm"), -1, false},
      {"pa_auc_v", QT_TRANSLATE_NOOP("Metric", "PA-AUC-V"), U::Fraction, 3, true, L::Dataset,
       QT_TRANSLATE_NOOP("Metric", "area under the vertices' PCK curve after Procrustes"), -1,
       false},
      {"f5", QT_TRANSLATE_NOOP("Metric", "F@5mm"), U::Fraction, 3, true, L::Mesh,
       QT_TRANSLATE_NOOP("Metric", "F-score of the vertices at 5 mm"),
       at(offsetof(SampleMetrics, f5)), false},
      {"f15", QT_TRANSLATE_NOOP("Metric", "F@15mm"), U::Fraction, 3, true, L::Mesh,
       QT_TRANSLATE_NOOP("Metric", "F-score of the vertices at 15 mm"),
       at(offsetof(SampleMetrics, f15)), false},
      {"pa_f5", QT_TRANSLATE_NOOP("Metric", "PA-F@5mm"), U::Fraction, 3, true, L::Mesh,
       QT_TRANSLATE_NOOP("Metric", "F-score at 5 mm after Procrustes with scale"),
       at(offsetof(SampleMetrics, paF5)), false},
      {"pa_f15", QT_TRANSLATE_NOOP("Metric", "PA-F@15mm"), U::Fraction, 3, true, L::Mesh,
       QT_TRANSLATE_NOOP("Metric", "F-score at 15 mm after Procrustes with scale"),
       at(offsetof(SampleMetrics, paF15)), false},
  };
  v.insert(v.end(), std::begin(mesh), std::end(mesh));
  return v;
}

}  // namespace

const std::vector<MetricInfo>& metricRegistry() {
  static const std::vector<MetricInfo> registry = build();
  return registry;
}

const std::vector<const MetricInfo*>& perSampleMetrics() {
  static const std::vector<const MetricInfo*> v = [] {
    std::vector<const MetricInfo*> out;
    for (const MetricInfo& m : metricRegistry())
      if (m.perSample()) out.push_back(&m);
    return out;
  }();
  return v;
}

const MetricInfo* findMetric(std::string_view key) {
  static const std::unordered_map<std::string_view, const MetricInfo*> byKey = [] {
    std::unordered_map<std::string_view, const MetricInfo*> m;
    for (const MetricInfo& info : metricRegistry()) m.emplace(info.key, &info);
    return m;
  }();
  const auto it = byKey.find(key);
  return it == byKey.end() ? nullptr : it->second;
}

double MetricInfo::value(const SampleMetrics& m) const {
  if (offset < 0) return SampleMetrics::kNaN;
  return *reinterpret_cast<const double*>(reinterpret_cast<const char*>(&m) + offset);
}

double* MetricInfo::slot(SampleMetrics& m) const {
  if (offset < 0) return nullptr;
  return reinterpret_cast<double*>(reinterpret_cast<char*>(&m) + offset);
}

const char* MetricInfo::unitSymbol() const {
  switch (unit) {
    case MetricUnit::Ratio:
      return "%";
    case MetricUnit::Fraction:
      return "";
    case MetricUnit::Pixel:
      return "px";
    case MetricUnit::Millimetre:
      return "mm";
  }
  return "";
}

std::string MetricInfo::labelWithUnit() const {
  if (unit == MetricUnit::Fraction) return label;
  return std::string(label) + " (" + unitSymbol() + ")";
}

std::string toString(MetricLevel level) {
  switch (level) {
    case MetricLevel::Hand:
      return "hand";
    case MetricLevel::Finger:
      return "finger";
    case MetricLevel::Part:
      return "part";
    case MetricLevel::Mesh:
      return "mesh";
    case MetricLevel::Dataset:
      return "dataset";
  }
  return {};
}

}  // namespace handalign
