// Zoom and pan of the image canvas: the mapping between widget (logical) and image coordinates.
#pragma once

#include <QPointF>
#include <QSize>
#include <QSizeF>

namespace handalign {

// widget = origin + image · zoom, in logical pixels; image pixel (x, y) covers [x, x+1) × [y, y+1).
// Kept free of OpenGL so the arithmetic is tested on its own; the shader gets it times the
// device-pixel ratio.
class CanvasView {
 public:
  double zoom() const { return zoom_; }
  QPointF origin() const { return origin_; }

  // Fit `image` inside `widget`, centred, keeping its aspect ratio.
  void fit(QSizeF image, QSizeF widget);
  // Zoom by `factor`, keeping the image point under `widgetPoint` where it is.
  void zoomAround(double factor, QPointF widgetPoint);
  void panBy(QPointF delta) { origin_ += delta; }
  void set(double zoom, QPointF origin) { zoom_ = zoom, origin_ = origin; }

  QPointF toImage(QPointF widget) const { return (widget - origin_) / zoom_; }
  QPointF toWidget(QPointF image) const { return origin_ + image * zoom_; }

  static constexpr double kMinZoom = 1.0 / 64, kMaxZoom = 256;

 private:
  double zoom_ = 1;
  QPointF origin_;
};

}  // namespace handalign
