// infer.json: where a model run's prediction files come from (written by `handalign infer`, read
// by the prediction merge), and the text format of those files.
#pragma once

#include "geometry/Points.h"
#include "util/Shard.h"

#include <filesystem>
#include <string>

namespace handalign {

// Where a run's predictions come from.
struct InferenceProvenance {
  std::string version;  // of the tool
  std::string modelName, manifestFile, checkpointFile, checkpointFingerprint, architecture;
  std::string frame, crop;  // the manifest's conventions, in words
  std::string datasetRoot, datasetFormat, split;
  std::size_t datasetSize = 0;
  std::string handModelName, handModelFile;
  std::string device;
  int batchSize = 0;
  bool half = false;
  bool operator==(const InferenceProvenance& o) const;
};

// One infer.json: the provenance and what the folder holds.
struct InferenceRecord {
  InferenceProvenance provenance;
  std::size_t samples = 0;  // prediction items in the files
  bool refined = false;     // pred_refined.json beside pred_rough.json
  Shard shard;              // 0/1 for a whole run; K/N: samples K, K + N, ... of the run
  std::string segmentationHand, segmentationParts;  // folder names; empty: none
};

// The JSON of infer.json (the "shard" key only for a shard of a run).
std::string inferenceRecordJson(const InferenceRecord& record);
// Reads and checks infer.json; throws InputError naming the file and the problem.
InferenceRecord readInferenceRecord(const std::filesystem::path& file);

// "[[x, y, z], ...]" as the prediction files hold a mesh or joint set: shortest round-trip
// numbers, so a file read and written again is the same bytes.
void appendPredictionPoints(std::string& out, PointsView p);

}  // namespace handalign
