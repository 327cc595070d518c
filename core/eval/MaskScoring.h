// Hand- and finger-level mask metrics of one rendered prediction, for the evaluation and for live
// re-scoring while a mask is being corrected.
#pragma once

#include "annotation/MaskAnnotation.h"
#include "eval/SampleResult.h"
#include "metrics/MaskMetrics.h"

namespace handalign {

struct PredictionTotals;

// Scores `pred` (label image at R×R) against the hand-level GT `gtHand` (0/1) and the finger-level
// GT `gtLabels` (0..6), both R×R; an empty GT leaves its metrics NaN. Adds the pooled counts to
// `totals` when given. Only the mask metrics of `m` are written.
void scoreMaskMetrics(MaskScorer& scorer, const LabelImage& pred, const LabelImage& gtHand,
                      const LabelImage& gtLabels, SampleMetrics& m, PredictionTotals* totals);

// `row` with its mask metrics (hand and finger level, exclusion counts) replaced by those of
// `scored`; the 3D metrics stay.
SampleMetrics withMaskMetrics(SampleMetrics row, const SampleMetrics& scored);

// Re-scores one sample against an in-memory corrected mask, exactly as `eval --annotations` would
// score it once saved. Keeps scratch buffers: one per thread.
class CorrectionScorer {
 public:
  explicit CorrectionScorer(HdOptions hd = {}) : scorer_(hd) {}

  // pred: the prediction's label image at the evaluation resolution R (SampleEvaluator::
  // renderPrediction). gtLabels: the rendered GT mesh at R, the finger-level GT when the
  // annotation has no parts (may be empty: finger metrics NaN). The annotation is at the sample
  // image's size. 3D metrics are left NaN.
  SampleMetrics score(const LabelImage& pred, const MaskAnnotation& annotation,
                      const LabelImage& gtLabels = {});

 private:
  MaskScorer scorer_;
};

}  // namespace handalign
