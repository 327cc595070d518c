#include "metrics/Histogram.h"

#include <algorithm>
#include <cmath>

namespace handalign {

std::size_t Histogram::total() const {
  std::size_t n = 0;
  for (std::size_t c : counts) n += c;
  return n;
}

void sharedRange(const std::vector<std::vector<double>>& sets, double& lo, double& hi) {
  lo = INFINITY, hi = -INFINITY;
  for (const auto& set : sets)
    for (double v : set)
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!(lo <= hi)) lo = 0.0, hi = 0.0;
  if (lo == hi) lo -= 0.5, hi += 0.5;
}

Histogram makeHistogram(const std::vector<double>& values, double lo, double hi, int bins) {
  Histogram h;
  h.lo = lo, h.hi = hi;
  h.counts.assign(std::size_t(std::max(bins, 1)), 0);
  const double w = h.binWidth();
  for (double v : values) {
    if (!std::isfinite(v) || v < lo || v > hi) continue;
    const auto i = std::min(std::size_t((v - lo) / w), h.counts.size() - 1);
    ++h.counts[i];
  }
  return h;
}

}  // namespace handalign
