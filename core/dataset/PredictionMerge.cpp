#include "dataset/PredictionMerge.h"

#include "dataset/InferenceRecord.h"
#include "io/AtomicFile.h"
#include "io/NumericJson.h"
#include "util/Error.h"

#include <map>
#include <memory>
#include <string>

namespace handalign {
namespace fs = std::filesystem;
namespace {

struct ShardFolder {
  fs::path dir;
  InferenceRecord record;
  std::vector<NumericArray> files[2];  // rough, refined: joints and vertices
};

// The first provenance field two shards disagree on ("" when none).
std::string firstDifference(const InferenceProvenance& a, const InferenceProvenance& b) {
  const std::pair<const char*, bool> fields[] = {
      {"tool version", a.version == b.version},
      {"model", a.modelName == b.modelName && a.manifestFile == b.manifestFile},
      {"checkpoint",
       a.checkpointFile == b.checkpointFile && a.checkpointFingerprint == b.checkpointFingerprint},
      {"architecture or conventions",
       a.architecture == b.architecture && a.frame == b.frame && a.crop == b.crop},
      {"dataset", a.datasetRoot == b.datasetRoot && a.datasetFormat == b.datasetFormat &&
                      a.split == b.split && a.datasetSize == b.datasetSize},
      {"hand model", a.handModelName == b.handModelName && a.handModelFile == b.handModelFile},
      {"device", a.device == b.device},
      {"batch size or precision", a.batchSize == b.batchSize && a.half == b.half}};
  for (const auto& [name, same] : fields)
    if (!same) return name;
  return "";
}

}  // namespace

bool isInferenceFolder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "infer.json", ec);
}

std::size_t mergePredictionShards(const std::vector<fs::path>& shardDirs, const fs::path& outDir) {
  if (shardDirs.empty()) throw InputError(".", "no shard folders given");
  std::vector<ShardFolder> shards(shardDirs.size());
  std::map<int, std::size_t> byIndex;
  std::size_t total = 0;
  for (std::size_t i = 0; i < shardDirs.size(); ++i) {
    ShardFolder& s = shards[i];
    s.dir = shardDirs[i];
    if (!isInferenceFolder(s.dir))
      throw InputError(s.dir,
                       "has no infer.json: this shard did not finish (or the folder is not the "
                       "output of `handalign infer --shard K/N`)");
    s.record = readInferenceRecord(s.dir / "infer.json");
    const Shard& k = s.record.shard;
    if (!s.record.segmentationHand.empty())
      throw InputError(s.dir / "infer.json", "holds a segmentation, which shards do not merge");
    if (k.count != shards[0].record.shard.count)
      throw InputError(s.dir / "infer.json", "is shard " + k.str() + ", " + shards[0].dir.string() +
                                                 " is shard " + shards[0].record.shard.str());
    const std::string diff = firstDifference(shards[0].record.provenance, s.record.provenance);
    if (!diff.empty())
      throw InputError(s.dir / "infer.json", "is another run than " +
                                                 (shards[0].dir / "infer.json").string() +
                                                 ": the " + diff + " differs");
    if (s.record.refined != shards[0].record.refined)
      throw InputError(s.dir, "differs from " + shards[0].dir.string() +
                                  " in having a refined mesh (pred_refined.json)");
    if (!byIndex.emplace(k.index, i).second)
      throw InputError(s.dir, "is shard " + k.str() + " again (" +
                                  shards[byIndex[k.index]].dir.string() + " is too)");
    total += s.record.samples;
  }
  const int n = shards[0].record.shard.count;
  for (int k = 0; k < n; ++k)
    if (!byIndex.count(k))
      throw InputError(outDir, "cannot be merged: shard " + std::to_string(k) + "/" +
                                   std::to_string(n) +
                                   " is missing (none of the folders given holds it)");
  if (total > shards[0].record.provenance.datasetSize)
    throw InputError(shards[0].dir, "the shards hold " + std::to_string(total) +
                                        " samples, more than the dataset's " +
                                        std::to_string(shards[0].record.provenance.datasetSize));
  int vertices = -1;
  for (ShardFolder& s : shards) {
    const std::size_t expected = s.record.shard.sizeAmong(total);
    if (s.record.samples != expected)
      throw InputError(s.dir / "infer.json", "shard " + s.record.shard.str() + " holds " +
                                                 std::to_string(s.record.samples) +
                                                 " samples, a run of " + std::to_string(total) +
                                                 " gives it " + std::to_string(expected));
    for (int f = 0; f < (s.record.refined ? 2 : 1); ++f) {
      const fs::path file = s.dir / (f ? "pred_refined.json" : "pred_rough.json");
      // Not through the array cache: a one-off merge must not copy every shard into ~/.cache.
      s.files[f] = readNumericItemLists(file, {ItemShape{21, 3}, ItemShape{-1, 3}});
      if (s.files[f][0].count() != s.record.samples || s.files[f][1].count() != s.record.samples)
        throw InputError(file, "does not hold the " + std::to_string(s.record.samples) +
                                   " samples its infer.json declares");
      if (vertices < 0) vertices = s.files[f][1].rows();
      if (s.files[f][1].rows() != vertices)
        throw InputError(file, "has " + std::to_string(s.files[f][1].rows()) +
                                   " vertices per sample, another shard " +
                                   std::to_string(vertices));
    }
  }

  // Interleaved back: sample i is item i / N of shard i mod N.
  std::vector<std::unique_ptr<AtomicWriter>> outputs;
  std::error_code ec;
  fs::create_directories(outDir, ec);
  if (ec) throw InputError(outDir, "cannot create output folder: " + ec.message());
  const std::size_t files = shards[0].record.refined ? 2 : 1;
  for (std::size_t f = 0; f < files; ++f) {
    auto out =
        std::make_unique<AtomicWriter>(outDir / (f ? "pred_refined.json" : "pred_rough.json"));
    std::string buffer;
    for (int list = 0; list < 2; ++list) {
      out->write(list ? "], [" : "[[");
      for (std::size_t i = 0; i < total; ++i) {
        const ShardFolder& s = shards[byIndex[int(i % std::size_t(n))]];
        buffer.clear();
        if (i) buffer += ", ";
        appendPredictionPoints(buffer, s.files[f][std::size_t(list)].points(i / std::size_t(n)));
        out->write(buffer);
      }
    }
    out->write("]]\n");
    outputs.push_back(std::move(out));
  }
  InferenceRecord merged = shards[0].record;
  merged.shard = Shard{};
  merged.samples = total;
  auto info = std::make_unique<AtomicWriter>(outDir / "infer.json");
  info->write(inferenceRecordJson(merged));
  outputs.push_back(std::move(info));
  for (auto& o : outputs) o->commit();
  if (files == 1) {  // a refined file of an earlier merge no longer belongs to what is declared
    std::error_code removeError;
    fs::remove(outDir / "pred_refined.json", removeError);
  }
  return total;
}

}  // namespace handalign
