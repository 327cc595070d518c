// What a new user hit in the studio, each driven as the user does it under Xvfb: samples by index,
// a failed open that must change nothing, any methods side by side, headers that are not cut,
// offsets only where declared, Fit and 1:1, part names in the inspector, the tool bar and Help,
// a live language switch, dark charts, Save and Next in the order seen, Revert that re-scores.
#include "AnnotationController.h"
#include "Appearance.h"
#include "GlFormat.h"
#include "HelpDialogs.h"
#include "MainWindow.h"
#include "MaskEditor.h"
#include "OverlayPanel.h"
#include "RecentDatasets.h"
#include "SamplePresenter.h"
#include "StudioSession.h"
#include "TestSupport.h"
#include "browser/SampleBrowser.h"
#include "canvas/ImageCanvas.h"
#include "canvas/PartPalette.h"
#include "eval/MetricRegistry.h"
#include "metrics/MetricsPanel.h"
#include "metrics/SampleMetricsTable.h"
#include "project/ProjectStore.h"
#include "vtk/MeshView3D.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>

#include <cmath>

using namespace handalign;
namespace fs = std::filesystem;

class TestStudioWorkflow : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_;
  QString dataset() const { return QString::fromStdString(data_.string()); }

  bool open(MainWindow& w, const std::vector<std::pair<QString, QString>>& preds,
            const QString& sample = {}, const std::vector<Refinement>& roles = {}) {
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) return false;
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.openDataset(dataset(), preds, sample, {}, roles);
    return done.wait(120000);
  }
  // Six methods with names that say nothing about their role: copies of the two files.
  std::vector<std::pair<QString, QString>> sixMethods() const {
    std::vector<std::pair<QString, QString>> out;
    const char* names[] = {"baseline", "ours", "i2l", "handar", "hamer", "wilor"};
    for (int k = 0; k < 6; ++k) {
      const fs::path file = fs::path(tmp_.path().toStdString()) / (std::string(names[k]) + ".json");
      if (!fs::exists(file))
        fs::copy_file(data_ / (k % 2 ? "pred_refined.json" : "pred_rough.json"), file);
      out.emplace_back(names[k], QString::fromStdString(file.string()));
    }
    return out;
  }
  static double cell(const MainWindow& w, const QString& column) {
    const SampleTableModel* m = w.sampleModel();
    return m->value(m->rowOfIndex(std::size_t(w.currentSample())), m->columnIndex(column));
  }
  static std::vector<int> visibleOrder(MainWindow& w, int rows) {
    std::vector<int> order;
    QTableView* view = w.browser()->view();
    for (int r = 0; r < rows && r < view->model()->rowCount(); ++r)
      order.push_back(view->model()->index(r, SampleTableModel::IndexColumn).data().toInt());
    return order;
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    data_ = test::synthDataset(fs::path(tmp_.path().toStdString()), 10, 31);
  }

  // --sample and Ctrl+G take an id or a dataset index; neither gets a message, not a guess.
  void samplesByIndexOrId() {
    MainWindow w;
    QVERIFY(open(w, test::roughRefined(data_), "3"));
    QCOMPARE(w.currentSample(), 3);
    MainWindow byId;
    QVERIFY(open(byId, test::roughRefined(data_), "00000007"));
    QCOMPARE(byId.currentSample(), 7);
    MainWindow missing;
    QVERIFY(open(missing, test::roughRefined(data_), "42"));
    QVERIFY2(missing.statusBar()->currentMessage().contains("\"42\""),
             qPrintable(missing.statusBar()->currentMessage()));
    QCOMPARE(missing.currentSample(), 0);
    QVERIFY(w.jumpToSample("8"));
    QCOMPARE(w.currentSample(), 8);
    QVERIFY(!w.jumpToSample("nope"));
    QCOMPARE(w.currentSample(), 8);
  }

  // A failed open leaves the session exactly as it was: data, title, F5, Annotate, Open Recent.
  void failedOpenChangesNothing() {
    MainWindow w;
    QVERIFY(open(w, test::roughRefined(data_)));
    w.jumpToSample("4");
    const QString title = w.windowTitle();
    const int rows = w.sampleModel()->rowCount();
    const auto recentBefore = RecentDatasets::load();
    const fs::path bad = fs::path(tmp_.path().toStdString()) / "not-a-dataset";
    fs::create_directories(bad);
    QSignalSpy failed(&w, &MainWindow::evaluationFailed);
    w.openDataset(QString::fromStdString(bad.string()), test::roughRefined(data_));
    QVERIFY(failed.wait(60000));
    QVERIFY(failed.front().front().toString().contains("not-a-dataset"));
    QCOMPARE(w.windowTitle(), title);
    QCOMPARE(w.sampleModel()->rowCount(), rows);
    QCOMPARE(w.currentSample(), 4);
    QCOMPARE(w.session()->request().dataset, data_);
    QVERIFY(w.annotation()->editAction()->isEnabled());
    const auto recentAfter = RecentDatasets::load();
    QCOMPARE(recentAfter.size(), recentBefore.size());
    for (const DatasetOpening& o : recentAfter) QVERIFY(!o.dataset.contains("not-a-dataset"));
    // F5 evaluates the dataset that is open, not the one that failed.
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.reevaluate();
    QVERIFY(done.wait(120000));
    QCOMPARE(w.session()->request().dataset, data_);
    QCOMPARE(w.sampleModel()->rowCount(), rows);
  }

  // Any number of methods with any names: the browser, the dock, the canvas and the 3D view
  // compare any two, with deltas against the reference the user picks.
  void sixMethodsAgainstAnyReference() {
    MainWindow w;
    QVERIFY(open(w, sixMethods(), "2"));
    QCOMPARE(w.session()->runs().size(), std::size_t(6));
    QComboBox* shown = w.overlayPanel()->shownBox();
    QComboBox* reference = w.overlayPanel()->referenceBox();
    QCOMPARE(shown->count(), 6);
    QCOMPARE(shown->currentText(), QString("wilor"));  // no role declared: last against first
    QCOMPARE(reference->currentText(), QString("baseline"));
    // Pick "handar" against "i2l", as a user does in the Overlays dock.
    reference->setCurrentIndex(2);
    Q_EMIT reference->activated(2);
    shown->setCurrentIndex(3);
    Q_EMIT shown->activated(3);
    QCOMPARE(w.session()->referenceRun(), 2);
    QCOMPARE(w.session()->shownRun(), 3);
    QCOMPARE(w.currentSample(), 2);
    const SampleTableModel* m = w.sampleModel();
    QVERIFY(m->columnIndex("delta.handar.hand_miou") >= 0);
    QCOMPARE(m->columnIndex("delta.i2l.hand_miou"), -1);  // the reference has no delta
    QVERIFY(std::abs(cell(w, "delta.handar.hand_miou") -
                     (cell(w, "handar.hand_miou") - cell(w, "i2l.hand_miou"))) < 1e-12);
    const SampleMetricsTable* dock = w.metricsPanel()->sampleTable();
    QCOMPARE(dock->columnCount(), 7);  // six methods and the delta of the shown one
    QVERIFY(dock->horizontalHeaderItem(6)->text().contains("handar"));
    QVERIFY(dock->horizontalHeaderItem(2)->text().contains("ref."));
    // The canvas shows the picked pair: their silhouettes are the handar / i2l files' meshes.
    const auto& labels = w.presenter()->labels();
    QVERIFY(!labels[1].empty() && !labels[2].empty());
    QVERIFY(labels[1].pixels != labels[2].pixels);  // i2l = rough copy, handar = refined copy
    QCOMPARE(w.meshView()->scene().offsetsVisible(), false);  // nothing declared
    // All six at once: the "All methods" overlay draws every method's contour in its colour
    // (the charts' and figures' colour), with a legend of GT and the six.
    QAction* all = w.actions().layers[std::size_t(ImageCanvas::Layer::AllMethods)];
    const double row = QFontMetrics(w.canvas()->font()).height() + 2;
    const double partsLegend = w.canvas()->legendRect().height();  // six parts
    all->setChecked(true);
    QVERIFY(w.canvas()->overlayVisible(ImageCanvas::Layer::AllMethods));
    QCOMPARE(w.canvas()->legendRect().height(), partsLegend + row);  // GT and six methods
    const QImage picture = w.canvas()->renderToImage();
    int wilor = 0;  // the last method's contour wins where copies overlap
    const QColor colour = methodColor(5);
    for (int y = 0; y < picture.height(); ++y)
      for (int x = 0; x < picture.width(); ++x) {
        const QColor c = picture.pixelColor(x, y);
        wilor += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                     std::abs(c.blue() - colour.blue()) <
                 6;
      }
    QVERIFY2(wilor > 50, qPrintable(QString::number(wilor)));
    all->setChecked(false);
    QCOMPARE(w.canvas()->legendRect().height(), partsLegend);
    // The filter compares any two methods on any metric.
    QLineEdit* filter = w.browser()->filterEdit();
    filter->setText("i2l worse than handar on hand_miou");
    QMetaObject::invokeMethod(filter, "editingFinished");
    QVERIFY(w.browser()->proxy()->rowCount() > 0);
    QVERIFY(w.browser()->matchCountLabel()->text().contains("of 10"));
    filter->setText("hand_miou > 0.5");  // which method? an error, not a guess
    QMetaObject::invokeMethod(filter, "editingFinished");
    QVERIFY(w.statusBar()->currentMessage().contains("ambiguous"));
  }

  // File → Import Evaluation: a result computed elsewhere (two shards merged, as a cluster run
  // gives it) is shown beside the open run without evaluating, and its numbers are those of a
  // local evaluation of the same file; one of other conventions is refused, naming them.
  void importedEvaluationEqualsALocalOne() {
    const fs::path tmp = fs::path(tmp_.path().toStdString());
    const fs::path cluster = tmp / "cluster.json";
    if (!fs::exists(cluster)) fs::copy_file(data_ / "pred_refined.json", cluster);
    const QString pred = "cluster=" + QString::fromStdString(cluster.string());
    QStringList shards;
    for (int k = 0; k < 2; ++k) {
      const fs::path out = tmp / ("import-shard-" + std::to_string(k));
      const auto r = test::runCli({"eval", "--dataset", dataset(), "--pred", pred, "--shard",
                                   QString("%1/2").arg(k), "--out",
                                   QString::fromStdString(out.string()), "--quiet"});
      QVERIFY2(r.exitCode == 0, qPrintable(r.err));
      shards << QString::fromStdString(out.string());
    }
    const QString merged = QString::fromStdString((tmp / "import-merged").string());
    auto r = test::runCli(QStringList{"merge", "--out", merged, "--quiet"} + shards);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString other = QString::fromStdString((tmp / "import-112").string());
    r = test::runCli({"eval", "--dataset", dataset(), "--pred", pred, "--resolution", "112",
                      "--out", other, "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    MainWindow w;
    QVERIFY(open(w, {{"rough", QString::fromStdString((data_ / "pred_rough.json").string())}}));
    QCOMPARE(w.session()->runs().size(), std::size_t(1));
    QVERIFY(w.actions().importEvaluation && w.actions().importEvaluation->isEnabled());
    const QString refused = w.session()->importEvaluation(other);
    QVERIFY2(refused.contains("resolution") && refused.contains("112"), qPrintable(refused));
    QCOMPARE(w.session()->runs().size(), std::size_t(1));  // nothing changed
    QVERIFY(!w.session()->importEvaluation(QString::fromStdString(tmp.string())).isEmpty());
    w.importEvaluation(merged);  // as the menu does (a refusal would be a dialog)
    QCOMPARE(w.session()->runs().size(), std::size_t(2));
    QVERIFY(w.statusBar()->currentMessage().contains("Imported 1 run"));

    // Opened without predictions of its own, only to show the import (as --import does): the
    // imported totals come too, so the PCK curves are drawn (no "needs a re-evaluation" note).
    MainWindow bare;
    QVERIFY(open(bare, {}));
    bare.importEvaluation(merged);
    QCOMPARE(bare.session()->runs().size(), std::size_t(1));
    QCOMPARE(bare.session()->totals().size(), std::size_t(1));
    QCOMPARE(bare.session()->totals()[0].joints.samples(), std::int64_t(10));

    MainWindow local;  // the same file evaluated here
    QVERIFY(open(local, {{"cluster", QString::fromStdString(cluster.string())}}));
    for (std::size_t i = 0; i < 10; ++i) {
      const SampleMetrics* a = w.session()->metrics(1, i);
      const SampleMetrics* b = local.session()->metrics(0, i);
      QVERIFY(a && b);
      for (const MetricInfo& m : metricRegistry()) {
        if (!m.perSample()) continue;
        const double x = m.value(*a), y = m.value(*b);
        QVERIFY2(
            x == y || (std::isnan(x) && std::isnan(y)),
            qPrintable(
                QString("sample %1 %2: %3 vs %4").arg(i).arg(QLatin1String(m.key)).arg(x).arg(y)));
      }
    }
  }

  // Offsets ΔM only where a method is declared the refinement of the other; names do not count.
  void offsetsOnlyWhereDeclared() {
    MainWindow w;
    const auto preds = sixMethods();
    QVERIFY(open(w, {preds[0], preds[1]}, {}, {{"ours", "baseline"}}));
    QCOMPARE(w.overlayPanel()->shownBox()->currentText(), QString("ours"));
    QVERIFY(w.meshView()->scene().offsetsVisible());
    w.actions().offsets->setChecked(false);  // the user turns them off
    QVERIFY(!w.meshView()->scene().offsetsVisible());
    w.actions().offsets->setChecked(true);
    MainWindow plain;
    QVERIFY(open(plain, test::roughRefined(data_)));  // "rough"/"refined", but nothing declared
    QVERIFY(!plain.meshView()->scene().offsetsVisible());
    // The 3D colour modes and mesh visibility have controls, in the View menu and the 3D dock.
    plain.actions().meshColors[1]->trigger();
    QCOMPARE(int(plain.meshView()->scene().colorMode()), int(ColorMode::ByOffset));
    plain.actions().meshShown[0]->setChecked(false);
    QVERIFY(!plain.meshView()->scene().isMeshVisible(MeshKind::GroundTruth));
    QVERIFY(plain.actions().view3dBar->actions().contains(plain.actions().meshColors[2]));
  }

  // Headers say method and metric with its unit, in full, with a tooltip; dock values are whole.
  void headersAndValuesAreNotCut() {
    MainWindow w;
    QVERIFY(open(w, {sixMethods()[0], sixMethods()[1], sixMethods()[2]}));
    QTableView* view = w.browser()->view();
    const QHeaderView* header = view->horizontalHeader();
    const QFontMetrics fm(header->font());
    for (int c = 2; c < view->model()->columnCount(); ++c) {
      const QString text = view->model()->headerData(c, Qt::Horizontal).toString();
      int widest = 0;
      for (const QString& line : text.split('\n'))
        widest = std::max(widest, fm.horizontalAdvance(line));
      QVERIFY2(header->sectionSize(c) >= widest, qPrintable(text));
      QVERIFY(!view->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
    QVERIFY(view->model()->headerData(2, Qt::Horizontal).toString().contains('\n'));
    const SampleMetricsTable* dock = w.metricsPanel()->sampleTable();
    const QFontMetrics cellFm(dock->font());
    for (int r = 0; r < dock->rowCount(); ++r)
      for (int c = 0; c < dock->columnCount(); ++c)
        if (const QTableWidgetItem* item = dock->item(r, c))
          QVERIFY2(cellFm.horizontalAdvance(item->text()) <= dock->columnWidth(c),
                   qPrintable(item->text()));
  }

  // Zoom stays when the user moves on; F fits, Ctrl+0 shows 1:1.
  void fitAndActualSize() {
    MainWindow w;
    QVERIFY(open(w, test::roughRefined(data_)));
    ImageCanvas* canvas = w.canvas();
    const double fitted = canvas->zoom();
    canvas->zoomAround(3.0, QPointF(canvas->width() / 2.0, canvas->height() / 2.0));
    w.browser()->nextSample();
    QVERIFY(std::abs(canvas->zoom() - 3.0 * fitted) < 1e-9);
    w.actions().fit->trigger();
    QVERIFY(std::abs(canvas->zoom() - fitted) < 1e-9);
    w.actions().actualSize->trigger();
    QCOMPARE(canvas->zoom(), 1.0);
    QCOMPARE(w.actions().fit->shortcut(), QKeySequence(Qt::Key_F));
  }

  // The pixel inspector names parts; it never shows label numbers.
  void inspectorNamesParts() {
    MainWindow w;
    QVERIFY(open(w, test::roughRefined(data_)));
    const LabelImage& gt = w.presenter()->labels()[0];
    QPoint inside(-1, -1);
    for (int y = 0; y < gt.height && inside.x() < 0; ++y)
      for (int x = 0; x < gt.width; ++x)
        if (gt.at(x, y) == 1) {  // palm
          inside = QPoint(x, y);
          break;
        }
    QVERIFY(inside.x() >= 0);
    const QPointF at = w.canvas()->mapFromImage(QPointF(inside) + QPointF(0.5, 0.5));
    QTest::mouseMove(w.canvas(), at.toPoint());
    QTest::qWait(50);
    const QString text = w.findChildren<QLabel*>().isEmpty() ? QString() : [&] {
      for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
        if (l->text().startsWith("pixel")) return l->text();
      return QString();
    }();
    QVERIFY2(text.contains("GT palm"), qPrintable(text));
    QVERIFY2(!text.contains("GT 1"), qPrintable(text));
  }

  // A tool bar with icons, Help with the shortcuts and the local documentation.
  void toolBarAndHelp() {
    MainWindow w;
    const StudioActions& a = w.actions();
    QVERIFY(a.toolBar && a.toolBar->actions().size() >= 8);
    for (QAction* action : {a.open, a.reevaluate, a.exportFigure, a.exportTables, a.fit})
      QVERIFY2(!action->icon().isNull() && a.toolBar->actions().contains(action),
               qPrintable(action->text()));
    QVERIFY(a.toolBar->actions().contains(w.annotation()->editAction()));
    QVERIFY(a.help->actions().contains(a.shortcuts) && a.help->actions().contains(a.documentation));
    QVERIFY(documentationFile().endsWith("README.md"));
    QTimer::singleShot(200, [] {
      QWidget* dialog = QApplication::activeModalWidget();
      QVERIFY(dialog);
      auto* table = dialog->findChild<QTableWidget*>();
      QVERIFY(table && table->rowCount() > 20);  // every action with keys
      dialog->close();
    });
    a.shortcuts->trigger();
  }

  // Switching the language at run time reaches the metrics dock and Qt's own buttons; a dark
  // palette reaches the charts.
  void languageAndPaletteReachEveryView() {
    MainWindow w;
    QVERIFY(open(w, test::roughRefined(data_)));
    SampleMetricsTable* dock = w.metricsPanel()->sampleTable();
    const int row = dock->rowOf("hand_miou");
    QCOMPARE(dock->verticalHeaderItem(row)->text(), QString("Hand mIoU"));
    QVERIFY(applyLanguage("zh_CN"));
    QApplication::processEvents();
    QVERIFY2(dock->verticalHeaderItem(row)->text() != QString("Hand mIoU"),
             qPrintable(dock->verticalHeaderItem(row)->text()));
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QString("取消"));
    QVERIFY(applyLanguage("en"));
    QApplication::processEvents();
    QCOMPARE(dock->verticalHeaderItem(row)->text(), QString("Hand mIoU"));

    applyPalette("dark");
    QApplication::processEvents();
    QCOMPARE(w.metricsPanel()->runCharts()->pckChart()->theme(), QChart::ChartThemeDark);
    QCOMPARE(w.metricsPanel()->runCharts()->histogramChart()->theme(), QChart::ChartThemeDark);
    applyPalette("light");
    QApplication::processEvents();
    QCOMPARE(w.metricsPanel()->runCharts()->pckChart()->theme(), QChart::ChartThemeLight);
  }

  // Save and Next goes to the next sample in the order the user saw, even when saving changes
  // the sorted column; rows keep their places while a sample is edited.
  void saveAndNextFollowsTheOrderSeen() {
    MainWindow w;
    QVERIFY(open(w, test::roughRefined(data_)));
    QTableView* view = w.browser()->view();
    const int column = w.sampleModel()->columnIndex("refined.hand_iou");
    view->sortByColumn(column, Qt::AscendingOrder);  // the worst first, as a reviewer sorts
    const std::vector<int> order = visibleOrder(w, 4);
    w.browser()->selectRow(0);
    QCOMPARE(w.currentSample(), order[0]);
    w.annotation()->setEditing(true);
    for (int k = 0; k < 3; ++k) {
      QCOMPARE(w.currentSample(), order[std::size_t(k)]);
      // The shown method's silhouette as the mask: its IoU jumps to 1, the worst becomes best.
      QVERIFY(w.maskEditor()->applyMeshProposal(MaskEditor::MeshSource::Shown));
      QCOMPARE(cell(w, "refined.hand_iou"), 1.0);
      QCOMPARE(visibleOrder(w, 4), order);  // no jump under the annotator
      w.annotation()->saveAndNext();
    }
    QCOMPARE(w.currentSample(), order[3]);
    w.annotation()->setEditing(false);  // now the table re-sorts: the corrected ones go last
    QVERIFY(visibleOrder(w, 4) != order);
  }

  // An open that finishes while a dialog works on the project (Compare Stored Runs, Mask History)
  // waits for it to close: the project is never replaced under the dialog.
  void anOpenWaitsForADialogThatHoldsTheSession() {
    MainWindow w;
    QVERIFY(open(w, test::roughRefined(data_)));
    ProjectStore* before = w.project();
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    QDialog dialog(&w);
    dialog.setProperty(kHoldsSession, true);
    int whileOpen = -1;
    ProjectStore* storeWhileOpen = nullptr;
    QTimer::singleShot(0, &w, [&] { w.reevaluate(); });  // 10 samples: well under a second
    QTimer::singleShot(4000, &dialog, [&] {
      whileOpen = int(done.count());
      storeWhileOpen = w.project();
      dialog.accept();
    });
    dialog.exec();
    QCOMPARE(whileOpen, 0);
    QCOMPARE(storeWhileOpen, before);
    QVERIFY(done.count() == 1 || done.wait(60000));
    QCOMPARE(w.project(), before);  // F5 keeps the same project open
  }

  // Show Original does not outlive the session: after F5 the tools work on the correction again.
  void showOriginalEndsWithTheSession() {
    MainWindow w;
    QVERIFY(open(w, test::roughRefined(data_), "6"));
    w.annotation()->setEditing(true);
    w.annotation()->setShowOriginal(true);
    QVERIFY(!w.maskEditor()->toolAction(MaskEditor::Tool::Brush)->isEnabled());
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.reevaluate();
    QVERIFY(done.wait(120000));
    QVERIFY(w.maskEditor()->toolAction(MaskEditor::Tool::Brush)->isEnabled());
    w.annotation()->setEditing(true);
    QVERIFY(w.maskEditor()->applyMeshProposal(MaskEditor::MeshSource::Shown));
    QVERIFY(w.annotation()->save());  // saving works: the correction, not the original, is shown
    w.annotation()->revert();
    w.annotation()->setEditing(false);
  }

  // Revert to Original re-scores at once (no F5), and with unsaved strokes drops them.
  void revertReScoresAndDropsUnsavedStrokes() {
    MainWindow w;
    QVERIFY(open(w, test::roughRefined(data_), "5"));
    const double before = cell(w, "refined.hand_iou");
    QVERIFY(before < 1.0);
    w.annotation()->setEditing(true);
    QVERIFY(w.maskEditor()->applyMeshProposal(MaskEditor::MeshSource::Shown));
    QCOMPARE(cell(w, "refined.hand_iou"), 1.0);
    QVERIFY(w.maskEditor()->isModified());  // not saved: no correction exists yet
    w.annotation()->revert();
    QVERIFY(!w.maskEditor()->isModified());
    QCOMPARE(cell(w, "refined.hand_iou"), before);
    QVERIFY(w.statusBar()->currentMessage().contains("Unsaved strokes dropped"));
    // Saved, then reverted: the dataset's mask counts again, at once.
    QVERIFY(w.maskEditor()->applyMeshProposal(MaskEditor::MeshSource::Shown));
    QVERIFY(w.annotation()->save());
    QCOMPARE(cell(w, "refined.hand_iou"), 1.0);
    w.annotation()->revert();
    QCOMPARE(cell(w, "refined.hand_iou"), before);
    const SampleMetricsTable* dock = w.metricsPanel()->sampleTable();
    QCOMPARE(
        dock->item(dock->rowOf("hand_iou"), 1)->data(SampleMetricsTable::kValueRole).toDouble(),
        before);
    w.annotation()->setEditing(false);
  }
};

int main(int argc, char** argv) {
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio Workflow Test");
  TestStudioWorkflow t;
  return QTest::qExec(&t, argc, argv);
}

#include "TestStudioWorkflow.moc"
