#include "eval/Merge.h"

#include "util/Error.h"

#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <set>

namespace handalign {
namespace fs = std::filesystem;
namespace {

std::string str(simdjson::dom::element e, const char* key, const fs::path& file) {
  std::string_view v;
  if (e.at_pointer(key).get_string().get(v)) throw InputError(file, std::string("missing ") + key);
  return std::string(v);
}

std::int64_t integer(simdjson::dom::element e, const char* key, const fs::path& file) {
  std::int64_t v;
  if (e.at_pointer(key).get_int64().get(v)) throw InputError(file, std::string("missing ") + key);
  return v;
}

std::vector<std::int64_t> ints(simdjson::dom::element e, const char* key, const fs::path& file) {
  simdjson::dom::array a;
  if (e.at_pointer(key).get_array().get(a)) throw InputError(file, std::string("missing ") + key);
  std::vector<std::int64_t> out;
  for (simdjson::dom::element x : a) {
    std::int64_t v;
    if (x.get_int64().get(v)) throw InputError(file, std::string("non-integer in ") + key);
    out.push_back(v);
  }
  return out;
}

PckAccumulator accumulator(simdjson::dom::element p, const std::string& key, const fs::path& file) {
  const int kp = int(integer(p, ("/" + key + "/keypoints").c_str(), file));
  const std::int64_t n = integer(p, ("/" + key + "/samples").c_str(), file);
  try {
    return PckAccumulator::fromHistogram(kp, n, ints(p, ("/" + key + "/bins").c_str(), file));
  } catch (const std::invalid_argument& e) {
    throw InputError(file, key + ": " + e.what());
  }
}

PredictionTotals readTotals(simdjson::dom::element pe, const fs::path& file) {
  PredictionTotals t;
  t.joints = accumulator(pe, "joints", file);
  t.paJoints = accumulator(pe, "pa_joints", file);
  t.vertices = accumulator(pe, "vertices", file);
  t.paVertices = accumulator(pe, "pa_vertices", file);
  const auto hi = ints(pe, "/hand_intersection", file), hu = ints(pe, "/hand_union", file);
  const auto fi = ints(pe, "/finger_intersection", file), fu = ints(pe, "/finger_union", file);
  if (hi.size() != 2 || hu.size() != 2 || fi.size() != 7 || fu.size() != 7)
    throw InputError(file, "pooled counts have the wrong size");
  std::copy(hi.begin(), hi.end(), t.handIntersection.begin());
  std::copy(hu.begin(), hu.end(), t.handUnion.begin());
  std::copy(fi.begin(), fi.end(), t.fingerIntersection.begin());
  std::copy(fu.begin(), fu.end(), t.fingerUnion.begin());
  return t;
}

// Everything in the provenance except the shard list must agree between shards.
std::string identity(const RunInfo& r) {
  std::string s = r.datasetRoot + "|" + r.datasetFormat + "|" + r.split + "|" +
                  std::to_string(r.datasetSize) + "|" + r.handModelFingerprint + "|" +
                  std::to_string(r.options.resolution) + "|" + toString(r.options.hd.mode) + "|" +
                  toString(r.options.hd.empty) + "|" + std::to_string(int(r.options.gtMask)) + "|" +
                  std::to_string(r.options.limit) + "|" + r.options.annotations.string();
  for (std::size_t i = 0; i < r.predictionFiles.size(); ++i)
    s += "|" + r.predictionFiles[i].first + "=" + r.predictionFingerprints[i];
  for (const Refinement& x : r.refinements) s += "|" + x.refined + "<" + x.rough;
  return s;
}

RunInfo readInfo(simdjson::dom::element root, const fs::path& file) {
  RunInfo r;
  r.tool = str(root, "/provenance/tool", file);
  r.version = str(root, "/provenance/version", file);
  r.datasetRoot = str(root, "/provenance/dataset/root", file);
  r.datasetFormat = str(root, "/provenance/dataset/format", file);
  r.split = str(root, "/provenance/dataset/split", file);
  r.datasetSize = std::size_t(integer(root, "/provenance/dataset/size", file));
  r.handModelName = str(root, "/provenance/hand_model/name", file);
  r.handModelFile = str(root, "/provenance/hand_model/file", file);
  r.handModelFingerprint = str(root, "/provenance/hand_model/fingerprint", file);
  r.options.resolution = int(integer(root, "/provenance/options/resolution", file));
  if (!parseHdMode(str(root, "/provenance/options/hd_mode", file), r.options.hd.mode) ||
      !parseHdEmpty(str(root, "/provenance/options/hd_empty", file), r.options.hd.empty))
    throw InputError(file, "unknown HD95 convention");
  r.options.gtMask = str(root, "/provenance/options/gt_mask", file) == "mesh"
                         ? GtMaskSource::Mesh
                         : GtMaskSource::Dataset;
  r.options.limit = std::size_t(integer(root, "/provenance/options/limit", file));
  simdjson::dom::array preds, shards;
  if (root.at_pointer("/provenance/predictions").get_array().get(preds) ||
      root.at_pointer("/provenance/shards").get_array().get(shards))
    throw InputError(file, "missing provenance/predictions or provenance/shards");
  for (simdjson::dom::element p : preds) {
    r.predictionFiles.emplace_back(str(p, "/name", file), str(p, "/file", file));
    r.predictionFingerprints.push_back(str(p, "/fingerprint", file));
    std::string_view rough;  // "refines": written since roles are declared; absent: plain
    if (!p.at_pointer("/refines").get_string().get(rough))
      r.refinements.push_back({r.predictionFiles.back().first, std::string(rough)});
  }
  for (simdjson::dom::element s : shards) {
    std::string_view v;
    if (s.get_string().get(v)) throw InputError(file, "bad shard entry");
    r.shards.emplace_back(v);
  }
  // Written since corrected masks came (absent or null: none).
  simdjson::dom::element annotations;
  if (!root.at_pointer("/provenance/annotations").get(annotations) && !annotations.is_null()) {
    r.options.annotations = str(annotations, "/folder", file);
    r.correctedMasks = std::size_t(integer(annotations, "/corrected_masks", file));
    r.correctedParts = std::size_t(integer(annotations, "/corrected_parts", file));
  }
  return r;
}

std::vector<SampleRow> readRows(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError(file, "no such file (is this an evaluation output folder?)");
  std::string line;
  std::getline(in, line);
  std::string header;
  for (const std::string& c : sampleColumns()) header += (header.empty() ? "" : ",") + c;
  if (line != header) throw InputError(file, "unexpected header (written by another version?)");
  std::vector<SampleRow> rows;
  std::size_t lineNo = 1;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.empty()) continue;
    SampleRow row;
    if (!parseRow(line, row))
      throw InputError(file, "malformed row at line " + std::to_string(lineNo));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

PredictionTotals parsePredictionTotals(const std::string& json, const fs::path& source) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (const auto err = parser.parse(json).get(root))
    throw InputError(
        source, std::string("totals are not valid JSON (") + simdjson::error_message(err) + ")");
  return readTotals(root, source);
}

EvalResult mergeShards(const std::vector<fs::path>& shardDirs, RunInfo& info) {
  if (shardDirs.empty()) throw InputError(".", "no shard folders given");
  EvalResult result;
  std::string firstIdentity;
  std::set<std::string> shardsSeen;
  int shardCount = -1;
  simdjson::dom::parser parser;
  for (const fs::path& dir : shardDirs) {
    const fs::path totalsFile = dir / "totals.json";
    simdjson::dom::element root;
    std::error_code ec;
    if (!fs::is_regular_file(totalsFile, ec))
      throw InputError(totalsFile, "no such file (is this an evaluation output folder?)");
    if (const auto err = parser.load(totalsFile.string()).get(root))
      throw InputError(totalsFile,
                       std::string("not valid JSON (") + simdjson::error_message(err) + ")");
    const RunInfo shardInfo = readInfo(root, totalsFile);
    if (firstIdentity.empty()) {
      firstIdentity = identity(shardInfo);
      info = shardInfo;
      info.shards.clear();
      for (const auto& p : shardInfo.predictionFiles) result.predictionNames.push_back(p.first);
      result.totals.assign(result.predictionNames.size(), PredictionTotals(kJointCount, 0));
    } else if (identity(shardInfo) != firstIdentity) {
      throw InputError(totalsFile,
                       "belongs to a different evaluation (dataset, hand model, predictions, "
                       "annotation folder or conventions differ)");
    } else {
      info.correctedMasks += shardInfo.correctedMasks;
      info.correctedParts += shardInfo.correctedParts;
    }
    for (const std::string& s : shardInfo.shards) {
      Shard parsed;
      if (!parseShard(s, parsed)) throw InputError(totalsFile, "bad shard \"" + s + "\"");
      if (shardCount >= 0 && parsed.count != shardCount)
        throw InputError(totalsFile, "shard counts differ (" + s + ")");
      shardCount = parsed.count;
      if (!shardsSeen.insert(s).second) throw InputError(totalsFile, "shard " + s + " given twice");
      info.shards.push_back(s);
    }
    result.sampleCount += std::size_t(integer(root, "/sample_count", totalsFile));
    simdjson::dom::array preds;
    if (root.at_pointer("/predictions").get_array().get(preds) ||
        preds.size() != result.predictionNames.size())
      throw InputError(totalsFile, "prediction totals do not match its provenance");
    std::size_t p = 0;
    for (simdjson::dom::element pe : preds) result.totals[p++].merge(readTotals(pe, totalsFile));
    std::vector<SampleRow> rows = readRows(dir / "per_sample.csv");
    result.rows.insert(result.rows.end(), std::make_move_iterator(rows.begin()),
                       std::make_move_iterator(rows.end()));
  }
  if (shardCount > 0 && int(shardsSeen.size()) != shardCount)
    throw InputError(shardDirs.front(), "only " + std::to_string(shardsSeen.size()) + " of " +
                                            std::to_string(shardCount) + " shards given");
  std::map<std::string, std::size_t> order;
  for (std::size_t i = 0; i < result.predictionNames.size(); ++i)
    order[result.predictionNames[i]] = i;
  std::stable_sort(result.rows.begin(), result.rows.end(),
                   [&](const SampleRow& a, const SampleRow& b) {
                     return a.index != b.index ? a.index < b.index : order[a.pred] < order[b.pred];
                   });
  std::sort(info.shards.begin(), info.shards.end());
  return result;
}

}  // namespace handalign
