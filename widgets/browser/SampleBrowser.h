// The "Samples" dock's contents: a filter line with its match count over the table of every
// sample × method, and navigation in the order the user sees.
#pragma once

#include "browser/SampleFilterProxy.h"
#include "browser/SampleTableModel.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace handalign {

class SampleBrowser : public QWidget {
  Q_OBJECT
 public:
  explicit SampleBrowser(QWidget* parent = nullptr);

  SampleTableModel* model() const { return model_; }
  SampleFilterProxy* proxy() const { return proxy_; }
  QTableView* view() const { return view_; }
  QLineEdit* filterEdit() const { return filter_; }
  QLabel* matchCountLabel() const { return count_; }

  // New runs (headers sized to their text, never cut); the selection stays on `keepSample`.
  void setRuns(std::vector<RunSamples> runs, int reference, int keepSample);
  void setReference(int reference, int keepSample);

  // The dataset sample of the current row (-1: none).
  int currentSample() const;
  // Selects the row of a dataset sample; false when no row shows it (e.g. filtered out).
  bool selectSample(int datasetIndex);
  void selectRow(int proxyRow);
  void nextSample();
  void previousSample();
  // A sample by id, else by dataset index; a filter that hides it is cleared. False with `error`
  // set when neither exists.
  bool jumpTo(const QString& idOrIndex, QString* error);

  // While a sample is being edited the rows keep their places: metrics that change under the
  // editor do not re-sort or re-filter the table until editing ends.
  void setFrozen(bool frozen);

  void applyFilter();  // the filter line's text; an invalid one is marked and reported

 Q_SIGNALS:
  void sampleSelected(int datasetIndex);
  void filterError(const QString& message);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void updateCount();
  void fitColumns();

  SampleTableModel* model_;
  SampleFilterProxy* proxy_;
  QTableView* view_;
  QLineEdit* filter_;
  QLabel* count_;
};

}  // namespace handalign
