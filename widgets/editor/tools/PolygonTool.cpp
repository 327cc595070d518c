#include "tools/PolygonTool.h"

#include "MaskEditor.h"

#include <QKeyEvent>
#include <QLineF>

namespace handalign {
namespace {
constexpr double kCloseDistance = 8;  // logical pixels from the first vertex close a polygon
}

QString PolygonTool::name() const { return MaskEditor::tr("Polygon"); }

QString PolygonTool::help() const {
  return MaskEditor::tr(
      "Click the vertices, double-click or Enter to fill; right-click vertices to erase");
}

QString PolygonTool::editName(bool erase) const {
  return erase ? MaskEditor::tr("Polygon erase") : MaskEditor::tr("Polygon fill");
}

bool PolygonTool::press(ImagePoint p, bool erase, Qt::KeyboardModifiers) {
  if (points_.isEmpty()) {
    erase_ = erase;
  } else if (points_.size() >= 3 &&
             QLineF(canvas().mapFromImage(points_.first()), canvas().mapFromImage({p.x, p.y}))
                     .length() <= kCloseDistance) {
    close();
    return true;
  }
  points_ << QPointF(p.x, p.y);
  return true;
}

bool PolygonTool::doubleClick(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) {
  if (points_.isEmpty()) return press(p, erase, modifiers);  // Qt sends it for the second press
  close();
  return true;
}

bool PolygonTool::key(QKeyEvent* e) {
  if (points_.isEmpty()) return false;
  if (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) {
    close();
    return true;
  }
  if (e->key() == Qt::Key_Backspace) {
    points_.removeLast();
    if (points_.isEmpty())
      editor_.cancelGesture();
    else
      canvas().setRubberBand(points_, false);
    return true;
  }
  return false;
}

void PolygonTool::cancel() { points_.clear(); }

void PolygonTool::decorate(QPointF cursor) {
  EditorTool::decorate(cursor);
  if (!points_.isEmpty()) canvas().setRubberBand(QPolygonF(points_) << cursor, false);
}

void PolygonTool::close() {
  std::vector<ImagePoint> polygon;
  for (const QPointF& p : points_) polygon.push_back({p.x(), p.y()});
  const bool erase = erase_;
  editor_.cancelGesture();
  if (polygon.size() < 3) return;
  const MaskBrush b = editor_.brush(erase);
  editor_.beginEdit(b);
  editor_.commitEdit(editName(erase), fillPolygon(editor_.mask_, polygon, b));
}

}  // namespace handalign
