// One fixed colour per label-image value (0 background, 1..6 palm..pinky) for the 3D view.
#pragma once

#include "hand/Part.h"

#include <array>
#include <cstdint>

namespace handalign {

struct Rgb8 {
  std::uint8_t r, g, b;
};

// Hues far apart so that parts stay distinguishable under shading (ColorBrewer Set1-like).
inline constexpr std::array<Rgb8, kPartCount + 1> kPartColors = {{
    {0, 0, 0},        // background
    {190, 190, 190},  // palm
    {228, 26, 28},    // thumb
    {77, 175, 74},    // index
    {55, 126, 184},   // middle
    {152, 78, 163},   // ring
    {255, 200, 40},   // pinky
}};

inline constexpr Rgb8 partColor(Part p) { return kPartColors[labelOf(p)]; }

}  // namespace handalign
