#include "eval/ImportedEvaluation.h"

#include "eval/Merge.h"
#include "util/Error.h"

namespace handalign {

ImportedEvaluation readEvaluationFolder(const std::filesystem::path& dir) {
  ImportedEvaluation e;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw InputError(dir, "is not a folder (choose the folder holding per_sample.csv)");
  e.result = mergeShards({dir}, e.info);  // one folder: the shard check makes it whole
  return e;
}

std::string importMismatch(const RunInfo& a, const RunInfo& b) {
  const auto differs = [](const std::string& what, const std::string& x, const std::string& y) {
    return what + " differs: " + (x.empty() ? "(none)" : x) + " there, " +
           (y.empty() ? "(none)" : y) + " here";
  };
  if (a.datasetRoot != b.datasetRoot) return differs("the dataset", a.datasetRoot, b.datasetRoot);
  if (a.datasetFormat != b.datasetFormat || a.split != b.split)
    return differs("the dataset format or split", a.datasetFormat + " " + a.split,
                   b.datasetFormat + " " + b.split);
  if (a.datasetSize != b.datasetSize)
    return differs("the dataset size", std::to_string(a.datasetSize),
                   std::to_string(b.datasetSize));
  if (a.handModelFingerprint != b.handModelFingerprint)
    return differs("the hand model", a.handModelFile, b.handModelFile);
  const EvalOptions &x = a.options, &y = b.options;
  if (x.resolution != y.resolution)
    return differs("the resolution", std::to_string(x.resolution), std::to_string(y.resolution));
  if (x.hd.mode != y.hd.mode || x.hd.empty != y.hd.empty)
    return differs("the HD95 convention", toString(x.hd.mode) + "/" + toString(x.hd.empty),
                   toString(y.hd.mode) + "/" + toString(y.hd.empty));
  if (x.gtMask != y.gtMask) return "the GT mask source differs";
  // Annotation folders that replaced no mask give the dataset's GT, whatever their names.
  const bool correctedA = a.correctedMasks + a.correctedParts > 0,
             correctedB = b.correctedMasks + b.correctedParts > 0;
  if (x.annotations != y.annotations && (correctedA || correctedB))
    return "the ground truth differs: " +
           (correctedA ? std::to_string(a.correctedMasks) + " corrected masks from " +
                             x.annotations.string()
                       : std::string("the dataset's masks")) +
           " there, " +
           (correctedB ? std::to_string(b.correctedMasks) + " corrected masks from " +
                             y.annotations.string()
                       : std::string("the dataset's masks")) +
           " here";
  return "";
}

}  // namespace handalign
