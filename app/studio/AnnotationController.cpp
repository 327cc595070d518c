#include "AnnotationController.h"

#include "EditorToolBar.h"
#include "MaskEditor.h"
#include "MaskHistoryDialog.h"
#include "PreferencesDialog.h"
#include "StudioSession.h"

#include "annotation/MaskDraft.h"
#include "browser/SampleBrowser.h"
#include "canvas/ImageCanvas.h"
#include "eval/MaskScoring.h"
#include "eval/SampleEvaluator.h"
#include "io/ImageIO.h"
#include "project/AnnotationExport.h"
#include "project/AnnotationSession.h"
#include "project/ProjectStore.h"
#include "render/SampleViews.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QColor>
#include <QFileDialog>
#include <QImage>
#include <QMainWindow>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QTimer>

#include <cmath>

namespace handalign {
namespace {

constexpr int kAutosaveMs = 30000;
constexpr const char* kBrushKey = "Editor/BrushSize";
constexpr const char* kMaskColorKey = "Editor/MaskColor";
constexpr const char* kMaskOpacityKey = "Editor/MaskOpacity";
constexpr const char* kProtectKey = "Editor/ProtectOthers";

}  // namespace

AnnotationController::AnnotationController(StudioSession* session, SampleBrowser* browser,
                                           ImageCanvas* canvas, QMainWindow* window)
    : QObject(window), session_(session), browser_(browser), canvas_(canvas), window_(window) {
  editor_ = new MaskEditor(this);
  editor_->attach(canvas_);
  const QSettings settings;
  editor_->setUndoLimit(settings.value(kUndoDepthKey, kDefaultUndoDepth).toInt());
  // The brush and the overlay look as the annotator left them.
  editor_->setBrushSize(settings.value(kBrushKey, editor_->brushSize()).toInt());
  editor_->setOverlayStyle(settings.value(kMaskColorKey, editor_->overlayColor()).value<QColor>(),
                           settings.value(kMaskOpacityKey, editor_->overlayOpacity()).toFloat());
  editor_->setProtectOthers(settings.value(kProtectKey, editor_->protectOthers()).toBool());
  connect(editor_, &MaskEditor::brushSizeChanged, this,
          [](int d) { QSettings().setValue(kBrushKey, d); });
  connect(editor_, &MaskEditor::settingsChanged, this, [this] {
    QSettings s;
    s.setValue(kMaskColorKey, editor_->overlayColor());
    s.setValue(kMaskOpacityKey, editor_->overlayOpacity());
    s.setValue(kProtectKey, editor_->protectOthers());
  });
  bar_ = new EditorToolBar(editor_, window_);
  bar_->setObjectName(QStringLiteral("MaskEditorToolBar"));
  window_->addToolBar(Qt::TopToolBarArea, bar_);
  bar_->hide();
  connect(editor_, &MaskEditor::maskEdited, this, [this] {
    keepDraft();
    rescoreCurrent();
  });
  connect(editor_, &MaskEditor::editStarted, this, &AnnotationController::waitForDraft);
  // Back at the saved state (saved, or undone to it): no unsaved strokes to keep.
  connect(editor_, &MaskEditor::modifiedChanged, this, [this](bool modified) {
    if (modified || !annotations_ || editingSample_ < 0) return;
    waitForDraft();
    draft::remove(annotations_->store().folder(),
                  session_->session().dataset->sampleId(std::size_t(editingSample_)));
  });
  connect(editor_, &MaskEditor::message, this,
          [this](const QString& text) { Q_EMIT message(text, 5000); });
  connect(editor_, &MaskEditor::toolChanged, this, [this] {
    if (annotations_ && editingSample_ >= 0 && editor_->tool() != MaskEditor::Tool::None)
      annotations_->setResume(std::size_t(editingSample_), MaskEditor::toolId(editor_->tool()));
  });
  autosave_ = new QTimer(this);
  autosave_->setInterval(kAutosaveMs);
  connect(autosave_, &QTimer::timeout, this, [this] {
    if (editingSample_ >= 0 && editor_->isModified()) save(QStringLiteral("autosave"));
  });
}

AnnotationController::~AnnotationController() {
  waitForDraft();
  annotations_.reset();
}

void AnnotationController::waitForDraft() {
  if (draftWrite_.valid()) draftWrite_.get();
}

void AnnotationController::keepDraft() {
  if (!annotations_ || editingSample_ < 0 || showOriginalAction_->isChecked()) return;
  waitForDraft();
  const std::filesystem::path folder = annotations_->store().folder();
  const std::string id = session_->session().dataset->sampleId(std::size_t(editingSample_));
  if (!editor_->isModified()) {  // back at the saved state (undo): nothing unsaved to keep
    draft::remove(folder, id);
    return;
  }
  // The copy is taken here (a memcpy of the two layers); encoding and the synced write, several
  // ms for a large image, run off the GUI thread.
  QPointer<AnnotationController> self(this);
  draftWrite_ = std::async(std::launch::async, [self, folder, id, mask = editor_->annotation()] {
    try {
      draft::write(folder, id, encodeMaskAnnotation(mask));
    } catch (const std::exception& e) {
      const QString text = QString::fromStdString(e.what());
      QMetaObject::invokeMethod(qApp, [self, text] {
        if (self) Q_EMIT self->error(tr("Cannot keep the unsaved strokes: %1").arg(text));
      });
    }
  });
}

void AnnotationController::restoreDraft() {
  if (!annotations_ || editingSample_ < 0) return;
  const std::filesystem::path folder = annotations_->store().folder();
  const std::string id = session_->session().dataset->sampleId(std::size_t(editingSample_));
  const std::optional<MaskFiles> files = draft::read(folder, id);
  if (!files) return;
  try {
    const MaskAnnotation& current = editor_->annotation();
    const std::filesystem::path file = draft::pathFor(folder, id);
    const MaskAnnotation restored =
        decodeMaskFiles(*files, current.width(), current.height(), file, file);
    if (editor_->applyMask(restored, tr("Unsaved strokes (restored)")))
      Q_EMIT message(tr("Restored the unsaved strokes of sample %1 from the last session")
                         .arg(QString::fromStdString(id)),
                     8000);
  } catch (const std::exception& e) {  // a draft of another size or damaged: not an edit
    Q_EMIT error(tr("Ignored the unsaved strokes of sample %1: %2")
                     .arg(QString::fromStdString(id), QString::fromStdString(e.what())));
    draft::remove(folder, id);
  }
}

void AnnotationController::buildMenu(QMenuBar* bar) {
  menu_ = bar->addMenu(QString());
  editAction_ = menu_->addAction(QString());
  editAction_->setCheckable(true);
  editAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
  connect(editAction_, &QAction::toggled, this, &AnnotationController::setEditing);
  saveAction_ = menu_->addAction(QString(), this, [this] { save(); });
  saveAction_->setShortcut(QKeySequence::Save);
  saveNextAction_ = menu_->addAction(QString(), this, &AnnotationController::saveAndNext);
  saveNextAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  revertAction_ = menu_->addAction(QString(), this, &AnnotationController::revert);
  showOriginalAction_ = menu_->addAction(QString());
  showOriginalAction_->setCheckable(true);
  showOriginalAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
  connect(showOriginalAction_, &QAction::toggled, this, &AnnotationController::setShowOriginal);
  menu_->addSeparator();
  menu_->addAction(editor_->undoAction());
  menu_->addAction(editor_->redoAction());
  // "Start from" a proposal: the three meshes and the network's own segmentation (each enabled
  // while editing a sample that has it).
  proposalMenu_ = menu_->addMenu(QString());
  for (int i = 0; i < MaskEditor::kMeshSourceCount; ++i)
    proposalMenu_->addAction(editor_->fromMeshAction(MaskEditor::MeshSource(i)));
  menu_->addSeparator();
  reviewMenu_ = menu_->addMenu(QString());
  auto* group = new QActionGroup(this);
  for (int state = 0; state < 4; ++state) {
    QAction* a = reviewMenu_->addAction(QString(), this, [this, state] { setReviewState(state); });
    a->setCheckable(true);
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + state)));
    group->addAction(a);
    reviewActions_.push_back(a);
  }
  historyAction_ = menu_->addAction(QString(), this, &AnnotationController::showHistory);
  exportAction_ = menu_->addAction(QString(), this, &AnnotationController::showExportDialog);
  updateActions();
}

void AnnotationController::retranslate() {
  menu_->setTitle(tr("&Annotate"));
  editAction_->setText(tr("&Edit Mask"));
  editAction_->setToolTip(
      tr("Correct the hand and finger masks of the current sample (Ctrl+B); tools 1–6, Esc"));
  saveAction_->setText(tr("&Save Mask"));
  saveAction_->setToolTip(tr("Save the corrected mask of the current sample (Ctrl+S)"));
  saveNextAction_->setText(tr("Save and &Next"));
  saveNextAction_->setToolTip(
      tr("Save the mask, mark the sample accepted and go to the next one (Ctrl+Enter)"));
  revertAction_->setText(tr("&Revert to Original Mask"));
  revertAction_->setToolTip(
      tr("Drop the correction and unsaved strokes: the dataset's mask counts again (journaled, "
         "can be rolled back)"));
  showOriginalAction_->setText(tr("Show &Original Mask"));
  showOriginalAction_->setToolTip(
      tr("Show and score the dataset's mask instead of the correction (Ctrl+T)"));
  reviewMenu_->setTitle(tr("Review &State"));
  proposalMenu_->setTitle(tr("Start &From"));
  const QString states[] = {tr("To Do"), tr("In Progress"), tr("Accepted"),
                            tr("Needs Another Look")};
  for (int i = 0; i < 4; ++i) {
    reviewActions_[std::size_t(i)]->setText(states[i]);
    reviewActions_[std::size_t(i)]->setToolTip(
        tr("Mark the current sample: %1 (Ctrl+Alt+%2)").arg(states[i]).arg(i + 1));
  }
  historyAction_->setText(tr("Mask &History…"));
  historyAction_->setToolTip(tr("Every saved version of this sample's mask; roll back to any"));
  exportAction_->setText(tr("E&xport Corrected Masks…"));
  exportAction_->setToolTip(
      tr("Write the corrected masks in FreiHAND's layout (mask/%08d.png) and review.csv"));
  bar_->setWindowTitle(tr("Mask editor"));
}

void AnnotationController::updateActions() {
  const bool open = annotations_ && session_->isOpen();
  const bool here = open && current_ >= 0;
  editAction_->setEnabled(here);
  const bool editing = editingSample_ >= 0 && !showOriginalAction_->isChecked();
  saveAction_->setEnabled(editing);
  saveNextAction_->setEnabled(editing);
  revertAction_->setEnabled(here);
  showOriginalAction_->setEnabled(editingSample_ >= 0);
  proposalMenu_->setEnabled(editing);
  reviewMenu_->setEnabled(here);
  historyAction_->setEnabled(here);
  exportAction_->setEnabled(open);
  // The state shown in the browser (no project query on every sample switch).
  const SampleTableModel* model = browser_->model();
  const double state =
      here ? model->value(model->rowOfIndex(std::size_t(current_)), model->reviewColumn())
           : std::nan("");
  if (state >= 0 && state < double(reviewActions_.size()))
    reviewActions_[std::size_t(state)]->setChecked(true);
}

int AnnotationController::open(bool* resumeEditing) {
  close();
  if (resumeEditing) *resumeEditing = false;
  if (!session_->project() || !session_->isOpen()) return -1;
  int resume = -1;
  try {
    annotations_ = AnnotationSession::open(*session_->project(), *session_->session().dataset);
    std::vector<int> states;
    for (ReviewState s : annotations_->reviewStates()) states.push_back(int(s));
    browser_->model()->setReviewStates(std::move(states));
    if (annotations_->repairedSaves() > 0)
      Q_EMIT message(tr("Finished %n mask save(s) interrupted last time", nullptr,
                        int(annotations_->repairedSaves())),
                     8000);
    rescoreCorrected();
    if (!annotations_->unrepairableSaves().empty()) {
      QStringList lines;
      for (const std::string& l : annotations_->unrepairableSaves())
        lines << QString::fromStdString(l);
      Q_EMIT error(tr("Interrupted saves that could not be finished safely (the masks on disk were "
                      "kept):\n%1")
                       .arg(lines.mid(0, 8).join('\n')));
    }
    const std::vector<AnnotationProblem> problems = annotations_->store().scan();
    if (!problems.empty()) {
      QStringList lines;
      for (const AnnotationProblem& p : problems) lines << QString::fromStdString(p.message());
      Q_EMIT error(tr("The annotation folder holds files that are not usable corrections (left "
                      "untouched):\n%1")
                       .arg(lines.mid(0, 8).join('\n')));
    }
    if (const auto point = annotations_->resume()) {  // back where the annotator was
      resume = int(point->sampleIndex);
      const std::optional<MaskEditor::Tool> tool = MaskEditor::toolFromId(point->tool);
      if (resumeEditing) *resumeEditing = tool && *tool != MaskEditor::Tool::None;
      if (tool && *tool != MaskEditor::Tool::None) editor_->setTool(*tool);
    }
  } catch (const std::exception& e) {
    waitForDraft();
    annotations_.reset();
    Q_EMIT error(QString::fromStdString(e.what()));
  }
  updateActions();
  return resume;
}

void AnnotationController::close() {
  // A modified mask is saved; the resume point stays (reopening goes back to editing it).
  if (editingSample_ >= 0 && editor_->isModified()) save(QStringLiteral("autosave on closing"));
  if (editAction_->isChecked()) {
    const QSignalBlocker block(editAction_);
    editAction_->setChecked(false);
  }
  editor_->setTool(MaskEditor::Tool::None);
  editor_->clear();
  editingSample_ = -1;
  current_ = -1;
  setShowOriginal(false);  // the next edit starts on the correction, with every tool enabled
  autosave_->stop();
  bar_->hide();
  browser_->setFrozen(false);
  waitForDraft();
  annotations_.reset();
  updateActions();
}

void AnnotationController::resumeTool(const std::string& toolId) {
  const std::optional<MaskEditor::Tool> tool = MaskEditor::toolFromId(toolId);
  if (tool && *tool != MaskEditor::Tool::None) editor_->setTool(*tool);
}

void AnnotationController::leavingSample(int nextSample) {
  if (editingSample_ >= 0 && editingSample_ != nextSample && editor_->isModified())
    save(QStringLiteral("autosave on leaving the sample"));
}

void AnnotationController::sampleShown(int sample, const std::array<LabelImage, 3>& labels,
                                       const LabelImage& network, const QString& networkNote) {
  current_ = sample;
  shownLabels_ = labels;
  shownNetwork_ = network;
  shownNetworkNote_ = networkNote;
  if (editingSample_ >= 0) loadMask();  // the editor follows the browser
  updateActions();
}

void AnnotationController::pushProposals() {
  editor_->setMeshLabels(MaskEditor::MeshSource::GroundTruth, shownLabels_[0]);
  editor_->setMeshLabels(MaskEditor::MeshSource::Reference, shownLabels_[1]);
  editor_->setMeshLabels(MaskEditor::MeshSource::Shown, shownLabels_[2]);
  editor_->setMeshLabels(MaskEditor::MeshSource::Network, shownNetwork_, shownNetworkNote_);
}

void AnnotationController::proposalsChanged(const std::array<LabelImage, 3>& labels,
                                            const LabelImage& network, const QString& networkNote) {
  shownLabels_ = labels;
  shownNetwork_ = network;
  shownNetworkNote_ = networkNote;
  if (editingSample_ >= 0 && editingSample_ == current_) pushProposals();  // the mask stays
}

void AnnotationController::setEditing(bool on) {
  if (editAction_->isChecked() != on) {
    editAction_->setChecked(on);  // toggled() calls this again
    return;
  }
  if (!on) {
    if (editingSample_ >= 0 && editor_->isModified()) save();
    if (editingSample_ >= 0 && annotations_)  // reopening shows this sample, not editing
      annotations_->setResume(std::size_t(editingSample_),
                              MaskEditor::toolId(MaskEditor::Tool::None));
    editor_->setTool(MaskEditor::Tool::None);
    editor_->clear();
    editingSample_ = -1;
    showOriginalAction_->setChecked(false);  // the next edit starts on the correction
    autosave_->stop();
    bar_->hide();
    browser_->setFrozen(false);  // the rows may move again
    updateActions();
    return;
  }
  if (!annotations_ || current_ < 0) {
    editAction_->setChecked(false);
    Q_EMIT message(tr("Open a dataset first"), 5000);
    return;
  }
  browser_->setFrozen(true);  // rows keep the order the annotator sees while metrics change
  loadMask();
  bar_->show();
  autosave_->start();
  if (editor_->tool() == MaskEditor::Tool::None) editor_->setTool(MaskEditor::Tool::Brush);
  canvas_->setFocus();
}

void AnnotationController::loadMask() {
  const Dataset& ds = *session_->session().dataset;
  const std::size_t i = std::size_t(current_);
  const int w = ds.imageWidth(), h = ds.imageHeight();
  MaskAnnotation mask;
  try {
    std::optional<MaskAnnotation> corrected;
    if (!showOriginalAction_->isChecked()) corrected = annotations_->load(i);
    if (corrected) {
      mask = std::move(*corrected);
    } else if (std::optional<LabelImage> original =
                   SampleViews(ds, session_->session().model).datasetMask(i)) {
      mask.hand = original->width == w && original->height == h
                      ? std::move(*original)
                      : handMaskAt(readMask8(*ds.maskPath(i)), std::max(w, h));
    } else {
      mask.hand.reset(w, h, 0);
      for (std::size_t k = 0; k < shownLabels_[0].pixels.size(); ++k)
        mask.hand.pixels[k] = shownLabels_[0].pixels[k] > 0 ? 1 : 0;
    }
  } catch (const std::exception& e) {
    Q_EMIT error(QString::fromStdString(e.what()));
    mask.hand.reset(w, h, 0);
  }
  if (mask.hand.width != w || mask.hand.height != h) mask.hand.reset(w, h, 0);
  editor_->load(mask, QImage(QString::fromStdString(ds.imagePath(i).string())));
  pushProposals();
  editingSample_ = current_;
  restoreDraft();  // strokes a killed studio had not saved
  const MaskEditor::Tool tool =
      editor_->tool() == MaskEditor::Tool::None ? MaskEditor::Tool::Brush : editor_->tool();
  annotations_->setResume(i, MaskEditor::toolId(tool));
  prepareLiveScoring();
  rescoreCurrent();
  updateActions();
}

void AnnotationController::prepareLiveScoring() {
  // The label images the evaluation compares, rendered once per sample; each stroke then only
  // re-scores the masks (docs/benchmarks.md: well under the 30 ms goal).
  scoringPreds_.clear();
  scoringGt_ = {};
  const EvalContext context = session_->session().context();
  SampleEvaluator evaluator(context);
  evaluator.renderGroundTruth(std::size_t(editingSample_), scoringGt_);
  const auto& preds = session_->session().predictions;
  scoringPreds_.resize(preds.size());
  for (std::size_t p = 0; p < preds.size(); ++p)
    if (SampleViews::hasMesh(preds[p], std::size_t(editingSample_)))
      evaluator.renderPrediction(std::size_t(editingSample_), p, scoringPreds_[p]);
}

void AnnotationController::rescoreCurrent() {
  if (editingSample_ < 0 || editingSample_ != current_ || !editor_->hasAnnotation()) return;
  CorrectionScorer scorer(session_->session().info.options.hd);
  const auto& preds = session_->session().predictions;
  for (std::size_t p = 0; p < preds.size() && p < scoringPreds_.size(); ++p) {
    if (scoringPreds_[p].empty()) continue;
    const SampleMetrics scored = scorer.score(scoringPreds_[p], editor_->annotation(), scoringGt_);
    session_->setMaskMetrics(std::size_t(editingSample_), preds[p].name, scored);
  }
  Q_EMIT metricsChanged();
}

void AnnotationController::rescoreOriginal(std::size_t sample) {
  // The evaluation's own rule without the correction: the dataset's mask (or the GT mesh).
  EvalContext context = session_->session().context();
  context.annotations = nullptr;
  SampleEvaluator evaluator(context);
  const auto& preds = session_->session().predictions;
  std::vector<SampleMetrics> scored(preds.size());
  std::vector<PredictionTotals> totals(
      preds.size(), PredictionTotals(kJointCount, session_->session().model.vertexCount));
  try {
    evaluator.evaluate(sample, scored.data(), totals);
  } catch (const std::exception& e) {
    Q_EMIT error(QString::fromStdString(e.what()));
    return;
  }
  for (std::size_t p = 0; p < preds.size(); ++p)
    if (SampleViews::hasMesh(preds[p], sample))
      session_->setMaskMetrics(sample, preds[p].name, scored[p]);
  Q_EMIT metricsChanged();
}

void AnnotationController::rescoreCorrected() {
  // Stored runs may predate a correction: the corrected samples' mask metrics are recomputed so
  // the browser always shows what `eval --annotations` would.
  if (!annotations_ || !session_->isOpen()) return;
  const EvalContext context = session_->session().context();
  SampleEvaluator evaluator(context);
  CorrectionScorer scorer(session_->session().info.options.hd);
  const auto& preds = session_->session().predictions;
  LabelImage gt, pred;
  for (std::size_t sample : annotations_->store().corrected()) {
    std::optional<MaskAnnotation> mask;
    try {
      mask = annotations_->load(sample);
    } catch (const std::exception&) {
      continue;  // reported by open()'s scan
    }
    if (!mask) continue;
    evaluator.renderGroundTruth(sample, gt);
    for (std::size_t p = 0; p < preds.size(); ++p) {
      if (!SampleViews::hasMesh(preds[p], sample)) continue;
      evaluator.renderPrediction(sample, p, pred);
      session_->setMaskMetrics(sample, preds[p].name, scorer.score(pred, *mask, gt));
    }
  }
}

bool AnnotationController::save(const QString& action) {
  if (editingSample_ < 0 || !annotations_ || showOriginalAction_->isChecked()) return false;
  if (!editor_->isModified()) return true;
  try {
    annotations_->save(std::size_t(editingSample_), editor_->annotation(), action.toStdString());
    editor_->setSaved();
    waitForDraft();  // saved: the draft of these strokes is no longer needed
    draft::remove(annotations_->store().folder(),
                  session_->session().dataset->sampleId(std::size_t(editingSample_)));
    browser_->model()->setReviewState(
        std::size_t(editingSample_),
        int(annotations_->reviewStates()[std::size_t(editingSample_)]));
    Q_EMIT message(tr("Saved the mask of sample %1")
                       .arg(QString::fromStdString(
                           session_->session().dataset->sampleId(std::size_t(editingSample_)))),
                   4000);
    updateActions();
    return true;
  } catch (const std::exception& e) {
    Q_EMIT error(tr("Cannot save the mask: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

void AnnotationController::saveAndNext() {
  if (!save(QStringLiteral("save and next"))) return;
  setReviewState(int(ReviewState::Accepted));
  // The rows stay frozen while editing: the next row is the next sample the annotator saw.
  browser_->nextSample();
}

void AnnotationController::revert() {
  if (!annotations_ || current_ < 0) return;
  const bool unsaved = editingSample_ == current_ && editor_->isModified();
  std::int64_t reverted = 0;
  try {
    reverted = annotations_->revert(std::size_t(current_));
  } catch (const std::exception& e) {
    Q_EMIT error(QString::fromStdString(e.what()));
    return;
  }
  if (reverted == 0 && !unsaved) {
    Q_EMIT message(tr("This sample has no correction"), 4000);
    return;
  }
  // Unsaved strokes go too: the editor shows the dataset's mask again, unmodified.
  if (editingSample_ == current_) loadMask();
  rescoreOriginal(std::size_t(current_));  // the metrics are the dataset mask's at once, no F5
  Q_EMIT message(reverted ? tr("Back to the dataset's mask (Mask History rolls this back)")
                          : tr("Unsaved strokes dropped: back to the dataset's mask"),
                 5000);
}

void AnnotationController::setReviewState(int state) {
  if (!annotations_ || current_ < 0 || state < 0 || state > 3) return;
  try {
    annotations_->setReviewState(std::size_t(current_), ReviewState(state));
  } catch (const std::exception& e) {
    Q_EMIT error(QString::fromStdString(e.what()));
    return;
  }
  browser_->model()->setReviewState(std::size_t(current_), state);
  reviewActions_[std::size_t(state)]->setChecked(true);
}

void AnnotationController::setShowOriginal(bool on) {
  if (showOriginalAction_->isChecked() != on) {
    showOriginalAction_->setChecked(on);  // toggled() calls this again
    return;
  }
  if (on && editingSample_ >= 0 && editor_->isModified()) save();
  // The original is for looking: no tool can touch it (saving is off too).
  editor_->setTool(MaskEditor::Tool::None);
  for (QAction* a : editor_->actions())  // undo / redo follow the undo stack themselves
    if (a != editor_->undoAction() && a != editor_->redoAction()) a->setEnabled(!on);
  bar_->setEnabled(!on);
  if (editingSample_ < 0) return;
  loadMask();  // the original or the correction
  Q_EMIT message(on ? tr("Showing the dataset's original mask; editing is paused")
                    : tr("Showing the corrected mask"),
                 5000);
}

void AnnotationController::showHistory() {
  if (!annotations_ || current_ < 0) return;
  if (editingSample_ == current_ && editor_->isModified() && !save()) return;
  std::int64_t chosen = 0;
  try {
    MaskHistoryDialog dialog(
        QString::fromStdString(session_->session().dataset->sampleId(std::size_t(current_))),
        annotations_->journal(std::size_t(current_)), window_);
    dialog.setProperty(kHoldsSession, true);  // the annotations stay while it lists their journal
    if (dialog.exec() != QDialog::Accepted || !(chosen = dialog.chosenEntry())) return;
    annotations_->rollback(chosen);
  } catch (const std::exception& e) {
    Q_EMIT error(QString::fromStdString(e.what()));
    return;
  }
  if (editingSample_ == current_) loadMask();
  Q_EMIT message(tr("Restored the version before change #%1").arg(chosen), 5000);
}

void AnnotationController::showExportDialog() {
  const QString dir = QFileDialog::getExistingDirectory(
      window_, tr("Export Corrected Masks Into an Empty Folder"),
      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
  if (!dir.isEmpty()) exportMasks(dir);
}

bool AnnotationController::exportMasks(const QString& dir) {
  if (!annotations_ || !session_->isOpen()) {
    Q_EMIT error(tr("Open a dataset first"));
    return false;
  }
  if (editingSample_ >= 0 && editor_->isModified() && !save()) return false;
  try {
    AnnotationExportInfo info;
    info.version = QApplication::applicationVersion().toStdString();
    info.dataset = annotationDatasetKey(*session_->session().dataset);
    info.projectFile = session_->project()->path().string();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    struct RestoreCursor {
      ~RestoreCursor() { QApplication::restoreOverrideCursor(); }
    } restore;
    const AnnotationExportCounts counts =
        exportAnnotations(annotations_->store(), annotations_->reviewRecords(), info,
                          dir.toStdString(), /*overwrite=*/true);
    Q_EMIT message(tr("Exported %1 masks (%2 with parts) and review.csv to %3")
                       .arg(counts.masks)
                       .arg(counts.parts)
                       .arg(dir),
                   10000);
    return true;
  } catch (const std::exception& e) {
    Q_EMIT error(tr("Cannot export the masks: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

}  // namespace handalign
