// Similarity alignment of a prediction to ground truth, exactly as FreiHAND's align_w_scale.
#pragma once

#include "geometry/Points.h"

namespace handalign {

// Returns pred aligned to gt: both centred and divided by (Frobenius norm + 1e-8), R = U·Vᵀ and
// s = Σσ from svd(gt_cᵀ · pred_c) (no reflection fix), then (pred_c · Rᵀ) · s · s_gt + mean_gt.
Points alignWithScale(PointsView gt, PointsView pred);

}  // namespace handalign
