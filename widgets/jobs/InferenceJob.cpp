#include "InferenceJob.h"

#include "annotation/NetworkSegmentation.h"

#include "dataset/PluginRegistry.h"
#include "eval/SampleEvaluator.h"
#include "inference/ModelManifest.h"
#include "inference/PredictionFiles.h"

#include <cctype>
#include <numeric>

namespace handalign {

std::string modelKey(const std::string& name) {
  std::string key;
  for (unsigned char c : name) key += std::isalnum(c) || c == '_' ? char(c) : '_';
  if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0]))) key = "model_" + key;
  return key;
}

InferenceJob::InferenceJob(InferenceRequest request, QObject* parent)
    : BackgroundJob(parent), request_(std::move(request)) {
  qRegisterMetaType<std::shared_ptr<handalign::InferenceOutcome>>();
}

InferenceJob::~InferenceJob() { stopWorker(); }

InferenceOutcome InferenceJob::work() {
  // The worker opens its own view of the dataset: nothing is shared with the GUI thread.
  const std::unique_ptr<Dataset> dataset = PluginRegistry::instance().openDataset(
      request_.datasetRoot, request_.split, request_.format, request_.evalOptions.threads);
  ModelRunner runner(loadModelManifest(request_.model), request_.handModel, request_.options);
  InferenceOutcome out;
  out.modelName = modelKey(runner.manifest().name);
  if (runner.hasRefined())
    out.refinements.push_back({out.modelName + "_refined", out.modelName + "_rough"});
  out.device = runner.deviceName();
  std::vector<std::size_t> samples = request_.samples;
  const bool whole = samples.empty();
  if (whole) {
    samples.resize(dataset->size());
    std::iota(samples.begin(), samples.end(), std::size_t(0));
  }
  const ProgressCallback report = progressReporter();
  if (whole) {
    PredictionFileWriter writer(request_.outputDir);
    runner.run(
        *dataset, samples,
        [&](SampleInference&& s) {
          writer.add(s);
          if (!s.segmentation.empty())  // RunnerOptions::segmentation and the model has one
            writer.addSegmentation(dataset->sampleId(s.sample), s.segmentation,
                                   s.segmentationClasses);
        },
        report, &token_);
    writer.commit(makeProvenance(runner, *dataset, request_.handModel, request_.handModelFile,
                                 request_.version));
    out.files.emplace_back(out.modelName + "_rough", request_.outputDir / "pred_rough.json");
    if (runner.hasRefined())
      out.files.emplace_back(out.modelName + "_refined", request_.outputDir / "pred_refined.json");
    return out;
  }
  const std::vector<SampleInference> results = runner.run(*dataset, samples, report, &token_);
  out.predictions = toPredictions(results, dataset->size(), out.modelName + "_");
  for (const SampleInference& r : results)
    if (!r.segmentation.empty())
      out.segmentation.emplace_back(r.sample,
                                    proposalFromClasses(r.segmentation, r.segmentationClasses));
  // Scored exactly as an evaluation scores them (same options, same rasterizer).
  const EvalContext context{*dataset,
                            request_.handModel,
                            out.predictions,
                            request_.evalOptions,
                            request_.handModel.faceLabels(),
                            nullptr};
  SampleEvaluator evaluator(context);
  std::vector<PredictionTotals> totals(
      out.predictions.size(), PredictionTotals(kJointCount, request_.handModel.vertexCount));
  std::vector<SampleMetrics> metrics(out.predictions.size());
  for (std::size_t sample : samples) {
    evaluator.evaluate(sample, metrics.data(), totals);
    for (std::size_t p = 0; p < out.predictions.size(); ++p)
      out.rows.push_back({sample, dataset->sampleId(sample), out.predictions[p].name, metrics[p]});
  }
  return out;
}

void InferenceJob::start() {
  startWorker([this] {
    auto outcome = std::make_shared<InferenceOutcome>(work());
    post([this, outcome] { Q_EMIT finished(outcome); });
  });
}

}  // namespace handalign
