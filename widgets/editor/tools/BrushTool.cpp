#include "tools/BrushTool.h"

#include "MaskEditor.h"

namespace handalign {

QString BrushTool::name() const {
  return eraser_ ? MaskEditor::tr("Eraser") : MaskEditor::tr("Brush");
}

QString BrushTool::help() const {
  return eraser_ ? MaskEditor::tr("Erase the active label ([ ] or Ctrl+wheel: size)")
                 : MaskEditor::tr(
                       "Paint the active label (right-drag erases; [ ] or Ctrl+wheel: size)");
}

QString BrushTool::editName(bool erase) const {
  return erase ? MaskEditor::tr("Erase") : MaskEditor::tr("Brush");
}

bool BrushTool::press(ImagePoint p, bool erase, Qt::KeyboardModifiers) {
  if (painting_) return true;  // the second button during a stroke
  erase_ = erase || eraser_;   // right-drag: a temporary eraser
  painting_ = true;
  editor_.setDragging(true);
  const MaskBrush b = editor_.brush(erase_);
  editor_.beginEdit(b);
  last_ = p;
  editor_.showEdit(paintDab(editor_.mask_, p, radius(), b));
  return true;
}

void BrushTool::move(ImagePoint p) {
  if (!painting_) return;
  editor_.showEdit(paintSegment(editor_.mask_, last_, p, radius(), editor_.brush(erase_)));
  last_ = p;
}

bool BrushTool::release(ImagePoint) {
  if (!painting_) return false;
  finish();
  return true;
}

void BrushTool::finish() {
  if (!painting_) return;
  painting_ = false;
  editor_.setDragging(false);
  editor_.commitEdit(editName(erase_), {});
}

void BrushTool::cancel() {
  if (!painting_) return;
  painting_ = false;
  editor_.setDragging(false);
  editor_.revertGesture();  // what the stroke painted goes
}

}  // namespace handalign
