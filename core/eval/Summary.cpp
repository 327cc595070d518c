#include "eval/Summary.h"

#include "eval/MetricRegistry.h"

#include "io/JsonWriter.h"

#include <cmath>

namespace handalign {
namespace {

double ratio(std::int64_t a, std::int64_t b) { return b ? double(a) / double(b) : std::nan(""); }

void writeConventions(JsonWriter& w, const RunInfo& info) {
  const EvalOptions& o = info.options;
  w.key("conventions").beginObject();
  w.key("resolution").value(o.resolution);
  w.key("projection")
      .value("OpenCV pinhole, pixel centres at integer coordinates; K rescaled to the resolution");
  w.key("rasterization")
      .value(
          "nearest face at the pixel centre, perspective-correct depth, top-left rule; faces with "
          "a vertex at z <= 0 skipped; face part = majority of its vertices");
  const std::string corrected =
      o.annotations.empty() ? "" : "corrected mask (annotation folder) where present, else ";
  w.key("gt_hand_mask")
      .value(corrected + (o.gtMask == GtMaskSource::Dataset
                              ? "dataset mask (>= 128) where present, else rendered GT mesh"
                              : "rendered GT mesh"));
  w.key("gt_finger_labels")
      .value(o.annotations.empty()
                 ? "rendered GT mesh"
                 : "corrected part layer (annotation folder, nearest pixel centre) where present, "
                   "else rendered GT mesh");
  w.key("iou_average")
      .value(
          "per image, then mean over samples (NaN ignored); pooled_iou = dataset-level sum of "
          "intersections / sum of unions");
  w.key("finger_miou")
      .value("NaN-mean over background + 6 parts (VOC); finger_miou_fg over the 6 parts");
  w.key("hd_mode").value(toString(o.hd.mode));
  w.key("hd95").value(o.hd.mode == HdMode::Max
                          ? "max of the two directed 95th percentiles (MONAI / surface-distance)"
                          : "95th percentile of both directions pooled (MedPy)");
  w.key("hd_boundary")
      .value(
          "mask pixels with a 4-neighbour outside the mask or the image; Euclidean pixel "
          "distances; numpy linear percentile");
  w.key("hd_empty").value(toString(o.hd.empty));
  w.key("hd_empty_rule")
      .value(o.hd.empty == HdEmpty::Nan
                 ? "class in exactly one mask: NaN, counted as missing"
                 : "class in exactly one mask: image diagonal, counted as missing");
  w.key("procrustes")
      .value(
          "FreiHAND align_w_scale: centre, divide by Frobenius norm, orthogonal Procrustes with "
          "scale, no reflection fix");
  w.key("f_score").value(
      "FreiHAND: nearest neighbours both ways on vertices, d < t, t = 5 mm and 15 mm");
  w.key("auc").value(
      "FreiHAND: PCK per keypoint over numpy.linspace(0, 0.05, 100) m with d <= t, trapezoid, "
      "normalised, mean over keypoints");
  w.key("joints").value("from the prediction file; regressor . vertices when it has none");
  w.endObject();
}

void writeProvenance(JsonWriter& w, const RunInfo& info) {
  w.key("provenance").beginObject();
  w.key("tool").value(info.tool).key("version").value(info.version);
  w.key("dataset").beginObject();
  w.key("root")
      .value(info.datasetRoot)
      .key("format")
      .value(info.datasetFormat)
      .key("split")
      .value(info.split);
  w.key("size").value(info.datasetSize).endObject();
  w.key("hand_model")
      .beginObject()
      .key("name")
      .value(info.handModelName)
      .key("file")
      .value(info.handModelFile);
  w.key("fingerprint").value(info.handModelFingerprint).endObject();
  w.key("predictions").beginArray();
  for (std::size_t i = 0; i < info.predictionFiles.size(); ++i) {
    w.beginObject()
        .key("name")
        .value(info.predictionFiles[i].first)
        .key("file")
        .value(info.predictionFiles[i].second);
    if (i < info.predictionFingerprints.size())
      w.key("fingerprint").value(info.predictionFingerprints[i]);
    const std::string& name = info.predictionFiles[i].first;
    w.key("role").value(toString(roleOf(info.refinements, name)));
    const std::string rough = refinedFrom(info.refinements, name);
    if (!rough.empty()) w.key("refines").value(rough);
    w.endObject();
  }
  w.endArray();
  w.key("options").beginObject().key("resolution").value(info.options.resolution);
  w.key("hd_mode")
      .value(toString(info.options.hd.mode))
      .key("hd_empty")
      .value(toString(info.options.hd.empty));
  w.key("gt_mask").value(info.options.gtMask == GtMaskSource::Dataset ? "dataset" : "mesh");
  w.key("limit").value(info.options.limit).endObject();
  w.key("shards").beginArray();
  for (const std::string& s : info.shards) w.value(s);
  w.endArray();
  w.key("annotations");
  if (info.options.annotations.empty()) {
    w.null();
  } else {
    w.beginObject().key("folder").value(info.options.annotations.string());
    w.key("corrected_masks").value(info.correctedMasks);
    w.key("corrected_parts").value(info.correctedParts).endObject();
  }
  w.endObject();
}

}  // namespace

std::vector<PredictionSummary> summarize(const EvalResult& result) {
  std::vector<PredictionSummary> out(result.predictionNames.size());
  std::map<std::string, std::size_t> predIndex;
  for (std::size_t p = 0; p < out.size(); ++p)
    out[p].name = result.predictionNames[p], predIndex[out[p].name] = p;
  // The registry's per-sample metrics by position: no name lookup per value (65k rows × 26).
  const std::vector<const MetricInfo*>& metrics = perSampleMetrics();
  std::vector<std::vector<double>> sums(out.size(), std::vector<double>(metrics.size(), 0.0));
  std::vector<std::vector<std::size_t>> finite(out.size(),
                                               std::vector<std::size_t>(metrics.size(), 0));
  std::size_t p = 0;
  for (const SampleRow& row : result.rows) {
    if (out[p].name != row.pred) p = predIndex.at(row.pred);  // rows come run by run
    PredictionSummary& s = out[p];
    ++s.samples;
    s.handHd95Missing += std::size_t(row.m.handHdMissing);
    s.fingerHd95Missing += std::size_t(row.m.fingerHdMissing);
    for (std::size_t k = 0; k < metrics.size(); ++k) {
      const double v = metrics[k]->value(row.m);
      if (std::isfinite(v)) sums[p][k] += v, ++finite[p][k];
    }
  }
  for (std::size_t p = 0; p < out.size(); ++p) {
    PredictionSummary& s = out[p];
    for (std::size_t k = 0; k < metrics.size(); ++k) {
      s.finite[metrics[k]->key] = finite[p][k];
      s.mean[metrics[k]->key] = finite[p][k] ? sums[p][k] / double(finite[p][k]) : std::nan("");
    }
    const PredictionTotals& t = result.totals[p];
    s.aucJ = t.joints.auc(), s.paAucJ = t.paJoints.auc(), s.aucV = t.vertices.auc(),
    s.paAucV = t.paVertices.auc();
    s.pckJ = t.joints.curve(), s.paPckJ = t.paJoints.curve(), s.pckV = t.vertices.curve(),
    s.paPckV = t.paVertices.curve();
    for (std::size_t c = 0; c < 2; ++c)
      s.pooledHandIou[c] = ratio(t.handIntersection[c], t.handUnion[c]);
    for (std::size_t c = 0; c < 7; ++c)
      s.pooledFingerIou[c] = ratio(t.fingerIntersection[c], t.fingerUnion[c]);
  }
  return out;
}

std::string summaryJson(const RunInfo& info, const std::vector<PredictionSummary>& summaries) {
  JsonWriter w;
  w.beginObject();
  w.key("format").value("handalign.eval_summary").key("version").value(1);
  writeConventions(w, info);
  writeProvenance(w, info);
  w.key("predictions").beginArray();
  for (const PredictionSummary& s : summaries) {
    w.beginObject().key("name").value(s.name).key("samples").value(s.samples);
    w.key("mean").beginObject();
    for (const std::string& c : metricColumns()) w.key(c).value(s.mean.at(c));
    w.endObject();
    w.key("finite_count").beginObject();
    for (const std::string& c : metricColumns()) w.key(c).value(s.finite.at(c));
    w.endObject();
    w.key("missing").beginObject().key("hand_hd95").value(s.handHd95Missing);
    w.key("finger_hd95_parts").value(s.fingerHd95Missing).endObject();
    w.key("auc").beginObject().key("auc_j").value(s.aucJ).key("pa_auc_j").value(s.paAucJ);
    w.key("auc_v").value(s.aucV).key("pa_auc_v").value(s.paAucV).endObject();
    w.key("pooled_iou")
        .beginObject()
        .key("background")
        .value(s.pooledFingerIou[0])
        .key("hand")
        .value(s.pooledHandIou[1]);
    w.key("hand_background").value(s.pooledHandIou[0]);
    for (int p = 0; p < kPartCount; ++p)
      w.key(kPartNames[std::size_t(p)]).value(s.pooledFingerIou[std::size_t(p) + 1]);
    w.endObject();
    w.key("pck").beginObject();
    w.key("thresholds_m").array(PckAccumulator::thresholds());
    w.key("joints").array(s.pckJ).key("pa_joints").array(s.paPckJ);
    w.key("vertices").array(s.pckV).key("pa_vertices").array(s.paPckV).endObject();
    w.endObject();
  }
  w.endArray();
  w.endObject();
  return w.str();
}

namespace {
void writeTotalsFields(JsonWriter& w, const PredictionTotals& t) {
  auto writeAcc = [&](const char* key, const PckAccumulator& a) {
    w.key(key)
        .beginObject()
        .key("keypoints")
        .value(a.keypoints())
        .key("samples")
        .value(a.samples());
    w.key("bins").array(a.histogram()).endObject();
  };
  writeAcc("joints", t.joints);
  writeAcc("pa_joints", t.paJoints);
  writeAcc("vertices", t.vertices);
  writeAcc("pa_vertices", t.paVertices);
  w.key("hand_intersection")
      .array(std::vector<std::int64_t>(t.handIntersection.begin(), t.handIntersection.end()));
  w.key("hand_union").array(std::vector<std::int64_t>(t.handUnion.begin(), t.handUnion.end()));
  w.key("finger_intersection")
      .array(std::vector<std::int64_t>(t.fingerIntersection.begin(), t.fingerIntersection.end()));
  w.key("finger_union")
      .array(std::vector<std::int64_t>(t.fingerUnion.begin(), t.fingerUnion.end()));
}
}  // namespace

std::string predictionTotalsJson(const PredictionTotals& totals) {
  JsonWriter w(0);
  w.beginObject();
  writeTotalsFields(w, totals);
  w.endObject();
  return w.str();
}

std::string totalsJson(const RunInfo& info, const EvalResult& result) {
  JsonWriter w(1);
  w.beginObject().key("format").value("handalign.eval_totals").key("version").value(1);
  writeConventions(w, info);
  writeProvenance(w, info);
  w.key("sample_count").value(result.sampleCount);
  w.key("predictions").beginArray();
  for (std::size_t p = 0; p < result.totals.size(); ++p) {
    w.beginObject().key("name").value(result.predictionNames[p]);
    writeTotalsFields(w, result.totals[p]);
    w.endObject();
  }
  w.endArray().endObject();
  return w.str();
}

std::string perSampleCsv(const EvalResult& result) {
  std::string out;
  const auto& cols = sampleColumns();
  for (std::size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + cols[i];
  out += '\n';
  out.reserve(result.rows.size() * 400);
  for (const SampleRow& row : result.rows) out += formatRow(row) + '\n';
  return out;
}

}  // namespace handalign
