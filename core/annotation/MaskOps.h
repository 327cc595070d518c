// Editing operations on a MaskAnnotation (brush, polygon, flood fill, GrabCut, mesh proposal), each
// returning the rectangle of pixels it may have changed. Rules:
// docs/adr/0010-mask-editing-rules.md.
#pragma once

#include "annotation/MaskAnnotation.h"
#include "hand/Part.h"

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace handalign {

// Half-open pixel rectangle [x0, x1) × [y0, y1); empty when x1 <= x0 or y1 <= y0.
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  bool empty() const { return x1 <= x0 || y1 <= y0; }
  int width() const { return empty() ? 0 : x1 - x0; }
  int height() const { return empty() ? 0 : y1 - y0; }
  PixelRect united(const PixelRect& o) const;
  PixelRect intersected(const PixelRect& o) const;
  bool operator==(const PixelRect& o) const;
  static PixelRect of(const MaskAnnotation& m) { return {0, 0, m.width(), m.height()}; }
};

// A point in image coordinates: pixel (x, y) covers [x, x+1) × [y, y+1), its centre is x+0.5.
struct ImagePoint {
  double x = 0, y = 0;
};

// What a stroke does. Editing rules (ADR 0010), with "part layer" the 0..6 layer:
// - paint hand: hand = 1; the part layer is untouched (new pixels are hand without a part);
// - paint part p: hand = 1 and part = p;
// - erase hand: hand = 0 and part = 0;
// - erase part p: part = 0 where part == p; hand stays 1;
// - protectOthers: a pixel carrying a part other than the active one is never changed (painting p
//   never eats another finger; erasing with the hand label leaves pixels that carry a part).
// Invariant kept by every operation: part != 0 implies hand == 1.
struct MaskBrush {
  std::uint8_t label = 0;  // 0 = the hand class, 1..6 = labelOf(Part)
  bool erase = false;
  bool protectOthers = true;
};

// Applies the brush rule to one pixel; part is null when the annotation has no part layer.
inline bool applyBrushPixel(std::uint8_t& hand, std::uint8_t* part, const MaskBrush& b) {
  const std::uint8_t p = part ? *part : 0;
  if (b.protectOthers && p != 0 && p != b.label) return false;
  if (b.label == 0) {
    if (!b.erase) {
      const bool changed = hand != 1;
      hand = 1;
      return changed;
    }
    const bool changed = hand != 0 || p != 0;
    hand = 0;
    if (part) *part = 0;
    return changed;
  }
  if (b.erase) {
    if (p != b.label) return false;
    *part = 0;
    return true;
  }
  const bool changed = hand != 1 || p != b.label;
  hand = 1;
  *part = b.label;
  return changed;
}

// Creates the part layer if it is missing: `proposal`'s labels (e.g. the GT mesh's rendered parts)
// restricted to the hand layer, or all zeros when proposal is null or of another size. Returns
// whether it created the layer.
bool ensurePartLayer(MaskAnnotation& m, const LabelImage* proposal = nullptr);

// Round brush: every pixel whose centre lies within `radius` of the segment a–b (a capsule), and
// always the pixels under a and b; a == b is a single dab. Consecutive segments of a stroke leave
// no gaps however fast the mouse moves. A part brush creates an empty part layer if missing.
PixelRect paintSegment(MaskAnnotation& m, ImagePoint a, ImagePoint b, double radius,
                       const MaskBrush& brush);
inline PixelRect paintDab(MaskAnnotation& m, ImagePoint c, double radius, const MaskBrush& brush) {
  return paintSegment(m, c, c, radius, brush);
}

// A region: 0/1 pixels over `rect` (row-major, rect.width() × rect.height()).
struct MaskRegion {
  PixelRect rect;
  std::vector<std::uint8_t> inside;
  bool at(int x, int y) const {
    return inside[std::size_t(y - rect.y0) * std::size_t(rect.width()) + std::size_t(x - rect.x0)];
  }
};

// Applies the brush to the region's pixels; with `replace`, pixels of rect outside the region get
// the erase variant of the brush (the region becomes the active label's shape inside rect).
PixelRect applyRegion(MaskAnnotation& m, const MaskRegion& region, const MaskBrush& brush,
                      bool replace = false);

// Polygon (image coordinates, implicitly closed) rasterised at pixel centres with the even-odd
// rule; a pixel centre on an edge counts as inside for left/top edges only (half-open scanlines).
MaskRegion polygonRegion(const std::vector<ImagePoint>& polygon, int width, int height);
PixelRect fillPolygon(MaskAnnotation& m, const std::vector<ImagePoint>& polygon,
                      const MaskBrush& brush);

// The 4-connected pixels with the seed's class on the active layer: the hand layer for the hand
// label; for a part label the classes are background, hand without a part, and each part (so a
// fill of unassigned hand never leaks into the background).
MaskRegion floodRegion(const MaskAnnotation& m, int x, int y, std::uint8_t label);
PixelRect floodFill(MaskAnnotation& m, int x, int y, const MaskBrush& brush);

// GrabCut (cv::grabCut) on `image` (8-bit, 3 channels, the annotation's size, any channel order).
// Box: the foreground found inside `box`. Scribble: non-zero pixels of `scribble` (the annotation's
// size) are probable foreground, the rest of their bounding box grown by `margin` pixels is
// probable background and its border definite background. The region covers the box (or the grown
// box), so applyRegion(..., replace = true) makes GrabCut's answer the active label there.
// Crops larger than 320 pixels a side are modelled at that size (GrabCut's time grows with the
// pixels) and the answer is scaled back with a smooth edge. Same input, same answer (seeded).
// An error (e.g. an image of the wrong size) gives nullopt and a message.
std::optional<MaskRegion> grabCutBox(const cv::Mat& image, PixelRect box, int iterations,
                                     std::string* error = nullptr);
std::optional<MaskRegion> grabCutScribble(const cv::Mat& image, const LabelImage& scribble,
                                          int margin, int iterations, std::string* error = nullptr);

// A proposal's label for "hand, part not known" (a network segmentation of the hand only): the
// whole-proposal hand brush keeps the part already there.
inline constexpr std::uint8_t kHandWithoutPart = 255;

// "Start from a mesh": `meshLabels` is a label image rendered by renderLabels (label > 0 = hand,
// 1..6 = parts, kHandWithoutPart), resampled (nearest) to the annotation's size if needed. Hand
// brush: the hand layer becomes the silhouette and, when the part layer exists, the part layer the
// mesh's parts (the whole proposal, protect does not apply). Part brush p: part p becomes the
// mesh's part p (protect honoured). Erase: the brush's erase rule over the mesh's region of the
// active label.
PixelRect applyMeshProposal(MaskAnnotation& m, const LabelImage& meshLabels,
                            const MaskBrush& brush);

// Nearest-neighbour resampling at pixel centres: out(x, y) = in(floor((x + 0.5) · w_in / w), ...).
LabelImage resampleNearest(const LabelImage& in, int width, int height);

}  // namespace handalign
