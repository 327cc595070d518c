// IoU and HD95 of one class between a predicted and a ground-truth mask (docs/metrics.md).
#pragma once

#include "metrics/BoundaryDistance.h"
#include "raster/LabelImage.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace handalign {

enum class HdMode { Max, Pooled };  // MONAI / DeepMind max of directed P95s, or MedPy's pooled P95
enum class HdEmpty {
  Nan,
  Diagonal
};  // class present in exactly one mask: NaN, or the image diagonal

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

// Scores masks; keeps scratch buffers, so keep one per thread. Only the bounding box of the union
// of the two masks is visited after one counting pass, and HD95 uses row-indexed boundary lists
// (docs/adr/0002), so small classes such as fingers cost little.
class MaskScorer {
 public:
  explicit MaskScorer(HdOptions options = {}) : options_(options) {}
  const HdOptions& options() const { return options_; }

  // pred and gt: w×h, non-zero = inside the class.
  ClassScore score(const std::uint8_t* pred, const std::uint8_t* gt, int w, int h);
  // Class `label` of two label images of one size.
  ClassScore scoreLabel(const LabelImage& pred, const LabelImage& gt, std::uint8_t label);
  // Hand class (label > 0) of two label images (or binary masks).
  ClassScore scoreForeground(const LabelImage& pred, const LabelImage& gt);
  // Labels 1..labelCount (<= 7) of two label images in one pass: out[c] for each; out[0] gets the
  // background IoU and counts, without HD95.
  void scoreAllLabels(const LabelImage& pred, const LabelImage& gt, int labelCount,
                      ClassScore* out);

  struct Box {
    int x0 = INT32_MAX, y0 = INT32_MAX, x1 = -1, y1 = -1;
    bool empty() const { return x1 < 0; }
    void add(int x, int y) {
      x0 = x < x0 ? x : x0, y0 = y < y0 ? y : y0, x1 = x > x1 ? x : x1, y1 = y > y1 ? y : y1;
    }
    void add(const Box& b);
  };

 private:
  // One class of an 8-bit image: pixels equal to `label`, or (label < 0) all non-zero pixels.
  struct ClassOf {
    const std::uint8_t* image;
    int label;
    bool operator()(std::uint8_t v) const { return label < 0 ? v != 0 : v == label; }
  };
  ClassScore scoreClass(ClassOf pred, ClassOf gt, int w, int h);
  ClassScore scoreCounted(ClassOf pred, ClassOf gt, int w, int h, const Box& window,
                          std::int64_t np, std::int64_t ng, std::int64_t inter);
  static void boundary(ClassOf in, int w, int h, const Box& window, BoundaryPixels& out);
  // Boundary pixels of every label 1..labelCount of a label image in one pass over `window`.
  static void labelBoundaries(const std::uint8_t* image, int w, int h, const Box& window,
                              int labelCount, BoundaryPixels* out);
  double hd95FromBoundaries(const BoundaryPixels& pred, const BoundaryPixels& gt);

  HdOptions options_;
  BoundaryPixels predBoundary_, gtBoundary_;
  BoundaryPixels predLabelBoundary_[8], gtLabelBoundary_[8];
  std::vector<std::int32_t> ab_, ba_;
};

}  // namespace handalign
