// Fixed-width histogram of the finite values of a metric, on a range shared between predictions.
#pragma once

#include <cstddef>
#include <vector>

namespace handalign {

struct Histogram {
  double lo = 0, hi = 1;            // bin i covers [lo + i·w, lo + (i+1)·w); hi falls in the last
  std::vector<std::size_t> counts;  // one per bin
  double binWidth() const { return counts.empty() ? 0.0 : (hi - lo) / double(counts.size()); }
  std::size_t total() const;
};

// The [min, max] of the finite values of all sets (widened by ±0.5 when empty or constant).
void sharedRange(const std::vector<std::vector<double>>& sets, double& lo, double& hi);
// Counts the finite values of `values` into `bins` bins over [lo, hi]; NaN and ±inf are skipped.
Histogram makeHistogram(const std::vector<double>& values, double lo, double hi, int bins);

}  // namespace handalign
