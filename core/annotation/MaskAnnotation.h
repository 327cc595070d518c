// A corrected mask of one sample: the hand layer and, once parts were edited, the part layer.
#pragma once

#include "raster/LabelImage.h"

namespace handalign {

// Both layers have the sample image's size. Stored losslessly as PNG in an annotation folder:
// `mask/<sample id>.png` (0 / 255, FreiHAND's layout) and `parts/<sample id>.png` (0..6).
struct MaskAnnotation {
  LabelImage hand;   // 0 background, 1 hand
  LabelImage parts;  // 0 none, 1..6 = labelOf(Part); empty when the parts were never edited

  bool hasParts() const { return !parts.empty(); }
  int width() const { return hand.width; }
  int height() const { return hand.height; }
};

}  // namespace handalign
