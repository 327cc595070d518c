#include "tools/GrabCutTool.h"

#include "MaskEditor.h"
#include "canvas/ImageCanvas.h"

#include <QGuiApplication>

#include <algorithm>
#include <cmath>

namespace handalign {
namespace {
constexpr int kGrabCutIterations = 5;
}

QString GrabCutTool::name() const { return MaskEditor::tr("GrabCut"); }

QString GrabCutTool::help() const {
  return MaskEditor::tr(
      "Drag a rough stroke over the object (or a box, Shift+drag) and let GrabCut find it");
}

QString GrabCutTool::editName(bool erase) const {
  return erase ? MaskEditor::tr("GrabCut erase") : MaskEditor::tr("GrabCut");
}

bool GrabCutTool::showsBrushRing() const { return !editor_.grabCutFromBox() && !box_; }

bool GrabCutTool::press(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) {
  if (dragging_) return true;  // the second button during a drag
  dragging_ = true;
  editor_.setDragging(true);
  erase_ = erase;
  box_ = editor_.grabCutFromBox() || (modifiers & Qt::ShiftModifier);
  points_ = QPolygonF{QPointF(p.x, p.y)};
  return true;
}

void GrabCutTool::move(ImagePoint p) {
  if (!dragging_) return;
  if (box_) points_.resize(1);
  points_ << QPointF(p.x, p.y);
}

bool GrabCutTool::release(ImagePoint p) {
  if (!dragging_) return false;
  run(QPointF(p.x, p.y));
  return true;
}

void GrabCutTool::cancel() {
  if (dragging_) editor_.setDragging(false);
  dragging_ = false;
  points_.clear();
}

void GrabCutTool::decorate(QPointF cursor) {
  EditorTool::decorate(cursor);
  if (!dragging_) return;
  if (box_) {
    const QRectF box = QRectF(points_.first(), points_.last()).normalized();
    canvas().setRubberBand(QPolygonF(box).mid(0, 4), true);
  } else {
    canvas().setRubberBand(points_, false, editor_.brushSize());
  }
}

void GrabCutTool::run(QPointF end) {
  QPolygonF points = points_;
  const bool box = box_, erase = erase_;
  editor_.cancelGesture();
  box_ = false;
  const cv::Mat& image = editor_.image_;
  if (image.empty()) {
    Q_EMIT editor_.message(MaskEditor::tr("GrabCut needs the sample's image"));
    return;
  }
  std::optional<MaskRegion> region;
  std::string error;
  QGuiApplication::setOverrideCursor(Qt::WaitCursor);
  if (box) {
    const QRectF r = QRectF(points.first(), end).normalized();
    region = grabCutBox(image,
                        {int(std::floor(r.left())), int(std::floor(r.top())),
                         int(std::ceil(r.right())), int(std::ceil(r.bottom()))},
                        kGrabCutIterations, &error);
  } else {
    // The stroke as the brush drew it. The margin lets GrabCut see the object's surroundings: the
    // crop's frame is taken as sure background, so it must lie beyond the object, which a rough
    // stroke over it covers only in part (the object may reach a stroke's length beyond it).
    const MaskAnnotation& mask = editor_.mask_;
    MaskAnnotation stroke;
    stroke.hand.reset(mask.width(), mask.height(), 0);
    PixelRect extent;
    points << end;
    for (qsizetype i = 0; i + 1 < points.size(); ++i)
      extent = extent.united(paintSegment(stroke, {points[i].x(), points[i].y()},
                                          {points[i + 1].x(), points[i + 1].y()}, radius(),
                                          MaskBrush{}));
    const int size = editor_.brushSize();
    const int margin = std::max({24, 2 * size, std::max(extent.width(), extent.height())});
    region = grabCutScribble(image, stroke.hand, margin, kGrabCutIterations, &error);
  }
  QGuiApplication::restoreOverrideCursor();
  if (!region) {
    Q_EMIT editor_.message(
        MaskEditor::tr("GrabCut found nothing: %1").arg(QString::fromStdString(error)));
    return;
  }
  // A box delimits the object: inside it GrabCut's answer replaces the label. A stroke only adds
  // what it found (or, with the right button, erases it).
  const MaskBrush b = editor_.brush(erase);
  editor_.beginEdit(b);
  editor_.commitEdit(editName(erase), applyRegion(editor_.mask_, *region, b, box && !erase));
}

}  // namespace handalign
