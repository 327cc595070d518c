#include "GenericDataset.h"

#include "io/ImageIO.h"
#include "util/Error.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>

namespace handalign {
namespace fs = std::filesystem;
namespace {

// Reads an R×3 list of numbers; rows = -1 accepts any count. Throws std::runtime_error.
Points readRows(simdjson::dom::element e, const char* key, int rows) {
  simdjson::dom::array list;
  if (e.get_array().get(list))
    throw std::runtime_error(std::string("\"") + key + "\" must be a list of [x, y, z]");
  Points p(Eigen::Index(list.size()), 3);
  Eigen::Index i = 0;
  for (simdjson::dom::element row : list) {
    simdjson::dom::array xyz;
    if (row.get_array().get(xyz) || xyz.size() != 3)
      throw std::runtime_error(std::string("\"") + key + "\" row " + std::to_string(i) +
                               " must have 3 numbers");
    int k = 0;
    for (simdjson::dom::element v : xyz) {
      double d;
      if (v.get_double().get(d))
        throw std::runtime_error(std::string("\"") + key + "\" holds a non-number");
      if (!std::isfinite(d))
        throw std::runtime_error(std::string("\"") + key + "\" holds NaN or infinity");
      p(i, k++) = d;
    }
    ++i;
  }
  if (rows >= 0 && p.rows() != rows)
    throw std::runtime_error(std::string("\"") + key + "\" has " + std::to_string(p.rows()) +
                             " rows, expected " + std::to_string(rows));
  return p;
}

std::optional<fs::path> firstExisting(const fs::path& stem,
                                      std::initializer_list<const char*> exts) {
  std::error_code ec;
  for (const char* e : exts) {
    fs::path p = stem;
    p += e;
    if (fs::is_regular_file(p, ec)) return p;
  }
  return std::nullopt;
}

void copyInto(NumericArray& a, std::size_t i, const Points& p) {
  std::copy(p.data(), p.data() + p.size(), a.mutableItem(i));
}

}  // namespace

GenericDataset::GenericDataset(fs::path root, std::string split)
    : root_(std::move(root)), dir_(root_ / split), split_(std::move(split)) {
  std::error_code ec;
  const fs::path annotations = dir_ / "annotations";
  if (!fs::is_directory(annotations, ec)) throw InputError(annotations, "no such folder");
  for (const auto& entry : fs::directory_iterator(annotations, ec))
    if (entry.path().extension() == ".json") ids_.push_back(entry.path().stem().string());
  std::sort(ids_.begin(), ids_.end());
  if (ids_.empty()) throw InputError(annotations, "holds no <id>.json annotation");

  simdjson::dom::parser parser;
  std::vector<Points> ks, joints, verts;
  for (const std::string& id : ids_) {
    const fs::path file = annotations / (id + ".json");
    simdjson::dom::element doc;
    if (const auto err = parser.load(file.string()).get(doc))
      throw InputError(file, std::string("not valid JSON (") + simdjson::error_message(err) + ")");
    try {
      simdjson::dom::element e;
      if (doc.at_key("K").get(e)) throw std::runtime_error("missing \"K\"");
      ks.push_back(readRows(e, "K", 3));
      if (!doc.at_key("joints").get(e)) joints.push_back(readRows(e, "joints", 21));
      if (!doc.at_key("vertices").get(e)) verts.push_back(readRows(e, "vertices", -1));
      std::string_view side = "right";
      if (!doc.at_key("hand").get(e) &&
          (e.get_string().get(side) || (side != "left" && side != "right")))
        throw std::runtime_error("\"hand\" must be \"left\" or \"right\"");
      sides_.push_back(side == "left" ? HandSide::Left : HandSide::Right);
    } catch (const std::exception& ex) {
      throw InputError(file, ex.what());
    }
    if ((!joints.empty() && joints.size() != ks.size()) ||
        (!verts.empty() && verts.size() != ks.size()))
      throw InputError(
          file,
          "lacks joints or vertices that earlier samples have (all samples need the same keys)");
    if (verts.size() > 1 && verts.back().rows() != verts.front().rows())
      throw InputError(file, "has " + std::to_string(verts.back().rows()) +
                                 " vertices, earlier samples have " +
                                 std::to_string(verts.front().rows()));
  }
  if ((!joints.empty() && joints.size() != ks.size()) ||
      (!verts.empty() && verts.size() != ks.size()))
    throw InputError(annotations, "some samples lack joints or vertices that others have");

  k_ = NumericArray(ks.size(), 3, 3);
  for (std::size_t i = 0; i < ks.size(); ++i) copyInto(k_, i, ks[i]);
  if (!joints.empty()) {
    joints_ = NumericArray(joints.size(), 21, 3);
    for (std::size_t i = 0; i < joints.size(); ++i) copyInto(joints_, i, joints[i]);
  }
  if (!verts.empty()) {
    vertices_ = NumericArray(verts.size(), int(verts.front().rows()), 3);
    for (std::size_t i = 0; i < verts.size(); ++i) copyInto(vertices_, i, verts[i]);
  }
  std::tie(width_, height_) = imageSize(imagePath(0));

  simdjson::dom::element meta;
  const fs::path metaFile = root_ / "dataset.json";
  std::string_view model;
  if (!parser.load(metaFile.string()).get(meta) &&
      !meta.at_key("hand_model").get_string().get(model))
    handModel_ = root_ / std::string(model);
  else if (fs::is_regular_file(root_ / "hand_model.json", ec))
    handModel_ = root_ / "hand_model.json";
}

Intrinsics GenericDataset::intrinsics(std::size_t i) const {
  return Intrinsics::fromRowMajor(k_.item(i));
}

fs::path GenericDataset::imagePath(std::size_t i) const {
  const fs::path stem = dir_ / "images" / ids_[i];
  if (auto p = firstExisting(stem, {".jpg", ".png", ".jpeg"})) return *p;
  fs::path p = stem;
  return p += ".jpg";  // reported as missing by whoever reads it
}

std::optional<fs::path> GenericDataset::maskPath(std::size_t i) const {
  return firstExisting(dir_ / "masks" / ids_[i], {".png", ".jpg"});
}

}  // namespace handalign
