#include "MainWindow.h"

#include "OverlayPanel.h"
#include "PreferencesDialog.h"
#include "RecentDatasets.h"

#include "browser/SampleFilterProxy.h"
#include "browser/SampleTableModel.h"
#include "canvas/ImageCanvas.h"
#include "eval/Report.h"
#include "jobs/EvaluationJob.h"
#ifdef HANDALIGN_WITH_INFERENCE
#include "jobs/InferenceJob.h"
#else
namespace handalign {
class InferenceJob {};  // never made without the inference engine
}  // namespace handalign
#endif
#include "MaskEditor.h"
#include "metrics/BoundaryDistanceMap.h"
#include "metrics/MetricsPanel.h"
#include "project/AnnotationSession.h"
#include "project/ProjectStore.h"
#include "raster/Rasterizer.h"
#include "vtk/MeshView3D.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDir>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace handalign {
namespace fs = std::filesystem;

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setAcceptDrops(true);  // a dataset folder dropped on the window opens it
  canvas_ = new ImageCanvas(this);
  setCentralWidget(canvas_);
  buildDocks();
  buildActions();
  progress_ = new QProgressBar(this);
  cancel_ = new QPushButton(this);
  inspector_ = new QLabel(this);
  statusBar()->addWidget(inspector_, 1);
  statusBar()->addPermanentWidget(progress_);
  statusBar()->addPermanentWidget(cancel_);
  progress_->hide();
  cancel_->hide();
  connect(cancel_, &QPushButton::clicked, this, [this] {
    if (job_) job_->cancel();
#ifdef HANDALIGN_WITH_INFERENCE
    if (inferenceJob_) inferenceJob_->cancel();
#endif
  });
  connect(meshView_, &MeshView3D::vertexHovered, this, &MainWindow::onVertexHovered);
  connect(canvas_, &ImageCanvas::pixelInspected, this,
          [this](QPoint p, int gt, int reference, int shown, float distance) {
            onPixelInspected(p);
            inspector_->setText(inspectorText(p, gt, reference, shown, distance));
          });
  statusBar()->showMessage(tr("Open a dataset (Ctrl+O) or drop its folder here"));
  retranslate();
  QSettings settings;
  restoreGeometry(settings.value("MainWindow/Geometry").toByteArray());
  if (!restoreState(settings.value("MainWindow/State").toByteArray())) {
    resize(1400, 900);
    resizeDocks({samplesDock_, view3dDock_}, {380, 460}, Qt::Horizontal);
    resizeDocks({view3dDock_, metricsDock_}, {480, 400}, Qt::Vertical);
  }
}

MainWindow::~MainWindow() {
  annotations_.reset();  // it writes to the project: close it before store_ goes
}

void MainWindow::buildDocks() {
  model_ = new SampleTableModel(this);
  proxy_ = new SampleFilterProxy(this);
  proxy_->setSourceModel(model_);
  table_ = new QTableView;
  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(SampleTableModel::IndexColumn,
                       Qt::AscendingOrder);  // Qt's default is descending
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  // Method over metric on two lines, never cut: the header grows to fit its text.
  table_->horizontalHeader()->setTextElideMode(Qt::ElideNone);
  table_->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
  table_->horizontalHeader()->setResizeContentsPrecision(0);  // the visible rows: fast at 32k
  filter_ = new QLineEdit;
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::editingFinished, this, &MainWindow::applyFilter);
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (!current.isValid()) return;
            const QModelIndex source = proxy_->mapToSource(current);
            showSample(int(model_->value(source.row(), SampleTableModel::IndexColumn)));
          });
  matchCount_ = new QLabel;
  connect(proxy_, &QAbstractItemModel::modelReset, this, &MainWindow::updateMatchCount);
  connect(proxy_, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateMatchCount);
  auto* browser = new QWidget;
  auto* layout = new QVBoxLayout(browser);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* filterRow = new QHBoxLayout;
  filterRow->addWidget(filter_, 1);
  filterRow->addWidget(matchCount_);
  layout->addLayout(filterRow);
  layout->addWidget(table_);
  samplesDock_ = new QDockWidget(this);
  samplesDock_->setObjectName("SamplesDock");
  samplesDock_->setWidget(browser);
  addDockWidget(Qt::LeftDockWidgetArea, samplesDock_);

  meshView_ = new MeshView3D;
  view3dDock_ = new QDockWidget(this);
  view3dDock_->setObjectName("View3DDock");
  view3dDock_->setWidget(meshView_);
  addDockWidget(Qt::RightDockWidgetArea, view3dDock_);

  // Below the 3D view: the current sample's metrics and the run's charts.
  metrics_ = new MetricsPanel;
  pckNote_ = new QLabel;
  pckNote_->setWordWrap(true);
  pckNote_->hide();
  auto* metricsPage = new QWidget;
  auto* metricsLayout = new QVBoxLayout(metricsPage);
  metricsLayout->setContentsMargins(0, 0, 0, 0);
  metricsLayout->addWidget(pckNote_);
  metricsLayout->addWidget(metrics_, 1);
  metricsDock_ = new QDockWidget(this);
  metricsDock_->setObjectName("MetricsDock");
  metricsDock_->setWidget(metricsPage);
  addDockWidget(Qt::RightDockWidgetArea, metricsDock_);
  splitDockWidget(view3dDock_, metricsDock_, Qt::Vertical);

  // Overlay controls share the metrics dock's place, as a tab behind it.
  overlays_ = new OverlayPanel(canvas_);
  overlaysDock_ = new QDockWidget(this);
  overlaysDock_->setObjectName("OverlaysDock");
  overlaysDock_->setWidget(overlays_);
  addDockWidget(Qt::RightDockWidgetArea, overlaysDock_);
  tabifyDockWidget(metricsDock_, overlaysDock_);
  connect(overlays_, &OverlayPanel::methodsChanged, this, &MainWindow::setComparedMethods);
  metricsDock_->raise();
}

fs::path MainWindow::projectFileFor(const QString& dataset) const {
  // One project per dataset folder, in the user's data folder: the dataset itself stays untouched.
  const QString key = QString::fromLatin1(
      QCryptographicHash::hash(QDir(dataset).absolutePath().toUtf8(), QCryptographicHash::Sha1)
          .toHex()
          .left(16));
  const QString dir =
      QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/projects";
  QDir().mkpath(dir);
  return fs::path((dir + "/" + key + ".handalign").toStdString());
}

void MainWindow::openDataset(const QString& dataset,
                             const std::vector<std::pair<QString, QString>>& predictions,
                             const QString& sample, const QString& handModel,
                             const std::vector<Refinement>& refinements) {
  if (editingSample_ >= 0) setEditingMask(false);  // saves a modified mask
  annotations_.reset();
  if (job_) job_->cancel();
  request_ = EvalRequest{};
  request_.dataset = dataset.toStdString();
  request_.handModel = handModel.toStdString();
  request_.version = QApplication::applicationVersion().toStdString();
  request_.allowNoPredictions = true;  // a dataset alone, for a model to run on
  model_->setAllSamples({});
  const QSettings settings;
  request_.options.threads = std::max(0, settings.value(kThreadsKey, 0).toInt());
  request_.options.resolution = std::max(1, settings.value(kResolutionKey, 224).toInt());
  applyHdSettings(request_.options);
  for (const auto& [name, file] : predictions)
    request_.predictions.emplace_back(name.toStdString(), file.toStdString());
  request_.refinements = refinements;
  modelRefinements_.clear();
  referenceName_.clear(), shownName_.clear();
  pendingSample_ = sample;
  primaryRunIds_.clear();
  extraRunIds_.clear();
  datasetName_ = QDir(dataset).dirName();
  RecentDatasets::add({dataset, handModel, predictions, refinements});
  retranslate();  // the window title names the dataset; "Open Recent" lists it first
  try {
    store_ = std::make_unique<ProjectStore>();
    store_->open(projectFileFor(dataset));
    // Corrected masks next to the project count in every evaluation (docs/metrics.md).
    const fs::path corrections = annotationFolderFor(store_->path(), splitToOpen());
    std::error_code ec;
    if (fs::is_directory(corrections / "mask", ec)) request_.options.annotations = corrections;
  } catch (const std::exception& e) {
    store_.reset();
    showError(QString::fromStdString(e.what()));
  }
  startEvaluation();
}

void MainWindow::applyHdSettings(EvalOptions& options) {
  const QSettings settings;
  if (!parseHdMode(settings.value(kHdModeKey, "max").toString().toStdString(), options.hd.mode))
    options.hd.mode = HdMode::Max;
  if (!parseHdEmpty(settings.value(kHdEmptyKey, "nan").toString().toStdString(), options.hd.empty))
    options.hd.empty = HdEmpty::Nan;
}

void MainWindow::reevaluate() {
  if (request_.predictions.empty()) {
    statusBar()->showMessage(tr("Open a dataset first"), 5000);
    return;
  }
  if (job_) job_->cancel();
  applyHdSettings(request_.options);  // the preferences may have changed the convention
  startEvaluation(false);
}

std::vector<std::int64_t> MainWindow::storedRunsFor(const std::string& name, const fs::path& file,
                                                    bool includeIncomplete) const {
  std::vector<std::int64_t> ids;  // oldest first
  if (!store_) return ids;
  const std::string root = fs::absolute(request_.dataset).lexically_normal().string();
  const std::string fingerprint = fileFingerprint(file);
  // Only runs under the conventions of the request: a stored run of another HD95 convention or
  // resolution is another result.
  const EvalOptions& o = request_.options;
  auto sameConventions = [&o](const StoredRun& run) {
    const QJsonObject options =
        QJsonDocument::fromJson(QByteArray::fromStdString(run.optionsJson))["options"].toObject();
    return options["resolution"].toInt() == o.resolution &&
           options["hd_mode"].toString().toStdString() == toString(o.hd.mode) &&
           options["hd_empty"].toString().toStdString() == toString(o.hd.empty);
  };
  for (const StoredRun& run : store_->runs())
    if (run.datasetRoot == root && run.name == name && run.fingerprint == fingerprint &&
        (includeIncomplete || (run.metricsComplete && sameConventions(run))))
      ids.push_back(run.id);
  return ids;
}

void MainWindow::startEvaluation(bool useStored) {
  // Results already in the project for these exact prediction files are shown at once.
  std::vector<RunSamples> stored;
  std::vector<std::int64_t> storedIds;
  std::vector<PredictionTotals> storedTotals;  // all or none: runs stored before v2 have none
  if (store_ && useStored) {
    try {
      for (const auto& [name, file] : request_.predictions) {
        const std::vector<std::int64_t> ids = storedRunsFor(name, file);
        if (!ids.empty()) {
          stored.push_back({QString::fromStdString(name), store_->loadRun(ids.back())});
          storedIds.push_back(ids.back());
          if (std::optional<PredictionTotals> t = store_->loadRunTotals(ids.back()))
            storedTotals.push_back(std::move(*t));
        }
      }
    } catch (const std::exception&) {
      stored.clear();  // an unreadable file or project: evaluate afresh, the job names the problem
    }
  }
  const bool haveAll = stored.size() == request_.predictions.size();  // none needed: load only
  job_ = std::make_unique<EvaluationJob>(request_);
  job_->setLoadOnly(haveAll);
  if (haveAll && !stored.empty()) {
    primaryRunIds_ = storedIds;
    setRunRows(std::move(stored), storedTotals);
  }
  connect(job_.get(), &EvaluationJob::progress, this, [this](qint64 done, qint64 total) {
    progress_->setMaximum(int(total));
    progress_->setValue(int(done));
  });
  connect(job_.get(), &EvaluationJob::finished, this, &MainWindow::onEvaluated);
  connect(job_.get(), &EvaluationJob::failed, this, [this](const QString& message) {
    progress_->hide(), cancel_->hide();
    showError(message);
    Q_EMIT evaluationFailed(message);
  });
  connect(job_.get(), &EvaluationJob::cancelled, this, [this] {
    progress_->hide(), cancel_->hide();
    statusBar()->showMessage(tr("Evaluation cancelled"), 5000);
  });
  progress_->setValue(0);
  progress_->show();
  cancel_->show();
  statusBar()->showMessage(haveAll ? tr("Opening the dataset…") : tr("Evaluating…"));
  job_->start();
}

void MainWindow::onEvaluated(std::shared_ptr<EvalOutcome> outcome) {
  outcome_ = std::move(outcome);
  progress_->hide();
  cancel_->hide();
  if (!outcome_->result.rows.empty()) {
    if (store_) {
      try {
        const std::vector<std::int64_t> saved =
            store_->saveRun(outcome_->session.info, outcome_->result);
        primaryRunIds_ = saved;
        // The new results replace older ones for the same prediction files (after F5).
        for (const auto& [name, file] : request_.predictions)
          for (std::int64_t id : storedRunsFor(name, file, true))
            if (std::find(saved.begin(), saved.end(), id) == saved.end()) store_->deleteRun(id);
      } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
      }
    }
    std::map<std::string, std::vector<SampleRow>> byPred;
    for (const SampleRow& row : outcome_->result.rows) byPred[row.pred].push_back(row);
    std::vector<RunSamples> runs;
    for (const std::string& name : outcome_->result.predictionNames)
      runs.push_back({QString::fromStdString(name), std::move(byPred[name])});
    setRunRows(std::move(runs), outcome_->result.totals);
  }
  if (request_.predictions.empty()) {  // no results yet: the browser lists every sample
    std::vector<QString> ids;
    const Dataset& ds = *outcome_->session.dataset;
    for (std::size_t i = 0; i < ds.size(); ++i)
      ids.push_back(QString::fromStdString(ds.sampleId(i)));
    model_->setAllSamples(std::move(ids));
    setRunRows({});
  }
  meshView_->setHandModel(outcome_->session.model);
  openAnnotations();  // review column and corrected metrics before a row is selected
  statusBar()->showMessage(tr("%1 samples").arg(outcome_->session.dataset->size()), 5000);
  selectRow(0);
  // --sample: an id or a dataset index; neither gets a dialog (jumpToSample says so).
  if (!pendingSample_.isEmpty()) jumpToSample(pendingSample_);
  if (const auto resume = annotations_ ? annotations_->resume() : std::nullopt;
      resume && pendingSample_.isEmpty()) {  // back where the annotator was
    jumpToSample(QString::fromStdString(resume->sampleId));
    bool ok = false;
    const int tool = QString::fromStdString(resume->tool).toInt(&ok);  // 0: was not editing
    if (ok && tool > 0 && tool <= MaskEditor::kToolCount) {
      setEditingMask(true);
      editor_->setTool(MaskEditor::Tool(tool));
    }
  }
  Q_EMIT evaluationFinished();
  if (runModelWhenReady_ && !modelFile_.isEmpty()) {  // --model: run it on the sample shown
    runModelWhenReady_ = false;
    runModel(false);
  }
}

void MainWindow::applyFilter() {
  const bool ok = proxy_->setFilterExpression(filter_->text());
  filter_->setStyleSheet(ok ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d33; }"));
  filter_->setToolTip(ok ? QString() : proxy_->errorString());
  updateMatchCount();
  if (!ok) statusBar()->showMessage(proxy_->errorString(), 5000);
}

void MainWindow::updateMatchCount() {
  matchCount_->setText(proxy_->filterExpression().isEmpty()
                           ? tr("%n sample(s)", nullptr, model_->rowCount())
                           : tr("%1 of %2 match").arg(proxy_->rowCount()).arg(model_->rowCount()));
}

void MainWindow::selectRow(int proxyRow) {
  if (proxyRow < 0 || proxyRow >= proxy_->rowCount()) return;
  table_->selectRow(proxyRow);
  table_->scrollTo(proxy_->index(proxyRow, 0));
}

void MainWindow::nextSample() { selectRow(table_->currentIndex().row() + 1); }
void MainWindow::previousSample() { selectRow(table_->currentIndex().row() - 1); }

void MainWindow::showSample(int index) {
  if (!outcome_ || index < 0 || std::size_t(index) >= outcome_->session.dataset->size()) return;
  if (editingSample_ >= 0 && editingSample_ != index && editor_->isModified())
    saveMask(QStringLiteral("autosave on leaving the sample"));
  current_ = index;
  canvas_->setMarker(std::nullopt);
  meshView_->highlightVertex(-1, -1);
  const Dataset& ds = *outcome_->session.dataset;
  const HandModel& model = outcome_->session.model;
  const QImage image(QString::fromStdString(ds.imagePath(std::size_t(index)).string()));
  if (image.isNull())
    statusBar()->showMessage(
        tr("Cannot read %1").arg(QString::fromStdString(ds.imagePath(std::size_t(index)).string())),
        5000);
  canvas_->setImage(image);
  // Overlays at the image's own resolution, rendered by the same rasterizer as the metrics.
  const int w = ds.imageWidth(), h = ds.imageHeight();
  const Intrinsics k = ds.intrinsics(std::size_t(index));
  intrinsics_ = k;
  const std::vector<std::uint8_t> faceLabels = model.faceLabels();
  Raster raster;
  LabelImage gt, rough, refined;
  if (ds.hasVertices())
    renderLabels(ds.vertices(std::size_t(index)), model.faces, faceLabels, k, w, h, raster, gt);
  canvas_->setLabels(ImageCanvas::Layer::GroundTruth, gt);
  meshView_->setMesh(MeshKind::GroundTruth,
                     ds.hasVertices() ? Points(ds.vertices(std::size_t(index))) : Points());
  // The two methods the user picked (Overlays dock): the one under study and its reference.
  const QString shownName = shownRun_ >= 0 ? runs_[std::size_t(shownRun_)].name : QString();
  const QString referenceName = referenceRun_ >= 0 && referenceRun_ != shownRun_
                                    ? runs_[std::size_t(referenceRun_)].name
                                    : QString();
  canvas_->setLabels(ImageCanvas::Layer::Reference, {});
  canvas_->setLabels(ImageCanvas::Layer::Shown, {});
  meshView_->setMesh(MeshKind::Reference, Points());
  meshView_->setMesh(MeshKind::Shown, Points());
  for (const Prediction& p : outcome_->session.predictions) {
    const QString name = QString::fromStdString(p.name);
    const bool isShown = name == shownName, isReference = name == referenceName;
    // A model run on other samples has no mesh here (NaN).
    if ((!isShown && !isReference) || p.vertices.empty() ||
        !p.vertices.points(std::size_t(index)).allFinite())
      continue;
    LabelImage& labels = isShown ? refined : rough;
    renderLabels(p.vertices.points(std::size_t(index)), model.faces, faceLabels, k, w, h, raster,
                 labels);
    canvas_->setLabels(isShown ? ImageCanvas::Layer::Shown : ImageCanvas::Layer::Reference, labels);
    meshView_->setMesh(isShown ? MeshKind::Shown : MeshKind::Reference,
                       Points(p.vertices.points(std::size_t(index))));
  }
  // Offsets ΔM only where the shown method is declared the refinement of the reference.
  meshView_->setOffsetsVisible(showOffsetsAction_->isChecked() && !referenceName.isEmpty() &&
                               refinedFrom(declaredRoles(), shownName.toStdString()) ==
                                   referenceName.toStdString());
  if (!gt.empty() && !refined.empty())
    canvas_->setDistanceMap(boundaryDistanceMap(refined, gt, -1));
  else
    canvas_->setDistanceMap({});
  meshView_->setImageCamera(k, image);
  meshView_->resetCamera();
  shownLabels_[0] = std::move(gt), shownLabels_[1] = std::move(rough);
  shownLabels_[2] = std::move(refined);
  if (editingSample_ >= 0) loadMaskForEditing();  // the editor follows the browser
  updateAnnotateActions();
  showSampleMetrics();
  statusBar()->showMessage(
      tr("Sample %1").arg(QString::fromStdString(ds.sampleId(std::size_t(index)))));
}

QString MainWindow::partText(int label) {
  // Label-image values as the reader knows them: the part's name, never its number.
  const QString names[] = {tr("background"), tr("palm"), tr("thumb"), tr("index"),
                           tr("middle"),     tr("ring"), tr("pinky")};
  if (label < 0) return QStringLiteral("–");
  return label < 7 ? names[label] : tr("label %1").arg(label);
}

QString MainWindow::inspectorText(QPoint p, int gt, int reference, int shown,
                                  float distance) const {
  auto name = [this](int run) {
    return run >= 0 && run < int(runs_.size()) ? runs_[std::size_t(run)].name : QString();
  };
  QString text = tr("pixel (%1, %2)  GT %3").arg(p.x()).arg(p.y()).arg(partText(gt));
  if (referenceRun_ >= 0 && referenceRun_ != shownRun_)
    text += QStringLiteral("  %1 %2").arg(name(referenceRun_), partText(reference));
  if (shownRun_ >= 0) text += QStringLiteral("  %1 %2").arg(name(shownRun_), partText(shown));
  return text +
         tr("  boundary distance %1 px")
             .arg(std::isnan(distance) ? QStringLiteral("–") : QString::number(distance, 'f', 2));
}

void MainWindow::showError(const QString& message) {
  statusBar()->showMessage(message, 10000);
  // Window-modal but not blocking: the event loop (and a running job) carry on.
  auto* box =
      new QMessageBox(QMessageBox::Warning, tr("HandAlign Studio"), message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::closeEvent(QCloseEvent* e) {
  if (editingSample_ >= 0 && editor_->isModified()) saveMask(QStringLiteral("autosave on closing"));
  QSettings settings;
  settings.setValue("MainWindow/Geometry", saveGeometry());
  settings.setValue("MainWindow/State", saveState());
  if (job_) job_->cancel();
  QMainWindow::closeEvent(e);
}

}  // namespace handalign
