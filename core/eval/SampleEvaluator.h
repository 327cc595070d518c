// Evaluates every prediction of one sample: render, compare masks, 3D errors (one per thread).
#pragma once

#include "annotation/AnnotationStore.h"
#include "dataset/Dataset.h"
#include "dataset/Predictions.h"
#include "eval/EvalOptions.h"
#include "eval/SampleResult.h"
#include "hand/HandModel.h"
#include "metrics/MaskMetrics.h"
#include "metrics/MeshMetrics.h"
#include "metrics/PckAccumulator.h"
#include "render/SampleViews.h"

#include <array>
#include <vector>

namespace handalign {

// Dataset-level accumulators of one prediction: PCK histograms and pooled IoU counts.
struct PredictionTotals {
  PckAccumulator joints, paJoints, vertices, paVertices;
  std::array<std::int64_t, 2> handIntersection{}, handUnion{};      // background, hand
  std::array<std::int64_t, 7> fingerIntersection{}, fingerUnion{};  // background, six parts

  PredictionTotals(int jointCount = kJointCount, int vertexCount = 0)
      : joints(jointCount), paJoints(jointCount), vertices(vertexCount), paVertices(vertexCount) {}
  void merge(const PredictionTotals& o);
};

struct EvalContext {
  const Dataset& dataset;
  const HandModel& model;
  const std::vector<Prediction>& predictions;
  EvalOptions options;
  std::vector<std::uint8_t> faceLabels;  // model.faceLabels()
  // Corrected masks (options.annotations opened read-only), or null.
  const AnnotationStore* annotations = nullptr;
};

class SampleEvaluator {
 public:
  explicit SampleEvaluator(const EvalContext& context);

  // Writes one SampleMetrics per prediction into out[0..predictions.size()) and adds to totals.
  // Throws InputError for a bad mask file (a dataset mask or a corrected one).
  void evaluate(std::size_t sample, SampleMetrics* out, std::vector<PredictionTotals>& totals);

  // The label images the evaluation compares, at the evaluation resolution: a prediction's
  // rendering (live re-scoring in the studio) and the rendered GT mesh (empty without GT meshes).
  void renderPrediction(std::size_t sample, std::size_t prediction, LabelImage& out);
  void renderGroundTruth(std::size_t sample, LabelImage& out);

  // The label images of the last evaluate() (for tests and figures).
  const LabelImage& gtLabels() const { return gtLabels_; }
  const LabelImage& gtHand() const { return gtHand_; }

 private:
  void scoreMeshes(std::size_t sample, std::size_t p, SampleMetrics& m, PredictionTotals& t);

  const EvalContext& ctx_;
  SampleViews views_;
  LabelImage gtLabels_, gtHand_, predLabels_;
  MaskScorer scorer_;
  MeshScorer meshScorer_;
  MeshErrors errors_;
  bool hasGtLabels_ = false;
};

}  // namespace handalign
