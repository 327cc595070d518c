#include "metrics/SampleMetricsTable.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHeaderView>

#include <cmath>

namespace handalign {
namespace {
using K = SampleMetricsTable::Kind;
const QColor kBestBackground(46, 125, 50, 40);  // translucent green: readable in light and dark
const QColor kBetter(27, 127, 59);
const QColor kWorse(179, 38, 30);
}  // namespace

const std::vector<SampleMetricsTable::RowSpec>& SampleMetricsTable::rowSpecs() {
  static const std::vector<RowSpec> specs = {
      {QT_TR_NOOP("Hand IoU"), "hand_iou", K::Iou},
      {QT_TR_NOOP("Palm IoU"), "iou_palm", K::Iou},
      {QT_TR_NOOP("Thumb IoU"), "iou_thumb", K::Iou},
      {QT_TR_NOOP("Index IoU"), "iou_index", K::Iou},
      {QT_TR_NOOP("Middle IoU"), "iou_middle", K::Iou},
      {QT_TR_NOOP("Ring IoU"), "iou_ring", K::Iou},
      {QT_TR_NOOP("Pinky IoU"), "iou_pinky", K::Iou},
      {QT_TR_NOOP("Hand mIoU"), "hand_miou", K::Iou},
      {QT_TR_NOOP("Finger mIoU"), "finger_miou", K::Iou},
      {QT_TR_NOOP("Finger mIoU (parts only)"), "finger_miou_fg", K::Iou},
      {QT_TR_NOOP("Hand HD95"), "hand_hd95", K::Hd},
      {QT_TR_NOOP("Palm HD95"), "hd95_palm", K::Hd},
      {QT_TR_NOOP("Thumb HD95"), "hd95_thumb", K::Hd},
      {QT_TR_NOOP("Index HD95"), "hd95_index", K::Hd},
      {QT_TR_NOOP("Middle HD95"), "hd95_middle", K::Hd},
      {QT_TR_NOOP("Ring HD95"), "hd95_ring", K::Hd},
      {QT_TR_NOOP("Pinky HD95"), "hd95_pinky", K::Hd},
      {QT_TR_NOOP("Finger HD95"), "finger_hd95", K::Hd},
      {QT_TR_NOOP("MPJPE"), "mpjpe_mm", K::Mm},
      {QT_TR_NOOP("PA-MPJPE"), "pa_mpjpe_mm", K::Mm},
      {QT_TR_NOOP("MPVPE"), "mpvpe_mm", K::Mm},
      {QT_TR_NOOP("PA-MPVPE"), "pa_mpvpe_mm", K::Mm},
      {QT_TR_NOOP("F@5 mm"), "f5", K::FScore},
      {QT_TR_NOOP("F@15 mm"), "f15", K::FScore},
      {QT_TR_NOOP("PA-F@5 mm"), "pa_f5", K::FScore},
      {QT_TR_NOOP("PA-F@15 mm"), "pa_f15", K::FScore},
  };
  return specs;
}

QString SampleMetricsTable::format(double value, Kind kind, bool delta) {
  if (!std::isfinite(value)) return QStringLiteral("—");
  const QString sign = delta && value > 0 ? QStringLiteral("+") : QString();
  switch (kind) {
    case K::Iou:
    case K::FScore:
      return delta ? tr("%1%2 pp").arg(sign).arg(value * 100.0, 0, 'f', 1)
                   : tr("%1 %").arg(value * 100.0, 0, 'f', 1);
    case K::Hd:
      return tr("%1%2 px").arg(sign).arg(value, 0, 'f', 1);
    case K::Mm:
      return tr("%1%2 mm").arg(sign).arg(value, 0, 'f', 2);
  }
  return {};
}

SampleMetricsTable::SampleMetricsTable(QWidget* parent) : QTableWidget(parent) {
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionMode(QAbstractItemView::NoSelection);
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  setRowCount(int(rowSpecs().size()));
  QStringList labels;
  for (const RowSpec& spec : rowSpecs()) labels << tr(spec.label);
  setVerticalHeaderLabels(labels);
}

int SampleMetricsTable::rowOf(const std::string& column) const {
  const auto& specs = rowSpecs();
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (specs[i].column == column) return int(i);
  return -1;
}

void SampleMetricsTable::setSample(
    const std::vector<std::pair<QString, SampleMetrics>>& perPrediction) {
  const int n = int(perPrediction.size());
  hasDelta_ = n >= 2;
  clearContents();
  setColumnCount(n + (hasDelta_ ? 1 : 0));
  QStringList headers;
  for (const auto& p : perPrediction) headers << p.first;
  if (hasDelta_)
    headers << tr("Δ %1 − %2").arg(perPrediction.back().first, perPrediction.front().first);
  setHorizontalHeaderLabels(headers);
  for (int r = 0; r < rowCount(); ++r) fillRow(r, rowSpecs()[std::size_t(r)], perPrediction);
}

void SampleMetricsTable::fillRow(int row, const RowSpec& spec,
                                 const std::vector<std::pair<QString, SampleMetrics>>& preds) {
  const bool higher = higherIsBetter(spec.kind);
  std::vector<double> v;
  for (const auto& p : preds) v.push_back(metricValue(p.second, spec.column));
  // Best = the extreme finite value, highlighted only where the predictions actually differ.
  double best = std::nan(""), worst = std::nan("");
  for (double x : v) {
    if (!std::isfinite(x)) continue;
    if (!std::isfinite(best) || (higher ? x > best : x < best)) best = x;
    if (!std::isfinite(worst) || (higher ? x < worst : x > worst)) worst = x;
  }
  const bool distinct = std::isfinite(best) && best != worst;
  for (std::size_t c = 0; c < v.size(); ++c) {
    auto* item = new QTableWidgetItem(format(v[c], spec.kind));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setData(kValueRole, v[c]);
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
  const double d = v.back() - v.front();
  auto* item = new QTableWidgetItem(format(d, spec.kind, true));
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  item->setData(kValueRole, d);
  item->setData(kBestRole, false);
  if (std::isfinite(d) && d != 0.0) {
    const bool better = higher ? d > 0 : d < 0;
    item->setForeground(better ? kBetter : kWorse);
    item->setToolTip(better
                         ? tr("%1 is better than %2").arg(preds.back().first, preds.front().first)
                         : tr("%1 is worse than %2").arg(preds.back().first, preds.front().first));
  }
  setItem(row, int(v.size()), item);
}

}  // namespace handalign
