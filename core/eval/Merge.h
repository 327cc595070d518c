// Joins the outputs of `handalign eval --shard K/N` runs into the files a single run writes.
#pragma once

#include "eval/Summary.h"

#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

// Reads per_sample.csv and totals.json of every shard folder, checks they belong to one evaluation
// (same dataset, hand model, predictions and conventions; shards 0..N-1 each exactly once) and
// returns the joined result and provenance. Throws InputError naming the offending file.
EvalResult mergeShards(const std::vector<std::filesystem::path>& shardDirs, RunInfo& info);

// The provenance of an evaluation output folder (its totals.json alone, no rows read).
RunInfo readEvaluationProvenance(const std::filesystem::path& dir);

// One prediction's totals from the JSON object predictionTotalsJson writes (one element of
// totals.json's "predictions"). Throws InputError naming `source` when malformed.
PredictionTotals parsePredictionTotals(const std::string& json,
                                       const std::filesystem::path& source);

}  // namespace handalign
