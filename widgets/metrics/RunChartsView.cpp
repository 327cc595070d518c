#include "metrics/RunChartsView.h"

#include "canvas/PartPalette.h"
#include "eval/MetricRegistry.h"

#include "metrics/PckAccumulator.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace handalign {
namespace {

// The charts follow the palette: a dark window gets dark charts.
QChart::ChartTheme themeFor(const QPalette& p) {
  return p.window().color().lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight;
}

void clearChart(QChart* chart, const QPalette& palette) {
  // Before the series (a theme recolours them), and only when it changes: it restyles everything.
  if (chart->theme() != themeFor(palette)) chart->setTheme(themeFor(palette));
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
}

QValueAxis* addAxis(QChart* chart, Qt::Alignment where, const QString& title, double lo,
                    double hi) {
  auto* axis = new QValueAxis(chart);
  axis->setTitleText(title);
  axis->setRange(lo, hi);
  chart->addAxis(axis, where);
  return axis;
}

QChartView* makeView(QWidget* parent) {
  auto* view = new QChartView(new QChart, parent);
  view->setRenderHint(QPainter::Antialiasing);
  view->chart()->legend()->setAlignment(Qt::AlignBottom);
  view->setMinimumHeight(220);
  return view;
}

}  // namespace

RunChartsView::RunChartsView(QWidget* parent) : QWidget(parent) {
  pckCombo_ = new QComboBox(this);
  pckCombo_->addItems({tr("Joints"), tr("Joints, Procrustes-aligned"), tr("Vertices"),
                       tr("Vertices, Procrustes-aligned")});
  metricCombo_ = new QComboBox(this);
  for (const MetricInfo* m : perSampleMetrics())  // label in the list, the key as its data
    metricCombo_->addItem(QString(), QString::fromLatin1(m->key));
  setHistogramMetric("finger_miou");
  labelMetrics();
  pckView_ = makeView(this);
  histView_ = makeView(this);

  auto* pckBar = new QHBoxLayout;
  pckBar->addWidget(new QLabel(tr("PCK curve:"), this));
  pckBar->addWidget(pckCombo_, 1);
  auto* histBar = new QHBoxLayout;
  histBar->addWidget(new QLabel(tr("Histogram of:"), this));
  histBar->addWidget(metricCombo_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(pckBar);
  layout->addWidget(pckView_, 1);
  layout->addLayout(histBar);
  layout->addWidget(histView_, 1);

  connect(pckCombo_, &QComboBox::currentIndexChanged, this, [this] { rebuildPck(); });
  connect(metricCombo_, &QComboBox::currentIndexChanged, this, [this] { rebuildHistogram(); });
  rebuildPck();
  rebuildHistogram();
}

const std::vector<double>& RunChartsView::curveOf(const PredictionSummary& s, PckKind kind) {
  switch (kind) {
    case PckKind::Joints:
      return s.pckJ;
    case PckKind::PaJoints:
      return s.paPckJ;
    case PckKind::Vertices:
      return s.pckV;
    case PckKind::PaVertices:
      return s.paPckV;
  }
  return s.pckJ;
}

double RunChartsView::aucOf(const PredictionSummary& s, PckKind kind) {
  switch (kind) {
    case PckKind::Joints:
      return s.aucJ;
    case PckKind::PaJoints:
      return s.paAucJ;
    case PckKind::Vertices:
      return s.aucV;
    case PckKind::PaVertices:
      return s.paAucV;
  }
  return s.aucJ;
}

void RunChartsView::setRun(const std::vector<PredictionSummary>& summaries,
                           const EvalResult& result) {
  summaries_ = summaries;
  metrics_.assign(result.predictionNames.size(), {});
  for (const SampleRow& row : result.rows)
    for (std::size_t p = 0; p < result.predictionNames.size(); ++p)
      if (result.predictionNames[p] == row.pred) metrics_[p].push_back(row.m);
  names_.clear();
  for (const std::string& n : result.predictionNames) names_.push_back(QString::fromStdString(n));
  rebuildPck();
  rebuildHistogram();
}

void RunChartsView::setPckKind(PckKind kind) { pckCombo_->setCurrentIndex(int(kind)); }
RunChartsView::PckKind RunChartsView::pckKind() const { return PckKind(pckCombo_->currentIndex()); }
void RunChartsView::labelMetrics() {
  for (int i = 0; i < metricCombo_->count(); ++i)
    if (const MetricInfo* m = findMetric(metricCombo_->itemData(i).toString().toStdString()))
      metricCombo_->setItemText(i, QCoreApplication::translate("Metric", m->label));
}

void RunChartsView::changeEvent(QEvent* e) {
  if (e->type() == QEvent::PaletteChange || e->type() == QEvent::LanguageChange) {
    if (e->type() == QEvent::LanguageChange) labelMetrics();
    rebuildPck();
    rebuildHistogram();
  }
  QWidget::changeEvent(e);
}

void RunChartsView::setHistogramMetric(const std::string& column) {
  metricCombo_->setCurrentIndex(metricCombo_->findData(QString::fromStdString(column)));
}
std::string RunChartsView::histogramMetric() const {
  return metricCombo_->currentData().toString().toStdString();
}
QChart* RunChartsView::pckChart() const { return pckView_->chart(); }
QChart* RunChartsView::histogramChart() const { return histView_->chart(); }

void RunChartsView::rebuildPck() {
  QChart* chart = pckChart();
  clearChart(chart, palette());
  chart->setTitle(tr("PCK — %1").arg(pckCombo_->currentText()));
  QValueAxis* x = addAxis(chart, Qt::AlignBottom, tr("threshold (mm)"), 0.0, 50.0);
  x->setTickCount(6);
  QValueAxis* y = addAxis(chart, Qt::AlignLeft, tr("PCK"), 0.0, 1.0);
  y->setTickCount(6);
  const std::vector<double>& t = PckAccumulator::thresholds();
  for (const PredictionSummary& s : summaries_) {
    const std::vector<double>& curve = curveOf(s, pckKind());
    const double auc = aucOf(s, pckKind());
    if (curve.size() != t.size() || !std::isfinite(auc)) continue;  // e.g. no vertices
    auto* series = new QLineSeries(chart);
    for (std::size_t i = 0; i < t.size(); ++i) series->append(t[i] * 1000.0, curve[i]);
    series->setPen(QPen(methodColor(std::size_t(&s - summaries_.data())), 2.0));
    series->setName(tr("%1 (AUC %2)").arg(QString::fromStdString(s.name)).arg(auc, 0, 'f', 3));
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
  }
}

void RunChartsView::rebuildHistogram() {
  QChart* chart = histogramChart();
  clearChart(chart, palette());
  const std::string column = histogramMetric();
  const MetricInfo* info = findMetric(column);
  if (!info) return;
  const QString label = QCoreApplication::translate("Metric", info->label);
  chart->setTitle(tr("Histogram — %1").arg(label));
  std::vector<std::vector<double>> values(metrics_.size());
  for (std::size_t p = 0; p < metrics_.size(); ++p)
    for (const SampleMetrics& m : metrics_[p]) values[p].push_back(info->value(m));
  double lo = 0, hi = 1;
  sharedRange(values, lo, hi);
  histograms_.clear();
  for (const auto& v : values) histograms_.push_back(makeHistogram(v, lo, hi, kHistogramBins));

  std::size_t peak = 1;
  for (const Histogram& h : histograms_)
    for (std::size_t c : h.counts) peak = std::max(peak, c);
  const QString unit = info->unit == MetricUnit::Ratio || info->unit == MetricUnit::Fraction
                           ? tr("0–1")
                           : QString::fromUtf8(info->unitSymbol());
  QValueAxis* x = addAxis(chart, Qt::AlignBottom, tr("%1 (%2)").arg(label, unit), lo, hi);
  // Integer ticks: at most 6, on a whole-number step.
  const std::size_t step = (peak + 4) / 5, top = step * ((peak + step - 1) / step);
  QValueAxis* y = addAxis(chart, Qt::AlignLeft, tr("samples"), 0.0, double(top));
  y->setTickCount(int(top / step) + 1);
  y->setLabelFormat(QStringLiteral("%.0f"));
  for (std::size_t p = 0; p < histograms_.size(); ++p) {
    const Histogram& h = histograms_[p];
    auto* area = new QAreaSeries(chart);
    auto* upper = new QLineSeries(area);  // a step outline: flat over each bin
    const double w = h.binWidth();
    upper->append(h.lo, 0.0);
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
      upper->append(h.lo + double(i) * w, double(h.counts[i]));
      upper->append(h.lo + double(i + 1) * w, double(h.counts[i]));
    }
    upper->append(h.hi, 0.0);
    area->setUpperSeries(upper);
    double sum = 0;
    for (double v : values[p]) sum += std::isfinite(v) ? v : 0.0;
    const std::size_t n = h.total();
    area->setName(
        n ? tr("%1 (n = %2, mean %3)").arg(names_[p]).arg(n).arg(sum / double(n), 0, 'g', 4)
          : tr("%1 (no finite values)").arg(names_[p]));
    chart->addSeries(area);
    QColor fill = methodColor(p);  // the method's colour everywhere (render/Palette.h)
    QPen pen(fill, 1.5);
    fill.setAlpha(70);
    area->setBrush(fill);
    area->setPen(pen);
    area->attachAxis(x);
    area->attachAxis(y);
  }
}

QImage RunChartsView::renderToImage(const QSize& size) {
  const QSize old = this->size();
  if (size.isValid()) resize(size);
  if (layout()) layout()->activate();
  const QImage image = grab().toImage();
  if (size.isValid()) resize(old);
  return image;
}

}  // namespace handalign
