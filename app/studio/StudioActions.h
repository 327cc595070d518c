// Every QAction of the studio's own menus (File, Go, View, Help) and its main tool bar, built and
// translated in one place (labelme's `_Actions`); MainWindow only connects them. The Annotate and
// Model menus belong to their controllers.
#pragma once

#include <QObject>

#include <vector>

class QAction;
class QMenu;
class QToolBar;

namespace handalign {

class MainWindow;

struct StudioActions {
  QMenu *file = nullptr, *recent = nullptr, *go = nullptr, *view = nullptr, *view3d = nullptr,
        *help = nullptr;
  QAction *open = nullptr, *reevaluate = nullptr, *compareRuns = nullptr,
          *importEvaluation = nullptr, *exportFigure = nullptr, *exportTables = nullptr,
          *preferences = nullptr, *quit = nullptr;
  QAction *next = nullptr, *previous = nullptr, *jump = nullptr;
  std::vector<QAction*> layers;  // one per canvas overlay, Alt+1…
  QAction *fit = nullptr, *actualSize = nullptr, *legend = nullptr;
  std::vector<QAction*> meshColors;  // by part, |ΔM|, error vs GT
  std::vector<QAction*> meshShown;   // GT, reference, shown
  QAction* offsets = nullptr;
  QAction *shortcuts = nullptr, *documentation = nullptr, *about = nullptr, *aboutQt = nullptr;
  QToolBar* toolBar = nullptr;    // open, evaluate, overlays, edit mask, save, export
  QToolBar* view3dBar = nullptr;  // the 3D dock's: colours, meshes, offsets

  // Menus File, Go (then the controllers' menus are added), View and Help.
  void buildFileAndGo(MainWindow& w);
  void buildViewAndHelp(MainWindow& w);
  void buildToolBar(MainWindow& w, QAction* editMask, QAction* saveMask);
  void retranslate(MainWindow& w);
};

}  // namespace handalign
