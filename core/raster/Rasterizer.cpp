#include "raster/Rasterizer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace handalign {
namespace {

struct P2 {
  double x, y;
};

// Edge function with endpoints in canonical order, so both faces sharing an edge get exactly
// opposite values (needed for "shared edges drawn once" to hold in floating point).
inline double edgeFunction(const P2& a, const P2& b, double px, double py) {
  const bool swap = (b.y < a.y) || (b.y == a.y && b.x < a.x);
  const P2& s = swap ? b : a;
  const P2& e = swap ? a : b;
  const double v = (e.x - s.x) * (py - s.y) - (e.y - s.y) * (px - s.x);
  return swap ? -v : v;
}

// Top-left rule for a triangle with positive area (y down): top edge runs in +x, left edge runs up.
inline bool isTopLeft(const P2& a, const P2& b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  return (dy == 0.0 && dx > 0.0) || dy < 0.0;
}

inline bool inside(double e, bool topLeft) { return e > 0.0 || (e == 0.0 && topLeft); }

}  // namespace

void rasterize(PointsView vertices, const Faces& faces, const Intrinsics& K, int width, int height,
               Raster& out) {
  out.face.reset(width, height, -1);
  out.depth.reset(width, height, std::numeric_limits<double>::infinity());

  const Eigen::Index n = vertices.rows();
  thread_local std::vector<P2> uv;
  uv.resize(std::size_t(n));
  const double fx = K.K(0, 0), s = K.K(0, 1), cx = K.K(0, 2), fy = K.K(1, 1), cy = K.K(1, 2);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double z = vertices(i, 2);
    const double x = vertices(i, 0) / z, y = vertices(i, 1) / z;
    uv[std::size_t(i)] = {fx * x + s * y + cx, fy * y + cy};
  }

  for (std::size_t f = 0; f < faces.size(); ++f) {
    int i0 = faces[f][0], i1 = faces[f][1], i2 = faces[f][2];
    double z0 = vertices(i0, 2), z1 = vertices(i1, 2), z2 = vertices(i2, 2);
    if (!(z0 > 0.0 && z1 > 0.0 && z2 > 0.0)) continue;  // also skips NaN
    P2 a = uv[i0], b = uv[i1], c = uv[i2];
    double area = edgeFunction(a, b, c.x, c.y);
    if (area == 0.0 || !std::isfinite(area)) continue;
    if (area < 0.0) {
      std::swap(b, c);
      std::swap(z1, z2);
      area = -area;
    }
    const double minX = std::min({a.x, b.x, c.x}), maxX = std::max({a.x, b.x, c.x});
    const double minY = std::min({a.y, b.y, c.y}), maxY = std::max({a.y, b.y, c.y});
    const int x0 = std::max(0, int(std::ceil(minX))), x1 = std::min(width - 1, int(std::floor(maxX)));
    const int y0 = std::max(0, int(std::ceil(minY))), y1 = std::min(height - 1, int(std::floor(maxY)));
    if (x0 > x1 || y0 > y1) continue;
    const bool tl12 = isTopLeft(b, c), tl20 = isTopLeft(c, a), tl01 = isTopLeft(a, b);
    const double iz0 = 1.0 / z0, iz1 = 1.0 / z1, iz2 = 1.0 / z2;
    for (int y = y0; y <= y1; ++y) {
      for (int x = x0; x <= x1; ++x) {
        const double e12 = edgeFunction(b, c, x, y);
        const double e20 = edgeFunction(c, a, x, y);
        const double e01 = edgeFunction(a, b, x, y);
        if (!inside(e12, tl12) || !inside(e20, tl20) || !inside(e01, tl01)) continue;
        const double invZ = (e12 * iz0 + e20 * iz1 + e01 * iz2) / area;
        const double z = 1.0 / invZ;
        double& d = out.depth.at(x, y);
        if (z < d) {
          d = z;
          out.face.at(x, y) = std::int32_t(f);
        }
      }
    }
  }
}

void Raster::toLabels(const std::vector<std::uint8_t>& faceLabels, LabelImage& out) const {
  out.reset(face.width, face.height, 0);
  for (std::size_t i = 0; i < face.pixels.size(); ++i) {
    const std::int32_t f = face.pixels[i];
    if (f >= 0) out.pixels[i] = faceLabels[std::size_t(f)];
  }
}

void renderLabels(PointsView vertices, const Faces& faces, const std::vector<std::uint8_t>& faceLabels,
                  const Intrinsics& K, int width, int height, Raster& scratch, LabelImage& out) {
  rasterize(vertices, faces, K, width, height, scratch);
  scratch.toLabels(faceLabels, out);
}

}  // namespace handalign
