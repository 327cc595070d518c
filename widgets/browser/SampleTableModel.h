// Table of every sample of a dataset with its metrics for each run (method), plus each run's delta
// against a reference run the user picks.
#pragma once

#include "eval/MetricRegistry.h"

#include <QAbstractTableModel>
#include <QString>

#include <string>
#include <vector>

namespace handalign {

// The rows of one run as ProjectStore::loadRun returns them, under the name shown in the table.
struct RunSamples {
  QString name;
  std::vector<SampleRow> rows;
};

// Values are stored column by column (doubles, NaN = missing), so data() and sorting 32,560 rows
// cost no allocation per cell. Columns: "index", "sample", "<run>.<metric>" for every run and
// per-sample registry metric, then "delta.<run>.<metric>" (run − reference) for every other run and
// each registry metric marked `delta`, when a reference is chosen.
class SampleTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  static constexpr int SortRole = Qt::UserRole;  // double for numeric columns, QString otherwise
  static constexpr int NameRole = Qt::UserRole + 1;  // header: the column's filter name
  static constexpr int IndexColumn = 0, SampleColumn = 1;

  explicit SampleTableModel(QObject* parent = nullptr);

  // Replaces the content. Rows are the union of the runs' sample indices, in index order; a sample
  // missing from a run shows NaN there. `reference` indexes `runs` (-1 or a single run: no deltas).
  void setRuns(std::vector<RunSamples> runs, int reference = -1);
  // Another reference run: the delta columns are rebuilt (a model reset).
  void setReference(int reference);
  int referenceRun() const { return reference_; }
  // Every sample of the dataset (ids by dataset index) gets a row from the next setRuns on, with
  // or without results (a dataset opened before any prediction exists). Empty: runs' rows only.
  void setAllSamples(std::vector<QString> ids) { allIds_ = std::move(ids); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  // Numeric value of a cell without a QVariant (NaN for missing values and the sample column).
  double value(int row, int column) const;
  bool isNumeric(int column) const { return column != SampleColumn; }
  QString columnName(int column) const;
  // Column of a name (case-insensitive) or -1. A bare metric name ("finger_hd95") names a column
  // only when one run is shown, "delta.<metric>" only when one run has deltas: with more it is
  // ambiguous, and `why` (if given) says so and how to name the method.
  int columnIndex(const QString& name, QString* why = nullptr) const;
  int metricColumn(int run, const std::string& metric) const;  // -1 if none
  int deltaColumn(int run, const std::string& metric) const;   // -1 without deltas for `run`
  int deltaColumn(const std::string& metric) const;  // the only delta run's; -1 if not one
  const MetricInfo* columnMetric(int column) const;  // nullptr for index / sample / review
  int runCount() const { return int(runNames_.size()); }
  int runIndex(const QString& name) const;  // case-insensitive; -1 if none
  const QString& runName(int run) const { return runNames_[std::size_t(run)]; }

  // The review state of every dataset sample (0 to do, 1 in progress, 2 accepted, 3 needs another
  // look; index = dataset index): a "review" column after the others, kept across setRuns. An
  // empty vector removes the column.
  void setReviewStates(std::vector<int> states);
  void setReviewState(std::size_t datasetIndex, int state);
  int reviewColumn() const { return reviewColumn_; }
  // The filter names of the states, in state order: todo, in_progress, accepted,
  // needs_another_look.
  static const std::vector<QString>& reviewStateNames();
  static QString reviewStateText(int state);  // "to do" … in the interface language
  // Replaces one run's metrics of one sample (live re-scoring while a mask is corrected); the
  // delta columns follow.
  void setSampleMetrics(int run, std::size_t datasetIndex, const SampleMetrics& m);
  int rowOfIndex(std::size_t datasetIndex) const;  // -1 when the sample has no row

  // Registry metrics that get a delta column (MetricInfo::delta).
  static const std::vector<const MetricInfo*>& deltaMetrics();

 private:
  struct Column {
    QString name;
    const MetricInfo* metric = nullptr;  // null for index / sample / review
    int run = -1;                        // -1 for index / sample / review
    bool delta = false;                  // run − reference
  };
  void buildDeltaColumns();
  void updateDeltas(std::size_t row);
  std::vector<Column> columns_;
  std::vector<std::vector<double>> values_;  // [column][row]; empty for the sample column
  std::vector<QString> sampleIds_;
  std::vector<QString> runNames_;
  int reference_ = -1;
  void rebuildReviewColumn();
  std::vector<int> review_;  // by dataset index
  std::vector<QString> allIds_;
  int reviewColumn_ = -1;
};

}  // namespace handalign
