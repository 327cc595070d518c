// The mask editor driven like a user: synthesized mouse, wheel and key events on a real canvas
// (Xvfb), checked against the mask's pixels and against core's operations applied directly.
#include "EditorToolBar.h"
#include "GlFormat.h"
#include "MaskEditor.h"
#include "canvas/ImageCanvas.h"

#include <QApplication>
#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>
#include <set>

using namespace handalign;
using Tool = MaskEditor::Tool;

namespace {

constexpr int kSize = 100;  // image pixels; the canvas is 200×200, so zoom 2 and origin 0

// A warm disk (centre 50, 50, radius 22) on a dark background with a little texture.
QImage diskImage(LabelImage& truth) {
  QImage img(kSize, kSize, QImage::Format_RGB32);
  truth.reset(kSize, kSize, 0);
  for (int y = 0; y < kSize; ++y)
    for (int x = 0; x < kSize; ++x) {
      const bool in = std::hypot(x + 0.5 - 50, y + 0.5 - 50) < 22;
      truth.at(x, y) = in;
      const int t = ((x * 7 + y * 13) % 11) - 5;
      img.setPixel(x, y, in ? qRgb(220 + t, 170 + t, 140 + t) : qRgb(40 + t, 55 + t, 50 + t));
    }
  return img;
}

int count(const LabelImage& img, std::uint8_t v) {
  return int(std::count(img.pixels.begin(), img.pixels.end(), v));
}

double iou(const LabelImage& a, const LabelImage& b) {
  int inter = 0, uni = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    inter += a.pixels[i] && b.pixels[i], uni += a.pixels[i] || b.pixels[i];
  return uni ? double(inter) / uni : 1.0;
}

QColor mix(const QColor& a, const QColor& b, double t) {
  return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                          a.greenF() + (b.greenF() - a.greenF()) * t,
                          a.blueF() + (b.blueF() - a.blueF()) * t);
}

bool near(const QColor& a, const QColor& b) {
  return std::abs(a.red() - b.red()) <= 2 && std::abs(a.green() - b.green()) <= 2 &&
         std::abs(a.blue() - b.blue()) <= 2;
}

bool same(const MaskAnnotation& a, const MaskAnnotation& b) {
  return a.hand.pixels == b.hand.pixels && a.hasParts() == b.hasParts() &&
         a.parts.pixels == b.parts.pixels;
}

}  // namespace

class TestMaskEditor : public QObject {
  Q_OBJECT
  std::unique_ptr<QWidget> window_;
  ImageCanvas* canvas_ = nullptr;
  EditorToolBar* toolBar_ = nullptr;
  MaskEditor* editor_ = nullptr;
  LabelImage disk_;
  QImage image_;
  MaskAnnotation original_;

  // Widget point of image point (x, y); pixel (x, y)'s centre is px(x, y).
  QPoint wp(double x, double y) const { return canvas_->mapFromImage(QPointF(x, y)).toPoint(); }
  QPoint px(int x, int y) const { return wp(x + 0.5, y + 0.5); }
  void key(int k, Qt::KeyboardModifiers m = {}) { QTest::keyClick(canvas_, Qt::Key(k), m); }
  void drag(QPoint from, QPoint to, Qt::MouseButton b = Qt::LeftButton,
            Qt::KeyboardModifiers m = {}) {
    QTest::mousePress(canvas_, b, m, from);
    QTest::mouseMove(canvas_, to);
    QTest::mouseRelease(canvas_, b, m, to);
  }
  void click(QPoint p, Qt::MouseButton b = Qt::LeftButton) { QTest::mouseClick(canvas_, b, {}, p); }
  const MaskAnnotation& mask() const { return editor_->annotation(); }
  QString lastAction() const { return editor_->undoStack()->undoText(); }

 private Q_SLOTS:
  // Each tool is one object behind one interface: its id (stored, stable), name, help and
  // cursor come from it; the ids round-trip through the project's resume point.
  void toolsAreObjectsWithStableIds() {
    MaskEditor editor;
    std::set<std::string> ids;
    for (int i = 1; i <= MaskEditor::kToolCount; ++i) {
      const auto tool = MaskEditor::Tool(i);
      const EditorTool* object = editor.toolObject(tool);
      QVERIFY(object);
      QCOMPARE(object->id(), MaskEditor::toolId(tool));
      QVERIFY(ids.insert(object->id()).second);
      QVERIFY(MaskEditor::toolFromId(object->id()) == tool);
      QCOMPARE(editor.toolAction(tool)->text(), object->name());
      QVERIFY(editor.toolAction(tool)->toolTip().contains(object->help()));
    }
    QVERIFY(editor.toolObject(MaskEditor::Tool::None) == nullptr);
    QVERIFY(MaskEditor::toolFromId("3") ==
            MaskEditor::Tool::Polygon);         // what older versions stored
    QVERIFY(!MaskEditor::toolFromId("lasso"));  // unknown: no tool, not a guess
    QCOMPARE(editor.toolObject(MaskEditor::Tool::FloodFill)->cursor().shape(),
             Qt::PointingHandCursor);
    QVERIFY(editor.toolObject(MaskEditor::Tool::Brush)->showsBrushRing());
    QVERIFY(!editor.toolObject(MaskEditor::Tool::Polygon)->showsBrushRing());
  }

  void init() {
    window_ = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(window_.get());
    canvas_ = new ImageCanvas;
    canvas_->setFixedSize(2 * kSize, 2 * kSize);
    editor_ = new MaskEditor(window_.get());
    toolBar_ = new EditorToolBar(editor_);
    layout->addWidget(toolBar_);
    layout->addWidget(canvas_);
    image_ = diskImage(disk_);
    canvas_->setImage(image_);
    original_ = MaskAnnotation();
    original_.hand.reset(kSize, kSize, 0);
    for (int y = 70; y < 90; ++y)  // a rough hand-made mask: a bar under the disk
      for (int x = 10; x < 60; ++x) original_.hand.at(x, y) = 1;
    editor_->attach(canvas_);
    editor_->load(original_, image_);
    window_->show();
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    canvas_->setFocus();
    QCOMPARE(canvas_->zoom(), 2.0);
    QCOMPARE(canvas_->imageOrigin(), QPointF(0, 0));
  }
  void cleanup() { window_.reset(); }

  void brushStrokeIsTheCoreCapsule() {
    QSignalSpy edited(editor_, &MaskEditor::maskEdited);
    key(Qt::Key_1);
    QCOMPARE(editor_->tool(), Tool::Brush);
    editor_->setBrushSize(4);
    drag(px(20, 20), px(60, 24));  // one move event, far away: the segment has no gaps
    MaskAnnotation expected = original_;
    paintSegment(expected, {20.5, 20.5}, {60.5, 24.5}, 2.0, MaskBrush{0, false, true});
    QVERIFY(same(mask(), expected));
    QCOMPARE(lastAction(), QStringLiteral("Brush"));
    QCOMPARE(editor_->undoStack()->count(), 1);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.first().first().toRect(), QRect(18, 18, 45, 9));
    QVERIFY(editor_->isModified());
    // The canvas shows the edit: the overlay colour at the pixel, the image next to it.
    const QImage shot = canvas_->renderToImage();  // device pixels
    const auto shown = [&](int x, int y) {
      return shot.pixelColor(px(x, y) * shot.devicePixelRatio());
    };
    const QColor overlay = editor_->overlayColor();
    QVERIFY(near(shown(40, 22), mix(image_.pixelColor(40, 22), overlay, 0.5)));
    QVERIFY(near(shown(40, 40), image_.pixelColor(40, 40)));
  }

  void rightDragAndEraserErase() {
    key(Qt::Key_1);
    editor_->setBrushSize(6);
    drag(px(20, 80), px(40, 80), Qt::RightButton);  // a temporary eraser
    QCOMPARE(lastAction(), QStringLiteral("Erase"));
    QCOMPARE(editor_->tool(), Tool::Brush);
    for (int x = 20; x <= 40; ++x) QCOMPARE(mask().hand.at(x, 80), std::uint8_t(0));
    QCOMPARE(mask().hand.at(20, 76), std::uint8_t(1));
    key(Qt::Key_2);
    QCOMPARE(editor_->tool(), Tool::Eraser);
    drag(px(50, 72), px(50, 88));
    QCOMPARE(lastAction(), QStringLiteral("Erase"));
    for (int y = 70; y < 90; ++y) QCOMPARE(mask().hand.at(50, y), std::uint8_t(0));
    QCOMPARE(mask().hand.at(56, 80), std::uint8_t(1));
  }

  void polygonFillsAndErases() {
    key(Qt::Key_3);
    // Vertices on pixel corners: pixels x 10..39, y 10..29; Enter closes it.
    for (QPoint p : {wp(10, 10), wp(40, 10), wp(40, 30), wp(10, 30)}) click(p);
    QCOMPARE(editor_->undoStack()->count(), 0);  // nothing until closed
    key(Qt::Key_Return);
    QCOMPARE(lastAction(), QStringLiteral("Polygon fill"));
    QCOMPARE(count(mask().hand, 1), count(original_.hand, 1) + 30 * 20);
    QCOMPARE(mask().hand.at(10, 10), std::uint8_t(1));
    QCOMPARE(mask().hand.at(40, 10), std::uint8_t(0));
    // Right-clicked vertices erase; clicking the first vertex again closes.
    for (QPoint p : {wp(15, 15), wp(20, 15), wp(20, 20), wp(15, 20), wp(15, 15)})
      click(p, Qt::RightButton);
    QCOMPARE(lastAction(), QStringLiteral("Polygon erase"));
    QCOMPARE(count(mask().hand, 1), count(original_.hand, 1) + 30 * 20 - 25);
    // A double-click closes too.
    for (QPoint p : {wp(60, 10), wp(70, 10), wp(70, 20)}) click(p);
    click(wp(60, 20));  // Qt sends press, release, double-click, release
    QTest::mouseDClick(canvas_, Qt::LeftButton, {}, wp(60, 20));
    QTest::mouseRelease(canvas_, Qt::LeftButton, {}, wp(60, 20));
    QCOMPARE(editor_->undoStack()->count(), 3);
    QCOMPARE(mask().hand.at(65, 15), std::uint8_t(1));
    QCOMPARE(mask().hand.at(70, 15), std::uint8_t(0));
  }

  void floodFillFillsTheHole() {
    MaskAnnotation ring = original_;
    for (int y = 5; y < 25; ++y)
      for (int x = 5; x < 25; ++x) ring.hand.at(x, y) = (x < 8 || x >= 22 || y < 8 || y >= 22);
    editor_->load(ring, image_);
    key(Qt::Key_4);
    click(px(15, 15));
    QCOMPARE(lastAction(), QStringLiteral("Flood fill"));
    QCOMPARE(count(mask().hand, 1), count(ring.hand, 1) + 14 * 14);
    click(px(6, 6), Qt::RightButton);  // the whole square, 4-connected, erased
    QCOMPARE(lastAction(), QStringLiteral("Flood erase"));
    QCOMPARE(count(mask().hand, 1), count(original_.hand, 1));
  }

  void grabCutFromBoxAndStroke() {
    key(Qt::Key_5);
    QCOMPARE(editor_->tool(), Tool::GrabCut);
    MaskAnnotation start = original_;
    start.hand.pixels.assign(start.hand.pixels.size(), 0);
    editor_->load(start, image_);
    drag(wp(20, 20), wp(80, 80), Qt::LeftButton, Qt::ShiftModifier);  // Shift+drag: a box
    QCOMPARE(lastAction(), QStringLiteral("GrabCut"));
    QVERIFY2(iou(mask().hand, disk_) > 0.95, qPrintable(QString::number(iou(mask().hand, disk_))));
    editor_->load(start, image_);
    editor_->setBrushSize(6);
    QSignalSpy messages(editor_, &MaskEditor::message);
    drag(px(40, 50), px(60, 50));  // a rough stroke across the disk
    QVERIFY2(messages.isEmpty(),
             messages.isEmpty() ? "" : qPrintable(messages.first().first().toString()));
    QVERIFY2(iou(mask().hand, disk_) > 0.9, qPrintable(QString::number(iou(mask().hand, disk_))));
  }

  void fromMeshTakesTheSilhouette() {
    LabelImage rough(50, 50, 0), refined(kSize, kSize, 0);  // rough at half resolution
    for (int y = 10; y < 20; ++y)
      for (int x = 10; x < 20; ++x) rough.at(x, y) = 1;
    for (int y = 30; y < 60; ++y)
      for (int x = 30; x < 60; ++x) refined.at(x, y) = std::uint8_t(1 + (x - 30) / 5);
    editor_->setMeshLabels(MaskEditor::MeshSource::Reference, rough);
    editor_->setMeshLabels(MaskEditor::MeshSource::Shown, refined);
    key(Qt::Key_6);
    QCOMPARE(editor_->meshSource(), MaskEditor::MeshSource::Shown);
    click(px(5, 5));
    QCOMPARE(lastAction(), QStringLiteral("From shown mesh"));
    QCOMPARE(count(mask().hand, 1), 30 * 30);
    QVERIFY(!mask().hasParts());
    editor_->fromMeshAction(MaskEditor::MeshSource::Reference)->trigger();
    QCOMPARE(lastAction(), QStringLiteral("From reference mesh"));
    QCOMPARE(count(mask().hand, 1), 20 * 20);
    QCOMPARE(mask().hand.at(20, 20), std::uint8_t(1));
    QCOMPARE(mask().hand.at(40, 40), std::uint8_t(0));
  }

  void partLabelsStartFromGtAndProtect() {
    LabelImage gt(kSize, kSize, 0);
    for (int y = 0; y < kSize; ++y)
      for (int x = 0; x < 35; ++x) gt.at(x, y) = labelOf(Part::Palm);
    editor_->setMeshLabels(MaskEditor::MeshSource::GroundTruth, gt);
    key(Qt::Key_1);
    editor_->setBrushSize(4);
    editor_->setLabel(labelOf(Part::Thumb));
    QCOMPARE(toolBar_->labelBox()->currentIndex(), int(labelOf(Part::Thumb)));
    drag(px(50, 80), px(50, 80));
    QVERIFY(mask().hasParts());
    QCOMPARE(mask().parts.at(20, 80), labelOf(Part::Palm));  // started from GT, inside the hand
    QCOMPARE(mask().parts.at(20, 50), std::uint8_t(0));      // GT palm outside the hand: not taken
    QCOMPARE(mask().parts.at(50, 80), labelOf(Part::Thumb));
    toolBar_->labelBox()->setCurrentIndex(labelOf(Part::Index));  // the toolbar sets the label
    QCOMPARE(editor_->label(), int(labelOf(Part::Index)));
    drag(px(30, 80), px(60, 80));  // protected: the thumb and the palm stay
    QCOMPARE(mask().parts.at(50, 80), labelOf(Part::Thumb));
    QCOMPARE(mask().parts.at(30, 80), labelOf(Part::Palm));
    QCOMPARE(mask().parts.at(45, 80), labelOf(Part::Index));
    editor_->protectAction()->trigger();
    QVERIFY(!editor_->protectOthers());
    drag(px(30, 80), px(60, 80));
    QCOMPARE(mask().parts.at(50, 80), labelOf(Part::Index));
    QCOMPARE(mask().parts.at(30, 80), labelOf(Part::Index));
    // Undoing the first part stroke removes the part layer again.
    for (int i = 0; i < 3; ++i) editor_->undoAction()->trigger();
    QVERIFY(!mask().hasParts());
    QVERIFY(same(mask(), original_));
  }

  void strokesThenUndosRestoreByteForByte() {
    editor_->setMeshLabels(MaskEditor::MeshSource::Shown, disk_);
    const auto strokes = [this] {
      key(Qt::Key_1);
      drag(px(10, 10), px(90, 30));
      editor_->setLabel(labelOf(Part::Ring));
      drag(px(20, 75), px(50, 85));
      drag(px(30, 75), px(30, 95), Qt::RightButton);
      key(Qt::Key_3);
      for (QPoint p : {wp(5, 40), wp(95, 45), wp(50, 60)}) click(p);
      key(Qt::Key_Enter);
      key(Qt::Key_4);
      click(px(50, 48), Qt::RightButton);  // the polygon's ring pixels
      editor_->setLabel(0);
      click(px(98, 98));
      key(Qt::Key_6);
      click(px(50, 50), Qt::RightButton);
      key(Qt::Key_2);
      drag(px(0, 0), px(99, 99));
    };
    strokes();
    const int n = editor_->undoStack()->count();
    QCOMPARE(n, 8);
    const MaskAnnotation edited = mask();
    QVERIFY(!same(edited, original_));
    for (int i = 0; i < n; ++i) key(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(same(mask(), original_));
    QVERIFY(!editor_->isModified());
    for (int i = 0; i < n; ++i) key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(same(mask(), edited));
  }

  void toolbarUndoIsTheShortcut() {
    key(Qt::Key_1);
    drag(px(10, 10), px(30, 10));
    const MaskAnnotation one = mask();
    drag(px(10, 40), px(30, 40));
    const MaskAnnotation two = mask();
    QCOMPARE(editor_->undoAction()->text(), QStringLiteral("Undo Brush"));  // the menu's
    // The toolbar's buttons keep fixed texts (the tools do not move after a stroke); the command
    // is in the tooltip.
    QAction *undo = nullptr, *redo = nullptr;
    for (QAction* a : toolBar_->actions()) {
      if (a->text() == "Undo") undo = a;
      if (a->text() == "Redo") redo = a;
    }
    QVERIFY(undo && redo);
    QVERIFY2(undo->toolTip().contains("Brush"), qPrintable(undo->toolTip()));
    QVERIFY(!redo->isEnabled());
    auto* undoButton = qobject_cast<QToolButton*>(toolBar_->widgetForAction(undo));
    auto* redoButton = qobject_cast<QToolButton*>(toolBar_->widgetForAction(redo));
    QVERIFY(undoButton && redoButton);
    QTest::mouseClick(undoButton, Qt::LeftButton);
    QVERIFY(same(mask(), one));
    QTest::mouseClick(redoButton, Qt::LeftButton);
    QVERIFY(same(mask(), two));
    canvas_->setFocus();
    key(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(same(mask(), one));
    key(Qt::Key_Y, Qt::ControlModifier);
    QVERIFY(same(mask(), two));
  }

  void numberKeysAndEscape() {
    for (int i = 1; i <= MaskEditor::kToolCount; ++i) {
      key(Qt::Key_0 + i);
      QCOMPARE(int(editor_->tool()), i);
      QVERIFY(editor_->toolAction(Tool(i))->isChecked());
    }
    key(Qt::Key_1);
    key(Qt::Key_1);  // choosing the active tool again keeps it
    QCOMPARE(editor_->tool(), Tool::Brush);
    key(Qt::Key_Escape);
    QCOMPARE(editor_->tool(), Tool::None);
    QVERIFY(!editor_->toolAction(Tool::Brush)->isChecked());
    // With no tool, a left drag pans as before and edits nothing.
    drag(px(50, 50), px(40, 50));
    QCOMPARE(canvas_->imageOrigin(), QPointF(-20, 0));
    QCOMPARE(editor_->undoStack()->count(), 0);
    // Esc first drops the polygon in progress, then leaves the tool.
    key(Qt::Key_3);
    click(wp(10, 10));
    click(wp(30, 10));
    key(Qt::Key_Escape);
    QCOMPARE(editor_->tool(), Tool::Polygon);
    click(wp(10, 10));
    click(wp(20, 10));
    click(wp(20, 20));
    key(Qt::Key_Return);  // a new polygon: only these three vertices
    QCOMPARE(editor_->undoStack()->count(), 1);
    key(Qt::Key_Escape);
    QCOMPARE(editor_->tool(), Tool::None);
  }

  void keysDuringAStroke() {
    key(Qt::Key_1);
    editor_->setBrushSize(2);
    drag(px(10, 10), px(20, 10));
    const MaskAnnotation one = mask();
    QTest::mousePress(canvas_, Qt::LeftButton, {}, px(10, 30));
    QTest::mouseMove(canvas_, px(20, 30));
    key(Qt::Key_Z, Qt::ControlModifier);  // undo waits while the mouse paints
    QCOMPARE(mask().hand.at(15, 10), std::uint8_t(1));
    QCOMPARE(mask().hand.at(15, 30), std::uint8_t(1));
    key(Qt::Key_Escape);  // drops the stroke in progress, keeps the tool
    QTest::mouseRelease(canvas_, Qt::LeftButton, {}, px(20, 30));
    QVERIFY(same(mask(), one));
    QCOMPARE(editor_->undoStack()->count(), 1);
    QCOMPARE(editor_->tool(), Tool::Brush);
    QVERIFY(editor_->undoAction()->isEnabled());
    // A tool key in the middle of a stroke keeps the stroke, as one command.
    QTest::mousePress(canvas_, Qt::LeftButton, {}, px(10, 50));
    QTest::mouseMove(canvas_, px(20, 50));
    key(Qt::Key_3);
    QTest::mouseRelease(canvas_, Qt::LeftButton, {}, px(20, 50));
    QCOMPARE(editor_->tool(), Tool::Polygon);
    QCOMPARE(editor_->undoStack()->count(), 2);
    QCOMPARE(lastAction(), QStringLiteral("Brush"));
    QCOMPARE(mask().hand.at(15, 50), std::uint8_t(1));
  }

  void bracketsAndCtrlWheelResize() {
    key(Qt::Key_1);
    editor_->setBrushSize(12);
    key(Qt::Key_BracketRight);
    QCOMPARE(editor_->brushSize(), 15);
    QCOMPARE(toolBar_->brushSizeBox()->value(), 15);
    key(Qt::Key_BracketLeft);
    key(Qt::Key_BracketLeft);
    QCOMPARE(editor_->brushSize(), 10);
    editor_->setBrushSize(1);
    key(Qt::Key_BracketLeft);
    QCOMPARE(editor_->brushSize(), 1);
    key(Qt::Key_BracketRight);
    QCOMPARE(editor_->brushSize(), 2);
    const auto wheel = [this](Qt::KeyboardModifiers m) {
      QWheelEvent e(QPointF(100, 100), canvas_->mapToGlobal(QPointF(100, 100)), QPoint(),
                    QPoint(0, 120), Qt::NoButton, m, Qt::NoScrollPhase, false);
      QApplication::sendEvent(canvas_, &e);
    };
    wheel(Qt::ControlModifier);
    QCOMPARE(editor_->brushSize(), 3);
    QCOMPARE(canvas_->zoom(), 2.0);
    wheel(Qt::NoModifier);  // the plain wheel still zooms while editing
    QCOMPARE(editor_->brushSize(), 3);
    QCOMPARE(canvas_->zoom(), 2.5);
  }

  void zoomAndPanKeepEditingInPlace() {
    key(Qt::Key_1);
    editor_->setBrushSize(1);
    canvas_->zoomAround(4.0, QPointF(100, 100));  // zoom 8 about image (50, 50)
    QTest::mousePress(canvas_, Qt::MiddleButton, {}, QPoint(100, 100));
    QTest::mouseMove(canvas_, QPoint(80, 100));
    QTest::mouseRelease(canvas_, Qt::MiddleButton, {}, QPoint(80, 100));
    QCOMPARE(canvas_->zoom(), 8.0);
    QCOMPARE(editor_->undoStack()->count(), 0);  // the middle drag panned and painted nothing
    click(px(53, 51));
    QCOMPARE(count(mask().hand, 1), count(original_.hand, 1) + 1);
    QCOMPARE(mask().hand.at(53, 51), std::uint8_t(1));
  }

  void undoLimitAndModifiedFlag() {
    QSignalSpy modified(editor_, &MaskEditor::modifiedChanged);
    editor_->setUndoLimit(3);
    key(Qt::Key_1);
    for (int i = 0; i < 5; ++i) drag(px(10, 10 + 5 * i), px(30, 10 + 5 * i));
    QCOMPARE(editor_->undoStack()->count(), 3);
    QCOMPARE(modified.count(), 1);
    QVERIFY(modified.first().first().toBool());
    editor_->setSaved();
    QVERIFY(!editor_->isModified());
    key(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(editor_->isModified());
    editor_->load(original_, QImage());
    QVERIFY(!editor_->isModified());
    QCOMPARE(editor_->undoStack()->count(), 0);
  }
};

int main(int argc, char** argv) {
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  TestMaskEditor test;
  return QTest::qExec(&test, argc, argv);
}

#include "TestMaskEditor.moc"
