// handalign merge: join shard outputs (of eval or infer) into the files a single run writes.
#include "Args.h"
#include "Commands.h"

#include "dataset/PredictionMerge.h"
#include "eval/Merge.h"
#include "eval/Report.h"
#include "io/OutputFolder.h"

#include <cstdio>

namespace handalign::cli {

int runMerge(const std::vector<std::string>& argv) {
  const Args args(argv, {"out"}, {"quiet"});
  const std::filesystem::path outDir = args.required("out");
  if (args.positional().empty()) throw UsageError("merge needs the shard output folders");
  std::vector<std::filesystem::path> dirs(args.positional().begin(), args.positional().end());
  // Prediction folders of `infer --shard` (infer.json), else evaluation outputs.
  bool inference = false;
  for (const auto& d : dirs) inference = inference || isInferenceFolder(d);
  if (inference) {
    refuseOutputOverInputs(outDir, dirs);
    checkReplaceable(outDir, {"pred_rough.json", "pred_refined.json", "infer.json"});
    const std::size_t samples = mergePredictionShards(dirs, outDir);
    if (!args.has("quiet"))
      std::printf("merged %zu shards, %zu samples into %s\n", dirs.size(), samples,
                  outDir.string().c_str());
    return 0;
  }
  checkEvalOutput(outDir, dirs);
  RunInfo info;
  const EvalResult result = mergeShards(dirs, info);
  writeEvalOutputs(outDir, info, result);
  if (!args.has("quiet"))
    std::printf("merged %zu shards, %zu samples into %s\n", dirs.size(), result.sampleCount,
                outDir.string().c_str());
  return 0;
}

}  // namespace handalign::cli
