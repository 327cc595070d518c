// FreiHAND's PCK curve and AUC over a dataset, per keypoint, from exact threshold histograms.
#pragma once

#include <cstdint>
#include <vector>

namespace handalign {

// Keeps, per keypoint, how many samples first fall below each of the 100 thresholds
// numpy.linspace(0, 0.05, 100) m (d <= t), so curves and AUCs are exact without storing distances
// and two accumulators (e.g. shards) merge by addition.
class PckAccumulator {
 public:
  static constexpr int kThresholdCount = 100;
  static const std::vector<double>& thresholds();  // metres, bit-identical to numpy.linspace

  explicit PckAccumulator(int keypoints = 0);
  int keypoints() const { return keypoints_; }
  std::int64_t samples() const { return samples_; }

  // One sample: the distance (metres) of each keypoint. Size must equal keypoints().
  void add(const std::vector<double>& distances);
  void merge(const PckAccumulator& other);

  // Mean over keypoints of PCK at each threshold.
  std::vector<double> curve() const;
  // Mean over keypoints of trapz(PCK, t) / trapz(1, t). NaN when empty.
  double auc() const;

  // Raw histograms (keypoints × (kThresholdCount + 1); the last bin counts d > 0.05 m).
  const std::vector<std::int64_t>& histogram() const { return bins_; }
  static PckAccumulator fromHistogram(int keypoints, std::int64_t samples,
                                      std::vector<std::int64_t> bins);

 private:
  int keypoints_ = 0;
  std::int64_t samples_ = 0;
  std::vector<std::int64_t> bins_;
};

}  // namespace handalign
