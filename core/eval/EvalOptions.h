// What `handalign eval` evaluates and under which conventions.
#pragma once

#include "metrics/MaskMetrics.h"
#include "util/Shard.h"

#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

enum class GtMaskSource {
  Dataset,
  Mesh
};  // hand-level GT: dataset mask where present, or rendered GT

struct EvalOptions {
  int resolution = 224;
  int threads = 0;  // 0: all cores
  HdOptions hd;
  GtMaskSource gtMask = GtMaskSource::Dataset;
  std::size_t limit = 0;  // 0: all samples
  Shard shard;
  // Annotation folder (`mask/<id>.png`, `parts/<id>.png`): a corrected mask, where one exists, is
  // the sample's ground truth (docs/metrics.md). Empty: none.
  std::filesystem::path annotations;
};

}  // namespace handalign
