// The studio's main window: it only builds the docks and actions and wires them to the
// controllers that do the work (StudioSession, SamplePresenter, AnnotationController,
// ModelController, ExportController); docs/architecture.md draws the rooms and the flows.
#pragma once

#include "RecentDatasets.h"
#include "StudioActions.h"

#include "browser/SampleTableModel.h"
#include "geometry/Camera.h"

#include <QMainWindow>

#include <vector>

class QDockWidget;
class QLabel;

namespace handalign {

class AnnotationController;
class ExportController;
class ImageCanvas;
class MaskEditor;
class MeshView3D;
class MetricsPanel;
class ModelController;
class OverlayPanel;
class ProjectStore;
class SampleBrowser;
class SamplePresenter;
class StatusReporter;
class StudioSession;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a dataset with prediction files (NAME=FILE, any names) and their declared roles;
  // `sample` (an id or a dataset index) is selected once results are there. A failed open keeps
  // what was open.
  void openDataset(const QString& dataset,
                   const std::vector<std::pair<QString, QString>>& predictions,
                   const QString& sample = {}, const QString& handModel = {},
                   const std::vector<Refinement>& refinements = {});
  // Selects a sample by id, else by dataset index (clearing a filter that hides it); a dialog
  // says so when neither exists.
  bool jumpToSample(const QString& idOrIndex);
  // Runs the model on the sample shown as soon as a dataset evaluation finishes (--model).
  void setRunModelWhenReady(bool on) { runModelWhenReady_ = on; }
  // Imports an evaluation folder (File → Import Evaluation) now, or once the open dataset is in.
  void importEvaluation(const QString& dir);

  StudioSession* session() const { return session_; }
  SampleBrowser* browser() const { return browser_; }
  AnnotationController* annotation() const { return annotation_; }
  ModelController* models() const { return models_; }
  ExportController* exports() const { return exports_; }
  SamplePresenter* presenter() const { return presenter_; }
  const StudioActions& actions() const { return actions_; }
  ImageCanvas* canvas() const { return canvas_; }
  MeshView3D* meshView() const { return meshView_; }
  MetricsPanel* metricsPanel() const { return metrics_; }
  OverlayPanel* overlayPanel() const { return overlays_; }
  QDockWidget* overlaysDock() const { return overlaysDock_; }
  std::vector<QDockWidget*> docks() const;
  const SampleTableModel* sampleModel() const;
  MaskEditor* maskEditor() const;
  ProjectStore* project() const;
  int currentSample() const;  // the dataset sample shown (-1: none)
  const Intrinsics& currentIntrinsics() const;
  bool isEditingMask() const;
  std::vector<std::int64_t> shownRunIds() const;
  void showStoredRuns(const std::vector<std::int64_t>& runIds);

 public Q_SLOTS:
  void showSample(int datasetIndex);
  void reevaluate();  // F5: evaluates again, ignoring stored results
  void showOpenDatasetDialog();
  void showImportDialog();
  void showPreferences();
  void showJumpToSampleDialog();
  void showShortcuts();
  void showDocumentation();
  void showAbout();
  void rebuildRecentMenu();

 Q_SIGNALS:
  void evaluationFinished();
  void evaluationFailed(const QString& message);
  void modelRunFinished();
  void modelRunFailed(const QString& message);

 protected:
  void closeEvent(QCloseEvent* e) override;
  void changeEvent(QEvent* e) override;
  void dragEnterEvent(QDragEnterEvent* e) override;
  void dropEvent(QDropEvent* e) override;

 private:
  void buildDocks();
  void connectSession();
  void retranslate();
  void onOpened();

  StudioSession* session_ = nullptr;
  SampleBrowser* browser_ = nullptr;
  ImageCanvas* canvas_ = nullptr;
  MeshView3D* meshView_ = nullptr;
  MetricsPanel* metrics_ = nullptr;
  OverlayPanel* overlays_ = nullptr;
  SamplePresenter* presenter_ = nullptr;
  AnnotationController* annotation_ = nullptr;
  ModelController* models_ = nullptr;
  ExportController* exports_ = nullptr;
  StudioActions actions_;
  QDockWidget *samplesDock_ = nullptr, *view3dDock_ = nullptr, *metricsDock_ = nullptr,
              *overlaysDock_ = nullptr;
  QLabel* pckNote_ = nullptr;
  StatusReporter* status_ = nullptr;
  QString pendingSample_;
  QString pendingImport_;  // --import: imported once the dataset is open
  bool runModelWhenReady_ = false;
};

}  // namespace handalign
