#include "MainWindow.h"

#include "AnnotationController.h"
#include "ExportController.h"
#include "HelpDialogs.h"
#include "MaskEditor.h"
#include "ModelController.h"
#include "OpenDatasetDialog.h"
#include "OverlayPanel.h"
#include "PreferencesDialog.h"
#include "SamplePresenter.h"
#include "StatusReporter.h"
#include "StudioSession.h"

#include "browser/SampleBrowser.h"
#include "canvas/ImageCanvas.h"
#include "metrics/MetricsPanel.h"
#include "vtk/MeshView3D.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

// The icons live in the static handalign_studio library: its resources need an explicit init
// (outside any namespace).
static void initIconResources() { Q_INIT_RESOURCE(resources); }

namespace handalign {
namespace {

QWidget* page(QWidget* top, QWidget* main) {
  auto* w = new QWidget;
  auto* layout = new QVBoxLayout(w);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(top);
  layout->addWidget(main, 1);
  return w;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  initIconResources();
  setAcceptDrops(true);  // a dataset folder dropped on the window opens it
  setWindowIcon(QIcon(QStringLiteral(":/icons/handalign.svg")));
  session_ = new StudioSession(this);
  canvas_ = new ImageCanvas(this);
  setCentralWidget(canvas_);
  buildDocks();
  presenter_ = new SamplePresenter(session_, canvas_, meshView_, metrics_, this);
  actions_.buildFileAndGo(*this);
  annotation_ = new AnnotationController(session_, browser_, canvas_, this);
  annotation_->buildMenu(menuBar());
  models_ = new ModelController(session_, this);
  models_->buildMenu(menuBar());
  models_->currentSample = [this] { return currentSample(); };
  exports_ = new ExportController(session_, this);
  actions_.buildViewAndHelp(*this);
  view3dDock_->setWidget(page(actions_.view3dBar, meshView_));
  actions_.buildToolBar(*this, annotation_->editAction(), annotation_->saveAction());

  status_ = new StatusReporter(this);
  connectSession();
  status_->message(tr("Open a dataset (Ctrl+O) or drop its folder here"), 0);
  retranslate();
  rebuildRecentMenu();  // folders gone since the last session leave the list, with a message
  QSettings settings;
  restoreGeometry(settings.value("MainWindow/Geometry").toByteArray());
  if (!restoreState(settings.value("MainWindow/State").toByteArray())) {
    resize(1400, 900);
    resizeDocks({samplesDock_, view3dDock_}, {380, 520}, Qt::Horizontal);
    resizeDocks({view3dDock_, metricsDock_}, {480, 400}, Qt::Vertical);
  }
}

MainWindow::~MainWindow() {
  annotation_->close();  // it writes to the project: close it before the session goes
}

void MainWindow::buildDocks() {
  auto dock = [this](const char* name, QWidget* content, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(this);
    d->setObjectName(QLatin1String(name));
    d->setWidget(content);
    addDockWidget(area, d);
    return d;
  };
  browser_ = new SampleBrowser;
  samplesDock_ = dock("SamplesDock", browser_, Qt::LeftDockWidgetArea);
  meshView_ = new MeshView3D;
  view3dDock_ = dock("View3DDock", meshView_, Qt::RightDockWidgetArea);
  // Below the 3D view: the current sample's metrics and the run's charts.
  metrics_ = new MetricsPanel;
  pckNote_ = new QLabel;
  pckNote_->setWordWrap(true);
  pckNote_->hide();
  metricsDock_ = dock("MetricsDock", page(pckNote_, metrics_), Qt::RightDockWidgetArea);
  splitDockWidget(view3dDock_, metricsDock_, Qt::Vertical);
  // Overlay controls share the metrics dock's place, as a tab behind it.
  overlays_ = new OverlayPanel(canvas_);
  overlaysDock_ = dock("OverlaysDock", overlays_, Qt::RightDockWidgetArea);
  tabifyDockWidget(metricsDock_, overlaysDock_);
  metricsDock_->raise();
}

std::vector<QDockWidget*> MainWindow::docks() const {
  return {samplesDock_, view3dDock_, metricsDock_, overlaysDock_};
}

void MainWindow::connectSession() {
  StudioSession* s = session_;
  connect(actions_.next, &QAction::triggered, browser_, &SampleBrowser::nextSample);
  connect(actions_.previous, &QAction::triggered, browser_, &SampleBrowser::previousSample);
  connect(actions_.offsets, &QAction::toggled, presenter_, &SamplePresenter::setOffsetsWanted);
  connect(actions_.compareRuns, &QAction::triggered, exports_,
          &ExportController::showStoredRunsDialog);
  connect(actions_.exportFigure, &QAction::triggered, this,
          [this] { exports_->showFigureDialog(currentSample()); });
  connect(actions_.exportTables, &QAction::triggered, exports_,
          &ExportController::showTablesDialog);
  connect(browser_, &SampleBrowser::sampleSelected, this, &MainWindow::showSample);
  connect(browser_, &SampleBrowser::filterError, this,
          [this](const QString& m) { status_->message(m); });
  connect(overlays_, &OverlayPanel::methodsChanged, s, &StudioSession::setComparedMethods);
  connect(overlays_, &OverlayPanel::layerVisibilityChanged, this,
          [this](ImageCanvas::Layer layer, bool) {  // every method's contour, rendered on demand
            if (layer == ImageCanvas::Layer::AllMethods) presenter_->refreshAllMethods();
          });
  auto methodNames = [s] {
    QStringList names;
    for (const RunSamples& run : s->runs()) names << run.name;
    return names;
  };
  connect(s, &StudioSession::runsChanged, this, [this, s, methodNames] {
    std::vector<QString> ids;  // without results yet, every sample gets a row
    if (s->isOpen() && s->request().predictions.empty())
      for (std::size_t i = 0; i < s->session().dataset->size(); ++i)
        ids.push_back(QString::fromStdString(s->session().dataset->sampleId(i)));
    browser_->model()->setAllSamples(std::move(ids));
    browser_->setRuns(s->runs(), s->referenceRun(), presenter_->current());
    overlays_->setMethods(methodNames(), s->referenceRun(), s->shownRun());
    // PCK curves need the totals of an evaluation (projects before schema 2 stored none).
    const EvalResult result = s->resultFromRows();
    metrics_->setRun(s->totals().empty() ? std::vector<PredictionSummary>{} : summarize(result),
                     result);
    pckNote_->setVisible(s->totals().empty() && !s->runs().empty());
    presenter_->show(presenter_->current());
    annotation_->proposalsChanged(presenter_->labels(), presenter_->networkSegmentation(),
                                  presenter_->networkSegmentationNote());
  });
  connect(s, &StudioSession::comparedChanged, this, [this, s, methodNames] {
    const int sample = currentSample();
    overlays_->setMethods(methodNames(), s->referenceRun(), s->shownRun());
    browser_->setReference(s->referenceRun(), sample);
    showSample(sample);
  });
  connect(s, &StudioSession::sampleMetricsChanged, this, [this, s](int run, std::size_t sample) {
    if (const SampleMetrics* m = s->metrics(run, sample))
      browser_->model()->setSampleMetrics(run, sample, *m);
  });
  connect(s, &StudioSession::started, status_, &StatusReporter::busy);
  connect(s, &StudioSession::progress, status_, &StatusReporter::progress);
  connect(s, &StudioSession::failed, this, [this](const QString& message) {
    status_->idle();
    pendingSample_.clear();
    status_->error(message);  // what was open stays open
    Q_EMIT evaluationFailed(message);
  });
  connect(s, &StudioSession::cancelled, this, [this] {
    status_->idle();
    status_->message(tr("Evaluation cancelled"));
  });
  connect(s, &StudioSession::error, status_, &StatusReporter::error);
  connect(s, &StudioSession::aboutToReplace, this, [this](bool sameDataset) {
    annotation_->close();  // saves a modified mask into the old project
    if (!sameDataset) presenter_->clear();
    presenter_->forgetFolders();  // a run may have rewritten its folder (its segmentation)
  });
  connect(s, &StudioSession::opened, this, &MainWindow::onOpened);
  connect(exports_, &ExportController::message, status_, &StatusReporter::message);
  connect(exports_, &ExportController::error, status_, &StatusReporter::error);
  connect(annotation_, &AnnotationController::metricsChanged, presenter_,
          &SamplePresenter::refreshMetrics);
  connect(annotation_, &AnnotationController::message, status_, &StatusReporter::message);
  connect(annotation_, &AnnotationController::error, status_, &StatusReporter::error);
  connect(presenter_, &SamplePresenter::message, status_, &StatusReporter::message);
  connect(presenter_, &SamplePresenter::inspected, status_, &StatusReporter::inspect);
  connect(models_, &ModelController::started, status_, &StatusReporter::busy);
  connect(models_, &ModelController::progress, s, &StudioSession::progress);
  connect(models_, &ModelController::message, status_, &StatusReporter::message);
  connect(models_, &ModelController::error, status_, &StatusReporter::error);
  connect(models_, &ModelController::finished, this, [this] {
    status_->idle();
    Q_EMIT modelRunFinished();
  });
  connect(models_, &ModelController::failed, this, [this](const QString& message) {
    status_->idle();
    status_->error(message);
    Q_EMIT modelRunFailed(message);
  });
  connect(models_, &ModelController::cancelled, this, [this] {
    status_->idle();
    status_->message(tr("Model run cancelled; nothing was kept"));
  });
  connect(models_, &ModelController::reopenWith, this, [this](const QString& sample) {
    const DatasetOpening& o = models_->pendingOpening();
    openDataset(o.dataset, o.predictions, sample, o.handModel, o.refinements);
  });
  connect(status_, &StatusReporter::cancelRequested, this, [this] {
    session_->cancel();
    models_->cancel();
  });
}

void MainWindow::openDataset(const QString& dataset,
                             const std::vector<std::pair<QString, QString>>& predictions,
                             const QString& sample, const QString& handModel,
                             const std::vector<Refinement>& refinements) {
  pendingSample_ = sample;
  session_->open({dataset, handModel, predictions, refinements}, evaluationOptionsFromSettings());
}

void MainWindow::showImportDialog() {
  if (!session_->isOpen()) {
    QMessageBox::information(this, tr("Import Evaluation"),
                             tr("Open the dataset the evaluation was computed on first."));
    return;
  }
  const QString dir = QFileDialog::getExistingDirectory(
      this, tr("Import Evaluation (the folder holding per_sample.csv)"));
  if (!dir.isEmpty()) importEvaluation(dir);
}

void MainWindow::importEvaluation(const QString& dir) {
  if (session_->isBusy() || !session_->isOpen()) {
    pendingImport_ = dir;  // after the open in progress
    return;
  }
  int runs = 0;
  const QString error = session_->importEvaluation(dir, &runs);
  if (!error.isEmpty()) {
    QMessageBox::warning(this, tr("Import Evaluation"), error);
    return;
  }
  status_->message(tr("Imported %n run(s) from %1", nullptr, runs).arg(dir));
}

void MainWindow::reevaluate() {
  if (!session_->reevaluate(evaluationOptionsFromSettings()))
    status_->message(tr("Open a dataset first"));
}

void MainWindow::onOpened() {
  status_->idle();
  const EvalSession& s = session_->session();
  RecentDatasets::add(session_->opening());  // only a dataset that opened joins the list
  retranslate();                             // the window title names the dataset
  meshView_->setHandModel(s.model);
  bool resumeEditing = false;
  const int resume = annotation_->open(&resumeEditing);  // review column, corrected metrics
  status_->message(tr("%1 samples").arg(s.dataset->size()));
  const QString pending = std::exchange(pendingSample_, QString());
  QString error;
  bool resumed = false;
  if (!pending.isEmpty()) {
    if (!browser_->jumpTo(pending, &error)) browser_->selectRow(0);
  } else if (resume >= 0 && browser_->selectSample(resume)) {  // back where the annotator was
    resumed = true;
  } else if (browser_->currentSample() < 0) {
    browser_->selectRow(0);
  }
  // The views and the editor follow the selection, also when it did not move (F5).
  showSample(browser_->currentSample());
  if (resumed && resumeEditing) annotation_->setEditing(true);
  if (!error.isEmpty()) status_->error(error);  // after the first sample is shown: it stays
  if (!pendingImport_.isEmpty()) importEvaluation(std::exchange(pendingImport_, QString()));
  Q_EMIT evaluationFinished();
  if (runModelWhenReady_ && !models_->modelFile().isEmpty()) {  // --model: run on the sample
    runModelWhenReady_ = false;
    models_->run(std::max(0, currentSample()));
  }
}

void MainWindow::showSample(int index) {
  if (!session_->isOpen() || index < 0) return;
  annotation_->leavingSample(index);  // autosaves a modified mask
  // First: what showing the sample reports (an unreadable file) must not be overwritten.
  status_->message(
      tr("Sample %1")
          .arg(QString::fromStdString(session_->session().dataset->sampleId(std::size_t(index)))),
      0);
  presenter_->show(index);
  annotation_->sampleShown(index, presenter_->labels(), presenter_->networkSegmentation(),
                           presenter_->networkSegmentationNote());
}

bool MainWindow::jumpToSample(const QString& idOrIndex) {
  QString error;
  if (browser_->jumpTo(idOrIndex, &error)) return true;
  status_->error(error);
  return false;
}

void MainWindow::showJumpToSampleDialog() {
  bool ok = false;
  const QString text = QInputDialog::getText(this, tr("Jump to Sample"), tr("Sample id or index:"),
                                             QLineEdit::Normal, QString(), &ok);
  if (ok) jumpToSample(text);
}

int MainWindow::currentSample() const { return presenter_->current(); }
const Intrinsics& MainWindow::currentIntrinsics() const { return presenter_->intrinsics(); }
const SampleTableModel* MainWindow::sampleModel() const { return browser_->model(); }
MaskEditor* MainWindow::maskEditor() const { return annotation_->editor(); }
ProjectStore* MainWindow::project() const { return session_->project(); }
bool MainWindow::isEditingMask() const { return annotation_->isEditing(); }
std::vector<std::int64_t> MainWindow::shownRunIds() const { return session_->shownRunIds(); }
void MainWindow::showStoredRuns(const std::vector<std::int64_t>& ids) {
  session_->showStoredRuns(ids);
}

void MainWindow::showOpenDatasetDialog() {
  if (const auto o = OpenDatasetDialog::ask(this))
    openDataset(o->dataset, o->predictions, {}, o->handModel, o->refinements);
}

void MainWindow::rebuildRecentMenu() {
  const QStringList dropped = RecentDatasets::pruneMissing();
  if (!dropped.isEmpty())
    status_->message(tr("Removed from the recent datasets, the folder no longer exists: %1")
                         .arg(dropped.join(QStringLiteral(", "))),
                     8000);
  RecentDatasets::fillMenu(actions_.recent, [this](const DatasetOpening& o) {
    openDataset(o.dataset, o.predictions, {}, o.handModel, o.refinements);
  });
}

void MainWindow::showPreferences() {
  PreferencesDialog dialog(this);
  const bool saved = dialog.exec() == QDialog::Accepted;
  maskEditor()->setUndoLimit(QSettings().value(kUndoDepthKey, kDefaultUndoDepth).toInt());
  if (saved) status_->message(tr("Preferences saved (F5 evaluates again under new conventions)"));
}

void MainWindow::showShortcuts() { showShortcutsDialog(this); }

void MainWindow::showDocumentation() {
  const QString problem = openDocumentation();
  if (!problem.isEmpty()) status_->error(problem);
}

void MainWindow::showAbout() { showAboutDialog(this); }

void MainWindow::retranslate() {
  const QString name = session_->datasetName();
  setWindowTitle(name.isEmpty() ? tr("HandAlign Studio") : tr("HandAlign Studio — %1").arg(name));
  actions_.retranslate(*this);
  annotation_->retranslate();
  models_->retranslate();
  samplesDock_->setWindowTitle(tr("Samples"));
  view3dDock_->setWindowTitle(tr("3D view"));
  metricsDock_->setWindowTitle(tr("Metrics"));
  overlaysDock_->setWindowTitle(tr("Overlays"));
  pckNote_->setText(
      tr("These stored results have no PCK histograms (stored by an older version): the "
         "histograms are shown; the PCK curves need a re-evaluation (F5)."));
  status_->retranslate();
}

void MainWindow::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange && actions_.file) retranslate();
  QMainWindow::changeEvent(e);
}

void MainWindow::closeEvent(QCloseEvent* e) {
  annotation_->close();  // saves a modified mask
  QSettings settings;
  settings.setValue("MainWindow/Geometry", saveGeometry());
  settings.setValue("MainWindow/State", saveState());
  session_->cancel();
  models_->cancel();
  QMainWindow::closeEvent(e);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
  if (!OpenDatasetDialog::droppedFolder(e->mimeData()).isEmpty()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
  const QString dir = OpenDatasetDialog::droppedFolder(e->mimeData());
  if (dir.isEmpty()) return;
  e->acceptProposedAction();
  // Opened after the drop has finished, so that no dialog runs inside the drag's event loop.
  QMetaObject::invokeMethod(
      this,
      [this, dir] {
        if (const auto o = OpenDatasetDialog::forFolder(dir, this))
          openDataset(o->dataset, o->predictions, {}, o->handModel, o->refinements);
      },
      Qt::QueuedConnection);
}

}  // namespace handalign
