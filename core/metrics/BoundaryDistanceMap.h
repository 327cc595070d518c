// Per-pixel boundary distances A→B (docs/metrics.md), so a view can show which pixels make the
// HD95.
#pragma once

#include "raster/LabelImage.h"

#include <cstdint>
#include <limits>

namespace handalign {

struct BoundaryDistanceMap {
  // At each boundary pixel of A: the Euclidean distance (pixels) to the nearest boundary pixel of
  // B; NaN elsewhere, and NaN everywhere when either boundary is empty (the HD is undefined then).
  Image<float> distance;
  // Directed P95(A→B) (numpy.percentile, linear); NaN when undefined. A pixel with
  // distance > p95 is one of the 5 % that set the HD95.
  double p95 = std::numeric_limits<double>::quiet_NaN();
  int boundaryPixels = 0;  // boundary pixels of A
};

// a and b: one size; non-zero = inside the class.
BoundaryDistanceMap boundaryDistanceMap(const Image<std::uint8_t>& a, const Image<std::uint8_t>& b);
// Class `label` of two label images; label < 0 means the hand class (label > 0).
BoundaryDistanceMap boundaryDistanceMap(const LabelImage& a, const LabelImage& b, int label);

}  // namespace handalign
