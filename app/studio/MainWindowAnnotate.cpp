// The Annotate menu: correct the current sample's hand and part masks on the canvas, save them
// (journaled, autosaved on leaving a sample and on a timer), review states, rollback and export;
// the sample's metrics follow every stroke.
#include "MainWindow.h"

#include "EditorToolBar.h"
#include "MaskEditor.h"
#include "MaskHistoryDialog.h"
#include "PreferencesDialog.h"
#include "dataset/PluginRegistry.h"
#include "eval/MaskScoring.h"
#include "eval/SampleEvaluator.h"
#include "io/ImageIO.h"
#include "jobs/EvaluationJob.h"
#include "metrics/MetricsPanel.h"
#include "project/AnnotationExport.h"
#include "project/AnnotationSession.h"
#include "project/ProjectStore.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QColor>
#include <QFileDialog>
#include <QImage>
#include <QMenuBar>
#include <QStandardPaths>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

#include <cmath>

namespace handalign {
namespace fs = std::filesystem;
namespace {

constexpr int kAutosaveMs = 30000;
constexpr const char* kBrushKey = "Editor/BrushSize";
constexpr const char* kMaskColorKey = "Editor/MaskColor";
constexpr const char* kMaskOpacityKey = "Editor/MaskOpacity";
constexpr const char* kProtectKey = "Editor/ProtectOthers";

// The mask metrics of `scored` over the 3D metrics of `row`.
SampleMetrics withMaskMetrics(SampleMetrics row, const SampleMetrics& scored) {
  row.handIou = scored.handIou, row.handMiou = scored.handMiou, row.handHd95 = scored.handHd95;
  row.fingerMiou = scored.fingerMiou, row.fingerMiouFg = scored.fingerMiouFg;
  row.fingerHd95 = scored.fingerHd95;
  row.partIou = scored.partIou, row.partHd95 = scored.partHd95;
  row.handHdMissing = scored.handHdMissing, row.fingerHdMissing = scored.fingerHdMissing;
  return row;
}

}  // namespace

void MainWindow::buildAnnotateMenu() {
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
  editorBar_ = new EditorToolBar(editor_, this);
  editorBar_->setObjectName(QStringLiteral("MaskEditorToolBar"));
  addToolBar(Qt::TopToolBarArea, editorBar_);
  editorBar_->hide();
  connect(editor_, &MaskEditor::maskEdited, this, [this] { rescoreCurrentSample(); });
  connect(editor_, &MaskEditor::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 5000); });
  connect(editor_, &MaskEditor::toolChanged, this, [this] {
    if (annotations_ && editingSample_ >= 0 && editor_->tool() != MaskEditor::Tool::None)
      annotations_->setResume(std::size_t(editingSample_),
                              std::to_string(int(editor_->tool())));
  });
  autosave_ = new QTimer(this);
  autosave_->setInterval(kAutosaveMs);
  connect(autosave_, &QTimer::timeout, this, [this] {
    if (editingSample_ >= 0 && editor_->isModified()) saveMask(QStringLiteral("autosave"));
  });

  annotateMenu_ = menuBar()->addMenu(QString());
  editMaskAction_ = annotateMenu_->addAction(QString());
  editMaskAction_->setCheckable(true);
  editMaskAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
  connect(editMaskAction_, &QAction::toggled, this, &MainWindow::setEditingMask);
  saveMaskAction_ = annotateMenu_->addAction(QString(), this, [this] { saveMask(); });
  saveMaskAction_->setShortcut(QKeySequence::Save);
  saveNextAction_ = annotateMenu_->addAction(QString(), this, &MainWindow::saveMaskAndNext);
  saveNextAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  revertMaskAction_ = annotateMenu_->addAction(QString(), this, &MainWindow::revertMask);
  showOriginalAction_ = annotateMenu_->addAction(QString());
  showOriginalAction_->setCheckable(true);
  showOriginalAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
  connect(showOriginalAction_, &QAction::toggled, this, &MainWindow::setShowOriginalMask);
  annotateMenu_->addSeparator();
  annotateMenu_->addAction(editor_->undoAction());
  annotateMenu_->addAction(editor_->redoAction());
  annotateMenu_->addSeparator();
  reviewMenu_ = annotateMenu_->addMenu(QString());
  auto* group = new QActionGroup(this);
  for (int state = 0; state < 4; ++state) {
    QAction* a = reviewMenu_->addAction(QString(), this, [this, state] { setReviewState(state); });
    a->setCheckable(true);
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + state)));
    group->addAction(a);
    reviewActions_.push_back(a);
  }
  historyAction_ = annotateMenu_->addAction(QString(), this, &MainWindow::showMaskHistory);
  exportMasksAction_ =
      annotateMenu_->addAction(QString(), this, &MainWindow::showExportMasksDialog);
  updateAnnotateActions();
}

void MainWindow::retranslateAnnotateMenu() {
  annotateMenu_->setTitle(tr("&Annotate"));
  editMaskAction_->setText(tr("&Edit Mask"));
  editMaskAction_->setToolTip(
      tr("Correct the hand and finger masks of the current sample (Ctrl+B); tools 1–6, Esc"));
  saveMaskAction_->setText(tr("&Save Mask"));
  saveMaskAction_->setToolTip(tr("Save the corrected mask of the current sample (Ctrl+S)"));
  saveNextAction_->setText(tr("Save and &Next"));
  saveNextAction_->setToolTip(
      tr("Save the mask, mark the sample accepted and go to the next one (Ctrl+Enter)"));
  revertMaskAction_->setText(tr("&Revert to Original Mask"));
  revertMaskAction_->setToolTip(
      tr("Drop the correction: the dataset's mask counts again (journaled, can be rolled back)"));
  showOriginalAction_->setText(tr("Show &Original Mask"));
  showOriginalAction_->setToolTip(
      tr("Show and score the dataset's mask instead of the correction (Ctrl+T)"));
  reviewMenu_->setTitle(tr("Review &State"));
  const QString states[] = {tr("To Do"), tr("In Progress"), tr("Accepted"),
                            tr("Needs Another Look")};
  for (int i = 0; i < 4; ++i) {
    reviewActions_[std::size_t(i)]->setText(states[i]);
    reviewActions_[std::size_t(i)]->setToolTip(
        tr("Mark the current sample: %1 (Ctrl+Alt+%2)").arg(states[i]).arg(i + 1));
  }
  historyAction_->setText(tr("Mask &History…"));
  historyAction_->setToolTip(tr("Every saved version of this sample's mask; roll back to any"));
  exportMasksAction_->setText(tr("E&xport Corrected Masks…"));
  exportMasksAction_->setToolTip(
      tr("Write the corrected masks in FreiHAND's layout (mask/%08d.png) and review.csv"));
  editorBar_->setWindowTitle(tr("Mask editor"));
}

void MainWindow::updateAnnotateActions() {
  const bool open = annotations_ && outcome_;
  editMaskAction_->setEnabled(open && current_ >= 0);
  const bool editing = editingSample_ >= 0 && !showOriginalAction_->isChecked();
  saveMaskAction_->setEnabled(editing);
  saveNextAction_->setEnabled(editing);
  revertMaskAction_->setEnabled(open && current_ >= 0);
  showOriginalAction_->setEnabled(editingSample_ >= 0);
  reviewMenu_->setEnabled(open && current_ >= 0);
  historyAction_->setEnabled(open && current_ >= 0);
  exportMasksAction_->setEnabled(open);
  // The state shown in the browser (no project query on every sample switch).
  const double state =
      open && current_ >= 0
          ? model_->value(model_->rowOfIndex(std::size_t(current_)), model_->reviewColumn())
          : std::nan("");
  if (state >= 0 && state < double(reviewActions_.size()))
    reviewActions_[std::size_t(state)]->setChecked(true);
}

void MainWindow::openAnnotations() {
  editor_->clear();
  editingSample_ = -1;
  annotations_.reset();
  if (!store_ || !outcome_) return;
  try {
    annotations_ = AnnotationSession::open(*store_, *outcome_->session.dataset);
    std::vector<int> states;
    for (ReviewState s : annotations_->reviewStates()) states.push_back(int(s));
    model_->setReviewStates(std::move(states));
    if (annotations_->repairedSaves() > 0)
      statusBar()->showMessage(
          tr("Finished %n mask save(s) interrupted last time", nullptr,
             int(annotations_->repairedSaves())),
          8000);
    rescoreCorrectedSamples();
    const std::vector<AnnotationProblem> problems = annotations_->store().scan();
    if (!problems.empty()) {
      QStringList lines;
      for (const AnnotationProblem& p : problems) lines << QString::fromStdString(p.message());
      showError(tr("The annotation folder holds files that are not usable corrections (left "
                   "untouched):\n%1")
                    .arg(lines.mid(0, 8).join('\n')));
    }
  } catch (const std::exception& e) {
    annotations_.reset();
    showError(QString::fromStdString(e.what()));
  }
  updateAnnotateActions();
}

void MainWindow::setEditingMask(bool on) {
  if (editMaskAction_->isChecked() != on) {
    editMaskAction_->setChecked(on);  // toggled() calls this again
    return;
  }
  if (!on) {
    if (editingSample_ >= 0 && editor_->isModified()) saveMask();
    if (editingSample_ >= 0 && annotations_)  // reopening shows this sample, not editing
      annotations_->setResume(std::size_t(editingSample_), "0");
    editor_->setTool(MaskEditor::Tool::None);
    editor_->clear();
    editingSample_ = -1;
    showOriginalAction_->setChecked(false);  // the next edit starts on the correction
    autosave_->stop();
    editorBar_->hide();
    updateAnnotateActions();
    return;
  }
  if (!annotations_ || current_ < 0) {
    editMaskAction_->setChecked(false);
    statusBar()->showMessage(tr("Open a dataset first"), 5000);
    return;
  }
  loadMaskForEditing();
  editorBar_->show();
  autosave_->start();
  if (editor_->tool() == MaskEditor::Tool::None) editor_->setTool(MaskEditor::Tool::Brush);
  canvas_->setFocus();
}

void MainWindow::loadMaskForEditing() {
  const Dataset& ds = *outcome_->session.dataset;
  const std::size_t i = std::size_t(current_);
  const int w = ds.imageWidth(), h = ds.imageHeight();
  MaskAnnotation mask;
  try {
    std::optional<MaskAnnotation> corrected;
    if (!showOriginalAction_->isChecked()) corrected = annotations_->load(i);
    if (corrected) {
      mask = std::move(*corrected);
    } else if (const auto file = ds.maskPath(i)) {
      const Image<std::uint8_t> gray = readGray8(*file);
      mask.hand.reset(w, h, 0);
      if (gray.width == w && gray.height == h)
        for (std::size_t k = 0; k < gray.pixels.size(); ++k)
          mask.hand.pixels[k] = gray.pixels[k] >= 128 ? 1 : 0;
      else
        mask.hand = handMaskAt(gray, std::max(w, h));
    } else {
      mask.hand.reset(w, h, 0);
      for (std::size_t k = 0; k < shownLabels_[0].pixels.size(); ++k)
        mask.hand.pixels[k] = shownLabels_[0].pixels[k] > 0 ? 1 : 0;
    }
  } catch (const std::exception& e) {
    showError(QString::fromStdString(e.what()));
    mask.hand.reset(w, h, 0);
  }
  if (mask.hand.width != w || mask.hand.height != h) mask.hand.reset(w, h, 0);
  editor_->load(mask, QImage(QString::fromStdString(ds.imagePath(i).string())));
  editor_->setMeshLabels(MaskEditor::MeshSource::GroundTruth, shownLabels_[0]);
  editor_->setMeshLabels(MaskEditor::MeshSource::Rough, shownLabels_[1]);
  editor_->setMeshLabels(MaskEditor::MeshSource::Refined, shownLabels_[2]);
  editingSample_ = current_;
  annotations_->setResume(
      i, std::to_string(std::max(int(MaskEditor::Tool::Brush), int(editor_->tool()))));
  prepareLiveScoring();
  rescoreCurrentSample();
  updateAnnotateActions();
}

void MainWindow::prepareLiveScoring() {
  // The label images the evaluation compares, rendered once per sample; each stroke then only
  // re-scores the masks (docs/benchmarks.md: well under the 30 ms goal).
  scoringPreds_.clear();
  scoringGt_ = {};
  const EvalContext context = outcome_->session.context();
  SampleEvaluator evaluator(context);
  evaluator.renderGroundTruth(std::size_t(editingSample_), scoringGt_);
  const auto& preds = outcome_->session.predictions;
  scoringPreds_.resize(preds.size());
  for (std::size_t p = 0; p < preds.size(); ++p)
    if (!preds[p].vertices.empty() &&
        preds[p].vertices.points(std::size_t(editingSample_)).allFinite())
      evaluator.renderPrediction(std::size_t(editingSample_), p, scoringPreds_[p]);
}

void MainWindow::setMaskMetrics(std::size_t sample, const std::string& prediction,
                                const SampleMetrics& scored) {
  for (std::size_t r = 0; r < primaryCount_; ++r) {
    if (runs_[r].name.toStdString() != prediction) continue;
    const std::vector<int>& rowOf = rowOfSample_[r];
    const int row = sample < rowOf.size() ? rowOf[sample] : -1;
    if (row < 0) continue;
    SampleRow& stored = runs_[r].rows[std::size_t(row)];
    stored.m = withMaskMetrics(stored.m, scored);
    model_->setSampleMetrics(int(r), sample, stored.m);
  }
}

void MainWindow::rescoreCurrentSample() {
  if (editingSample_ < 0 || editingSample_ != current_ || !editor_->hasAnnotation()) return;
  CorrectionScorer scorer(outcome_->session.info.options.hd);
  const auto& preds = outcome_->session.predictions;
  for (std::size_t p = 0; p < preds.size() && p < scoringPreds_.size(); ++p) {
    if (scoringPreds_[p].empty()) continue;
    const SampleMetrics scored = scorer.score(scoringPreds_[p], editor_->annotation(), scoringGt_);
    setMaskMetrics(std::size_t(editingSample_), preds[p].name, scored);
  }
  showSampleMetrics();
}

bool MainWindow::saveMask(const QString& action) {
  if (editingSample_ < 0 || !annotations_ || showOriginalAction_->isChecked()) return false;
  if (!editor_->isModified()) return true;
  try {
    annotations_->save(std::size_t(editingSample_), editor_->annotation(), action.toStdString());
    editor_->setSaved();
    model_->setReviewState(std::size_t(editingSample_),
                           int(annotations_->reviewStates()[std::size_t(editingSample_)]));
    statusBar()->showMessage(tr("Saved the mask of sample %1")
                                 .arg(QString::fromStdString(outcome_->session.dataset->sampleId(
                                     std::size_t(editingSample_)))),
                             4000);
    updateAnnotateActions();
    return true;
  } catch (const std::exception& e) {
    showError(tr("Cannot save the mask: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

void MainWindow::saveMaskAndNext() {
  if (!saveMask(QStringLiteral("save and next"))) return;
  setReviewState(int(ReviewState::Accepted));
  nextSample();  // showSample loads the next sample into the editor
}

void MainWindow::revertMask() {
  if (!annotations_ || current_ < 0) return;
  try {
    if (annotations_->revert(std::size_t(current_)) == 0) {
      statusBar()->showMessage(tr("This sample has no correction"), 4000);
      return;
    }
  } catch (const std::exception& e) {
    showError(QString::fromStdString(e.what()));
    return;
  }
  if (editingSample_ == current_) loadMaskForEditing();
  statusBar()->showMessage(tr("Back to the dataset's mask (Mask History rolls this back)"), 5000);
}

void MainWindow::setReviewState(int state) {
  if (!annotations_ || current_ < 0 || state < 0 || state > 3) return;
  try {
    annotations_->setReviewState(std::size_t(current_), ReviewState(state));
  } catch (const std::exception& e) {
    showError(QString::fromStdString(e.what()));
    return;
  }
  model_->setReviewState(std::size_t(current_), state);
  reviewActions_[std::size_t(state)]->setChecked(true);
}

void MainWindow::setShowOriginalMask(bool on) {
  if (showOriginalAction_->isChecked() != on) {
    showOriginalAction_->setChecked(on);  // toggled() calls this again
    return;
  }
  if (on && editingSample_ >= 0 && editor_->isModified()) saveMask();
  // The original is for looking: no tool can touch it (saving is off too).
  editor_->setTool(MaskEditor::Tool::None);
  for (QAction* a : editor_->actions())  // undo / redo follow the undo stack themselves
    if (a != editor_->undoAction() && a != editor_->redoAction()) a->setEnabled(!on);
  editorBar_->setEnabled(!on);
  if (editingSample_ < 0) return;
  loadMaskForEditing();  // the original or the correction
  statusBar()->showMessage(on ? tr("Showing the dataset's original mask; editing is paused")
                              : tr("Showing the corrected mask"),
                           5000);
}

void MainWindow::showExportMasksDialog() {
  const QString dir = QFileDialog::getExistingDirectory(
      this, tr("Export Corrected Masks Into an Empty Folder"),
      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
  if (!dir.isEmpty()) exportCorrectedMasks(dir);
}

bool MainWindow::exportCorrectedMasks(const QString& dir) {
  if (!annotations_ || !outcome_) {
    showError(tr("Open a dataset first"));
    return false;
  }
  if (editingSample_ >= 0 && editor_->isModified() && !saveMask()) return false;
  try {
    AnnotationExportInfo info;
    info.version = QApplication::applicationVersion().toStdString();
    info.dataset = annotationDatasetKey(*outcome_->session.dataset);
    info.projectFile = store_->path().string();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    struct RestoreCursor {
      ~RestoreCursor() { QApplication::restoreOverrideCursor(); }
    } restore;
    const AnnotationExportCounts counts =
        exportAnnotations(annotations_->store(), annotations_->reviewRecords(), info,
                          dir.toStdString(), /*overwrite=*/true);
    statusBar()->showMessage(tr("Exported %1 masks (%2 with parts) and review.csv to %3")
                                 .arg(counts.masks)
                                 .arg(counts.parts)
                                 .arg(dir),
                             10000);
    return true;
  } catch (const std::exception& e) {
    showError(tr("Cannot export the masks: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

}  // namespace handalign

namespace handalign {

std::string MainWindow::splitToOpen() const {
  if (!request_.split.empty()) return request_.split;
  for (const DatasetFormat* f : PluginRegistry::instance().datasetFormats()) {
    if (!request_.format.empty() ? f->id() != request_.format : !f->canOpen(request_.dataset))
      continue;
    const std::vector<std::string> splits = f->splits(request_.dataset);
    return splits.empty() ? std::string() : splits.front();
  }
  return {};
}

void MainWindow::showMaskHistory() {
  if (!annotations_ || current_ < 0) return;
  if (editingSample_ == current_ && editor_->isModified() && !saveMask()) return;
  std::int64_t chosen = 0;
  try {
    MaskHistoryDialog dialog(
        QString::fromStdString(outcome_->session.dataset->sampleId(std::size_t(current_))),
        annotations_->journal(std::size_t(current_)), this);
    if (dialog.exec() != QDialog::Accepted || !(chosen = dialog.chosenEntry())) return;
    annotations_->rollback(chosen);
  } catch (const std::exception& e) {
    showError(QString::fromStdString(e.what()));
    return;
  }
  if (editingSample_ == current_) loadMaskForEditing();
  statusBar()->showMessage(tr("Restored the version before change #%1").arg(chosen), 5000);
}

void MainWindow::rescoreCorrectedSamples() {
  // Stored runs may predate a correction: the corrected samples' mask metrics are recomputed so
  // the browser always shows what `eval --annotations` would.
  if (!annotations_ || !outcome_) return;
  const EvalContext context = outcome_->session.context();
  SampleEvaluator evaluator(context);
  CorrectionScorer scorer(outcome_->session.info.options.hd);
  const auto& preds = outcome_->session.predictions;
  LabelImage gt, pred;
  for (std::size_t sample : annotations_->store().corrected()) {
    std::optional<MaskAnnotation> mask;
    try {
      mask = annotations_->load(sample);
    } catch (const std::exception&) {
      continue;  // reported by openAnnotations' scan
    }
    if (!mask) continue;
    evaluator.renderGroundTruth(sample, gt);
    for (std::size_t p = 0; p < preds.size(); ++p) {
      if (preds[p].vertices.empty() || !preds[p].vertices.points(sample).allFinite()) continue;
      evaluator.renderPrediction(sample, p, pred);
      const SampleMetrics scored = scorer.score(pred, *mask, gt);
      setMaskMetrics(sample, preds[p].name, scored);
    }
  }
}

}  // namespace handalign
