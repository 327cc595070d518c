#include "eval/MetricRegistry.h"

#include <QtGlobal>

#include <cstddef>
#include <unordered_map>

namespace handalign {
namespace {

// Labels and descriptions are English; the studio shows them through tr() in context "Metric".
#define T(text) QT_TRANSLATE_NOOP("Metric", text)

using L = MetricLevel;
using U = MetricUnit;

constexpr long at(std::size_t offset) { return long(offset); }
long partIou(int p) { return long(offsetof(SampleMetrics, partIou) + sizeof(double) * p); }
long partHd(int p) { return long(offsetof(SampleMetrics, partHd95) + sizeof(double) * p); }

std::vector<MetricInfo> build() {
  std::vector<MetricInfo> v = {
      {"hand_iou", T("Hand IoU"), U::Ratio, 2, true, L::Hand,
       T("IoU of the hand silhouette against the GT mask"), at(offsetof(SampleMetrics, handIou)),
       false},
      {"hand_miou", T("Hand mIoU"), U::Ratio, 2, true, L::Hand,
       T("mean of background and hand IoU (the paper's hand level)"),
       at(offsetof(SampleMetrics, handMiou)), true},
      {"hand_hd95", T("Hand HD95"), U::Pixel, 2, false, L::Hand,
       T("95 % Hausdorff distance between hand boundaries"), at(offsetof(SampleMetrics, handHd95)),
       true},
      {"finger_miou", T("Finger mIoU"), U::Ratio, 2, true, L::Finger,
       T("mean IoU of background and the six parts (the paper's finger level)"),
       at(offsetof(SampleMetrics, fingerMiou)), true},
      {"finger_miou_fg", T("Finger mIoU (parts)"), U::Ratio, 2, true, L::Finger,
       T("mean IoU of the six parts, background left out"),
       at(offsetof(SampleMetrics, fingerMiouFg)), false},
      {"finger_hd95", T("Finger HD95"), U::Pixel, 2, false, L::Finger,
       T("mean over parts of each part's 95 % Hausdorff distance"),
       at(offsetof(SampleMetrics, fingerHd95)), true},
  };
  static const char* const kPartLabels[kPartCount][2] = {
      {T("Palm IoU"), T("Palm HD95")},   {T("Thumb IoU"), T("Thumb HD95")},
      {T("Index IoU"), T("Index HD95")}, {T("Middle IoU"), T("Middle HD95")},
      {T("Ring IoU"), T("Ring HD95")},   {T("Pinky IoU"), T("Pinky HD95")}};
  static std::vector<std::string> keys;  // storage for the generated keys, never reallocated
  keys.reserve(2 * kPartCount);
  for (int p = 0; p < kPartCount; ++p) {
    keys.push_back("iou_" + std::string(kPartNames[std::size_t(p)]));
    v.push_back({keys.back().c_str(), kPartLabels[p][0], U::Ratio, 2, true, L::Part,
                 T("IoU of one part's region"), partIou(p), false});
  }
  for (int p = 0; p < kPartCount; ++p) {
    keys.push_back("hd95_" + std::string(kPartNames[std::size_t(p)]));
    v.push_back({keys.back().c_str(), kPartLabels[p][1], U::Pixel, 2, false, L::Part,
                 T("95 % Hausdorff distance of one part's boundary"), partHd(p), false});
  }
  const MetricInfo mesh[] = {
      {"mpjpe_mm", T("MPJPE"), U::Millimetre, 2, false, L::Mesh, T("mean joint error"),
       at(offsetof(SampleMetrics, mpjpeMm)), true},
      {"pa_mpjpe_mm", T("PA-MPJPE"), U::Millimetre, 2, false, L::Mesh,
       T("mean joint error after Procrustes with scale (FreiHAND)"),
       at(offsetof(SampleMetrics, paMpjpeMm)), true},
      {"mpvpe_mm", T("MPVPE"), U::Millimetre, 2, false, L::Mesh, T("mean vertex error"),
       at(offsetof(SampleMetrics, mpvpeMm)), true},
      {"pa_mpvpe_mm", T("PA-MPVPE"), U::Millimetre, 2, false, L::Mesh,
       T("mean vertex error after Procrustes with scale (FreiHAND)"),
       at(offsetof(SampleMetrics, paMpvpeMm)), true},
      {"f5", T("F@5mm"), U::Fraction, 3, true, L::Mesh, T("F-score of the vertices at 5 mm"),
       at(offsetof(SampleMetrics, f5)), false},
      {"f15", T("F@15mm"), U::Fraction, 3, true, L::Mesh, T("F-score of the vertices at 15 mm"),
       at(offsetof(SampleMetrics, f15)), false},
      {"pa_f5", T("PA-F@5mm"), U::Fraction, 3, true, L::Mesh,
       T("F-score at 5 mm after Procrustes with scale"), at(offsetof(SampleMetrics, paF5)), false},
      {"pa_f15", T("PA-F@15mm"), U::Fraction, 3, true, L::Mesh,
       T("F-score at 15 mm after Procrustes with scale"), at(offsetof(SampleMetrics, paF15)),
       false},
      {"auc_j", T("AUC-J"), U::Fraction, 3, true, L::Dataset,
       T("area under the joints' PCK curve, 0 to 50 mm"), -1, false},
      {"pa_auc_j", T("PA-AUC-J"), U::Fraction, 3, true, L::Dataset,
       T("area under the joints' PCK curve after Procrustes"), -1, false},
      {"auc_v", T("AUC-V"), U::Fraction, 3, true, L::Dataset,
       T("area under the vertices' PCK curve, 0 to 50 mm"), -1, false},
      {"pa_auc_v", T("PA-AUC-V"), U::Fraction, 3, true, L::Dataset,
       T("area under the vertices' PCK curve after Procrustes"), -1, false},
  };
  v.insert(v.end(), std::begin(mesh), std::end(mesh));
  return v;
}

}  // namespace

const std::vector<MetricInfo>& metricRegistry() {
  static const std::vector<MetricInfo> registry = build();
  return registry;
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
