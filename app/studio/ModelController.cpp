#include "ModelController.h"

#include "PreferencesDialog.h"
#include "RecentDatasets.h"
#include "StudioSession.h"

#include "project/ProjectLocation.h"
#include "project/ProjectStore.h"
#include "util/Error.h"
#ifdef HANDALIGN_WITH_INFERENCE
#include "inference/ModelManifest.h"
#include "jobs/InferenceJob.h"
#else
namespace handalign {
class InferenceJob {};  // never made without the inference engine
struct InferenceOutcome {};
}  // namespace handalign
#endif

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>

#include <algorithm>

namespace handalign {
namespace fs = std::filesystem;
namespace {
constexpr const char* kRecentModelsKey = "Studio/RecentModels";
constexpr int kMaxRecentModels = 8;
}  // namespace

ModelController::ModelController(StudioSession* session, QWidget* dialogParent)
    : QObject(dialogParent), session_(session), parent_(dialogParent) {}

ModelController::~ModelController() = default;

void ModelController::buildMenu(QMenuBar* bar) {
  menu_ = bar->addMenu(QString());
  openAction_ = menu_->addAction(QString(), this, &ModelController::showOpenDialog);
  openAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
  recentMenu_ = menu_->addMenu(QString());
  connect(recentMenu_, &QMenu::aboutToShow, this, &ModelController::rebuildRecentMenu);
  menu_->addSeparator();
  runSampleAction_ = menu_->addAction(
      QString(), this, [this] { run(currentSample ? std::max(0, currentSample()) : 0); });
  runSampleAction_->setShortcut(QKeySequence(Qt::Key_F6));
  runDatasetAction_ = menu_->addAction(QString(), this, [this] { run(-1); });
  runDatasetAction_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
  runSampleAction_->setEnabled(false);
  runDatasetAction_->setEnabled(false);
}

void ModelController::retranslate() {
  menu_->setTitle(tr("&Model"));
  openAction_->setText(tr("&Open Model…"));
  openAction_->setToolTip(
      tr("Open a checkpoint (TorchScript or the native network's weights) with its JSON "
         "manifest (Ctrl+M). A TorchScript checkpoint is code: it runs when loaded, so open only "
         "checkpoints you trust."));
  recentMenu_->setTitle(tr("Recent &Models"));
  runSampleAction_->setText(tr("Run on &Current Sample"));
  runSampleAction_->setToolTip(tr("Run the model on the sample shown and score it (F6)"));
  runDatasetAction_->setText(tr("Run on &Whole Dataset"));
  runDatasetAction_->setToolTip(
      tr("Run the model on every sample in the background, then evaluate its meshes (Shift+F6)"));
}

void ModelController::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList files = QSettings().value(kRecentModelsKey).toStringList();
  for (const QString& file : files)
    recentMenu_->addAction(QFileInfo(file).fileName(), this, [this, file] { openModel(file); })
        ->setToolTip(file);
  recentMenu_->setEnabled(!files.isEmpty());
}

void ModelController::showOpenDialog() {
  const QString start = modelFile_.isEmpty() ? QDir::homePath() : QFileInfo(modelFile_).path();
  const QString file = QFileDialog::getOpenFileName(
      parent_, tr("Open Model (checkpoints run code when loaded: open only trusted ones)"), start,
      tr("Models (*.json *.pt *.pth *.ts *.torchscript);;All files (*)"));
  if (!file.isEmpty()) openModel(file);
}

bool ModelController::openModel(const QString& file) {
#ifdef HANDALIGN_WITH_INFERENCE
  if (!QFileInfo::exists(file)) {
    Q_EMIT error(tr("No such model file: %1").arg(file));
    return false;
  }
  try {  // the manifest names the problem with the file (a prediction file is no manifest)
    const ModelManifest manifest = loadModelManifest(file.toStdString());
    std::error_code ec;
    if (!fs::is_regular_file(manifest.checkpoint, ec))
      throw InputError(manifest.file,
                       "its checkpoint " + manifest.checkpoint.string() + " is not a file");
  } catch (const std::exception& e) {
    Q_EMIT error(tr("Cannot open the model: %1").arg(QString::fromStdString(e.what())));
    return false;
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
  Q_EMIT message(tr("Model %1: run it with F6 (current sample) or Shift+F6 (dataset)")
                     .arg(QFileInfo(file).fileName()),
                 8000);
  return true;
#else
  Q_EMIT error(tr("This build has no inference engine (built without LibTorch): %1").arg(file));
  return false;
#endif
}

bool ModelController::isRunning() const {
#ifdef HANDALIGN_WITH_INFERENCE
  return job_ && job_->isRunning();
#else
  return false;
#endif
}

void ModelController::cancel() {
#ifdef HANDALIGN_WITH_INFERENCE
  if (job_) job_->cancel();
#endif
}

bool ModelController::run(int sample) {
#ifdef HANDALIGN_WITH_INFERENCE
  const bool wholeDataset = sample < 0;
  if (modelFile_.isEmpty()) {
    Q_EMIT error(tr("Open a model first (Model → Open Model…)"));
    return false;
  }
  if (!session_->isOpen()) {
    Q_EMIT error(tr("Open a dataset first"));
    return false;
  }
  if (isRunning()) {
    Q_EMIT message(tr("A model is already running"), 5000);
    return false;
  }
  const EvalSession& s = session_->session();
  const QSettings settings;
  InferenceRequest request;
  request.model = modelFile_.toStdString();
  request.datasetRoot = session_->request().dataset;
  request.split = s.dataset->split();
  request.format = s.dataset->formatId();
  request.handModel = s.model;
  request.handModelFile = s.info.handModelFile;
  const QString device = settings.value(kDeviceKey, "auto").toString();
  request.options.device = device == "cpu"    ? InferenceDevice::Cpu
                           : device == "cuda" ? InferenceDevice::Cuda
                                              : InferenceDevice::Auto;
  request.options.batchSize = std::max(1, settings.value(kBatchKey, 8).toInt());
  request.options.half = settings.value(kHalfKey, false).toBool();
  request.options.segmentation = settings.value(kSegmentationKey, false).toBool();
  request.evalOptions = s.info.options;
  request.version = QApplication::applicationVersion().toStdString();
  if (wholeDataset) {
    // Beside the project file: the dataset stays untouched.
    const fs::path project = session_->project() ? session_->project()->path()
                                                 : projectFileFor(session_->request().dataset);
    request.outputDir = modelOutputDirFor(project, modelFile_.toStdString());
  } else {
    request.samples = {std::size_t(sample)};
  }
  sample_ = sample;
  dataset_ = session_->request().dataset;
  job_ = std::make_unique<InferenceJob>(std::move(request));
  connect(job_.get(), &InferenceJob::progress, this, &ModelController::progress);
  connect(job_.get(), &InferenceJob::finished, this, &ModelController::onFinished);
  connect(job_.get(), &InferenceJob::failed, this, &ModelController::failed);
  connect(job_.get(), &InferenceJob::cancelled, this, &ModelController::cancelled);
  Q_EMIT started(wholeDataset ? tr("Running the model on the dataset…")
                              : tr("Running the model on the current sample…"));
  job_->start();
  return true;
#else
  (void)sample;
  Q_EMIT error(tr("This build has no inference engine (built without LibTorch)"));
  return false;
#endif
}

void ModelController::onFinished(std::shared_ptr<InferenceOutcome> outcome) {
#ifdef HANDALIGN_WITH_INFERENCE
  if (!session_->isOpen() || session_->request().dataset != dataset_) {
    Q_EMIT message(tr("The model's results belong to %1, which is no longer open: not kept")
                       .arg(QString::fromStdString(dataset_.string())),
                   8000);
    Q_EMIT finished();
    return;
  }
  if (!outcome->files.empty()) {
    // Whole dataset: the files join the dataset's predictions, with the manifest's roles.
    DatasetOpening opening = session_->opening();
    auto& predictions = opening.predictions;
    predictions.erase(std::remove_if(predictions.begin(), predictions.end(),
                                     [&](const auto& p) {
                                       for (const auto& written : outcome->files)
                                         if (written.first == p.first.toStdString()) return true;
                                       return false;
                                     }),
                      predictions.end());
    for (const auto& [name, file] : outcome->files)
      predictions.emplace_back(QString::fromStdString(name), QString::fromStdString(file));
    auto& roles = opening.refinements;  // the model's own pair replaces an older one
    roles.erase(std::remove_if(roles.begin(), roles.end(),
                               [&](const Refinement& r) {
                                 return std::find(outcome->refinements.begin(),
                                                  outcome->refinements.end(),
                                                  r) != outcome->refinements.end();
                               }),
                roles.end());
    roles.insert(roles.end(), outcome->refinements.begin(), outcome->refinements.end());
    Q_EMIT message(
        tr("Model run on %1: evaluating its meshes…").arg(QString::fromStdString(outcome->device)),
        0);
    const int shown = currentSample ? currentSample() : -1;
    const QString sample =
        shown >= 0
            ? QString::fromStdString(session_->session().dataset->sampleId(std::size_t(shown)))
            : QString();
    pendingOpening_ = std::move(opening);
    Q_EMIT reopenWith(sample);
    Q_EMIT finished();
    return;
  }
  // One sample: in-memory runs beside the prediction files.
  std::vector<std::string> runs;
  for (const Prediction& p : outcome->predictions) runs.push_back(p.name);
  for (auto& [sample, labels] : outcome->segmentation)  // before the runs show the sample
    session_->setModelSegmentation(runs, sample, std::move(labels));
  session_->addModelRuns(std::move(outcome->predictions), outcome->rows, outcome->refinements);
  Q_EMIT message(tr("Model run on %1 done").arg(QString::fromStdString(outcome->device)), 5000);
  Q_EMIT finished();
#else
  (void)outcome;
#endif
}

}  // namespace handalign
