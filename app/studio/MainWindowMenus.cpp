// MainWindow's menus, their texts in the current language, "Open Recent" and drag and drop.
#include "MainWindow.h"

#include "MaskEditor.h"
#include "OpenDatasetDialog.h"
#include "OverlayPanel.h"
#include "PreferencesDialog.h"
#include "RecentDatasets.h"
#include "canvas/ImageCanvas.h"
#include "vtk/MeshView3D.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace handalign {
namespace {

// The first local folder among dropped URLs; empty if there is none.
QString droppedFolder(const QMimeData* mime) {
  if (!mime || !mime->hasUrls()) return {};
  for (const QUrl& url : mime->urls())
    if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir()) return url.toLocalFile();
  return {};
}

}  // namespace

void MainWindow::buildActions() {
  fileMenu_ = menuBar()->addMenu(QString());
  openAction_ = fileMenu_->addAction(QString(), this, &MainWindow::showOpenDatasetDialog);
  openAction_->setShortcut(QKeySequence::Open);
  recentMenu_ = fileMenu_->addMenu(QString());
  connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
  reevaluateAction_ = fileMenu_->addAction(QString(), this, &MainWindow::reevaluate);
  reevaluateAction_->setShortcut(QKeySequence(Qt::Key_F5));
  compareRunsAction_ = fileMenu_->addAction(QString(), this, &MainWindow::showStoredRunsDialog);
  compareRunsAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  exportFigureAction_ = fileMenu_->addAction(QString(), this, &MainWindow::showExportFigureDialog);
  exportFigureAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  exportTablesAction_ = fileMenu_->addAction(QString(), this, &MainWindow::showExportTablesDialog);
  exportTablesAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  fileMenu_->addSeparator();
  preferencesAction_ = fileMenu_->addAction(QString(), this, &MainWindow::showPreferences);
  preferencesAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
  preferencesAction_->setMenuRole(QAction::PreferencesRole);
  fileMenu_->addSeparator();
  quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
  quitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quitAction_->setMenuRole(QAction::QuitRole);

  goMenu_ = menuBar()->addMenu(QString());
  nextAction_ = goMenu_->addAction(QString(), this, &MainWindow::nextSample);
  nextAction_->setShortcut(QKeySequence(Qt::Key_D));
  previousAction_ = goMenu_->addAction(QString(), this, &MainWindow::previousSample);
  previousAction_->setShortcut(QKeySequence(Qt::Key_A));
  goMenu_->addSeparator();
  jumpAction_ = goMenu_->addAction(QString(), this, &MainWindow::showJumpToSampleDialog);
  jumpAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));

  buildAnnotateMenu();
  buildModelMenu();

  viewMenu_ = menuBar()->addMenu(QString());
  const ImageCanvas::Layer layers[] = {
      ImageCanvas::Layer::GroundTruth, ImageCanvas::Layer::Reference, ImageCanvas::Layer::Shown,
      ImageCanvas::Layer::Difference, ImageCanvas::Layer::Distance};
  int key = Qt::Key_1;
  for (ImageCanvas::Layer layer : layers) {
    QAction* a = viewMenu_->addAction(QString());
    a->setCheckable(true);
    a->setChecked(overlays_->layerVisible(layer));
    a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(key++)));
    // The panel's check box and the action follow each other (neither signals when unchanged).
    connect(a, &QAction::toggled, overlays_,
            [this, layer](bool on) { overlays_->setLayerVisible(layer, on); });
    connect(overlays_, &OverlayPanel::layerVisibilityChanged, a,
            [a, layer](ImageCanvas::Layer changed, bool on) {
              if (changed == layer) a->setChecked(on);
            });
    layerActions_.push_back(a);
  }
  viewMenu_->addSeparator();
  fitAction_ = viewMenu_->addAction(QString(), canvas_, &ImageCanvas::resetView);
  fitAction_->setShortcut(QKeySequence(Qt::Key_F));
  actualSizeAction_ = viewMenu_->addAction(QString(), canvas_, &ImageCanvas::showActualSize);
  actualSizeAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  build3dMenu();
  viewMenu_->addSeparator();
  viewMenu_->addAction(samplesDock_->toggleViewAction());
  viewMenu_->addAction(view3dDock_->toggleViewAction());
  viewMenu_->addAction(metricsDock_->toggleViewAction());
  viewMenu_->addAction(overlaysDock_->toggleViewAction());

  helpMenu_ = menuBar()->addMenu(QString());
  aboutAction_ = helpMenu_->addAction(QString(), this, [this] {
    QMessageBox::about(
        this, tr("About HandAlign Studio"),
        tr("<b>HandAlign Studio</b> %1<br>Hand- and finger-level alignment of 3D hand meshes: "
           "mIoU, HD95 and FreiHAND's 3D metrics, sample by sample.")
            .arg(QApplication::applicationVersion()));
  });
  aboutQtAction_ = helpMenu_->addAction(QString(), qApp, &QApplication::aboutQt);
  aboutQtAction_->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::build3dMenu() {
  view3dMenu_ = viewMenu_->addMenu(QString());
  auto* colours = new QActionGroup(this);
  for (ColorMode mode : {ColorMode::ByPart, ColorMode::ByOffset, ColorMode::ByError}) {
    QAction* a = view3dMenu_->addAction(QString());
    a->setCheckable(true);
    a->setChecked(mode == ColorMode::ByPart);
    colours->addAction(a);
    connect(a, &QAction::triggered, meshView_, [this, mode] { meshView_->setColorMode(mode); });
    meshColorActions_.push_back(a);
  }
  view3dMenu_->addSeparator();
  for (MeshKind kind : {MeshKind::GroundTruth, MeshKind::Reference, MeshKind::Shown}) {
    QAction* a = view3dMenu_->addAction(QString());
    a->setCheckable(true);
    a->setChecked(true);
    connect(a, &QAction::toggled, meshView_,
            [this, kind](bool on) { meshView_->setMeshVisible(kind, on); });
    meshVisibleActions_.push_back(a);
  }
  showOffsetsAction_ = view3dMenu_->addAction(QString());
  showOffsetsAction_->setCheckable(true);
  showOffsetsAction_->setChecked(true);
  connect(showOffsetsAction_, &QAction::toggled, this, [this] { showSample(current_); });
  // The same actions as a tool bar on the 3D dock, where the view is.
  auto* bar = new QToolBar(view3dDock_);
  bar->setObjectName("View3DToolBar");
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  for (QAction* a : meshColorActions_) bar->addAction(a);
  bar->addSeparator();
  for (QAction* a : meshVisibleActions_) bar->addAction(a);
  bar->addAction(showOffsetsAction_);
  view3dToolBar_ = bar;
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(bar);
  layout->addWidget(meshView_, 1);
  view3dDock_->setWidget(page);
}

void MainWindow::retranslate() {
  setWindowTitle(datasetName_.isEmpty() ? tr("HandAlign Studio")
                                        : tr("HandAlign Studio — %1").arg(datasetName_));
  fileMenu_->setTitle(tr("&File"));
  openAction_->setText(tr("&Open Dataset…"));
  openAction_->setToolTip(tr("Open a dataset folder with its prediction files (Ctrl+O)"));
  recentMenu_->setTitle(tr("Open &Recent"));
  reevaluateAction_->setText(tr("&Re-evaluate"));
  reevaluateAction_->setToolTip(
      tr("Evaluate the predictions again, ignoring results stored in the project (F5)"));
  exportFigureAction_->setText(tr("Export &Figure…"));
  exportFigureAction_->setToolTip(
      tr("Export a comparison figure of the current or the worst samples as PNG, SVG or PDF "
         "(Ctrl+E)"));
  compareRunsAction_->setText(tr("Compare Stored &Runs…"));
  compareRunsAction_->setToolTip(
      tr("Show runs evaluated earlier on this dataset side by side with the open ones (Ctrl+R)"));
  exportTablesAction_->setText(tr("Export &Tables…"));
  exportTablesAction_->setToolTip(
      tr("Write the paper's tables of the runs shown as CSV, Markdown and LaTeX into a folder "
         "(Ctrl+Shift+E)"));
  preferencesAction_->setText(tr("&Preferences…"));
  preferencesAction_->setToolTip(tr("Language, palette and evaluation defaults (Ctrl+,)"));
  quitAction_->setText(tr("&Quit"));
  quitAction_->setToolTip(tr("Quit HandAlign Studio (Ctrl+Q)"));
  goMenu_->setTitle(tr("&Go"));
  nextAction_->setText(tr("&Next sample"));
  nextAction_->setToolTip(tr("Next sample in the browser's order (D)"));
  previousAction_->setText(tr("&Previous sample"));
  previousAction_->setToolTip(tr("Previous sample in the browser's order (A)"));
  jumpAction_->setText(tr("&Jump to Sample…"));
  jumpAction_->setToolTip(tr("Select a sample by its id or index (Ctrl+G)"));
  viewMenu_->setTitle(tr("&View"));
  const QString layerNames[] = {tr("Ground-truth mask"), tr("Reference method"), tr("Method shown"),
                                tr("Difference (FP / FN)"), tr("HD95 boundary distances")};
  for (std::size_t i = 0; i < layerActions_.size(); ++i) {
    layerActions_[i]->setText(layerNames[i]);
    layerActions_[i]->setToolTip(
        tr("Show or hide the overlay: %1 (Alt+%2)").arg(layerNames[i]).arg(i + 1));
  }
  fitAction_->setText(tr("&Fit Image"));
  fitAction_->setToolTip(tr("Fit the image into the canvas (F)"));
  actualSizeAction_->setText(tr("&Actual Size (1:1)"));
  actualSizeAction_->setToolTip(tr("One image pixel per screen pixel (Ctrl+0)"));
  view3dMenu_->setTitle(tr("&3D View"));
  const QString colourNames[] = {tr("Colour by part"), tr("Colour by offset |ΔM|"),
                                 tr("Colour by error vs GT")};
  for (std::size_t i = 0; i < meshColorActions_.size(); ++i)
    meshColorActions_[i]->setText(colourNames[i]);
  const QString meshNames[] = {tr("GT mesh"), tr("Reference mesh"), tr("Shown mesh")};
  for (std::size_t i = 0; i < meshVisibleActions_.size(); ++i)
    meshVisibleActions_[i]->setText(meshNames[i]);
  showOffsetsAction_->setText(tr("Offsets ΔM"));
  showOffsetsAction_->setToolTip(
      tr("Offset vectors from the reference to the shown mesh, where the shown method is declared "
         "the refinement of the reference"));
  retranslateModelMenu();
  retranslateAnnotateMenu();
  helpMenu_->setTitle(tr("&Help"));
  aboutAction_->setText(tr("&About HandAlign Studio"));
  aboutQtAction_->setText(tr("About &Qt"));
  samplesDock_->setWindowTitle(tr("Samples"));
  view3dDock_->setWindowTitle(tr("3D view"));
  metricsDock_->setWindowTitle(tr("Metrics"));
  overlaysDock_->setWindowTitle(tr("Overlays"));
  pckNote_->setText(
      tr("These stored results have no PCK histograms (stored by an older version): the "
         "histograms are shown; the PCK curves need a re-evaluation (F5)."));
  filter_->setPlaceholderText(tr("Filter, e.g.  finger_hd95 > 8   or   refined worse than rough"));
  cancel_->setText(tr("Cancel"));
  cancel_->setToolTip(tr("Cancel the evaluation or the model run"));
  rebuildRecentMenu();
}

void MainWindow::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange && fileMenu_) retranslate();
  QMainWindow::changeEvent(e);
}

void MainWindow::rebuildRecentMenu() {
  const QStringList dropped = RecentDatasets::pruneMissing();
  if (!dropped.isEmpty())
    statusBar()->showMessage(tr("Removed from the recent datasets, the folder no longer exists: %1")
                                 .arg(dropped.join(QStringLiteral(", "))),
                             8000);
  recentMenu_->clear();
  const std::vector<DatasetOpening> recent = RecentDatasets::load();
  for (std::size_t i = 0; i < recent.size(); ++i) {
    const DatasetOpening& o = recent[i];
    QAction* a = recentMenu_->addAction(
        tr("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(o.dataset)), this,
        [this, o] { openDataset(o.dataset, o.predictions, {}, o.handModel, o.refinements); });
    QStringList names;
    for (const auto& [name, file] : o.predictions) names << name;
    a->setToolTip(tr("Predictions: %1").arg(names.join(QStringLiteral(", "))));
  }
  if (recent.empty()) recentMenu_->addAction(tr("No recent datasets"))->setEnabled(false);
  recentMenu_->addSeparator();
  QAction* clear = recentMenu_->addAction(tr("&Clear List"), this, [this] {
    RecentDatasets::save({});
    rebuildRecentMenu();
  });
  clear->setEnabled(!recent.empty());
}

void MainWindow::showOpenDatasetDialog() {
  OpenDatasetDialog dialog(this);
  const std::vector<DatasetOpening> recent = RecentDatasets::load();
  if (!recent.empty()) dialog.setOpening(recent.front());
  if (dialog.exec() != QDialog::Accepted) return;
  const DatasetOpening o = dialog.opening();
  openDataset(o.dataset, o.predictions, {}, o.handModel, o.refinements);
}

void MainWindow::showPreferences() {
  PreferencesDialog dialog(this);
  const bool saved = dialog.exec() == QDialog::Accepted;
  editor_->setUndoLimit(QSettings().value(kUndoDepthKey, kDefaultUndoDepth).toInt());  // Apply too
  if (saved) statusBar()->showMessage(tr("Preferences saved"), 3000);
}

void MainWindow::openDroppedFolder(const QString& dir) {
  const auto predictions = OpenDatasetDialog::proposedPredictions(dir);
  if (!predictions.empty()) {
    openDataset(dir, predictions);
    return;
  }
  // No prediction file in the folder: let the user name them.
  statusBar()->showMessage(tr("No prediction files found in %1").arg(dir), 5000);
  OpenDatasetDialog dialog(this);
  dialog.setOpening({dir, {}, {}});
  if (dialog.exec() != QDialog::Accepted) return;
  const DatasetOpening o = dialog.opening();
  openDataset(o.dataset, o.predictions, {}, o.handModel, o.refinements);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
  if (!droppedFolder(e->mimeData()).isEmpty()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
  const QString dir = droppedFolder(e->mimeData());
  if (dir.isEmpty()) return;
  e->acceptProposedAction();
  // Opened after the drop has finished, so that no dialog runs inside the drag's event loop.
  QMetaObject::invokeMethod(
      this, [this, dir] { openDroppedFolder(dir); }, Qt::QueuedConnection);
}

}  // namespace handalign
