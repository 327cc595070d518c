#include "render/SampleViews.h"

#include "io/ImageIO.h"

namespace handalign {

SampleViews::SampleViews(const Dataset& dataset, const HandModel& model)
    : dataset_(dataset), model_(model), faceLabels_(model.faceLabels()) {}

Intrinsics SampleViews::cameraAt(std::size_t sample, int width, int height) const {
  const Intrinsics k = dataset_.intrinsics(sample);
  const int w = dataset_.imageWidth(), h = dataset_.imageHeight();
  return (w == width && h == height) ? k : k.rescaled(w, h, width, height);
}

bool SampleViews::groundTruth(std::size_t sample, int width, int height, LabelImage& out,
                              const std::optional<Intrinsics>& camera) {
  if (!dataset_.hasVertices()) {
    out = LabelImage();
    return false;
  }
  renderLabels(dataset_.vertices(sample), model_.faces, faceLabels_,
               camera ? *camera : cameraAt(sample, width, height), width, height, raster_, out);
  return true;
}

bool SampleViews::prediction(const Prediction& p, std::size_t sample, int width, int height,
                             LabelImage& out, const std::optional<Intrinsics>& camera) {
  if (p.vertices.empty() || sample >= p.vertices.count()) {
    out = LabelImage();
    return false;
  }
  renderLabels(p.vertices.points(sample), model_.faces, faceLabels_,
               camera ? *camera : cameraAt(sample, width, height), width, height, raster_, out);
  return true;
}

LabelImage SampleViews::groundTruth(std::size_t sample, int width, int height,
                                    const std::optional<Intrinsics>& camera) {
  LabelImage out;
  groundTruth(sample, width, height, out, camera);
  return out;
}

LabelImage SampleViews::prediction(const Prediction& p, std::size_t sample, int width, int height,
                                   const std::optional<Intrinsics>& camera) {
  LabelImage out;
  prediction(p, sample, width, height, out, camera);
  return out;
}

std::optional<LabelImage> SampleViews::datasetMask(std::size_t sample) const {
  const auto file = dataset_.maskPath(sample);
  if (!file) return std::nullopt;
  return binaryHandMask(readMask8(*file));
}

bool SampleViews::hasMesh(const Prediction& p, std::size_t sample) {
  return !p.vertices.empty() && sample < p.vertices.count() &&
         p.vertices.points(sample).allFinite();
}

BoundaryDistanceMap SampleViews::distanceMap(const LabelImage& pred, const LabelImage& gt) {
  return boundaryDistanceMap(pred, gt, -1);
}

}  // namespace handalign
