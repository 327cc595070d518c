// handalign infer: run a model (checkpoint + manifest) over a dataset split and write its rough and
// refined meshes as FreiHAND prediction files that `handalign eval` reads. Built as a module that
// `handalign` loads on demand (InferLoader.cpp), so the other commands do not load LibTorch.
#include "Args.h"
#include "Commands.h"
#include "OptionLists.h"
#include "Terminal.h"

#include "dataset/PluginRegistry.h"
#include "hand/HandModel.h"
#include "inference/ModelRunner.h"
#include "inference/PredictionFiles.h"
#include "io/OutputFolder.h"
#include "util/Cancellation.h"
#include "util/Error.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace handalign::cli {
namespace fs = std::filesystem;

namespace {

RunnerOptions parseRunnerOptions(const Args& args) {
  RunnerOptions o;
  const std::string device = args.get("device", "auto");
  if (device == "cpu")
    o.device = InferenceDevice::Cpu;
  else if (device == "cuda")
    o.device = InferenceDevice::Cuda;
  else if (device != "auto")
    throw UsageError("--device must be auto, cpu or cuda");
  o.batchSize = int(args.getInt("batch", 8, 1, 4096));
  o.threads = int(args.getInt("threads", 0, 0, 1024));
  o.half = args.has("half");
  o.segmentation = args.has("segmentation");
  if (o.half && device == "cpu")
    throw UsageError("--half needs --device cuda (or auto with a GPU)");
  return o;
}

// --hand-model, else the hand_model.json the dataset ships (as `eval` does).
fs::path handModelFile(const Args& args, const Dataset& dataset) {
  if (args.has("hand-model")) return args.get("hand-model");
  const auto bundled = dataset.handModelPath();
  if (!bundled)
    throw InputError(dataset.root(),
                     "has no hand_model.json; give a hand model (for MANO: "
                     "tools/mano_to_handmodel.py)");
  return *bundled;
}

}  // namespace

int runInfer(const std::vector<std::string>& argv) {
  const Args args(argv, inferOptions().valued, inferOptions().flags);
  if (!args.positional().empty())
    throw UsageError("unexpected argument \"" + args.positional().front() + "\"");
  const fs::path model = args.required("model");
  const fs::path datasetDir = args.required("dataset");
  const fs::path outDir = args.required("out");
  const RunnerOptions options = parseRunnerOptions(args);
  const std::size_t limit = std::size_t(args.getInt("limit", 0, 0, 1L << 40));
  Shard shard;
  if (args.has("shard") && !parseShard(args.get("shard"), shard))
    throw UsageError("--shard must be K/N with 0 <= K < N (got \"" + args.get("shard") + "\")");
  if (!shard.whole() && options.segmentation)
    throw UsageError(
        "--segmentation cannot be combined with --shard (shard merges do not join "
        "segmentation folders)");
  const bool quiet = args.has("quiet");
  // Prediction files beside or over their inputs would replace them (a dataset's pred_*.json).
  refuseOutputOverInputs(outDir, {model, datasetDir, fs::path(args.get("hand-model"))});

  const ModelManifest manifest = loadModelManifest(model);
  const auto dataset = PluginRegistry::instance().openDataset(datasetDir, args.get("split"),
                                                              datasetFormat(args), options.threads);
  const fs::path handFile = handModelFile(args, *dataset);
  const HandModel hand = loadHandModel(handFile);
  ModelRunner runner(manifest, hand, options);
  if (options.segmentation && !runner.hasSegmentation())
    throw InputError(manifest.file,
                     "declares no \"outputs.segmentation\" (asked for by --segmentation)");

  const std::size_t covered = limit ? std::min(limit, dataset->size()) : dataset->size();
  std::vector<std::size_t> samples;
  for (std::size_t i = std::size_t(shard.index); i < covered; i += std::size_t(shard.count))
    samples.push_back(i);
  if (samples.empty())
    throw InputError(datasetDir, "shard " + shard.str() + " of " + std::to_string(covered) +
                                     " samples is empty (use fewer shards)");
  const auto start = std::chrono::steady_clock::now();
  PredictionFileWriter writer(outDir, shard);
  ProgressBar bar("infer");
  runner.run(
      *dataset, samples,
      [&](SampleInference&& s) {
        writer.add(s);
        if (!s.segmentation.empty())
          writer.addSegmentation(dataset->sampleId(s.sample), s.segmentation,
                                 s.segmentationClasses);
      },
      [&](std::size_t done, std::size_t total) {
        if (!quiet) bar.update(done, total);
      },
      &interruptToken());
  bar.finish();
  if (interruptToken().isCancelled()) throw Cancelled{};
  writer.commit(makeProvenance(runner, *dataset, hand, handFile, HANDALIGN_VERSION));
  if (!quiet) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string files =
        runner.hasRefined() ? "{pred_rough,pred_refined,infer}.json" : "{pred_rough,infer}.json";
    if (options.segmentation) files += " and segmentation/";
    std::printf("%zu samples on %s in %.2f s (%.1f samples/s); wrote %s/%s\n", samples.size(),
                runner.deviceName().c_str(), seconds, double(samples.size()) / seconds,
                outDir.string().c_str(), files.c_str());
    if (!shard.whole())
      std::printf("shard %s: join the shards with handalign merge --out DIR SHARD_DIR ...\n",
                  shard.str().c_str());
    else if (samples.size() < dataset->size())
      std::printf("evaluate them with handalign eval ... --limit %zu\n", samples.size());
  }
  return 0;
}

}  // namespace handalign::cli

// The module's entry point; the same exit codes and one-line errors as main().
extern "C" __attribute__((visibility("default"))) int handalign_cli_infer(
    const std::vector<std::string>* args) {
  using namespace handalign::cli;
  try {
    return runInfer(*args);
  } catch (const UsageError& e) {
    printError(std::string(e.what()) + " (see handalign --help)");
    return 2;
  } catch (const handalign::Cancelled&) {
    printError("interrupted; no output was written");
    return 130;
  } catch (const std::exception& e) {  // InputError and the rest: bad input
    printError(e.what());
    return 1;
  }
}
