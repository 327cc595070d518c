// The studio's mask-correction workflow under Xvfb: edit, live metrics, save (journaled), review
// states in the browser, save and next, revert, resume after a restart, evaluation and export.
#include "AnnotationController.h"
#include "GlFormat.h"
#include "MainWindow.h"
#include "MaskEditor.h"
#include "PreferencesDialog.h"
#include "TestSupport.h"
#include "annotation/MaskDraft.h"
#include "browser/SampleFilterProxy.h"
#include "browser/SampleTableModel.h"
#include "io/ImageIO.h"
#include "project/AnnotationSession.h"
#include "project/ProjectLocation.h"
#include "project/StudioLock.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sys/wait.h>
#include <unistd.h>
#include <cmath>
#include <csignal>

using namespace handalign;
namespace fs = std::filesystem;

class TestStudioAnnotate : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_;

  void open(MainWindow& w, const QString& sample = {}) {
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.openDataset(QString::fromStdString(data_.string()), test::roughRefined(data_), sample);
    QVERIFY(done.wait(120000));
  }
  static double cell(const MainWindow& w, const QString& column) {
    const SampleTableModel* m = w.sampleModel();
    return m->value(m->rowOfIndex(std::size_t(w.currentSample())), m->columnIndex(column));
  }
  static int handPixels(const LabelImage& hand) {
    int n = 0;
    for (auto v : hand.pixels) n += v != 0;
    return n;
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    data_ = test::synthDataset(fs::path(tmp_.path().toStdString()), 8, 21);
  }

  void undoDepthComesFromThePreferences() {
    QSettings().setValue(kUndoDepthKey, 3);
    MainWindow w;
    QCOMPARE(w.maskEditor()->undoLimit(), 3);
    QSettings().remove(kUndoDepthKey);
    w.maskEditor()->setBrushSize(37);
    w.maskEditor()->setOverlayStyle(QColor(10, 200, 30), 0.25f);
    MainWindow again;  // the brush and the mask's look are remembered
    QCOMPARE(again.maskEditor()->undoLimit(), kDefaultUndoDepth);
    QCOMPARE(again.maskEditor()->brushSize(), 37);
    QCOMPARE(again.maskEditor()->overlayColor(), QColor(10, 200, 30));
    QCOMPARE(again.maskEditor()->overlayOpacity(), 0.25f);
  }

  void editSaveReviewAndExport() {
    MainWindow w;
    open(w, "00000002");
    QCOMPARE(w.currentSample(), 2);
    QVERIFY(w.annotation()->annotations());
    QVERIFY(w.sampleModel()->reviewColumn() >= 0);
    const double roughIouBefore = cell(w, "rough.hand_iou");
    const double refinedIouBefore = cell(w, "refined.hand_iou");
    QVERIFY(refinedIouBefore < 1.0);

    // Editing starts from the dataset's own mask.
    w.annotation()->setEditing(true);
    QVERIFY(w.isEditingMask());
    const LabelImage original = readHandMask(data_ / "training/mask/00000002.jpg", 224);
    QCOMPARE(handPixels(w.maskEditor()->annotation().hand), handPixels(original));

    // The refined silhouette as the mask: the refined run's hand metrics become perfect at once.
    QVERIFY(w.maskEditor()->applyMeshProposal(MaskEditor::MeshSource::Shown));
    QCOMPARE(w.maskEditor()->undoStack()->count(), 1);
    QCOMPARE(cell(w, "refined.hand_iou"), 1.0);
    QCOMPARE(cell(w, "refined.hand_hd95"), 0.0);
    QVERIFY(cell(w, "rough.hand_iou") != roughIouBefore);
    QVERIFY(std::isfinite(cell(w, "refined.mpvpe_mm")));  // 3D metrics stay
    // For looking at it: HANDALIGN_STUDIO_SCREENSHOT=/tmp/annotate.png.
    if (const QString shot = qEnvironmentVariable("HANDALIGN_STUDIO_SCREENSHOT"); !shot.isEmpty()) {
      w.resize(1400, 900);
      QTest::qWait(300);
      w.grab().save(shot);
    }

    // Save: a lossless PNG in the annotation folder, journaled; the sample is now in progress.
    QVERIFY(w.annotation()->save());
    AnnotationSession* session = w.annotation()->annotations();
    QVERIFY(session->store().hasCorrection(2));
    QVERIFY(fs::exists(session->store().maskPath(2)));
    QCOMPARE(int(session->journal(2).size()), 1);
    QCOMPARE(cell(w, "review"), 1.0);

    // The original mask is shown (and scored) on request, read-only.
    const int corrected = handPixels(w.maskEditor()->annotation().hand);
    w.annotation()->setShowOriginal(true);
    QCOMPARE(handPixels(w.maskEditor()->annotation().hand), handPixels(original));
    QVERIFY(cell(w, "refined.hand_iou") < 1.0);
    QVERIFY(!w.maskEditor()->toolAction(MaskEditor::Tool::Brush)->isEnabled());
    w.annotation()->setShowOriginal(false);
    QCOMPARE(handPixels(w.maskEditor()->annotation().hand), corrected);
    QCOMPARE(cell(w, "refined.hand_iou"), 1.0);
    QVERIFY(w.maskEditor()->toolAction(MaskEditor::Tool::Brush)->isEnabled());

    // Save and next: accepted, and the editor follows to the next sample.
    w.annotation()->saveAndNext();
    QCOMPARE(w.currentSample(), 3);
    QVERIFY(w.isEditingMask());
    QCOMPARE(int(session->reviewStates()[2]), int(ReviewState::Accepted));
    auto* filter = w.findChild<QLineEdit*>();
    QVERIFY(filter);
    filter->setText("review == accepted");
    Q_EMIT filter->editingFinished();
    QCOMPARE(w.findChild<SampleFilterProxy*>()->rowCount(), 1);
    filter->clear();
    Q_EMIT filter->editingFinished();
    QCOMPARE(w.findChild<SampleFilterProxy*>()->rowCount(), 8);

    // Moving on with unsaved edits autosaves them.
    QVERIFY(w.jumpToSample("00000003"));  // the filter had moved the selection
    QCOMPARE(w.currentSample(), 3);
    const double iouOf3 = cell(w, "refined.hand_iou");
    QVERIFY(w.maskEditor()->applyMeshProposal(MaskEditor::MeshSource::Reference));
    QVERIFY(w.jumpToSample("00000005"));
    QVERIFY(session->store().hasCorrection(3));

    // Revert sample 3: the dataset's mask counts again; the journal keeps both steps.
    QVERIFY(w.jumpToSample("00000003"));
    QSignalSpy errors(w.annotation(), &AnnotationController::error);
    w.annotation()->revert();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors[0][0].toString()));
    QCOMPARE(cell(w, "refined.hand_iou"), iouOf3);  // re-scored at once with the dataset's mask
    QVERIFY(!session->store().hasCorrection(3));
    QCOMPARE(int(session->journal(3).size()), 2);

    // Export in FreiHAND's layout.
    QTemporaryDir out;
    const QString exportDir = out.filePath("export");
    QVERIFY(w.annotation()->exportMasks(exportDir));
    QVERIFY(QFile::exists(exportDir + "/mask/00000002.png"));
    QVERIFY(!QFile::exists(exportDir + "/mask/00000003.png"));
    QVERIFY(QFile::exists(exportDir + "/review.csv"));
    w.close();
  }

  // A second studio on the same dataset is no second writer of its project: it says which studio
  // has it (pid, host) and shows the dataset without the project (no editing, no stored runs).
  void secondStudioGetsANotice() {
    const fs::path project = projectFileFor(data_);
    QVERIFY(fs::exists(project));
    int ready[2];
    QCOMPARE(::pipe(ready), 0);
    const pid_t pid = ::fork();
    if (pid == 0) {  // the other studio: holds the project's lock until killed
      ::close(ready[0]);
      auto lock = StudioLock::acquire(project);
      if (::write(ready[1], "1", 1) != 1) ::_exit(2);
      for (;;) ::pause();
    }
    ::close(ready[1]);
    char c = 0;
    QCOMPARE(::read(ready[0], &c, 1), ssize_t(1));
    ::close(ready[0]);
    {
      MainWindow w;
      open(w);
      QVERIFY(!w.annotation()->annotations());
      QString notice;
      for (QMessageBox* box : w.findChildren<QMessageBox*>()) notice += box->text();
      QVERIFY2(notice.contains("open in another HandAlign Studio (pid " + QString::number(pid)),
               qPrintable(notice));
      w.close();
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    MainWindow w;  // the other studio is gone: this one has the project again
    open(w);
    QVERIFY(w.annotation()->annotations());
    w.close();
  }

  void restartResumesAndEvaluatesWithCorrections() {
    MainWindow w;
    open(w);  // no --sample: back where the annotator was, still editing
    QCOMPARE(w.currentSample(), 3);
    QVERIFY(w.isEditingMask());
    QVERIFY(w.jumpToSample("00000002"));
    // Stored runs predate the correction: the browser shows the corrected metrics anyway, and a
    // fresh evaluation (which now reads the annotation folder) agrees.
    QCOMPARE(cell(w, "refined.hand_iou"), 1.0);
    w.annotation()->setEditing(false);
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.reevaluate();
    QVERIFY(done.wait(120000));
    QVERIFY(w.jumpToSample("00000002"));
    QCOMPARE(cell(w, "refined.hand_iou"), 1.0);
    QCOMPARE(cell(w, "refined.hand_hd95"), 0.0);
    w.close();

    MainWindow again;  // stopped editing last time: opens at that sample, not editing
    open(again);
    QCOMPARE(again.currentSample(), 2);
    QVERIFY(!again.isEditingMask());
  }

  // Every completed stroke is on disk before the next one starts (a draft beside the corrections),
  // so a killed studio loses only a stroke in progress; reopening the sample restores the draft
  // as unsaved, undoable edits. A save removes it.
  void everyStrokeIsKeptUntilSaved() {
    MainWindow w;
    open(w, "00000004");
    w.annotation()->setEditing(true);
    AnnotationSession* session = w.annotation()->annotations();
    const fs::path folder = session->store().folder();
    const fs::path file = draft::pathFor(folder, "00000004");
    QVERIFY(!fs::exists(file));
    QVERIFY(w.maskEditor()->applyMeshProposal(MaskEditor::MeshSource::Shown));
    QTRY_VERIFY(fs::exists(file));  // written off the GUI thread
    w.maskEditor()->editStarted();  // the next stroke waits for it: complete now
    const std::optional<MaskFiles> kept = draft::read(folder, "00000004");
    QVERIFY(kept.has_value());
    const MaskAnnotation& shown = w.maskEditor()->annotation();
    const MaskAnnotation decoded =
        decodeMaskFiles(*kept, shown.width(), shown.height(), file, file);
    QVERIFY(decoded.hand.pixels == shown.hand.pixels);
    QVERIFY(!session->store().hasCorrection(4));  // a draft is not a correction
    QVERIFY(w.annotation()->save());
    QVERIFY(!fs::exists(file));

    // A studio killed with unsaved strokes on sample 5: its draft is restored on reopening.
    draft::write(folder, "00000005", *kept);
    QVERIFY(w.jumpToSample("00000005"));
    QCOMPARE(w.currentSample(), 5);
    QVERIFY(w.maskEditor()->isModified());
    QCOMPARE(w.maskEditor()->undoStack()->count(), 1);
    QVERIFY(w.maskEditor()->annotation().hand.pixels == decoded.hand.pixels);
    QVERIFY(!session->store().hasCorrection(5));
    w.maskEditor()->undoStack()->undo();  // the restored strokes are undoable, like any edit
    QVERIFY(!w.maskEditor()->isModified());
    QTRY_VERIFY(!fs::exists(draft::pathFor(folder, "00000005")));  // back at the saved state
    w.close();
  }

  // `infer --segmentation` output beside the shown method's predictions: the editor offers the
  // network's own segmentation ("From Network Segmentation"); a sample without one has none.
  void networkSegmentationIsAProposal() {
    const fs::path run = fs::path(tmp_.path().toStdString()) / "netrun";
    fs::create_directories(run / "segmentation");
    fs::create_directories(run / "segmentation_parts");
    fs::copy_file(data_ / "pred_refined.json", run / "pred_refined.json");
    test::writeText(run / "infer.json", R"({"format": "handalign.infer", "predictions":
        [{"name": "net", "file": "pred_refined.json"}], "segmentation": {"hand": "segmentation",
        "parts": "segmentation_parts"}})");
    const int size = 224;  // the synthetic images
    LabelImage parts(size, size), hand(size, size);
    for (int y = 50; y < 150; ++y)
      for (int x = 40; x < 160; ++x) parts.at(x, y) = x < 120 ? 3 : 1;
    for (std::size_t k = 0; k < parts.pixels.size(); ++k)
      hand.pixels[k] = parts.pixels[k] ? 255 : 0;
    writeGrayImage(run / "segmentation_parts" / "00000006.png", parts);
    writeGrayImage(run / "segmentation" / "00000006.png", hand);

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.openDataset(QString::fromStdString(data_.string()),
                  {{"net", QString::fromStdString((run / "pred_refined.json").string())}},
                  "00000006");
    QVERIFY(done.wait(120000));
    w.annotation()->setEditing(true);
    MaskEditor* editor = w.maskEditor();
    QVERIFY(editor->hasMeshLabels(MaskEditor::MeshSource::Network));
    // Where a user finds it: Annotate → Start From → From Network Segmentation.
    QAction* fromNetwork = editor->fromMeshAction(MaskEditor::MeshSource::Network);
    QMenu* startFrom = nullptr;
    for (QAction* a : w.annotation()->menu()->actions())
      if (a->menu() && a->menu()->actions().contains(fromNetwork)) startFrom = a->menu();
    QVERIFY(startFrom && startFrom->isEnabled() && fromNetwork->isEnabled());
    QCOMPARE(fromNetwork->text(), QString("From Network Segmentation"));
    fromNetwork->trigger();
    QCOMPARE(editor->undoStack()->count(), 1);
    QCOMPARE(editor->annotation().width(), size);
    for (std::size_t k = 0; k < parts.pixels.size(); ++k)
      QCOMPARE(int(editor->annotation().hand.pixels[k]), parts.pixels[k] ? 1 : 0);
    // The index finger from the network's parts (protect off: the part layer starts from the GT
    // mesh's parts): exactly its region becomes part 3.
    editor->setProtectOthers(false);
    editor->setLabel(3);
    QVERIFY(editor->applyMeshProposal(MaskEditor::MeshSource::Network));
    QVERIFY(editor->annotation().hasParts());
    for (std::size_t k = 0; k < parts.pixels.size(); ++k)
      if (parts.pixels[k] == 3) QCOMPARE(int(editor->annotation().parts.pixels[k]), 3);
    editor->setProtectOthers(true);
    QVERIFY(w.annotation()->save());
    // Sample 7 was not segmented: no proposal, and the tool says why.
    QVERIFY(w.jumpToSample("00000007"));
    QVERIFY(!editor->hasMeshLabels(MaskEditor::MeshSource::Network));
    QVERIFY(!fromNetwork->isEnabled());
    QSignalSpy said(editor, &MaskEditor::message);
    QVERIFY(!editor->applyMeshProposal(MaskEditor::MeshSource::Network));
    QVERIFY2(said.count() == 1 && said[0][0].toString().contains("no segmentation of sample "
                                                                 "00000007"),
             qPrintable(said.isEmpty() ? QString() : said[0][0].toString()));
    w.close();
  }
};

int main(int argc, char** argv) {
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio Annotate Test");
  TestStudioAnnotate t;
  return QTest::qExec(&t, argc, argv);
}

#include "TestStudioAnnotate.moc"
