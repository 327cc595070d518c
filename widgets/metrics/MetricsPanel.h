// The metrics dock: the current sample's table ("Sample") and the whole run's charts ("Run").
#pragma once

#include "metrics/RunChartsView.h"
#include "metrics/SampleMetricsTable.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace handalign {

class MetricsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit MetricsPanel(QWidget* parent = nullptr);

  // `title` names the sample (e.g. its id); the table shows one column per prediction.
  // `reference` / `shown`: the delta column (SampleMetricsTable::setSample).
  void setSample(const QString& title,
                 const std::vector<std::pair<QString, SampleMetrics>>& perPrediction,
                 int reference = -1, int shown = -1);
  void setRun(const std::vector<PredictionSummary>& summaries, const EvalResult& result);

  SampleMetricsTable* sampleTable() const { return table_; }
  RunChartsView* runCharts() const { return charts_; }
  QTabWidget* tabs() const { return tabs_; }

 private:
  QTabWidget* tabs_;
  QLabel* sampleTitle_;
  SampleMetricsTable* table_;
  RunChartsView* charts_;
};

}  // namespace handalign
