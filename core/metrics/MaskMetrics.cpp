#include "metrics/MaskMetrics.h"

#include <algorithm>
#include <cmath>

namespace handalign {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Boundary inside window [x0,x1]×[y0,y1] of a w×h mask: a mask pixel with a 4-neighbour outside the
// mask or outside the image. Written into a window-sized buffer.
void boundaryInWindow(const std::uint8_t* m, int w, int h, int x0, int y0, int ww, int wh,
                      std::vector<std::uint8_t>& out) {
  out.assign(std::size_t(ww) * wh, 0);
  for (int y = y0; y < y0 + wh; ++y) {
    const std::uint8_t* row = m + std::size_t(y) * w;
    std::uint8_t* o = out.data() + std::size_t(y - y0) * ww;
    for (int x = x0; x < x0 + ww; ++x) {
      if (!row[x]) continue;
      const bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || !row[x - 1] || !row[x + 1] ||
                        !row[x - w] || !row[x + w];
      o[x - x0] = edge ? 1 : 0;
    }
  }
}

// numpy's _lerp: a + (b - a)·t, evaluated from b's side for t >= 0.5.
inline double lerp(double a, double b, double t) {
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

}  // namespace

std::string toString(HdMode m) { return m == HdMode::Max ? "max" : "pooled"; }
std::string toString(HdEmpty e) { return e == HdEmpty::Nan ? "nan" : "diagonal"; }
bool parseHdMode(const std::string& s, HdMode& out) {
  if (s == "max") return out = HdMode::Max, true;
  if (s == "pooled") return out = HdMode::Pooled, true;
  return false;
}
bool parseHdEmpty(const std::string& s, HdEmpty& out) {
  if (s == "nan") return out = HdEmpty::Nan, true;
  if (s == "diagonal") return out = HdEmpty::Diagonal, true;
  return false;
}

double percentileLinear(std::vector<double>& values, double q) {
  const std::size_t n = values.size();
  if (n == 0) return kNaN;
  const double virtualIndex = double(n - 1) * (q / 100.0);
  const double lowerIndex = std::floor(virtualIndex);
  const double gamma = virtualIndex - lowerIndex;
  const std::size_t lo = std::min(n - 1, std::size_t(lowerIndex));
  std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(lo), values.end());
  const double a = values[lo];
  const double b = lo + 1 < n ? *std::min_element(values.begin() + std::ptrdiff_t(lo) + 1, values.end()) : a;
  return lerp(a, b, gamma);
}

void MaskScorer::directed(const std::vector<std::uint8_t>& fromBoundary,
                          const std::vector<std::uint8_t>& toBoundary, std::vector<double>& out) {
  edt_.compute(toBoundary.data(), winW_, winH_, winW_, dist_);
  out.clear();
  for (std::size_t i = 0; i < fromBoundary.size(); ++i)
    if (fromBoundary[i]) out.push_back(std::sqrt(double(dist_[i])));
}

ClassScore MaskScorer::score(const std::uint8_t* pred, const std::uint8_t* gt, int w, int h) {
  ClassScore s;
  int x0 = w, y0 = h, x1 = -1, y1 = -1;
  std::int64_t np = 0, ng = 0;
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* pr = pred + std::size_t(y) * w;
    const std::uint8_t* gr = gt + std::size_t(y) * w;
    for (int x = 0; x < w; ++x) {
      const bool p = pr[x] != 0, g = gr[x] != 0;
      if (!(p || g)) continue;
      np += p;
      ng += g;
      s.intersection += (p && g);
      ++s.unionCount;
      x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
    }
  }
  if (s.unionCount == 0) return s;  // class absent from both: IoU and HD95 undefined
  s.iou = double(s.intersection) / double(s.unionCount);
  if (np == 0 || ng == 0) {
    s.hdMissing = true;
    s.hd95 = options_.empty == HdEmpty::Diagonal ? std::sqrt(double(w) * w + double(h) * h) : kNaN;
    return s;
  }
  // Every boundary pixel of either mask lies in the union's bounding box, so an exact distance
  // transform restricted to that window gives exact nearest-boundary distances.
  winX_ = x0, winY_ = y0, winW_ = x1 - x0 + 1, winH_ = y1 - y0 + 1;
  boundaryInWindow(pred, w, h, x0, y0, winW_, winH_, predBoundary_);
  boundaryInWindow(gt, w, h, x0, y0, winW_, winH_, gtBoundary_);
  directed(predBoundary_, gtBoundary_, ab_);
  directed(gtBoundary_, predBoundary_, ba_);
  if (options_.mode == HdMode::Max) {
    s.hd95 = std::max(percentileLinear(ab_, 95.0), percentileLinear(ba_, 95.0));
  } else {
    ab_.insert(ab_.end(), ba_.begin(), ba_.end());
    s.hd95 = percentileLinear(ab_, 95.0);
  }
  return s;
}

ClassScore MaskScorer::scoreLabel(const LabelImage& pred, const LabelImage& gt, std::uint8_t label) {
  const std::size_t n = pred.pixels.size();
  predMask_.resize(n);
  gtMask_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    predMask_[i] = pred.pixels[i] == label;
    gtMask_[i] = gt.pixels[i] == label;
  }
  return score(predMask_.data(), gtMask_.data(), pred.width, pred.height);
}

ClassScore MaskScorer::scoreForeground(const LabelImage& pred, const LabelImage& gt) {
  const std::size_t n = pred.pixels.size();
  predMask_.resize(n);
  gtMask_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    predMask_[i] = pred.pixels[i] != 0;
    gtMask_[i] = gt.pixels[i] != 0;
  }
  return score(predMask_.data(), gtMask_.data(), pred.width, pred.height);
}

}  // namespace handalign
