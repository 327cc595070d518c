#include "eval/CorrectedGroundTruth.h"

#include "io/ImageIO.h"

#include <algorithm>

namespace handalign {

LabelImage correctedHandAt(const MaskAnnotation& a, int resolution) {
  Image<std::uint8_t> gray(a.width(), a.height());
  for (std::size_t i = 0; i < gray.pixels.size(); ++i) gray.pixels[i] = a.hand.pixels[i] ? 255 : 0;
  return handMaskAt(std::move(gray), resolution);
}

LabelImage correctedPartsAt(const MaskAnnotation& a, int resolution) {
  if (!a.hasParts()) return {};
  if (a.parts.width == resolution && a.parts.height == resolution) return a.parts;
  LabelImage out(resolution, resolution);
  // Source column of target column x: floor((x + 1/2) · W / R), in exact integer arithmetic.
  std::vector<int> column(std::size_t(resolution), 0);
  for (int x = 0; x < resolution; ++x)
    column[std::size_t(x)] =
        std::min(a.parts.width - 1,
                 int((2 * std::int64_t(x) + 1) * a.parts.width / (2 * std::int64_t(resolution))));
  for (int y = 0; y < resolution; ++y) {
    const int sy = std::min(a.parts.height - 1, int((2 * std::int64_t(y) + 1) * a.parts.height /
                                                    (2 * std::int64_t(resolution))));
    for (int x = 0; x < resolution; ++x) out.at(x, y) = a.parts.at(column[std::size_t(x)], sy);
  }
  return out;
}

}  // namespace handalign
