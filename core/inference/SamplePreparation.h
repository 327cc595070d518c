// Per sample, what a network needs and what decoding its outputs needs: the cropped, normalised
// image and the sample's frame (K, crop affine, root depth), from the manifest's policies.
#pragma once

#include "dataset/Dataset.h"
#include "inference/ModelManifest.h"
#include "inference/OutputDecoding.h"

#include <vector>

namespace handalign {

class SamplePreparer {
 public:
  // Loads the box and root-depth files the manifest names and checks that the dataset has what
  // the crop and root-depth sources need. Throws InputError naming the file and the problem.
  SamplePreparer(const Dataset& dataset, const ModelManifest& manifest);

  // Writes the network input of `sample` (3 × size × size floats) and returns its frame.
  // Thread-safe. Throws InputError for an unreadable image or mask, or an empty crop box.
  SampleFrame prepare(std::size_t sample, float* input) const;

  // The crop box of a sample in image coordinates (before enlarging to a square).
  Box cropBox(std::size_t sample, int imageWidth, int imageHeight) const;
  double rootDepth(std::size_t sample) const;

 private:
  const Dataset& dataset_;
  const ModelManifest& manifest_;
  std::vector<Box> boxes_;          // CropSource::Box
  std::vector<double> rootDepths_;  // RootDepthSource::File
};

}  // namespace handalign
