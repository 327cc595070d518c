#include "metrics/MaskMetrics.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

namespace handalign {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// numpy's _lerp: a + (b - a)·t, evaluated from b's side for t >= 0.5.
inline double lerp(double a, double b, double t) {
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// numpy.percentile(sqrt(squared), q): sqrt is monotonic, so select on the integers.
double percentileOfSquared(std::vector<std::int32_t>& sq, double q) {
  const std::size_t n = sq.size();
  if (n == 0) return kNaN;
  const double virtualIndex = double(n - 1) * (q / 100.0);
  const double lowerIndex = std::floor(virtualIndex);
  const std::size_t lo = std::min(n - 1, std::size_t(lowerIndex));
  std::nth_element(sq.begin(), sq.begin() + std::ptrdiff_t(lo), sq.end());
  const double a = std::sqrt(double(sq[lo]));
  const double b =
      lo + 1 < n
          ? std::sqrt(double(*std::min_element(sq.begin() + std::ptrdiff_t(lo) + 1, sq.end())))
          : a;
  return lerp(a, b, virtualIndex - lowerIndex);
}

// First and last non-zero byte of a row (first > last when the row is all zero), 8 bytes at a time:
// most rows of a hand image are empty.
inline void rowExtent(const std::uint8_t* row, int w, int& first, int& last) {
  first = 0;
  while (first + 8 <= w) {
    std::uint64_t word;
    std::memcpy(&word, row + first, 8);
    if (word) break;
    first += 8;
  }
  while (first < w && !row[first]) ++first;
  last = w - 1;
  while (last >= first + 8) {
    std::uint64_t word;
    std::memcpy(&word, row + last - 7, 8);
    if (word) break;
    last -= 8;
  }
  while (last >= first && !row[last]) --last;
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
  const std::size_t lo = std::min(n - 1, std::size_t(lowerIndex));
  std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(lo), values.end());
  const double a = values[lo];
  const double b =
      lo + 1 < n ? *std::min_element(values.begin() + std::ptrdiff_t(lo) + 1, values.end()) : a;
  return lerp(a, b, virtualIndex - lowerIndex);
}

void MaskScorer::Box::add(const Box& b) {
  if (b.empty()) return;
  x0 = std::min(x0, b.x0), y0 = std::min(y0, b.y0), x1 = std::max(x1, b.x1),
  y1 = std::max(y1, b.y1);
}

void MaskScorer::boundary(ClassOf in, int w, int h, const Box& win, BoundaryPixels& out) {
  classBoundary(in.image, w, h, in.label, win.x0, win.y0, win.x1, win.y1, out);
}

void MaskScorer::labelBoundaries(const std::uint8_t* image, int w, int h, const Box& win,
                                 int labelCount, BoundaryPixels* out) {
  for (int c = 1; c <= labelCount; ++c) out[c].clear(win.y0, win.y1 - win.y0 + 1);
  for (int y = win.y0; y <= win.y1; ++y) {
    const std::uint8_t* row = image + std::size_t(y) * w;
    const std::uint8_t* up = y > 0 ? row - w : nullptr;
    const std::uint8_t* down = y + 1 < h ? row + w : nullptr;
    for (int x = win.x0; x <= win.x1; ++x) {
      const std::uint8_t v = row[x];
      if (v == 0 || v > labelCount) continue;
      if (!up || !down || x == 0 || x == w - 1 || row[x - 1] != v || row[x + 1] != v ||
          up[x] != v || down[x] != v)
        out[v].push(x);
    }
    for (int c = 1; c <= labelCount; ++c) out[c].endRow();
  }
}

double MaskScorer::hd95FromBoundaries(const BoundaryPixels& pred, const BoundaryPixels& gt) {
  ab_.clear();
  ba_.clear();
  directedSquaredDistances(pred, gt, ab_);
  directedSquaredDistances(gt, pred, ba_);
  if (options_.mode == HdMode::Max)
    return std::max(percentileOfSquared(ab_, 95.0), percentileOfSquared(ba_, 95.0));
  ab_.insert(ab_.end(), ba_.begin(), ba_.end());
  return percentileOfSquared(ab_, 95.0);
}

ClassScore MaskScorer::scoreCounted(ClassOf pred, ClassOf gt, int w, int h, const Box& window,
                                    std::int64_t np, std::int64_t ng, std::int64_t inter) {
  ClassScore s;
  s.intersection = inter;
  s.unionCount = np + ng - inter;
  if (s.unionCount == 0) return s;  // class absent from both: IoU and HD95 undefined
  s.iou = double(s.intersection) / double(s.unionCount);
  if (np == 0 || ng == 0) {
    s.hdMissing = true;
    s.hd95 = options_.empty == HdEmpty::Diagonal ? std::sqrt(double(w) * w + double(h) * h) : kNaN;
    return s;
  }
  // Every boundary pixel of either mask lies in the union's bounding box.
  boundary(pred, w, h, window, predBoundary_);
  boundary(gt, w, h, window, gtBoundary_);
  s.hd95 = hd95FromBoundaries(predBoundary_, gtBoundary_);
  return s;
}

ClassScore MaskScorer::scoreClass(ClassOf pred, ClassOf gt, int w, int h) {
  Box box;
  std::int64_t np = 0, ng = 0, inter = 0;
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* pr = pred.image + std::size_t(y) * w;
    const std::uint8_t* gr = gt.image + std::size_t(y) * w;
    int first = 0, last = w - 1;
    if (pred.label != 0 && gt.label != 0) {  // a class without 0: skip the all-zero row ends
      int pf, pl, gf, gl;
      rowExtent(pr, w, pf, pl);
      rowExtent(gr, w, gf, gl);
      first = std::min(pf, gf), last = std::max(pl, gl);
    }
    // The class test is chosen once per row, not per pixel: this loop is on the evaluation's hot
    // path.
    auto count = [&](auto inP, auto inG) {
      for (int x = first; x <= last; ++x) {
        const bool p = inP(pr[x]), g = inG(gr[x]);
        if (!(p || g)) continue;
        np += p, ng += g, inter += p && g;
        box.add(x, y);
      }
    };
    const auto nonZero = [](std::uint8_t v) { return v != 0; };
    if (pred.label < 0 && gt.label < 0)
      count(nonZero, nonZero);
    else
      count(pred, gt);
  }
  return scoreCounted(pred, gt, w, h, box, np, ng, inter);
}

ClassScore MaskScorer::score(const std::uint8_t* pred, const std::uint8_t* gt, int w, int h) {
  return scoreClass({pred, -1}, {gt, -1}, w, h);
}

ClassScore MaskScorer::scoreLabel(const LabelImage& pred, const LabelImage& gt,
                                  std::uint8_t label) {
  return scoreClass({pred.pixels.data(), label}, {gt.pixels.data(), label}, pred.width,
                    pred.height);
}

ClassScore MaskScorer::scoreForeground(const LabelImage& pred, const LabelImage& gt) {
  return score(pred.pixels.data(), gt.pixels.data(), pred.width, pred.height);
}

void MaskScorer::scoreAllLabels(const LabelImage& pred, const LabelImage& gt, int labelCount,
                                ClassScore* out) {
  constexpr int kMax = 8;
  const int w = pred.width, h = pred.height;
  std::int64_t conf[kMax][kMax] = {};
  Box predBox[kMax], gtBox[kMax];
  const std::uint8_t* p = pred.pixels.data();
  const std::uint8_t* g = gt.pixels.data();
  // One pass: the confusion matrix and, per label, its bounding box (row extents merged per row).
  std::int64_t visited = 0;
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* pr = p + std::size_t(y) * w;
    const std::uint8_t* gr = g + std::size_t(y) * w;
    int pf, pl, gf, gl;
    rowExtent(pr, w, pf, pl);
    rowExtent(gr, w, gf, gl);
    const int xEnd = std::max(pl, gl);
    for (int x = std::min(pf, gf); x <= xEnd; ++x) {
      const int a = pr[x] & (kMax - 1), b = gr[x] & (kMax - 1);
      ++conf[a][b];
      ++visited;
      if (a) predBox[a].add(x, y);
      if (b) gtBox[b].add(x, y);
    }
  }
  conf[0][0] += std::int64_t(w) * h - visited;  // the skipped pixels are background in both
  // Boundaries of all labels at once, over the union of their boxes.
  Box all;
  for (int c = 1; c <= labelCount; ++c) all.add(predBox[c]), all.add(gtBox[c]);
  if (!all.empty()) {
    labelBoundaries(p, w, h, all, labelCount, predLabelBoundary_);
    labelBoundaries(g, w, h, all, labelCount, gtLabelBoundary_);
  }
  for (int c = 0; c <= labelCount; ++c) {
    std::int64_t np = 0, ng = 0;
    for (int k = 0; k < kMax; ++k) np += conf[c][k], ng += conf[k][c];
    if (c == 0) {
      out[0] = ClassScore{};
      out[0].intersection = conf[0][0];
      out[0].unionCount = np + ng - conf[0][0];
      if (out[0].unionCount) out[0].iou = double(out[0].intersection) / double(out[0].unionCount);
      continue;
    }
    ClassScore& s = out[c];
    s = ClassScore{};
    s.intersection = conf[c][c];
    s.unionCount = np + ng - conf[c][c];
    if (s.unionCount == 0) continue;
    s.iou = double(s.intersection) / double(s.unionCount);
    if (np == 0 || ng == 0) {
      s.hdMissing = true;
      s.hd95 =
          options_.empty == HdEmpty::Diagonal ? std::sqrt(double(w) * w + double(h) * h) : kNaN;
      continue;
    }
    s.hd95 = hd95FromBoundaries(predLabelBoundary_[c], gtLabelBoundary_[c]);
  }
}

}  // namespace handalign
