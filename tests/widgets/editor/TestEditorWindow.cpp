// The editor in a window as a user sees it, on a rendered procedural hand: toolbar, canvas with
// the part-coloured mask, a stroke, the brush ring, and the undo history. Checks the grabbed
// window's pixels; HANDALIGN_EDITOR_SNAPSHOT=/path.png also saves it (docs/images/editor.png).
#include "EditorToolBar.h"
#include "GlFormat.h"
#include "MaskEditor.h"
#include "canvas/ImageCanvas.h"
#include "canvas/PartPalette.h"
#include "hand/ProceduralHand.h"
#include "synth/SceneRenderer.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>
#include <QtTest>

#include <Eigen/Geometry>

using namespace handalign;

namespace {

constexpr int kSize = 448;

struct Scene {
  QImage image;
  LabelImage parts;
};

// An open right hand, palm to the camera, fingers up, filling most of the image.
Scene renderHand() {
  ProceduralHand hand;
  HandPose pose;
  pose.fingers[0] = {0.35, 0.25, 0.15, 0.1};
  for (int f = 1; f < 5; ++f) pose.fingers[std::size_t(f)] = {0.12 * (f - 2.5), 0.15, 0.2, 0.1};
  pose.globalRotation = (Eigen::AngleAxisd(M_PI, Eigen::Vector3d::UnitX()) *
                         Eigen::AngleAxisd(0.25, Eigen::Vector3d::UnitY()))
                            .toRotationMatrix();
  Intrinsics K;
  const double f = 900, c = (kSize - 1) / 2.0;
  K.K << f, 0, c, 0, f, c, 0, 0, 1;
  const Eigen::RowVector3d centroid = hand.pose(pose).vertices.colwise().mean();
  pose.wristPosition = Eigen::Vector3d(0, 0.01, 0.42) - centroid.transpose();
  const Points v = hand.pose(pose).vertices;
  Raster raster;
  rasterize(viewOf(v), hand.model().faces, K, kSize, kSize, raster);
  SceneStyle style;
  style.backgroundSeed = 11;
  const std::vector<std::uint8_t> bgr =
      renderScene(viewOf(v), hand.model().faces, raster, K, style);
  Scene s;
  s.image = QImage(bgr.data(), kSize, kSize, 3 * kSize, QImage::Format_BGR888).copy();
  raster.toLabels(hand.model().faceLabels(), s.parts);
  return s;
}

bool near(const QColor& a, const QColor& b, int tolerance) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

}  // namespace

class TestEditorWindow : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void editorInUse() {
    const Scene scene = renderHand();
    QWidget window;
    auto* outer = new QHBoxLayout(&window);
    auto* left = new QVBoxLayout;
    auto* canvas = new ImageCanvas;
    auto* editor = new MaskEditor(&window);
    left->addWidget(new EditorToolBar(editor));
    left->addWidget(canvas, 1);
    outer->addLayout(left, 1);
    auto* history = new QUndoView(editor->undoStack());
    history->setFixedWidth(170);
    outer->addWidget(history);
    canvas->setMinimumSize(560, 560);
    canvas->setImage(scene.image);

    MaskAnnotation start;  // the hand mask, a little short of the wrist
    start.hand.reset(kSize, kSize, 0);
    for (std::size_t i = 0; i < start.hand.pixels.size(); ++i)
      start.hand.pixels[i] = scene.parts.pixels[i] != 0 && int(i / kSize) < 370;
    editor->attach(canvas);
    editor->load(start, scene.image);
    editor->setMeshLabels(MaskEditor::MeshSource::GroundTruth, scene.parts);
    window.resize(1280, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Parts first: a palm stroke starts the part layer from the GT mesh's parts.
    const auto at = [&](double x, double y) {
      return canvas->mapFromImage(QPointF(x, y)).toPoint();
    };
    editor->setTool(MaskEditor::Tool::Brush);
    editor->setLabel(labelOf(Part::Palm));
    editor->setBrushSize(18);
    QTest::mousePress(canvas, Qt::LeftButton, {}, at(200, 330));
    QTest::mouseMove(canvas, at(240, 336));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(240, 336));
    QVERIFY(editor->annotation().hasParts());
    // Then the hand class: extend the mask down the wrist, the ring shown at the cursor.
    editor->setLabel(0);
    editor->setBrushSize(26);
    QTest::mousePress(canvas, Qt::LeftButton, {}, at(215, 365));
    for (int y = 372; y <= 430; y += 8) QTest::mouseMove(canvas, at(220 + (y - 365) / 6, y));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(230, 430));
    QTest::mouseMove(canvas, at(300, 420));  // no button: a real cursor move, delivered later
    QTest::qWait(100);
    QCOMPARE(editor->undoStack()->count(), 2);

    const QImage shot = window.grab().toImage();
    const double dpr = shot.devicePixelRatio();
    const QString path = qEnvironmentVariable("HANDALIGN_EDITOR_SNAPSHOT");
    if (!path.isEmpty()) QVERIFY(shot.save(path));
    const auto pixel = [&](QPoint widget) {
      return shot.pixelColor((canvas->mapTo(&window, widget) * dpr));
    };
    // A hand-only pixel is tinted with the overlay colour, a thumb pixel with the thumb's.
    int thumb = -1;
    for (std::size_t i = 0; i < scene.parts.pixels.size() && thumb < 0; ++i)
      if (scene.parts.pixels[i] == labelOf(Part::Thumb) && int(i / kSize) < 370) thumb = int(i);
    QVERIFY(thumb >= 0);
    const int tx = thumb % kSize, ty = thumb / kSize;
    const auto mix = [](QColor a, QColor b) {
      return QColor((a.red() + b.red()) / 2, (a.green() + b.green()) / 2,
                    (a.blue() + b.blue()) / 2);
    };
    QVERIFY(near(pixel(at(tx + 0.5, ty + 0.5)),
                 mix(scene.image.pixelColor(tx, ty), kPartPalette[labelOf(Part::Thumb)]), 4));
    QVERIFY(near(pixel(at(222.5, 410.5)),
                 mix(scene.image.pixelColor(222, 410), editor->overlayColor()), 4));
  }
};

int main(int argc, char** argv) {
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  TestEditorWindow test;
  return QTest::qExec(&test, argc, argv);
}

#include "TestEditorWindow.moc"
