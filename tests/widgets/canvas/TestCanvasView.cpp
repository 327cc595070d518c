// Zoom and pan arithmetic of the image canvas, without OpenGL.
#include "CanvasView.h"

#include <QtTest>

using namespace handalign;

class TestCanvasView : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void fitCentres() {
    CanvasView v;
    v.fit(QSizeF(100, 50), QSizeF(200, 200));
    QCOMPARE(v.zoom(), 2.0);
    QCOMPARE(v.origin(), QPointF(0, 50));
    QCOMPARE(v.toWidget(QPointF(50, 25)), QPointF(100, 100));
  }
  void zoomKeepsAnchor() {
    CanvasView v;
    v.fit(QSizeF(100, 100), QSizeF(200, 200));
    const QPointF cursor(37, 151);
    const QPointF before = v.toImage(cursor);
    v.zoomAround(3, cursor);
    QCOMPARE(v.zoom(), 6.0);
    QCOMPARE(v.toImage(cursor), before);
    v.zoomAround(1e9, cursor);  // clamped
    QCOMPARE(v.zoom(), CanvasView::kMaxZoom);
  }
  void panMoves() {
    CanvasView v;
    v.set(2, QPointF(0, 0));
    v.panBy(QPointF(10, -4));
    QCOMPARE(v.toImage(QPointF(10, -4)), QPointF(0, 0));
  }
};

QTEST_GUILESS_MAIN(TestCanvasView)
#include "TestCanvasView.moc"
