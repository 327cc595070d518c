// The Model menu: open a checkpoint (recent ones remembered) and run it in the background on the
// current sample or the whole dataset; its meshes become runs like any prediction file.
#include "MainWindow.h"

#include "PreferencesDialog.h"
#include "RecentDatasets.h"
#include "jobs/EvaluationJob.h"
#ifdef HANDALIGN_WITH_INFERENCE
#include "jobs/InferenceJob.h"
#endif

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>

namespace handalign {
namespace fs = std::filesystem;
namespace {
constexpr const char* kRecentModelsKey = "Studio/RecentModels";
constexpr int kMaxRecentModels = 8;
}  // namespace

void MainWindow::buildModelMenu() {
  modelMenu_ = menuBar()->addMenu(QString());
  openModelAction_ = modelMenu_->addAction(QString(), this, &MainWindow::showOpenModelDialog);
  openModelAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
  recentModelsMenu_ = modelMenu_->addMenu(QString());
  connect(recentModelsMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentModelsMenu);
  modelMenu_->addSeparator();
  runSampleAction_ = modelMenu_->addAction(QString(), this, [this] { runModel(false); });
  runSampleAction_->setShortcut(QKeySequence(Qt::Key_F6));
  runDatasetAction_ = modelMenu_->addAction(QString(), this, [this] { runModel(true); });
  runDatasetAction_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
  runSampleAction_->setEnabled(false);
  runDatasetAction_->setEnabled(false);
}

void MainWindow::retranslateModelMenu() {
  modelMenu_->setTitle(tr("&Model"));
  openModelAction_->setText(tr("&Open Model…"));
  openModelAction_->setToolTip(
      tr("Open a checkpoint (TorchScript or the native network's weights) with its JSON "
         "manifest (Ctrl+M)"));
  recentModelsMenu_->setTitle(tr("Recent &Models"));
  runSampleAction_->setText(tr("Run on &Current Sample"));
  runSampleAction_->setToolTip(tr("Run the model on the sample shown and score it (F6)"));
  runDatasetAction_->setText(tr("Run on &Whole Dataset"));
  runDatasetAction_->setToolTip(
      tr("Run the model on every sample in the background, then evaluate its meshes (Shift+F6)"));
}

void MainWindow::rebuildRecentModelsMenu() {
  recentModelsMenu_->clear();
  const QStringList files = QSettings().value(kRecentModelsKey).toStringList();
  for (const QString& file : files)
    recentModelsMenu_
        ->addAction(QFileInfo(file).fileName(), this, [this, file] { openModel(file); })
        ->setToolTip(file);
  recentModelsMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::showOpenModelDialog() {
  const QString start = modelFile_.isEmpty() ? QDir::homePath() : QFileInfo(modelFile_).path();
  const QString file = QFileDialog::getOpenFileName(
      this, tr("Open Model"), start,
      tr("Models (*.json *.pt *.pth *.ts *.torchscript);;All files (*)"));
  if (!file.isEmpty()) openModel(file);
}

void MainWindow::openModel(const QString& file) {
#ifdef HANDALIGN_WITH_INFERENCE
  if (!QFileInfo::exists(file)) {
    showError(tr("No such model file: %1").arg(file));
    return;
  }
  modelFile_ = QFileInfo(file).absoluteFilePath();
  QSettings settings;
  QStringList files = settings.value(kRecentModelsKey).toStringList();
  files.removeAll(modelFile_);
  files.prepend(modelFile_);
  while (files.size() > kMaxRecentModels) files.removeLast();
  settings.setValue(kRecentModelsKey, files);
  runSampleAction_->setEnabled(true);
  runDatasetAction_->setEnabled(true);
  statusBar()->showMessage(tr("Model %1: run it with F6 (current sample) or Shift+F6 (dataset)")
                               .arg(QFileInfo(file).fileName()),
                           8000);
#else
  showError(tr("This build has no inference engine (built without LibTorch): %1").arg(file));
#endif
}

fs::path MainWindow::modelOutputDir(const QString& model) const {
  // Beside the project file: <key>.models/<model>-<time>/ (the dataset stays untouched).
  fs::path project = projectFileFor(QString::fromStdString(request_.dataset.string()));
  const QString stamp = QDateTime::currentDateTimeUtc().toString("yyyyMMdd-HHmmss-zzz");
  return project.replace_extension(".models") /
         (QFileInfo(model).completeBaseName() + "-" + stamp).toStdString();
}

bool MainWindow::runModel(bool wholeDataset) {
#ifdef HANDALIGN_WITH_INFERENCE
  if (modelFile_.isEmpty()) {
    showError(tr("Open a model first (Model → Open Model…)"));
    return false;
  }
  if (!outcome_ || (!wholeDataset && current_ < 0)) {
    showError(tr("Open a dataset first"));
    return false;
  }
  if (inferenceJob_ && inferenceJob_->isRunning()) {
    statusBar()->showMessage(tr("A model is already running"), 5000);
    return false;
  }
  const QSettings settings;
  InferenceRequest request;
  request.model = modelFile_.toStdString();
  request.datasetRoot = request_.dataset;
  request.split = outcome_->session.dataset->split();
  request.format = outcome_->session.dataset->formatId();
  request.handModel = outcome_->session.model;
  request.handModelFile = outcome_->session.info.handModelFile;
  const QString device = settings.value(kDeviceKey, "auto").toString();
  request.options.device = device == "cpu"    ? InferenceDevice::Cpu
                           : device == "cuda" ? InferenceDevice::Cuda
                                              : InferenceDevice::Auto;
  request.options.batchSize = std::max(1, settings.value(kBatchKey, 8).toInt());
  request.options.half = settings.value(kHalfKey, false).toBool();
  request.evalOptions = outcome_->session.info.options;
  request.version = QApplication::applicationVersion().toStdString();
  if (wholeDataset)
    request.outputDir = modelOutputDir(modelFile_);
  else
    request.samples = {std::size_t(current_)};
  inferenceJob_ = std::make_unique<InferenceJob>(std::move(request));
  connect(inferenceJob_.get(), &InferenceJob::progress, this, [this](qint64 done, qint64 total) {
    progress_->setMaximum(int(total));
    progress_->setValue(int(done));
  });
  connect(inferenceJob_.get(), &InferenceJob::finished, this, &MainWindow::onModelRun);
  connect(inferenceJob_.get(), &InferenceJob::failed, this, [this](const QString& message) {
    progress_->hide(), cancel_->hide();
    showError(message);
    Q_EMIT modelRunFailed(message);
  });
  connect(inferenceJob_.get(), &InferenceJob::cancelled, this, [this] {
    progress_->hide(), cancel_->hide();
    statusBar()->showMessage(tr("Model run cancelled; nothing was kept"), 5000);
  });
  progress_->setValue(0);
  progress_->show();
  cancel_->show();
  statusBar()->showMessage(wholeDataset ? tr("Running the model on the dataset…")
                                        : tr("Running the model on the current sample…"));
  inferenceJob_->start();
  return true;
#else
  (void)wholeDataset;
  showError(tr("This build has no inference engine (built without LibTorch)"));
  return false;
#endif
}

void MainWindow::onModelRun(std::shared_ptr<InferenceOutcome> outcome) {
#ifdef HANDALIGN_WITH_INFERENCE
  progress_->hide();
  cancel_->hide();
  if (!outcome->files.empty()) {
    // Whole dataset: the files join the dataset's predictions and are evaluated like any other.
    std::vector<std::pair<QString, QString>> predictions;
    for (const auto& [name, file] : request_.predictions) {
      bool replaced = false;
      for (const auto& written : outcome->files) replaced = replaced || written.first == name;
      if (!replaced)
        predictions.emplace_back(QString::fromStdString(name), QString::fromStdString(file));
    }
    for (const auto& [name, file] : outcome->files)
      predictions.emplace_back(QString::fromStdString(name), QString::fromStdString(file));
    const QString sample =
        current_ >= 0
            ? QString::fromStdString(outcome_->session.dataset->sampleId(std::size_t(current_)))
            : QString();
    statusBar()->showMessage(
        tr("Model run on %1: evaluating its meshes…").arg(QString::fromStdString(outcome->device)));
    std::vector<Refinement> refinements;  // the model's own pair replaces an older one
    for (const Refinement& r : request_.refinements)
      if (std::find(outcome->refinements.begin(), outcome->refinements.end(), r) ==
          outcome->refinements.end())
        refinements.push_back(r);
    refinements.insert(refinements.end(), outcome->refinements.begin(), outcome->refinements.end());
    openDataset(QString::fromStdString(request_.dataset.string()), predictions, sample,
                QString::fromStdString(request_.handModel.string()), refinements);
    Q_EMIT modelRunFinished();
    return;
  }
  // One sample: the model's predictions replace earlier ones of the same name in the session.
  if (!outcome_) return;
  std::vector<Prediction>& preds = outcome_->session.predictions;
  for (Prediction& p : outcome->predictions) {
    preds.erase(std::remove_if(preds.begin(), preds.end(),
                               [&p](const Prediction& q) { return q.name == p.name; }),
                preds.end());
    preds.push_back(std::move(p));
  }
  std::vector<PredictionTotals> totals;
  std::vector<RunSamples> primary = primaryRuns(totals);
  for (const Prediction& p : preds) {
    if (!p.file.empty()) continue;  // prediction files: their runs are already there
    const QString name = QString::fromStdString(p.name);
    auto same = std::find_if(primary.begin(), primary.end(),
                             [&name](const RunSamples& r) { return r.name == name; });
    RunSamples run{name, {}};
    for (const SampleRow& row : outcome->rows)
      if (row.pred == p.name) run.rows.push_back(row);
    if (run.rows.empty()) continue;
    if (same != primary.end()) {
      if (!totals.empty()) totals.erase(totals.begin() + (same - primary.begin()));
      primary.erase(same);
    }
    primary.push_back(std::move(run));
    if (!totals.empty()) totals.emplace_back();
  }
  for (const Refinement& r : outcome->refinements)  // the in-memory runs' roles
    if (std::find(modelRefinements_.begin(), modelRefinements_.end(), r) == modelRefinements_.end())
      modelRefinements_.push_back(r);
  const int sample = current_;
  setRunRows(std::move(primary), totals);
  selectSampleIndex(sample);
  showSample(sample);
  statusBar()->showMessage(tr("Model run on %1 done").arg(QString::fromStdString(outcome->device)),
                           5000);
  Q_EMIT modelRunFinished();
#endif
}

}  // namespace handalign
