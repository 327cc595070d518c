#include "SessionArgs.h"

#include "Terminal.h"

#include "util/Cancellation.h"

#include <stdexcept>

namespace handalign::cli {

EvalRequest requestFromArgs(const Args& args, const EvalOptions& options) {
  EvalRequest request;
  request.dataset = args.required("dataset");
  request.split = args.get("split");
  request.format = datasetFormat(args);
  request.handModel = args.get("hand-model");
  request.options = options;
  request.version = HANDALIGN_VERSION;
  const std::vector<std::string> predArgs = args.all("pred");
  if (predArgs.empty()) throw UsageError("give at least one --pred NAME=FILE");
  for (const std::string& a : predArgs) {
    std::string name;
    std::filesystem::path file;
    if (!parsePredictionArg(a, name, file))
      throw UsageError("--pred must be NAME=FILE (got \"" + a + "\")");
    request.predictions.emplace_back(name, file);
  }
  for (const std::string& a : args.all("refines")) {
    Refinement r;
    if (!parseRefinementArg(a, r))
      throw UsageError("--refines must be REFINED=ROUGH, two prediction names (got \"" + a + "\")");
    request.refinements.push_back(r);
  }
  return request;
}

EvalSession openSession(const EvalRequest& request) {
  try {
    return openEvalSession(request);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

EvalResult evaluateWithProgress(const EvalContext& context, bool quiet) {
  ProgressBar bar("eval");
  EvalResult result = evaluate(
      context,
      [&](std::size_t done, std::size_t total) {
        if (!quiet) bar.update(done, total);
      },
      &interruptToken());
  bar.finish();
  if (interruptToken().isCancelled()) throw Cancelled{};
  return result;
}

}  // namespace handalign::cli
