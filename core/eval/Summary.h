// Dataset-level results per prediction: means of the per-sample metrics, AUCs, pooled IoU,
// conventions.
#pragma once

#include "dataset/Predictions.h"
#include "eval/Evaluator.h"

#include <map>
#include <string>
#include <vector>

namespace handalign {

// Where the numbers come from: written into summary.json and every table (provenance).
struct RunInfo {
  std::string tool = "handalign";
  std::string version;
  std::string datasetRoot, datasetFormat, split;
  std::size_t datasetSize = 0;
  std::string handModelName, handModelFile, handModelFingerprint;
  std::vector<std::pair<std::string, std::string>> predictionFiles;  // name, path
  std::vector<std::string> predictionFingerprints;
  std::vector<Refinement> refinements;  // declared roles of the predictions
  EvalOptions options;
  std::vector<std::string> shards;  // "K/N" of each merged shard ("0/1" for a single run)
  // With options.annotations: evaluated samples whose hand-level GT was a corrected mask, and
  // those whose finger-level GT was a corrected part layer.
  std::size_t correctedMasks = 0, correctedParts = 0;
};

struct PredictionSummary {
  std::string name;
  std::size_t samples = 0;
  std::map<std::string, double> mean;         // metric column → NaN-ignoring mean over samples
  std::map<std::string, std::size_t> finite;  // metric column → number of finite values
  std::size_t handHd95Missing = 0, fingerHd95Missing = 0;
  double aucJ = 0, paAucJ = 0, aucV = 0, paAucV = 0;
  std::vector<double> pckJ, paPckJ, pckV,
      paPckV;                               // mean PCK curves at PckAccumulator::thresholds()
  std::array<double, 2> pooledHandIou{};    // dataset-level IoU: background, hand
  std::array<double, 7> pooledFingerIou{};  // background, six parts
};

std::vector<PredictionSummary> summarize(const EvalResult& result);

// summary.json (conventions, provenance, per-prediction means and AUCs).
std::string summaryJson(const RunInfo& info, const std::vector<PredictionSummary>& summaries);
// totals.json: the raw PCK histograms and pooled counts that `handalign merge` adds up.
std::string totalsJson(const RunInfo& info, const EvalResult& result);
// One prediction's totals as a JSON object (the fields of one totals.json prediction, no name);
// parsePredictionTotals (eval/Merge.h) reads it back.
std::string predictionTotalsJson(const PredictionTotals& totals);
// per_sample.csv.
std::string perSampleCsv(const EvalResult& result);

}  // namespace handalign
