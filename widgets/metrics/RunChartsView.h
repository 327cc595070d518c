// Whole-run charts: PCK curves over 0–50 mm (AUC in the legend) and a histogram of one per-sample
// metric, one series per prediction.
#pragma once

#include "eval/Summary.h"
#include "metrics/Histogram.h"

#include <QImage>
#include <QWidget>

#include <string>
#include <vector>

class QChart;
class QChartView;
class QComboBox;

namespace handalign {

class RunChartsView : public QWidget {
  Q_OBJECT
 public:
  enum class PckKind { Joints = 0, PaJoints, Vertices, PaVertices };

  explicit RunChartsView(QWidget* parent = nullptr);
  void setRun(const std::vector<PredictionSummary>& summaries, const EvalResult& result);

  void setPckKind(PckKind kind);
  PckKind pckKind() const;
  void setHistogramMetric(const std::string& column);  // a metricColumns() name
  std::string histogramMetric() const;

  QChart* pckChart() const;
  QChart* histogramChart() const;
  const std::vector<Histogram>& histograms() const { return histograms_; }  // one per prediction
  QImage renderToImage(const QSize& size);  // both charts, for figures

  static const std::vector<double>& curveOf(const PredictionSummary& s, PckKind kind);
  static double aucOf(const PredictionSummary& s, PckKind kind);
  static constexpr int kHistogramBins = 30;

 protected:
  void changeEvent(QEvent* e) override;  // palette (dark charts) and language

 private:
  void labelMetrics();
  void rebuildPck();
  void rebuildHistogram();

  std::vector<PredictionSummary> summaries_;
  std::vector<QString> names_;
  std::vector<std::vector<SampleMetrics>> metrics_;  // per prediction, per sample
  std::vector<Histogram> histograms_;
  QComboBox* pckCombo_;
  QComboBox* metricCombo_;
  QChartView* pckView_;
  QChartView* histView_;
};

}  // namespace handalign
