// Tests of the bundled procedural hand: a closed, outward mesh of adult proportions whose skeleton,
// regressor and skinning pose it consistently.
#include "hand/ProceduralHand.h"

#include <QtTest>

#include <Eigen/Geometry>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>
#include <vector>

using namespace handalign;

namespace {

constexpr int kWrist = 0, kThumbTip = 4, kIndexMcp = 5, kIndexTip = 8, kMiddleTip = 12,
              kPinkyMcp = 17, kPinkyTip = 20;

Eigen::Vector3d row(const Points& p, int i) { return p.row(i).transpose(); }

double signedVolume(const Points& v, const std::vector<std::array<int, 3>>& faces) {
  double volume = 0.0;
  for (const auto& f : faces) volume += row(v, f[0]).dot(row(v, f[1]).cross(row(v, f[2]))) / 6.0;
  return volume;
}

bool allFinite(const Points& p) { return p.allFinite(); }

std::vector<int> verticesOf(const HandModel& m, Part part) {
  std::vector<int> out;
  for (int v = 0; v < m.vertexCount; ++v)
    if (m.vertexParts[std::size_t(v)] == part) out.push_back(v);
  return out;
}

// Longest edge of the posed mesh relative to the same edge at rest.
double maxEdgeStretch(const HandModel& m, const Points& posed) {
  double worst = 0.0;
  for (const auto& f : m.faces)
    for (int k = 0; k < 3; ++k) {
      const int a = f[std::size_t(k)], b = f[std::size_t((k + 1) % 3)];
      const double rest = (m.restVertices.row(a) - m.restVertices.row(b)).norm();
      worst = std::max(worst, (posed.row(a) - posed.row(b)).norm() / rest);
    }
  return worst;
}

}  // namespace

class TestProceduralHand : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void testSizesAndName();
  void testClosedConnectedOriented();
  void testNoDegenerateFaces();
  void testVolume();
  void testParts();
  void testRegressorRows();
  void testRegressorMatchesSkeleton();
  void testRestFrameAndProportions();
  void testFingerRadius();
  void testRestPoseIsIdentity();
  void testIndexFlexion();
  void testGlobalTransform();
  void testBoneLengthsKept();
  void testSkinningDoesNotTear();
  void testSkinningSmoothNearJoints();
  void testRandomArticulationDeterministic();
  void testRandomArticulationRanges();
  void testPosesFinite();

 private:
  ProceduralHand hand_;
};

void TestProceduralHand::testSizesAndName() {
  const HandModel& m = hand_.model();
  QCOMPARE(QString::fromStdString(m.name), QStringLiteral("procedural-hand-v1"));
  QVERIFY2(m.vertexCount >= 700 && m.vertexCount <= 900,
           qPrintable(QString::number(m.vertexCount)));
  QCOMPARE(int(m.vertexParts.size()), m.vertexCount);
  QCOMPARE(int(m.restVertices.rows()), m.vertexCount);
  QVERIFY(allFinite(m.restVertices));
  m.validate();  // throws on any inconsistency
}

void TestProceduralHand::testClosedConnectedOriented() {
  const HandModel& m = hand_.model();
  std::map<std::pair<int, int>, int> directed, undirected;
  for (const auto& f : m.faces)
    for (int k = 0; k < 3; ++k) {
      const int a = f[std::size_t(k)], b = f[std::size_t((k + 1) % 3)];
      QVERIFY(a >= 0 && a < m.vertexCount && a != b);
      ++directed[{a, b}];
      ++undirected[{std::min(a, b), std::max(a, b)}];
    }
  for (const auto& [edge, count] : undirected) QCOMPARE(count, 2);  // closed, manifold
  for (const auto& [edge, count] : directed) QCOMPARE(count, 1);    // consistently oriented

  // One component without handles: V − E + F = 2, and every vertex reachable from vertex 0.
  QCOMPARE(m.vertexCount - int(undirected.size()) + int(m.faces.size()), 2);
  std::vector<std::vector<int>> neighbours(std::size_t(m.vertexCount));
  for (const auto& [edge, count] : undirected) {
    neighbours[std::size_t(edge.first)].push_back(edge.second);
    neighbours[std::size_t(edge.second)].push_back(edge.first);
  }
  std::vector<bool> seen(std::size_t(m.vertexCount), false);
  std::vector<int> stack = {0};
  seen[0] = true;
  int reached = 0;
  while (!stack.empty()) {
    const int v = stack.back();
    stack.pop_back();
    ++reached;
    for (int u : neighbours[std::size_t(v)])
      if (!seen[std::size_t(u)]) seen[std::size_t(u)] = true, stack.push_back(u);
  }
  QCOMPARE(reached, m.vertexCount);
}

void TestProceduralHand::testNoDegenerateFaces() {
  const HandModel& m = hand_.model();
  for (const auto& f : m.faces) {
    const Eigen::Vector3d a = row(m.restVertices, f[0]);
    const double area =
        0.5 * (row(m.restVertices, f[1]) - a).cross(row(m.restVertices, f[2]) - a).norm();
    QVERIFY(area > 1e-8);  // 0.01 mm²
  }
}

void TestProceduralHand::testVolume() {
  const HandModel& m = hand_.model();
  const double volume = signedVolume(m.restVertices, m.faces);
  // Positive: faces point outwards. An adult hand displaces about 0.2–0.5 litres.
  QVERIFY2(volume > 1.5e-4 && volume < 6e-4, qPrintable(QString::number(volume)));
  // Posing does not turn the surface inside out.
  HandPose fist;
  for (int f = 1; f < 5; ++f) fist.fingers[std::size_t(f)] = {0.0, 1.4, 1.5, 0.9};
  QVERIFY(signedVolume(hand_.pose(fist).vertices, m.faces) > 0.8 * volume);
}

void TestProceduralHand::testParts() {
  const HandModel& m = hand_.model();
  for (int p = 0; p < kPartCount; ++p)
    QVERIFY2(verticesOf(m, static_cast<Part>(p)).size() >= 40, kPartNames[std::size_t(p)].data());
  // Each fingertip joint is a vertex of its own finger.
  for (int finger = 0; finger < 5; ++finger) {
    const auto& tipRow = m.jointRegressor[std::size_t(4 + 4 * finger)];
    QCOMPARE(int(tipRow.size()), 1);
    QCOMPARE(int(m.vertexParts[std::size_t(tipRow[0].vertex)]), finger + 1);
  }
  // The wrist ring is palm.
  for (const auto& w : m.jointRegressor[kWrist])
    QCOMPARE(m.vertexParts[std::size_t(w.vertex)], Part::Palm);
}

void TestProceduralHand::testRegressorRows() {
  const HandModel& m = hand_.model();
  for (int j = 0; j < kJointCount; ++j) {
    const auto& r = m.jointRegressor[std::size_t(j)];
    QVERIFY(!r.empty());
    double sum = 0.0;
    std::set<int> used;
    for (const auto& w : r) {
      QVERIFY(w.vertex >= 0 && w.vertex < m.vertexCount);
      QVERIFY(w.weight > 0.0);
      QVERIFY(used.insert(w.vertex).second);
      sum += w.weight;
    }
    QVERIFY(std::abs(sum - 1.0) < 1e-12);
    const bool tip = j % 4 == 0 && j > 0;
    if (tip)
      QCOMPARE(r[0].weight, 1.0);
    else
      QVERIFY2(r.size() >= 8, qPrintable(QString::number(j)));  // a ring, as MANO's regressor
  }
}

void TestProceduralHand::testRegressorMatchesSkeleton() {
  const HandModel& m = hand_.model();
  const Points rest = hand_.pose(HandPose{}).joints;
  const Points regressed = m.regressJoints(viewOf(m.restVertices));
  for (int j = 0; j < kJointCount; ++j) {
    const double error = (regressed.row(j) - rest.row(j)).norm();
    QVERIFY2(error < 1e-3, qPrintable(QString("%1: %2 m").arg(j).arg(error)));
    if (j % 4 == 0 && j > 0) QVERIFY(error < 1e-12);  // tips are exactly the tip vertex
  }
}

void TestProceduralHand::testRestFrameAndProportions() {
  const Points j = hand_.pose(HandPose{}).joints;
  QVERIFY(row(j, kWrist).norm() < 1e-12);
  const double handLength = (row(j, kMiddleTip) - row(j, kWrist)).norm();
  QVERIFY2(handLength >= 0.18 && handLength <= 0.19, qPrintable(QString::number(handLength)));
  QVERIFY(j(kMiddleTip, 1) > 0.17);  // fingers along +y

  // Finger lengths MCP→tip: middle longest, pinky shortest, thumb on the +x side.
  auto length = [&](int finger) {
    double l = 0.0;
    for (int k = 1 + 4 * finger; k < 4 + 4 * finger; ++k) l += (row(j, k + 1) - row(j, k)).norm();
    return l;
  };
  QVERIFY(length(2) > length(1) && length(2) > length(3) && length(3) > length(4));
  QVERIFY(length(4) > 0.06 && length(2) < 0.105);
  QVERIFY(length(0) > 0.08 && length(0) < 0.12);  // CMC→tip
  QVERIFY(j(kThumbTip, 0) > j(kIndexMcp, 0));
  QVERIFY(j(kIndexMcp, 0) > j(kPinkyMcp, 0));

  const HandModel& m = hand_.model();
  double minX = 1.0, maxX = -1.0;
  for (int v : verticesOf(m, Part::Palm)) {
    minX = std::min(minX, m.restVertices(v, 0));
    maxX = std::max(maxX, m.restVertices(v, 0));
  }
  QVERIFY2(maxX - minX > 0.075 && maxX - minX < 0.095, qPrintable(QString::number(maxX - minX)));
}

void TestProceduralHand::testFingerRadius() {
  // The regressor ring of each PIP joint lies on the finger's surface around the joint.
  const HandModel& m = hand_.model();
  const Points j = hand_.pose(HandPose{}).joints;
  for (int finger = 1; finger < 5; ++finger) {
    const int pip = 2 + 4 * finger;
    for (const auto& w : m.jointRegressor[std::size_t(pip)]) {
      const double r = (m.restVertices.row(w.vertex) - j.row(pip)).norm();
      QVERIFY2(r > 0.006 && r < 0.010, qPrintable(QString("finger %1: %2").arg(finger).arg(r)));
    }
  }
}

void TestProceduralHand::testRestPoseIsIdentity() {
  const ProceduralHand::Posed posed = hand_.pose(HandPose{});
  QVERIFY((posed.vertices - hand_.model().restVertices).cwiseAbs().maxCoeff() < 1e-12);
}

void TestProceduralHand::testIndexFlexion() {
  const HandModel& m = hand_.model();
  const ProceduralHand::Posed rest = hand_.pose(HandPose{});
  HandPose bent;
  bent.fingers[1] = {0.0, 0.8, 0.9, 0.5};
  const ProceduralHand::Posed posed = hand_.pose(bent);

  // Flexion bends towards the palm side (+z) and shortens the finger's reach along +y.
  QVERIFY(posed.joints(kIndexTip, 2) > rest.joints(kIndexTip, 2) + 0.03);
  QVERIFY(posed.joints(kIndexTip, 1) < rest.joints(kIndexTip, 1) - 0.02);
  const int tipVertex = m.jointRegressor[kIndexTip][0].vertex;
  QVERIFY((posed.vertices.row(tipVertex) - posed.joints.row(kIndexTip)).norm() < 1e-12);

  // Nothing of the other fingers moves.
  for (int j = 0; j < kJointCount; ++j)
    if (j < 5 || j > 8) QVERIFY((posed.joints.row(j) - rest.joints.row(j)).norm() < 1e-12);
  for (Part p : {Part::Thumb, Part::Ring, Part::Pinky})
    for (int v : verticesOf(m, p))
      QVERIFY((posed.vertices.row(v) - rest.vertices.row(v)).norm() < 1e-12);
  QVERIFY((posed.joints.row(kPinkyTip) - rest.joints.row(kPinkyTip)).norm() < 1e-12);
}

void TestProceduralHand::testGlobalTransform() {
  std::mt19937_64 rng(11);
  HandPose local = ProceduralHand::randomArticulation(rng);
  HandPose global = local;
  const Eigen::Matrix3d rotation =
      Eigen::AngleAxisd(0.7, Eigen::Vector3d(0.3, -1.0, 0.5).normalized()).toRotationMatrix();
  global.globalRotation = rotation;
  global.wristPosition = Eigen::Vector3d(0.05, -0.02, 0.6);
  global.scale = 1.3;
  const ProceduralHand::Posed a = hand_.pose(local);
  const ProceduralHand::Posed b = hand_.pose(global);

  QVERIFY((row(b.joints, kWrist) - global.wristPosition).norm() < 1e-12);
  auto apply = [&](const Points& p) {
    Points out(p.rows(), 3);
    for (Eigen::Index i = 0; i < p.rows(); ++i)
      out.row(i) = (global.wristPosition + 1.3 * rotation * row(p, int(i))).transpose();
    return out;
  };
  QVERIFY((apply(a.joints) - b.joints).cwiseAbs().maxCoeff() < 1e-12);
  QVERIFY((apply(a.vertices) - b.vertices).cwiseAbs().maxCoeff() < 1e-12);
  for (int i = 0; i < kJointCount; ++i)
    for (int k = i + 1; k < kJointCount; ++k) {
      const double da = (a.joints.row(i) - a.joints.row(k)).norm();
      const double db = (b.joints.row(i) - b.joints.row(k)).norm();
      QVERIFY(std::abs(db - 1.3 * da) < 1e-12);
    }
}

void TestProceduralHand::testBoneLengthsKept() {
  const Points rest = hand_.pose(HandPose{}).joints;
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 50; ++trial) {
    const Points posed = hand_.pose(ProceduralHand::randomArticulation(rng)).joints;
    for (int j = 1; j < kJointCount; ++j) {
      const int parent = (j % 4 == 1) ? kWrist : j - 1;
      const double restLength = (rest.row(j) - rest.row(parent)).norm();
      const double posedLength = (posed.row(j) - posed.row(parent)).norm();
      QVERIFY(std::abs(restLength - posedLength) < 1e-12);
    }
  }
}

void TestProceduralHand::testSkinningDoesNotTear() {
  // A vertex skinned to the wrong bone, or weights that do not sum to one, tear edges open to
  // many times their length even in ordinary poses.
  const HandModel& m = hand_.model();
  HandPose fist;
  for (int f = 1; f < 5; ++f) fist.fingers[std::size_t(f)] = {0.0, 1.5, 1.7, 1.0};
  fist.fingers[0] = {0.3, 0.6, 0.7, 0.9};
  const double fistStretch = maxEdgeStretch(m, hand_.pose(fist).vertices);
  QVERIFY2(fistStretch < 2.5, qPrintable(QString::number(fistStretch)));
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 50; ++trial)
    QVERIFY(maxEdgeStretch(m, hand_.pose(ProceduralHand::randomArticulation(rng)).vertices) < 2.5);
}

void TestProceduralHand::testSkinningSmoothNearJoints() {
  // Bending only the index PIP also moves some skin proximal to the joint ring (smooth weights),
  // while the tip moves rigidly with the bone.
  const HandModel& m = hand_.model();
  const ProceduralHand::Posed rest = hand_.pose(HandPose{});
  HandPose bent;
  bent.fingers[1] = {0.0, 0.0, 1.0, 0.0};
  const ProceduralHand::Posed posed = hand_.pose(bent);
  const double pipY = rest.joints(kIndexTip - 2, 1);
  double proximalMotion = 0.0;
  for (int v : verticesOf(m, Part::Index))
    if (m.restVertices(v, 1) < pipY - 0.004)
      proximalMotion =
          std::max(proximalMotion, (posed.vertices.row(v) - rest.vertices.row(v)).norm());
  QVERIFY2(proximalMotion > 1e-4 && proximalMotion < 0.01,
           qPrintable(QString::number(proximalMotion)));
  // The tip turns with the middle phalanx: its distance to the PIP joint is kept.
  const double before = (rest.joints.row(kIndexTip) - rest.joints.row(kIndexTip - 2)).norm();
  const double after = (posed.joints.row(kIndexTip) - posed.joints.row(kIndexTip - 2)).norm();
  QVERIFY(std::abs(before - after) < 1e-12);
}

void TestProceduralHand::testRandomArticulationDeterministic() {
  std::mt19937_64 a(42), b(42), c(43);
  for (int trial = 0; trial < 10; ++trial) {
    const HandPose pa = ProceduralHand::randomArticulation(a);
    const HandPose pb = ProceduralHand::randomArticulation(b);
    const HandPose pc = ProceduralHand::randomArticulation(c);
    QVERIFY(pa.fingers == pb.fingers);
    QVERIFY(pa.fingers != pc.fingers);
    QVERIFY(hand_.pose(pa).vertices == hand_.pose(pb).vertices);
  }
}

void TestProceduralHand::testRandomArticulationRanges() {
  std::mt19937_64 rng(2021);
  int open = 0, fistLike = 0;
  for (int trial = 0; trial < 500; ++trial) {
    const HandPose p = ProceduralHand::randomArticulation(rng);
    QVERIFY(p.globalRotation.isIdentity(0.0));
    QVERIFY(p.wristPosition.isZero(0.0));
    QCOMPARE(p.scale, 1.0);
    double meanFlexion = 0.0;
    for (int f = 0; f < 5; ++f) {
      const auto& a = p.fingers[std::size_t(f)];
      QVERIFY(std::abs(a[0]) <= (f == 0 ? 0.6 : 0.25));
      for (int k = 1; k < 4; ++k) QVERIFY(a[std::size_t(k)] > -0.3 && a[std::size_t(k)] < 1.8);
      if (f > 0) meanFlexion += (a[1] + a[2]) / 8.0;
      if (f > 0) QVERIFY(a[3] <= a[2] + 0.2);  // DIP bends less than PIP
    }
    open += meanFlexion < 0.3;
    fistLike += meanFlexion > 1.1;
  }
  QVERIFY2(open > 75 && fistLike > 75, qPrintable(QString("%1 %2").arg(open).arg(fistLike)));
}

void TestProceduralHand::testPosesFinite() {
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 100; ++trial) {
    const ProceduralHand::Posed p = hand_.pose(ProceduralHand::randomArticulation(rng));
    QVERIFY(allFinite(p.vertices) && allFinite(p.joints));
    QCOMPARE(int(p.vertices.rows()), hand_.model().vertexCount);
    QCOMPARE(int(p.joints.rows()), kJointCount);
  }
}

QTEST_APPLESS_MAIN(TestProceduralHand)
#include "TestProceduralHand.moc"
