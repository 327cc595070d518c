// Rasterizer cases with known coverage: occlusion, shared edges, faces behind the camera, labels.
#include "hand/HandModel.h"
#include "raster/Rasterizer.h"

#include <QTest>

#include <random>

using namespace handalign;

namespace {
// Camera with f = 1 and c = 0: a point (x, y, 1) projects to pixel (x, y).
Intrinsics unitCamera() {
  Intrinsics k;
  k.K << 1, 0, 0, 0, 1, 0, 0, 0, 1;
  return k;
}
Points pts(std::initializer_list<std::array<double, 3>> list) {
  Points p(Eigen::Index(list.size()), 3);
  Eigen::Index i = 0;
  for (const auto& v : list) p.row(i++) << v[0], v[1], v[2];
  return p;
}
int covered(const Raster& r, int face) {
  return int(std::count(r.face.pixels.begin(), r.face.pixels.end(), face));
}
}  // namespace

class TestRasterizer : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void squareOfTwoTrianglesCoversEachPixelOnce() {
    // Square [2, 8]² in pixels split along its diagonal: the 7×7 pixel centres inside or on the
    // border; the top-left rule keeps the right and bottom edges out → 6×6 = 36 pixels, and every
    // diagonal pixel is drawn by exactly one of the two faces.
    const Points v = pts({{2, 2, 1}, {8, 2, 1}, {8, 8, 1}, {2, 8, 1}});
    const Faces f = {{0, 1, 2}, {0, 2, 3}};
    Raster r;
    rasterize(viewOf(v), f, unitCamera(), 12, 12, r);
    QCOMPARE(covered(r, 0) + covered(r, 1), 36);
    for (int i = 2; i < 8; ++i)
      QVERIFY(r.face.at(i, i) >= 0);  // diagonal drawn (once: one face id per pixel)
    QCOMPARE(r.face.at(8, 5), -1);    // right edge excluded
    QCOMPARE(r.face.at(5, 8), -1);    // bottom edge excluded
    QVERIFY(r.face.at(2, 5) >= 0);    // left edge included
    QVERIFY(r.face.at(5, 2) >= 0);    // top edge included
  }
  void sharedEdgeIsDrawnOnceWhateverTheWinding() {
    // Random fans around a centre: coverage counts add up to the union exactly (no pixel twice).
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(-1, 1);
    for (int trial = 0; trial < 50; ++trial) {
      Points v(9, 3);
      v.row(0) << 20 + u(rng), 20 + u(rng), 1;
      for (int k = 0; k < 8; ++k) {
        const double a = k * M_PI / 4 + 0.3 * u(rng), rad = 10 + 5 * u(rng);
        v.row(k + 1) << 20 + rad * std::cos(a), 20 + rad * std::sin(a), 1;
      }
      Faces f;
      for (int k = 0; k < 8; ++k)
        f.push_back(k % 2 ? std::array<int, 3>{0, k + 1, (k + 1) % 8 + 1}
                          : std::array<int, 3>{(k + 1) % 8 + 1, k + 1, 0});
      // Count coverage per face separately, then compare with the combined render.
      int sum = 0;
      Raster single, all;
      for (std::size_t i = 0; i < f.size(); ++i) {
        rasterize(viewOf(v), Faces{f[i]}, unitCamera(), 40, 40, single);
        sum += covered(single, 0);
      }
      rasterize(viewOf(v), f, unitCamera(), 40, 40, all);
      const int unionCount = int(std::count_if(all.face.pixels.begin(), all.face.pixels.end(),
                                               [](int x) { return x >= 0; }));
      QCOMPARE(sum, unionCount);
    }
  }
  void nearerFaceWinsWhateverTheOrder() {
    const Points v = pts({{0, 0, 2}, {20, 0, 2}, {0, 20, 2}, {0, 0, 1}, {10, 0, 1}, {0, 10, 1}});
    Raster r;
    rasterize(viewOf(v), Faces{{0, 1, 2}, {3, 4, 5}}, unitCamera(), 32, 32, r);
    // Face 1 at z = 1 projects to the triangle (0,0),(10,0),(0,10); face 0 at z = 2 to
    // (0,0),(10,0),(0,10) too.
    QCOMPARE(r.face.at(2, 2), 1);
    QCOMPARE(r.depth.at(2, 2), 1.0);
    rasterize(viewOf(v), Faces{{3, 4, 5}, {0, 1, 2}}, unitCamera(), 32, 32, r);
    QCOMPARE(r.face.at(2, 2), 0);  // same face (now index 0) still wins
  }
  void perspectiveCorrectDepth() {
    // A slanted quad from z = 1 (left) to z = 3 (right); depth at a pixel follows the ray-plane
    // hit.
    const Points v = pts({{-1, -1, 1}, {3, -3, 3}, {3, 3, 3}, {-1, 1, 1}});
    Intrinsics k;
    k.K << 10, 0, 20, 0, 10, 20, 0, 0, 1;
    Raster r;
    rasterize(viewOf(v), Faces{{0, 1, 2}, {0, 2, 3}}, k, 40, 40, r);
    // Plane: z = 1 + (x + 1)/2 → on the ray (u=25: x/z = 0.5): z = 1 + (0.5 z + 1)/2 → z = 2.
    QVERIFY(std::abs(r.depth.at(25, 20) - 2.0) < 1e-9);
  }
  void facesBehindTheCameraAreSkipped() {
    const Points v = pts({{-1, -1, 1}, {1, -1, 1}, {0, 1, -0.5}, {-1, -1, 0}});
    Intrinsics k;
    k.K << 10, 0, 20, 0, 10, 20, 0, 0, 1;
    Raster r;
    rasterize(viewOf(v), Faces{{0, 1, 2}, {0, 1, 3}}, k, 40, 40, r);
    QCOMPARE(covered(r, 0), 0);
    QCOMPARE(covered(r, 1), 0);
  }
  void faceLabelsFollowTheMajority() {
    HandModel m;
    m.vertexCount = 4;
    m.vertexParts = {Part::Palm, Part::Thumb, Part::Thumb, Part::Index};
    m.faces = {{0, 1, 2}, {1, 0, 3}, {3, 1, 2}};
    const auto labels = m.faceLabels();
    QCOMPARE(int(labels[0]), int(labelOf(Part::Thumb)));  // two thumb vertices
    QCOMPARE(int(labels[1]), int(labelOf(Part::Thumb)));  // all differ → first vertex (thumb)
    QCOMPARE(int(labels[2]), int(labelOf(Part::Thumb)));
    m.faces = {{3, 0, 1}};
    QCOMPARE(int(m.faceLabels()[0]), int(labelOf(Part::Index)));  // all differ → first vertex
  }
  void intrinsicsRescaleKeepsPixelCentres() {
    Intrinsics k;
    k.K << 100, 0, 111.5, 0, 100, 111.5, 0, 0, 1;
    const Intrinsics half = k.rescaled(224, 224, 112, 112);
    // The image centre (111.5 in a 224 image) maps to the centre of the 112 image (55.5).
    QCOMPARE(half.K(0, 2), 55.5);
    QCOMPARE(half.K(0, 0), 50.0);
    const Eigen::Vector2d p = half.project(Eigen::Vector3d(0.1, 0.2, 1.0));
    const Eigen::Vector2d q = k.project(Eigen::Vector3d(0.1, 0.2, 1.0));
    QCOMPARE(p.x(), (q.x() + 0.5) / 2 - 0.5);
  }
};

QTEST_APPLESS_MAIN(TestRasterizer)
#include "TestRasterizer.moc"
