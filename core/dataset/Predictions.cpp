#include "dataset/Predictions.h"

#include "io/ArrayCache.h"
#include "util/Error.h"

namespace handalign {

Prediction loadPrediction(const std::string& name, const std::filesystem::path& file,
                          std::size_t expectedCount, int expectedVertices, int threads,
                          std::size_t coveredCount) {
  std::vector<NumericArray> lists =
      readNumericItemListsCached(file, {ItemShape{21, 3}, ItemShape{-1, 3}}, threads);
  Prediction p;
  p.name = name;
  p.file = file;
  p.joints = std::move(lists[0]);
  p.vertices = std::move(lists[1]);
  if (p.joints.empty() && p.vertices.empty())
    throw InputError(file, "holds no predictions (both lists are empty)");
  if (p.count() != expectedCount && (coveredCount == 0 || p.count() != coveredCount))
    throw InputError(file, "has " + std::to_string(p.count()) + " samples, the dataset split has " +
                               std::to_string(expectedCount) +
                               (coveredCount && coveredCount != expectedCount
                                    ? " and the evaluation covers " + std::to_string(coveredCount)
                                    : std::string()));
  if (!p.vertices.empty() && p.vertices.rows() != expectedVertices)
    throw InputError(file, "predicts " + std::to_string(p.vertices.rows()) +
                               " vertices per sample, the hand model has " +
                               std::to_string(expectedVertices));
  return p;
}

bool parsePredictionArg(const std::string& arg, std::string& name, std::filesystem::path& file) {
  const std::size_t eq = arg.find('=');
  if (eq == std::string::npos) {
    file = arg;
    name = file.stem().string();
  } else {
    name = arg.substr(0, eq);
    file = arg.substr(eq + 1);
  }
  if (name.empty() || file.empty()) return false;
  for (char c : name)
    if (c == ',' || c == '"' || c == '\n') return false;  // names go into CSV and LaTeX cells
  return true;
}

}  // namespace handalign
