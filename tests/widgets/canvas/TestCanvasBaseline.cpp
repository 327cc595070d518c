// Render baselines: the canvas drawing a fixed scene must match a stored PNG within a tolerance.
// On failure the rendering and a difference image are written next to the test binary.
// HANDALIGN_UPDATE_BASELINES=1 rewrites the baselines (review them before committing).
#include "GlFormat.h"
#include "ImageCanvas.h"
#include "TestSupport.h"

#include <QApplication>
#include <QDir>
#include <QSurfaceFormat>
#include <QtTest>

#include <cmath>

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
  c.setLabels(Layer::Rough, rough);
  c.setLabels(Layer::Refined, refined);
}

// Fraction of pixels differing by more than `tolerance` in some channel; writes the diff image.
double compare(const QImage& actual, const QImage& expected, int tolerance, QImage& diff) {
  diff = QImage(actual.size(), QImage::Format_RGB32);
  diff.fill(Qt::black);
  int bad = 0;
  for (int y = 0; y < actual.height(); ++y)
    for (int x = 0; x < actual.width(); ++x) {
      const QRgb a = actual.pixel(x, y), e = expected.pixel(x, y);
      const int d = std::max({std::abs(qRed(a) - qRed(e)), std::abs(qGreen(a) - qGreen(e)),
                              std::abs(qBlue(a) - qBlue(e))});
      if (d > tolerance)
        ++bad, diff.setPixel(x, y, qRgb(255, 0, 255));
      else
        diff.setPixel(x, y, qRgb(qGray(e) / 3, qGray(e) / 3, qGray(e) / 3));
    }
  return double(bad) / double(actual.width() * actual.height());
}

}  // namespace

class TestCanvasBaseline : public QObject {
  Q_OBJECT

  void check(const QString& name, ImageCanvas& c) {
    const QImage actual = c.renderToImage().convertToFormat(QImage::Format_RGB32);
    const QString baseline = QString::fromStdString(
        (test::sourceDir() / "tests/widgets/canvas/baselines" / (name.toStdString() + ".png"))
            .string());
    if (qEnvironmentVariableIsSet("HANDALIGN_UPDATE_BASELINES")) {
      QVERIFY(actual.save(baseline));
      QSKIP("baseline rewritten");
    }
    const QImage expected = QImage(baseline).convertToFormat(QImage::Format_RGB32);
    QVERIFY2(!expected.isNull(), qPrintable("missing baseline " + baseline));
    QCOMPARE(actual.size(), expected.size());
    QImage diff;
    const double bad = compare(actual, expected, 3, diff);
    if (bad > 0.002) {
      const QString out = QDir::currentPath() + "/" + name;
      actual.save(out + "-actual.png");
      diff.save(out + "-diff.png");
      QFAIL(qPrintable(QString("%1: %2 % of pixels differ; see %3-actual.png and %3-diff.png")
                           .arg(name)
                           .arg(bad * 100, 0, 'f', 2)
                           .arg(out)));
    }
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
    c.setOverlayVisible(Layer::Rough, false);
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
