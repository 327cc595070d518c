// What `handalign eval` evaluates and under which conventions.
#pragma once

#include "metrics/MaskMetrics.h"

#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

enum class GtMaskSource {
  Dataset,
  Mesh
};  // hand-level GT: dataset mask where present, or rendered GT

struct Shard {
  int index = 0;  // K in K/N, 0-based
  int count = 1;  // N
  bool contains(std::size_t sample) const { return int(sample % std::size_t(count)) == index; }
  std::string str() const { return std::to_string(index) + "/" + std::to_string(count); }
};
bool parseShard(const std::string& s, Shard& out);

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
