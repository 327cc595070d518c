#include "raster/Rasterizer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace handalign {
namespace {

struct P2 {
  double x, y;
};

// Edge function with endpoints in canonical order (smaller (y, x) first), so both faces sharing an
// edge get exactly opposite values (needed for "shared edges drawn once" to hold in floating
// point). The canonical start and direction are fixed per face, outside the pixel loop.
struct Edge {
  double sx, sy, dx, dy;
  bool negate, topLeft;

  Edge(const P2& a, const P2& b) {
    const bool swap = (b.y < a.y) || (b.y == a.y && b.x < a.x);
    const P2& s = swap ? b : a;
    const P2& e = swap ? a : b;
    sx = s.x, sy = s.y, dx = e.x - s.x, dy = e.y - s.y;
    negate = swap;
    // Top-left rule for a triangle with positive area (y down): top edge runs in +x, left edge runs
    // up.
    const double ddx = b.x - a.x, ddy = b.y - a.y;
    topLeft = (ddy == 0.0 && ddx > 0.0) || ddy < 0.0;
  }
  double at(double px, double py) const {
    const double v = dx * (py - sy) - dy * (px - sx);
    return negate ? -v : v;
  }
  double stepX() const { return negate ? dy : -dy; }  // at(x + 1, y) - at(x, y), up to rounding
  // Far above any rounding error of at() or of summing stepX() along a row of `span` pixels.
  double margin(double x, double y, double span) const {
    return 1e-9 * (std::abs(dx) + std::abs(dy)) *
           (std::abs(x - sx) + std::abs(y - sy) + span + 1.0) * span;
  }
  bool inside(double e) const { return e > 0.0 || (e == 0.0 && topLeft); }
};

}  // namespace

void rasterize(PointsView vertices, const Faces& faces, const Intrinsics& K, int width, int height,
               Raster& out) {
  constexpr double kFar = std::numeric_limits<double>::infinity();
  if (out.face.width == width && out.face.height == height) {
    // Same size as last time: only the previously covered box needs clearing.
    for (int y = out.y0; y <= out.y1 && out.x0 <= out.x1; ++y) {
      std::fill(&out.face.at(out.x0, y), &out.face.at(out.x1, y) + 1, -1);
      std::fill(&out.depth.at(out.x0, y), &out.depth.at(out.x1, y) + 1, kFar);
    }
  } else {
    out.face.reset(width, height, -1);
    out.depth.reset(width, height, kFar);
  }
  out.x0 = width, out.y0 = height, out.x1 = -1, out.y1 = -1;

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
    double area = Edge(a, b).at(c.x, c.y);
    if (area == 0.0 || !std::isfinite(area)) continue;
    if (area < 0.0) {
      std::swap(b, c);
      std::swap(z1, z2);
      area = -area;
    }
    const double minX = std::min({a.x, b.x, c.x}), maxX = std::max({a.x, b.x, c.x});
    const double minY = std::min({a.y, b.y, c.y}), maxY = std::max({a.y, b.y, c.y});
    // Clamped before the conversion: a vertex close to the camera plane projects arbitrarily far.
    int x0 = int(std::ceil(std::max(minX, -1.0))),
        x1 = int(std::floor(std::min(maxX, double(width))));
    int y0 = int(std::ceil(std::max(minY, -1.0))),
        y1 = int(std::floor(std::min(maxY, double(height))));
    if (x1 < 0 || y1 < 0 || x0 >= width || y0 >= height) continue;
    x0 = std::max(x0, 0), y0 = std::max(y0, 0), x1 = std::min(x1, width - 1),
    y1 = std::min(y1, height - 1);
    if (x0 > x1 || y0 > y1) continue;
    const Edge e12(b, c), e20(c, a), e01(a, b);
    bool wrote = false;
    const double iz0 = 1.0 / z0, iz1 = 1.0 / z1, iz2 = 1.0 / z2;
    const double span = double(x1 - x0 + 2);
    const double s0 = e12.stepX(), s1 = e20.stepX(), s2 = e01.stepX();
    const double reach = span + double(y1 - y0);  // how far a pixel of the box is from (x0, y0)
    const double m0 = e12.margin(x0, y0, reach), m1 = e20.margin(x0, y0, reach),
                 m2 = e01.margin(x0, y0, reach);
    for (int y = y0; y <= y1; ++y) {
      double* depthRow = &out.depth.at(0, y);
      std::int32_t* faceRow = &out.face.at(0, y);
      // Cheap incremental estimates reject pixels that are clearly outside; a pixel within the
      // rounding margin of an edge, or inside, gets the exact canonical evaluation. The margin
      // bounds the rounding of the exact evaluation (relative to its terms) plus the drift of the
      // running sum.
      double g0 = e12.at(x0, y), g1 = e20.at(x0, y), g2 = e01.at(x0, y);
      for (int x = x0; x <= x1; ++x, g0 += s0, g1 += s1, g2 += s2) {
        if (g0 < -m0 || g1 < -m1 || g2 < -m2) continue;
        const double w0 = e12.at(x, y);
        if (!e12.inside(w0)) continue;
        const double w1 = e20.at(x, y);
        if (!e20.inside(w1)) continue;
        const double w2 = e01.at(x, y);
        if (!e01.inside(w2)) continue;
        const double z = 1.0 / ((w0 * iz0 + w1 * iz1 + w2 * iz2) / area);
        if (z < depthRow[x]) {
          depthRow[x] = z;
          faceRow[x] = std::int32_t(f);
          wrote = true;
        }
      }
    }
    if (wrote) {  // the face's clipped bounding box bounds what it wrote
      out.x0 = std::min(out.x0, x0), out.y0 = std::min(out.y0, y0);
      out.x1 = std::max(out.x1, x1), out.y1 = std::max(out.y1, y1);
    }
  }
}

void Raster::toLabels(const std::vector<std::uint8_t>& faceLabels, LabelImage& out) const {
  out.reset(face.width, face.height, 0);
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const std::int32_t f = face.at(x, y);
      if (f >= 0) out.at(x, y) = faceLabels[std::size_t(f)];
    }
}

void renderLabels(PointsView vertices, const Faces& faces,
                  const std::vector<std::uint8_t>& faceLabels, const Intrinsics& K, int width,
                  int height, Raster& scratch, LabelImage& out) {
  rasterize(vertices, faces, K, width, height, scratch);
  scratch.toLabels(faceLabels, out);
}

}  // namespace handalign
