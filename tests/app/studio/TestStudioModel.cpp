// The studio runs a checkpoint: opened with a dataset alone, on the current sample (scored at
// once) and on the whole dataset (prediction files, evaluated like any other). Under Xvfb.
#include "AnnotationController.h"
#include "GlFormat.h"
#include "MainWindow.h"
#include "MaskEditor.h"
#include "ModelController.h"
#include "PreferencesDialog.h"
#include "ScriptModels.h"
#include "TestSupport.h"
#include "browser/SampleTableModel.h"
#include "dataset/PluginRegistry.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace handalign;
namespace fs = std::filesystem;

class TestStudioModel : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_, manifest_;

  static double value(const MainWindow& w, int sample, const QString& column) {
    const SampleTableModel* m = w.sampleModel();
    return m->value(m->rowOfIndex(std::size_t(sample)), m->columnIndex(column));
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    const fs::path dir = tmp_.path().toStdString();
    data_ = test::synthDataset(dir, 5, 17);
    // A camera-frame model that always answers with sample 0's GT mesh (refined: the same).
    const auto dataset = PluginRegistry::instance().openDataset(data_, "", "", 1);
    const PointsView gt = dataset->vertices(0);
    std::vector<std::vector<float>> mesh;
    for (Eigen::Index i = 0; i < gt.rows(); ++i)
      mesh.push_back({float(gt(i, 0)), float(gt(i, 1)), float(gt(i, 2))});
    test::saveScriptModule(dir / "gt0.pt", test::constantMeshSource(0.0f),
                           {test::meshBuffer("mesh", mesh)});
    manifest_ = dir / "gt0.json";
    test::writeText(manifest_, R"({"format": "handalign.model", "version": 1,
      "checkpoint": "gt0.pt", "name": "gt zero",
      "hand_model": {"name": "procedural-hand-v1", "vertex_count": )" +
                                   std::to_string(gt.rows()) + R"(},
      "crop": {"source": "image"}, "outputs": {"rough": "rough", "refined": "refined"},
      "coordinates": {"frame": "camera"}})");
  }

  void runsOnTheSampleThenOnTheDataset() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.models()->openModel(QString::fromStdString(manifest_.string()));
    QCOMPARE(w.models()->modelFile(), QString::fromStdString(manifest_.string()));
    QSignalSpy opened(&w, &MainWindow::evaluationFinished);
    w.openDataset(QString::fromStdString(data_.string()), {});  // no prediction files yet
    QVERIFY(opened.wait(120000));
    QCOMPARE(w.sampleModel()->rowCount(), 5);  // every sample is listed
    QCOMPARE(w.currentSample(), 0);

    // The current sample: scored at once, like an evaluation would.
    QSignalSpy ran(&w, &MainWindow::modelRunFinished);
    QSignalSpy failed(&w, &MainWindow::modelRunFailed);
    QVERIFY(w.models()->run(w.currentSample()));
    QVERIFY2(ran.wait(120000),
             qPrintable(failed.isEmpty() ? QString() : failed.front().front().toString()));
    QVERIFY(w.sampleModel()->columnIndex("gt_zero_refined.mpvpe_mm") >= 0);
    QCOMPARE(value(w, 0, "gt_zero_refined.mpvpe_mm"), 0.0);  // its answer is sample 0's GT
    QVERIFY(value(w, 0, "gt_zero_refined.hand_iou") > 0.99);
    QVERIFY(std::isnan(value(w, 1, "gt_zero_refined.mpvpe_mm")));  // not run there

    // The whole dataset: files in the project folder, then an evaluation of them.
    QSignalSpy evaluated(&w, &MainWindow::evaluationFinished);
    QVERIFY(w.models()->run(-1));
    QVERIFY(ran.wait(120000));
    QVERIFY(evaluated.wait(120000));
    QCOMPARE(value(w, 0, "gt_zero_refined.mpvpe_mm"), 0.0);
    for (int s = 1; s < 5; ++s) QVERIFY(value(w, s, "gt_zero_rough.mpvpe_mm") > 1.0);
    QVERIFY(w.sampleModel()->columnIndex("delta.hand_miou") >= 0);  // a rough / refined pair

    // A bad model is refused when it is opened, not when it runs: one message naming the file,
    // and the model open before stays the one that runs.
    const QString before = w.models()->modelFile();
    test::writeText(fs::path(tmp_.path().toStdString()) / "bad.json", "{\"format\": 3}");
    QVERIFY(!w.models()->openModel(tmp_.filePath("bad.json")));
    QVERIFY(w.statusBar()->currentMessage().contains("bad.json"));
    QCOMPARE(w.models()->modelFile(), before);
    // A prediction file opened as a model: refused the same way.
    QVERIFY(!w.models()->openModel(QString::fromStdString((data_ / "pred_rough.json").string())));
    QVERIFY(w.statusBar()->currentMessage().contains("pred_rough.json"));
    QCOMPARE(w.models()->modelFile(), before);
  }

  // With the preference on, a run on the current sample keeps the model's segmentation in memory
  // and a whole-dataset run writes it; either way the mask editor offers it for the method shown
  // ("From Network Segmentation").
  void modelRunsComputeTheirSegmentation() {
    const fs::path dir = tmp_.path().toStdString();
    const auto dataset = PluginRegistry::instance().openDataset(data_, "", "", 1);
    const PointsView gt = dataset->vertices(0);
    std::vector<std::vector<float>> mesh;
    for (Eigen::Index i = 0; i < gt.rows(); ++i)
      mesh.push_back({float(gt(i, 0)), float(gt(i, 1)), float(gt(i, 2))});
    // Over the crop: background in the top-left quarter, the hand elsewhere.
    std::vector<float> seg = {0, -9, -9, -9, -9, 0, 0, 0};
    test::saveScriptModule(dir / "seg.pt",
                           "def forward(self, x):\n"
                           "    b = x.size(0)\n"
                           "    m = self.mesh.unsqueeze(0).expand(b, -1, -1)\n"
                           "    return {'rough': m, 'refined': m, "
                           "'seg': self.seg.unsqueeze(0).expand(b, -1, -1, -1)}\n",
                           {test::meshBuffer("mesh", mesh), {"seg", {2, 2, 2}, seg}});
    const fs::path model = dir / "seg.json";
    test::writeText(model, R"({"format": "handalign.model", "version": 1, "checkpoint": "seg.pt",
      "name": "segmenter", "hand_model": {"name": "procedural-hand-v1", "vertex_count": )" +
                               std::to_string(gt.rows()) + R"(}, "crop": {"source": "image",
      "enlarge": 1.0}, "outputs": {"rough": "rough", "refined": "refined", "segmentation": "seg"},
      "coordinates": {"frame": "camera"}})");
    QSettings().setValue(kSegmentationKey, true);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.models()->openModel(QString::fromStdString(model.string())));
    QSignalSpy opened(&w, &MainWindow::evaluationFinished);
    w.openDataset(QString::fromStdString(data_.string()), {});
    QVERIFY(opened.wait(120000));
    QSignalSpy ran(&w, &MainWindow::modelRunFinished);
    QSignalSpy failed(&w, &MainWindow::modelRunFailed);
    MaskEditor* editor = w.maskEditor();
    // Three quarters of the (square, whole-image) crop are hand.
    const auto expectProposal = [&] {
      QVERIFY(editor->hasMeshLabels(MaskEditor::MeshSource::Network));
      QVERIFY(editor->applyMeshProposal(MaskEditor::MeshSource::Network));
      const LabelImage& hand = editor->annotation().hand;
      int inHand = 0;
      for (auto v : hand.pixels) inHand += v != 0;
      QCOMPARE(inHand, int(hand.pixels.size()) * 3 / 4);
      QCOMPARE(int(hand.at(0, 0)), 0);
      QCOMPARE(int(hand.at(hand.width - 1, hand.height - 1)), 1);
      editor->undoStack()->undo();
    };
    // The current sample (F6): in memory, for the model's runs.
    QVERIFY(w.models()->run(w.currentSample()));
    QVERIFY2(ran.wait(120000),
             qPrintable(failed.isEmpty() ? QString() : failed.front().front().toString()));
    w.annotation()->setEditing(true);
    expectProposal();
    w.annotation()->setEditing(false);
    // The whole dataset (Shift+F6): written beside its predictions, read back by the studio.
    QVERIFY(w.models()->run(-1));
    QVERIFY2(ran.wait(120000),
             qPrintable(failed.isEmpty() ? QString() : failed.front().front().toString()));
    QVERIFY(opened.wait(120000));
    QSettings().remove(kSegmentationKey);
    w.annotation()->setEditing(true);
    expectProposal();
    w.close();
  }
};

int main(int argc, char** argv) {
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio Model Test");
  TestStudioModel t;
  return QTest::qExec(&t, argc, argv);
}

#include "TestStudioModel.moc"
