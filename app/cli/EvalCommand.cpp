// handalign eval: evaluate prediction files against a dataset split and write tables.
#include "Args.h"
#include "Commands.h"
#include "Terminal.h"

#include "eval/EvalSession.h"
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

  EvalRequest request;
  request.dataset = datasetDir;
  request.split = args.get("split");
  request.format = args.get("format");
  request.handModel = args.get("hand-model");
  request.options = options;
  request.version = HANDALIGN_VERSION;
  for (const std::string& a : predArgs) {
    std::string name;
    fs::path file;
    if (!parsePredictionArg(a, name, file))
      throw UsageError("--pred must be NAME=FILE (got \"" + a + "\")");
    request.predictions.emplace_back(name, file);
  }
  EvalSession session;
  try {
    session = openEvalSession(request);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  const RunInfo& info = session.info;
  const EvalContext context = session.context();
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
