#include "eval/EvalSession.h"

#include "dataset/PluginRegistry.h"
#include "eval/Evaluator.h"
#include "eval/Report.h"
#include "util/Error.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace handalign {
namespace fs = std::filesystem;

namespace {
std::string absoluteText(const fs::path& p) { return fs::absolute(p).lexically_normal().string(); }

// The corrections the evaluation will use, counted over the selected samples for the provenance.
void openAnnotations(EvalSession& s) {
  RunInfo& info = s.info;
  info.options.annotations = absoluteText(info.options.annotations);
  std::error_code ec;
  if (!fs::is_directory(info.options.annotations / "mask", ec))
    throw InputError(info.options.annotations,
                     fs::is_directory(info.options.annotations, ec)
                         ? "has no mask/ folder (an annotation folder holds mask/<sample id>.png)"
                         : "no such annotation folder");
  s.annotations = std::make_unique<AnnotationStore>(
      info.options.annotations, SampleCatalog::of(*s.dataset), AnnotationStore::Mode::ReadOnly);
  std::vector<bool> selected(s.dataset->size(), false);
  for (std::size_t i : selectSamples(s.dataset->size(), info.options)) selected[i] = true;
  for (std::size_t i : s.annotations->corrected()) {
    if (!selected[i]) continue;
    ++info.correctedMasks;
    if (s.annotations->hasParts(i)) ++info.correctedParts;
  }
  // Names only: listing is cheap, and each used mask is decoded and checked when it is read.
  const SampleCatalog& catalog = s.annotations->catalog();
  for (const char* sub : {"mask", "parts"})
    for (const auto& entry : fs::directory_iterator(info.options.annotations / sub, ec)) {
      const fs::path& p = entry.path();
      const std::string name = p.filename().string();
      if (name[0] == '.') continue;  // hidden, e.g. the temporary file of a save in flight
      const auto index = catalog.indexOf(p.stem().string());
      if (p.extension() != ".png" || !index)
        s.warnings.push_back(p.string() + ": not a corrected mask of this dataset split; ignored");
      else if (std::strcmp(sub, "parts") == 0 && !s.annotations->hasCorrection(*index))
        s.warnings.push_back(p.string() + ": a part layer without its hand mask; ignored");
    }
}
}  // namespace

EvalContext EvalSession::context() const {
  EvalContext context{*dataset, model, predictions, info.options, model.faceLabels()};
  context.annotations = annotations.get();
  return context;
}

EvalSession openEvalSession(const EvalRequest& request) {
  if (request.predictions.empty() && !request.allowNoPredictions)
    throw std::invalid_argument("give at least one prediction file");
  std::vector<std::string> names;  // roles are checked before anything is read
  for (const auto& p : request.predictions) names.push_back(p.first);
  checkRefinements(request.refinements, names);
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
    // With --limit N, predictions of just the first N samples will do (`infer --limit N`).
    const std::size_t covered = options.limit ? std::min(options.limit, s.dataset->size()) : 0;
    s.predictions.push_back(loadPrediction(name, file, s.dataset->size(), s.model.vertexCount,
                                           options.threads, covered));
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
  info.refinements = request.refinements;
  if (!options.annotations.empty()) openAnnotations(s);
  return s;
}

std::string splitToOpen(const EvalRequest& request) {
  if (!request.split.empty()) return request.split;
  for (const DatasetFormat* f : PluginRegistry::instance().datasetFormats()) {
    if (!request.format.empty() ? f->id() != request.format : !f->canOpen(request.dataset))
      continue;
    const std::vector<std::string> splits = f->splits(request.dataset);
    return splits.empty() ? std::string() : splits.front();
  }
  return {};
}

}  // namespace handalign
