// MaskEditor's input: mouse, wheel and keys on the canvas, turned into strokes (MaskEditor.h).
#include "MaskEditor.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace handalign {

ImagePoint MaskEditor::toImage(QPointF widgetPoint) const {
  const QPointF p = canvas_->mapToImage(widgetPoint);
  return {p.x(), p.y()};
}

bool MaskEditor::eventFilter(QObject* watched, QEvent* event) {
  if (!canvas_ || watched != canvas_.data()) return QObject::eventFilter(watched, event);
  switch (event->type()) {
    case QEvent::MouseButtonPress:
      return mousePress(static_cast<QMouseEvent*>(event), false);
    case QEvent::MouseButtonDblClick:  // Qt sends a double-click instead of the second press
      return mousePress(static_cast<QMouseEvent*>(event), true);
    case QEvent::MouseMove:
      mouseMove(static_cast<QMouseEvent*>(event));
      return false;  // the canvas's pixel inspector follows the cursor as before
    case QEvent::MouseButtonRelease:
      return mouseRelease(static_cast<QMouseEvent*>(event));
    case QEvent::Wheel:
      return wheel(static_cast<QWheelEvent*>(event));
    case QEvent::KeyPress:
      return active() && active()->key(static_cast<QKeyEvent*>(event));
    case QEvent::Leave:
      canvas_->setBrushCursor(std::nullopt, 0);
      return false;
    default:
      return false;
  }
}

bool MaskEditor::mousePress(QMouseEvent* e, bool doubleClick) {
  const bool left = e->button() == Qt::LeftButton, right = e->button() == Qt::RightButton;
  EditorTool* tool = active();
  if (!tool || !hasAnnotation() || (!left && !right)) return false;  // the middle button pans
  canvas_->setFocus(Qt::MouseFocusReason);
  const ImagePoint p = toImage(e->position());
  if (doubleClick)
    tool->doubleClick(p, right, e->modifiers());
  else
    tool->press(p, right, e->modifiers());
  if (active() == tool) tool->decorate(QPointF(p.x, p.y));
  return true;
}

void MaskEditor::mouseMove(QMouseEvent* e) {
  EditorTool* tool = active();
  if (!hasAnnotation() || !tool) return;
  const ImagePoint p = toImage(e->position());
  tool->move(p);
  tool->decorate(QPointF(p.x, p.y));
}

bool MaskEditor::mouseRelease(QMouseEvent* e) {
  const bool ours = e->button() == Qt::LeftButton || e->button() == Qt::RightButton;
  EditorTool* tool = active();
  if (tool && tool->release(toImage(e->position()))) return true;
  return ours && tool && hasAnnotation();
}

bool MaskEditor::wheel(QWheelEvent* e) {
  if (!active() || !(e->modifiers() & Qt::ControlModifier)) return false;  // zoom
  const int dy = e->angleDelta().y();
  if (dy > 0) growBrush();
  if (dy < 0) shrinkBrush();
  active()->decorate(canvas_->mapToImage(e->position()));
  e->accept();
  return true;
}

}  // namespace handalign
