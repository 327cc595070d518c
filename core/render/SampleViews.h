// The one place that renders a sample's views: label images of the GT mesh and of any prediction,
// the dataset's hand mask and boundary-distance maps, at any size, for the evaluator's rules, the
// studio's canvas, the mask editor's "from mesh" proposal and the figures.
#pragma once

#include "dataset/Dataset.h"
#include "dataset/Predictions.h"
#include "hand/HandModel.h"
#include "metrics/BoundaryDistanceMap.h"
#include "raster/Rasterizer.h"

#include <optional>

namespace handalign {

class SampleViews {
 public:
  SampleViews(const Dataset& dataset, const HandModel& model);

  // The sample's camera for a width×height picture of the whole image (docs/metrics.md rescales
  // K when the size differs from the image's).
  Intrinsics cameraAt(std::size_t sample, int width, int height) const;

  // Label images (0 background, 1..6 parts) at width×height; with `camera` (e.g. a figure's
  // crop) instead of the sample's own. Empty when the dataset has no GT mesh, the prediction no
  // vertices. A non-finite mesh renders as background, as the evaluator scores it.
  LabelImage groundTruth(std::size_t sample, int width, int height,
                         const std::optional<Intrinsics>& camera = std::nullopt);
  LabelImage prediction(const Prediction& p, std::size_t sample, int width, int height,
                        const std::optional<Intrinsics>& camera = std::nullopt);
  // The same into `out`, reusing its storage (the evaluator's hot path); false when empty.
  bool groundTruth(std::size_t sample, int width, int height, LabelImage& out,
                   const std::optional<Intrinsics>& camera = std::nullopt);
  bool prediction(const Prediction& p, std::size_t sample, int width, int height, LabelImage& out,
                  const std::optional<Intrinsics>& camera = std::nullopt);

  // The dataset's hand mask (0/1) at its own size; nullopt when the sample has none. Throws
  // InputError for an unreadable file.
  std::optional<LabelImage> datasetMask(std::size_t sample) const;

  // Whether the prediction has a finite mesh for the sample (a model run on other samples has
  // NaN there): the studio shows only those.
  static bool hasMesh(const Prediction& p, std::size_t sample);

  // The HD95 heat map of `pred` against `gt` (hand level): see BoundaryDistanceMap.
  static BoundaryDistanceMap distanceMap(const LabelImage& pred, const LabelImage& gt);

 private:
  const Dataset& dataset_;
  const HandModel& model_;
  std::vector<std::uint8_t> faceLabels_;
  Raster raster_;
};

}  // namespace handalign
