// A prediction file in FreiHAND's pred.json format: [xyz list (N×21×3), verts list (N×V×3)],
// metres.
#pragma once

#include "io/NumericArray.h"

#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

struct Prediction {
  std::string name;  // as given on the command line: NAME=FILE
  std::filesystem::path file;
  NumericArray joints;    // N×21×3, or empty: joints are regressed from the vertices
  NumericArray vertices;  // N×V×3, or empty: joint metrics only
  std::size_t count() const { return vertices.empty() ? joints.count() : vertices.count(); }
};

// Loads and checks one prediction file against the dataset: `expectedCount` samples and, when the
// file has vertices, `expectedVertices` per sample. A non-zero `coveredCount` also accepts a file
// of exactly that many samples (an evaluation of the first samples only, `eval --limit N`, of
// predictions made for them, `infer --limit N`). Throws InputError naming the file and the problem.
Prediction loadPrediction(const std::string& name, const std::filesystem::path& file,
                          std::size_t expectedCount, int expectedVertices, int threads = 0,
                          std::size_t coveredCount = 0);

// Splits "NAME=FILE" (a bare FILE is named after its stem). Returns false when malformed.
bool parsePredictionArg(const std::string& arg, std::string& name, std::filesystem::path& file);

// What a prediction is to the others: declared by the user (`--refines REFINED=ROUGH`) or by a
// model's manifest, never guessed from its name (docs/adr/0012).
enum class PredictionRole { Plain, Rough, Refined };
std::string toString(PredictionRole role);  // "plain", "rough", "refined"

// `refined` is `rough` plus per-vertex offsets ΔM (the refine stage of the paper).
struct Refinement {
  std::string refined, rough;
  bool operator==(const Refinement& o) const { return refined == o.refined && rough == o.rough; }
};
// Splits "REFINED=ROUGH"; false when malformed.
bool parseRefinementArg(const std::string& arg, Refinement& out);
// Throws std::invalid_argument when a name is not among `names`, a prediction refines itself, or
// a prediction is refined twice or refines two others.
void checkRefinements(const std::vector<Refinement>& refinements,
                      const std::vector<std::string>& names);
PredictionRole roleOf(const std::vector<Refinement>& refinements, const std::string& name);
// The prediction `name` refines ("" when it refines none).
std::string refinedFrom(const std::vector<Refinement>& refinements, const std::string& name);

// Prediction files a folder declares, with their roles: `predictions.json` (written by `handalign
// synth`) or the "predictions" of `infer.json` (`handalign infer`), files relative to the folder:
//   {"predictions": [{"name": "rough", "file": "pred_rough.json"},
//                    {"name": "refined", "file": "pred_refined.json", "refines": "rough"}]}
struct DeclaredPrediction {
  std::string name;
  std::filesystem::path file;  // absolute
  std::string refines;         // empty: plain or rough
};
// Empty when the folder declares none. Throws InputError naming the file when it is malformed.
std::vector<DeclaredPrediction> readDeclaredPredictions(const std::filesystem::path& dir);
// The "predictions" array of such a file (files as given, relative to its folder).
std::string declaredPredictionsJson(const std::vector<DeclaredPrediction>& predictions);
std::vector<Refinement> refinementsOf(const std::vector<DeclaredPrediction>& predictions);

}  // namespace handalign
