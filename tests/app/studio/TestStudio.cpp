// The studio as a user drives it: open the demo dataset, evaluate, browse, filter, toggle overlays,
// read the metrics dock, export a figure and the paper's tables, follow a vertex between the views,
// jump to a sample. The "Overlays" dock: TestStudioOverlays.
#include "ExportController.h"
#include "GlFormat.h"
#include "MainWindow.h"
#include "StoredRunsDialog.h"
#include "TestSupport.h"
#include "browser/SampleTableModel.h"
#include "canvas/ImageCanvas.h"
#include "metrics/MetricsPanel.h"
#include "project/ProjectStore.h"
#include "vtk/MeshView3D.h"

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSurfaceFormat>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace handalign;
namespace fs = std::filesystem;

class TestStudio : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_;
  std::vector<std::pair<QString, QString>> preds() const { return test::roughRefined(data_); }
  // Opens the dataset (stored results after the first test) and waits for the session.
  void open(MainWindow& w, const QString& sample = {}) {
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.openDataset(QString::fromStdString(data_.string()), preds(), sample);
    QVERIFY(done.wait(120000));
  }
  // The metrics dock shows the model's values of the current sample, rough then refined.
  static void checkSampleMetrics(const MainWindow& w) {
    const SampleTableModel* model = w.sampleModel();
    int source = -1;
    for (int r = 0; r < model->rowCount(); ++r)
      if (int(model->value(r, SampleTableModel::IndexColumn)) == w.currentSample()) source = r;
    QVERIFY(source >= 0);
    const SampleMetricsTable* table = w.metricsPanel()->sampleTable();
    QCOMPARE(table->columnCount(), 3);  // rough, refined, delta
    for (const char* metric : {"hand_miou", "finger_hd95"}) {
      const int row = table->rowOf(metric);
      QVERIFY(row >= 0);
      const MetricInfo& kind = *SampleMetricsTable::rowMetrics()[std::size_t(row)];
      for (int c = 0; c < 2; ++c) {
        const double expected =
            model->value(source, model->columnIndex(QString(c ? "refined." : "rough.") + metric));
        QCOMPARE(table->item(row, c)->text(), SampleMetricsTable::format(expected, kind));
        if (std::isfinite(expected))
          QCOMPARE(table->item(row, c)->data(SampleMetricsTable::kValueRole).toDouble(), expected);
      }
    }
  }
  static QString readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
  }
  // A column of table.csv, one value per run, in the file's order.
  static QStringList csvColumn(const QString& csv, const QString& key) {
    const QStringList lines = csv.split('\n', Qt::SkipEmptyParts);
    const int c = int(lines.value(0).split(',').indexOf(key));
    QStringList values;
    for (int i = 1; c >= 0 && i < lines.size(); ++i) values << lines[i].split(',').value(c);
    return values;
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
    checkSampleMetrics(w);
    if (QTest::currentTestFailed()) return;
    // A fresh evaluation has PCK totals: the run charts show curves and histograms.
    QVERIFY(!w.metricsPanel()->runCharts()->pckChart()->series().isEmpty());
    QCOMPARE(int(w.metricsPanel()->runCharts()->histograms().size()), 2);
    const QString before = w.metricsPanel()->sampleTable()->item(0, 1)->text();

    QTest::qWait(200);
    const QImage first = w.canvas()->renderToImage();
    QTest::keyClick(&w, Qt::Key_D);  // labelme's "next"
    QCOMPARE(w.currentSample(), 4);
    checkSampleMetrics(w);  // the dock follows the sample
    if (QTest::currentTestFailed()) return;
    QVERIFY(w.metricsPanel()->sampleTable()->item(0, 1)->text() != before);
    QTest::qWait(200);
    QVERIFY(differs(first, w.canvas()->renderToImage()));
    QTest::keyClick(&w, Qt::Key_A);
    QCOMPARE(w.currentSample(), 3);

    // Overlays off: the canvas shows the plain image, which differs from the overlaid one.
    const QImage overlaid = w.canvas()->renderToImage();
    for (auto layer : {ImageCanvas::Layer::GroundTruth, ImageCanvas::Layer::Reference,
                       ImageCanvas::Layer::Shown})
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
    // Only opened and checked, not evaluated (the rows show once the dataset proved readable).
    QCOMPARE(w.statusBar()->currentMessage(), QString("Opening the dataset…"));
    QVERIFY(done.wait(60000));
    QCOMPARE(w.sampleModel()->rowCount(), 12);
    ProjectStore* store = w.project();
    QVERIFY(store);
    const std::vector<std::int64_t> shown = w.shownRunIds();
    QCOMPARE(int(shown.size()), 2);
    QCOMPARE(int(store->runs().size()), 2);  // the stored runs themselves, nothing new
    for (const StoredRun& r : store->runs())
      QVERIFY(std::find(shown.begin(), shown.end(), r.id) != shown.end());
    checkSampleMetrics(w);
    // Stored rows with their totals: histograms and PCK curves as after an evaluation.
    QCOMPARE(int(w.metricsPanel()->runCharts()->histograms().size()), 2);
    QCOMPARE(w.metricsPanel()->runCharts()->pckChart()->series().size(), 2);
  }

  void exportsTables() {
    MainWindow w;
    open(w);  // stored runs, with their PCK histograms
    QTemporaryDir out;
    QVERIFY(w.exports()->exportTables(out.path()));
    const QString md = readFile(out.filePath("table.md"));
    QVERIFY(md.contains("| rough |") && md.contains("| refined |"));
    QVERIFY(readFile(out.filePath("table.tex")).contains("refined"));
    const QString csv = readFile(out.filePath("table.csv"));
    QCOMPARE(csvColumn(csv, "method"), QStringList({"rough", "refined"}));
    for (const QString& v : csvColumn(csv, "hand_miou")) QVERIFY(std::isfinite(v.toDouble()));
    const QStringList storedAuc = csvColumn(csv, "pa_auc_j");
    for (const QString& v : storedAuc) {
      const double auc = v.toDouble();
      QVERIFY2(auc > 0 && auc <= 1, qPrintable(v));
    }
    QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).size(), 3);  // no leftovers
    QVERIFY(w.statusBar()->currentMessage().contains("table.md"));

    // A fresh evaluation (F5) gives the very same table as the stored totals.
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.reevaluate();
    QVERIFY(done.wait(120000));
    QVERIFY(w.exports()->exportTables(out.path()));
    QCOMPARE(csvColumn(readFile(out.filePath("table.csv")), "pa_auc_j"), storedAuc);
    QCOMPARE(readFile(out.filePath("table.csv")), csv);

    QVERIFY(
        !w.exports()->exportTables(out.filePath("no-such-folder")));  // refused, nothing written
    QVERIFY(!QFile::exists(out.filePath("no-such-folder")));
  }

  void comparesStoredRunsSideBySide() {
    MainWindow w;
    open(w);  // rough and refined, stored by the first test
    ProjectStore* store = w.project();
    QVERIFY(store);
    std::int64_t roughId = 0, refinedId = 0;
    for (const StoredRun& r : store->runs()) {
      if (r.name == "rough") roughId = r.id;
      if (r.name == "refined") refinedId = r.id;
    }
    QVERIFY(roughId > 0 && refinedId > 0);
    QCOMPARE(w.shownRunIds(), (std::vector<std::int64_t>{roughId, refinedId}));

    // Another evaluation of the same dataset (another method's file, here the refined one again).
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    const QString refinedFile = QString::fromStdString((data_ / "pred_refined.json").string());
    w.openDataset(QString::fromStdString(data_.string()), {{"mine", refinedFile}});
    QVERIFY(done.wait(120000));
    const SampleTableModel* model = w.sampleModel();
    QCOMPARE(model->columnIndex("rough.hand_miou"), -1);

    // The dialog lists every run of this dataset, with the ones shown checked.
    store = w.project();  // opening a dataset opens its project afresh
    std::vector<StoredRun> runs = store->runs();
    QCOMPARE(int(runs.size()), 3);
    const std::vector<std::int64_t> shown = w.shownRunIds();
    StoredRunsDialog dialog(*store, runs, {shown.begin(), shown.end()});
    QCOMPARE(int(dialog.checkedRuns().size()), 1);

    w.showStoredRuns({roughId, refinedId});
    const QString roughKey = QString("rough_run%1.hand_miou").arg(roughId);
    const QString refinedKey = QString("refined_run%1.hand_miou").arg(refinedId);
    QVERIFY(model->columnIndex(roughKey) >= 0 && model->columnIndex(refinedKey) >= 0);
    QCOMPARE(model->rowCount(), 12);
    for (int r = 0; r < model->rowCount(); ++r) {  // the same file gives the same numbers
      QCOMPARE(model->value(r, model->columnIndex(refinedKey)),
               model->value(r, model->columnIndex("mine.hand_miou")));
      QVERIFY(model->value(r, model->columnIndex(roughKey)) !=
              model->value(r, model->columnIndex("mine.hand_miou")));
    }
    // mine, the two stored runs and the delta of the last against the first
    QCOMPARE(w.metricsPanel()->sampleTable()->columnCount(), 4);
    QCOMPARE(int(w.metricsPanel()->runCharts()->histograms().size()), 3);
    QVERIFY(w.currentSample() >= 0);

    w.showStoredRuns({});  // back to the evaluation's own run
    QCOMPARE(model->columnIndex(roughKey), -1);
    QCOMPARE(int(w.shownRunIds().size()), 1);
  }

  void exportsFigures() {
    MainWindow w;
    open(w, "00000005");
    QCOMPARE(w.currentSample(), 5);
    QTemporaryDir out;
    FigureExportSettings settings;
    settings.file = out.filePath("current.png");
    settings.dpi = 100;
    QVERIFY(w.exports()->exportFigure(settings, w.currentSample()));
    const QImage png(settings.file);
    QVERIFY(!png.isNull());
    QCOMPARE(png.width(), 333);  // a 3.33 in column at 100 dpi
    QFile json(settings.file + ".json");
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(json.readAll().contains("00000005"));
    QVERIFY(w.statusBar()->currentMessage().contains("current.png"));

    settings.file = out.filePath("worst.svg");
    settings.worst = true;
    settings.count = 3;
    settings.prediction = "rough";
    QVERIFY(w.exports()->exportFigure(settings, w.currentSample()));
    QVERIFY(QFile::exists(settings.file) && QFile::exists(settings.file + ".json"));

    settings.file = out.filePath("figure.txt");  // refused, nothing written
    QVERIFY(!w.exports()->exportFigure(settings, w.currentSample()));
    QVERIFY(!QFile::exists(settings.file));

    FigureExportDialog dialog({"rough", "refined"});
    dialog.setSettings(settings);
    const FigureExportSettings back = dialog.settings();
    QCOMPARE(back.file, settings.file);
    QVERIFY(back.worst && back.count == 3 && back.prediction == "rough" && back.dpi == 100);
  }

  void hoverLinksTheViews() {
    MainWindow w;
    open(w, "00000002");
    const Points& refined = w.meshView()->scene().mesh(MeshKind::Shown);
    QVERIFY(refined.rows() > 100);
    QTest::qWait(100);
    const QImage plain = w.canvas()->renderToImage();

    // 3D → image: the hovered vertex, projected with the sample's camera, gets a ring.
    const int vertex = 100;
    Q_EMIT w.meshView()->vertexHovered(int(MeshKind::Shown), vertex);
    const Eigen::Vector2d uv = w.currentIntrinsics().project(refined.row(vertex).transpose());
    QVERIFY(w.canvas()->marker().has_value());
    QCOMPARE(w.canvas()->marker()->x(), uv.x());
    QCOMPARE(w.canvas()->marker()->y(), uv.y());
    QVERIFY(w.canvas()->renderToImage() != plain);
    // The ring (radius 7 logical px, yellow) passes right of the projected point, at any DPR.
    const QImage ringed = w.canvas()->renderToImage();
    const double dpr = ringed.devicePixelRatio();
    const QPointF centre = w.canvas()->mapFromImage(QPointF(uv.x() + 0.5, uv.y() + 0.5));
    const QColor ring = ringed.pixelColor(int((centre.x() + 7.0) * dpr), int(centre.y() * dpr));
    QVERIFY2(ring.red() > 180 && ring.green() > 160 && ring.blue() < 120, qPrintable(ring.name()));
    const QString shot = qEnvironmentVariable("HANDALIGN_STUDIO_SCREENSHOT_LINKED");
    if (!shot.isEmpty()) QVERIFY(w.grab().save(shot));
    Q_EMIT w.meshView()->vertexHovered(-1, -1);
    QVERIFY(!w.canvas()->marker().has_value());

    // Image → 3D: a vertex of the refined mesh projecting within 3 px of the pixel is marked.
    const QPoint pixel(int(std::lround(uv.x())), int(std::lround(uv.y())));
    Q_EMIT w.canvas()->pixelInspected(pixel, 0, 0, 0, 0.0f);
    const auto [mesh, marked] = w.meshView()->scene().highlightedVertex();
    QCOMPARE(mesh, int(MeshKind::Shown));
    QVERIFY(marked >= 0);
    const Eigen::Vector2d at = w.currentIntrinsics().project(refined.row(marked).transpose());
    QVERIFY((at - Eigen::Vector2d(pixel.x(), pixel.y())).norm() <= 3.0);
    Q_EMIT w.canvas()->pixelInspected(QPoint(-50, -50), -1, -1, -1, 0.0f);
    QCOMPARE(w.meshView()->scene().highlightedVertex(), std::make_pair(-1, -1));
  }

  void jumpsToASample() {
    MainWindow w;
    open(w);
    auto* filter = w.findChild<QLineEdit*>();
    auto* table = w.findChild<QTableView*>();
    filter->setText("refined.hand_miou > 2");  // hides every row
    QMetaObject::invokeMethod(filter, "editingFinished");
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(w.jumpToSample("00000007"));  // by id: the filter is cleared
    QCOMPARE(w.currentSample(), 7);
    QCOMPARE(table->model()->rowCount(), 12);
    QVERIFY(filter->text().isEmpty());
    QVERIFY(w.jumpToSample(" 9 "));  // by index
    QCOMPARE(w.currentSample(), 9);
    QVERIFY(!w.jumpToSample("no-such-sample"));
    QCOMPARE(w.currentSample(), 9);
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
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio Test");
  TestStudio t;
  return QTest::qExec(&t, argc, argv);
}

#include "TestStudio.moc"
