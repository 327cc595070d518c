// The "Overlays" dock as a user drives it: per-layer opacity, visibility kept in step with the View
// menu's Alt+1…5 actions, contour only, colour mode, and the settings a new window starts with.
#include "GlFormat.h"
#include "MainWindow.h"
#include "OverlayPanel.h"
#include "TestSupport.h"
#include "canvas/ImageCanvas.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

using namespace handalign;
namespace fs = std::filesystem;
using Layer = ImageCanvas::Layer;

class TestStudioOverlays : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_;
  void open(MainWindow& w, const QString& sample) {
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.openDataset(QString::fromStdString(data_.string()), test::roughRefined(data_), sample);
    QVERIFY(done.wait(120000));
  }
  // The View menu's action for overlay `n` (Alt+n).
  static QAction* viewAction(MainWindow& w, int n) {
    for (QAction* a : w.findChildren<QAction*>())
      if (a->shortcut() == QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + n))) return a;
    return nullptr;
  }
  // The pixel where `a` and `b` differ most (summed over channels), and by how much.
  static std::pair<QPoint, int> mostDifferent(const QImage& a, const QImage& b) {
    std::pair<QPoint, int> best{{-1, -1}, 0};
    for (int y = 0; y < a.height(); ++y)
      for (int x = 0; x < a.width(); ++x) {
        const QColor p = a.pixelColor(x, y), q = b.pixelColor(x, y);
        const int d = std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) +
                      std::abs(p.blue() - q.blue());
        if (d > best.second) best = {{x, y}, d};
      }
    return best;
  }
 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // projects and settings go to a test location
    QSettings().remove("Overlays");
    data_ = test::synthDataset(fs::path(tmp_.path().toStdString()), 6, 4);
  }
  void cleanup() { QSettings().remove("Overlays"); }  // every window starts with the defaults

  void overlayPanelControlsTheCanvas() {
    MainWindow w;
    open(w, "00000003");
    OverlayPanel* panel = w.overlayPanel();
    QVERIFY(panel);
    QCOMPARE(panel->parentWidget()->objectName(), QString("OverlaysDock"));
    for (Layer l : {Layer::Reference, Layer::Shown}) panel->visibleBox(l)->setChecked(false);
    QVERIFY(!w.canvas()->overlayVisible(Layer::Reference) && !viewAction(w, 2)->isChecked());
    QVERIFY(panel->visibleBox(Layer::GroundTruth)->isChecked() && viewAction(w, 1)->isChecked());

    // Opacity: 0 shows the image, 100 the GT colour, 50 half way between them.
    QSlider* slider = panel->opacitySlider(Layer::GroundTruth);
    slider->setValue(100);
    QCOMPARE(w.canvas()->opacity(Layer::GroundTruth), 1.0f);
    const QImage full = w.canvas()->renderToImage();
    slider->setValue(0);
    const QImage none = w.canvas()->renderToImage();
    const auto [pixel, difference] = mostDifferent(full, none);
    QVERIFY2(difference > 30, "no GT overlay pixel on the canvas");
    slider->setValue(50);
    const QImage half = w.canvas()->renderToImage();
    const QColor c0 = none.pixelColor(pixel), c1 = full.pixelColor(pixel),
                 c = half.pixelColor(pixel);
    QVERIFY(c != c0 && c != c1);
    QVERIFY2(std::abs(c.red() - (c0.red() + c1.red()) / 2) <= 2 &&
                 std::abs(c.green() - (c0.green() + c1.green()) / 2) <= 2 &&
                 std::abs(c.blue() - (c0.blue() + c1.blue()) / 2) <= 2,
             qPrintable(c.name() + " between " + c0.name() + " and " + c1.name()));

    // Visibility: the check box hides and shows the layer; the View action (Alt+1) follows, and
    // the other way round.
    panel->visibleBox(Layer::GroundTruth)->setChecked(false);
    QVERIFY(!viewAction(w, 1)->isChecked());
    QVERIFY(!slider->isEnabled());
    QCOMPARE(w.canvas()->renderToImage().pixelColor(pixel), c0);
    panel->visibleBox(Layer::GroundTruth)->setChecked(true);
    QVERIFY(viewAction(w, 1)->isChecked());
    QCOMPARE(w.canvas()->renderToImage().pixelColor(pixel), c);
    viewAction(w, 1)->trigger();
    QVERIFY(!panel->visibleBox(Layer::GroundTruth)->isChecked());
    QCOMPARE(w.canvas()->renderToImage().pixelColor(pixel), c0);
    viewAction(w, 1)->trigger();
    QVERIFY(panel->visibleBox(Layer::GroundTruth)->isChecked());
    QCOMPARE(w.canvas()->renderToImage().pixelColor(pixel), c);

    // Contour only: an interior pixel of the mask loses its tint (the most tinted pixel is one).
    panel->contourBox(Layer::GroundTruth)->setChecked(true);
    QVERIFY(w.canvas()->renderToImage() != half);
    panel->contourBox(Layer::GroundTruth)->setChecked(false);
    QVERIFY(panel->contourBox(Layer::Difference) == nullptr);  // label layers only
  }

  void overlaySettingsPersist() {
    {
      MainWindow w;
      OverlayPanel* panel = w.overlayPanel();
      QCOMPARE(panel->opacityPercent(Layer::GroundTruth), 50);  // the defaults
      QVERIFY(panel->layerVisible(Layer::Reference) && !panel->layerVisible(Layer::Distance));
      panel->opacitySlider(Layer::Shown)->setValue(30);
      panel->visibleBox(Layer::Reference)->setChecked(false);
      viewAction(w, 5)->setChecked(true);  // HD95 heat map through the View menu
      panel->contourBox(Layer::GroundTruth)->setChecked(true);
      panel->colorModeBox()->setCurrentIndex(1);
      QCOMPARE(w.canvas()->colorMode(), ImageCanvas::ColorMode::Single);
    }
    QCOMPARE(QSettings().value("Overlays/Shown/Opacity").toInt(), 30);
    MainWindow w;
    OverlayPanel* panel = w.overlayPanel();
    QCOMPARE(panel->opacityPercent(Layer::Shown), 30);
    QCOMPARE(w.canvas()->opacity(Layer::Shown), 0.3f);
    QVERIFY(!panel->layerVisible(Layer::Reference) &&
            !w.canvas()->overlayVisible(Layer::Reference));
    QVERIFY(!viewAction(w, 2)->isChecked());
    QVERIFY(panel->layerVisible(Layer::Distance) && viewAction(w, 5)->isChecked());
    QVERIFY(w.canvas()->overlayVisible(Layer::Distance));
    QVERIFY(panel->contourBox(Layer::GroundTruth)->isChecked());
    QCOMPARE(w.canvas()->colorMode(), ImageCanvas::ColorMode::Single);
  }
};

int main(int argc, char** argv) {
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio Overlays Test");
  TestStudioOverlays t;
  return QTest::qExec(&t, argc, argv);
}

#include "TestStudioOverlays.moc"
