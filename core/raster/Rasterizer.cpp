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
  double stepY() const { return negate ? -dx : dx; }  // at(x, y + 1) - at(x, y), up to rounding
  // Far above any rounding error of at() or of summing `span` steps of stepX() and stepY().
  double margin(double x, double y, double span) const {
    return 1e-9 * (std::abs(dx) + std::abs(dy)) *
           (std::abs(x - sx) + std::abs(y - sy) + span + 1.0) * span;
  }
  bool inside(double e) const { return e > 0.0 || (e == 0.0 && topLeft); }
};

}  // namespace

namespace {

// The reference depth test: the new face wins where 1 / (S / area), rounded, is strictly below the
// pixel's (+inf where empty); ties keep the earlier face.
inline bool nearerExact(double s, double area, double oldS, double oldArea, bool empty) {
  const double far = empty ? std::numeric_limits<double>::infinity() : 1.0 / (oldS / oldArea);
  return 1.0 / (s / area) < far;
}

// The same decision without a division where it is clear: q = S · (1 / area) is within a few ulps
// of S / area, and 1 / x rounds monotonically, so inverse depths 1e-12 apart (relative) order their
// rounded depths the same way. The narrow band, and values near under- or overflow, take the exact
// path.
inline bool nearer(double q, double s, double area, double oldQ, double oldS, double oldArea,
                   bool empty) {
  constexpr double kLow = 1e-290, kHigh = 1e290;
  if (q >= kLow && q <= kHigh) {
    if (empty) return true;  // 1 / q is finite; the empty pixel's depth is +inf
    if (oldQ >= kLow && oldQ <= kHigh) {
      if (q > oldQ * (1.0 + 1e-12)) return true;
      if (q < oldQ * (1.0 - 1e-12)) return false;
    }
  }
  return nearerExact(s, area, oldS, oldArea, empty);
}

// First and last column of row y that can be inside all three edges, from the linear estimates
// g(x) = g + s (x - x0) >= -m (m bounds the rounding of the exact test), widened by far more than
// the rounding of the root: every pixel the exact test accepts is in it.
// inv[k] is 1 / s[k] (0 where s[k] is 0); its rounding is far inside the widening.
inline bool rowSpan(const double g[3], const double s[3], const double inv[3], const double m[3],
                    int x0, int x1, int& first, int& last) {
  double lo = x0, hi = x1;
  for (int k = 0; k < 3; ++k) {
    const double need = -m[k] - g[k];  // s (x - x0) >= need
    if (std::abs(s[k]) < 1e-200) {     // (near) horizontal: no root worth computing
      if (s[k] == 0.0 && need > 0.0) return false;
      continue;
    }
    if (s[k] > 0.0)
      lo = std::max(lo, x0 + need * inv[k]);
    else if (s[k] < 0.0)
      hi = std::min(hi, x0 + need * inv[k]);
    else if (need > 0.0)
      return false;
  }
  const double slack = 1e-6 * (1.0 + double(x1 - x0));
  lo -= slack, hi += slack;
  if (!(lo <= hi)) return false;
  // lo, hi within [x0 - 1, x1 + 1]: truncation plus a step is ceil and floor here.
  first = int(lo), last = int(hi);
  if (double(first) < lo) ++first;
  if (double(last) > hi) --last;
  first = std::max(first, x0), last = std::min(last, x1);
  return first <= last;
}

}  // namespace

void rasterize(PointsView vertices, const Faces& faces, const Intrinsics& K, int width, int height,
               Raster& out, bool withDepth) {
  constexpr double kFar = std::numeric_limits<double>::infinity();
  if (out.face.width == width && out.face.height == height) {
    // Same size as last time: only the previously covered box needs clearing (the sums are only
    // read where a face is).
    for (int y = out.y0; y <= out.y1 && out.x0 <= out.x1; ++y)
      std::fill(&out.face.at(out.x0, y), &out.face.at(out.x1, y) + 1, -1);
  } else {
    out.face.reset(width, height, -1);
  }
  if (out.inverseDepthSum.width != width || out.inverseDepthSum.height != height)
    out.inverseDepthSum.reset(width, height, 0.0);
  out.faceArea.resize(faces.size());
  out.faceInverseArea.resize(faces.size());
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
    const double inverseArea = 1.0 / area;
    out.faceArea[f] = area, out.faceInverseArea[f] = inverseArea;
    const double iz0 = 1.0 / z0, iz1 = 1.0 / z1, iz2 = 1.0 / z2;
    const double span = double(x1 - x0 + 2);
    const double steps[3] = {e12.stepX(), e20.stepX(), e01.stepX()};
    double inverseSteps[3];
    for (int k = 0; k < 3; ++k) inverseSteps[k] = steps[k] != 0.0 ? 1.0 / steps[k] : 0.0;
    const double reach = span + double(y1 - y0);  // how far a pixel of the box is from (x0, y0)
    const double margins[3] = {e12.margin(x0, y0, reach), e20.margin(x0, y0, reach),
                               e01.margin(x0, y0, reach)};
    int minWritten = x1 + 1, maxWritten = x0 - 1;
    const double rowSteps[3] = {e12.stepY(), e20.stepY(), e01.stepY()};
    double g[3] = {e12.at(x0, y0), e20.at(x0, y0), e01.at(x0, y0)};
    for (int y = y0; y <= y1; ++y, g[0] += rowSteps[0], g[1] += rowSteps[1], g[2] += rowSteps[2]) {
      // The running linear estimates bound the row's candidates; each candidate gets the exact
      // canonical evaluation. The margin bounds the rounding of the exact evaluation (relative to
      // its terms) and the drift of the running sums.
      int first, last;
      if (!rowSpan(g, steps, inverseSteps, margins, x0, x1, first, last)) continue;
      double* sumRow = &out.inverseDepthSum.at(0, y);
      std::int32_t* faceRow = &out.face.at(0, y);
      for (int x = first; x <= last; ++x) {
        const double w0 = e12.at(x, y);
        if (!e12.inside(w0)) continue;
        const double w1 = e20.at(x, y);
        if (!e20.inside(w1)) continue;
        const double w2 = e01.at(x, y);
        if (!e01.inside(w2)) continue;
        const double sum = w0 * iz0 + w1 * iz1 + w2 * iz2;
        const std::int32_t old = faceRow[x];
        const bool empty = old < 0;
        const std::size_t o = empty ? 0 : std::size_t(old);
        const double oldS = empty ? 0.0 : sumRow[x];
        const double oldArea = empty ? 1.0 : out.faceArea[o];
        const double oldQ = empty ? 0.0 : oldS * out.faceInverseArea[o];
        if (nearer(sum * inverseArea, sum, area, oldQ, oldS, oldArea, empty)) {
          sumRow[x] = sum;
          faceRow[x] = std::int32_t(f);
          wrote = true;
          minWritten = std::min(minWritten, x), maxWritten = std::max(maxWritten, x);
        }
      }
    }
    if (wrote) {  // the face's clipped bounding box bounds what it wrote
      out.x0 = std::min(out.x0, minWritten), out.y0 = std::min(out.y0, y0);
      out.x1 = std::max(out.x1, maxWritten), out.y1 = std::max(out.y1, y1);
    }
  }
  if (!withDepth) {
    out.depth = Image<double>();
    return;
  }
  // Depth as the reference computes it, 1 / (S / area), once per covered pixel.
  out.depth.reset(width, height, kFar);
  for (int y = out.y0; y <= out.y1; ++y) {
    const double* sumRow = &out.inverseDepthSum.at(0, y);
    const std::int32_t* faceRow = &out.face.at(0, y);
    double* depthRow = &out.depth.at(0, y);
    for (int x = out.x0; x <= out.x1; ++x)
      if (faceRow[x] >= 0) depthRow[x] = 1.0 / (sumRow[x] / out.faceArea[std::size_t(faceRow[x])]);
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
  rasterize(vertices, faces, K, width, height, scratch, /*withDepth=*/false);
  scratch.toLabels(faceLabels, out);
}

}  // namespace handalign
