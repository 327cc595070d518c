// Fuzzes the shard outputs `handalign merge` reads (eval/Merge: totals.json, per_sample.csv).
#include "FuzzSupport.h"
#include "eval/Merge.h"

#include <fstream>
#include <sstream>

using namespace handalign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::fs::path root = fuzz::freshDir("merge");
  fuzz::writeFiles(root, data, size);  // 0/totals.json, 0/per_sample.csv, 1/...
  std::vector<fuzz::fs::path> shards;
  for (const char* d : {"0", "1"})
    if (fuzz::fs::is_directory(root / d)) shards.push_back(root / d);
  fuzz::expect([&] {
    RunInfo info;
    const EvalResult r = mergeShards(shards, info);
    if (r.totals.size() != r.predictionNames.size()) std::abort();
  });
  std::stringstream totals;
  totals << std::ifstream(root / "0" / "totals.json").rdbuf();
  fuzz::expect([&] { parsePredictionTotals(totals.str(), root / "0" / "totals.json"); });
  return 0;
}
