// The ground truth a corrected mask gives at the evaluation resolution (docs/metrics.md, "Ground
// truth").
#pragma once

#include "annotation/MaskAnnotation.h"

namespace handalign {

// Hand level at R×R (0/1): the 0/255 layer resized and thresholded like a dataset mask.
LabelImage correctedHandAt(const MaskAnnotation& annotation, int resolution);

// Finger level at R×R (0..6): each pixel takes the label of the source pixel under its centre
// (nearest neighbour in the pixel-centre convention). Empty when the annotation has no parts.
LabelImage correctedPartsAt(const MaskAnnotation& annotation, int resolution);

}  // namespace handalign
