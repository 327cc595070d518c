#include "eval/SampleEvaluator.h"

#include "eval/CorrectedGroundTruth.h"
#include "eval/MaskScoring.h"
#include "io/ImageIO.h"

namespace handalign {

void PredictionTotals::merge(const PredictionTotals& o) {
  joints.merge(o.joints);
  paJoints.merge(o.paJoints);
  vertices.merge(o.vertices);
  paVertices.merge(o.paVertices);
  for (std::size_t c = 0; c < 2; ++c)
    handIntersection[c] += o.handIntersection[c], handUnion[c] += o.handUnion[c];
  for (std::size_t c = 0; c < 7; ++c)
    fingerIntersection[c] += o.fingerIntersection[c], fingerUnion[c] += o.fingerUnion[c];
}

SampleEvaluator::SampleEvaluator(const EvalContext& context)
    : ctx_(context), views_(context.dataset, context.model), scorer_(context.options.hd) {}

void SampleEvaluator::renderPrediction(std::size_t sample, std::size_t prediction,
                                       LabelImage& out) {
  const int r = ctx_.options.resolution;
  views_.prediction(ctx_.predictions.at(prediction), sample, r, r, out);
}

void SampleEvaluator::renderGroundTruth(std::size_t sample, LabelImage& out) {
  const int r = ctx_.options.resolution;
  views_.groundTruth(sample, r, r, out);
}

void SampleEvaluator::evaluate(std::size_t sample, SampleMetrics* out,
                               std::vector<PredictionTotals>& totals) {
  const Dataset& ds = ctx_.dataset;
  const int r = ctx_.options.resolution;

  hasGtLabels_ = ds.hasVertices();
  if (hasGtLabels_) renderGroundTruth(sample, gtLabels_);
  // A corrected mask, where one exists, is the ground truth: its hand layer at the hand level
  // (whatever --gt-mask says) and its part layer, when it has one, at the finger level.
  const std::optional<MaskAnnotation> corrected =
      ctx_.annotations ? ctx_.annotations->load(sample) : std::nullopt;
  const auto mask =
      ctx_.options.gtMask == GtMaskSource::Dataset ? ds.maskPath(sample) : std::nullopt;
  if (corrected) {
    gtHand_ = correctedHandAt(*corrected, r);
    if (corrected->hasParts()) gtLabels_ = correctedPartsAt(*corrected, r), hasGtLabels_ = true;
  } else if (mask) {
    gtHand_ = readHandMask(*mask, r);
  } else if (hasGtLabels_) {
    gtHand_.reset(r, r);
    for (std::size_t i = 0; i < gtHand_.pixels.size(); ++i)
      gtHand_.pixels[i] = gtLabels_.pixels[i] != 0;
  } else {
    gtHand_ = LabelImage();
  }
  if (!hasGtLabels_) gtLabels_ = LabelImage();

  for (std::size_t p = 0; p < ctx_.predictions.size(); ++p) {
    SampleMetrics& m = out[p];
    m = SampleMetrics{};
    if (!ctx_.predictions[p].vertices.empty()) {
      renderPrediction(sample, p, predLabels_);
      scoreMaskMetrics(scorer_, predLabels_, gtHand_, gtLabels_, m, &totals[p]);
    }
    scoreMeshes(sample, p, m, totals[p]);
  }
}

void SampleEvaluator::scoreMeshes(std::size_t sample, std::size_t p, SampleMetrics& m,
                                  PredictionTotals& t) {
  const Dataset& ds = ctx_.dataset;
  const Prediction& pred = ctx_.predictions[p];
  static const Points kNone(0, 3);
  Points regressed;
  if (pred.joints.empty()) regressed = ctx_.model.regressJoints(pred.vertices.points(sample));
  const PointsView predJoints =
      pred.joints.empty() ? viewOf(regressed) : pred.joints.points(sample);
  const PointsView gtJoints = ds.hasJoints() ? ds.joints(sample) : viewOf(kNone);
  const PointsView gtVerts = ds.hasVertices() ? ds.vertices(sample) : viewOf(kNone);
  const PointsView predVerts = pred.vertices.empty() ? viewOf(kNone) : pred.vertices.points(sample);
  meshScorer_.score(gtJoints, predJoints, gtVerts, predVerts, errors_);
  m.mpjpeMm = errors_.mpjpeMm, m.paMpjpeMm = errors_.paMpjpeMm;
  m.mpvpeMm = errors_.mpvpeMm, m.paMpvpeMm = errors_.paMpvpeMm;
  m.f5 = errors_.f5, m.f15 = errors_.f15, m.paF5 = errors_.paF5, m.paF15 = errors_.paF15;
  if (!errors_.jointDist.empty())
    t.joints.add(errors_.jointDist), t.paJoints.add(errors_.paJointDist);
  if (!errors_.vertexDist.empty())
    t.vertices.add(errors_.vertexDist), t.paVertices.add(errors_.paVertexDist);
}

}  // namespace handalign
