// Procrustes on known similarity transforms, F-scores and PCK/AUC with known answers.
#include "geometry/Procrustes.h"
#include "metrics/MeshMetrics.h"
#include "metrics/PckAccumulator.h"

#include <Eigen/Geometry>
#include <QTest>

#include <random>

using namespace handalign;

namespace {
Points randomPoints(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> g(0, 0.05);
  Points p(n, 3);
  for (int i = 0; i < n; ++i) p.row(i) << g(rng), g(rng), 0.5 + g(rng);
  return p;
}
}  // namespace

class TestMeshMetrics : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void procrustesUndoesASimilarityTransform() {
    const Points gt = randomPoints(778, 1);
    const Eigen::Matrix3d r =
        Eigen::AngleAxisd(0.7, Eigen::Vector3d(1, 2, 3).normalized()).toRotationMatrix();
    const Points pred =
        ((gt * r.transpose()) * 1.3).rowwise() + Eigen::RowVector3d(0.1, -0.2, 0.05);
    const Points aligned = alignWithScale(viewOf(gt), viewOf(pred));
    QVERIFY((aligned - gt).rowwise().norm().maxCoeff() < 1e-7);
    MeshScorer s;
    MeshErrors e;
    s.score(viewOf(gt.topRows(21)), viewOf(Points(pred.topRows(21))), viewOf(gt), viewOf(pred), e);
    QVERIFY(e.paMpjpeMm < 1e-4);
    QVERIFY(e.paMpvpeMm < 1e-4);
    QVERIFY(e.mpvpeMm > 10.0);  // unaligned error is large
    QCOMPARE(e.paF5, 1.0);
    QCOMPARE(e.paF15, 1.0);
  }
  void procrustesDoesNotFixReflections() {
    // FreiHAND's align_w_scale has no reflection fix: R = U·Vᵀ may be improper, so a mirrored
    // prediction is aligned perfectly (a proper-rotation fit could not do that).
    const Points gt = randomPoints(50, 2);
    Points mirrored = gt;
    mirrored.col(0) *= -1;
    const Points aligned = alignWithScale(viewOf(gt), viewOf(mirrored));
    QVERIFY((aligned - gt).rowwise().norm().maxCoeff() < 1e-7);
  }
  void fScoreCountsStrictlyBelowTheThreshold() {
    // GT: 4 points; prediction: the same points shifted by exactly 5 mm along x, except one 20 mm.
    Points gt(4, 3), pred(4, 3);
    gt << 0, 0, 1, 0.1, 0, 1, 0.2, 0, 1, 0.3, 0, 1;
    pred = gt;
    pred.col(0).array() += 0.004;
    pred(3, 0) = 0.3 + 0.02;
    const std::vector<double> f = fScores(viewOf(gt), viewOf(pred), {0.005, 0.015, 0.03});
    // gt→pred within 5 mm: points 0..2 (4 mm) → P = 3/4; pred→gt likewise 3/4 → F = 0.75.
    QCOMPARE(f[0], 0.75);
    QCOMPARE(f[1], 0.75);
    QCOMPARE(f[2], 1.0);
    // Strictly below: at exactly the distance the point does not count.
    Points a(1, 3), b(1, 3);
    a << 0, 0, 1;
    b << 0.25, 0, 1;  // 0.25 is exact in binary
    QCOMPARE(fScores(viewOf(a), viewOf(b), {0.25})[0], 0.0);
    QCOMPARE(fScores(viewOf(a), viewOf(b), {0.2500001})[0], 1.0);
  }
  void fScoreFarPredictionUsesNoGridOverflow() {
    Points gt = randomPoints(30, 3), pred = gt;
    pred.col(2).array() += 1e9;  // absurd but finite
    const auto f = fScores(viewOf(gt), viewOf(pred), {0.005, 0.015});
    QCOMPARE(f[0], 0.0);
    QCOMPARE(f[1], 0.0);
  }
  void thresholdsMatchNumpyLinspace() {
    const auto& t = PckAccumulator::thresholds();
    QCOMPARE(int(t.size()), 100);
    QCOMPARE(t.front(), 0.0);
    QCOMPARE(t.back(), 0.05);
    QCOMPARE(t[1], 0.05 / 99.0);
    QCOMPARE(t[50], 50 * (0.05 / 99.0));
  }
  void aucOfPerfectAndKnownCurves() {
    PckAccumulator perfect(21);
    perfect.add(std::vector<double>(21, 0.0));
    QCOMPARE(perfect.auc(), 1.0);
    // All distances just above the last threshold → PCK 0 everywhere → AUC 0.
    PckAccumulator none(2);
    none.add({0.06, 0.07});
    QCOMPARE(none.auc(), 0.0);
    // One keypoint at exactly t[50]: PCK = 0 below index 50, 1 from 50 → area = t99 - t50 plus half
    // of the step [t49, t50]: (0.05 - t50 + (t50 - t49) / 2) / 0.05.
    PckAccumulator half(1);
    const auto& t = PckAccumulator::thresholds();
    half.add({t[50]});
    const double expected = ((t[99] - t[50]) + (t[50] - t[49]) / 2.0) / 0.05;
    QVERIFY(std::abs(half.auc() - expected) < 1e-12);
    // Merging two halves equals one accumulator over all samples.
    PckAccumulator a(1), b(1), both(1);
    a.add({0.01});
    b.add({0.03});
    both.add({0.01});
    both.add({0.03});
    a.merge(b);
    QCOMPARE(a.auc(), both.auc());
    QCOMPARE(a.curve(), both.curve());
  }
};

QTEST_APPLESS_MAIN(TestMeshMetrics)
#include "TestMeshMetrics.moc"
