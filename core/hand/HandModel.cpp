#include "hand/HandModel.h"

#include "io/AtomicFile.h"
#include "io/JsonWriter.h"
#include "util/Error.h"

#include <simdjson.h>

#include <cmath>
#include <stdexcept>

namespace handalign {
namespace {

constexpr const char* kFormat = "handalign.hand_model";

std::runtime_error bad(const std::string& what) { return std::runtime_error(what); }

int64_t asInt(simdjson::dom::element e, const char* what) {
  int64_t v;
  if (e.get_int64().get(v)) throw bad(std::string(what) + " must be an integer");
  return v;
}

// An index or count: an integer in [lo, hi], never wrapped into int (2^32 + 800 is not 800).
int asIndex(simdjson::dom::element e, const char* what, int64_t lo, int64_t hi) {
  const int64_t v = asInt(e, what);
  if (v < lo || v > hi)
    throw bad(std::string(what) + " " + std::to_string(v) + " is out of range " +
              std::to_string(lo) + ".." + std::to_string(hi));
  return int(v);
}

constexpr int64_t kMaxVertices = 10'000'000;

double asDouble(simdjson::dom::element e, const char* what) {
  double v;
  if (e.get_double().get(v)) throw bad(std::string(what) + " must be a number");
  if (!std::isfinite(v)) throw bad(std::string(what) + " is not finite");
  return v;
}

simdjson::dom::array asArray(simdjson::dom::element e, const char* what) {
  simdjson::dom::array a;
  if (e.get_array().get(a)) throw bad(std::string(what) + " must be a list");
  return a;
}

simdjson::dom::element field(simdjson::dom::object o, const char* key) {
  simdjson::dom::element e;
  if (o.at_key(key).get(e)) throw bad(std::string("missing key \"") + key + "\"");
  return e;
}

// A nested numeric list of exactly `shape`, flattened row-major.
void flatten(simdjson::dom::element e, const std::vector<std::size_t>& shape, std::size_t depth,
             const std::string& what, std::vector<double>& out) {
  if (depth == shape.size()) {
    out.push_back(asDouble(e, what.c_str()));
    return;
  }
  simdjson::dom::array a = asArray(e, what.c_str());
  if (a.size() != shape[depth])
    throw bad(what + " has " + std::to_string(a.size()) + " entries at depth " +
              std::to_string(depth) + ", expected " + std::to_string(shape[depth]));
  for (simdjson::dom::element x : a) flatten(x, shape, depth + 1, what, out);
}

Eigen::MatrixXd matrix(simdjson::dom::object o, const char* key, std::vector<std::size_t> shape,
                       Eigen::Index rows, Eigen::Index cols) {
  std::vector<double> v;
  flatten(field(o, key), shape, 0, std::string("\"mano.") + key + "\"", v);
  return Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
      v.data(), rows, cols);
}

std::shared_ptr<const ManoModel> parseMano(simdjson::dom::element e, const Points& rest) {
  simdjson::dom::object o;
  if (e.get_object().get(o)) throw bad("\"mano\" must be an object");
  auto m = std::make_shared<ManoModel>();
  if (rest.rows() == 0) throw bad("\"mano\" needs \"rest_vertices\" (MANO's v_template)");
  m->templateVertices = rest;
  const std::size_t v = std::size_t(rest.rows());
  std::string_view side;
  if (field(o, "side").get_string().get(side) || (side != "right" && side != "left"))
    throw bad("\"mano.side\" must be \"right\" or \"left\"");
  m->side = std::string(side);
  simdjson::dom::array shapes = asArray(field(o, "shapedirs"), "\"mano.shapedirs\"");
  std::size_t s = 0;
  for (simdjson::dom::element row : shapes) {  // the number of shape coefficients, from row 0
    simdjson::dom::array xyz = asArray(row, "\"mano.shapedirs\"");
    simdjson::dom::element x0;
    if (xyz.at(0).get(x0)) throw bad("\"mano.shapedirs\" rows must be 3×S");
    s = asArray(x0, "\"mano.shapedirs\"").size();
    break;
  }
  if (s == 0 || s > 300) throw bad("\"mano.shapedirs\" must be V×3×S with 1 <= S <= 300");
  m->shapeDirs = matrix(o, "shapedirs", {v, 3, s}, Eigen::Index(3 * v), Eigen::Index(s));
  m->poseDirs = matrix(o, "posedirs", {v, 3, 135}, Eigen::Index(3 * v), 135);
  m->jointRegressor = matrix(o, "joint_regressor", {16, v}, 16, Eigen::Index(v));
  m->skinningWeights = matrix(o, "weights", {v, 16}, Eigen::Index(v), 16);
  m->handsComponents = matrix(o, "hands_components", {45, 45}, 45, 45);
  m->handsMean = matrix(o, "hands_mean", {45}, 45, 1).col(0);
  std::size_t k = 0;
  for (simdjson::dom::element p : asArray(field(o, "parents"), "\"mano.parents\"")) {
    if (k == 16) throw bad("\"mano.parents\" must list 16 joints");
    m->parents[k++] = asIndex(p, "a MANO parent", -1, 15);
  }
  if (k != 16) throw bad("\"mano.parents\" must list 16 joints");
  k = 0;
  for (simdjson::dom::element t : asArray(field(o, "tip_vertices"), "\"mano.tip_vertices\"")) {
    if (k == 5) throw bad("\"mano.tip_vertices\" must list 5 vertices");
    m->tipVertices[k++] = asIndex(t, "a MANO tip vertex", 0, int64_t(v) - 1);
  }
  if (k != 5) throw bad("\"mano.tip_vertices\" must list 5 vertices");
  m->validate();
  return m;
}

HandModel parse(simdjson::dom::element root) {
  simdjson::dom::object o;
  if (root.get_object().get(o)) throw bad("top level must be an object");
  std::string_view format;
  if (field(o, "format").get_string().get(format) || format != kFormat)
    throw bad(std::string("\"format\" must be \"") + kFormat + "\" (is this a hand-model file?)");
  if (asInt(field(o, "version"), "\"version\"") != 1)
    throw bad("unsupported \"version\" (expected 1)");

  HandModel m;
  std::string_view name;
  if (!o.at_key("name").get_string().get(name)) m.name = std::string(name);
  m.vertexCount = asIndex(field(o, "vertex_count"), "\"vertex_count\"", 1, kMaxVertices);
  const int64_t lastVertex = m.vertexCount - 1;

  for (simdjson::dom::element f : asArray(field(o, "faces"), "\"faces\"")) {
    simdjson::dom::array tri = asArray(f, "each face");
    if (tri.size() != 3)
      throw bad("face " + std::to_string(m.faces.size()) + " does not have 3 indices");
    std::array<int, 3> face{};
    int k = 0;
    for (simdjson::dom::element i : tri)
      face[std::size_t(k++)] = asIndex(i, "a face index", 0, lastVertex);
    m.faces.push_back(face);
  }

  simdjson::dom::array partNames = asArray(field(o, "part_names"), "\"part_names\"");
  std::size_t p = 0;
  for (simdjson::dom::element n : partNames) {
    std::string_view s;
    if (n.get_string().get(s) || p >= kPartNames.size() || s != kPartNames[p])
      throw bad("\"part_names\" must be palm, thumb, index, middle, ring, pinky in that order");
    ++p;
  }
  if (p != kPartNames.size()) throw bad("\"part_names\" must list the 6 parts");

  for (simdjson::dom::element v : asArray(field(o, "vertex_parts"), "\"vertex_parts\"")) {
    const int64_t part = asInt(v, "a vertex part");
    if (part < 0 || part >= kPartCount)
      throw bad("vertex part " + std::to_string(part) + " is not in 0..5");
    m.vertexParts.push_back(static_cast<Part>(part));
  }

  // The joints are FreiHAND's, in FreiHAND's order: a model of another joint order would be
  // compared joint by joint against the wrong ground truth.
  std::size_t jn = 0;
  for (simdjson::dom::element n : asArray(field(o, "joint_names"), "\"joint_names\"")) {
    std::string_view s;
    if (n.get_string().get(s) || jn >= kJointNames.size() || s != kJointNames[jn])
      throw bad(
          "\"joint_names\" must be FreiHAND's 21 joints in FreiHAND order (wrist, "
          "thumb_mcp, ..., pinky_tip; docs/hand_model.md); entry " +
          std::to_string(jn) + " is not \"" +
          std::string(jn < kJointNames.size() ? kJointNames[jn] : "") + "\"");
    ++jn;
  }
  if (jn != kJointNames.size()) throw bad("\"joint_names\" must list the 21 FreiHAND joints");

  simdjson::dom::array rows = asArray(field(o, "joint_regressor"), "\"joint_regressor\"");
  if (rows.size() != kJointCount) throw bad("\"joint_regressor\" must have 21 rows");
  std::size_t j = 0;
  for (simdjson::dom::element row : rows) {
    for (simdjson::dom::element pair : asArray(row, "a regressor row")) {
      simdjson::dom::array pv = asArray(pair, "a regressor entry");
      if (pv.size() != 2) throw bad("regressor entries must be [vertex, weight]");
      m.jointRegressor[j].push_back({asIndex(pv.at(0), "a regressor vertex", 0, lastVertex),
                                     asDouble(pv.at(1), "a regressor weight")});
    }
    ++j;
  }

  simdjson::dom::element rest;
  if (!o.at_key("rest_vertices").get(rest)) {
    simdjson::dom::array verts = asArray(rest, "\"rest_vertices\"");
    m.restVertices.resize(Eigen::Index(verts.size()), 3);
    Eigen::Index i = 0;
    for (simdjson::dom::element v : verts) {
      simdjson::dom::array xyz = asArray(v, "a rest vertex");
      if (xyz.size() != 3)
        throw bad("rest vertex " + std::to_string(i) + " does not have 3 coordinates");
      int k = 0;
      for (simdjson::dom::element c : xyz)
        m.restVertices(i, k++) = asDouble(c, "a rest coordinate");
      ++i;
    }
  }
  simdjson::dom::element mano;
  if (!o.at_key("mano").get(mano)) m.mano = parseMano(mano, m.restVertices);
  m.validate();
  if (m.mano && m.mano->vertexCount() != m.vertexCount)
    throw bad("\"mano\" is for " + std::to_string(m.mano->vertexCount()) + " vertices");
  return m;
}

}  // namespace

std::vector<std::uint8_t> HandModel::faceLabels() const {
  std::vector<std::uint8_t> labels(faces.size());
  for (std::size_t f = 0; f < faces.size(); ++f) {
    const Part a = vertexParts[std::size_t(faces[f][0])];
    const Part b = vertexParts[std::size_t(faces[f][1])];
    const Part c = vertexParts[std::size_t(faces[f][2])];
    const Part major = (b == c) ? b : a;  // a==b or a==c or all differ → a
    labels[f] = labelOf(major);
  }
  return labels;
}

Points HandModel::regressJoints(PointsView vertices) const {
  Points joints = Points::Zero(kJointCount, 3);
  for (int j = 0; j < kJointCount; ++j)
    for (const RegressorWeight& w : jointRegressor[std::size_t(j)])
      joints.row(j) += w.weight * vertices.row(w.vertex);
  return joints;
}

void HandModel::validate() const {
  if (vertexCount <= 0) throw bad("\"vertex_count\" must be positive");
  if (faces.empty()) throw bad("\"faces\" is empty");
  for (std::size_t f = 0; f < faces.size(); ++f)
    for (int i : faces[f])
      if (i < 0 || i >= vertexCount)
        throw bad("face " + std::to_string(f) + " uses vertex " + std::to_string(i) +
                  ", outside 0.." + std::to_string(vertexCount - 1));
  if (int(vertexParts.size()) != vertexCount)
    throw bad("\"vertex_parts\" has " + std::to_string(vertexParts.size()) + " entries, expected " +
              std::to_string(vertexCount));
  for (int j = 0; j < kJointCount; ++j) {
    if (jointRegressor[std::size_t(j)].empty())
      throw bad("joint regressor row " + std::to_string(j) + " is empty");
    for (const RegressorWeight& w : jointRegressor[std::size_t(j)])
      if (w.vertex < 0 || w.vertex >= vertexCount)
        throw bad("joint regressor row " + std::to_string(j) + " uses vertex " +
                  std::to_string(w.vertex));
  }
  if (restVertices.rows() != 0 && restVertices.rows() != vertexCount)
    throw bad("\"rest_vertices\" has " + std::to_string(restVertices.rows()) + " rows, expected " +
              std::to_string(vertexCount));
}

HandModel loadHandModel(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path, "no such file");
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (const auto err = parser.load(path.string()).get(root))
    throw InputError(path, std::string("not valid JSON (") + simdjson::error_message(err) + ")");
  try {
    return parse(root);
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    throw InputError(path, std::string("not a valid hand model: ") + e.what());
  }
}

void saveHandModel(const HandModel& model, const std::filesystem::path& path) {
  model.validate();
  JsonWriter w(0);
  w.beginObject().key("format").value(kFormat).key("version").value(1);
  w.key("name").value(model.name).key("vertex_count").value(model.vertexCount);
  w.key("faces").beginArray();
  for (const auto& f : model.faces) w.array(std::vector<std::int64_t>{f[0], f[1], f[2]});
  w.endArray();
  w.key("part_names").beginArray();
  for (auto n : kPartNames) w.value(n);
  w.endArray();
  std::vector<std::int64_t> parts;
  for (Part p : model.vertexParts) parts.push_back(std::int64_t(p));
  w.key("vertex_parts").array(parts);
  w.key("joint_names").beginArray();
  for (auto n : kJointNames) w.value(n);
  w.endArray();
  w.key("joint_regressor").beginArray();
  for (const auto& row : model.jointRegressor) {
    w.beginArray();
    for (const auto& e : row) w.array(std::vector<double>{double(e.vertex), e.weight});
    w.endArray();
  }
  w.endArray();
  if (model.restVertices.rows() > 0) {
    w.key("rest_vertices").beginArray();
    for (Eigen::Index i = 0; i < model.restVertices.rows(); ++i)
      w.array(std::vector<double>{model.restVertices(i, 0), model.restVertices(i, 1),
                                  model.restVertices(i, 2)});
    w.endArray();
  }
  w.endObject();
  writeFileAtomically(path, w.str());
}

}  // namespace handalign
