// The metrics of one (sample, prediction) pair: one row of per_sample.csv.
#pragma once

#include "hand/Part.h"

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace handalign {

struct SampleMetrics {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double handIou = kNaN, handMiou = kNaN, handHd95 = kNaN;
  double fingerMiou = kNaN, fingerMiouFg = kNaN, fingerHd95 = kNaN;
  std::array<double, kPartCount> partIou{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  std::array<double, kPartCount> partHd95{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  double mpjpeMm = kNaN, paMpjpeMm = kNaN, mpvpeMm = kNaN, paMpvpeMm = kNaN;
  double f5 = kNaN, f15 = kNaN, paF5 = kNaN, paF15 = kNaN;
  int handHdMissing = 0;    // 1 when the hand is in exactly one of the two masks
  int fingerHdMissing = 0;  // parts present in exactly one of the two label images
};

struct SampleRow {
  std::size_t index = 0;  // position of the sample in the dataset split
  std::string sample;     // the dataset's sample id
  std::string pred;       // prediction name
  SampleMetrics m;
};

// Column names of per_sample.csv, in order. The metric columns are those of the issue; `index`,
// `hand_hd95_missing` and `finger_hd95_missing` at the end let `merge` rebuild summaries exactly.
const std::vector<std::string>& sampleColumns();
// Metric columns that the summary averages (all numeric metric columns).
const std::vector<std::string>& metricColumns();
// Value of a metric column (by name from metricColumns()).
double metricValue(const SampleMetrics& m, const std::string& column);
double* metricSlot(SampleMetrics& m, const std::string& column);

std::string formatRow(const SampleRow& row);  // CSV line without the newline; NaN as "nan"
// Parses a CSV line written by formatRow (header known to be sampleColumns()). False if malformed.
bool parseRow(const std::string& line, SampleRow& row);

}  // namespace handalign
