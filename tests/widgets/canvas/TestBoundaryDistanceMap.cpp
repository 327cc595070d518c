// Per-pixel boundary distances (core/metrics/BoundaryDistanceMap) agree with docs/metrics.md and
// with MaskScorer's HD95.
#include "metrics/BoundaryDistanceMap.h"
#include "metrics/MaskMetrics.h"

#include <QtTest>

#include <cmath>

using namespace handalign;

namespace {
void fill(LabelImage& img, int x0, int y0, int x1, int y1, std::uint8_t v) {
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) img.at(x, y) = v;
}
}  // namespace

class TestBoundaryDistanceMap : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void squaresThreeApart() {
    LabelImage a(20, 12), b(20, 12);
    fill(a, 2, 2, 6, 6, 1);   // right side at x = 6
    fill(b, 9, 2, 13, 6, 1);  // left side at x = 9: 3 px away
    const BoundaryDistanceMap m = boundaryDistanceMap(a, b);
    QCOMPARE(m.distance.width, 20);
    QCOMPARE(m.boundaryPixels, 16);
    for (int y = 2; y <= 6; ++y) {
      QCOMPARE(m.distance.at(6, y), 3.0f);  // the facing side
      QCOMPARE(m.distance.at(2, y), 7.0f);  // the far side
    }
    QCOMPARE(m.distance.at(4, 2), 5.0f);       // top side: to (9, 2)
    QVERIFY(std::isnan(m.distance.at(4, 4)));  // interior
    QVERIFY(std::isnan(m.distance.at(0, 0)));  // background
    QVERIFY(std::isnan(m.distance.at(9, 2)));  // B's boundary is not A's
    // Symmetric squares: the directed P95 is the HD95 (max mode).
    const ClassScore s = MaskScorer().scoreForeground(a, b);
    QCOMPARE(m.p95, s.hd95);
    // Every pixel with distance >= P95 is on the far side.
    int above = 0;
    for (float d : m.distance.pixels) above += d >= m.p95;
    QVERIFY(above > 0 && above <= 5);
  }

  void labelClassAndBorder() {
    LabelImage a(10, 10), b(10, 10);
    fill(a, 0, 0, 9, 4, 3);  // touches the image border: boundary there too
    fill(b, 0, 0, 9, 6, 3);
    fill(b, 0, 7, 9, 9, 4);  // another class: ignored for label 3
    const BoundaryDistanceMap m = boundaryDistanceMap(a, b, 3);
    QCOMPARE(m.distance.at(5, 0), 0.0f);  // top row is boundary in both
    QCOMPARE(m.distance.at(5, 4), 2.0f);  // A's bottom row → B's at y = 6
    QVERIFY(std::isnan(m.distance.at(5, 2)));
    const BoundaryDistanceMap hand = boundaryDistanceMap(a, b, -1);
    QCOMPARE(hand.distance.at(5, 4), 4.0f);  // hand of B: nearest is its right side, x = 9
  }

  void emptyClassIsNan() {
    LabelImage a(8, 8), b(8, 8);
    fill(a, 2, 2, 4, 4, 1);
    const BoundaryDistanceMap m = boundaryDistanceMap(a, b);
    QVERIFY(std::isnan(m.p95));
    for (float d : m.distance.pixels) QVERIFY(std::isnan(d));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, boundaryDistanceMap(a, LabelImage(4, 4)));
  }
};

QTEST_GUILESS_MAIN(TestBoundaryDistanceMap)
#include "TestBoundaryDistanceMap.moc"
