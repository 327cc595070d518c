// The results of a model run as FreiHAND prediction files (pred_rough.json, pred_refined.json,
// read by `handalign eval`) with their provenance (infer.json), or as in-memory predictions.
#pragma once

#include "dataset/InferenceRecord.h"
#include "dataset/Predictions.h"
#include "inference/ModelRunner.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace handalign {

InferenceProvenance makeProvenance(const ModelRunner& runner, const Dataset& dataset,
                                   const HandModel& handModel,
                                   const std::filesystem::path& handModelFile,
                                   const std::string& version);

// Streams results into pred_rough.json and pred_refined.json (`[xyz list, verts list]`, metres,
// camera frame) in `dir`. Nothing appears under the final names before commit(); a writer
// destroyed uncommitted removes what it wrote (and `dir`, if it made it and it is empty).
class PredictionFileWriter {
 public:
  // A shard K/N of a run takes samples K, K + N, K + 2N, ... (`handalign merge` joins them).
  explicit PredictionFileWriter(std::filesystem::path dir, Shard shard = {});
  ~PredictionFileWriter();
  PredictionFileWriter(const PredictionFileWriter&) = delete;
  PredictionFileWriter& operator=(const PredictionFileWriter&) = delete;

  // Samples must come in dataset order from 0, or the shard's samples in order (the file format
  // has no sample ids); all with or all without a refined mesh. Throws std::invalid_argument
  // otherwise.
  void add(const SampleInference& sample);
  // The network's segmentation of sample `id` (its class per image pixel, 0 = background):
  // segmentation-<run>/<id>.png, the hand mask (255 where the class is not 0), and with 7 classes
  // (background + the six parts, class = labelOf(Part)) also segmentation_parts-<run>/<id>.png,
  // <run> unique to this writer. Written into a hidden staging folder; infer.json declares them
  // at commit(). Throws InputError when it cannot write.
  void addSegmentation(const std::string& id, const LabelImage& labels, int classes);
  // Writes the files (pred_refined.json only when there are refined meshes) and infer.json, then
  // renames them into place, infer.json last: it declares this run's segmentation folders, and
  // those of earlier runs are removed after it. Throws InputError when the folder cannot be
  // written (an earlier run's files and folders then stay as they were).
  void commit(const InferenceProvenance& provenance);
  std::size_t count() const { return count_; }

 private:
  struct Stream;
  std::filesystem::path dir_;
  Shard shard_;
  bool madeDir_ = false, committed_ = false;
  std::size_t count_ = 0;
  bool refined_ = false;
  std::vector<std::unique_ptr<Stream>> streams_;  // rough, refined
  std::filesystem::path staging_;                 // segmentation PNGs until commit()
  std::string runTag_;                            // <time>-<pid>: this run's folder names
  std::vector<std::filesystem::path> moved_;      // renamed out of staging_ by commit()
  bool parts_ = false;
  void makeDir();
};

// All results of a run, written with a PredictionFileWriter.
void writePredictionFiles(const std::filesystem::path& dir,
                          const std::vector<SampleInference>& results,
                          const InferenceProvenance& provenance);

// The engine's in-memory predictions ("<prefix>rough", "<prefix>refined" when present) with one
// item per dataset sample: samples the run did not cover are NaN, so evaluate only those it did
// (EvalOptions::limit over a run of samples 0..n-1, or SampleEvaluator per sample).
std::vector<Prediction> toPredictions(const std::vector<SampleInference>& results,
                                      std::size_t datasetSize, const std::string& prefix = "");

}  // namespace handalign
