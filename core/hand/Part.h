// The six hand parts of the paper's finger-level evaluation, and their label-image values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace handalign {

enum class Part : std::uint8_t { Palm = 0, Thumb, Index, Middle, Ring, Pinky };

inline constexpr int kPartCount = 6;
inline constexpr int kJointCount = 21;

// Label-image value of a part: 0 is background, parts are 1..6.
constexpr std::uint8_t labelOf(Part p) { return static_cast<std::uint8_t>(p) + 1; }

inline constexpr std::array<std::string_view, kPartCount> kPartNames = {"palm",   "thumb", "index",
                                                                        "middle", "ring",  "pinky"};

// FreiHAND joint order: 0 wrist, thumb 1-4, index 5-8, middle 9-12, ring 13-16, pinky 17-20.
inline constexpr std::array<std::string_view, kJointCount> kJointNames = {
    "wrist",     "thumb_mcp", "thumb_pip",  "thumb_dip",  "thumb_tip",  "index_mcp",  "index_pip",
    "index_dip", "index_tip", "middle_mcp", "middle_pip", "middle_dip", "middle_tip", "ring_mcp",
    "ring_pip",  "ring_dip",  "ring_tip",   "pinky_mcp",  "pinky_pip",  "pinky_dip",  "pinky_tip"};

inline std::optional<Part> partFromName(std::string_view name) {
  for (int i = 0; i < kPartCount; ++i)
    if (kPartNames[i] == name) return static_cast<Part>(i);
  return std::nullopt;
}

}  // namespace handalign
