#include "metrics/BoundaryDistanceMap.h"

#include "metrics/BoundaryDistance.h"
#include "metrics/MaskMetrics.h"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace handalign {
namespace {

// Boundary of a class over the whole image: class pixels with a 4-neighbour outside the class or
// outside the image (the definition in docs/metrics.md, as MaskScorer uses).
template <typename In>
void boundaryOf(const LabelImage& img, In in, BoundaryPixels& out) {
  const int w = img.width, h = img.height;
  out.clear(0, h);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (!in(img.at(x, y))) continue;
      if (y == 0 || y == h - 1 || x == 0 || x == w - 1 || !in(img.at(x - 1, y)) ||
          !in(img.at(x + 1, y)) || !in(img.at(x, y - 1)) || !in(img.at(x, y + 1)))
        out.push(x);
    }
    out.endRow();
  }
}

template <typename In>
BoundaryDistanceMap build(const LabelImage& a, const LabelImage& b, In in) {
  if (a.width != b.width || a.height != b.height)
    throw std::invalid_argument("boundaryDistanceMap: the two images differ in size");
  BoundaryDistanceMap m;
  m.distance.reset(a.width, a.height, std::numeric_limits<float>::quiet_NaN());
  BoundaryPixels ba, bb;
  boundaryOf(a, in, ba);
  boundaryOf(b, in, bb);
  m.boundaryPixels = int(ba.xs.size());
  if (ba.empty() || bb.empty()) return m;

  std::vector<std::int32_t> squared;
  squared.reserve(ba.xs.size());
  directedSquaredDistances(ba, bb, squared);  // in ba's row-major order
  std::vector<double> values(squared.size());
  std::size_t i = 0;
  for (int r = 0; r < ba.rows; ++r)
    for (int k = ba.rowStart[std::size_t(r)]; k < ba.rowStart[std::size_t(r) + 1]; ++k, ++i) {
      values[i] = std::sqrt(double(squared[i]));
      m.distance.at(ba.xs[std::size_t(k)], ba.y0 + r) = float(values[i]);
    }
  m.p95 = percentileLinear(values, 95.0);
  return m;
}

}  // namespace

BoundaryDistanceMap boundaryDistanceMap(const Image<std::uint8_t>& a,
                                        const Image<std::uint8_t>& b) {
  return build(a, b, [](std::uint8_t v) { return v != 0; });
}

BoundaryDistanceMap boundaryDistanceMap(const LabelImage& a, const LabelImage& b, int label) {
  if (label < 0) return boundaryDistanceMap(a, b);
  const auto l = std::uint8_t(label);
  return build(a, b, [l](std::uint8_t v) { return v == l; });
}

}  // namespace handalign
