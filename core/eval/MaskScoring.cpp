#include "eval/MaskScoring.h"

#include "eval/MetricRegistry.h"

#include "eval/CorrectedGroundTruth.h"
#include "eval/SampleEvaluator.h"

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

double ratio(std::int64_t a, std::int64_t b) {
  return b ? double(a) / double(b) : SampleMetrics::kNaN;
}

}  // namespace

void scoreMaskMetrics(MaskScorer& scorer, const LabelImage& pred, const LabelImage& gtHand,
                      const LabelImage& gtLabels, SampleMetrics& m, PredictionTotals* t) {
  const std::int64_t pixels = std::int64_t(pred.pixels.size());
  if (!gtHand.empty()) {
    const ClassScore hand = scorer.scoreForeground(pred, gtHand);
    // The background class from the foreground counts of the same two images.
    const std::int64_t bgInter = pixels - hand.unionCount, bgUnion = pixels - hand.intersection;
    m.handIou = hand.iou;
    m.handHd95 = hand.hd95;
    m.handHdMissing = hand.hdMissing;
    const double iou[2] = {ratio(bgInter, bgUnion), hand.iou};
    m.handMiou = nanMean(iou, 2);  // no hand in either mask: the background IoU alone
    if (t) {
      t->handIntersection[0] += bgInter, t->handUnion[0] += bgUnion;
      t->handIntersection[1] += hand.intersection, t->handUnion[1] += hand.unionCount;
    }
  }
  if (gtLabels.empty()) return;
  ClassScore parts[kPartCount + 1];
  scorer.scoreAllLabels(pred, gtLabels, kPartCount, parts);
  double iou[kPartCount + 1];
  for (int c = 0; c <= kPartCount; ++c) {
    iou[c] = parts[c].iou;
    if (t) {
      t->fingerIntersection[std::size_t(c)] += parts[c].intersection;
      t->fingerUnion[std::size_t(c)] += parts[c].unionCount;
    }
    if (c == 0) continue;
    m.partIou[std::size_t(c - 1)] = parts[c].iou;
    m.partHd95[std::size_t(c - 1)] = parts[c].hd95;
    m.fingerHdMissing += parts[c].hdMissing;
  }
  m.fingerMiou = nanMean(iou, kPartCount + 1);
  m.fingerMiouFg = nanMean(iou + 1, kPartCount);
  m.fingerHd95 = nanMean(m.partHd95.data(), kPartCount);
}

SampleMetrics CorrectionScorer::score(const LabelImage& pred, const MaskAnnotation& annotation,
                                      const LabelImage& gtLabels) {
  const int r = pred.width;
  const LabelImage hand = correctedHandAt(annotation, r);
  SampleMetrics m;
  if (annotation.hasParts())
    scoreMaskMetrics(scorer_, pred, hand, correctedPartsAt(annotation, r), m, nullptr);
  else
    scoreMaskMetrics(scorer_, pred, hand, gtLabels, m, nullptr);
  return m;
}

SampleMetrics withMaskMetrics(SampleMetrics row, const SampleMetrics& scored) {
  for (const MetricInfo& m : metricRegistry())  // every mask-level metric of the registry
    if (m.perSample() && m.level != MetricLevel::Mesh) *m.slot(row) = m.value(scored);
  row.handHdMissing = scored.handHdMissing, row.fingerHdMissing = scored.fingerHdMissing;
  return row;
}

}  // namespace handalign
