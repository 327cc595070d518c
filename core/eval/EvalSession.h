// Everything an evaluation needs, loaded and checked: dataset, hand model, predictions, provenance.
#pragma once

#include "annotation/AnnotationStore.h"
#include "dataset/Dataset.h"
#include "dataset/Predictions.h"
#include "eval/Summary.h"
#include "hand/HandModel.h"

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace handalign {

struct EvalRequest {
  std::filesystem::path dataset;
  std::string split;                // empty: the format's first split
  std::string format;               // empty: detect
  std::filesystem::path handModel;  // empty: the dataset's hand_model.json
  std::vector<std::pair<std::string, std::filesystem::path>> predictions;  // name, file
  std::vector<Refinement> refinements;  // declared roles (--refines REFINED=ROUGH)
  EvalOptions options;
  std::string version;  // of the tool, for the provenance
  // The studio opens a dataset without prediction files (a model will make them); the CLI never.
  bool allowNoPredictions = false;
};

struct EvalSession {
  std::unique_ptr<Dataset> dataset;
  HandModel model;
  std::vector<Prediction> predictions;
  std::unique_ptr<AnnotationStore> annotations;  // options.annotations, read-only; or null
  // Files of the annotation folder that are not corrections of this split (ignored), one line each.
  std::vector<std::string> warnings;
  RunInfo info;

  EvalContext context() const;
};

// Opens the dataset with the plugins, loads the hand model and every prediction file, checks that
// they fit together and fills the provenance. With an annotation folder, lists its corrections
// (their contents are checked as the evaluation reads them). Throws InputError naming the file and
// the problem; std::invalid_argument for a request that makes no sense (no prediction, a name given
// twice).
EvalSession openEvalSession(const EvalRequest& request);

// The split a request opens (its own, else the first of the dataset's format) without reading
// the dataset; empty when no format plugin recognises the folder.
std::string splitToOpen(const EvalRequest& request);

}  // namespace handalign
