// The dataset open in the studio: its evaluation request, the evaluated session and its project,
// and the runs (methods) shown with the method under study and its reference. Opening evaluates
// in the background; only a successful open replaces what was open, so a failed one leaves the
// studio exactly as it was.
#pragma once

#include "RecentDatasets.h"

#include "browser/SampleTableModel.h"
#include "eval/EvalSession.h"
#include "eval/Evaluator.h"
#include "raster/LabelImage.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace handalign {

class EvaluationJob;
class ProjectStore;
struct EvalOutcome;

// A dialog with this property set to true holds references into the session (its project, its
// annotations): an open that finishes meanwhile waits until the dialog has closed.
inline constexpr const char* kHoldsSession = "handalignHoldsSession";

class StudioSession : public QObject {
  Q_OBJECT
 public:
  explicit StudioSession(QObject* parent = nullptr);
  ~StudioSession() override;

  // Opens a dataset with its prediction files and declared roles; stored results for the same
  // files and conventions are loaded instead of evaluated. `options`: resolution, threads, HD95.
  void open(const DatasetOpening& opening, const EvalOptions& options);
  // Evaluates the open dataset again under `options`, ignoring stored results (F5).
  bool reevaluate(const EvalOptions& options);
  void cancel();
  bool isBusy() const { return job_ != nullptr; }

  bool isOpen() const { return outcome_ != nullptr; }
  const EvalRequest& request() const { return request_; }
  const EvalSession& session() const;  // isOpen() only
  EvalSession& session();
  ProjectStore* project() const { return store_.get(); }
  const DatasetOpening& opening() const { return opening_; }
  QString datasetName() const;  // the folder's name; empty when none is open

  // --- The runs shown: the request's own (primaryCount()), then stored runs added.
  const std::vector<RunSamples>& runs() const { return runs_; }
  std::size_t primaryCount() const { return primaryCount_; }
  const std::vector<PredictionTotals>& totals() const { return totals_; }
  // The run's metrics of a dataset sample, or null when the run has no row for it.
  const SampleMetrics* metrics(int run, std::size_t sample) const;
  // Every run's metrics of one sample (NaN where a run lacks it), by run name.
  std::vector<std::pair<QString, SampleMetrics>> sampleMetrics(std::size_t sample) const;
  EvalResult resultFromRows() const;
  // Mask metrics re-scored (a corrected mask) for one sample of the request's run `prediction`.
  void setMaskMetrics(std::size_t sample, const std::string& prediction,
                      const SampleMetrics& scored);

  // The method under study and its reference, indices of runs() (-1: none). The default: a
  // declared refinement against its rough prediction, else the last run against the first.
  int referenceRun() const { return referenceRun_; }
  int shownRun() const { return shownRun_; }
  void setComparedMethods(int reference, int shown);
  // The request's declared roles plus those of model runs made in memory.
  std::vector<Refinement> declaredRoles() const;

  // Stored runs of the project shown beside the request's own ("<name>_run<id>").
  void showStoredRuns(const std::vector<std::int64_t>& runIds);
  std::vector<std::int64_t> shownRunIds() const;
  void forgetStoredRuns(const std::vector<std::int64_t>& deleted);
  const std::vector<std::int64_t>& extraRunIds() const { return extraRunIds_; }

  // An evaluation computed elsewhere (an `eval` output or a merged cluster run, `dir`): checked
  // to be of this dataset, hand model and the conventions shown, stored in the project and shown
  // beside the open runs, without evaluating. Returns "" or why it was refused (nothing changed).
  QString importEvaluation(const QString& dir, int* runCount = nullptr);

  // The network's segmentation of a sample from a model run in memory (proposal labels), for each
  // of the model's runs; null when there is none. Dropped when the session is replaced.
  void setModelSegmentation(const std::vector<std::string>& runs, std::size_t sample,
                            LabelImage labels);
  const LabelImage* modelSegmentation(const std::string& run, std::size_t sample) const;

  // A model's predictions of single samples, kept in memory (`rows`: their scored samples).
  void addModelRuns(std::vector<Prediction> predictions, const std::vector<SampleRow>& rows,
                    const std::vector<Refinement>& refinements);

 Q_SIGNALS:
  void progress(qint64 done, qint64 total);
  void started(const QString& what);  // an evaluation or load began (Cancel can stop it)
  // A successful open is about to replace the session (save and close what hangs on it);
  // `sameDataset`: F5 or a reopen of the folder already open.
  void aboutToReplace(bool sameDataset);
  void opened();  // results are in (after an open or F5)
  void failed(const QString& message);
  void cancelled();
  void runsChanged();  // the runs shown, their rows or the compared pair changed
  void comparedChanged();
  void sampleMetricsChanged(int run, std::size_t sample);
  void error(const QString& message);  // a problem that did not stop the open (e.g. the project)

 private:
  struct Pending;
  void start(std::unique_ptr<Pending> pending, bool useStored);
  void commit(std::shared_ptr<EvalOutcome> outcome);
  void setRunRows(std::vector<RunSamples> runs, const std::vector<PredictionTotals>& totals);
  void chooseComparedPair();
  std::vector<RunSamples> primaryRuns(std::vector<PredictionTotals>& totals) const;

  EvalRequest request_;
  DatasetOpening opening_;
  std::shared_ptr<EvalOutcome> outcome_;
  std::unique_ptr<ProjectStore> store_;
  std::unique_ptr<Pending> pending_;
  std::unique_ptr<EvaluationJob> job_;
  std::vector<RunSamples> runs_;
  std::vector<std::vector<int>> rowOfSample_;  // [run][dataset index] → row in runs_, or -1
  std::vector<PredictionTotals> totals_;       // one per run, or empty
  std::size_t primaryCount_ = 0;
  std::vector<std::int64_t> primaryRunIds_, extraRunIds_;
  std::vector<Refinement> modelRefinements_;
  std::map<std::pair<std::string, std::size_t>, LabelImage> modelSegmentation_;
  int referenceRun_ = -1, shownRun_ = -1;
  QString referenceName_, shownName_;  // the user's choice, kept while those runs are shown
};

}  // namespace handalign
