// MaskEditor's input: mouse, wheel and keys on the canvas, turned into strokes (MaskEditor.h).
#include "MaskEditor.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace handalign {
namespace {

constexpr int kGrabCutIterations = 5;
constexpr double kCloseDistance = 8;  // logical pixels from the first vertex close a polygon

}  // namespace

ImagePoint MaskEditor::toImage(QPointF widgetPoint) const {
  const QPointF p = canvas_->mapToImage(widgetPoint);
  return {p.x(), p.y()};
}

bool MaskEditor::eventFilter(QObject* watched, QEvent* event) {
  if (!canvas_ || watched != canvas_.data()) return QObject::eventFilter(watched, event);
  switch (event->type()) {
    case QEvent::MouseButtonPress:
      return mousePress(static_cast<QMouseEvent*>(event));
    case QEvent::MouseButtonDblClick:
      // Qt sends a double-click instead of the second press.
      if (gesture_ == Gesture::Polygon) {
        closePolygon();
        return true;
      }
      return mousePress(static_cast<QMouseEvent*>(event));
    case QEvent::MouseMove:
      mouseMove(static_cast<QMouseEvent*>(event));
      return false;  // the canvas's pixel inspector follows the cursor as before
    case QEvent::MouseButtonRelease:
      return mouseRelease(static_cast<QMouseEvent*>(event));
    case QEvent::Wheel:
      return wheel(static_cast<QWheelEvent*>(event));
    case QEvent::KeyPress:
      return keyPress(static_cast<QKeyEvent*>(event));
    case QEvent::Leave:
      canvas_->setBrushCursor(std::nullopt, 0);
      return false;
    default:
      return false;
  }
}

bool MaskEditor::mousePress(QMouseEvent* e) {
  const bool left = e->button() == Qt::LeftButton, right = e->button() == Qt::RightButton;
  if (tool_ == Tool::None || !hasAnnotation() || (!left && !right)) return false;  // middle pans
  canvas_->setFocus(Qt::MouseFocusReason);
  if (gesture_ == Gesture::Paint || gesture_ == Gesture::GrabCut) return true;  // second button
  const ImagePoint p = toImage(e->position());
  const double radius = brushSize_ / 2.0;
  switch (tool_) {
    case Tool::Brush:
    case Tool::Eraser: {
      gestureErase_ = right || tool_ == Tool::Eraser;  // right-drag: a temporary eraser
      gesture_ = Gesture::Paint;
      setDragging(true);
      const MaskBrush b = brush(gestureErase_);
      beginEdit(b);
      last_ = p;
      showEdit(paintDab(mask_, p, radius, b));
      break;
    }
    case Tool::Polygon:
      if (gesture_ == Gesture::None) {
        gesture_ = Gesture::Polygon;
        gestureErase_ = right;
        points_.clear();
      } else if (points_.size() >= 3 &&
                 QLineF(canvas_->mapFromImage(points_.first()), e->position()).length() <=
                     kCloseDistance) {
        closePolygon();
        return true;
      }
      points_ << QPointF(p.x, p.y);
      break;
    case Tool::FloodFill: {
      const int x = int(std::floor(p.x)), y = int(std::floor(p.y));
      if (x < 0 || y < 0 || x >= mask_.width() || y >= mask_.height()) return true;
      const MaskBrush b = brush(right);
      beginEdit(b);
      commitEdit(actionName(tool_, right), floodFill(mask_, x, y, b));
      break;
    }
    case Tool::GrabCut:
      gesture_ = Gesture::GrabCut;
      setDragging(true);
      gestureErase_ = right;
      gestureBox_ = grabCutBox_ || (e->modifiers() & Qt::ShiftModifier);
      points_ = QPolygonF{QPointF(p.x, p.y)};
      break;
    case Tool::FromMesh:
      applyMeshProposal(meshSource_, right);
      break;
    case Tool::None:
      break;
  }
  updateGuides(QPointF(p.x, p.y));
  return true;
}

void MaskEditor::mouseMove(QMouseEvent* e) {
  if (!hasAnnotation() || tool_ == Tool::None) return;
  const ImagePoint p = toImage(e->position());
  if (gesture_ == Gesture::Paint) {
    showEdit(paintSegment(mask_, last_, p, brushSize_ / 2.0, brush(gestureErase_)));
    last_ = p;
  } else if (gesture_ == Gesture::GrabCut) {
    if (gestureBox_) points_.resize(1);
    points_ << QPointF(p.x, p.y);
  }
  updateGuides(QPointF(p.x, p.y));
}

bool MaskEditor::mouseRelease(QMouseEvent* e) {
  const bool ours = e->button() == Qt::LeftButton || e->button() == Qt::RightButton;
  if (gesture_ == Gesture::Paint) {
    finishStroke();
    return true;
  }
  if (gesture_ == Gesture::GrabCut) {
    finishGrabCut(canvas_->mapToImage(e->position()));
    return true;
  }
  return ours && tool_ != Tool::None && hasAnnotation();
}

bool MaskEditor::wheel(QWheelEvent* e) {
  if (tool_ == Tool::None || !(e->modifiers() & Qt::ControlModifier)) return false;  // zoom
  const int dy = e->angleDelta().y();
  if (dy > 0) growBrush();
  if (dy < 0) shrinkBrush();
  updateGuides(canvas_->mapToImage(e->position()));
  e->accept();
  return true;
}

bool MaskEditor::keyPress(QKeyEvent* e) {
  if (gesture_ != Gesture::Polygon) return false;
  if (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) {
    closePolygon();
    return true;
  }
  if (e->key() == Qt::Key_Backspace) {
    points_.removeLast();
    if (points_.isEmpty())
      cancelGesture();
    else
      canvas_->setRubberBand(points_, false);
    return true;
  }
  return false;
}

void MaskEditor::updateGuides(QPointF p) {
  const bool ring = tool_ == Tool::Brush || tool_ == Tool::Eraser ||
                    (tool_ == Tool::GrabCut && !grabCutBox_ && !gestureBox_);
  canvas_->setBrushCursor(ring ? std::optional<QPointF>(p) : std::nullopt, brushSize_ / 2.0);
  if (gesture_ == Gesture::Polygon) {
    canvas_->setRubberBand(QPolygonF(points_) << p, false);
  } else if (gesture_ == Gesture::GrabCut && gestureBox_) {
    const QRectF box = QRectF(points_.first(), points_.last()).normalized();
    canvas_->setRubberBand(QPolygonF(box).mid(0, 4), true);
  } else if (gesture_ == Gesture::GrabCut) {
    canvas_->setRubberBand(points_, false, brushSize_);
  }
}

void MaskEditor::closePolygon() {
  std::vector<ImagePoint> polygon;
  for (const QPointF& p : points_) polygon.push_back({p.x(), p.y()});
  const bool erase = gestureErase_;
  cancelGesture();
  if (polygon.size() < 3) return;
  const MaskBrush b = brush(erase);
  beginEdit(b);
  commitEdit(actionName(Tool::Polygon, erase), fillPolygon(mask_, polygon, b));
}

void MaskEditor::finishGrabCut(QPointF end) {
  QPolygonF points = points_;
  const bool box = gestureBox_, erase = gestureErase_;
  cancelGesture();
  gestureBox_ = false;
  if (image_.empty()) {
    Q_EMIT message(tr("GrabCut needs the sample's image"));
    return;
  }
  std::optional<MaskRegion> region;
  std::string error;
  QGuiApplication::setOverrideCursor(Qt::WaitCursor);
  if (box) {
    const QRectF r = QRectF(points.first(), end).normalized();
    region = grabCutBox(image_,
                        {int(std::floor(r.left())), int(std::floor(r.top())),
                         int(std::ceil(r.right())), int(std::ceil(r.bottom()))},
                        kGrabCutIterations, &error);
  } else {
    // The stroke as the brush drew it. The margin lets GrabCut see the object's surroundings: the
    // crop's frame is taken as sure background, so it must lie beyond the object, which a rough
    // stroke over it covers only in part (the object may reach a stroke's length beyond it).
    MaskAnnotation stroke;
    stroke.hand.reset(mask_.width(), mask_.height(), 0);
    PixelRect extent;
    points << end;
    for (qsizetype i = 0; i + 1 < points.size(); ++i)
      extent = extent.united(paintSegment(stroke, {points[i].x(), points[i].y()},
                                          {points[i + 1].x(), points[i + 1].y()}, brushSize_ / 2.0,
                                          MaskBrush{}));
    const int margin = std::max({24, 2 * brushSize_, std::max(extent.width(), extent.height())});
    region = grabCutScribble(image_, stroke.hand, margin, kGrabCutIterations, &error);
  }
  QGuiApplication::restoreOverrideCursor();
  if (!region) {
    Q_EMIT message(tr("GrabCut found nothing: %1").arg(QString::fromStdString(error)));
    return;
  }
  // A box delimits the object: inside it GrabCut's answer replaces the label. A stroke only adds
  // what it found (or, with the right button, erases it).
  const MaskBrush b = brush(erase);
  beginEdit(b);
  commitEdit(actionName(Tool::GrabCut, erase), applyRegion(mask_, *region, b, box && !erase));
}

}  // namespace handalign
