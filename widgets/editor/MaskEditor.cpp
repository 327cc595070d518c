#include "MaskEditor.h"

#include "tools/BrushTool.h"
#include "tools/FloodFillTool.h"
#include "tools/FromMeshTool.h"
#include "tools/GrabCutTool.h"
#include "tools/PolygonTool.h"

#include "MaskEditCommand.h"
#include "canvas/ImageCanvas.h"

#include <QAction>
#include <QActionGroup>
#include <QUndoStack>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

namespace handalign {
namespace {

QRect toQRect(PixelRect r) {
  return r.empty() ? QRect() : QRect(r.x0, r.y0, r.width(), r.height());
}

// 8-bit RGB copy of `image` at w×h (GrabCut's input).
cv::Mat rgbMat(const QImage& image, int w, int h) {
  if (image.isNull() || w <= 0 || h <= 0) return {};
  QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  if (rgb.size() != QSize(w, h))
    rgb = rgb.scaled(w, h, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  cv::Mat out(h, w, CV_8UC3);
  for (int y = 0; y < h; ++y) std::copy_n(rgb.constScanLine(y), 3 * w, out.ptr<std::uint8_t>(y));
  return out;
}

}  // namespace

MaskEditor::MaskEditor(QObject* parent) : QObject(parent) {
  stack_ = new QUndoStack(this);
  stack_->setUndoLimit(undoLimit_);
  connect(stack_, &QUndoStack::cleanChanged, this,
          [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
  tools_ = {std::make_unique<BrushTool>(*this, false), std::make_unique<BrushTool>(*this, true),
            std::make_unique<PolygonTool>(*this),      std::make_unique<FloodFillTool>(*this),
            std::make_unique<GrabCutTool>(*this),      std::make_unique<FromMeshTool>(*this)};
  createActions();
  retranslate();
}

MaskEditor::~MaskEditor() { attach(nullptr); }

void MaskEditor::createActions() {
  toolGroup_ = new QActionGroup(this);
  // Exclusive: choosing the active tool again keeps it; Esc (or setTool(None)) unchecks them all.
  toolGroup_->setExclusionPolicy(QActionGroup::ExclusionPolicy::Exclusive);
  for (int i = 0; i < kToolCount; ++i) {
    auto* a = new QAction(this);
    a->setCheckable(true);
    a->setShortcut(QKeySequence(Qt::Key(Qt::Key_1 + i)));
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setActionGroup(toolGroup_);
    const Tool tool = Tool(i + 1);
    connect(a, &QAction::triggered, this, [this, tool] { setTool(tool); });
    toolActions_[std::size_t(i)] = a;
  }
  const auto make = [this](QKeySequence key, auto slot) {
    auto* a = new QAction(this);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  leaveAction_ = make(QKeySequence(Qt::Key_Escape), [this] { leaveTool(); });
  growAction_ = make(QKeySequence(Qt::Key_BracketRight), [this] { growBrush(); });
  shrinkAction_ = make(QKeySequence(Qt::Key_BracketLeft), [this] { shrinkBrush(); });
  protectAction_ = new QAction(this);
  protectAction_->setCheckable(true);
  protectAction_->setChecked(protect_);
  connect(protectAction_, &QAction::toggled, this, &MaskEditor::setProtectOthers);
  for (int i = 0; i < kMeshSourceCount; ++i) {
    auto* a = new QAction(this);
    connect(a, &QAction::triggered, this, [this, i] { applyMeshProposal(MeshSource(i)); });
    fromMeshActions_[std::size_t(i)] = a;
  }
  undoAction_ = stack_->createUndoAction(this);
  undoAction_->setShortcut(QKeySequence::Undo);
  redoAction_ = stack_->createRedoAction(this);
  QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
  if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)))  // a duplicate would be ambiguous
    redoKeys << QKeySequence(Qt::CTRL | Qt::Key_Y);
  redoAction_->setShortcuts(redoKeys);
}

void MaskEditor::retranslate() {
  for (int i = 0; i < kToolCount; ++i) {  // names and help come from the tools themselves
    QAction* a = toolActions_[std::size_t(i)];
    const EditorTool& tool = *tools_[std::size_t(i)];
    a->setText(tool.name());
    a->setToolTip(
        QStringLiteral("%1 (%2)\n%3")
            .arg(tool.name(), a->shortcut().toString(QKeySequence::NativeText), tool.help()));
  }
  leaveAction_->setText(tr("Leave Tool"));
  leaveAction_->setToolTip(tr("Leave the editing tool (Esc)"));
  growAction_->setText(tr("Larger Brush"));
  growAction_->setToolTip(tr("Larger brush (])"));
  shrinkAction_->setText(tr("Smaller Brush"));
  shrinkAction_->setToolTip(tr("Smaller brush ([)"));
  protectAction_->setText(tr("Protect"));
  protectAction_->setToolTip(
      tr("Protect other labels: painting one label never changes pixels of another part"));
  const QString meshes[kMeshSourceCount] = {tr("From Reference Mesh"), tr("From Shown Mesh"),
                                            tr("From GT Mesh"), tr("From Network Segmentation")};
  for (int i = 0; i < kMeshSourceCount; ++i) {
    fromMeshActions_[std::size_t(i)]->setText(meshes[i]);
    fromMeshActions_[std::size_t(i)]->setToolTip(
        i == int(MeshSource::Network)
            ? tr("Replace the active label with the shown method's own segmentation output "
                 "(handalign infer --segmentation; undoable)")
            : tr("Replace the active label with the mesh's rendered silhouette (undoable)"));
  }
  undoAction_->setToolTip(
      tr("Undo the last stroke (%1)")
          .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
  redoAction_->setToolTip(
      tr("Redo (%1)").arg(QKeySequence(QKeySequence::Redo).toString(QKeySequence::NativeText)));
}

QList<QAction*> MaskEditor::actions() const {
  QList<QAction*> out{undoAction_, redoAction_};
  for (QAction* a : toolActions_) out << a;
  out << leaveAction_ << shrinkAction_ << growAction_ << protectAction_;
  for (QAction* a : fromMeshActions_) out << a;
  return out;
}

void MaskEditor::attach(ImageCanvas* canvas) {
  if (canvas_ == canvas) return;
  if (canvas_) {
    cancelGesture();
    canvas_->removeEventFilter(this);
    for (QAction* a : actions()) canvas_->removeAction(a);
    canvas_->setEditMask(MaskAnnotation());
    canvas_->setBrushCursor(std::nullopt, 0);
    canvas_->setRubberBand({}, false);
    canvas_->unsetCursor();
  }
  canvas_ = canvas;
  if (!canvas_) return;
  canvas_->installEventFilter(this);
  canvas_->addActions(actions());
  canvas_->setEditMaskStyle(color_, opacity_);
  canvas_->setEditMask(mask_);
  if (EditorTool* t = active()) canvas_->setCursor(t->cursor());
}

void MaskEditor::load(const MaskAnnotation& mask, const QImage& image) {
  cancelGesture();
  stack_->clear();
  stack_->setUndoLimit(undoLimit_);
  mask_ = mask;
  if (mask_.hasParts() &&
      (mask_.parts.width != mask_.width() || mask_.parts.height != mask_.height()))
    mask_.parts = resampleNearest(mask_.parts, mask_.width(), mask_.height());
  image_ = rgbMat(image, mask_.width(), mask_.height());
  if (canvas_) canvas_->setEditMask(mask_);
  stack_->setClean();
}

void MaskEditor::clear() {
  for (int i = 0; i < kMeshSourceCount; ++i) setMeshLabels(MeshSource(i), LabelImage());
  load(MaskAnnotation(), QImage());
}

bool MaskEditor::isModified() const { return !stack_->isClean(); }

void MaskEditor::setSaved() { stack_->setClean(); }

void MaskEditor::setMeshLabels(MeshSource source, const LabelImage& labels,
                               const QString& whyNone) {
  meshLabels_[idx(source)] = labels;
  whyNoProposal_[idx(source)] = whyNone;
  fromMeshActions_[idx(source)]->setEnabled(!labels.empty());
  Q_EMIT proposalsChanged();
}

void MaskEditor::setTool(Tool tool) {
  if (tool == tool_) return;
  if (EditorTool* t = active(); t && t->busy()) t->finish();  // a tool key keeps the stroke
  cancelGesture();
  tool_ = tool;
  for (int i = 0; i < kToolCount; ++i) toolActions_[std::size_t(i)]->setChecked(int(tool) == i + 1);
  if (canvas_) {
    EditorTool* t = active();
    t ? canvas_->setCursor(t->cursor()) : canvas_->unsetCursor();
    if (!t) canvas_->setBrushCursor(std::nullopt, 0);
  }
  Q_EMIT toolChanged(tool);
}

void MaskEditor::setLabel(int label) {
  label = std::clamp(label, 0, kPartCount);
  if (label == label_) return;
  label_ = label;
  Q_EMIT labelChanged(label);
}

void MaskEditor::setProtectOthers(bool on) {
  if (on == protect_) return;
  protect_ = on;
  protectAction_->setChecked(on);
  Q_EMIT settingsChanged();
}

void MaskEditor::setBrushSize(int diameter) {
  diameter = std::clamp(diameter, kMinBrush, kMaxBrush);
  if (diameter == brushSize_) return;
  brushSize_ = diameter;
  if (canvas_ && !(active() && active()->busy())) canvas_->setBrushCursor(std::nullopt, 0);
  Q_EMIT brushSizeChanged(diameter);
}

// Steps of about 25 %, at least one pixel: 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 19, 24, ...
void MaskEditor::growBrush() {
  setBrushSize(std::max(brushSize_ + 1, int(std::lround(brushSize_ * 1.25))));
}

void MaskEditor::shrinkBrush() {
  setBrushSize(std::min(brushSize_ - 1, int(std::lround(brushSize_ / 1.25))));
}

void MaskEditor::setGrabCutFromBox(bool box) {
  if (box == grabCutBox_) return;
  grabCutBox_ = box;
  Q_EMIT settingsChanged();
}

void MaskEditor::setMeshSource(MeshSource source) {
  if (source == meshSource_) return;
  meshSource_ = source;
  Q_EMIT settingsChanged();
}

void MaskEditor::setOverlayStyle(const QColor& color, float opacity) {
  color_ = color;
  opacity_ = std::clamp(opacity, 0.0f, 1.0f);
  if (canvas_) canvas_->setEditMaskStyle(color_, opacity_);
  Q_EMIT settingsChanged();
}

void MaskEditor::setUndoLimit(int steps) {
  undoLimit_ = std::max(0, steps);
  if (stack_->count() == 0) stack_->setUndoLimit(undoLimit_);
}

MaskBrush MaskEditor::brush(bool erase) const {
  return MaskBrush{std::uint8_t(label_), erase, protect_};
}

void MaskEditor::beginEdit(const MaskBrush& b) {
  Q_EMIT editStarted();
  before_ = mask_;  // reuses before_'s storage: a memcpy, no allocation after the first stroke
  gestureDirty_ = {};
  // The first part edit starts the part layer from the GT mesh's parts (inside the hand).
  if (b.label != 0 && !b.erase) {
    const LabelImage& gt = meshLabels_[idx(MeshSource::GroundTruth)];
    if (ensurePartLayer(mask_, gt.empty() ? nullptr : &gt)) showEdit(PixelRect::of(mask_));
  }
}

void MaskEditor::showEdit(PixelRect dirty) {
  gestureDirty_ = gestureDirty_.united(dirty);
  if (canvas_ && !dirty.empty()) canvas_->updateEditMask(mask_, toQRect(dirty));
}

bool MaskEditor::commitEdit(const QString& name, PixelRect dirty) {
  showEdit(dirty);
  MaskEdit edit = MaskEdit::between(before_, mask_, gestureDirty_);
  gestureDirty_ = {};
  if (edit.empty()) return false;
  const QRect changed = toQRect(edit.rect());
  stack_->push(new MaskEditCommand(this, std::move(edit), name));
  Q_EMIT maskEdited(changed);
  return true;
}

void MaskEditor::setDragging(bool on) {
  // Undo while the mouse still paints would undo a stroke under the one being drawn.
  undoAction_->setEnabled(!on && stack_->canUndo());
  redoAction_->setEnabled(!on && stack_->canRedo());
}

void MaskEditor::cancelGesture() {
  if (EditorTool* t = active()) t->cancel();
  gestureDirty_ = {};
  if (canvas_) canvas_->setRubberBand({}, false);
}

void MaskEditor::revertGesture() {
  if (gestureDirty_.empty()) return;
  MaskEdit::between(before_, mask_, gestureDirty_).undo(mask_);
  if (canvas_) canvas_->updateEditMask(mask_, toQRect(gestureDirty_));
  gestureDirty_ = {};
}

void MaskEditor::applyRecord(const MaskEdit& edit, bool undo) {
  cancelGesture();
  undo ? edit.undo(mask_) : edit.redo(mask_);
  if (canvas_) canvas_->updateEditMask(mask_, toQRect(edit.rect()));
  Q_EMIT maskEdited(toQRect(edit.rect()));
}

void MaskEditor::leaveTool() {
  if (active() && active()->busy()) {
    cancelGesture();  // the first Esc drops the polygon or stroke in progress
    return;
  }
  setTool(Tool::None);
}

bool MaskEditor::applyMask(const MaskAnnotation& mask, const QString& name) {
  if (!hasAnnotation() || mask.width() != mask_.width() || mask.height() != mask_.height())
    return false;
  cancelGesture();
  before_ = mask_;
  gestureDirty_ = {};
  mask_.hand = mask.hand;
  if (mask.hasParts()) mask_.parts = mask.parts;
  return commitEdit(name, PixelRect::of(mask_));
}

bool MaskEditor::applyMeshProposal(MeshSource source, bool erase) {
  const LabelImage& labels = meshLabels_[idx(source)];
  if (!hasAnnotation() || labels.empty()) {
    const QString& why = whyNoProposal_[idx(source)];
    Q_EMIT message(!why.isEmpty()                  ? why
                   : source == MeshSource::Network ? tr("The shown method has no network "
                                                        "segmentation for this sample")
                                                   : tr("No rendered mesh to start from"));
    return false;
  }
  if (source == MeshSource::Network && label_ != 0 &&
      std::none_of(labels.pixels.begin(), labels.pixels.end(),
                   [](std::uint8_t v) { return v != 0 && v != kHandWithoutPart; })) {
    Q_EMIT message(tr("The network segmentation gives the hand only, no parts"));
    return false;
  }
  cancelGesture();
  const MaskBrush b = brush(erase);
  beginEdit(b);
  const PixelRect dirty = handalign::applyMeshProposal(mask_, labels, b);
  const QString names[kMeshSourceCount] = {tr("From reference mesh"), tr("From shown mesh"),
                                           tr("From GT mesh"), tr("From network segmentation")};
  return commitEdit(names[idx(source)], dirty);
}

namespace {
constexpr const char* kToolIds[] = {"",           "brush",   "eraser",   "polygon",
                                    "flood_fill", "grabcut", "from_mesh"};
}  // namespace

std::string MaskEditor::toolId(Tool tool) { return kToolIds[int(tool)]; }

std::optional<MaskEditor::Tool> MaskEditor::toolFromId(const std::string& id) {
  for (int i = 0; i <= kToolCount; ++i)
    if (id == kToolIds[i]) return Tool(i);
  // Before tools had ids the resume point was the enum's value, which then meant the same tools.
  if (id.size() == 1 && id[0] >= '0' && id[0] <= '6') return Tool(id[0] - '0');
  return std::nullopt;
}

}  // namespace handalign
