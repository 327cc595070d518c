#include "eval/SampleEvaluator.h"

#include "io/ImageIO.h"

#include <cmath>

namespace handalign {
namespace {

double nanMean(const double* v, int n) {
  double s = 0;
  int k = 0;
  for (int i = 0; i < n; ++i)
    if (!std::isnan(v[i])) s += v[i], ++k;
  return k ? s / k : SampleMetrics::kNaN;
}

// IoU of the background class from the foreground counts of the same two images.
void backgroundCounts(std::int64_t pixels, const ClassScore& fg, std::int64_t& inter,
                      std::int64_t& uni) {
  inter = pixels - fg.unionCount;
  uni = pixels - fg.intersection;
}

double ratio(std::int64_t a, std::int64_t b) {
  return b ? double(a) / double(b) : SampleMetrics::kNaN;
}

}  // namespace

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
    : ctx_(context), scorer_(context.options.hd) {}

void SampleEvaluator::evaluate(std::size_t sample, SampleMetrics* out,
                               std::vector<PredictionTotals>& totals) {
  const Dataset& ds = ctx_.dataset;
  const int r = ctx_.options.resolution;
  Intrinsics k = ds.intrinsics(sample);
  if (ds.imageWidth() != r || ds.imageHeight() != r)
    k = k.rescaled(ds.imageWidth(), ds.imageHeight(), r, r);

  hasGtLabels_ = ds.hasVertices();
  if (hasGtLabels_)
    renderLabels(ds.vertices(sample), ctx_.model.faces, ctx_.faceLabels, k, r, r, raster_,
                 gtLabels_);
  const auto mask =
      ctx_.options.gtMask == GtMaskSource::Dataset ? ds.maskPath(sample) : std::nullopt;
  if (mask) {
    gtHand_ = readHandMask(*mask, r);
  } else if (hasGtLabels_) {
    gtHand_.reset(r, r);
    for (std::size_t i = 0; i < gtHand_.pixels.size(); ++i)
      gtHand_.pixels[i] = gtLabels_.pixels[i] != 0;
  } else {
    gtHand_ = LabelImage();
  }

  for (std::size_t p = 0; p < ctx_.predictions.size(); ++p) {
    SampleMetrics& m = out[p];
    m = SampleMetrics{};
    const Prediction& pred = ctx_.predictions[p];
    if (!pred.vertices.empty()) {
      renderLabels(pred.vertices.points(sample), ctx_.model.faces, ctx_.faceLabels, k, r, r,
                   raster_, predLabels_);
      scoreMasks(predLabels_, m, totals[p]);
    }
    scoreMeshes(sample, p, m, totals[p]);
  }
}

void SampleEvaluator::scoreMasks(const LabelImage& pred, SampleMetrics& m, PredictionTotals& t) {
  const std::int64_t pixels = std::int64_t(pred.pixels.size());
  if (!gtHand_.empty()) {
    const ClassScore hand = scorer_.scoreForeground(pred, gtHand_);
    std::int64_t bgInter, bgUnion;
    backgroundCounts(pixels, hand, bgInter, bgUnion);
    m.handIou = hand.iou;
    m.handHd95 = hand.hd95;
    m.handHdMissing = hand.hdMissing;
    const double iou[2] = {ratio(bgInter, bgUnion), hand.iou};
    m.handMiou = nanMean(iou, 2);  // no hand in either mask: the background IoU alone
    t.handIntersection[0] += bgInter, t.handUnion[0] += bgUnion;
    t.handIntersection[1] += hand.intersection, t.handUnion[1] += hand.unionCount;
  }
  if (!hasGtLabels_) return;
  ClassScore parts[kPartCount + 1];
  scorer_.scoreAllLabels(pred, gtLabels_, kPartCount, parts);
  double iou[kPartCount + 1];
  for (int c = 0; c <= kPartCount; ++c) {
    iou[c] = parts[c].iou;
    t.fingerIntersection[std::size_t(c)] += parts[c].intersection;
    t.fingerUnion[std::size_t(c)] += parts[c].unionCount;
    if (c == 0) continue;
    m.partIou[std::size_t(c - 1)] = parts[c].iou;
    m.partHd95[std::size_t(c - 1)] = parts[c].hd95;
    m.fingerHdMissing += parts[c].hdMissing;
  }
  m.fingerMiou = nanMean(iou, kPartCount + 1);
  m.fingerMiouFg = nanMean(iou + 1, kPartCount);
  m.fingerHd95 = nanMean(m.partHd95.data(), kPartCount);
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
