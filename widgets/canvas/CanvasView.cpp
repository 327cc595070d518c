#include "CanvasView.h"

#include <algorithm>

namespace handalign {

void CanvasView::fit(QSizeF image, QSizeF widget) {
  if (image.isEmpty() || widget.isEmpty()) {
    set(1, {});
    return;
  }
  zoom_ = std::min(widget.width() / image.width(), widget.height() / image.height());
  origin_ = QPointF((widget.width() - image.width() * zoom_) / 2,
                    (widget.height() - image.height() * zoom_) / 2);
}

void CanvasView::zoomAround(double factor, QPointF widgetPoint) {
  const QPointF anchor = toImage(widgetPoint);
  zoom_ = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
  origin_ = widgetPoint - anchor * zoom_;
}

}  // namespace handalign
