#include "metrics/SampleMetricsTable.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QEvent>
#include <QFont>
#include <QHeaderView>

#include <cmath>

namespace handalign {
namespace {
const QColor kBestBackground(46, 125, 50, 40);  // translucent green: readable in light and dark
const QColor kBetter(27, 127, 59);
const QColor kWorse(179, 38, 30);

QTableWidgetItem* numberItem(const QString& text, double value) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  item->setData(SampleMetricsTable::kValueRole, value);
  item->setData(SampleMetricsTable::kBestRole, false);
  return item;
}
}  // namespace

const std::vector<const MetricInfo*>& SampleMetricsTable::rowMetrics() {
  return perSampleMetrics();
}

QString SampleMetricsTable::label(const MetricInfo& metric) {
  return QCoreApplication::translate("Metric", metric.label);
}

QString SampleMetricsTable::format(double value, const MetricInfo& metric, bool delta) {
  if (!std::isfinite(value)) return QStringLiteral("—");
  const QString sign = delta && value > 0 ? QStringLiteral("+") : QString();
  const QString number =
      sign + QString::number(value * metric.displayScale(), 'f', metric.decimals);
  switch (metric.unit) {
    case MetricUnit::Ratio:
      return delta ? tr("%1 pp").arg(number) : tr("%1 %").arg(number);
    case MetricUnit::Fraction:
      return number;
    case MetricUnit::Pixel:
      return tr("%1 px").arg(number);
    case MetricUnit::Millimetre:
      return tr("%1 mm").arg(number);
  }
  return number;
}

SampleMetricsTable::SampleMetricsTable(QWidget* parent) : QTableWidget(parent) {
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionMode(QAbstractItemView::NoSelection);
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  // Every value whole: columns as wide as their contents (a scroll bar beats "21.88 ..."), set
  // once per sample from the texts (fitColumns), not re-measured on every change.
  horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  horizontalHeader()->setStretchLastSection(true);
  horizontalHeader()->setTextElideMode(Qt::ElideNone);
  setRowCount(int(rowMetrics().size()) + 1);
  retranslate();
}

void SampleMetricsTable::retranslate() {
  QStringList labels;
  for (const MetricInfo* m : rowMetrics()) labels << label(*m);
  labels << tr("HD95 left out");
  setVerticalHeaderLabels(labels);
  for (int r = 0; r < int(rowMetrics().size()); ++r) {
    const MetricInfo& m = *rowMetrics()[std::size_t(r)];
    verticalHeaderItem(r)->setToolTip(
        QStringLiteral("%1 — %2 (%3)")
            .arg(QString::fromLatin1(m.key), QCoreApplication::translate("Metric", m.how),
                 m.higherIsBetter ? tr("higher is better") : tr("lower is better")));
  }
  verticalHeaderItem(excludedRow())
      ->setToolTip(tr("Classes in exactly one of the two masks have no HD95 and are left out of "
                      "the averages: hand / parts of this sample"));
  if (!shownSample_.empty()) setSample(shownSample_, reference_, shown_);
}

void SampleMetricsTable::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QTableWidget::changeEvent(e);
}

int SampleMetricsTable::rowOf(const std::string& column) const {
  const auto& rows = rowMetrics();
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (column == rows[i]->key) return int(i);
  return -1;
}

void SampleMetricsTable::setSample(
    const std::vector<std::pair<QString, SampleMetrics>>& perPrediction, int reference, int shown) {
  shownSample_ = perPrediction;
  const int n = int(perPrediction.size());
  reference_ = reference >= 0 && reference < n ? reference : 0;
  shown_ = shown >= 0 && shown < n ? shown : n - 1;
  hasDelta_ = n >= 2 && reference_ != shown_;
  clearContents();
  setColumnCount(n + (hasDelta_ ? 1 : 0));
  QStringList headers;
  for (int i = 0; i < n; ++i)
    headers << (i == reference_ && n >= 2 ? tr("%1 (ref.)").arg(perPrediction[std::size_t(i)].first)
                                          : perPrediction[std::size_t(i)].first);
  if (hasDelta_)
    headers << tr("Δ %1\n− %2")
                   .arg(perPrediction[std::size_t(shown_)].first,
                        perPrediction[std::size_t(reference_)].first);
  setHorizontalHeaderLabels(headers);
  for (int r = 0; r < int(rowMetrics().size()); ++r)
    fillRow(r, *rowMetrics()[std::size_t(r)], perPrediction);
  for (int c = 0; c < n; ++c) {
    const SampleMetrics& m = perPrediction[std::size_t(c)].second;
    auto* item = numberItem(tr("%1 / %2").arg(m.handHdMissing).arg(m.fingerHdMissing),
                            double(m.handHdMissing + m.fingerHdMissing));
    setItem(excludedRow(), c, item);
  }
  fitColumns();
}

void SampleMetricsTable::fitColumns() {
  const QFontMetrics fm(font());
  const QFontMetrics bold([this] {
    QFont f = font();
    f.setBold(true);
    return f;
  }());
  for (int c = 0; c < columnCount(); ++c) {
    const QTableWidgetItem* head = horizontalHeaderItem(c);
    int width = 0;
    if (head)
      for (const QString& line : head->text().split('\n'))
        width = std::max(width, bold.horizontalAdvance(line) + 16);
    for (int r = 0; r < rowCount(); ++r)
      if (const QTableWidgetItem* it = item(r, c))
        width = std::max(width, bold.horizontalAdvance(it->text()) + 12);
    setColumnWidth(c, width);
  }
}

void SampleMetricsTable::fillRow(int row, const MetricInfo& metric,
                                 const std::vector<std::pair<QString, SampleMetrics>>& preds) {
  const bool higher = metric.higherIsBetter;
  std::vector<double> v;
  for (const auto& p : preds) v.push_back(metric.value(p.second));
  // Best = the extreme finite value, highlighted only where the predictions actually differ.
  double best = std::nan(""), worst = std::nan("");
  for (double x : v) {
    if (!std::isfinite(x)) continue;
    if (!std::isfinite(best) || (higher ? x > best : x < best)) best = x;
    if (!std::isfinite(worst) || (higher ? x < worst : x > worst)) worst = x;
  }
  const bool distinct = std::isfinite(best) && best != worst;
  for (std::size_t c = 0; c < v.size(); ++c) {
    auto* item = numberItem(format(v[c], metric), v[c]);
    const bool isBest = distinct && v[c] == best;
    item->setData(kBestRole, isBest);
    if (isBest) {
      QFont f = item->font();
      f.setBold(true);
      item->setFont(f);
      item->setBackground(kBestBackground);
    }
    setItem(row, int(c), item);
  }
  if (!hasDelta_) return;
  const double d = v[std::size_t(shown_)] - v[std::size_t(reference_)];
  auto* item = numberItem(format(d, metric, true), d);
  if (std::isfinite(d) && d != 0.0) {
    const bool better = higher ? d > 0 : d < 0;
    const QString& a = preds[std::size_t(shown_)].first;
    const QString& b = preds[std::size_t(reference_)].first;
    item->setForeground(better ? kBetter : kWorse);
    item->setToolTip(better ? tr("%1 is better than %2").arg(a, b)
                            : tr("%1 is worse than %2").arg(a, b));
  }
  setItem(row, int(v.size()), item);
}

}  // namespace handalign
