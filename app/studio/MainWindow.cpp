#include "MainWindow.h"

#include "browser/SampleFilterProxy.h"
#include "browser/SampleTableModel.h"
#include "canvas/ImageCanvas.h"
#include "eval/Report.h"
#include "jobs/EvaluationJob.h"
#include "metrics/BoundaryDistanceMap.h"
#include "project/ProjectStore.h"
#include "raster/Rasterizer.h"
#include "vtk/MeshView3D.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
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
  setWindowTitle(tr("HandAlign Studio"));
  canvas_ = new ImageCanvas(this);
  setCentralWidget(canvas_);
  buildDocks();
  buildActions();
  progress_ = new QProgressBar(this);
  cancel_ = new QPushButton(tr("Cancel"), this);
  inspector_ = new QLabel(this);
  statusBar()->addWidget(inspector_, 1);
  statusBar()->addPermanentWidget(progress_);
  statusBar()->addPermanentWidget(cancel_);
  progress_->hide();
  cancel_->hide();
  connect(cancel_, &QPushButton::clicked, this, [this] {
    if (job_) job_->cancel();
  });
  connect(canvas_, &ImageCanvas::pixelInspected, this,
          [this](QPoint p, int gt, int rough, int refined, float distance) {
            inspector_->setText(
                tr("pixel (%1, %2)  GT %3  rough %4  refined %5  boundary distance %6 px")
                    .arg(p.x())
                    .arg(p.y())
                    .arg(gt)
                    .arg(rough)
                    .arg(refined)
                    .arg(std::isnan(distance) ? QStringLiteral("–")
                                              : QString::number(distance, 'f', 2)));
          });
  QSettings settings;
  restoreGeometry(settings.value("MainWindow/Geometry").toByteArray());
  if (!restoreState(settings.value("MainWindow/State").toByteArray())) {
    resize(1400, 900);
    resizeDocks({findChild<QDockWidget*>("SamplesDock"), findChild<QDockWidget*>("View3DDock")},
                {380, 460}, Qt::Horizontal);
  }
}

MainWindow::~MainWindow() = default;

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
  filter_ = new QLineEdit;
  filter_->setPlaceholderText(tr("Filter, e.g.  finger_hd95 > 8   or   refined worse than rough"));
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::editingFinished, this, &MainWindow::applyFilter);
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (!current.isValid()) return;
            const QModelIndex source = proxy_->mapToSource(current);
            showSample(int(model_->value(source.row(), SampleTableModel::IndexColumn)));
          });
  auto* browser = new QWidget;
  auto* layout = new QVBoxLayout(browser);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(filter_);
  layout->addWidget(table_);
  auto* samples = new QDockWidget(tr("Samples"), this);
  samples->setObjectName("SamplesDock");
  samples->setWidget(browser);
  addDockWidget(Qt::LeftDockWidgetArea, samples);

  meshView_ = new MeshView3D;
  auto* view3d = new QDockWidget(tr("3D view"), this);
  view3d->setObjectName("View3DDock");
  view3d->setWidget(meshView_);
  addDockWidget(Qt::RightDockWidgetArea, view3d);
}

void MainWindow::buildActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  QMenu* go = menuBar()->addMenu(tr("&Go"));
  QAction* next = go->addAction(tr("&Next sample"), this, &MainWindow::nextSample);
  next->setShortcuts({QKeySequence(Qt::Key_D)});
  next->setToolTip(tr("Next sample in the browser's order (D)"));
  QAction* prev = go->addAction(tr("&Previous sample"), this, &MainWindow::previousSample);
  prev->setShortcuts({QKeySequence(Qt::Key_A)});
  QMenu* view = menuBar()->addMenu(tr("&View"));
  const std::pair<QString, ImageCanvas::Layer> layers[] = {
      {tr("Ground-truth mask"), ImageCanvas::Layer::GroundTruth},
      {tr("Rough mesh M_r"), ImageCanvas::Layer::Rough},
      {tr("Refined mesh M_f"), ImageCanvas::Layer::Refined},
      {tr("Difference (FP / FN)"), ImageCanvas::Layer::Difference},
      {tr("HD95 boundary distances"), ImageCanvas::Layer::Distance}};
  int key = Qt::Key_1;
  for (const auto& [label, layer] : layers) {
    QAction* a = view->addAction(label);
    a->setCheckable(true);
    a->setChecked(layer <= ImageCanvas::Layer::Refined);
    a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(key++)));
    connect(a, &QAction::toggled, this,
            [this, layer = layer](bool on) { canvas_->setOverlayVisible(layer, on); });
  }
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About HandAlign Studio"), this, [this] {
    QMessageBox::about(
        this, tr("About HandAlign Studio"),
        tr("<b>HandAlign Studio</b> %1<br>Hand- and finger-level alignment of 3D hand meshes: "
           "mIoU, HD95 and FreiHAND's 3D metrics, sample by sample.")
            .arg(QApplication::applicationVersion()));
  });
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
                             const QString& sample) {
  request_ = EvalRequest{};
  request_.dataset = dataset.toStdString();
  request_.version = QApplication::applicationVersion().toStdString();
  for (const auto& [name, file] : predictions)
    request_.predictions.emplace_back(name.toStdString(), file.toStdString());
  pendingSample_ = sample;
  setWindowTitle(tr("HandAlign Studio — %1").arg(QDir(dataset).dirName()));
  try {
    store_ = std::make_unique<ProjectStore>();
    store_->open(projectFileFor(dataset));
  } catch (const std::exception& e) {
    store_.reset();
    showError(QString::fromStdString(e.what()));
  }
  startEvaluation();
}

void MainWindow::startEvaluation() {
  // Results already in the project for these exact prediction files are shown at once.
  std::vector<RunSamples> stored;
  if (store_) {
    const std::string root = fs::absolute(request_.dataset).lexically_normal().string();
    for (const auto& [name, file] : request_.predictions) {
      const std::string fingerprint = fileFingerprint(file);
      for (const StoredRun& run : store_->runs())
        if (run.datasetRoot == root && run.name == name && run.fingerprint == fingerprint)
          stored.push_back({QString::fromStdString(name), store_->loadRun(run.id)});
    }
  }
  const bool haveAll = !stored.empty() && stored.size() == request_.predictions.size();
  job_ = std::make_unique<EvaluationJob>(request_);
  job_->setLoadOnly(haveAll);
  if (haveAll) model_->setRuns(stored);
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
        store_->saveRun(outcome_->session.info, outcome_->result);
      } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
      }
    }
    std::map<std::string, std::vector<SampleRow>> byPred;
    for (const SampleRow& row : outcome_->result.rows) byPred[row.pred].push_back(row);
    std::vector<RunSamples> runs;
    for (const std::string& name : outcome_->result.predictionNames)
      runs.push_back({QString::fromStdString(name), std::move(byPred[name])});
    int rough = -1, refined = -1;
    for (int i = 0; i < int(runs.size()); ++i) {
      if (runs[std::size_t(i)].name.contains("rough")) rough = i;
      if (runs[std::size_t(i)].name.contains("refined")) refined = i;
    }
    model_->setRuns(std::move(runs), rough, refined);
  }
  meshView_->setHandModel(outcome_->session.model);
  statusBar()->showMessage(tr("%1 samples").arg(outcome_->session.dataset->size()), 5000);
  int row = 0;
  if (!pendingSample_.isEmpty())
    for (int r = 0; r < proxy_->rowCount(); ++r)
      if (proxy_->index(r, SampleTableModel::SampleColumn).data().toString() == pendingSample_)
        row = r;
  selectRow(row);
  Q_EMIT evaluationFinished();
}

void MainWindow::applyFilter() {
  const bool ok = proxy_->setFilterExpression(filter_->text());
  filter_->setStyleSheet(ok ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d33; }"));
  filter_->setToolTip(ok ? QString() : proxy_->errorString());
  if (!ok) statusBar()->showMessage(proxy_->errorString(), 5000);
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
  current_ = index;
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
  const std::vector<std::uint8_t> faceLabels = model.faceLabels();
  Raster raster;
  LabelImage gt, rough, refined;
  if (ds.hasVertices())
    renderLabels(ds.vertices(std::size_t(index)), model.faces, faceLabels, k, w, h, raster, gt);
  canvas_->setLabels(ImageCanvas::Layer::GroundTruth, gt);
  meshView_->setMesh(MeshKind::GroundTruth,
                     ds.hasVertices() ? Points(ds.vertices(std::size_t(index))) : Points());
  for (const Prediction& p : outcome_->session.predictions) {
    if (p.vertices.empty()) continue;
    const bool isRough = p.name.find("rough") != std::string::npos;
    LabelImage& labels = isRough ? rough : refined;
    renderLabels(p.vertices.points(std::size_t(index)), model.faces, faceLabels, k, w, h, raster,
                 labels);
    canvas_->setLabels(isRough ? ImageCanvas::Layer::Rough : ImageCanvas::Layer::Refined, labels);
    meshView_->setMesh(isRough ? MeshKind::Rough : MeshKind::Refined,
                       Points(p.vertices.points(std::size_t(index))));
  }
  if (!gt.empty() && !refined.empty())
    canvas_->setDistanceMap(boundaryDistanceMap(refined, gt, -1));
  meshView_->setImageCamera(k, image);
  meshView_->resetCamera();
  statusBar()->showMessage(
      tr("Sample %1").arg(QString::fromStdString(ds.sampleId(std::size_t(index)))));
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
  QSettings settings;
  settings.setValue("MainWindow/Geometry", saveGeometry());
  settings.setValue("MainWindow/State", saveState());
  if (job_) job_->cancel();
  QMainWindow::closeEvent(e);
}

}  // namespace handalign
