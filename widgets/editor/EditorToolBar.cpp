#include "EditorToolBar.h"

#include "MaskEditor.h"
#include "canvas/PartPalette.h"
#include "hand/Part.h"

#include <QAction>
#include <QColorDialog>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QUndoStack>

#include <cmath>

namespace handalign {
namespace {

QIcon swatch(const QColor& c) {
  QPixmap p(14, 14);
  p.fill(Qt::transparent);
  QPainter painter(&p);
  painter.setPen(QColor(0, 0, 0, 160));
  painter.setBrush(c);
  painter.drawRect(0, 0, 13, 13);
  return QIcon(p);
}

QString undoKey() { return QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText); }

}  // namespace

EditorToolBar::EditorToolBar(MaskEditor* editor, QWidget* parent)
    : QToolBar(parent), editor_(editor) {
  setObjectName(QStringLiteral("MaskEditorToolBar"));
  setToolButtonStyle(Qt::ToolButtonTextOnly);
  // Own Undo / Redo buttons with fixed texts (the stack's actions name the command, which would
  // resize the buttons and move every tool after each stroke); the command is in the tooltip.
  QUndoStack* stack = editor->undoStack();
  undo_ = addAction(QString(), stack, &QUndoStack::undo);
  redo_ = addAction(QString(), stack, &QUndoStack::redo);
  undo_->setEnabled(stack->canUndo());
  redo_->setEnabled(stack->canRedo());
  connect(stack, &QUndoStack::canUndoChanged, undo_, &QAction::setEnabled);
  connect(stack, &QUndoStack::canRedoChanged, redo_, &QAction::setEnabled);
  connect(stack, &QUndoStack::undoTextChanged, this, &EditorToolBar::updateUndoTips);
  connect(stack, &QUndoStack::redoTextChanged, this, &EditorToolBar::updateUndoTips);
  addSeparator();
  for (int i = 1; i <= MaskEditor::kToolCount; ++i)
    addAction(editor->toolAction(MaskEditor::Tool(i)));
  box_ = addAction(QString());
  box_->setCheckable(true);
  mesh_ = new QComboBox;
  for (int i = 0; i < MaskEditor::kMeshSourceCount; ++i) mesh_->addItem(QString());
  addWidget(mesh_);
  addSeparator();
  label_ = new QComboBox;
  for (int i = 0; i <= kPartCount; ++i) label_->addItem(QString(), i);
  addWidget(label_);
  addAction(editor->protectAction());
  addSeparator();
  size_ = new QSpinBox;
  size_->setRange(MaskEditor::kMinBrush, MaskEditor::kMaxBrush);
  addWidget(size_);
  opacityCaption_ = new QLabel;
  addWidget(opacityCaption_);
  opacity_ = new QSlider(Qt::Horizontal);
  opacity_->setRange(0, 100);
  opacity_->setMaximumWidth(90);
  addWidget(opacity_);
  color_ = new QToolButton;
  addWidget(color_);

  connect(box_, &QAction::toggled, editor, &MaskEditor::setGrabCutFromBox);
  connect(mesh_, &QComboBox::currentIndexChanged, editor,
          [editor](int i) { editor->setMeshSource(MaskEditor::MeshSource(i)); });
  connect(label_, &QComboBox::currentIndexChanged, editor, &MaskEditor::setLabel);
  connect(size_, &QSpinBox::valueChanged, editor, &MaskEditor::setBrushSize);
  connect(opacity_, &QSlider::valueChanged, editor,
          [editor](int v) { editor->setOverlayStyle(editor->overlayColor(), float(v) / 100.0f); });
  connect(color_, &QToolButton::clicked, this, &EditorToolBar::chooseColor);
  connect(editor, &MaskEditor::labelChanged, this, &EditorToolBar::sync);
  connect(editor, &MaskEditor::brushSizeChanged, this, &EditorToolBar::sync);
  connect(editor, &MaskEditor::settingsChanged, this, &EditorToolBar::sync);
  connect(editor, &MaskEditor::proposalsChanged, this, &EditorToolBar::sync);
  retranslate();
  sync();
}

void EditorToolBar::sync() {
  const QSignalBlocker b1(label_), b2(size_), b3(opacity_), b4(box_), b5(mesh_);
  label_->setCurrentIndex(editor_->label());
  size_->setValue(editor_->brushSize());
  opacity_->setValue(int(std::lround(editor_->overlayOpacity() * 100)));
  box_->setChecked(editor_->grabCutFromBox());
  mesh_->setCurrentIndex(int(editor_->meshSource()));
  // The network's segmentation exists for some runs and samples only: greyed out otherwise.
  if (auto* items = qobject_cast<QStandardItemModel*>(mesh_->model()))
    items->item(int(MaskEditor::MeshSource::Network))
        ->setEnabled(editor_->hasMeshLabels(MaskEditor::MeshSource::Network));
  updateLabelIcons();
}

void EditorToolBar::updateUndoTips() {
  const QUndoStack* stack = editor_->undoStack();
  undo_->setToolTip(stack->canUndo() ? tr("Undo: %1 (%2)").arg(stack->undoText(), undoKey())
                                     : tr("Nothing to undo"));
  redo_->setToolTip(stack->canRedo() ? tr("Redo: %1").arg(stack->redoText())
                                     : tr("Nothing to redo"));
}

void EditorToolBar::updateLabelIcons() {
  label_->setItemIcon(0, swatch(editor_->overlayColor()));
  for (int i = 1; i <= kPartCount; ++i)
    label_->setItemIcon(i, swatch(kPartPalette[std::size_t(i)]));
  color_->setIcon(swatch(editor_->overlayColor()));
}

void EditorToolBar::chooseColor() {
  const QColor c = QColorDialog::getColor(editor_->overlayColor(), this, tr("Mask Colour"));
  if (c.isValid()) editor_->setOverlayStyle(c, editor_->overlayOpacity());
}

void EditorToolBar::retranslate() {
  setWindowTitle(tr("Mask Editing"));
  undo_->setText(tr("Undo"));
  redo_->setText(tr("Redo"));
  updateUndoTips();
  box_->setText(tr("Box"));
  box_->setToolTip(tr("GrabCut from a box instead of a rough stroke (Shift+drag draws a box too)"));
  mesh_->setItemText(0, tr("Reference method"));
  mesh_->setItemText(1, tr("Shown method"));
  mesh_->setItemText(2, tr("GT"));
  mesh_->setItemText(3, tr("Network segmentation"));
  mesh_->setToolTip(
      tr("The mesh whose silhouette the From-mesh tool takes, or the shown "
         "method's own segmentation output"));
  label_->setItemText(0, tr("Hand"));
  const QString parts[kPartCount] = {tr("Palm"),   tr("Thumb"), tr("Index"),
                                     tr("Middle"), tr("Ring"),  tr("Pinky")};
  for (int i = 0; i < kPartCount; ++i) label_->setItemText(i + 1, parts[i]);
  label_->setToolTip(tr("The label that the tools paint or erase"));
  size_->setSuffix(tr(" px"));
  size_->setToolTip(tr("Brush diameter in image pixels ([ and ], or Ctrl+wheel)"));
  opacityCaption_->setText(tr("Opacity"));
  opacity_->setToolTip(tr("Opacity of the mask being edited"));
  color_->setToolTip(tr("Colour of the hand in the mask being edited"));
}

void EditorToolBar::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) {
    editor_->retranslate();
    retranslate();
  }
  QToolBar::changeEvent(e);
}

}  // namespace handalign
