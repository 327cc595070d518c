// Render baselines: the canvas drawing a fixed scene must match a stored PNG within a tolerance.
// On failure the rendering and a difference image are written next to the test binary.
// HANDALIGN_UPDATE_BASELINES=1 rewrites the baselines (review them before committing).
#include "Baseline.h"
#include "GlFormat.h"
#include "ImageCanvas.h"

#include <QApplication>
#include <QSurfaceFormat>
#include <QtTest>

using namespace handalign;
using Layer = ImageCanvas::Layer;

namespace {

// A deterministic scene: a gradient image with three overlapping label regions of different parts.
void scene(ImageCanvas& c) {
  QImage img(96, 96, QImage::Format_RGB32);
  for (int y = 0; y < 96; ++y)
    for (int x = 0; x < 96; ++x) img.setPixel(x, y, qRgb(40 + x, 60 + y, 120));
  c.setImage(img);
  LabelImage gt(96, 96, 0), rough(96, 96, 0), refined(96, 96, 0);
  for (int y = 20; y < 70; ++y)
    for (int x = 20; x < 60; ++x) gt.at(x, y) = std::uint8_t(1 + (x / 10) % 6);
  for (int y = 26; y < 76; ++y)
    for (int x = 28; x < 70; ++x) rough.at(x, y) = std::uint8_t(1 + (x / 10) % 6);
  for (int y = 21; y < 71; ++y)
    for (int x = 21; x < 62; ++x) refined.at(x, y) = std::uint8_t(1 + (x / 10) % 6);
  c.setLabels(Layer::GroundTruth, gt);
  c.setLabels(Layer::Reference, rough);
  c.setLabels(Layer::Shown, refined);
}

}  // namespace

class TestCanvasBaseline : public QObject {
  Q_OBJECT

  void check(const QString& name, ImageCanvas& c) {
    test::compareWithBaseline(c.renderToImage(), "widgets/canvas/baselines", name);
  }

 private Q_SLOTS:
  void overlaysByPart() {
    ImageCanvas c;
    c.resize(240, 240);
    c.show();
    QVERIFY(QTest::qWaitForWindowExposed(&c));
    scene(c);
    check("overlays-by-part", c);
  }
  void contoursAndDifference() {
    ImageCanvas c;
    c.resize(240, 240);
    c.show();
    QVERIFY(QTest::qWaitForWindowExposed(&c));
    scene(c);
    c.setOverlayVisible(Layer::GroundTruth, false);
    c.setOverlayVisible(Layer::Reference, false);
    c.setOverlayVisible(Layer::Difference, true);
    check("difference-refined", c);
  }
};

int main(int argc, char** argv) {
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  TestCanvasBaseline t;
  return QTest::qExec(&t, argc, argv);
}

#include "TestCanvasBaseline.moc"
