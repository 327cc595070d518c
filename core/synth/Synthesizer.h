// `handalign synth`: a deterministic synthetic FreiHAND-layout dataset with rough and refined
// predictions.
#pragma once

#include "util/Cancellation.h"
#include "util/Progress.h"

#include <cstdint>
#include <filesystem>

namespace handalign {

struct SynthOptions {
  std::filesystem::path out;
  std::size_t count = 100;
  std::uint64_t seed = 1;
  int imageSize = 224;
  int threads = 0;
  bool force = false;  // replace an existing non-empty output folder
};

// Writes training/rgb/%08d.jpg, training/mask/%08d.jpg, training_{K,xyz,verts}.json,
// hand_model.json, pred_rough.json and pred_refined.json. The folder is built under a temporary
// name and renamed into place at the end, so an interrupted run leaves nothing. Throws InputError /
// Cancelled.
void synthesize(const SynthOptions& options, const ProgressCallback& progress = {},
                const CancellationToken* cancel = nullptr);

}  // namespace handalign
