// Per sample, what a network needs and what decoding its outputs needs: the cropped, normalised
// image and the sample's frame (K, crop affine, root, mirroring), from the manifest's policies.
#pragma once

#include "dataset/Dataset.h"
#include "inference/ModelManifest.h"
#include "inference/OutputDecoding.h"

#include <vector>

namespace handalign {

class SamplePreparer {
 public:
  // Loads the box and root-depth files the manifest names and checks that the dataset has what
  // the crop and root sources need. Throws InputError naming the file and the problem.
  SamplePreparer(const Dataset& dataset, const ModelManifest& manifest);
  // Every sample of the other hand than the model's must be mirrored (handedness.mirror_other):
  // InputError naming the manifest and the first sample that is not.
  void checkSides(const std::vector<std::size_t>& samples) const;

  // Writes the network input of `sample` (3 × size × size floats; for a sample of the other hand
  // the crop of the mirrored image) and returns its frame. Thread-safe. Throws InputError for an
  // unreadable image or mask, or an empty crop box.
  SampleFrame prepare(std::size_t sample, float* input) const;

  // The crop box of a sample in image coordinates (before enlarging to a square).
  Box cropBox(std::size_t sample, int imageWidth, int imageHeight) const;
  // Lixel and root-relative frames: the root joint's camera-frame position. With a depth only (a
  // fixed value, a file entry of one number) the root is on the ray through the crop's centre.
  Eigen::Vector3d rootPosition(std::size_t sample, const CropTransform& crop) const;

 private:
  const Dataset& dataset_;
  const ModelManifest& manifest_;
  std::vector<Box> boxes_;              // CropSource::Box
  std::vector<Eigen::Vector3d> roots_;  // RootDepthSource::File: [X, Y, Z] or (NaN, NaN, Z)
};

}  // namespace handalign
