// handalign eval: evaluate prediction files against a dataset split and write tables.
#include "Args.h"
#include "Commands.h"
#include "OptionLists.h"
#include "SessionArgs.h"
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
  o.annotations = args.get("annotations");
  return o;
}

}  // namespace

int runEval(const std::vector<std::string>& argv) {
  const Args args(argv, evalOptions().valued, evalOptions().flags);
  if (!args.positional().empty())
    throw UsageError("unexpected argument \"" + args.positional().front() + "\"");
  const fs::path outDir = args.required("out");
  const std::string format = args.get("format", "text");
  if (args.has("format") && format != "text" && format != "json" && args.has("dataset-format"))
    throw UsageError("--format must be text or json (the dataset's is --dataset-format)");
  const bool json = wantsJson(args);
  const EvalOptions options = parseOptions(args);
  const EvalRequest request = requestFromArgs(args, options);
  std::vector<fs::path> inputs = {request.dataset, request.handModel, options.annotations};
  for (const auto& p : request.predictions) inputs.push_back(p.second);
  checkEvalOutput(outDir, inputs);  // before any work: a refused folder costs no evaluation
  const EvalSession session = openSession(request);
  const RunInfo& info = session.info;
  const bool quiet = args.has("quiet");
  for (const std::string& w : session.warnings) printWarning(w);
  const EvalResult result = evaluateWithProgress(session.context(), quiet);
  writeEvalOutputs(outDir, info, result);
  if (json) {  // for scripts: summary.json on stdout, nothing else
    std::fputs(summaryJson(info, summarize(result)).c_str(), stdout);
  } else if (!quiet) {
    std::fputs(tableText(info, summarize(result)).c_str(), stdout);  // table.md has the Markdown
    std::printf(
        "\nwrote %s/{per_sample.csv,summary.json,totals.json,table.csv,table.md,table.tex}\n",
        outDir.string().c_str());
  }
  return 0;
}

}  // namespace handalign::cli
