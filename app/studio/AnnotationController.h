// Mask correction in the studio (the Annotate menu): edit the current sample's hand and part masks
// on the canvas, save them (journaled; autosaved on leaving a sample and on a timer), review
// states, history with rollback, revert and export; the sample's metrics follow every stroke.
#pragma once

#include "raster/LabelImage.h"

#include <QObject>
#include <QString>

#include <array>
#include <future>
#include <memory>
#include <vector>

class QAction;
class QMenu;
class QMenuBar;
class QMainWindow;
class QTimer;

namespace handalign {

class AnnotationSession;
class EditorToolBar;
class ImageCanvas;
class MaskEditor;
class SampleBrowser;
class StudioSession;

class AnnotationController : public QObject {
  Q_OBJECT
 public:
  AnnotationController(StudioSession* session, SampleBrowser* browser, ImageCanvas* canvas,
                       QMainWindow* window);
  ~AnnotationController() override;

  void buildMenu(QMenuBar* bar);
  void retranslate();
  QMenu* menu() const { return menu_; }
  QAction* editAction() const { return editAction_; }
  QAction* saveAction() const { return saveAction_; }

  MaskEditor* editor() const { return editor_; }
  AnnotationSession* annotations() const { return annotations_.get(); }
  bool isEditing() const { return editingSample_ >= 0; }

  // The dataset's session just opened: its corrections, review states and resume point. Returns
  // the sample (and whether to edit it) to go back to, -1 when none.
  int open(bool* resumeEditing);
  void close();  // saves a modified mask first
  // The sample shown changed; `labels` = rendered GT, reference and shown method at the image's
  // size (the "from mesh" proposals), `network` the shown method's own segmentation (or empty,
  // with `networkNote` saying why).
  void sampleShown(int sample, const std::array<LabelImage, 3>& labels,
                   const LabelImage& network = {}, const QString& networkNote = {});
  // The same sample's proposals changed (a model run, another method shown): the editor gets them
  // without reloading its mask.
  void proposalsChanged(const std::array<LabelImage, 3>& labels, const LabelImage& network,
                        const QString& networkNote);
  // Before the browser moves to another sample: a modified mask is saved.
  void leavingSample(int nextSample);
  void resumeTool(const std::string& toolId);

  void setEditing(bool on);
  bool save(const QString& action = QStringLiteral("save"));
  void saveAndNext();
  void revert();
  void setReviewState(int state);
  void setShowOriginal(bool on);
  bool exportMasks(const QString& dir);
  void showHistory();
  void showExportDialog();

 Q_SIGNALS:
  void metricsChanged();  // the current sample's metrics were re-scored
  void message(const QString& text, int ms);
  void error(const QString& message);

 private:
  void updateActions();
  void pushProposals();  // shownLabels_ and shownNetwork_ to the editor
  void loadMask();
  // Per-stroke durability (core/annotation/MaskDraft.h): after every stroke the editor's mask is
  // written as the sample's draft on a worker thread; the next stroke starts once it is on disk.
  void keepDraft();
  void waitForDraft();
  void restoreDraft();
  void prepareLiveScoring();
  void rescoreCurrent();
  void rescoreCorrected();
  // Mask metrics of `sample` back to what the dataset's own mask gives (after a revert).
  void rescoreOriginal(std::size_t sample);

  StudioSession* session_;
  SampleBrowser* browser_;
  ImageCanvas* canvas_;
  QMainWindow* window_;
  MaskEditor* editor_ = nullptr;
  EditorToolBar* bar_ = nullptr;
  std::unique_ptr<AnnotationSession> annotations_;
  QTimer* autosave_ = nullptr;
  int current_ = -1;                       // the sample shown
  int editingSample_ = -1;                 // the sample in the editor, or -1
  std::array<LabelImage, 3> shownLabels_;  // GT, reference, shown at the image's size
  LabelImage shownNetwork_;
  QString shownNetworkNote_;
  QMenu* proposalMenu_ = nullptr;  // the editor's "from mesh" actions                // the shown
                                   // method's own segmentation, or empty
  LabelImage scoringGt_;           // at the evaluation resolution
  std::vector<LabelImage> scoringPreds_;

  QMenu* menu_ = nullptr;
  QMenu* reviewMenu_ = nullptr;
  QAction* editAction_ = nullptr;
  QAction* saveAction_ = nullptr;
  QAction* saveNextAction_ = nullptr;
  QAction* revertAction_ = nullptr;
  QAction* showOriginalAction_ = nullptr;
  QAction* historyAction_ = nullptr;
  QAction* exportAction_ = nullptr;
  std::vector<QAction*> reviewActions_;
  std::future<void> draftWrite_;
};

}  // namespace handalign
