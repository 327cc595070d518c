// Opens every split a dataset plugin lists under `root` and reads every sample's fields.
#pragma once

#include "FuzzSupport.h"
#include "dataset/DatasetFormat.h"

namespace fuzz {

inline void walkDataset(const handalign::DatasetFormat& format, const fs::path& root) {
  format.canOpen(root);
  std::vector<std::string> splits = format.splits(root);
  if (splits.empty()) splits.push_back("training");  // open() must refuse it cleanly
  for (const std::string& split : splits)
    expect([&] {
      const auto d = format.open(root, split, 1);
      if (d->imageWidth() <= 0 || d->imageHeight() <= 0) std::abort();
      for (std::size_t i = 0; i < d->size(); ++i) {
        d->sampleId(i), d->intrinsics(i), d->imagePath(i), d->maskPath(i);
        if (d->hasJoints()) touch(d->joints(i).data(), d->joints(i).size());
        if (d->hasVertices()) touch(d->vertices(i).data(), d->vertices(i).size());
        if (d->hasVertices() && d->vertices(i).rows() != d->vertexCount()) std::abort();
      }
      d->handModelPath();
      d->releaseSamples(0, d->size());
    });
}

}  // namespace fuzz
