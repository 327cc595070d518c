#include "eval/Merge.h"

#include "io/JsonFields.h"
#include "util/Error.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

namespace handalign {
namespace fs = std::filesystem;
namespace {

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
  const std::int64_t kp = requiredInt(p, ("/" + key + "/keypoints").c_str(), file);
  if (kp < 0 || kp > (1 << 24)) throw InputError(file, key + ": bad keypoint count");
  const std::int64_t n = requiredInt(p, ("/" + key + "/samples").c_str(), file);
  try {
    return PckAccumulator::fromHistogram(int(kp), n, ints(p, ("/" + key + "/bins").c_str(), file));
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
  r.tool = requiredText(root, "/provenance/tool", file);
  r.version = requiredText(root, "/provenance/version", file);
  r.datasetRoot = requiredText(root, "/provenance/dataset/root", file);
  r.datasetFormat = requiredText(root, "/provenance/dataset/format", file);
  r.split = requiredText(root, "/provenance/dataset/split", file);
  r.datasetSize = std::size_t(requiredInt(root, "/provenance/dataset/size", file));
  r.handModelName = requiredText(root, "/provenance/hand_model/name", file);
  r.handModelFile = requiredText(root, "/provenance/hand_model/file", file);
  r.handModelFingerprint = requiredText(root, "/provenance/hand_model/fingerprint", file);
  r.options.resolution = int(requiredInt(root, "/provenance/options/resolution", file));
  if (!parseHdMode(requiredText(root, "/provenance/options/hd_mode", file), r.options.hd.mode) ||
      !parseHdEmpty(requiredText(root, "/provenance/options/hd_empty", file), r.options.hd.empty))
    throw InputError(file, "unknown HD95 convention");
  r.options.gtMask = requiredText(root, "/provenance/options/gt_mask", file) == "mesh"
                         ? GtMaskSource::Mesh
                         : GtMaskSource::Dataset;
  r.options.limit = std::size_t(requiredInt(root, "/provenance/options/limit", file));
  simdjson::dom::array preds, shards;
  if (root.at_pointer("/provenance/predictions").get_array().get(preds) ||
      root.at_pointer("/provenance/shards").get_array().get(shards))
    throw InputError(file, "missing provenance/predictions or provenance/shards");
  for (simdjson::dom::element p : preds) {
    r.predictionFiles.emplace_back(requiredText(p, "/name", file), requiredText(p, "/file", file));
    r.predictionFingerprints.push_back(requiredText(p, "/fingerprint", file));
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
    r.options.annotations = requiredText(annotations, "/folder", file);
    r.correctedMasks = std::size_t(requiredInt(annotations, "/corrected_masks", file));
    r.correctedParts = std::size_t(requiredInt(annotations, "/corrected_parts", file));
  }
  return r;
}

// The samples `eval --shard K/N` evaluates: those below the limit that the shard contains.
std::vector<std::size_t> shardSamples(const RunInfo& r, const Shard& shard) {
  const std::size_t end =
      r.options.limit ? std::min(r.options.limit, r.datasetSize) : r.datasetSize;
  std::vector<std::size_t> out;
  for (std::size_t i = std::size_t(shard.index); i < end; i += std::size_t(shard.count))
    out.push_back(i);
  return out;
}

// per_sample.csv of one shard: every row a sample of the shard and a prediction of the run, each
// (sample, prediction) exactly once, every pair present, one sample id per index.
std::vector<SampleRow> readRows(const fs::path& file, const RunInfo& r, const Shard& shard,
                                const std::vector<std::string>& predNames) {
  std::ifstream in(file);
  if (!in) throw InputError(file, "no such file (is this an evaluation output folder?)");
  std::string line;
  std::getline(in, line);
  std::string header;
  for (const std::string& c : sampleColumns()) header += (header.empty() ? "" : ",") + c;
  if (line != header) throw InputError(file, "unexpected header (written by another version?)");
  std::map<std::string, std::size_t> predIndex;
  for (std::size_t p = 0; p < predNames.size(); ++p) predIndex[predNames[p]] = p;
  const std::vector<std::size_t> expected = shardSamples(r, shard);
  std::map<std::size_t, std::pair<std::string, std::vector<bool>>> seen;  // index → id, preds
  std::vector<SampleRow> rows;
  std::size_t lineNo = 1;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.empty()) continue;
    SampleRow row;
    const std::string at = " at line " + std::to_string(lineNo);
    if (!parseRow(line, row)) throw InputError(file, "malformed row" + at);
    if (row.index >= (expected.empty() ? 0 : expected.back() + 1) || !shard.contains(row.index))
      throw InputError(file, "sample index " + std::to_string(row.index) + at +
                                 " is not in shard " + shard.str() +
                                 " of this evaluation");
    const auto p = predIndex.find(row.pred);
    if (p == predIndex.end())
      throw InputError(file, "prediction \"" + row.pred + "\"" + at + " is not in its totals.json");
    auto& [id, preds] = seen[row.index];
    if (preds.empty()) id = row.sample, preds.assign(predNames.size(), false);
    if (id != row.sample)
      throw InputError(file, "sample index " + std::to_string(row.index) + at + " is \"" +
                                 row.sample + "\", earlier \"" + id + "\"");
    if (preds[p->second])
      throw InputError(
          file, "duplicate row for sample " + std::to_string(row.index) + ", " + row.pred + at);
    preds[p->second] = true;
    rows.push_back(std::move(row));
  }
  for (std::size_t i : expected) {
    const auto s = seen.find(i);
    for (std::size_t p = 0; p < predNames.size(); ++p)
      if (s == seen.end() || !s->second.second[p])
        throw InputError(file, "no row for sample " + std::to_string(i) + ", prediction " +
                                   predNames[p] + " (" + std::to_string(expected.size()) +
                                   " samples × " + std::to_string(predNames.size()) +
                                   " predictions expected; truncated?)");
  }
  return rows;
}

// The totals of one prediction must be those of its rows: PCK histograms of as many samples as
// rows with that error (each sums to its count: PckAccumulator::fromHistogram), pooled counts
// non-negative, intersection ≤ union, and (per scored sample, all classes) sum to 2·R².
void checkTotals(const PredictionTotals& t, const std::vector<SampleRow>& rows,
                 const std::string& pred, int resolution, const fs::path& file) {
  std::int64_t joints = 0, vertices = 0, hand = 0, finger = 0;
  for (const SampleRow& row : rows) {
    if (row.pred != pred) continue;
    joints += !std::isnan(row.m.mpjpeMm), vertices += !std::isnan(row.m.mpvpeMm);
    hand += !std::isnan(row.m.handMiou), finger += !std::isnan(row.m.fingerMiou);
  }
  const std::string of = " of prediction " + pred;
  auto checkPck = [&](const PckAccumulator& a, const char* key, std::int64_t rowsWith) {
    if (a.samples() != rowsWith)
      throw InputError(file, std::string(key) + of + " counts " + std::to_string(a.samples()) +
                                 " samples, per_sample.csv has " + std::to_string(rowsWith));
  };
  if (t.joints.keypoints() != kJointCount || t.paJoints.keypoints() != kJointCount)
    throw InputError(
        file, "joint histograms" + of + " are not of " + std::to_string(kJointCount) + " joints");
  checkPck(t.joints, "joints", joints), checkPck(t.paJoints, "pa_joints", joints);
  checkPck(t.vertices, "vertices", vertices), checkPck(t.paVertices, "pa_vertices", vertices);
  const std::int64_t pixels = std::int64_t(resolution) * resolution;
  auto checkPooled = [&](const auto& inter, const auto& uni, const char* key, std::int64_t scored) {
    std::int64_t sum = 0;
    for (std::size_t c = 0; c < inter.size(); ++c) {
      if (inter[c] < 0 || inter[c] > uni[c])
        throw InputError(file, std::string(key) + " counts" + of +
                                   " are negative or an intersection exceeds its union");
      sum += inter[c] + uni[c];
    }
    if (sum != 2 * pixels * scored)
      throw InputError(file, std::string(key) + " counts" + of + " do not add up to the " +
                                 std::to_string(scored) + " scored samples of per_sample.csv");
  };
  checkPooled(t.handIntersection, t.handUnion, "hand", hand);
  checkPooled(t.fingerIntersection, t.fingerUnion, "finger", finger);
}

// The parsed totals.json of an evaluation output folder.
simdjson::dom::element loadTotals(simdjson::dom::parser& parser, const fs::path& dir) {
  const fs::path totalsFile = dir / "totals.json";
  std::error_code ec;
  if (!fs::is_regular_file(totalsFile, ec))
    throw InputError(dir,
                     "has no totals.json: not an evaluation output folder, or a shard that "
                     "did not finish");
  simdjson::dom::element root;
  if (const auto err = parser.load(totalsFile.string()).get(root))
    throw InputError(totalsFile,
                     std::string("not valid JSON (") + simdjson::error_message(err) + ")");
  return root;
}

}  // namespace

RunInfo readEvaluationProvenance(const fs::path& dir) {
  simdjson::dom::parser parser;
  return readInfo(loadTotals(parser, dir), dir / "totals.json");
}

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
    const simdjson::dom::element root = loadTotals(parser, dir);
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
    if (shardInfo.shards.size() != 1)
      throw InputError(totalsFile, "is not the output of one `eval --shard K/N` run");
    Shard shard;
    const std::string& s = shardInfo.shards.front();
    if (!parseShard(s, shard)) throw InputError(totalsFile, "bad shard \"" + s + "\"");
    if (shardCount >= 0 && shard.count != shardCount)
      throw InputError(totalsFile, "shard counts differ (" + s + ")");
    shardCount = shard.count;
    if (!shardsSeen.insert(s).second) throw InputError(totalsFile, "shard " + s + " given twice");
    const std::size_t expected = shardSamples(shardInfo, shard).size();
    const std::int64_t count = requiredInt(root, "/sample_count", totalsFile);
    if (count < 0 || std::size_t(count) != expected)
      throw InputError(totalsFile, "sample_count " + std::to_string(count) + ", but shard " + s +
                                       " of this evaluation has " + std::to_string(expected) +
                                       " samples");
    if (shardInfo.correctedMasks > expected || shardInfo.correctedParts > expected)
      throw InputError(totalsFile, "more corrected masks than samples");
    result.sampleCount += expected;
    simdjson::dom::array preds;
    if (root.at_pointer("/predictions").get_array().get(preds) ||
        preds.size() != result.predictionNames.size())
      throw InputError(totalsFile, "prediction totals do not match its provenance");
    std::vector<SampleRow> rows =
        readRows(dir / "per_sample.csv", shardInfo, shard, result.predictionNames);
    std::size_t p = 0;
    for (simdjson::dom::element pe : preds) {
      const PredictionTotals t = readTotals(pe, totalsFile);
      checkTotals(t, rows, result.predictionNames[p], shardInfo.options.resolution, totalsFile);
      result.totals[p++].merge(t);
    }
    result.rows.insert(result.rows.end(), std::make_move_iterator(rows.begin()),
                       std::make_move_iterator(rows.end()));
  }
  if (shardCount > 0 && int(shardsSeen.size()) != shardCount) {
    std::string missing;
    for (int k = 0; k < shardCount; ++k) {
      const std::string s = Shard{k, shardCount}.str();
      if (!shardsSeen.count(s)) missing += (missing.empty() ? "" : ", ") + s;
    }
    throw InputError(shardDirs.front(), "only " + std::to_string(shardsSeen.size()) + " of " +
                                            std::to_string(shardCount) +
                                            " shards given; missing: shard " + missing);
  }
  std::map<std::string, std::size_t> order;
  for (std::size_t i = 0; i < result.predictionNames.size(); ++i)
    order[result.predictionNames[i]] = i;
  std::stable_sort(result.rows.begin(), result.rows.end(),
                   [&](const SampleRow& a, const SampleRow& b) {
                     return a.index != b.index ? a.index < b.index : order[a.pred] < order[b.pred];
                   });
  // All shards together are the whole run: its files are those of a single run, byte for byte.
  info.shards = {Shard{}.str()};
  return result;
}

}  // namespace handalign
