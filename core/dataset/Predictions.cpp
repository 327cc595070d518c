#include "dataset/Predictions.h"

#include "io/ArrayCache.h"
#include "util/Error.h"

#include <algorithm>
#include <set>
#include <stdexcept>

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

std::string toString(PredictionRole role) {
  switch (role) {
    case PredictionRole::Plain:
      return "plain";
    case PredictionRole::Rough:
      return "rough";
    case PredictionRole::Refined:
      return "refined";
  }
  return {};
}

bool parseRefinementArg(const std::string& arg, Refinement& out) {
  const std::size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) return false;
  out = {arg.substr(0, eq), arg.substr(eq + 1)};
  return true;
}

void checkRefinements(const std::vector<Refinement>& refinements,
                      const std::vector<std::string>& names) {
  auto known = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  std::set<std::string> refined, rough;
  for (const Refinement& r : refinements) {
    for (const std::string* n : {&r.refined, &r.rough})
      if (!known(*n))
        throw std::invalid_argument("--refines " + r.refined + "=" + r.rough +
                                    ": no prediction named \"" + *n + "\"");
    if (r.refined == r.rough)
      throw std::invalid_argument("--refines " + r.refined + "=" + r.rough +
                                  ": a prediction cannot refine itself");
    if (!refined.insert(r.refined).second)
      throw std::invalid_argument("\"" + r.refined +
                                  "\" is declared the refinement of two predictions");
    if (!rough.insert(r.rough).second)
      throw std::invalid_argument("\"" + r.rough + "\" is declared refined twice");
  }
  for (const std::string& n : refined)
    if (rough.count(n))
      throw std::invalid_argument("\"" + n +
                                  "\" is declared both rough and refined: one role each");
}

PredictionRole roleOf(const std::vector<Refinement>& refinements, const std::string& name) {
  for (const Refinement& r : refinements) {
    if (r.refined == name) return PredictionRole::Refined;
    if (r.rough == name) return PredictionRole::Rough;
  }
  return PredictionRole::Plain;
}

std::string refinedFrom(const std::vector<Refinement>& refinements, const std::string& name) {
  for (const Refinement& r : refinements)
    if (r.refined == name) return r.rough;
  return {};
}

}  // namespace handalign
