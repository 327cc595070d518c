// Joins the folders of `handalign infer --shard K/N` runs into the files one run writes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

namespace handalign {

// A folder written by `handalign infer` (it has an infer.json).
bool isInferenceFolder(const std::filesystem::path& dir);

// Reads every shard folder's infer.json and prediction files, checks they are one run (the same
// provenance: tool, model and checkpoint, dataset, hand model, device, batch and precision; shards
// 0..N-1 each exactly once; each shard complete for the run's sample count) and writes
// pred_rough.json, pred_refined.json and infer.json into `outDir`, byte for byte what the whole
// run writes (infer.json last). Throws InputError naming the offending folder or file; nothing is
// written then. Returns the run's sample count.
std::size_t mergePredictionShards(const std::vector<std::filesystem::path>& shardDirs,
                                  const std::filesystem::path& outDir);

}  // namespace handalign
