// IoU and HD95 of one class between a predicted and a ground-truth mask (docs/metrics.md).
#pragma once

#include "metrics/DistanceTransform.h"
#include "raster/LabelImage.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace handalign {

enum class HdMode { Max, Pooled };    // MONAI / DeepMind max of directed P95s, or MedPy's pooled P95
enum class HdEmpty { Nan, Diagonal };  // class present in exactly one mask: NaN, or the image diagonal

struct HdOptions {
  HdMode mode = HdMode::Max;
  HdEmpty empty = HdEmpty::Nan;
};

std::string toString(HdMode m);
std::string toString(HdEmpty e);
bool parseHdMode(const std::string& s, HdMode& out);
bool parseHdEmpty(const std::string& s, HdEmpty& out);

struct ClassScore {
  double iou = std::numeric_limits<double>::quiet_NaN();
  double hd95 = std::numeric_limits<double>::quiet_NaN();
  bool hdMissing = false;  // the class is in exactly one of the two masks
  std::int64_t intersection = 0;
  std::int64_t unionCount = 0;
};

// numpy.percentile(values, q) with the default linear method; `values` is reordered. Empty → NaN.
double percentileLinear(std::vector<double>& values, double q);

// Scores binary masks; keeps scratch buffers, so keep one per thread.
class MaskScorer {
 public:
  explicit MaskScorer(HdOptions options = {}) : options_(options) {}
  const HdOptions& options() const { return options_; }

  // pred and gt: w×h, non-zero = inside the class.
  ClassScore score(const std::uint8_t* pred, const std::uint8_t* gt, int w, int h);
  // Class `label` of two label images of one size.
  ClassScore scoreLabel(const LabelImage& pred, const LabelImage& gt, std::uint8_t label);
  // Hand class (label > 0) of two label images.
  ClassScore scoreForeground(const LabelImage& pred, const LabelImage& gt);

 private:
  // Directed boundary distances from boundary pixels of `from` to the boundary of `to`, in the window.
  void directed(const std::vector<std::uint8_t>& fromBoundary, const std::vector<std::uint8_t>& toBoundary,
                std::vector<double>& out);

  HdOptions options_;
  DistanceTransform edt_;
  std::vector<std::uint8_t> predMask_, gtMask_, predBoundary_, gtBoundary_;
  std::vector<std::int32_t> dist_;
  std::vector<double> ab_, ba_;
  int winX_ = 0, winY_ = 0, winW_ = 0, winH_ = 0;
};

}  // namespace handalign
