// Runs a model checkpoint off the GUI thread (progress, cancel): on one sample, scored at once, or
// on a whole dataset, written as prediction files that the studio then evaluates like any other.
#pragma once

#include "BackgroundJob.h"
#include "dataset/Predictions.h"
#include "eval/EvalOptions.h"
#include "eval/SampleResult.h"
#include "hand/HandModel.h"
#include "inference/ModelRunner.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace handalign {

struct InferenceRequest {
  std::filesystem::path model;  // checkpoint or manifest
  std::filesystem::path datasetRoot;
  std::string split, format;
  HandModel handModel;
  std::filesystem::path handModelFile;  // for the provenance
  RunnerOptions options;
  EvalOptions evalOptions;           // how one-sample results are scored
  std::vector<std::size_t> samples;  // empty: the whole split
  // Whole split: the folder receiving pred_rough.json, pred_refined.json and infer.json.
  std::filesystem::path outputDir;
  std::string version;
};

struct InferenceOutcome {
  std::string modelName;  // the manifest's name, made usable as a browser key
  std::string device;
  // One sample: in-memory predictions ("<model>_rough", "<model>_refined") over the whole split
  // (NaN where not run) and the scored rows of the samples run.
  std::vector<Prediction> predictions;
  std::vector<SampleRow> rows;
  // One sample with RunnerOptions::segmentation: the network's segmentation of each sample run,
  // as proposal labels at the image's size (NetworkSegmentation.h).
  std::vector<std::pair<std::size_t, LabelImage>> segmentation;
  // Whole split: the prediction files written, name → file.
  std::vector<std::pair<std::string, std::filesystem::path>> files;
  // The model's refined output refines its rough one (both runs), as the manifest declares.
  std::vector<Refinement> refinements;
};

class InferenceJob : public BackgroundJob {
  Q_OBJECT

 public:
  explicit InferenceJob(InferenceRequest request, QObject* parent = nullptr);
  ~InferenceJob() override;  // cancels and waits for the worker

  void start();
  const InferenceRequest& request() const { return request_; }

 Q_SIGNALS:
  void finished(std::shared_ptr<handalign::InferenceOutcome> outcome);

 private:
  InferenceOutcome work();

  InferenceRequest request_;
};

// "<name>" with every character that is not a letter, digit or '_' replaced by '_' (a browser
// column key and a filter name); "model" when nothing is left.
std::string modelKey(const std::string& name);

}  // namespace handalign

Q_DECLARE_METATYPE(std::shared_ptr<handalign::InferenceOutcome>)
