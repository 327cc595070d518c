// handalign eval: evaluate prediction files against a dataset split and write tables.
#include "Args.h"
#include "Commands.h"
#include "Terminal.h"

#include "dataset/PluginRegistry.h"
#include "eval/Evaluator.h"
#include "eval/Report.h"
#include "eval/Summary.h"
#include "eval/Tables.h"
#include "util/Cancellation.h"
#include "util/Error.h"

#include <cstdio>
#include <thread>

namespace handalign::cli {
namespace fs = std::filesystem;

namespace {

EvalOptions parseOptions(const Args& args) {
  EvalOptions o;
  o.resolution = int(args.getInt("resolution", 224, 16, 4096));
  o.threads = int(args.getInt("threads", 0, 0, 1024));
  o.limit = std::size_t(args.getInt("limit", 0, 0, 1L << 40));
  if (!parseHdMode(args.get("hd-mode", "max"), o.hd.mode))
    throw UsageError("--hd-mode must be max or pooled");
  if (!parseHdEmpty(args.get("hd-empty", "nan"), o.hd.empty))
    throw UsageError("--hd-empty must be nan or diagonal");
  const std::string gt = args.get("gt-mask", "dataset");
  if (gt != "dataset" && gt != "mesh") throw UsageError("--gt-mask must be dataset or mesh");
  o.gtMask = gt == "mesh" ? GtMaskSource::Mesh : GtMaskSource::Dataset;
  if (args.has("shard") && !parseShard(args.get("shard"), o.shard))
    throw UsageError("--shard must be K/N with 0 <= K < N (got \"" + args.get("shard") + "\")");
  return o;
}

}  // namespace

int runEval(const std::vector<std::string>& argv) {
  const Args args(argv,
                  {"dataset", "split", "format", "hand-model", "pred", "out", "resolution",
                   "threads", "hd-mode", "hd-empty", "gt-mask", "limit", "shard"},
                  {"quiet"});
  if (!args.positional().empty())
    throw UsageError("unexpected argument \"" + args.positional().front() + "\"");
  const fs::path datasetDir = args.required("dataset");
  const fs::path outDir = args.required("out");
  const std::vector<std::string> predArgs = args.all("pred");
  if (predArgs.empty()) throw UsageError("give at least one --pred NAME=FILE");
  EvalOptions options = parseOptions(args);

  const std::unique_ptr<Dataset> dataset = PluginRegistry::instance().openDataset(
      datasetDir, args.get("split"), args.get("format"), options.threads);

  fs::path modelFile = args.get("hand-model");
  if (modelFile.empty()) {
    const auto bundled = dataset->handModelPath();
    if (!bundled)
      throw InputError(
          datasetDir,
          "has no hand_model.json; pass --hand-model FILE (for MANO: tools/mano_to_handmodel.py)");
    modelFile = *bundled;
  }
  const HandModel model = loadHandModel(modelFile);
  if (dataset->hasVertices() && dataset->vertexCount() != model.vertexCount)
    throw InputError(modelFile, "has " + std::to_string(model.vertexCount) +
                                    " vertices, the dataset's meshes have " +
                                    std::to_string(dataset->vertexCount()));

  std::vector<Prediction> predictions;
  RunInfo info;
  for (const std::string& a : predArgs) {
    std::string name;
    fs::path file;
    if (!parsePredictionArg(a, name, file))
      throw UsageError("--pred must be NAME=FILE (got \"" + a + "\")");
    for (const Prediction& p : predictions)
      if (p.name == name) throw UsageError("prediction name \"" + name + "\" given twice");
    predictions.push_back(
        loadPrediction(name, file, dataset->size(), model.vertexCount, options.threads));
    info.predictionFiles.emplace_back(name, fs::absolute(file).lexically_normal().string());
    info.predictionFingerprints.push_back(fileFingerprint(file));
  }

  info.version = HANDALIGN_VERSION;
  info.datasetRoot = fs::absolute(datasetDir).lexically_normal().string();
  info.datasetFormat = dataset->formatId();
  info.split = dataset->split();
  info.datasetSize = dataset->size();
  info.handModelName = model.name;
  info.handModelFile = fs::absolute(modelFile).lexically_normal().string();
  info.handModelFingerprint = fileFingerprint(modelFile);
  info.options = options;
  info.shards = {options.shard.str()};

  const EvalContext context{*dataset, model, predictions, options, model.faceLabels()};
  ProgressBar bar("eval");
  const bool quiet = args.has("quiet");
  const EvalResult result = evaluate(
      context,
      [&](std::size_t done, std::size_t total) {
        if (!quiet) bar.update(done, total);
      },
      &interruptToken());
  bar.finish();
  if (interruptToken().isCancelled()) throw Cancelled{};
  writeEvalOutputs(outDir, info, result);
  if (!quiet) {
    std::fputs(tableMarkdown(info, summarize(result)).c_str(), stdout);
    std::printf(
        "\nwrote %s/{per_sample.csv,summary.json,totals.json,table.csv,table.md,table.tex}\n",
        outDir.string().c_str());
  }
  return 0;
}

}  // namespace handalign::cli
