#include "eval/EvalSession.h"

#include "dataset/PluginRegistry.h"
#include "eval/Report.h"
#include "util/Error.h"

#include <stdexcept>

namespace handalign {
namespace fs = std::filesystem;

namespace {
std::string absoluteText(const fs::path& p) { return fs::absolute(p).lexically_normal().string(); }
}  // namespace

EvalContext EvalSession::context() const {
  return EvalContext{*dataset, model, predictions, info.options, model.faceLabels()};
}

EvalSession openEvalSession(const EvalRequest& request) {
  if (request.predictions.empty()) throw std::invalid_argument("give at least one prediction file");
  const EvalOptions& options = request.options;
  EvalSession s;
  s.dataset = PluginRegistry::instance().openDataset(request.dataset, request.split, request.format,
                                                     options.threads);
  fs::path modelFile = request.handModel;
  if (modelFile.empty()) {
    const auto bundled = s.dataset->handModelPath();
    if (!bundled)
      throw InputError(request.dataset,
                       "has no hand_model.json; give a hand model (for MANO: "
                       "tools/mano_to_handmodel.py)");
    modelFile = *bundled;
  }
  s.model = loadHandModel(modelFile);
  if (s.dataset->hasVertices() && s.dataset->vertexCount() != s.model.vertexCount)
    throw InputError(modelFile, "has " + std::to_string(s.model.vertexCount) +
                                    " vertices, the dataset's meshes have " +
                                    std::to_string(s.dataset->vertexCount()));

  for (const auto& [name, file] : request.predictions) {
    for (const Prediction& p : s.predictions)
      if (p.name == name)
        throw std::invalid_argument("prediction name \"" + name + "\" given twice");
    s.predictions.push_back(
        loadPrediction(name, file, s.dataset->size(), s.model.vertexCount, options.threads));
    s.info.predictionFiles.emplace_back(name, absoluteText(file));
    s.info.predictionFingerprints.push_back(fileFingerprint(file));
  }

  RunInfo& info = s.info;
  info.version = request.version;
  info.datasetRoot = absoluteText(request.dataset);
  info.datasetFormat = s.dataset->formatId();
  info.split = s.dataset->split();
  info.datasetSize = s.dataset->size();
  info.handModelName = s.model.name;
  info.handModelFile = absoluteText(modelFile);
  info.handModelFingerprint = fileFingerprint(modelFile);
  info.options = options;
  info.shards = {options.shard.str()};
  return s;
}

}  // namespace handalign
