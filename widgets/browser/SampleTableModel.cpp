#include "browser/SampleTableModel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace handalign {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

SampleTableModel::SampleTableModel(QObject* parent) : QAbstractTableModel(parent) {}

const std::vector<const MetricInfo*>& SampleTableModel::deltaMetrics() {
  static const std::vector<const MetricInfo*> m = [] {
    std::vector<const MetricInfo*> v;
    for (const MetricInfo& info : metricRegistry())
      if (info.perSample() && info.delta) v.push_back(&info);
    return v;
  }();
  return m;
}

void SampleTableModel::setRuns(std::vector<RunSamples> runs, int reference) {
  beginResetModel();
  const int n = int(runs.size());
  reference_ = (reference >= 0 && reference < n && n >= 2) ? reference : -1;

  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < allIds_.size(); ++i) indices.push_back(i);
  for (const auto& run : runs)
    for (const auto& row : run.rows) indices.push_back(row.index);
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  const std::size_t rows = indices.size();
  auto rowOf = [&](std::size_t index) {
    return std::size_t(std::lower_bound(indices.begin(), indices.end(), index) - indices.begin());
  };

  columns_.clear();
  values_.clear();
  runNames_.clear();
  sampleIds_.assign(rows, QString());
  columns_.push_back({QStringLiteral("index"), nullptr, -1, false});
  values_.emplace_back(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    values_[0][r] = double(indices[r]);
    if (indices[r] < allIds_.size()) sampleIds_[r] = allIds_[indices[r]];
  }
  columns_.push_back({QStringLiteral("sample"), nullptr, -1, false});
  values_.emplace_back();

  const std::vector<const MetricInfo*>& metrics = perSampleMetrics();
  for (int k = 0; k < n; ++k) {
    runNames_.push_back(runs[std::size_t(k)].name);
    const std::size_t first = columns_.size();
    for (const MetricInfo* m : metrics) {
      columns_.push_back({runs[std::size_t(k)].name + "." + QLatin1String(m->key), m, k, false});
      values_.emplace_back(rows, kNaN);
    }
    for (const auto& row : runs[std::size_t(k)].rows) {
      const std::size_t r = rowOf(row.index);
      if (sampleIds_[r].isEmpty()) sampleIds_[r] = QString::fromStdString(row.sample);
      for (std::size_t c = 0; c < metrics.size(); ++c)
        values_[first + c][r] = metrics[c]->value(row.m);
    }
  }
  buildDeltaColumns();
  reviewColumn_ = -1;
  rebuildReviewColumn();
  endResetModel();
}

void SampleTableModel::buildDeltaColumns() {
  if (reference_ < 0) return;
  const std::size_t rows = sampleIds_.size();
  for (int k = 0; k < runCount(); ++k) {
    if (k == reference_) continue;
    for (const MetricInfo* m : deltaMetrics()) {
      const auto& a = values_[std::size_t(metricColumn(k, m->key))];
      const auto& b = values_[std::size_t(metricColumn(reference_, m->key))];
      std::vector<double> d(rows);
      for (std::size_t r = 0; r < rows; ++r) d[r] = a[r] - b[r];  // NaN if either is missing
      columns_.push_back(
          {"delta." + runNames_[std::size_t(k)] + "." + QLatin1String(m->key), m, k, true});
      values_.push_back(std::move(d));
    }
  }
}

void SampleTableModel::setReference(int reference) {
  if (reference == reference_) return;
  beginResetModel();
  // Drop the old delta columns (they sit between the metric columns and the review column).
  for (std::size_t c = columns_.size(); c-- > 0;)
    if (columns_[c].delta) {
      columns_.erase(columns_.begin() + std::ptrdiff_t(c));
      values_.erase(values_.begin() + std::ptrdiff_t(c));
    }
  if (reviewColumn_ >= 0) {
    columns_.pop_back();
    values_.pop_back();
    reviewColumn_ = -1;
  }
  reference_ = (reference >= 0 && reference < runCount() && runCount() >= 2) ? reference : -1;
  buildDeltaColumns();
  rebuildReviewColumn();
  endResetModel();
}

const std::vector<QString>& SampleTableModel::reviewStateNames() {
  static const std::vector<QString> names = {QStringLiteral("todo"), QStringLiteral("in_progress"),
                                             QStringLiteral("accepted"),
                                             QStringLiteral("needs_another_look")};
  return names;
}

void SampleTableModel::rebuildReviewColumn() {
  if (review_.empty()) return;
  if (reviewColumn_ < 0) {
    reviewColumn_ = int(columns_.size());
    columns_.push_back({QStringLiteral("review"), {}, -1, false});
    values_.emplace_back();
  }
  std::vector<double>& v = values_[std::size_t(reviewColumn_)];
  v.assign(sampleIds_.size(), kNaN);
  for (std::size_t r = 0; r < v.size(); ++r) {
    const std::size_t index = std::size_t(values_[IndexColumn][r]);
    if (index < review_.size() && review_[index] >= 0) v[r] = double(review_[index]);
  }
}

void SampleTableModel::setReviewStates(std::vector<int> states) {
  const bool reshape = states.empty() != review_.empty();
  if (reshape) beginResetModel();
  review_ = std::move(states);
  if (review_.empty() && reviewColumn_ >= 0) {
    columns_.erase(columns_.begin() + reviewColumn_);
    values_.erase(values_.begin() + reviewColumn_);
    reviewColumn_ = -1;
  }
  rebuildReviewColumn();
  if (reshape) {
    endResetModel();
  } else if (reviewColumn_ >= 0 && rowCount() > 0) {
    Q_EMIT dataChanged(index(0, reviewColumn_), index(rowCount() - 1, reviewColumn_));
  }
}

int SampleTableModel::rowOfIndex(std::size_t datasetIndex) const {
  const std::vector<double>& idx = values_.empty() ? std::vector<double>() : values_[IndexColumn];
  const auto it = std::lower_bound(idx.begin(), idx.end(), double(datasetIndex));
  return it != idx.end() && *it == double(datasetIndex) ? int(it - idx.begin()) : -1;
}

void SampleTableModel::setReviewState(std::size_t datasetIndex, int state) {
  if (datasetIndex >= review_.size()) return;
  review_[datasetIndex] = state;
  const int row = rowOfIndex(datasetIndex);
  if (row < 0 || reviewColumn_ < 0) return;
  values_[std::size_t(reviewColumn_)][std::size_t(row)] = state >= 0 ? double(state) : kNaN;
  Q_EMIT dataChanged(index(row, reviewColumn_), index(row, reviewColumn_));
}

void SampleTableModel::setSampleMetrics(int run, std::size_t datasetIndex, const SampleMetrics& m) {
  const int row = rowOfIndex(datasetIndex);
  if (row < 0 || run < 0 || run >= runCount()) return;
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].run == run && !columns_[c].delta)
      values_[c][std::size_t(row)] = columns_[c].metric->value(m);
  updateDeltas(std::size_t(row));
  Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void SampleTableModel::updateDeltas(std::size_t row) {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (!columns_[c].delta) continue;
    const std::string key = columns_[c].metric->key;
    values_[c][row] = value(int(row), metricColumn(columns_[c].run, key)) -
                      value(int(row), metricColumn(reference_, key));
  }
}

int SampleTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(sampleIds_.size());
}

int SampleTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(columns_.size());
}

double SampleTableModel::value(int row, int column) const {
  if (column < 0 || column >= int(values_.size())) return kNaN;
  const auto& v = values_[std::size_t(column)];
  return (row >= 0 && row < int(v.size())) ? v[std::size_t(row)] : kNaN;
}

QString SampleTableModel::columnName(int column) const {
  return (column >= 0 && column < int(columns_.size())) ? columns_[std::size_t(column)].name
                                                        : QString();
}

int SampleTableModel::runIndex(const QString& name) const {
  for (std::size_t k = 0; k < runNames_.size(); ++k)
    if (runNames_[k].compare(name, Qt::CaseInsensitive) == 0) return int(k);
  return -1;
}

int SampleTableModel::metricColumn(int run, const std::string& metric) const {
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].run == run && !columns_[c].delta && columns_[c].metric &&
        metric == columns_[c].metric->key)
      return int(c);
  return -1;
}

int SampleTableModel::deltaColumn(int run, const std::string& metric) const {
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].delta && columns_[c].run == run && metric == columns_[c].metric->key)
      return int(c);
  return -1;
}

int SampleTableModel::deltaColumn(const std::string& metric) const {
  if (reference_ < 0 || runCount() != 2) return -1;
  return deltaColumn(reference_ == 0 ? 1 : 0, metric);
}

const MetricInfo* SampleTableModel::columnMetric(int column) const {
  return column >= 0 && column < int(columns_.size()) ? columns_[std::size_t(column)].metric
                                                      : nullptr;
}

int SampleTableModel::columnIndex(const QString& name, QString* why) const {
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].name.compare(name, Qt::CaseInsensitive) == 0) return int(c);
  // Short forms, only where they name one column: never a method chosen for the user.
  const QString lower = name.toLower();
  const bool isDelta = lower.startsWith(QLatin1String("delta.")) && lower.count('.') == 1;
  const std::string metric = (isDelta ? lower.mid(6) : lower).toStdString();
  const MetricInfo* info = findMetric(metric);
  if (!info || !info->perSample() || (!isDelta && lower.contains('.'))) return -1;
  if (isDelta) {
    const int c = deltaColumn(metric);
    if (c < 0 && why && reference_ >= 0)
      *why = tr("'%1' is ambiguous with %2 methods: write delta.<method>.%3")
                 .arg(name)
                 .arg(runCount())
                 .arg(QString::fromStdString(metric));
    return c;
  }
  if (runCount() == 1) return metricColumn(0, metric);
  if (why && runCount() > 1)
    *why = tr("'%1' is ambiguous with %2 methods: write %3.%1")
               .arg(name)
               .arg(runCount())
               .arg(runNames_.front());
  return -1;
}

QString SampleTableModel::reviewStateText(int state) {
  switch (state) {
    case 0:
      return tr("to do");
    case 1:
      return tr("in progress");
    case 2:
      return tr("accepted");
    case 3:
      return tr("needs another look");
    default:
      return QStringLiteral("—");
  }
}

QVariant SampleTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
  const int col = index.column();
  if (col == SampleColumn) {
    if (role == Qt::DisplayRole || role == SortRole) return sampleIds_[std::size_t(index.row())];
    return {};
  }
  const Column& c = columns_[std::size_t(col)];
  const double v = value(index.row(), col);
  switch (role) {
    case SortRole:
      return v;
    case Qt::DisplayRole:
      if (std::isnan(v)) return QStringLiteral("—");
      if (col == IndexColumn) return qlonglong(v);
      if (col == reviewColumn_) return reviewStateText(int(v));
      return (c.delta && v > 0 ? QStringLiteral("+") : QString()) +
             QString::number(v, 'f', c.metric->storedDecimals());
    case Qt::TextAlignmentRole:
      return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
      // Deltas read at a glance: red where refinement made the sample worse.
      if (c.delta && !std::isnan(v) && v != 0)
        return QBrush((v > 0) == c.metric->higherIsBetter ? QColor(0, 130, 0) : QColor(190, 0, 0));
      return {};
    default:
      return {};
  }
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
    return QAbstractTableModel::headerData(section, orientation, role);
  const Column& c = columns_[std::size_t(section)];
  if (role == NameRole) return c.name;
  if (role == Qt::DisplayRole) {
    if (!c.metric) return c.name;
    // Method over metric, on two lines, so neither is cut at the default width.
    const QString label = QCoreApplication::translate("Metric", c.metric->label);
    const QString unit =
        QString::fromUtf8(c.metric->unit == MetricUnit::Ratio ? "0–1" : c.metric->unitSymbol());
    const QString metric = unit.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, unit);
    return c.delta ? QStringLiteral("Δ %1\n%2").arg(runNames_[std::size_t(c.run)], metric)
                   : QStringLiteral("%1\n%2").arg(runNames_[std::size_t(c.run)], metric);
  }
  if (role != Qt::ToolTipRole) return {};
  if (section == reviewColumn_)
    return tr(
        "Review state; filter with e.g. review == accepted (todo, in_progress, accepted, "
        "needs_another_look)");
  if (!c.metric) return tr("Filter name: %1").arg(c.name);
  const QString direction =
      c.metric->higherIsBetter ? tr("higher is better") : tr("lower is better");
  const QString how = QCoreApplication::translate("Metric", c.metric->how);
  if (c.delta)
    return tr("%1 − %2: %3 (%4; a %5 delta is better)\nFilter name: %6")
        .arg(runNames_[std::size_t(c.run)], runNames_[std::size_t(reference_)],
             QCoreApplication::translate("Metric", c.metric->label), direction,
             c.metric->higherIsBetter ? tr("positive") : tr("negative"), c.name);
  return tr("%1 of %2: %3 (%4)\nFilter name: %5")
      .arg(QCoreApplication::translate("Metric", c.metric->label), runNames_[std::size_t(c.run)],
           how, direction, c.name);
}

}  // namespace handalign
