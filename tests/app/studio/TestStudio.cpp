// The studio as a user drives it: open the demo dataset, evaluate, browse, filter, toggle overlays.
#include "MainWindow.h"
#include "TestSupport.h"
#include "browser/SampleTableModel.h"
#include "canvas/ImageCanvas.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace handalign;
namespace fs = std::filesystem;

class TestStudio : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_;
  std::vector<std::pair<QString, QString>> preds() const {
    return {{"rough", QString::fromStdString((data_ / "pred_rough.json").string())},
            {"refined", QString::fromStdString((data_ / "pred_refined.json").string())}};
  }
  static bool differs(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) return true;
    for (int y = 0; y < a.height(); y += 3)
      for (int x = 0; x < a.width(); x += 3)
        if (a.pixel(x, y) != b.pixel(x, y)) return true;
    return false;
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // projects and settings go to a test location
    data_ = test::synthDataset(fs::path(tmp_.path().toStdString()), 12, 4);
  }

  void evaluatesBrowsesAndShowsOverlays() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();  // shortcuts act in the active window
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.openDataset(QString::fromStdString(data_.string()), preds(), "00000003");
    QVERIFY(done.wait(120000));
    QCOMPARE(w.sampleModel()->rowCount(), 12);
    QVERIFY(w.sampleModel()->columnIndex("refined.finger_hd95") >= 0);
    QVERIFY(w.sampleModel()->columnIndex("delta.finger_miou") >= 0);
    QCOMPARE(w.currentSample(), 3);

    QTest::qWait(200);
    const QImage first = w.canvas()->renderToImage();
    QTest::keyClick(&w, Qt::Key_D);  // labelme's "next"
    QCOMPARE(w.currentSample(), 4);
    QTest::qWait(200);
    QVERIFY(differs(first, w.canvas()->renderToImage()));
    QTest::keyClick(&w, Qt::Key_A);
    QCOMPARE(w.currentSample(), 3);

    // Overlays off: the canvas shows the plain image, which differs from the overlaid one.
    const QImage overlaid = w.canvas()->renderToImage();
    for (auto layer :
         {ImageCanvas::Layer::GroundTruth, ImageCanvas::Layer::Rough, ImageCanvas::Layer::Refined})
      w.canvas()->setOverlayVisible(layer, false);
    QTest::qWait(100);
    QVERIFY(differs(overlaid, w.canvas()->renderToImage()));

    // Filtering in the browser narrows the rows; a bad expression is refused and says why.
    auto* filter = w.findChild<QLineEdit*>();
    auto* table = w.findChild<QTableView*>();
    QVERIFY(filter && table);
    filter->setText("refined.hand_miou > 2");  // impossible: mIoU <= 1
    QMetaObject::invokeMethod(filter, "editingFinished");
    QCOMPARE(table->model()->rowCount(), 0);
    filter->setText("refined.hand_miou >");
    QMetaObject::invokeMethod(filter, "editingFinished");
    QVERIFY(!filter->toolTip().isEmpty());
    filter->setText("");
    QMetaObject::invokeMethod(filter, "editingFinished");
    QCOMPARE(table->model()->rowCount(), 12);

    const QString shot = qEnvironmentVariable("HANDALIGN_STUDIO_SCREENSHOT");
    if (!shot.isEmpty()) w.grab().save(shot);
  }

  void reopeningShowsStoredResultsAtOnce() {
    // The first test stored the runs in the project: a second window needs no evaluation.
    MainWindow w;
    w.show();
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.openDataset(QString::fromStdString(data_.string()), preds());
    QCOMPARE(w.sampleModel()->rowCount(), 12);  // before the (load-only) job has even finished
    QVERIFY(done.wait(60000));
  }

  void badPredictionFileIsReported() {
    MainWindow w;
    w.show();
    QSignalSpy failed(&w, &MainWindow::evaluationFailed);
    w.openDataset(QString::fromStdString(data_.string()), {{"x", "/nonexistent/pred.json"}});
    QVERIFY(failed.wait(60000));
    QVERIFY(failed.first().at(0).toString().contains("/nonexistent/pred.json"));
  }
};

int main(int argc, char** argv) {
  QSurfaceFormat format;
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  QSurfaceFormat::setDefaultFormat(format);
  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio Test");
  TestStudio t;
  return QTest::qExec(&t, argc, argv);
}

#include "TestStudio.moc"
