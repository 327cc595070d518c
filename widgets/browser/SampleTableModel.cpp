#include "browser/SampleTableModel.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <cmath>
#include <limits>

namespace handalign {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// IoU-type values live in [0, 1] and need more digits than pixel distances or millimetres.
int decimalsOf(const std::string& metric) {
  return SampleTableModel::higherIsBetter(metric) ? 4 : 2;
}
}  // namespace

SampleTableModel::SampleTableModel(QObject* parent) : QAbstractTableModel(parent) {}

const std::vector<std::string>& SampleTableModel::deltaMetrics() {
  static const std::vector<std::string> m = {"hand_miou",   "hand_hd95",  "finger_miou",
                                             "finger_hd95", "mpjpe_mm",   "pa_mpjpe_mm",
                                             "mpvpe_mm",    "pa_mpvpe_mm"};
  return m;
}

bool SampleTableModel::higherIsBetter(const std::string& metric) {
  if (metric.find("iou") != std::string::npos) return true;
  return metric == "f5" || metric == "f15" || metric == "pa_f5" || metric == "pa_f15";
}

void SampleTableModel::setRuns(std::vector<RunSamples> runs, int roughRun, int refinedRun) {
  beginResetModel();
  const int n = int(runs.size());
  rough_ = (roughRun >= 0 && roughRun < n && refinedRun >= 0 && refinedRun < n) ? roughRun : -1;
  refined_ = rough_ >= 0 ? refinedRun : -1;

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
  columns_.push_back({QStringLiteral("index"), {}, -1, false});
  values_.emplace_back(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    values_[0][r] = double(indices[r]);
    if (indices[r] < allIds_.size()) sampleIds_[r] = allIds_[indices[r]];
  }
  columns_.push_back({QStringLiteral("sample"), {}, -1, false});
  values_.emplace_back();

  const auto& metrics = metricColumns();
  for (int k = 0; k < n; ++k) {
    runNames_.push_back(runs[std::size_t(k)].name);
    const std::size_t first = columns_.size();
    for (const auto& m : metrics) {
      columns_.push_back(
          {runs[std::size_t(k)].name + "." + QString::fromStdString(m), m, k, false});
      values_.emplace_back(rows, kNaN);
    }
    for (const auto& row : runs[std::size_t(k)].rows) {
      const std::size_t r = rowOf(row.index);
      if (sampleIds_[r].isEmpty()) sampleIds_[r] = QString::fromStdString(row.sample);
      for (std::size_t c = 0; c < metrics.size(); ++c)
        values_[first + c][r] = metricValue(row.m, metrics[c]);
    }
  }
  if (rough_ >= 0) {
    for (const auto& m : deltaMetrics()) {
      const auto& a = values_[std::size_t(
          columnIndex(runNames_[std::size_t(refined_)] + "." + QString::fromStdString(m)))];
      const auto& b = values_[std::size_t(
          columnIndex(runNames_[std::size_t(rough_)] + "." + QString::fromStdString(m)))];
      std::vector<double> d(rows);
      for (std::size_t r = 0; r < rows; ++r) d[r] = a[r] - b[r];  // NaN if either is missing
      columns_.push_back({"delta." + QString::fromStdString(m), m, -1, true});
      values_.push_back(std::move(d));
    }
  }
  reviewColumn_ = -1;
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
    if (columns_[c].run == run) values_[c][std::size_t(row)] = metricValue(m, columns_[c].metric);
  if (rough_ >= 0)
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (!columns_[c].delta) continue;
      const QString metric = QString::fromStdString(columns_[c].metric);
      const double a = value(row, columnIndex(runNames_[std::size_t(refined_)] + "." + metric));
      const double b = value(row, columnIndex(runNames_[std::size_t(rough_)] + "." + metric));
      values_[c][std::size_t(row)] = a - b;
    }
  Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
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

int SampleTableModel::primaryRun() const {
  if (refined_ >= 0) return refined_;
  return runNames_.empty() ? -1 : 0;
}

int SampleTableModel::columnIndex(const QString& name) const {
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].name.compare(name, Qt::CaseInsensitive) == 0) return int(c);
  const int primary = primaryRun();
  if (primary < 0 || name.contains('.')) return -1;
  const std::string metric = name.toLower().toStdString();
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].run == primary && columns_[c].metric == metric) return int(c);
  return -1;
}

int SampleTableModel::deltaColumn(const std::string& metric) const {
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].delta && columns_[c].metric == metric) return int(c);
  return -1;
}

QString SampleTableModel::reviewStateText(int state) {
  switch (state) {
    case 0: return tr("to do");
    case 1: return tr("in progress");
    case 2: return tr("accepted");
    case 3: return tr("needs another look");
    default: return QStringLiteral("—");
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
             QString::number(v, 'f', decimalsOf(c.metric));
    case Qt::TextAlignmentRole:
      return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
      // Deltas read at a glance: red where refinement made the sample worse.
      if (c.delta && !std::isnan(v) && v != 0)
        return QBrush((v > 0) == higherIsBetter(c.metric) ? QColor(0, 130, 0) : QColor(190, 0, 0));
      return {};
    default:
      return {};
  }
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
    return QAbstractTableModel::headerData(section, orientation, role);
  const Column& c = columns_[std::size_t(section)];
  if (role == Qt::DisplayRole) return c.name;
  if (role == Qt::ToolTipRole && section == reviewColumn_)
    return tr("Review state; filter with e.g. review == accepted (todo, in_progress, accepted, "
              "needs_another_look)");
  if (role == Qt::ToolTipRole && c.delta)
    return QStringLiteral("%1 − %2: %3 (%4 is better)")
        .arg(runNames_[std::size_t(refined_)], runNames_[std::size_t(rough_)],
             QString::fromStdString(c.metric),
             higherIsBetter(c.metric) ? QStringLiteral("positive") : QStringLiteral("negative"));
  return {};
}

}  // namespace handalign
