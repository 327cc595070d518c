// One sample's metrics side by side: a row per registry metric (eval/MetricRegistry.h), a column
// per method and one delta column (shown method − reference), the best value per row highlighted.
#pragma once

#include "eval/MetricRegistry.h"

#include <QString>
#include <QTableWidget>

#include <string>
#include <utility>
#include <vector>

namespace handalign {

class SampleMetricsTable : public QTableWidget {
  Q_OBJECT
 public:
  // The per-sample metrics of the registry, in its order: one row each, then the HD95 exclusions.
  static const std::vector<const MetricInfo*>& rowMetrics();
  // "81.20 %", "4.30 px", "12.57 mm", "0.712", "—" for NaN, in the registry's decimals; `delta`
  // adds a sign (and "pp" for percentages).
  static QString format(double value, const MetricInfo& metric, bool delta = false);
  // The metric's label in the interface language (context "Metric").
  static QString label(const MetricInfo& metric);

  static constexpr int kValueRole = Qt::UserRole;     // the raw double of a cell
  static constexpr int kBestRole = Qt::UserRole + 1;  // true on the best cell of a row

  explicit SampleMetricsTable(QWidget* parent = nullptr);
  // `reference` and `shown` index perPrediction; the delta column is shown − reference and is
  // left out with fewer than two methods or when they are the same (-1: first and last).
  void setSample(const std::vector<std::pair<QString, SampleMetrics>>& perPrediction,
                 int reference = -1, int shown = -1);
  int rowOf(const std::string& column) const;                   // -1 when not shown
  int excludedRow() const { return int(rowMetrics().size()); }  // "HD95 left out" (hand / parts)
  bool hasDeltaColumn() const { return hasDelta_; }
  void retranslate();

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void fillRow(int row, const MetricInfo& metric,
               const std::vector<std::pair<QString, SampleMetrics>>& perPrediction);
  std::vector<std::pair<QString, SampleMetrics>> shownSample_;
  int reference_ = 0, shown_ = 0;
  void fitColumns();
  bool hasDelta_ = false;
};

}  // namespace handalign
