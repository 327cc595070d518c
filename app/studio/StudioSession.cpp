#include "StudioSession.h"

#include "eval/ImportedEvaluation.h"
#include "eval/MaskScoring.h"
#include "eval/Report.h"
#include "jobs/EvaluationJob.h"
#include "project/AnnotationSession.h"
#include "project/ProjectLocation.h"
#include "project/ProjectStore.h"
#include "project/RunMatching.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <map>

namespace handalign {
namespace fs = std::filesystem;

// What an open in progress will become, kept apart until it succeeds.
struct StudioSession::Pending {
  EvalRequest request;
  DatasetOpening opening;
  std::unique_ptr<ProjectStore> store;
  std::vector<RunSamples> stored;  // results already in the project, when all are there
  std::vector<std::int64_t> storedIds;
  std::vector<PredictionTotals> storedTotals;
  std::filesystem::path storePath;  // the project file, opened or to be created
};

StudioSession::StudioSession(QObject* parent) : QObject(parent) {}

StudioSession::~StudioSession() = default;

const EvalSession& StudioSession::session() const { return outcome_->session; }
EvalSession& StudioSession::session() { return outcome_->session; }

QString StudioSession::datasetName() const {
  return isOpen() ? QDir(QString::fromStdString(request_.dataset.string())).dirName() : QString();
}

void StudioSession::open(const DatasetOpening& opening, const EvalOptions& options) {
  auto p = std::make_unique<Pending>();
  p->opening = opening;
  EvalRequest& r = p->request;
  r.dataset = opening.dataset.toStdString();
  r.handModel = opening.handModel.toStdString();
  r.version = QCoreApplication::applicationVersion().toStdString();
  r.allowNoPredictions = true;  // a dataset alone, for a model to run on
  r.options = options;
  r.options.annotations.clear();
  for (const auto& [name, file] : opening.predictions)
    r.predictions.emplace_back(name.toStdString(), file.toStdString());
  r.refinements = opening.refinements;
  try {
    // An existing project is read now (stored results, corrections); a new one is created only
    // once the dataset opened, so a failed open leaves no trace.
    p->storePath = projectFileFor(r.dataset);
    std::error_code exists;
    if (fs::exists(p->storePath, exists)) {
      p->store = std::make_unique<ProjectStore>();
      p->store->open(p->storePath, ProjectStore::Access::Studio);
    }
    // Corrected masks next to the project count in every evaluation (docs/metrics.md).
    const fs::path corrections = annotationFolderFor(p->storePath, splitToOpen(r));
    std::error_code ec;
    if (fs::is_directory(corrections / "mask", ec)) r.options.annotations = corrections;
  } catch (const std::exception& e) {
    p->store.reset();  // the dataset still opens, without stored results
    Q_EMIT error(QString::fromStdString(e.what()));
  }
  start(std::move(p), true);
}

bool StudioSession::reevaluate(const EvalOptions& options) {
  if (!isOpen() || request_.predictions.empty()) return false;
  auto p = std::make_unique<Pending>();
  p->opening = opening_;
  p->request = request_;
  if (store_) p->storePath = store_->path();
  const fs::path annotations = request_.options.annotations;
  p->request.options = options;
  p->request.options.annotations = annotations;
  start(std::move(p), false);
  return true;
}

void StudioSession::cancel() {
  if (job_) job_->cancel();
}

void StudioSession::start(std::unique_ptr<Pending> p, bool useStored) {
  if (job_) job_->cancel();
  job_.reset();
  // Results already in the project for these exact files and conventions are loaded, not
  // evaluated; all or none (a run stored before schema 2 has no totals: PCK needs F5).
  if (p->store && useStored) {
    try {
      const std::vector<StoredRun> all = p->store->runs();
      for (const auto& [name, file] : p->request.predictions) {
        const std::vector<std::int64_t> ids = matchingRuns(
            all, {p->request.dataset, name, fileFingerprint(file), p->request.options});
        if (ids.empty()) break;
        p->stored.push_back({QString::fromStdString(name), p->store->loadRun(ids.back())});
        p->storedIds.push_back(ids.back());
        if (std::optional<PredictionTotals> t = p->store->loadRunTotals(ids.back()))
          p->storedTotals.push_back(std::move(*t));
      }
    } catch (const std::exception&) {
      p->stored.clear();  // an unreadable file or project: evaluate afresh, the job names it
    }
    if (p->stored.size() != p->request.predictions.size()) p->stored.clear(), p->storedIds.clear();
  }
  const bool loadOnly = !p->request.predictions.empty() && !p->stored.empty();
  job_ = std::make_unique<EvaluationJob>(p->request);
  job_->setLoadOnly(loadOnly || p->request.predictions.empty());
  pending_ = std::move(p);
  connect(job_.get(), &EvaluationJob::progress, this, &StudioSession::progress);
  connect(job_.get(), &EvaluationJob::finished, this, &StudioSession::commit);
  connect(job_.get(), &EvaluationJob::failed, this, [this](const QString& message) {
    pending_.reset();  // nothing of the failed open is kept: the old session stays as it was
    job_.release()->deleteLater();
    Q_EMIT failed(message);
  });
  connect(job_.get(), &EvaluationJob::cancelled, this, [this] {
    pending_.reset();
    job_.release()->deleteLater();
    Q_EMIT cancelled();
  });
  Q_EMIT started(loadOnly ? tr("Opening the dataset…") : tr("Evaluating…"));
  job_->start();
}

void StudioSession::commit(std::shared_ptr<EvalOutcome> outcome) {
  // A dialog that works on the project or the annotations (Compare Stored Runs, Mask History) is
  // open: the session is replaced once it closes, never under it.
  if (QWidget* modal = QApplication::activeModalWidget();
      modal && modal->property(kHoldsSession).toBool()) {
    QTimer::singleShot(100, this, [this, outcome] { commit(outcome); });
    return;
  }
  std::unique_ptr<Pending> p = std::move(pending_);
  if (job_) job_.release()->deleteLater();  // the signal came from it
  if (!p) return;
  const bool sameDataset = isOpen() && request_.dataset == p->request.dataset;
  Q_EMIT aboutToReplace(sameDataset);
  if (!p->store && store_ && store_->path() == p->storePath)
    p->store = std::move(store_);  // F5: the same project, kept open
  if (!p->store && !p->storePath.empty()) {
    try {
      p->store = std::make_unique<ProjectStore>();
      p->store->open(p->storePath, ProjectStore::Access::Studio);
    } catch (const std::exception& e) {
      p->store.reset();
      Q_EMIT error(QString::fromStdString(e.what()));
    }
  }
  request_ = std::move(p->request);
  opening_ = std::move(p->opening);
  store_ = std::move(p->store);
  outcome_ = std::move(outcome);
  if (!sameDataset) {
    extraRunIds_.clear();
    referenceName_.clear(), shownName_.clear();
  }
  modelRefinements_.clear();
  modelSegmentation_.clear();
  primaryRunIds_.clear();
  if (!p->stored.empty()) {
    primaryRunIds_ = p->storedIds;
    setRunRows(std::move(p->stored), p->storedTotals);
  } else if (!outcome_->result.rows.empty()) {
    if (store_) {
      try {
        primaryRunIds_ = store_->saveRun(outcome_->session.info, outcome_->result);
        // The new results replace older ones of the same files (F5, other conventions).
        const std::vector<StoredRun> all = store_->runs();
        for (const auto& [name, file] : request_.predictions)
          for (std::int64_t id : matchingRuns(
                   all, {request_.dataset, name, fileFingerprint(file), request_.options}, true))
            if (std::find(primaryRunIds_.begin(), primaryRunIds_.end(), id) == primaryRunIds_.end())
              store_->deleteRun(id);
      } catch (const std::exception& e) {
        Q_EMIT error(QString::fromStdString(e.what()));
      }
    }
    std::map<std::string, std::vector<SampleRow>> byPred;
    for (const SampleRow& row : outcome_->result.rows) byPred[row.pred].push_back(row);
    std::vector<RunSamples> runs;
    for (const std::string& name : outcome_->result.predictionNames)
      runs.push_back({QString::fromStdString(name), std::move(byPred[name])});
    setRunRows(std::move(runs), outcome_->result.totals);
  } else {
    setRunRows({}, {});
  }
  Q_EMIT opened();
}

void StudioSession::setRunRows(std::vector<RunSamples> runs,
                               const std::vector<PredictionTotals>& totals) {
  primaryCount_ = runs.size();
  // Totals for every run or for none (a run stored before schema 2 has none). No runs of the
  // request's own (a dataset opened only to show imported runs) is "every run" so far.
  const bool withTotals = totals.size() == runs.size();
  std::vector<PredictionTotals> allTotals = withTotals ? totals : std::vector<PredictionTotals>{};
  // Stored runs chosen for comparison follow the request's own (one stored without totals gets
  // empty ones: NaN curves are not drawn).
  for (std::int64_t id : extraRunIds_) {
    if (!store_) break;
    try {
      std::vector<SampleRow> rows = store_->loadRun(id);
      QString name;
      for (const StoredRun& r : store_->runs())
        if (r.id == id) name = QString::fromStdString(r.name);
      std::optional<PredictionTotals> t = store_->loadRunTotals(id);
      runs.push_back({QStringLiteral("%1_run%2").arg(name).arg(id), std::move(rows)});
      if (withTotals) allTotals.push_back(t ? std::move(*t) : PredictionTotals{});
    } catch (const std::exception& e) {
      Q_EMIT error(QString::fromStdString(e.what()));
    }
  }
  runs_ = std::move(runs);
  totals_ = std::move(allTotals);
  rowOfSample_.assign(runs_.size(), {});
  for (std::size_t r = 0; r < runs_.size(); ++r) {
    std::vector<int>& rowOf = rowOfSample_[r];
    for (std::size_t i = 0; i < runs_[r].rows.size(); ++i) {
      const std::size_t index = runs_[r].rows[i].index;
      if (index >= rowOf.size()) rowOf.resize(index + 1, -1);
      rowOf[index] = int(i);
    }
  }
  chooseComparedPair();
  Q_EMIT runsChanged();
}

void StudioSession::chooseComparedPair() {
  auto find = [this](const QString& name) {
    for (std::size_t i = 0; i < runs_.size(); ++i)
      if (runs_[i].name == name) return int(i);
    return -1;
  };
  int reference = find(referenceName_), shown = find(shownName_);
  if (shown < 0 || reference < 0) {  // the user's pair is gone: the declared one, else last/first
    reference = runs_.empty() ? -1 : 0;
    shown = int(runs_.size()) - 1;
    for (const Refinement& r : declaredRoles()) {
      const int a = find(QString::fromStdString(r.rough));
      const int b = find(QString::fromStdString(r.refined));
      if (a >= 0 && b >= 0) {
        reference = a, shown = b;
        break;
      }
    }
  }
  referenceRun_ = reference, shownRun_ = shown;
}

void StudioSession::setComparedMethods(int reference, int shown) {
  const int n = int(runs_.size());
  if (reference < 0 || reference >= n || shown < 0 || shown >= n) return;
  referenceRun_ = reference, shownRun_ = shown;
  referenceName_ = runs_[std::size_t(reference)].name;
  shownName_ = runs_[std::size_t(shown)].name;
  Q_EMIT comparedChanged();
}

std::vector<Refinement> StudioSession::declaredRoles() const {
  std::vector<Refinement> all = request_.refinements;
  all.insert(all.end(), modelRefinements_.begin(), modelRefinements_.end());
  return all;
}

const SampleMetrics* StudioSession::metrics(int run, std::size_t sample) const {
  if (run < 0 || run >= int(runs_.size())) return nullptr;
  const std::vector<int>& rowOf = rowOfSample_[std::size_t(run)];
  const int row = sample < rowOf.size() ? rowOf[sample] : -1;
  return row < 0 ? nullptr : &runs_[std::size_t(run)].rows[std::size_t(row)].m;
}

std::vector<std::pair<QString, SampleMetrics>> StudioSession::sampleMetrics(
    std::size_t sample) const {
  std::vector<std::pair<QString, SampleMetrics>> out;
  for (std::size_t r = 0; r < runs_.size(); ++r) {
    const SampleMetrics* m = metrics(int(r), sample);
    out.emplace_back(runs_[r].name, m ? *m : SampleMetrics{});
  }
  return out;
}

EvalResult StudioSession::resultFromRows() const {
  EvalResult result;
  for (const RunSamples& run : runs_) {
    const std::string name = run.name.toStdString();
    result.predictionNames.push_back(name);
    for (SampleRow row : run.rows) {
      row.pred = name;
      result.sampleCount = std::max(result.sampleCount, row.index + 1);
      result.rows.push_back(std::move(row));
    }
  }
  result.totals = totals_;
  return result;
}

void StudioSession::setMaskMetrics(std::size_t sample, const std::string& prediction,
                                   const SampleMetrics& scored) {
  for (std::size_t r = 0; r < primaryCount_; ++r) {
    if (runs_[r].name.toStdString() != prediction) continue;
    const std::vector<int>& rowOf = rowOfSample_[r];
    const int row = sample < rowOf.size() ? rowOf[sample] : -1;
    if (row < 0) continue;
    SampleRow& stored = runs_[r].rows[std::size_t(row)];
    stored.m = withMaskMetrics(stored.m, scored);
    Q_EMIT sampleMetricsChanged(int(r), sample);
  }
}

std::vector<RunSamples> StudioSession::primaryRuns(std::vector<PredictionTotals>& totals) const {
  const auto end = std::ptrdiff_t(primaryCount_);
  totals.clear();
  if (!totals_.empty()) totals.assign(totals_.begin(), totals_.begin() + end);
  return {runs_.begin(), runs_.begin() + end};
}

void StudioSession::showStoredRuns(const std::vector<std::int64_t>& runIds) {
  extraRunIds_.clear();
  for (std::int64_t id : runIds)
    if (std::find(primaryRunIds_.begin(), primaryRunIds_.end(), id) == primaryRunIds_.end() &&
        std::find(extraRunIds_.begin(), extraRunIds_.end(), id) == extraRunIds_.end())
      extraRunIds_.push_back(id);
  std::vector<PredictionTotals> totals;
  std::vector<RunSamples> primary = primaryRuns(totals);
  setRunRows(std::move(primary), totals);
}

QString StudioSession::importEvaluation(const QString& dir, int* runCount) {
  if (!isOpen()) return tr("Open the dataset the evaluation was computed on first.");
  if (!store_) return tr("The dataset has no project to store the imported runs in.");
  try {
    const ImportedEvaluation imported = readEvaluationFolder(dir.toStdString());
    const std::string why = importMismatch(imported.info, session().info);
    if (!why.empty())
      return tr("%1 was not computed on the dataset and conventions open: %2.")
          .arg(dir, QString::fromStdString(why));
    // An evaluation already in the project (imported before, or the same files evaluated here)
    // is shown, not stored twice.
    const std::vector<StoredRun> stored = store_->runs();
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < imported.info.predictionFiles.size(); ++i) {
      const std::vector<std::int64_t> same =
          matchingRuns(stored, {imported.info.datasetRoot, imported.info.predictionFiles[i].first,
                                imported.info.predictionFingerprints[i], imported.info.options});
      if (same.empty()) {
        ids.clear();
        break;
      }
      ids.push_back(same.back());
    }
    if (ids.empty()) ids = store_->saveRun(imported.info, imported.result);
    std::vector<std::int64_t> shown = extraRunIds_;
    shown.insert(shown.end(), ids.begin(), ids.end());
    showStoredRuns(shown);
    if (runCount) *runCount = int(ids.size());
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  return QString();
}

void StudioSession::forgetStoredRuns(const std::vector<std::int64_t>& deleted) {
  for (std::int64_t id : deleted)
    extraRunIds_.erase(std::remove(extraRunIds_.begin(), extraRunIds_.end(), id),
                       extraRunIds_.end());
}

std::vector<std::int64_t> StudioSession::shownRunIds() const {
  std::vector<std::int64_t> ids = primaryRunIds_;
  ids.insert(ids.end(), extraRunIds_.begin(), extraRunIds_.end());
  return ids;
}

void StudioSession::setModelSegmentation(const std::vector<std::string>& runs, std::size_t sample,
                                         LabelImage labels) {
  for (const std::string& run : runs) modelSegmentation_[{run, sample}] = labels;
}

const LabelImage* StudioSession::modelSegmentation(const std::string& run,
                                                   std::size_t sample) const {
  const auto it = modelSegmentation_.find({run, sample});
  return it == modelSegmentation_.end() ? nullptr : &it->second;
}

void StudioSession::addModelRuns(std::vector<Prediction> predictions,
                                 const std::vector<SampleRow>& rows,
                                 const std::vector<Refinement>& refinements) {
  if (!isOpen()) return;
  // The model's predictions replace earlier ones of the same name in the session.
  std::vector<Prediction>& preds = outcome_->session.predictions;
  std::vector<std::string> names;
  for (Prediction& p : predictions) {
    names.push_back(p.name);
    preds.erase(std::remove_if(preds.begin(), preds.end(),
                               [&p](const Prediction& q) { return q.name == p.name; }),
                preds.end());
    preds.push_back(std::move(p));
  }
  for (const Refinement& r : refinements)
    if (std::find(modelRefinements_.begin(), modelRefinements_.end(), r) == modelRefinements_.end())
      modelRefinements_.push_back(r);
  std::vector<PredictionTotals> totals;
  std::vector<RunSamples> primary = primaryRuns(totals);
  for (const std::string& name : names) {
    const QString qname = QString::fromStdString(name);
    RunSamples run{qname, {}};
    for (const SampleRow& row : rows)
      if (row.pred == name) run.rows.push_back(row);
    if (run.rows.empty()) continue;
    auto same = std::find_if(primary.begin(), primary.end(),
                             [&qname](const RunSamples& r) { return r.name == qname; });
    if (same != primary.end()) {
      if (!totals.empty()) totals.erase(totals.begin() + (same - primary.begin()));
      primary.erase(same);
    }
    primary.push_back(std::move(run));
    if (!totals.empty()) totals.emplace_back();
  }
  setRunRows(std::move(primary), totals);
}

}  // namespace handalign
