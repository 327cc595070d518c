// The one list of metrics: what each is (key, label, unit, decimals, direction, level) and where
// its per-sample value lives. per_sample.csv, the project schema, the studio and the tables read
// it.
#pragma once

#include "eval/SampleResult.h"

#include <string>
#include <string_view>
#include <vector>

namespace handalign {

enum class MetricLevel { Hand, Finger, Part, Mesh, Dataset };
// Ratio: stored 0..1, shown in percent (IoU); Fraction: stored and shown 0..1 (F-score, AUC, as
// FreiHAND reports them).
enum class MetricUnit { Ratio, Fraction, Pixel, Millimetre };

struct MetricInfo {
  const char* key;    // per_sample.csv / project column, filter keyword, CLI --worst value
  const char* label;  // English, short: "Hand mIoU" (the studio translates it, context "Metric")
  MetricUnit unit;
  int decimals;  // in the unit as shown (percent for ratios), as in the paper's tables
  bool higherIsBetter;
  MetricLevel level;
  const char* how;  // one line: how it is computed (tooltips, docs/metrics.md has the rule)
  // Byte offset of the value in SampleMetrics; -1 for a dataset-level metric (the AUCs), which
  // has no per-sample value and lives only in summaries and tables.
  long offset;
  bool delta;  // gets a delta column in the studio's browser

  bool perSample() const { return offset >= 0; }
  double value(const SampleMetrics& m) const;
  double* slot(SampleMetrics& m) const;
  const char* unitSymbol() const;  // "%", "px", "mm"; "" for a fraction
  double displayScale() const { return unit == MetricUnit::Ratio ? 100.0 : 1.0; }
  // Decimals of the stored value (0..1 for a ratio: two more than in percent).
  int storedDecimals() const { return unit == MetricUnit::Ratio ? decimals + 2 : decimals; }
  // "Hand mIoU (%)": the label with its unit, as table headers write it ("AUC-J" for a fraction).
  std::string labelWithUnit() const;
};

// Every metric, in per_sample.csv's column order (the per-sample ones), then the dataset-level
// ones.
const std::vector<MetricInfo>& metricRegistry();
// The per-sample ones (per_sample.csv's metric columns), in that order.
const std::vector<const MetricInfo*>& perSampleMetrics();
// nullptr when no metric has this key.
const MetricInfo* findMetric(std::string_view key);
std::string toString(MetricLevel level);

}  // namespace handalign
