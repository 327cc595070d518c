// The studio's main window: sample browser, image canvas, 3D view and metrics dock over one
// evaluated dataset, with figure export and hover linking between the views.
#pragma once

#include "FigureExportDialog.h"

#include "browser/SampleTableModel.h"
#include "eval/EvalSession.h"
#include "geometry/Camera.h"
#include "raster/LabelImage.h"

#include <QMainWindow>
#include <QStringList>

#include <cstdint>

#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTimer;
class QTableView;
class QToolBar;

namespace handalign {

class AnnotationSession;
class EditorToolBar;
class EvaluationJob;
class MaskEditor;
class InferenceJob;
struct InferenceOutcome;
class ImageCanvas;
class MeshView3D;
class MetricsPanel;
class OverlayPanel;
class ProjectStore;
class SampleFilterProxy;
class SampleTableModel;
struct EvalOutcome;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a dataset with prediction files and evaluates them in the background; `sample` (a
  // sample id) is selected once results are there; `handModel` empty: the dataset's own. Stored
  // results for the same prediction files are shown at once. The dataset joins "Open Recent".
  // `refinements`: declared roles (refined = rough + ΔM), never guessed from the names.
  void openDataset(const QString& dataset,
                   const std::vector<std::pair<QString, QString>>& predictions,
                   const QString& sample = {}, const QString& handModel = {},
                   const std::vector<Refinement>& refinements = {});
  // The dataset sample shown (-1: none).
  int currentSample() const { return current_; }
  const SampleTableModel* sampleModel() const { return model_; }
  ImageCanvas* canvas() const { return canvas_; }
  MeshView3D* meshView() const { return meshView_; }
  MetricsPanel* metricsPanel() const { return metrics_; }
  OverlayPanel* overlayPanel() const { return overlays_; }
  // The camera of the sample shown (identity when none).
  const Intrinsics& currentIntrinsics() const { return intrinsics_; }

  // Writes a comparison figure and its provenance JSON; errors go to a dialog, success to the
  // status bar. False when nothing was written.
  bool exportFigure(const FigureExportSettings& settings);
  // Selects the sample with this id, or else this dataset index, clearing a filter that hides it.
  bool jumpToSample(const QString& idOrIndex);
  // Writes the paper's tables (table.csv, table.md, table.tex) of the runs shown into `dir`, all
  // three or none; errors go to a dialog, success to the status bar.
  bool exportTables(const QString& dir);
  // Shows these stored runs of the project beside the open dataset's own runs (browser columns
  // "<name>_run<id>", metrics dock); an empty list removes the extra runs again.
  void showStoredRuns(const std::vector<std::int64_t>& runIds);
  // The method under study and its reference (indices of the browser's runs; -1: none): the
  // canvas, the 3D view, the deltas of the browser and of the metrics dock follow them.
  void setComparedMethods(int reference, int shown);
  int referenceMethod() const { return referenceRun_; }
  int shownMethod() const { return shownRun_; }
  // Project ids of the runs shown: the open request's runs first, then the stored ones added.
  std::vector<std::int64_t> shownRunIds() const;
  ProjectStore* project() const { return store_.get(); }

  // Models (checkpoint + manifest, docs/models.md). openModel remembers the file in "Recent
  // Models"; runModel runs it in the background on the current sample (scored at once, a run of
  // one row per prediction) or on the whole dataset (prediction files in the project folder,
  // then evaluated like any prediction file). Errors go to a dialog.
  void openModel(const QString& file);
  QString modelFile() const { return modelFile_; }
  bool runModel(bool wholeDataset);
  // Mask correction (Annotate menu). The corrected masks of the open dataset live next to its
  // project file, journaled in it; evaluation and live metrics use them.
  MaskEditor* maskEditor() const { return editor_; }
  AnnotationSession* annotationSession() const { return annotations_.get(); }
  bool isEditingMask() const { return editingSample_ >= 0; }
  // Starts (the current sample's correction, else its dataset mask) or stops editing; stopping
  // saves a modified mask first.
  void setEditingMask(bool on);
  // Saves the edited mask of the current sample (journaled as `action`); true when saved or
  // unchanged, false (with a dialog) on an error.
  bool saveMask(const QString& action = QStringLiteral("save"));
  void saveMaskAndNext();
  void revertMask();               // back to the dataset's mask, journaled
  void setReviewState(int state);  // ReviewState of the current sample
  // Shows (and scores) the dataset's original mask instead of the correction; editing pauses.
  void setShowOriginalMask(bool on);
  bool exportCorrectedMasks(const QString& dir);

  // Runs the model on the sample shown as soon as a dataset evaluation finishes (--model).
  void setRunModelWhenReady(bool on) { runModelWhenReady_ = on; }

 public Q_SLOTS:
  void showSample(int datasetIndex);
  void nextSample();
  void previousSample();
  // Evaluates the open dataset again, ignoring results stored in the project (F5).
  void reevaluate();
  void showOpenDatasetDialog();
  void showPreferences();
  void showExportFigureDialog();
  void showExportTablesDialog();
  void showJumpToSampleDialog();
  void showStoredRunsDialog();
  void showOpenModelDialog();
  void showMaskHistory();
  void showExportMasksDialog();

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
  void buildActions();
  void buildModelMenu();
  void build3dMenu();  // View → 3D View and the 3D dock's tool bar
  void buildAnnotateMenu();
  void retranslateAnnotateMenu();
  void updateAnnotateActions();
  void openAnnotations();
  void loadMaskForEditing();
  void prepareLiveScoring();
  void rescoreCurrentSample();
  void rescoreCorrectedSamples();
  // Puts re-scored mask metrics of `sample` into the rows of the run named `prediction`.
  void setMaskMetrics(std::size_t sample, const std::string& prediction,
                      const SampleMetrics& scored);
  // The split request_ opens (its own, else the format's first), without reading the dataset.
  std::string splitToOpen() const;
  void retranslateModelMenu();
  void rebuildRecentModelsMenu();
  void onModelRun(std::shared_ptr<InferenceOutcome> outcome);
  std::filesystem::path modelOutputDir(const QString& model) const;
  void buildDocks();
  // Sets every user-visible text; called at construction and on QEvent::LanguageChange.
  void retranslate();
  void rebuildRecentMenu();
  void openDroppedFolder(const QString& dir);
  void startEvaluation(bool useStored = true);
  void onEvaluated(std::shared_ptr<EvalOutcome> outcome);
  // The per-run rows behind the table, the metrics dock and figures (stored or just evaluated).
  // `totals`: the PCK histograms of a fresh evaluation; stored runs have none (PCK needs F5).
  void setRunRows(std::vector<RunSamples> runs, const std::vector<PredictionTotals>& totals = {});
  EvalResult resultFromRows() const;
  void showSampleMetrics();
  // Hover linking between the 3D view and the image canvas, through the sample's camera.
  void onVertexHovered(int mesh, int vertex);
  void onPixelInspected(QPoint pixel);
  void applyFilter();
  void selectRow(int proxyRow);
  // Selects the row of a dataset sample; false when no row shows it.
  bool selectSampleIndex(int datasetIndex);
  // The open request's own runs (runs_[0, primaryCount_)) and their totals (empty if none).
  std::vector<RunSamples> primaryRuns(std::vector<PredictionTotals>& totals) const;
  void showError(const QString& message);
  void updateMatchCount();
  static void applyHdSettings(EvalOptions& options);  // HD95 conventions of the preferences // "12
                                                      // of 60 match" beside the filter
  static QString partText(int label);  // "palm", … for a label-image value
  QString inspectorText(QPoint pixel, int gt, int reference, int shown, float distance) const;
  // Ids of the project's runs for this prediction of the open dataset, oldest first; runs stored
  // before a metric existed only with `includeIncomplete` (they are evaluated again).
  std::vector<std::int64_t> storedRunsFor(const std::string& name,
                                          const std::filesystem::path& file,
                                          bool includeIncomplete = false) const;
  std::filesystem::path projectFileFor(const QString& dataset) const;

  ImageCanvas* canvas_ = nullptr;
  MeshView3D* meshView_ = nullptr;
  QTableView* table_ = nullptr;
  QLineEdit* filter_ = nullptr;
  QLabel* matchCount_ = nullptr;
  SampleTableModel* model_ = nullptr;
  SampleFilterProxy* proxy_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QLabel* inspector_ = nullptr;
  QDockWidget* samplesDock_ = nullptr;
  QDockWidget* view3dDock_ = nullptr;
  QDockWidget* metricsDock_ = nullptr;
  MetricsPanel* metrics_ = nullptr;
  QDockWidget* overlaysDock_ = nullptr;
  OverlayPanel* overlays_ = nullptr;
  QLabel* pckNote_ = nullptr;
  QMenu* fileMenu_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QMenu* goMenu_ = nullptr;
  QMenu* viewMenu_ = nullptr;
  QMenu* helpMenu_ = nullptr;
  QMenu* annotateMenu_ = nullptr;
  QMenu* reviewMenu_ = nullptr;
  QAction* editMaskAction_ = nullptr;
  QAction* saveMaskAction_ = nullptr;
  QAction* saveNextAction_ = nullptr;
  QAction* revertMaskAction_ = nullptr;
  QAction* showOriginalAction_ = nullptr;
  QAction* historyAction_ = nullptr;
  QAction* exportMasksAction_ = nullptr;
  std::vector<QAction*> reviewActions_;
  QMenu* modelMenu_ = nullptr;
  QMenu* recentModelsMenu_ = nullptr;
  QAction* openModelAction_ = nullptr;
  QAction* runSampleAction_ = nullptr;
  QAction* runDatasetAction_ = nullptr;
  QAction* openAction_ = nullptr;
  QAction* preferencesAction_ = nullptr;
  QAction* reevaluateAction_ = nullptr;
  QAction* exportFigureAction_ = nullptr;
  QAction* exportTablesAction_ = nullptr;
  QAction* jumpAction_ = nullptr;
  QAction* compareRunsAction_ = nullptr;
  QAction* quitAction_ = nullptr;
  QAction* nextAction_ = nullptr;
  QAction* previousAction_ = nullptr;
  QAction* aboutAction_ = nullptr;
  QAction* aboutQtAction_ = nullptr;
  std::vector<QAction*> layerActions_;
  QMenu* view3dMenu_ = nullptr;
  QToolBar* view3dToolBar_ = nullptr;
  QAction* fitAction_ = nullptr;
  QAction* actualSizeAction_ = nullptr;
  std::vector<QAction*> meshColorActions_;    // by part, |ΔM|, error vs GT
  std::vector<QAction*> meshVisibleActions_;  // GT, reference, shown
  QAction* showOffsetsAction_ = nullptr;
  int referenceRun_ = -1, shownRun_ = -1;         // in runs_
  std::vector<Refinement> modelRefinements_;      // of runs made by a model on single samples
  std::vector<Refinement> declaredRoles() const;  // the request's and the model runs'
  QString referenceName_, shownName_;             // kept across a change of the runs shown

  EvalRequest request_;
  QString datasetName_;  // for the window title; empty: none open
  QString pendingSample_;
  std::unique_ptr<EvaluationJob> job_;
  std::unique_ptr<InferenceJob> inferenceJob_;
  MaskEditor* editor_ = nullptr;
  EditorToolBar* editorBar_ = nullptr;
  std::unique_ptr<AnnotationSession> annotations_;
  QTimer* autosave_ = nullptr;
  int editingSample_ = -1;  // the sample in the editor, or -1
  // Of the sample shown, at the image's size: rendered GT, reference, shown labels (for "from
  // mesh"); at the evaluation resolution: the GT and each session prediction (live scoring).
  LabelImage shownLabels_[3];
  LabelImage scoringGt_;
  std::vector<LabelImage> scoringPreds_;
  QString modelFile_;
  bool runModelWhenReady_ = false;
  std::shared_ptr<EvalOutcome> outcome_;
  std::unique_ptr<ProjectStore> store_;
  int current_ = -1;
  Intrinsics intrinsics_;
  std::vector<RunSamples> runs_;
  std::vector<std::vector<int>> rowOfSample_;  // [run][dataset index] → row in runs_, or -1
  std::vector<PredictionTotals> totals_;       // one per run, or empty
  std::size_t primaryCount_ = 0;               // runs_[0, primaryCount_) belong to request_
  std::vector<std::int64_t> primaryRunIds_;    // their project ids (empty until stored)
  std::vector<std::int64_t> extraRunIds_;      // stored runs shown beside them
  FigureExportSettings lastFigure_;
  QString lastTablesDir_;
};

}  // namespace handalign
