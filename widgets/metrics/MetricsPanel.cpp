#include "metrics/MetricsPanel.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace handalign {

MetricsPanel::MetricsPanel(QWidget* parent) : QWidget(parent) {
  tabs_ = new QTabWidget(this);
  auto* samplePage = new QWidget(tabs_);
  sampleTitle_ = new QLabel(tr("No sample selected"), samplePage);
  table_ = new SampleMetricsTable(samplePage);
  auto* sampleLayout = new QVBoxLayout(samplePage);
  sampleLayout->addWidget(sampleTitle_);
  sampleLayout->addWidget(table_, 1);
  charts_ = new RunChartsView(tabs_);
  tabs_->addTab(samplePage, tr("Sample"));
  tabs_->addTab(charts_, tr("Run"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
}

void MetricsPanel::setSample(const QString& title,
                             const std::vector<std::pair<QString, SampleMetrics>>& perPrediction,
                             int reference, int shown) {
  sampleTitle_->setText(tr("Sample %1").arg(title));
  table_->setSample(perPrediction, reference, shown);
}

void MetricsPanel::setRun(const std::vector<PredictionSummary>& summaries,
                          const EvalResult& result) {
  charts_->setRun(summaries, result);
}

}  // namespace handalign
