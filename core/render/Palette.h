// The one palette of the studio, its figures and charts: a colour per hand part (label 1..6) and
// per method, colour-blind safe (Okabe–Ito), plus the error colours. Canvas, 3D view, figures,
// charts and legends all read it, so a part or a method has one colour everywhere.
#pragma once

#include "hand/Part.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace handalign {

struct Rgb8 {
  std::uint8_t r, g, b;
  bool operator==(const Rgb8& o) const { return r == o.r && g == o.g && b == o.b; }
};

namespace palette {

// Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
// deficiency. Indexed by label-image value; 0 (background) is unused.
inline constexpr std::array<Rgb8, kPartCount + 1> kParts = {{
    {0, 0, 0},       // background
    {230, 159, 0},   // palm: orange
    {86, 180, 233},  // thumb: sky blue
    {0, 158, 115},   // index: bluish green
    {240, 228, 66},  // middle: yellow
    {0, 114, 178},   // ring: blue
    {213, 94, 0},    // pinky: vermillion
}};
inline constexpr Rgb8 part(Part p) { return kParts[labelOf(p)]; }

// Ground truth in single-colour and contour modes, and as the GT mesh: white, away from every
// method's hue.
inline constexpr Rgb8 kGroundTruth{245, 245, 245};

// Methods in the order they are shown (run index): Okabe–Ito colours in another order than the
// parts' (a method's outline may share a hue with a part's fill), then repeating.
inline constexpr std::array<Rgb8, 6> kMethods = {{
    {230, 159, 0},    // orange
    {86, 180, 233},   // sky blue
    {204, 121, 167},  // reddish purple
    {0, 158, 115},    // bluish green
    {240, 228, 66},   // yellow
    {0, 114, 178},    // blue
}};
inline constexpr Rgb8 method(std::size_t index) { return kMethods[index % kMethods.size()]; }

// Difference map against GT, and the HD95 heat map's "sets the HD95" mark.
inline constexpr Rgb8 kFalsePositive{213, 94, 0};   // vermillion: predicted, not in GT
inline constexpr Rgb8 kFalseNegative{0, 114, 178};  // blue: in GT, missed
inline constexpr Rgb8 kWrongPart{240, 228, 66};     // yellow: hand, but another part
inline constexpr Rgb8 kAboveP95{204, 121, 167};     // reddish purple
inline constexpr Rgb8 kCanvasBackground{48, 48, 48};

}  // namespace palette
}  // namespace handalign
