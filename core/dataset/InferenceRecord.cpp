#include "dataset/InferenceRecord.h"

#include "io/JsonFields.h"
#include "io/JsonWriter.h"
#include "util/Error.h"

#include <simdjson.h>

namespace handalign {
namespace {

std::int64_t count(simdjson::dom::element e, const char* key, const std::filesystem::path& file) {
  const std::int64_t v = requiredInt(e, key, file);
  if (v < 0) throw InputError(file, std::string("negative ") + key);
  return v;
}

}  // namespace

bool InferenceProvenance::operator==(const InferenceProvenance& o) const {
  return version == o.version && modelName == o.modelName && manifestFile == o.manifestFile &&
         checkpointFile == o.checkpointFile && checkpointFingerprint == o.checkpointFingerprint &&
         architecture == o.architecture && frame == o.frame && crop == o.crop &&
         datasetRoot == o.datasetRoot && datasetFormat == o.datasetFormat && split == o.split &&
         datasetSize == o.datasetSize && handModelName == o.handModelName &&
         handModelFile == o.handModelFile && device == o.device && batchSize == o.batchSize &&
         half == o.half;
}

std::string inferenceRecordJson(const InferenceRecord& r) {
  const InferenceProvenance& p = r.provenance;
  JsonWriter w;
  w.beginObject().key("format").value("handalign.infer").key("version").value(1);
  w.key("tool").value("handalign").key("tool_version").value(p.version);
  w.key("model").beginObject();
  w.key("name").value(p.modelName).key("manifest").value(p.manifestFile);
  w.key("checkpoint").value(p.checkpointFile).key("fingerprint").value(p.checkpointFingerprint);
  w.key("architecture").value(p.architecture).key("outputs").value(p.frame);
  w.key("crop").value(p.crop).endObject();
  w.key("dataset").beginObject().key("root").value(p.datasetRoot);
  w.key("format").value(p.datasetFormat).key("split").value(p.split);
  w.key("size").value(p.datasetSize).endObject();
  w.key("hand_model").beginObject().key("name").value(p.handModelName);
  w.key("file").value(p.handModelFile).endObject();
  w.key("device").value(p.device).key("batch").value(p.batchSize).key("half").value(p.half);
  if (!r.shard.whole()) w.key("shard").value(r.shard.str());
  w.key("samples").value(r.samples);
  w.key("files").beginArray().value("pred_rough.json");
  if (r.refined) w.value("pred_refined.json");
  w.endArray();
  // The declared roles, for `eval --refines refined=rough` and the studio (never guessed).
  w.key("predictions").beginArray();
  w.beginObject().key("name").value("rough").key("file").value("pred_rough.json");
  w.key("role").value("rough").endObject();
  if (r.refined) {
    w.beginObject().key("name").value("refined").key("file").value("pred_refined.json");
    w.key("role").value("refined").key("refines").value("rough").endObject();
  }
  w.endArray();
  w.key("coordinates").value("camera frame, metres, rounded to 0.1 um; hand-model vertex order");
  if (!r.segmentationHand.empty()) {  // the network's own segmentation, per sample <id>.png
    w.key("segmentation").beginObject().key("hand").value(r.segmentationHand);
    if (!r.segmentationParts.empty()) w.key("parts").value(r.segmentationParts);
    w.endObject();
  }
  w.endObject();
  return w.str() + "\n";
}

InferenceRecord readInferenceRecord(const std::filesystem::path& file) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto err = parser.load(file.string()).get(root))
    throw InputError(
        file, err == simdjson::IO_ERROR ? "cannot be read" : "is not valid JSON (truncated?)");
  if (requiredText(root, "/format", file) != "handalign.infer")
    throw InputError(file, "is not the infer.json of a `handalign infer` run");
  InferenceRecord r;
  InferenceProvenance& p = r.provenance;
  p.version = requiredText(root, "/tool_version", file);
  p.modelName = requiredText(root, "/model/name", file);
  p.manifestFile = requiredText(root, "/model/manifest", file);
  p.checkpointFile = requiredText(root, "/model/checkpoint", file);
  p.checkpointFingerprint = requiredText(root, "/model/fingerprint", file);
  p.architecture = requiredText(root, "/model/architecture", file);
  p.frame = requiredText(root, "/model/outputs", file);
  p.crop = requiredText(root, "/model/crop", file);
  p.datasetRoot = requiredText(root, "/dataset/root", file);
  p.datasetFormat = requiredText(root, "/dataset/format", file);
  p.split = requiredText(root, "/dataset/split", file);
  p.datasetSize = std::size_t(count(root, "/dataset/size", file));
  p.handModelName = requiredText(root, "/hand_model/name", file);
  p.handModelFile = requiredText(root, "/hand_model/file", file);
  p.device = requiredText(root, "/device", file);
  p.batchSize = int(count(root, "/batch", file));
  bool half = false;
  if (root.at_pointer("/half").get_bool().get(half)) throw InputError(file, "missing /half");
  p.half = half;
  r.samples = std::size_t(count(root, "/samples", file));
  simdjson::dom::array files;
  if (root.at_pointer("/files").get_array().get(files)) throw InputError(file, "missing /files");
  r.refined = files.size() == 2;
  std::string_view shard;
  if (!root.at_pointer("/shard").get_string().get(shard) &&
      !parseShard(std::string(shard), r.shard))
    throw InputError(file, "bad shard \"" + std::string(shard) + "\"");
  std::string_view seg;
  if (!root.at_pointer("/segmentation/hand").get_string().get(seg)) r.segmentationHand = seg;
  if (!root.at_pointer("/segmentation/parts").get_string().get(seg)) r.segmentationParts = seg;
  return r;
}

void appendPredictionPoints(std::string& out, PointsView p) {
  out += '[';
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    if (i) out += ", ";
    out += '[' + formatNumber(p(i, 0)) + ", " + formatNumber(p(i, 1)) + ", " +
           formatNumber(p(i, 2)) + ']';
  }
  out += ']';
}

}  // namespace handalign
