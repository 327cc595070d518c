#include "dataset/Predictions.h"

#include "io/ArrayCache.h"
#include "io/JsonWriter.h"
#include "util/Error.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <simdjson.h>

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

std::vector<DeclaredPrediction> readDeclaredPredictions(const std::filesystem::path& dir) {
  for (const char* name : {"predictions.json", "infer.json"}) {
    const std::filesystem::path file = dir / name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.load(file.string()).get(root)) throw InputError(file, "is not valid JSON");
    simdjson::dom::array list;
    if (root["predictions"].get_array().get(list)) {
      if (std::string(name) == "infer.json") continue;  // written before roles were declared
      throw InputError(file, "has no \"predictions\" list");
    }
    std::vector<DeclaredPrediction> out;
    for (simdjson::dom::element e : list) {
      std::string_view n, f, r;
      if (e["name"].get_string().get(n) || e["file"].get_string().get(f) || n.empty() || f.empty())
        throw InputError(file, "has a prediction without \"name\" and \"file\"");
      DeclaredPrediction p{std::string(n), dir / std::string(f), {}};
      if (!e["refines"].get_string().get(r)) p.refines = std::string(r);
      out.push_back(std::move(p));
    }
    std::vector<std::string> names;
    for (const DeclaredPrediction& p : out) names.push_back(p.name);
    try {
      checkRefinements(refinementsOf(out), names);
    } catch (const std::invalid_argument& e) {
      throw InputError(file, e.what());
    }
    return out;
  }
  return {};
}

std::string declaredPredictionsJson(const std::vector<DeclaredPrediction>& predictions) {
  JsonWriter w;
  w.beginObject().key("predictions").beginArray();
  for (const DeclaredPrediction& p : predictions) {
    w.beginObject().key("name").value(p.name).key("file").value(p.file.string());
    if (!p.refines.empty()) w.key("refines").value(p.refines);
    w.endObject();
  }
  w.endArray().endObject();
  return w.str() + "\n";
}

std::vector<Refinement> refinementsOf(const std::vector<DeclaredPrediction>& predictions) {
  std::vector<Refinement> out;
  for (const DeclaredPrediction& p : predictions)
    if (!p.refines.empty()) out.push_back({p.name, p.refines});
  return out;
}

}  // namespace handalign
