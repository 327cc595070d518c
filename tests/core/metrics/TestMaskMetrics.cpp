// Hand-made masks with known IoU and HD95 (docs/metrics.md).
#include "metrics/MaskMetrics.h"

#include <QTest>

#include <cmath>

using namespace handalign;

namespace {
LabelImage rect(int w, int h, int x0, int y0, int x1, int y1, std::uint8_t v = 1,
                LabelImage img = {}) {
  if (img.empty()) img.reset(w, h, 0);
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) img.at(x, y) = v;
  return img;
}
}  // namespace

class TestMaskMetrics : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void squaresThreeApartGiveHd95OfThree() {
    for (HdMode mode : {HdMode::Max, HdMode::Pooled}) {
      MaskScorer s({mode, HdEmpty::Nan});
      const LabelImage a = rect(64, 64, 10, 10, 19, 19), b = rect(64, 64, 13, 10, 22, 19);
      const ClassScore c = s.scoreForeground(a, b);
      QCOMPARE(c.hd95, 3.0);
      QCOMPARE(c.intersection, std::int64_t(7 * 10));
      QCOMPARE(c.unionCount, std::int64_t(13 * 10));
      QCOMPARE(c.iou, 70.0 / 130.0);
    }
  }
  void identicalMasksAreZeroDistance() {
    MaskScorer s;
    const LabelImage a = rect(40, 30, 5, 5, 20, 25);
    const ClassScore c = s.scoreForeground(a, a);
    QCOMPARE(c.iou, 1.0);
    QCOMPARE(c.hd95, 0.0);
    QVERIFY(!c.hdMissing);
  }
  void emptyInBothIsNaN() {
    MaskScorer s;
    const LabelImage a(16, 16, 0);
    const ClassScore c = s.scoreForeground(a, a);
    QVERIFY(std::isnan(c.iou));
    QVERIFY(std::isnan(c.hd95));
    QVERIFY(!c.hdMissing);
  }
  void emptyInOneIsMissing() {
    MaskScorer nanScorer({HdMode::Max, HdEmpty::Nan});
    const LabelImage a = rect(30, 40, 2, 2, 5, 5), empty(30, 40, 0);
    ClassScore c = nanScorer.scoreForeground(a, empty);
    QCOMPARE(c.iou, 0.0);
    QVERIFY(std::isnan(c.hd95));
    QVERIFY(c.hdMissing);
    MaskScorer diag({HdMode::Max, HdEmpty::Diagonal});
    c = diag.scoreForeground(empty, a);
    QCOMPARE(c.hd95, std::sqrt(30.0 * 30.0 + 40.0 * 40.0));
    QVERIFY(c.hdMissing);
  }
  void imageBorderIsBoundary() {
    // A full-width band: its boundary includes the pixels on the left/right image border, so a
    // band one pixel shorter on the right is 1 px away there, not 0.
    MaskScorer s;
    const LabelImage full = rect(20, 20, 0, 5, 19, 14);
    const LabelImage shorter = rect(20, 20, 0, 5, 18, 14);
    const ClassScore c = s.scoreForeground(full, shorter);
    // Boundary of `full`: rows 5 and 14 (20 px each) and columns 0 and 19 (8 px each) = 56 pixels.
    // Directed full→shorter: column 19 pixels (8 of 56) are 1 px away, the rest 0 → P95 = 1.
    QCOMPARE(c.hd95, 1.0);
  }
  void directedPercentilesUseMaxOrPooled() {
    // One 1×1 blob vs a 1×1 blob 5 px away plus a large square sharing nothing with it.
    LabelImage a = rect(50, 50, 10, 10, 10, 10);
    LabelImage b = rect(50, 50, 15, 10, 15, 10);
    MaskScorer mx({HdMode::Max, HdEmpty::Nan}), pooled({HdMode::Pooled, HdEmpty::Nan});
    QCOMPARE(mx.scoreForeground(a, b).hd95, 5.0);
    QCOMPARE(pooled.scoreForeground(a, b).hd95, 5.0);
    // Asymmetric: a = one pixel; b = the same pixel plus one 20 px away.
    // a→b = [0]; b→a = [0, 20] → P95 19; pooled [0, 0, 20] → P95 18.
    a = LabelImage(50, 50, 0);
    a.at(10, 10) = 1;
    b = a;
    b.at(30, 10) = 1;
    QCOMPARE(mx.scoreForeground(a, b).hd95, 19.0);
    QCOMPARE(pooled.scoreForeground(a, b).hd95, 18.0);
  }
  void percentileMatchesNumpyLinear() {
    std::vector<double> v = {1, 2, 3, 4};
    QCOMPARE(percentileLinear(v, 95.0), 3.85);  // numpy.percentile([1,2,3,4], 95)
    v = {10};
    QCOMPARE(percentileLinear(v, 95.0), 10.0);
    v = {0, 10};
    QCOMPARE(percentileLinear(v, 95.0), 9.5);
    v = {5, 1, 4, 2, 3};  // unsorted input
    QCOMPARE(percentileLinear(v, 50.0), 3.0);
    v.clear();
    QVERIFY(std::isnan(percentileLinear(v, 95.0)));
  }
  void labelClassesAreSeparated() {
    // Two parts side by side; predicting them swapped gives IoU 0 for both.
    LabelImage gt = rect(30, 30, 5, 5, 9, 9, 2);
    gt = rect(30, 30, 10, 5, 14, 9, 3, gt);
    LabelImage pred = rect(30, 30, 5, 5, 9, 9, 3);
    pred = rect(30, 30, 10, 5, 14, 9, 2, pred);
    MaskScorer s;
    QCOMPARE(s.scoreLabel(pred, gt, 2).iou, 0.0);
    QCOMPARE(s.scoreLabel(pred, gt, 3).iou, 0.0);
    QCOMPARE(s.scoreForeground(pred, gt).iou, 1.0);
    QCOMPARE(s.scoreLabel(pred, gt, 2).hd95, 5.0);  // every boundary pixel moved by 5 columns
  }
};

QTEST_APPLESS_MAIN(TestMaskMetrics)
#include "TestMaskMetrics.moc"
