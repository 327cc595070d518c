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

// The definition of docs/metrics.md, pixel by pixel and face by face, with no shortcut: canonical
// edge functions, the top-left rule, depth 1 / ((Σ w_i / z_i) / area), strictly nearer wins.
double canonicalEdge(double ax, double ay, double bx, double by, double px, double py) {
  const bool swap = (by < ay) || (by == ay && bx < ax);
  const double sx = swap ? bx : ax, sy = swap ? by : ay;
  const double dx = (swap ? ax : bx) - sx, dy = (swap ? ay : by) - sy;
  const double v = dx * (py - sy) - dy * (px - sx);
  return swap ? -v : v;
}
bool topLeft(double ax, double ay, double bx, double by) {
  return (by - ay == 0.0 && bx - ax > 0.0) || by - ay < 0.0;
}
void referenceRaster(const Points& v, const Faces& faces, int w, int h, Image<std::int32_t>& face,
                     Image<double>& depth) {
  face.reset(w, h, -1);
  depth.reset(w, h, std::numeric_limits<double>::infinity());
  for (std::size_t f = 0; f < faces.size(); ++f) {
    int i[3] = {faces[f][0], faces[f][1], faces[f][2]};
    if (!(v(i[0], 2) > 0 && v(i[1], 2) > 0 && v(i[2], 2) > 0)) continue;
    double x[3], y[3], z[3];
    for (int k = 0; k < 3; ++k)
      x[k] = v(i[k], 0) / v(i[k], 2), y[k] = v(i[k], 1) / v(i[k], 2), z[k] = v(i[k], 2);
    double area = canonicalEdge(x[0], y[0], x[1], y[1], x[2], y[2]);
    if (area == 0.0) continue;
    if (area < 0) std::swap(x[1], x[2]), std::swap(y[1], y[2]), std::swap(z[1], z[2]), area = -area;
    for (int py = 0; py < h; ++py)
      for (int px = 0; px < w; ++px) {
        double e[3];
        bool in = true;
        for (int k = 0; k < 3 && in; ++k) {
          const int a = (k + 1) % 3, b = (k + 2) % 3;  // edge opposite vertex k
          e[k] = canonicalEdge(x[a], y[a], x[b], y[b], px, py);
          in = e[k] > 0 || (e[k] == 0 && topLeft(x[a], y[a], x[b], y[b]));
        }
        if (!in) continue;
        const double d =
            1.0 / ((e[0] * (1.0 / z[0]) + e[1] * (1.0 / z[1]) + e[2] * (1.0 / z[2])) / area);
        if (d < depth.at(px, py)) depth.at(px, py) = d, face.at(px, py) = std::int32_t(f);
      }
  }
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
  void fastPathsGiveTheDefinitionsPixels() {
    // Overlapping slanted triangles, slivers, exact ties (coplanar copies) and near-ties (depths an
    // ulp or a few apart, inside the band where the depth test must divide): face and depth images
    // equal the pixel-by-pixel definition exactly, with and without the depth image.
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(0, 1);
    for (int trial = 0; trial < 60; ++trial) {
      const int n = 24;
      Points v(3 * n, 3);
      Faces f;
      for (int t = 0; t < n; ++t) {
        const double z = 1 + u(rng);
        for (int k = 0; k < 3; ++k) {
          const bool sliver = t % 5 == 4;
          const double px = 2 + 26 * u(rng),
                       py = sliver && k == 2 ? v(3 * t, 1) + 0.01 : 2 + 26 * u(rng);
          const double zk = z * (1 + 0.3 * (u(rng) - 0.5));
          v.row(3 * t + k) << px * zk, py * zk, zk;
        }
        if (t % 4 == 3) {  // a copy of the previous face: an exact tie, or nudged by a few ulps
          for (int k = 0; k < 3; ++k) {
            v.row(3 * t + k) = v.row(3 * (t - 1) + k);
            if (trial % 2)
              v(3 * t + k, 2) = std::nextafter(v(3 * t + k, 2), trial % 4 == 1 ? 0.0 : 9.0);
          }
        }
        f.push_back({3 * t, 3 * t + 1, 3 * t + 2});
      }
      Image<std::int32_t> face;
      Image<double> depth;
      referenceRaster(v, f, 32, 32, face, depth);
      Raster r;
      rasterize(viewOf(v), f, unitCamera(), 32, 32, r);
      QVERIFY2(r.face.pixels == face.pixels, qPrintable(QString("trial %1").arg(trial)));
      for (std::size_t p = 0; p < depth.pixels.size(); ++p)
        QVERIFY(r.depth.pixels[p] == depth.pixels[p]);  // bit for bit (inf where empty)
      Raster noDepth;
      rasterize(viewOf(v), f, unitCamera(), 32, 32, noDepth, /*withDepth=*/false);
      QVERIFY(noDepth.face.pixels == face.pixels);
      QVERIFY(noDepth.depth.empty());
    }
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
