#include "StudioActions.h"

#include "MainWindow.h"
#include "OverlayPanel.h"
#include "canvas/Overlays.h"
#include "vtk/MeshView3D.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QIcon>
#include <QMenuBar>
#include <QSettings>
#include <QToolBar>

namespace handalign {
namespace {
QAction* add(QMenu* menu, const char* icon = nullptr) {
  QAction* a = menu->addAction(QString());
  if (icon) a->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))));
  return a;
}
}  // namespace

void StudioActions::buildFileAndGo(MainWindow& w) {
  file = w.menuBar()->addMenu(QString());
  open = add(file, "open");
  open->setShortcut(QKeySequence::Open);
  QObject::connect(open, &QAction::triggered, &w, &MainWindow::showOpenDatasetDialog);
  recent = file->addMenu(QString());
  QObject::connect(recent, &QMenu::aboutToShow, &w, &MainWindow::rebuildRecentMenu);
  reevaluate = add(file, "evaluate");
  reevaluate->setShortcut(QKeySequence(Qt::Key_F5));
  QObject::connect(reevaluate, &QAction::triggered, &w, &MainWindow::reevaluate);
  compareRuns = add(file);
  compareRuns->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  importEvaluation = add(file);
  QObject::connect(importEvaluation, &QAction::triggered, &w, &MainWindow::showImportDialog);
  exportFigure = add(file, "export-figure");
  exportFigure->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  exportTables = add(file, "export-tables");
  exportTables->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  file->addSeparator();
  preferences = add(file);
  preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
  preferences->setMenuRole(QAction::PreferencesRole);
  QObject::connect(preferences, &QAction::triggered, &w, &MainWindow::showPreferences);
  file->addSeparator();
  quit = add(file);
  quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quit->setMenuRole(QAction::QuitRole);
  QObject::connect(quit, &QAction::triggered, &w, &QWidget::close);

  go = w.menuBar()->addMenu(QString());
  next = add(go);
  next->setShortcut(QKeySequence(Qt::Key_D));
  previous = add(go);
  previous->setShortcut(QKeySequence(Qt::Key_A));
  go->addSeparator();
  jump = add(go);
  jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
  QObject::connect(jump, &QAction::triggered, &w, &MainWindow::showJumpToSampleDialog);
}

void StudioActions::buildViewAndHelp(MainWindow& w) {
  view = w.menuBar()->addMenu(QString());
  OverlayPanel* overlays = w.overlayPanel();
  int key = Qt::Key_1;
  for (const OverlayInfo& overlay : canvasOverlays()) {  // one per overlay of the canvas
    const auto layer = overlay.layer;
    QAction* a = add(view);
    a->setCheckable(true);
    a->setChecked(overlays->layerVisible(layer));
    a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(key++)));
    // The panel's check box and the action follow each other (neither signals when unchanged).
    QObject::connect(a, &QAction::toggled, overlays,
                     [overlays, layer](bool on) { overlays->setLayerVisible(layer, on); });
    QObject::connect(overlays, &OverlayPanel::layerVisibilityChanged, a,
                     [a, layer](ImageCanvas::Layer changed, bool on) {
                       if (changed == layer) a->setChecked(on);
                     });
    layers.push_back(a);
  }
  view->addSeparator();
  fit = add(view, "fit");
  fit->setShortcut(QKeySequence(Qt::Key_F));
  QObject::connect(fit, &QAction::triggered, w.canvas(), &ImageCanvas::resetView);
  actualSize = add(view);
  actualSize->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  QObject::connect(actualSize, &QAction::triggered, w.canvas(), &ImageCanvas::showActualSize);

  legend = add(view);
  legend->setCheckable(true);
  legend->setShortcut(QKeySequence(Qt::Key_L));
  legend->setChecked(QSettings().value("View/Legend", true).toBool());
  w.canvas()->setLegendVisible(legend->isChecked());
  QObject::connect(legend, &QAction::toggled, w.canvas(), [&w](bool on) {
    w.canvas()->setLegendVisible(on);
    QSettings().setValue("View/Legend", on);
  });
  view3d = view->addMenu(QString());
  MeshView3D* mesh = w.meshView();
  auto* colours = new QActionGroup(&w);
  for (ColorMode mode : {ColorMode::ByPart, ColorMode::ByOffset, ColorMode::ByError}) {
    QAction* a = add(view3d);
    a->setCheckable(true);
    a->setChecked(mode == ColorMode::ByPart);
    colours->addAction(a);
    QObject::connect(a, &QAction::triggered, mesh, [mesh, mode] { mesh->setColorMode(mode); });
    meshColors.push_back(a);
  }
  view3d->addSeparator();
  for (MeshKind kind : {MeshKind::GroundTruth, MeshKind::Reference, MeshKind::Shown}) {
    QAction* a = add(view3d);
    a->setCheckable(true);
    a->setChecked(true);
    QObject::connect(a, &QAction::toggled, mesh,
                     [mesh, kind](bool on) { mesh->setMeshVisible(kind, on); });
    meshShown.push_back(a);
  }
  offsets = add(view3d);
  offsets->setCheckable(true);
  offsets->setChecked(true);
  view3dBar = new QToolBar;  // the same actions where the 3D view is
  view3dBar->setObjectName("View3DToolBar");
  view3dBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  for (QAction* a : meshColors) view3dBar->addAction(a);
  view3dBar->addSeparator();
  for (QAction* a : meshShown) view3dBar->addAction(a);
  view3dBar->addAction(offsets);
  view->addSeparator();
  for (QDockWidget* dock : w.docks()) view->addAction(dock->toggleViewAction());

  help = w.menuBar()->addMenu(QString());
  shortcuts = add(help);
  shortcuts->setShortcut(QKeySequence::HelpContents);
  QObject::connect(shortcuts, &QAction::triggered, &w, &MainWindow::showShortcuts);
  documentation = add(help);
  QObject::connect(documentation, &QAction::triggered, &w, &MainWindow::showDocumentation);
  help->addSeparator();
  about = add(help);
  QObject::connect(about, &QAction::triggered, &w, &MainWindow::showAbout);
  aboutQt = add(help);
  aboutQt->setMenuRole(QAction::AboutQtRole);
  QObject::connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void StudioActions::buildToolBar(MainWindow& w, QAction* editMask, QAction* saveMask) {
  toolBar = new QToolBar(&w);
  toolBar->setObjectName("MainToolBar");
  toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  toolBar->addAction(open);
  toolBar->addAction(reevaluate);
  toolBar->addSeparator();
  QAction* overlaysAction = w.overlaysDock()->toggleViewAction();
  overlaysAction->setIcon(QIcon(QStringLiteral(":/icons/overlays.svg")));
  toolBar->addAction(overlaysAction);
  toolBar->addAction(fit);
  toolBar->addSeparator();
  editMask->setIcon(QIcon(QStringLiteral(":/icons/edit-mask.svg")));
  saveMask->setIcon(QIcon(QStringLiteral(":/icons/save.svg")));
  toolBar->addAction(editMask);
  toolBar->addAction(saveMask);
  toolBar->addSeparator();
  toolBar->addAction(exportFigure);
  toolBar->addAction(exportTables);
  w.addToolBar(Qt::TopToolBarArea, toolBar);
  w.insertToolBarBreak(toolBar);  // the mask editor's bar goes below it
}

void StudioActions::retranslate(MainWindow& w) {
  (void)w;
  file->setTitle(MainWindow::tr("&File"));
  open->setText(MainWindow::tr("&Open Dataset…"));
  open->setToolTip(MainWindow::tr("Open a dataset folder with its prediction files (Ctrl+O)"));
  recent->setTitle(MainWindow::tr("Open &Recent"));
  reevaluate->setText(MainWindow::tr("&Re-evaluate"));
  reevaluate->setToolTip(MainWindow::tr(
      "Evaluate the predictions again, ignoring results stored in the project (F5)"));
  exportFigure->setText(MainWindow::tr("Export &Figure…"));
  exportFigure->setToolTip(
      MainWindow::tr("Export a comparison figure of the current or the worst samples as PNG, SVG "
                     "or PDF (Ctrl+E)"));
  compareRuns->setText(MainWindow::tr("Compare Stored &Runs…"));
  compareRuns->setToolTip(MainWindow::tr(
      "Show runs evaluated earlier on this dataset side by side with the open ones (Ctrl+R)"));
  importEvaluation->setText(MainWindow::tr("&Import Evaluation…"));
  importEvaluation->setToolTip(MainWindow::tr(
      "Show an evaluation computed elsewhere (handalign eval, or a merged cluster run) beside the "
      "open runs, without evaluating again"));
  exportTables->setText(MainWindow::tr("Export &Tables…"));
  exportTables->setToolTip(
      MainWindow::tr("Write the paper's tables of the runs shown as CSV, Markdown and LaTeX into "
                     "a folder (Ctrl+Shift+E)"));
  preferences->setText(MainWindow::tr("&Preferences…"));
  preferences->setToolTip(
      MainWindow::tr("Language, palette, evaluation conventions and defaults (Ctrl+,)"));
  quit->setText(MainWindow::tr("&Quit"));
  quit->setToolTip(MainWindow::tr("Quit HandAlign Studio (Ctrl+Q)"));
  go->setTitle(MainWindow::tr("&Go"));
  next->setText(MainWindow::tr("&Next sample"));
  next->setToolTip(MainWindow::tr("Next sample in the browser's order (D)"));
  previous->setText(MainWindow::tr("&Previous sample"));
  previous->setToolTip(MainWindow::tr("Previous sample in the browser's order (A)"));
  jump->setText(MainWindow::tr("&Jump to Sample…"));
  jump->setToolTip(MainWindow::tr("Select a sample by its id or index (Ctrl+G)"));
  view->setTitle(MainWindow::tr("&View"));
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const QString name = overlayName(canvasOverlays()[i]);
    layers[i]->setText(name);
    layers[i]->setToolTip(
        MainWindow::tr("Show or hide the overlay: %1 (Alt+%2)").arg(name).arg(i + 1));
  }
  fit->setText(MainWindow::tr("&Fit Image"));
  fit->setToolTip(MainWindow::tr("Fit the image into the canvas (F)"));
  actualSize->setText(MainWindow::tr("&Actual Size (1:1)"));
  actualSize->setToolTip(MainWindow::tr("One image pixel per screen pixel (Ctrl+0)"));
  legend->setText(MainWindow::tr("&Legend"));
  legend->setToolTip(
      MainWindow::tr("What the canvas colours mean: parts, or GT and the methods (L)"));
  view3d->setTitle(MainWindow::tr("&3D View"));
  const QString colourNames[] = {MainWindow::tr("Colour by part"),
                                 MainWindow::tr("Colour by offset |ΔM|"),
                                 MainWindow::tr("Colour by error vs GT")};
  for (std::size_t i = 0; i < meshColors.size(); ++i) meshColors[i]->setText(colourNames[i]);
  const QString meshNames[] = {MainWindow::tr("GT mesh"), MainWindow::tr("Reference mesh"),
                               MainWindow::tr("Shown mesh")};
  for (std::size_t i = 0; i < meshShown.size(); ++i) meshShown[i]->setText(meshNames[i]);
  offsets->setText(MainWindow::tr("Offsets ΔM"));
  offsets->setToolTip(
      MainWindow::tr("Offset vectors from the reference to the shown mesh, where the shown method "
                     "is declared the refinement of the reference"));
  help->setTitle(MainWindow::tr("&Help"));
  shortcuts->setText(MainWindow::tr("&Keyboard Shortcuts"));
  documentation->setText(MainWindow::tr("&Documentation"));
  documentation->setToolTip(MainWindow::tr("Open the local documentation (README and docs/)"));
  about->setText(MainWindow::tr("&About HandAlign Studio"));
  aboutQt->setText(MainWindow::tr("About &Qt"));
  toolBar->setWindowTitle(MainWindow::tr("Main tool bar"));
  view3dBar->setWindowTitle(MainWindow::tr("3D view"));
}

}  // namespace handalign
