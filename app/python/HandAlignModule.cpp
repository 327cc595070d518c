// handalign._core: the engine's metrics, rasterizer, hand model and evaluation for Python
// (pybind11), thin over core. The package in app/python/handalign wraps it (argument checks,
// pandas).
#include "eval/EvalSession.h"
#include "eval/Evaluator.h"
#include "eval/ImportedEvaluation.h"
#include "eval/MaskScoring.h"
#include "eval/MetricRegistry.h"
#include "eval/Summary.h"
#include "hand/HandModel.h"
#include "metrics/MeshMetrics.h"
#include "metrics/PckAccumulator.h"
#include "raster/Rasterizer.h"
#include "util/Cores.h"
#include "util/Error.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cmath>
#include <cstring>
#include <thread>

namespace py = pybind11;
using namespace handalign;

namespace {

using U8 = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>;
using F64 = py::array_t<double, py::array::c_style | py::array::forcecast>;
using I64 = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

HdOptions hdOptions(const std::string& mode, const std::string& empty) {
  HdOptions hd;
  if (!parseHdMode(mode, hd.mode)) throw py::value_error("hd_mode must be \"max\" or \"pooled\"");
  if (!parseHdEmpty(empty, hd.empty))
    throw py::value_error("hd_empty must be \"nan\" or \"diagonal\"");
  return hd;
}

// Mask-level metrics of per_sample.csv: the hand level, and with labels the finger and part level.
std::vector<const MetricInfo*> maskColumns(bool labels) {
  std::vector<const MetricInfo*> out;
  for (const MetricInfo* m : perSampleMetrics())
    if (m->level == MetricLevel::Hand || (labels && m->level != MetricLevel::Mesh))
      out.push_back(m);
  return out;
}

py::dict maskMetrics(U8 pred, U8 gt, bool labels, const std::string& hdMode,
                     const std::string& hdEmpty) {
  const HdOptions hd = hdOptions(hdMode, hdEmpty);
  if (pred.ndim() != gt.ndim() || (pred.ndim() != 2 && pred.ndim() != 3))
    throw py::value_error("pred and gt must both be H×W masks or N×H×W batches");
  for (py::ssize_t d = 0; d < pred.ndim(); ++d)
    if (pred.shape(d) != gt.shape(d)) throw py::value_error("pred and gt differ in shape");
  const bool batch = pred.ndim() == 3;
  const py::ssize_t n = batch ? pred.shape(0) : 1;
  const int h = int(pred.shape(pred.ndim() - 2)), w = int(pred.shape(pred.ndim() - 1));
  if (h < 1 || w < 1) throw py::value_error("masks must not be empty");
  const std::size_t pixels = std::size_t(h) * std::size_t(w);
  const std::uint8_t* p = pred.data();
  const std::uint8_t* g = gt.data();
  if (labels)
    for (std::size_t i = 0; i < pixels * std::size_t(n); ++i)
      if (p[i] > kPartCount || g[i] > kPartCount)
        throw py::value_error(
            "labels=True needs label images 0..6 (background, palm, thumb, "
            "index, middle, ring, pinky); found a value of " +
            std::to_string(std::max(p[i], g[i])));
  std::vector<SampleMetrics> out(static_cast<std::size_t>(n));
  {
    py::gil_scoped_release release;
    // Items are independent: a batch is shared out over the cores, one scorer per thread.
    const auto work = [&](py::ssize_t begin, py::ssize_t end) {
      MaskScorer scorer(hd);
      LabelImage pl(w, h), gh(w, h), gl;
      for (py::ssize_t k = begin; k < end; ++k) {
        const std::uint8_t* pk = p + std::size_t(k) * pixels;
        const std::uint8_t* gk = g + std::size_t(k) * pixels;
        std::memcpy(pl.pixels.data(), pk, pixels);
        for (std::size_t i = 0; i < pixels; ++i) gh.pixels[i] = gk[i] != 0;
        if (labels) {
          gl.reset(w, h);
          std::memcpy(gl.pixels.data(), gk, pixels);
        } else {  // binary: any non-zero value is the hand (label 1)
          for (std::size_t i = 0; i < pixels; ++i) pl.pixels[i] = pk[i] != 0;
        }
        scoreMaskMetrics(scorer, pl, gh, gl, out[std::size_t(k)], nullptr);
      }
    };
    const py::ssize_t threads =
        std::max<py::ssize_t>(1, std::min<py::ssize_t>(n, py::ssize_t(usableCores())));
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
    const auto guarded = [&](py::ssize_t t) {
      try {
        work(n * t / threads, n * (t + 1) / threads);
      } catch (...) {
        errors[std::size_t(t)] = std::current_exception();
      }
    };
    std::vector<std::thread> pool;
    for (py::ssize_t t = 1; t < threads; ++t) pool.emplace_back(guarded, t);
    guarded(0);
    for (std::thread& th : pool) th.join();
    for (const std::exception_ptr& e : errors)
      if (e) std::rethrow_exception(e);
  }
  py::dict result;
  for (const MetricInfo* m : maskColumns(labels)) {
    if (!batch) {
      result[m->key] = m->value(out[0]);
      continue;
    }
    py::array_t<double> column(n);
    for (py::ssize_t k = 0; k < n; ++k) column.mutable_at(k) = m->value(out[std::size_t(k)]);
    result[m->key] = column;
  }
  return result;
}

Points points(const F64& a, const char* what, py::ssize_t rows = -1) {
  if (a.ndim() != 2 || a.shape(1) != 3 || (rows >= 0 && a.shape(0) != rows))
    throw py::value_error(std::string(what) + " must be an array of shape (" +
                          (rows >= 0 ? std::to_string(rows) : std::string("N")) + ", 3)");
  Points p(a.shape(0), 3);
  std::memcpy(p.data(), a.data(), sizeof(double) * std::size_t(a.size()));
  return p;
}

py::array_t<std::uint8_t> render(F64 vertices, I64 faces, F64 K, py::object size,
                                 py::object parts) {
  const Points v = points(vertices, "vertices");
  if (faces.ndim() != 2 || faces.shape(1) != 3)
    throw py::value_error("faces must be an integer array of shape (F, 3)");
  Faces f(std::size_t(faces.shape(0)));
  for (std::size_t i = 0; i < f.size(); ++i)
    for (int k = 0; k < 3; ++k) {
      const std::int64_t idx = faces.at(py::ssize_t(i), k);
      if (idx < 0 || idx >= v.rows())
        throw py::value_error("faces[" + std::to_string(i) + "] refers to vertex " +
                              std::to_string(idx) + " of " + std::to_string(v.rows()));
      f[i][std::size_t(k)] = int(idx);
    }
  if (K.ndim() != 2 || K.shape(0) != 3 || K.shape(1) != 3)
    throw py::value_error("K must be a 3×3 intrinsics matrix");
  Intrinsics k;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) k.K(r, c) = K.at(r, c);
  if (!k.isFinite()) throw py::value_error("K holds NaN or infinity");
  int width = 0, height = 0;
  if (py::isinstance<py::int_>(size)) {
    width = height = size.cast<int>();
  } else {
    const auto wh = size.cast<std::pair<int, int>>();
    width = wh.first, height = wh.second;
  }
  if (width < 1 || height < 1 || width > 16384 || height > 16384)
    throw py::value_error("size must be 1..16384 pixels (an int or (width, height))");
  std::vector<std::uint8_t> labels(f.size(), 1);
  if (!parts.is_none()) {
    const U8 pl = parts.cast<U8>();
    if (pl.ndim() != 1 || std::size_t(pl.shape(0)) != f.size())
      throw py::value_error("parts must hold one label (0..6) per face");
    for (std::size_t i = 0; i < f.size(); ++i) {
      labels[i] = pl.at(py::ssize_t(i));
      if (labels[i] > kPartCount) throw py::value_error("parts holds a label above 6");
    }
  }
  py::array_t<std::uint8_t> out({height, width});
  {
    py::gil_scoped_release release;
    Raster scratch;
    LabelImage image;
    renderLabels(viewOf(v), f, labels, k, width, height, scratch, image);
    std::memcpy(out.mutable_data(), image.pixels.data(), image.pixels.size());
  }
  return out;
}

// Per sample (or per batch item) the mesh-level metrics of per_sample.csv, plus the batch's AUCs.
py::dict meshMetrics(F64 predXyz, F64 predVerts, F64 gtXyz, F64 gtVerts) {
  const bool batch = predXyz.ndim() == 3;
  const auto check = [&](const F64& a, const char* what, py::ssize_t rows) {
    if (a.ndim() != (batch ? 3 : 2) || a.shape(a.ndim() - 1) != 3 ||
        (rows >= 0 && a.shape(a.ndim() - 2) != rows))
      throw py::value_error(std::string(what) + " must be " + (batch ? "N×" : "") +
                            (rows >= 0 ? std::to_string(rows) : std::string("V")) +
                            "×3 (all four arrays single samples or all batches)");
  };
  check(predXyz, "pred_xyz", 21);
  check(gtXyz, "gt_xyz", 21);
  check(predVerts, "pred_verts", -1);
  check(gtVerts, "gt_verts", predVerts.shape(predVerts.ndim() - 2));
  const py::ssize_t n = batch ? predXyz.shape(0) : 1;
  if (batch && (predVerts.shape(0) != n || gtXyz.shape(0) != n || gtVerts.shape(0) != n))
    throw py::value_error("the four batches differ in size");
  const Eigen::Index v = predVerts.shape(predVerts.ndim() - 2);
  std::vector<MeshErrors> errors(static_cast<std::size_t>(n));
  PckAccumulator joints{21}, paJoints{21}, verts{int(v)}, paVerts{int(v)};
  {
    py::gil_scoped_release release;
    MeshScorer scorer;
    for (py::ssize_t k = 0; k < n; ++k) {
      const auto at = [&](const F64& a, Eigen::Index rows) {
        return PointsView(a.data() + std::size_t(k) * std::size_t(rows) * 3, rows, 3);
      };
      MeshErrors& e = errors[std::size_t(k)];
      scorer.score(at(gtXyz, 21), at(predXyz, 21), at(gtVerts, v), at(predVerts, v), e);
      joints.add(e.jointDist), paJoints.add(e.paJointDist);
      verts.add(e.vertexDist), paVerts.add(e.paVertexDist);
    }
  }
  py::dict result;
  const std::pair<const char*, double MeshErrors::*> fields[] = {
      {"mpjpe_mm", &MeshErrors::mpjpeMm},
      {"pa_mpjpe_mm", &MeshErrors::paMpjpeMm},
      {"mpvpe_mm", &MeshErrors::mpvpeMm},
      {"pa_mpvpe_mm", &MeshErrors::paMpvpeMm},
      {"f5", &MeshErrors::f5},
      {"f15", &MeshErrors::f15},
      {"pa_f5", &MeshErrors::paF5},
      {"pa_f15", &MeshErrors::paF15}};
  for (const auto& [name, field] : fields) {
    if (!batch) {
      result[name] = errors[0].*field;
      continue;
    }
    py::array_t<double> column(n);
    for (py::ssize_t k = 0; k < n; ++k) column.mutable_at(k) = errors[std::size_t(k)].*field;
    result[name] = column;
  }
  result["auc_j"] = joints.auc(), result["pa_auc_j"] = paJoints.auc();
  result["auc_v"] = verts.auc(), result["pa_auc_v"] = paVerts.auc();
  return result;
}

// An evaluation's rows as columns (per_sample.csv's names) and its summaries.
py::dict resultsOf(const EvalResult& result, const RunInfo& info) {
  const std::size_t n = result.rows.size();
  py::list samples, preds;
  py::array_t<std::int64_t> index(static_cast<py::ssize_t>(n));
  py::array_t<std::int64_t> handMissing(static_cast<py::ssize_t>(n)),
      fingerMissing(static_cast<py::ssize_t>(n));
  py::dict columns;
  for (std::size_t i = 0; i < n; ++i) {
    samples.append(result.rows[i].sample);
    preds.append(result.rows[i].pred);
    index.mutable_at(py::ssize_t(i)) = std::int64_t(result.rows[i].index);
    handMissing.mutable_at(py::ssize_t(i)) = result.rows[i].m.handHdMissing;
    fingerMissing.mutable_at(py::ssize_t(i)) = result.rows[i].m.fingerHdMissing;
  }
  columns["sample"] = samples;
  columns["pred"] = preds;
  for (const MetricInfo* m : perSampleMetrics()) {
    py::array_t<double> c(static_cast<py::ssize_t>(n));
    for (std::size_t i = 0; i < n; ++i) c.mutable_at(py::ssize_t(i)) = m->value(result.rows[i].m);
    columns[m->key] = c;
  }
  columns["index"] = index;
  columns["hand_hd95_missing"] = handMissing;
  columns["finger_hd95_missing"] = fingerMissing;
  py::dict summary;
  for (const PredictionSummary& s : summarize(result)) {
    py::dict d;
    for (const auto& [key, value] : s.mean) d[py::str(key)] = value;
    d["auc_j"] = s.aucJ, d["pa_auc_j"] = s.paAucJ, d["auc_v"] = s.aucV, d["pa_auc_v"] = s.paAucV;
    d["pooled_hand_iou"] = s.pooledHandIou[1];
    d["samples"] = s.samples;
    summary[py::str(s.name)] = d;
  }
  py::dict out;
  out["per_sample"] = columns;
  out["summary"] = summary;
  out["totals_json"] = totalsJson(info, result);
  out["dataset"] = info.datasetRoot;
  out["conventions"] = py::dict(py::arg("resolution") = info.options.resolution,
                                py::arg("hd_mode") = toString(info.options.hd.mode),
                                py::arg("hd_empty") = toString(info.options.hd.empty));
  return out;
}

// `preds` and `refines` as (name, file) and (refined, rough) pairs, in the caller's order.
py::dict evaluateDataset(const std::string& dataset,
                         const std::vector<std::pair<std::string, std::string>>& preds,
                         const std::string& split, const std::string& format,
                         const std::string& handModel, int resolution, const std::string& hdMode,
                         const std::string& hdEmpty, const std::string& gtMask, std::size_t limit,
                         int threads, const std::string& annotations,
                         const std::vector<std::pair<std::string, std::string>>& refines) {
  EvalRequest r;
  r.dataset = dataset, r.split = split, r.format = format, r.handModel = handModel;
  for (const auto& [name, file] : preds) r.predictions.emplace_back(name, file);
  for (const auto& [refined, rough] : refines) r.refinements.push_back({refined, rough});
  r.options.resolution = resolution;
  r.options.hd = hdOptions(hdMode, hdEmpty);
  if (gtMask != "dataset" && gtMask != "mesh")
    throw py::value_error("gt_mask must be \"dataset\" or \"mesh\"");
  r.options.gtMask = gtMask == "mesh" ? GtMaskSource::Mesh : GtMaskSource::Dataset;
  r.options.limit = limit, r.options.threads = threads, r.options.annotations = annotations;
  r.version = HANDALIGN_VERSION;
  if (resolution < 16 || resolution > 4096) throw py::value_error("resolution must be 16..4096");
  EvalResult result;
  EvalSession session;
  {
    py::gil_scoped_release release;
    session = openEvalSession(r);
    result = handalign::evaluate(session.context());
  }
  return resultsOf(result, session.info);
}

py::dict readResults(const std::string& dir) {
  const ImportedEvaluation e = readEvaluationFolder(dir);
  return resultsOf(e.result, e.info);
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "HandAlign's engine: mask and mesh metrics, the rasterizer, evaluation.";
  m.attr("__version__") = HANDALIGN_VERSION;
  // Bad input: the file and the problem, as the CLI says it.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InputError& e) {
      std::error_code ec;
      const bool missing = !e.file().empty() && !std::filesystem::exists(e.file(), ec);
      PyErr_SetString(missing ? PyExc_FileNotFoundError : PyExc_ValueError, e.what());
    } catch (const std::invalid_argument& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });
  m.def("mask_metrics", &maskMetrics, py::arg("pred"), py::arg("gt"), py::kw_only(),
        py::arg("labels") = false, py::arg("hd_mode") = "max", py::arg("hd_empty") = "nan");
  m.def("render", &render, py::arg("vertices"), py::arg("faces"), py::arg("K"), py::arg("size"),
        py::kw_only(), py::arg("parts") = py::none());
  m.def("mesh_metrics", &meshMetrics, py::arg("pred_xyz"), py::arg("pred_verts"), py::arg("gt_xyz"),
        py::arg("gt_verts"));
  m.def("evaluate", &evaluateDataset, py::arg("dataset"), py::arg("predictions"), py::kw_only(),
        py::arg("split") = "", py::arg("format") = "", py::arg("hand_model") = "",
        py::arg("resolution") = 224, py::arg("hd_mode") = "max", py::arg("hd_empty") = "nan",
        py::arg("gt_mask") = "dataset", py::arg("limit") = 0, py::arg("threads") = 0,
        py::arg("annotations") = "",
        py::arg("refines") = std::vector<std::pair<std::string, std::string>>{});
  m.def("read_results", &readResults, py::arg("dir"));
  py::class_<HandModel>(m, "HandModel")
      .def_static(
          "load", [](const std::filesystem::path& path) { return loadHandModel(path); },
          py::arg("path"))
      .def_readonly("name", &HandModel::name)
      .def_readonly("vertex_count", &HandModel::vertexCount)
      .def_property_readonly(
          "faces",
          [](const HandModel& h) {
            py::array_t<std::int64_t> f({py::ssize_t(h.faces.size()), py::ssize_t(3)});
            for (std::size_t i = 0; i < h.faces.size(); ++i)
              for (int k = 0; k < 3; ++k)
                f.mutable_at(py::ssize_t(i), k) = h.faces[i][std::size_t(k)];
            return f;
          })
      .def_property_readonly("face_labels",
                             [](const HandModel& h) {
                               const std::vector<std::uint8_t> l = h.faceLabels();
                               py::array_t<std::uint8_t> a(py::ssize_t(l.size()));
                               std::memcpy(a.mutable_data(), l.data(), l.size());
                               return a;
                             })
      .def(
          "regress_joints",
          [](const HandModel& h, F64 vertices) {
            const Points v = points(vertices, "vertices", h.vertexCount);
            const Points j = h.regressJoints(viewOf(v));
            py::array_t<double> out({py::ssize_t(j.rows()), py::ssize_t(3)});
            std::memcpy(out.mutable_data(), j.data(), sizeof(double) * std::size_t(j.size()));
            return out;
          },
          py::arg("vertices"));
}
