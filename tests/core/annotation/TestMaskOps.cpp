// Mask editing operations, pixel by pixel: brush, editing rules, polygon, flood fill, GrabCut,
// mesh proposal and the undo record (docs/adr/0010-mask-editing-rules.md).
#include "annotation/MaskEdit.h"
#include "annotation/MaskOps.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <random>

using namespace handalign;

namespace {

MaskAnnotation blank(int w, int h) {
  MaskAnnotation m;
  m.hand.reset(w, h, 0);
  return m;
}

void fillRect(LabelImage& img, int x0, int y0, int x1, int y1, std::uint8_t v) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) img.at(x, y) = v;
}

int count(const LabelImage& img, std::uint8_t v) {
  int n = 0;
  for (std::uint8_t p : img.pixels) n += p == v;
  return n;
}

// Every part pixel lies in the hand.
bool consistent(const MaskAnnotation& m) {
  if (!m.hasParts()) return true;
  for (std::size_t i = 0; i < m.hand.pixels.size(); ++i)
    if (m.parts.pixels[i] != 0 && m.hand.pixels[i] != 1) return false;
  return true;
}

const MaskBrush kHand{0, false, true};
const MaskBrush kHandEraser{0, true, true};
MaskBrush part(Part p, bool erase = false, bool protect = true) {
  return {labelOf(p), erase, protect};
}

// An obvious foreground: a warm disk on a dark, noisy background.
cv::Mat diskImage(int size, int cx, int cy, int r, LabelImage& truth) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> noise(-12, 12);
  cv::Mat img(size, size, CV_8UC3);
  truth.reset(size, size, 0);
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x) {
      const bool in = (x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy) < r * r;
      truth.at(x, y) = in;
      const int base[3] = {in ? 150 : 40, in ? 180 : 50, in ? 220 : 45};
      for (int c = 0; c < 3; ++c)
        img.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<uchar>(base[c] + noise(rng));
    }
  return img;
}

double iou(const LabelImage& a, const LabelImage& b) {
  int inter = 0, uni = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) {
    inter += a.pixels[i] && b.pixels[i];
    uni += a.pixels[i] || b.pixels[i];
  }
  return uni ? double(inter) / uni : 1.0;
}

}  // namespace

class TestMaskOps : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void dabCoversPixelCentresWithinRadius() {
    MaskAnnotation m = blank(20, 20);
    const PixelRect r = paintDab(m, {10, 10}, 2.0, kHand);
    // Centres at ±0.5 and ±1.5: a 4×4 block without its corners (1.5² + 1.5² > 2²).
    QCOMPARE(r, (PixelRect{8, 8, 12, 12}));
    QCOMPARE(count(m.hand, 1), 12);
    QCOMPARE(m.hand.at(9, 8), std::uint8_t(1));
    QCOMPARE(m.hand.at(8, 8), std::uint8_t(0));
    QVERIFY(!m.hasParts());  // hand painting never creates the part layer

    MaskAnnotation one = blank(20, 20);
    QCOMPARE(paintDab(one, {3.2, 7.9}, 0.5, kHand), (PixelRect{3, 7, 4, 8}));  // the pixel under
    QCOMPARE(count(one.hand, 1), 1);
    QCOMPARE(one.hand.at(3, 7), std::uint8_t(1));
    QVERIFY(paintDab(one, {3.5, 7.5}, 0.5, kHand).empty());  // nothing changed: empty rect
  }

  void segmentIsACapsuleWithoutGaps() {
    MaskAnnotation m = blank(64, 48);
    const ImagePoint a{5.3, 6.1}, b{58.7, 40.2};
    const double radius = 2.5;
    paintSegment(m, a, b, radius, kHand);
    for (int y = 0; y < 48; ++y)
      for (int x = 0; x < 64; ++x) {  // reference: distance to the segment, computed apart
        const double px = x + 0.5, py = y + 0.5, dx = b.x - a.x, dy = b.y - a.y;
        const double t =
            std::clamp(((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
        const bool in = std::hypot(a.x + t * dx - px, a.y + t * dy - py) <= radius;
        QVERIFY2(m.hand.at(x, y) == (in ? 1 : 0), qPrintable(QString("pixel %1,%2").arg(x).arg(y)));
      }
    // A one-pixel brush moved far in one event still leaves an unbroken line.
    MaskAnnotation line = blank(40, 10);
    paintSegment(line, {1.5, 4.5}, {38.5, 4.5}, 0.5, kHand);
    for (int x = 1; x <= 38; ++x) QCOMPARE(line.hand.at(x, 4), std::uint8_t(1));
    QCOMPARE(count(line.hand, 1), 38);
  }

  void eraserClearsHandAndParts() {
    MaskAnnotation m = blank(20, 20);
    fillRect(m.hand, 0, 0, 20, 20, 1);
    ensurePartLayer(m);
    fillRect(m.parts, 0, 0, 10, 20, labelOf(Part::Thumb));
    MaskBrush eraser = kHandEraser;
    eraser.protectOthers = false;
    paintDab(m, {10, 10}, 3, eraser);
    QCOMPARE(m.hand.at(9, 10), std::uint8_t(0));
    QCOMPARE(m.parts.at(9, 10), std::uint8_t(0));
    QCOMPARE(m.hand.at(10, 10), std::uint8_t(0));
    QCOMPARE(m.hand.at(0, 0), std::uint8_t(1));
    QVERIFY(consistent(m));
  }

  void partRulesAndProtect() {
    MaskAnnotation m = blank(30, 10);
    // Painting a part creates the part layer and sets hand.
    fillPolygon(m, {{0, 0}, {10, 0}, {10, 10}, {0, 10}}, part(Part::Thumb));
    QVERIFY(m.hasParts());
    QCOMPARE(count(m.hand, 1), 100);
    QCOMPARE(count(m.parts, labelOf(Part::Thumb)), 100);
    // Protected: index painted over the thumb leaves the thumb alone.
    fillPolygon(m, {{5, 0}, {20, 0}, {20, 10}, {5, 10}}, part(Part::Index));
    QCOMPARE(count(m.parts, labelOf(Part::Thumb)), 100);
    QCOMPARE(count(m.parts, labelOf(Part::Index)), 100);
    // Unprotected: it takes them.
    fillPolygon(m, {{5, 0}, {20, 0}, {20, 10}, {5, 10}}, part(Part::Index, false, false));
    QCOMPARE(count(m.parts, labelOf(Part::Thumb)), 50);
    QCOMPARE(count(m.parts, labelOf(Part::Index)), 150);
    // Erasing a part clears only that part; the hand stays.
    fillPolygon(m, {{0, 0}, {30, 0}, {30, 10}, {0, 10}}, part(Part::Thumb, true));
    QCOMPARE(count(m.parts, labelOf(Part::Thumb)), 0);
    QCOMPARE(count(m.parts, labelOf(Part::Index)), 150);
    QCOMPARE(count(m.hand, 1), 200);
    // Hand paint adds unassigned hand; protected hand erase clears only pixels without a part.
    fillPolygon(m, {{0, 0}, {30, 0}, {30, 10}, {0, 10}}, kHand);
    QCOMPARE(count(m.hand, 1), 300);
    fillPolygon(m, {{0, 0}, {30, 0}, {30, 10}, {0, 10}}, kHandEraser);
    QCOMPARE(count(m.hand, 1), 150);
    QCOMPARE(count(m.parts, labelOf(Part::Index)), 150);
    // Unprotected hand erase clears everything.
    fillPolygon(m, {{0, 0}, {30, 0}, {30, 10}, {0, 10}}, MaskBrush{0, true, false});
    QCOMPARE(count(m.hand, 1), 0);
    QCOMPARE(count(m.parts, 0), 300);
    QVERIFY(consistent(m));
  }

  void partLayerStartsFromProposalInsideHand() {
    MaskAnnotation m = blank(10, 10);
    fillRect(m.hand, 0, 0, 5, 10, 1);
    LabelImage gtParts(10, 10, labelOf(Part::Ring));
    QVERIFY(ensurePartLayer(m, &gtParts));
    QCOMPARE(count(m.parts, labelOf(Part::Ring)), 50);
    QCOMPARE(m.parts.at(7, 3), std::uint8_t(0));
    QVERIFY(!ensurePartLayer(m, &gtParts));  // only the first time
    MaskAnnotation empty = blank(10, 10);
    QVERIFY(ensurePartLayer(empty, nullptr));
    QCOMPARE(count(empty.parts, 0), 100);
  }

  void polygonEvenOddAtPixelCentres() {
    MaskAnnotation m = blank(20, 20);
    QCOMPARE(fillPolygon(m, {{2, 2}, {8, 2}, {8, 6}, {2, 6}}, kHand), (PixelRect{2, 2, 8, 6}));
    QCOMPARE(count(m.hand, 1), 6 * 4);
    // Vertices on pixel centres: left and top edges in, right and bottom out.
    MaskAnnotation c = blank(20, 20);
    fillPolygon(c, {{2.5, 2.5}, {8.5, 2.5}, {8.5, 6.5}, {2.5, 6.5}}, kHand);
    QCOMPARE(count(c.hand, 1), 6 * 4);
    QCOMPARE(c.hand.at(2, 2), std::uint8_t(1));
    QCOMPARE(c.hand.at(8, 2), std::uint8_t(0));
    QCOMPARE(c.hand.at(2, 6), std::uint8_t(0));
    // A pentagram: the tips are inside, the centre pentagon (crossed twice) is not.
    std::vector<ImagePoint> star;
    for (int k = 0; k < 5; ++k) {
      const double a = -M_PI / 2 + 2 * (2 * M_PI / 5) * k;
      star.push_back({50 + 40 * std::cos(a), 50 + 40 * std::sin(a)});
    }
    MaskAnnotation s = blank(100, 100);
    fillPolygon(s, star, kHand);
    QCOMPARE(s.hand.at(49, 49), std::uint8_t(0));
    QCOMPARE(s.hand.at(49, 20), std::uint8_t(1));
    // Erase: the same polygon with the eraser.
    fillPolygon(m, {{4, 3}, {6, 3}, {6, 5}, {4, 5}}, kHandEraser);
    QCOMPARE(count(m.hand, 1), 24 - 4);
    QCOMPARE(m.hand.at(4, 3), std::uint8_t(0));
    QVERIFY(fillPolygon(m, {{1, 1}, {5, 5}}, kHand).empty());  // degenerate
  }

  void floodFillIsFourConnectedOnTheActiveLayer() {
    MaskAnnotation m = blank(12, 12);
    fillRect(m.hand, 2, 2, 10, 10, 1);
    fillRect(m.hand, 4, 4, 8, 8, 0);  // a hole of 16 pixels
    m.hand.at(0, 0) = 1;              // touches the background only diagonally
    QCOMPARE(floodFill(m, 5, 5, kHand), (PixelRect{4, 4, 8, 8}));
    QCOMPARE(count(m.hand, 1), 64 + 1);
    // The background outside: 144 - 64 - 1 pixels; (0,0) is hand, so it is not reached.
    MaskAnnotation e = m;
    floodFill(e, 11, 11, kHand);
    QCOMPARE(count(e.hand, 1), 144);
    MaskAnnotation d = blank(5, 5);
    d.hand.at(1, 1) = 1, d.hand.at(2, 2) = 1;  // diagonal neighbours are separate regions
    floodFill(d, 1, 1, kHandEraser);
    QCOMPARE(d.hand.at(1, 1), std::uint8_t(0));
    QCOMPARE(d.hand.at(2, 2), std::uint8_t(1));
    // A part fill of unassigned hand stays inside the hand.
    ensurePartLayer(m);
    fillRect(m.parts, 2, 2, 10, 4, labelOf(Part::Palm));
    floodFill(m, 5, 6, part(Part::Middle));
    QCOMPARE(count(m.parts, labelOf(Part::Middle)), 64 - 16);
    QCOMPARE(count(m.parts, labelOf(Part::Palm)), 16);
    QCOMPARE(m.hand.at(11, 11), std::uint8_t(0));
    QVERIFY(consistent(m));
  }

  void grabCutFindsTheDiskFromABox() {
    LabelImage truth;
    const cv::Mat img = diskImage(96, 50, 44, 20, truth);
    std::string error;
    const auto region = grabCutBox(img, {20, 14, 80, 74}, 5, &error);
    QVERIFY2(region, error.c_str());
    QCOMPARE(region->rect, (PixelRect{20, 14, 80, 74}));
    MaskAnnotation m = blank(96, 96);
    m.hand.at(2, 2) = 1;    // outside the box: untouched
    m.hand.at(22, 16) = 1;  // inside the box, background: replaced
    applyRegion(m, *region, kHand, true);
    QCOMPARE(m.hand.at(2, 2), std::uint8_t(1));
    QCOMPARE(m.hand.at(22, 16), std::uint8_t(0));
    m.hand.at(2, 2) = 0;
    QVERIFY2(iou(m.hand, truth) > 0.95, qPrintable(QString::number(iou(m.hand, truth))));
    QVERIFY(!grabCutBox(cv::Mat(10, 10, CV_8UC1), {0, 0, 10, 10}, 1, &error));
    QVERIFY(!error.empty());
  }

  void grabCutFindsTheDiskFromAStroke() {
    LabelImage truth;
    const cv::Mat img = diskImage(96, 50, 44, 20, truth);
    MaskAnnotation stroke = blank(96, 96);
    paintSegment(stroke, {38, 44}, {62, 44}, 4, kHand);  // a rough stroke across the disk
    const LabelImage scribble = stroke.hand;
    std::string error;
    const auto region = grabCutScribble(img, scribble, 24, 5, &error);
    QVERIFY2(region, error.c_str());
    MaskAnnotation m = blank(96, 96);
    applyRegion(m, *region, kHand, true);
    QVERIFY2(iou(m.hand, truth) > 0.95, qPrintable(QString::number(iou(m.hand, truth))));
    QVERIFY(!grabCutScribble(img, LabelImage(96, 96, 0), 16, 5, &error));  // empty stroke
  }

  void grabCutModelsLargeCropsSmaller() {
    LabelImage truth;
    const cv::Mat img = diskImage(900, 430, 470, 260, truth);
    QElapsedTimer timer;
    timer.start();
    const auto box = grabCutBox(img, {120, 150, 760, 800}, 5);
    QVERIFY(box);
    MaskAnnotation m = blank(900, 900);
    applyRegion(m, *box, kHand, true);
    QVERIFY2(iou(m.hand, truth) > 0.97, qPrintable(QString::number(iou(m.hand, truth))));
    MaskAnnotation stroke = blank(900, 900);
    paintSegment(stroke, {300, 470}, {560, 470}, 3, kHand);  // thin: survives the shrinking
    const auto scribble = grabCutScribble(img, stroke.hand, 300, 5);
    QVERIFY(scribble);
    MaskAnnotation s = blank(900, 900);
    applyRegion(s, *scribble, kHand, true);
    QVERIFY2(iou(s.hand, truth) > 0.95, qPrintable(QString::number(iou(s.hand, truth))));
    qInfo("two GrabCuts on 900² crops: %lld ms", timer.elapsed());
  }

  void meshProposal() {
    LabelImage mesh(10, 10, 0);
    fillRect(mesh, 0, 0, 4, 10, labelOf(Part::Palm));
    fillRect(mesh, 4, 0, 6, 10, labelOf(Part::Thumb));
    MaskAnnotation m = blank(10, 10);
    fillRect(m.hand, 8, 0, 10, 10, 1);
    applyMeshProposal(m, mesh, kHand);  // hand only: the silhouette, no part layer
    QCOMPARE(count(m.hand, 1), 60);
    QCOMPARE(m.hand.at(9, 0), std::uint8_t(0));
    QVERIFY(!m.hasParts());
    ensurePartLayer(m);
    applyMeshProposal(m, mesh, kHand);  // with a part layer: both layers follow the mesh
    QVERIFY(m.parts.pixels == mesh.pixels);
    // Part p: p takes the mesh's shape, protected other parts stay.
    fillRect(m.parts, 0, 0, 4, 10, 0);
    fillRect(m.parts, 0, 0, 2, 10, labelOf(Part::Ring));
    m.parts.at(7, 0) = labelOf(Part::Palm), m.hand.at(7, 0) = 1;
    applyMeshProposal(m, mesh, part(Part::Palm));
    QCOMPARE(count(m.parts, labelOf(Part::Ring)), 20);
    QCOMPARE(count(m.parts, labelOf(Part::Palm)), 20);
    QCOMPARE(m.parts.at(7, 0), std::uint8_t(0));
    QCOMPARE(m.hand.at(7, 0), std::uint8_t(1));
    // A proposal at another resolution is resampled at pixel centres.
    LabelImage half = resampleNearest(mesh, 5, 5);
    QCOMPARE(half.at(1, 0), labelOf(Part::Palm));
    QCOMPARE(half.at(2, 0), labelOf(Part::Thumb));
    QVERIFY(resampleNearest(half, 10, 10).at(5, 0) == labelOf(Part::Thumb));
    QVERIFY(consistent(m));
  }

  void undoRecordsRoundTripByteForByte() {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> pos(0, 128);
    MaskAnnotation m = blank(128, 96);
    fillRect(m.hand, 30, 20, 90, 70, 1);
    const MaskAnnotation original = m;
    std::vector<MaskEdit> edits;
    for (int i = 0; i < 40; ++i) {
      const MaskAnnotation before = m;
      MaskBrush b{std::uint8_t(i % 7), i % 3 == 0, i % 2 == 0};
      PixelRect dirty;
      for (int k = 0; k < 4; ++k)
        dirty = dirty.united(
            paintSegment(m, {pos(rng), pos(rng) * 0.75}, {pos(rng), pos(rng) * 0.75}, 3, b));
      if (i % 10 == 5) dirty = dirty.united(floodFill(m, 1, 1, b));
      const MaskEdit e = MaskEdit::between(before, m, dirty);
      if (!before.hasParts() && m.hasParts()) QCOMPARE(e.rect(), PixelRect::of(m));
      edits.push_back(e);
      QVERIFY(consistent(m));
    }
    const MaskAnnotation edited = m;
    for (auto it = edits.rbegin(); it != edits.rend(); ++it) it->undo(m);
    QVERIFY(m.hand.pixels == original.hand.pixels);
    QVERIFY(!m.hasParts());  // the part layer created by the first part stroke is gone again
    for (const MaskEdit& e : edits) e.redo(m);
    QVERIFY(m.hand.pixels == edited.hand.pixels);
    QVERIFY(m.parts.pixels == edited.parts.pixels);
  }

  void undoRecordIsCompact() {
    MaskAnnotation m = blank(1024, 1024);
    const MaskAnnotation before = m;
    const PixelRect dirty = paintDab(m, {500, 500}, 5, kHand);
    const MaskEdit e = MaskEdit::between(before, m, dirty);
    QCOMPARE(e.rect(), (PixelRect{495, 495, 505, 505}));
    QVERIFY(e.bytes() < 1024);
    QVERIFY(MaskEdit::between(before, before, PixelRect::of(m)).empty());
    MaskAnnotation undone = m;
    e.undo(undone);
    QVERIFY(undone.hand.pixels == before.hand.pixels);
  }
};

QTEST_APPLESS_MAIN(TestMaskOps)
#include "TestMaskOps.moc"
