#include "inference/ModelManifest.h"

#include "inference/JsonFields.h"
#include "util/Error.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace handalign {
namespace fs = std::filesystem;

namespace {

OutputRef outputRef(const Fields& f, const char* name) {
  OutputRef r;
  const QJsonValue v = f.value(name);
  if (v.isUndefined() || v.isNull()) return r;
  if (v.isString() && !v.toString().isEmpty()) {
    r.key = v.toString().toStdString();
  } else if (v.isDouble() && v.toDouble() >= 0 && v.toDouble() == std::floor(v.toDouble()) &&
             v.toDouble() < 1e6) {
    r.index = int(v.toDouble());
  } else {
    f.fail(name, "must be a dict key (string) or a tuple index (integer >= 0)");
  }
  return r;
}

// A file the manifest names must be a regular file (never a device, FIFO or folder).
fs::path requireRegularFile(const fs::path& file, const fs::path& manifest, const char* key) {
  std::error_code ec;
  const fs::file_status st = fs::status(file, ec);
  if (!fs::exists(st)) return file;  // named when it is read (with the dataset's sample count)
  if (!fs::is_regular_file(st))
    throw InputError(file, std::string("is not a regular file (") + key + " of " +
                               manifest.string() + " must name a JSON file)");
  return file;
}

std::vector<int> vertexOrder(const Fields& f, const fs::path& dir) {
  const QJsonValue v = f.value("vertex_order");
  if (v.isUndefined() || v.isNull()) return {};
  if (v.isString()) {
    const fs::path file = dir / v.toString().toStdString();
    const QJsonDocument doc = readJsonFile(file);
    if (!doc.isArray() || doc.array().isEmpty())
      throw InputError(file, "must hold a non-empty JSON list of vertex indices");
    return intList(doc.array(), file, "the vertex order");
  }
  if (!v.isArray()) f.fail("vertex_order", "must be a list of vertex indices or a file name");
  // An empty list is no order at all, not "the hand model's own order": omit the key for that.
  if (v.toArray().isEmpty())
    f.fail("vertex_order", "is empty (omit it when the network uses the hand model's order)");
  return intList(v.toArray(), f.file(), "\"vertex_order\"");
}

void readInput(const Fields& root, ModelManifest& m) {
  const Fields f = root.object("input", {"size", "channels", "scale", "mean", "std", "warp"});
  m.inputSize = f.integer("size", 256, 16, 4096);
  const std::string warp =
      f.choice("warp", m.isNative() ? "official" : "uint8", {"official", "uint8"});
  m.warp = warp == "official" ? ModelManifest::Warp::Official : ModelManifest::Warp::Uint8;
  const std::string channels = f.choice("channels", "rgb", {"rgb", "bgr"});
  m.bgr = channels == "bgr";
  m.scale = f.number("scale", 1.0 / 255.0);
  m.mean = f.triple("mean", {0, 0, 0});
  m.std = f.triple("std", {1, 1, 1});
  for (double s : m.std)
    if (s == 0) f.fail("std", "must not be 0");
}

void readCrop(const Fields& root, ModelManifest& m, const fs::path& dir) {
  const Fields f = root.object("crop", {"source", "enlarge", "box_file"});
  const std::string source = f.choice("source", "mask", {"mask", "joints", "box", "image"});
  m.crop = source == "joints"  ? CropSource::Joints
           : source == "box"   ? CropSource::Box
           : source == "image" ? CropSource::Image
                               : CropSource::Mask;
  m.enlarge = f.number("enlarge", 1.25);
  if (!(m.enlarge > 0)) f.fail("enlarge", "must be > 0");
  const std::string box = f.string("box_file", "");
  if (m.crop == CropSource::Box && box.empty())
    f.fail("box_file", "is required with \"source\": \"box\"");
  if (m.crop != CropSource::Box && !box.empty())
    f.fail("box_file", "is given but \"source\" is not \"box\"");
  if (!box.empty()) m.boxFile = requireRegularFile(dir / box, f.file(), "box_file");
}

void readOutputs(const Fields& root, ModelManifest& m) {
  if (m.isNative()) {
    if (root.has("outputs"))
      root.fail("outputs", "is fixed by the native network (rough and refined, lixel frame)");
    return;
  }
  const Fields f = root.object("outputs", {"rough", "refined", "refined_offsets", "joints",
                                           "segmentation", "mano", "camera"});
  m.rough = outputRef(f, "rough");
  m.refined = outputRef(f, "refined");
  m.refinedOffsets = outputRef(f, "refined_offsets");
  m.joints = outputRef(f, "joints");
  m.segmentation = outputRef(f, "segmentation");
  m.camera = outputRef(f, "camera");
  if (f.has("mano")) {
    const Fields mano = f.object(
        "mano", {"pose", "global_orient", "shape", "translation", "pose_format", "flat_hand_mean"});
    m.manoPose = outputRef(mano, "pose");
    m.manoGlobal = outputRef(mano, "global_orient");
    m.manoShape = outputRef(mano, "shape");
    m.manoTranslation = outputRef(mano, "translation");
    if (!m.manoPose.given()) mano.fail("pose", "is required (the MANO pose output)");
    const std::string format =
        mano.choice("pose_format", "axis_angle", {"axis_angle", "rotmat", "pca"});
    m.manoPoseFormat = format == "rotmat" ? ManoPoseFormat::RotationMatrix
                       : format == "pca"  ? ManoPoseFormat::Pca
                                          : ManoPoseFormat::AxisAngle;
    m.manoFlatHandMean = mano.boolean("flat_hand_mean", false);
    if (m.rough.given() || m.refined.given() || m.refinedOffsets.given())
      f.fail("mano",
             "gives the mesh: \"rough\", \"refined\" and \"refined_offsets\" go without it");
  } else if (!m.rough.given()) {
    f.fail("rough", "is required (the output holding the rough mesh M_r), or \"mano\"");
  }
  if (m.refined.given() && m.refinedOffsets.given())
    f.fail("refined_offsets", "and \"refined\" are both given; give one");
}

void readCoordinates(const Fields& root, ModelManifest& m, const fs::path& dir) {
  const Fields f = root.object("coordinates",
                               {"frame", "bins", "depth_box", "root_depth", "focal", "crop_size"});
  const std::string frame = f.choice("frame", m.isNative() ? "lixel" : "camera",
                                     {"camera", "lixel", "crop_camera", "root_relative"});
  m.frame = frame == "lixel"           ? CoordinateFrame::Lixel
            : frame == "crop_camera"   ? CoordinateFrame::CropCamera
            : frame == "root_relative" ? CoordinateFrame::RootRelative
                                       : CoordinateFrame::Camera;
  const bool crop = m.frame == CoordinateFrame::CropCamera;
  for (const char* key : {"focal", "crop_size"})
    if (!crop && f.has(key)) f.fail(key, "applies to the crop_camera frame only");
  m.cropFocal = f.number("focal", 5000);
  m.cropSize = f.number("crop_size", m.inputSize);
  if (!(m.cropFocal > 0) || !(m.cropSize > 0)) f.fail("focal", "and crop_size must be > 0");
  if (crop != m.camera.given())
    f.fail("frame", "\"crop_camera\" needs \"outputs.camera\" (s, tx, ty), and only it does");
  if (m.isNative() && m.frame != CoordinateFrame::Lixel)
    f.fail("frame", "must be \"lixel\" for the native network");
  const bool lixel = m.frame == CoordinateFrame::Lixel;
  for (const char* key : {"bins", "depth_box"})
    if (!lixel && f.has(key)) f.fail(key, "applies to the lixel frame only");
  if (!lixel && m.frame != CoordinateFrame::RootRelative && f.has("root_depth"))
    f.fail("root_depth", "applies to the lixel and root_relative frames only");
  m.lixelBins = f.integer("bins", 64, 1, 1 << 16);
  m.depthBox = f.number("depth_box", 0.3);
  if (!(m.depthBox > 0)) f.fail("depth_box", "must be > 0");
  if (!lixel && m.frame != CoordinateFrame::RootRelative) return;
  const Fields r = f.object("root_depth", {"source", "joint", "file", "value"});
  const std::string source = r.choice("source", "gt", {"gt", "file", "fixed"});
  m.rootDepth = source == "file"    ? RootDepthSource::File
                : source == "fixed" ? RootDepthSource::Fixed
                                    : RootDepthSource::GroundTruth;
  m.rootJoint = r.integer("joint", 0, 0, 20);
  const std::string file = r.string("file", "");
  if ((m.rootDepth == RootDepthSource::File) != !file.empty())
    r.fail("file", "is required with \"source\": \"file\" and only then");
  if (!file.empty()) m.rootDepthFile = requireRegularFile(dir / file, r.file(), "root_depth.file");
  if ((m.rootDepth == RootDepthSource::Fixed) != r.has("value"))
    r.fail("value", "is required with \"source\": \"fixed\" and only then");
  m.rootDepthValue = r.number("value", 0.0);
  if (m.rootDepth == RootDepthSource::Fixed && !(m.rootDepthValue > 0))
    r.fail("value", "must be a depth > 0 in metres");
}

// After the outputs and the frame: which hand the network takes, and whether the other is mirrored.
void readHandedness(const Fields& root, ModelManifest& m) {
  const Fields f = root.object("handedness", {"model", "mirror_other"});
  m.modelSide =
      f.choice("model", "right", {"right", "left"}) == "left" ? HandSide::Left : HandSide::Right;
  m.mirrorOther = f.boolean("mirror_other", false);
  if (m.mirrorOther && m.frame == CoordinateFrame::Camera)
    f.fail("mirror_other",
           "needs a frame tied to the crop (lixel, crop_camera or root_relative): "
           "a mirrored crop has no camera-frame meaning");
  if (m.modelSide == HandSide::Left && m.hasMano())
    f.fail("model",
           "is \"left\" with MANO outputs, but hand models hold a right-hand MANO layer "
           "(mano_to_handmodel.py of MANO_RIGHT.pkl): use a right-hand model with "
           "\"mirror_other\": true");
}

}  // namespace

fs::path manifestPathFor(const fs::path& model) {
  if (model.extension() == ".json") return model;
  fs::path p = model;
  return p.replace_extension(".json");
}

ModelManifest loadModelManifest(const fs::path& model) {
  const fs::path file = fs::absolute(manifestPathFor(model)).lexically_normal();
  std::error_code ec;
  if (file != fs::absolute(model).lexically_normal() && !fs::exists(file, ec))
    throw InputError(model, "has no manifest beside it (expected " + file.filename().string() +
                                "; see docs/models.md)");
  const QJsonDocument doc = readJsonFile(file);
  if (!doc.isObject() || doc.object().value("format").toString() != "handalign.model")
    throw InputError(file,
                     "is not a HandAlign model manifest (no \"format\": \"handalign.model\")");
  const Fields root(file, doc.object(), "",
                    {"format", "version", "name", "architecture", "checkpoint", "hand_model",
                     "vertex_order", "input", "crop", "outputs", "coordinates", "handedness"});
  if (root.integer("version", 0, 0, 1000) != 1)
    root.fail("version", "must be 1 (this HandAlign reads version 1)");
  const fs::path dir = file.parent_path();
  ModelManifest m;
  m.file = file;
  m.name = root.string("name", file.stem().string());
  m.architecture = root.choice("architecture", "torchscript", {"torchscript", "handar"});
  const std::string checkpoint = root.string("checkpoint", "");
  if (checkpoint.empty()) root.fail("checkpoint", "is required (the checkpoint file's name)");
  m.checkpoint = (dir / checkpoint).lexically_normal();
  if (!fs::is_regular_file(m.checkpoint, ec))
    throw InputError(m.checkpoint, "no such file (the checkpoint named by " + file.string() + ")");

  const Fields hand = root.object("hand_model", {"name", "vertex_count"});
  m.handModelName = hand.string("name", "");
  if (!hand.has("vertex_count")) hand.fail("vertex_count", "is required");
  m.vertexCount = hand.integer("vertex_count", 0, 1, 1 << 24);
  m.vertexOrder = vertexOrder(root, dir);
  readInput(root, m);
  readCrop(root, m, dir);
  readOutputs(root, m);
  readCoordinates(root, m, dir);
  readHandedness(root, m);
  return m;
}

void checkManifestAgainstHandModel(const ModelManifest& m, const std::string& handModelName,
                                   int handModelVertices) {
  const auto fail = [&](const std::string& problem) { throw InputError(m.file, problem); };
  if (m.vertexCount != handModelVertices)
    fail("is for a hand model of " + std::to_string(m.vertexCount) + " vertices, the hand model " +
         handModelName + " has " + std::to_string(handModelVertices));
  if (!m.handModelName.empty() && m.handModelName != handModelName)
    fail("is for the hand model \"" + m.handModelName + "\", the evaluation uses \"" +
         handModelName + "\" (give the right --hand-model)");
  if (m.vertexOrder.empty()) return;
  if (int(m.vertexOrder.size()) != m.vertexCount)
    fail("vertex_order has " + std::to_string(m.vertexOrder.size()) + " entries, the hand model " +
         std::to_string(m.vertexCount) + " vertices");
  std::vector<bool> seen(m.vertexOrder.size(), false);
  for (int v : m.vertexOrder) {
    if (v < 0 || v >= m.vertexCount)
      fail("vertex_order holds " + std::to_string(v) + ", outside 0.." +
           std::to_string(m.vertexCount - 1));
    if (seen[std::size_t(v)])
      fail("vertex_order is not a permutation (" + std::to_string(v) + " appears twice)");
    seen[std::size_t(v)] = true;
  }
}

}  // namespace handalign
