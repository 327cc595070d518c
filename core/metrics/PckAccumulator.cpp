#include "metrics/PckAccumulator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace handalign {
namespace {
constexpr int kBins = PckAccumulator::kThresholdCount + 1;

// numpy's trapz(y, x): Σ (x[i+1] - x[i]) · (y[i+1] + y[i]) / 2.
double trapz(const std::vector<double>& y, const std::vector<double>& x) {
  double s = 0;
  for (std::size_t i = 0; i + 1 < x.size(); ++i) s += (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
  return s;
}
// lower_bound(t, d) for the evenly spaced thresholds: a guess from d / step, then corrected by the
// comparisons lower_bound itself would make, so the bin is the same.
std::size_t firstAtLeast(const std::vector<double>& t, double d) {
  constexpr double kInverseStep = double(PckAccumulator::kThresholdCount - 1) / 0.05;
  const std::size_t n = t.size();
  std::size_t i = d > 0 ? std::size_t(std::min(d * kInverseStep, double(n))) : 0;
  while (i > 0 && t[i - 1] >= d) --i;
  while (i < n && t[i] < d) ++i;
  return i;
}

}  // namespace

const std::vector<double>& PckAccumulator::thresholds() {
  static const std::vector<double> t = [] {
    std::vector<double> v(kThresholdCount);
    const double step = (0.05 - 0.0) / double(kThresholdCount - 1);
    for (int k = 0; k < kThresholdCount; ++k) v[std::size_t(k)] = double(k) * step + 0.0;
    v.back() = 0.05;
    return v;
  }();
  return t;
}

PckAccumulator::PckAccumulator(int keypoints)
    : keypoints_(keypoints), bins_(std::size_t(keypoints) * kBins, 0) {}

void PckAccumulator::add(const std::vector<double>& distances) {
  if (int(distances.size()) != keypoints_) throw std::logic_error("PckAccumulator: keypoint count");
  const std::vector<double>& t = thresholds();
  for (int k = 0; k < keypoints_; ++k) {
    // First threshold with d <= t; NaN falls through to the overflow bin.
    const double d = distances[std::size_t(k)];
    const std::size_t bin = std::isnan(d) ? kThresholdCount : firstAtLeast(t, d);
    ++bins_[std::size_t(k) * kBins + bin];
  }
  ++samples_;
}

void PckAccumulator::merge(const PckAccumulator& other) {
  if (other.samples_ == 0) return;
  if (samples_ == 0 && keypoints_ != other.keypoints_) *this = PckAccumulator(other.keypoints_);
  if (other.keypoints_ != keypoints_)
    throw std::invalid_argument("PCK histograms of different keypoint counts");
  for (std::size_t i = 0; i < bins_.size(); ++i) bins_[i] += other.bins_[i];
  samples_ += other.samples_;
}

std::vector<double> PckAccumulator::curve() const {
  std::vector<double> mean(kThresholdCount, 0.0);
  if (samples_ == 0 || keypoints_ == 0)
    return std::vector<double>(kThresholdCount, std::numeric_limits<double>::quiet_NaN());
  for (int k = 0; k < keypoints_; ++k) {
    std::int64_t cum = 0;
    for (int t = 0; t < kThresholdCount; ++t) {
      cum += bins_[std::size_t(k) * kBins + std::size_t(t)];
      mean[std::size_t(t)] += double(cum) / double(samples_);
    }
  }
  for (double& v : mean) v /= keypoints_;
  return mean;
}

double PckAccumulator::auc() const {
  if (samples_ == 0 || keypoints_ == 0) return std::numeric_limits<double>::quiet_NaN();
  const std::vector<double>& t = thresholds();
  const double norm = trapz(std::vector<double>(t.size(), 1.0), t);
  std::vector<double> pck(kThresholdCount);
  double sum = 0;
  for (int k = 0; k < keypoints_; ++k) {
    std::int64_t cum = 0;
    for (int i = 0; i < kThresholdCount; ++i) {
      cum += bins_[std::size_t(k) * kBins + std::size_t(i)];
      pck[std::size_t(i)] = double(cum) / double(samples_);
    }
    sum += trapz(pck, t) / norm;
  }
  return sum / keypoints_;
}

PckAccumulator PckAccumulator::fromHistogram(int keypoints, std::int64_t samples,
                                             std::vector<std::int64_t> bins) {
  if (keypoints < 0 || keypoints > (1 << 24) || bins.size() != std::size_t(keypoints) * kBins)
    throw std::invalid_argument("PCK histogram size");
  if (samples < 0) throw std::invalid_argument("negative sample count");
  // Every keypoint's histogram counts each sample once.
  for (std::size_t k = 0; k < std::size_t(keypoints); ++k) {
    std::int64_t sum = 0;
    for (std::size_t b = 0; b < std::size_t(kBins); ++b) {
      const std::int64_t v = bins[k * kBins + b];
      if (v < 0 || v > samples) throw std::invalid_argument("count out of range");
      sum += v;
    }
    if (sum != samples)
      throw std::invalid_argument("keypoint " + std::to_string(k) + " histogram sums to " +
                                  std::to_string(sum) + ", not its " + std::to_string(samples) +
                                  " samples");
  }
  PckAccumulator a(keypoints);
  a.samples_ = samples;
  a.bins_ = std::move(bins);
  return a;
}

}  // namespace handalign
