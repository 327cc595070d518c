#include "metrics/BoundaryDistanceMap.h"

#include "metrics/BoundaryDistance.h"
#include "metrics/MaskMetrics.h"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace handalign {
namespace {

BoundaryDistanceMap build(const LabelImage& a, const LabelImage& b, int label) {
  if (a.width != b.width || a.height != b.height)
    throw std::invalid_argument("boundaryDistanceMap: the two images differ in size");
  BoundaryDistanceMap m;
  m.distance.reset(a.width, a.height, std::numeric_limits<float>::quiet_NaN());
  BoundaryPixels ba, bb;
  classBoundary(a.pixels.data(), a.width, a.height, label, 0, 0, a.width - 1, a.height - 1, ba);
  classBoundary(b.pixels.data(), b.width, b.height, label, 0, 0, b.width - 1, b.height - 1, bb);
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
  return build(a, b, -1);
}

BoundaryDistanceMap boundaryDistanceMap(const LabelImage& a, const LabelImage& b, int label) {
  return build(a, b, label < 0 ? -1 : label);
}

}  // namespace handalign
