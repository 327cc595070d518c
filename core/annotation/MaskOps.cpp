#include "annotation/MaskOps.h"

#include <algorithm>
#include <cmath>

namespace handalign {
namespace {

// Grows a rectangle to hold pixel (x, y).
void addPixel(PixelRect& r, int x, int y) {
  if (r.empty()) {
    r = {x, y, x + 1, y + 1};
    return;
  }
  r.x0 = std::min(r.x0, x), r.y0 = std::min(r.y0, y);
  r.x1 = std::max(r.x1, x + 1), r.y1 = std::max(r.y1, y + 1);
}

std::uint8_t* partPtr(MaskAnnotation& m, int x, int y) {
  return m.hasParts() ? &m.parts.at(x, y) : nullptr;
}

bool needsPartLayer(const MaskBrush& b) { return b.label != 0 && !b.erase; }

// Squared distance from p to the segment a–b.
double distance2(double px, double py, ImagePoint a, ImagePoint b) {
  const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - px, ey = a.y + t * dy - py;
  return ex * ex + ey * ey;
}

}  // namespace

PixelRect PixelRect::united(const PixelRect& o) const {
  if (empty()) return o;
  if (o.empty()) return *this;
  return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

PixelRect PixelRect::intersected(const PixelRect& o) const {
  PixelRect r{std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
  return r.empty() ? PixelRect{} : r;
}

bool PixelRect::operator==(const PixelRect& o) const {
  if (empty() || o.empty()) return empty() == o.empty();
  return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1;
}

LabelImage resampleNearest(const LabelImage& in, int width, int height) {
  if (in.width == width && in.height == height) return in;
  LabelImage out(width, height, 0);
  if (in.empty()) return out;
  for (int y = 0; y < height; ++y) {
    const int sy = std::min(in.height - 1, int((y + 0.5) * in.height / height));
    for (int x = 0; x < width; ++x)
      out.at(x, y) = in.at(std::min(in.width - 1, int((x + 0.5) * in.width / width)), sy);
  }
  return out;
}

bool ensurePartLayer(MaskAnnotation& m, const LabelImage* proposal) {
  if (m.hasParts() || m.hand.empty()) return false;
  m.parts.reset(m.width(), m.height(), 0);
  if (!proposal || proposal->empty()) return true;
  const LabelImage p = resampleNearest(*proposal, m.width(), m.height());
  for (std::size_t i = 0; i < m.parts.pixels.size(); ++i) {
    const std::uint8_t v = p.pixels[i];
    m.parts.pixels[i] = (m.hand.pixels[i] != 0 && v <= 6) ? v : 0;
  }
  return true;
}

PixelRect paintSegment(MaskAnnotation& m, ImagePoint a, ImagePoint b, double radius,
                       const MaskBrush& brush) {
  if (m.hand.empty()) return {};
  if (needsPartLayer(brush)) ensurePartLayer(m);
  const double r = std::max(radius, 0.0), r2 = r * r;
  const PixelRect box =
      PixelRect{int(std::floor(std::min(a.x, b.x) - r)), int(std::floor(std::min(a.y, b.y) - r)),
                int(std::ceil(std::max(a.x, b.x) + r)) + 1,
                int(std::ceil(std::max(a.y, b.y) + r)) + 1}
          .intersected(PixelRect::of(m));
  const auto under = [](ImagePoint p, int x, int y) {
    return int(std::floor(p.x)) == x && int(std::floor(p.y)) == y;
  };
  PixelRect changed;
  for (int y = box.y0; y < box.y1; ++y)
    for (int x = box.x0; x < box.x1; ++x) {
      if (distance2(x + 0.5, y + 0.5, a, b) > r2 && !under(a, x, y) && !under(b, x, y)) continue;
      if (applyBrushPixel(m.hand.at(x, y), partPtr(m, x, y), brush)) addPixel(changed, x, y);
    }
  return changed;
}

PixelRect applyRegion(MaskAnnotation& m, const MaskRegion& region, const MaskBrush& brush,
                      bool replace) {
  if (m.hand.empty()) return {};
  if (needsPartLayer(brush)) ensurePartLayer(m);
  const PixelRect box = region.rect.intersected(PixelRect::of(m));
  MaskBrush eraser = brush;
  eraser.erase = true;
  PixelRect changed;
  for (int y = box.y0; y < box.y1; ++y)
    for (int x = box.x0; x < box.x1; ++x) {
      const bool in = region.at(x, y);
      if (!in && !replace) continue;
      if (applyBrushPixel(m.hand.at(x, y), partPtr(m, x, y), in ? brush : eraser))
        addPixel(changed, x, y);
    }
  return changed;
}

MaskRegion polygonRegion(const std::vector<ImagePoint>& polygon, int width, int height) {
  MaskRegion out;
  if (polygon.size() < 3) return out;
  double minX = polygon[0].x, maxX = minX, minY = polygon[0].y, maxY = minY;
  for (const ImagePoint& p : polygon) {
    minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
    minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
  }
  out.rect = PixelRect{int(std::floor(minX)), int(std::floor(minY)), int(std::ceil(maxX)) + 1,
                       int(std::ceil(maxY)) + 1}
                 .intersected({0, 0, width, height});
  out.inside.assign(std::size_t(out.rect.width()) * std::size_t(out.rect.height()), 0);
  std::vector<double> xs;
  for (int y = out.rect.y0; y < out.rect.y1; ++y) {
    const double yc = y + 0.5;
    xs.clear();
    for (std::size_t i = 0; i < polygon.size(); ++i) {
      const ImagePoint p = polygon[i], q = polygon[(i + 1) % polygon.size()];
      if ((p.y <= yc) == (q.y <= yc)) continue;  // half-open: each crossing counted once
      xs.push_back(p.x + (yc - p.y) * (q.x - p.x) / (q.y - p.y));
    }
    std::sort(xs.begin(), xs.end());
    std::uint8_t* row = &out.inside[std::size_t(y - out.rect.y0) * std::size_t(out.rect.width())];
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {  // even-odd: inside between pairs
      // Pixel centres x + 0.5 with xs[i] <= x + 0.5 < xs[i+1].
      const int from = std::max(out.rect.x0, int(std::ceil(xs[i] - 0.5)));
      const int to = std::min(out.rect.x1, int(std::ceil(xs[i + 1] - 0.5)));
      for (int x = from; x < to; ++x) row[x - out.rect.x0] = 1;
    }
  }
  return out;
}

PixelRect fillPolygon(MaskAnnotation& m, const std::vector<ImagePoint>& polygon,
                      const MaskBrush& brush) {
  const MaskRegion region = polygonRegion(polygon, m.width(), m.height());
  return region.rect.empty() ? PixelRect{} : applyRegion(m, region, brush);
}

MaskRegion floodRegion(const MaskAnnotation& m, int x, int y, std::uint8_t label) {
  MaskRegion out;
  const int w = m.width(), h = m.height();
  if (x < 0 || y < 0 || x >= w || y >= h) return out;
  const bool byPart = label != 0 && m.hasParts();
  const auto key = [&](std::size_t i) {
    if (m.hand.pixels[i] == 0) return 0;
    return byPart ? 1 + m.parts.pixels[i] : 1;
  };
  std::vector<std::uint8_t> seen(std::size_t(w) * std::size_t(h), 0);
  const std::size_t seed = std::size_t(y) * std::size_t(w) + std::size_t(x);
  const int cls = key(seed);
  std::vector<std::size_t> stack{seed};
  seen[seed] = 1;
  PixelRect box;
  while (!stack.empty()) {
    const std::size_t i = stack.back();
    stack.pop_back();
    const int px = int(i % std::size_t(w)), py = int(i / std::size_t(w));
    addPixel(box, px, py);
    const auto visit = [&](std::size_t j) {
      if (!seen[j] && key(j) == cls) seen[j] = 1, stack.push_back(j);
    };
    if (px > 0) visit(i - 1);
    if (px + 1 < w) visit(i + 1);
    if (py > 0) visit(i - std::size_t(w));
    if (py + 1 < h) visit(i + std::size_t(w));
  }
  out.rect = box;
  out.inside.resize(std::size_t(box.width()) * std::size_t(box.height()));
  for (int yy = box.y0; yy < box.y1; ++yy)
    std::copy_n(&seen[std::size_t(yy) * std::size_t(w) + std::size_t(box.x0)], box.width(),
                &out.inside[std::size_t(yy - box.y0) * std::size_t(box.width())]);
  return out;
}

PixelRect floodFill(MaskAnnotation& m, int x, int y, const MaskBrush& brush) {
  const MaskRegion region = floodRegion(m, x, y, brush.label);
  return region.rect.empty() ? PixelRect{} : applyRegion(m, region, brush);
}

PixelRect applyMeshProposal(MaskAnnotation& m, const LabelImage& meshLabels,
                            const MaskBrush& brush) {
  if (m.hand.empty()) return {};
  const LabelImage mesh = resampleNearest(meshLabels, m.width(), m.height());
  if (brush.label == 0 && !brush.erase) {  // the whole proposal, both layers
    PixelRect changed;
    for (int y = 0; y < m.height(); ++y)
      for (int x = 0; x < m.width(); ++x) {
        const std::uint8_t v = mesh.at(x, y), hand = v != 0 ? 1 : 0;
        const std::uint8_t part = v <= 6 ? v
                                  : v == kHandWithoutPart && m.hasParts() && m.hand.at(x, y)
                                      ? m.parts.at(x, y)
                                      : 0;
        bool diff = m.hand.at(x, y) != hand;
        m.hand.at(x, y) = hand;
        if (m.hasParts()) {
          diff = diff || m.parts.at(x, y) != part;
          m.parts.at(x, y) = part;
        }
        if (diff) addPixel(changed, x, y);
      }
    return changed;
  }
  MaskRegion region;
  region.rect = PixelRect::of(m);
  region.inside.resize(mesh.pixels.size());
  for (std::size_t i = 0; i < mesh.pixels.size(); ++i)
    region.inside[i] = brush.label == 0 ? mesh.pixels[i] != 0 : mesh.pixels[i] == brush.label;
  // Painting part p replaces p's shape; erasing removes the mesh's region of the label.
  return applyRegion(m, region, brush, !brush.erase);
}

}  // namespace handalign
