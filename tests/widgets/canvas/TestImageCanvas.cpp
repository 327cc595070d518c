// Render tests of the image canvas: pixel colours of renderToImage() for known images and labels.
// Also run with QT_SCALE_FACTOR=2 (ctest TestImageCanvasHiDpi): lookups go through device pixels.
#include "GlFormat.h"
#include "ImageCanvas.h"
#include "PartPalette.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace handalign;
using Layer = ImageCanvas::Layer;

namespace {
const QColor kGrey(100, 100, 100);
const QColor kMarker(255, 0, 0);  // image pixel (60, 60)

QColor mix(const QColor& a, const QColor& b, double t) {
  return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                          a.greenF() + (b.greenF() - a.greenF()) * t,
                          a.blueF() + (b.blueF() - a.blueF()) * t);
}

bool near(const QColor& a, const QColor& b, int tolerance = 2) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

void fill(LabelImage& img, int x0, int y0, int x1, int y1, std::uint8_t v) {
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) img.at(x, y) = v;
}
}  // namespace

#define QVERIFY_COLOR(actual, expected)                                                    \
  do {                                                                                     \
    const QColor a_ = (actual), e_ = (expected);                                           \
    QVERIFY2(near(a_, e_),                                                                 \
             qPrintable(QStringLiteral("got %1, expected %2").arg(a_.name(), e_.name()))); \
  } while (0)

class TestImageCanvas : public QObject {
  Q_OBJECT
  std::unique_ptr<ImageCanvas> canvas_;
  LabelImage gt_, rough_;

  // The rendered colour at the centre of a logical widget point.
  QColor widgetColor(QPointF widget) {
    const QImage img = canvas_->renderToImage();
    const double dpr = img.devicePixelRatio();
    return img.pixelColor(int(std::floor(widget.x() * dpr)), int(std::floor(widget.y() * dpr)));
  }
  // The rendered colour at the centre of image pixel p.
  QColor at(int x, int y) { return widgetColor(canvas_->mapFromImage(QPointF(x + 0.5, y + 0.5))); }
  void only(Layer visible) {
    for (int i = 0; i < ImageCanvas::kLayerCount; ++i)
      canvas_->setOverlayVisible(Layer(i), Layer(i) == visible);
  }

 private Q_SLOTS:
  void init() {
    // 100×100 grey image with one red marker pixel, in a 200×200 canvas: zoom 2 when fitted.
    QImage image(100, 100, QImage::Format_RGB32);
    image.fill(kGrey);
    image.setPixelColor(60, 60, kMarker);
    // GT: palm x 20..39, thumb x 40..49; rough: palm x 30..59 (rows 20..39); refined = GT.
    gt_.reset(100, 100);
    fill(gt_, 20, 20, 39, 39, 1);
    fill(gt_, 40, 20, 49, 39, 2);
    rough_.reset(100, 100);
    fill(rough_, 30, 20, 59, 39, 1);

    canvas_ = std::make_unique<ImageCanvas>();
    canvas_->setFixedSize(200, 200);
    canvas_->setImage(image);
    canvas_->setLabels(Layer::GroundTruth, gt_);
    canvas_->setLabels(Layer::Reference, rough_);
    canvas_->setLabels(Layer::Shown, gt_);
    canvas_->show();
    QVERIFY(QTest::qWaitForWindowExposed(canvas_.get()));
    QCOMPARE(canvas_->zoom(), 2.0);
  }
  void cleanup() { canvas_.reset(); }

  void imageShowsWithoutOverlays() {
    only(Layer(-1));
    const QImage img = canvas_->renderToImage();
    QCOMPARE(img.size(), QSize(200, 200) * img.devicePixelRatio());
    QVERIFY_COLOR(at(10, 10), kGrey);
    QVERIFY_COLOR(at(25, 25), kGrey);
    QVERIFY_COLOR(at(60, 60), kMarker);
  }

  // The legend says what the colours are: the parts by part, GT and the methods otherwise, in
  // the shared palette's colours.
  void legendShowsTheColoursInUse() {
    only(Layer::GroundTruth);
    QVERIFY(!canvas_->legendVisible());  // off unless asked for
    canvas_->setLegendVisible(true);
    const QRectF box = canvas_->legendRect();
    QVERIFY(box.height() > 6 * QFontMetrics(canvas_->font()).height());  // six parts
    const double row = QFontMetrics(canvas_->font()).height() + 2;
    auto swatch = [&](int i) {  // the centre of line i's swatch in the legend's image
      const QImage img = canvas_->legendImage();
      const double dpr = img.devicePixelRatio();
      return img.pixelColor(int((6 + (row - 4) / 2) * dpr), int((4 + i * row + row / 2) * dpr));
    };
    QVERIFY_COLOR(swatch(0), kPartPalette[1]);      // palm first
    QVERIFY_COLOR(swatch(5), kPartPalette[6]);      // pinky last
    const QImage shot = canvas_->grab().toImage();  // the window shows it over the picture
    QVERIFY_COLOR(shot.pixelColor(int((box.left() + 6 + (row - 4) / 2) * shot.devicePixelRatio()),
                                  int((box.top() + 4 + row / 2) * shot.devicePixelRatio())),
                  kPartPalette[1]);
    canvas_->setColorMode(ImageCanvas::ColorMode::Single);
    canvas_->setLabels(Layer::Shown, gt_);
    canvas_->setMethodColors(methodColor(0), methodColor(3), "baseline", "ours");
    QVERIFY(canvas_->legendRect().height() < 4 * row + 10);  // GT, baseline, ours
    QVERIFY_COLOR(swatch(0), kGtColor);
    QVERIFY_COLOR(swatch(1), methodColor(0));
    QVERIFY_COLOR(swatch(2), methodColor(3));
    canvas_->setLabels(Layer::Reference, {});  // a method without labels here leaves the legend
    QVERIFY(canvas_->legendRect().height() < 3 * row + 10);
    QVERIFY_COLOR(swatch(1), methodColor(3));
    canvas_->setLegendVisible(false);
    canvas_->setColorMode(ImageCanvas::ColorMode::ByPart);
  }

  void overlayTintsAtOpacity() {
    only(Layer::GroundTruth);
    canvas_->setOpacity(Layer::GroundTruth, 0.5f);
    QVERIFY_COLOR(at(25, 25), mix(kGrey, kPartPalette[1], 0.5));  // palm
    QVERIFY_COLOR(at(45, 25), mix(kGrey, kPartPalette[2], 0.5));  // thumb
    QVERIFY_COLOR(at(10, 10), kGrey);                             // background label
    canvas_->setColorMode(ImageCanvas::ColorMode::Single);
    QVERIFY_COLOR(at(45, 25), mix(kGrey, kGtColor, 0.5));
    canvas_->setOpacity(Layer::GroundTruth, 1.0f);
    QVERIFY_COLOR(at(25, 25), kGtColor);
    canvas_->setOverlayVisible(Layer::GroundTruth, false);  // toggling off restores the image
    QVERIFY_COLOR(at(25, 25), kGrey);
  }

  void layersStackInOrder() {
    only(Layer::Reference);
    canvas_->setOverlayVisible(Layer::GroundTruth, true);
    canvas_->setColorMode(ImageCanvas::ColorMode::Single);
    canvas_->setOpacity(Layer::GroundTruth, 1.0f);
    canvas_->setOpacity(Layer::Reference, 0.5f);
    QVERIFY_COLOR(at(35, 25), mix(kGtColor, methodColor(0), 0.5));  // rough over GT
    QVERIFY_COLOR(at(55, 25), mix(kGrey, methodColor(0), 0.5));     // rough only
  }

  void contourOnly() {
    only(Layer::GroundTruth);
    canvas_->setOpacity(Layer::GroundTruth, 1.0f);
    canvas_->setContourOnly(Layer::GroundTruth, true);
    QVERIFY_COLOR(at(20, 25), kPartPalette[1]);  // left edge of the palm
    QVERIFY_COLOR(at(25, 25), kGrey);            // interior
    QVERIFY_COLOR(at(39, 25), kPartPalette[1]);  // palm next to thumb: a part boundary
    canvas_->setColorMode(ImageCanvas::ColorMode::Single);
    QVERIFY_COLOR(at(39, 25), kGrey);  // inside the hand silhouette
    QVERIFY_COLOR(at(49, 25), kGtColor);
  }

  void differenceMap() {
    only(Layer::Difference);
    canvas_->setOpacity(Layer::Difference, 1.0f);
    canvas_->setDifferenceSource(Layer::Reference);
    QVERIFY_COLOR(at(55, 25), kFalsePositiveColor);  // rough only
    QVERIFY_COLOR(at(25, 25), kFalseNegativeColor);  // GT only
    QVERIFY_COLOR(at(35, 25), kGrey);                // both palm
    QVERIFY_COLOR(at(45, 25), kWrongPartColor);      // GT thumb, rough palm
    QVERIFY_COLOR(at(10, 10), kGrey);                // neither
    canvas_->setColorMode(ImageCanvas::ColorMode::Single);
    QVERIFY_COLOR(at(45, 25), kGrey);            // hand level: both are hand
    canvas_->setDifferenceSource(Layer::Shown);  // refined == GT: no differences
    QVERIFY_COLOR(at(25, 25), kGrey);
  }

  void distanceHeatMap() {
    BoundaryDistanceMap m;
    m.distance.reset(100, 100, std::nanf(""));
    m.distance.at(10, 10) = 1;
    m.distance.at(12, 10) = 4;
    m.p95 = 3.5;
    canvas_->setDistanceMap(m);
    only(Layer::Distance);
    QVERIFY_COLOR(at(12, 10), kAboveP95Color);       // makes the HD95
    QVERIFY_COLOR(at(10, 10), QColor(0, 128, 255));  // heat(1/4)
    QVERIFY_COLOR(at(11, 10), kGrey);                // not a boundary pixel
  }

  void zoomAroundCentre() {
    only(Layer(-1));
    canvas_->zoomAround(2.0, QPointF(100, 100));  // image (50, 50) stays at the centre
    QCOMPARE(canvas_->zoom(), 4.0);
    QCOMPARE(canvas_->mapFromImage(QPointF(60, 60)), QPointF(140, 140));
    QVERIFY_COLOR(widgetColor(QPointF(140.5, 140.5)), kMarker);
    QVERIFY_COLOR(widgetColor(QPointF(143.5, 143.5)), kMarker);
    QVERIFY_COLOR(widgetColor(QPointF(139.5, 139.5)), kGrey);
    QVERIFY_COLOR(widgetColor(QPointF(144.5, 144.5)), kGrey);
    canvas_->resetView();
    QCOMPARE(canvas_->zoom(), 2.0);
    QVERIFY_COLOR(widgetColor(QPointF(121, 121)), kMarker);
  }

  void panAndWheel() {
    only(Layer(-1));
    canvas_->panBy(QPointF(10, 0));
    QVERIFY_COLOR(widgetColor(QPointF(5, 50)), kCanvasBackground);  // left of the image
    QVERIFY_COLOR(widgetColor(QPointF(131, 121)), kMarker);
    QTest::mousePress(canvas_.get(), Qt::LeftButton, {}, QPoint(50, 50));
    QTest::mouseMove(canvas_.get(), QPoint(30, 40));
    QTest::mouseRelease(canvas_.get(), Qt::LeftButton, {}, QPoint(30, 40));
    QCOMPARE(canvas_->imageOrigin(), QPointF(-10, -10));
    QWheelEvent wheel(QPointF(100, 100), canvas_->mapToGlobal(QPointF(100, 100)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    const QPointF anchor = canvas_->mapToImage(QPointF(100, 100));
    QApplication::sendEvent(canvas_.get(), &wheel);
    QCOMPARE(canvas_->zoom(), 2.5);
    QCOMPARE(canvas_->mapToImage(QPointF(100, 100)), anchor);
  }

  void inspectorReportsLabels() {
    BoundaryDistanceMap m;
    m.distance.reset(100, 100, std::nanf(""));
    m.distance.at(45, 25) = 2.5f;
    canvas_->setDistanceMap(m);
    QSignalSpy spy(canvas_.get(), &ImageCanvas::pixelInspected);
    QTest::mouseMove(canvas_.get(), QPoint(2 * 45 + 1, 2 * 25 + 1));
    QTRY_COMPARE(spy.count(), 1);
    QList<QVariant> args = spy.takeFirst();
    QCOMPARE(args[0].toPoint(), QPoint(45, 25));
    QCOMPARE(args[1].toInt(), 2);  // GT thumb
    QCOMPARE(args[2].toInt(), 1);  // rough palm
    QCOMPARE(args[3].toInt(), 2);  // refined thumb
    QCOMPARE(args[4].toFloat(), 2.5f);
    QTest::mouseMove(canvas_.get(), QPoint(2 * 5 + 1, 2 * 5 + 1));
    QTRY_COMPARE(spy.count(), 1);
    args = spy.takeFirst();
    QCOMPARE(args[1].toInt(), 0);
    QVERIFY(std::isnan(args[4].toFloat()));
  }

  void editMaskDrawsOnTopAndUploadsOnlyTheDirtyRectangle() {
    only(Layer::GroundTruth);
    canvas_->setOpacity(Layer::GroundTruth, 1.0f);
    const QColor kEdit(255, 0, 255);
    MaskAnnotation m;
    m.hand.reset(100, 100);
    fill(m.hand, 20, 20, 29, 29, 1);  // over the GT palm
    canvas_->setEditMask(m);
    canvas_->setEditMaskStyle(kEdit, 1.0f);
    QVERIFY_COLOR(at(25, 25), kEdit);            // above the GT overlay
    QVERIFY_COLOR(at(35, 25), kPartPalette[1]);  // GT palm, not edited
    QVERIFY_COLOR(at(10, 10), kGrey);
    m.parts.reset(100, 100);
    fill(m.parts, 20, 20, 24, 29, 3);  // index: drawn in its part colour
    fill(m.hand, 60, 60, 61, 61, 1);
    canvas_->updateEditMask(m, QRect(20, 20, 5, 10));
    QVERIFY_COLOR(at(22, 25), kPartPalette[3]);
    QVERIFY_COLOR(at(27, 25), kEdit);
    QVERIFY_COLOR(at(60, 60), kMarker);  // outside the dirty rectangle: not copied yet
    canvas_->updateEditMask(m, QRect(60, 60, 2, 2));
    QVERIFY_COLOR(at(60, 60), kEdit);
    canvas_->setEditMaskStyle(kEdit, 0.5f);
    QVERIFY_COLOR(at(27, 25), mix(kPartPalette[1], kEdit, 0.5));
    canvas_->setEditMask(MaskAnnotation());  // hidden
    QVERIFY_COLOR(at(27, 25), kPartPalette[1]);
    QCOMPARE(canvas_->frameSize(), QSize(100, 100));
  }

  void brushRingAndRubberBand() {
    only(Layer(-1));
    canvas_->setBrushCursor(QPointF(50, 50), 10);  // a ring of 20 widget pixels around (100, 100)
    QVERIFY_COLOR(widgetColor(QPointF(100.5, 100.5)), kGrey);
    QVERIFY(widgetColor(QPointF(120.5, 100.5)) != kGrey);
    canvas_->setBrushCursor(std::nullopt, 10);
    QVERIFY_COLOR(widgetColor(QPointF(120.5, 100.5)), kGrey);
    canvas_->setRubberBand(QPolygonF({QPointF(10, 10), QPointF(40, 10), QPointF(40, 40)}), true);
    QVERIFY(widgetColor(QPointF(50.5, 20.5)) != kGrey);  // on the top edge
    QVERIFY_COLOR(widgetColor(QPointF(30.5, 60.5)), kGrey);
    canvas_->setRubberBand({}, false);
    QVERIFY_COLOR(widgetColor(QPointF(50.5, 20.5)), kGrey);
  }

  void partialRepaintsMatchAFullRepaint() {
    // Edits and guides redraw only their rectangle of the kept framebuffer: after many of them
    // the picture must equal a full repaint (no ring or band left behind, no stale mask).
    only(Layer::GroundTruth);
    MaskAnnotation m;
    m.hand.reset(100, 100);
    canvas_->setEditMask(m);
    canvas_->renderToImage();
    for (int i = 0; i < 12; ++i) {
      canvas_->setBrushCursor(QPointF(10 + 7 * i, 50 + 3 * i), 4 + i);
      fill(m.hand, 8 * i, 40, 8 * i + 5, 45, 1);
      canvas_->updateEditMask(m, QRect(8 * i, 40, 6, 6));
      canvas_->setRubberBand(
          QPolygonF({QPointF(5, 5), QPointF(20 + 5 * i, 10), QPointF(30, 20 + i)}), i % 2 == 0,
          i % 3 == 0 ? 3 : 0);
      canvas_->renderToImage();
    }
    canvas_->setRubberBand({}, false);
    const QImage partial = canvas_->renderToImage();
    canvas_->setOpacity(Layer::GroundTruth, canvas_->opacity(Layer::GroundTruth));  // full
    const QImage full = canvas_->renderToImage();
    QCOMPARE(partial, full);
    QVERIFY_COLOR(at(41, 42), mix(kGrey, canvas_->editMaskColor(), canvas_->editMaskOpacity()));
  }

  void snapshot() {  // for eyes: HANDALIGN_CANVAS_SNAPSHOT=/tmp/canvas.png
    const QString path = qEnvironmentVariable("HANDALIGN_CANVAS_SNAPSHOT");
    if (path.isEmpty()) QSKIP("HANDALIGN_CANVAS_SNAPSHOT not set");
    canvas_->setOverlayVisible(Layer::Difference, true);
    canvas_->setContourOnly(Layer::Shown, true);
    canvas_->setOpacity(Layer::Shown, 1.0f);
    canvas_->setDistanceMap(boundaryDistanceMap(rough_, gt_, -1));
    canvas_->setOverlayVisible(Layer::Distance, true);
    QVERIFY(canvas_->renderToImage().save(path));
  }
};

int main(int argc, char** argv) {
  // The canvas needs a 3.2 core context: the default format must be set before QApplication.
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  TestImageCanvas test;
  return QTest::qExec(&test, argc, argv);
}

#include "TestImageCanvas.moc"
