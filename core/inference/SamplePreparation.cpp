#include "inference/SamplePreparation.h"

#include "inference/JsonFields.h"
#include "io/ImageIO.h"
#include "util/Error.h"

#include <opencv2/imgcodecs.hpp>

#include <Eigen/LU>

#include <cmath>

namespace handalign {
namespace fs = std::filesystem;

namespace {

// A list with one entry per sample of the split.
QJsonArray perSampleList(const fs::path& file, std::size_t count, const char* what) {
  const QJsonDocument doc = readJsonFile(file);
  if (!doc.isArray()) throw InputError(file, std::string("must hold a JSON list of ") + what);
  const QJsonArray a = doc.array();
  if (std::size_t(a.size()) != count)
    throw InputError(file, "has " + std::to_string(a.size()) + " entries, the dataset split has " +
                               std::to_string(count) + " samples");
  return a;
}

std::vector<double> numbers(const QJsonValue& v) {
  std::vector<double> out;
  for (const QJsonValue& x : v.toArray()) out.push_back(x.isDouble() ? x.toDouble() : NAN);
  return out;
}

std::vector<Box> loadBoxes(const fs::path& file, std::size_t count) {
  std::vector<Box> boxes;
  const QJsonArray a = perSampleList(file, count, "[x, y, width, height] boxes");
  for (qsizetype i = 0; i < a.size(); ++i) {
    const std::vector<double> b = numbers(a[i]);
    if (b.size() != 4 || !std::isfinite(b[0] + b[1] + b[2] + b[3]) || b[2] < 0 || b[3] < 0 ||
        !(b[2] > 0 || b[3] > 0))
      throw InputError(file, "entry " + std::to_string(i) +
                                 " is not a box [x, y, width, height] with a positive size");
    boxes.push_back({b[0], b[1], b[2], b[3]});
  }
  return boxes;
}

std::vector<Eigen::Vector3d> loadRoots(const fs::path& file, std::size_t count) {
  std::vector<Eigen::Vector3d> roots;
  const QJsonArray a = perSampleList(file, count, "root depths");
  for (qsizetype i = 0; i < a.size(); ++i) {
    Eigen::Vector3d r(NAN, NAN, NAN);
    if (a[i].isDouble()) r.z() = a[i].toDouble();
    if (a[i].isArray() && a[i].toArray().size() == 3) {  // [X, Y, Z], RootNet's root_cam
      const std::vector<double> xyz = numbers(a[i]);
      r = Eigen::Vector3d(xyz[0], xyz[1], xyz[2]);
      if (!std::isfinite(xyz[0] + xyz[1])) r.z() = NAN;  // refused below
    }
    if (!(r.z() > 0) || !std::isfinite(r.z()))
      throw InputError(file, "entry " + std::to_string(i) +
                                 " is not a depth > 0 in metres (a number, or [X, Y, Z])");
    roots.push_back(r);
  }
  return roots;
}

}  // namespace

SamplePreparer::SamplePreparer(const Dataset& dataset, const ModelManifest& manifest)
    : dataset_(dataset), manifest_(manifest) {
  const bool rooted =
      manifest.frame == CoordinateFrame::Lixel || manifest.frame == CoordinateFrame::RootRelative;
  const auto needJoints = [&](const std::string& what) {
    if (!dataset.hasJoints())
      throw InputError(manifest.file, what + " needs GT joints, the dataset " +
                                          dataset.root().string() + " has none");
  };
  if (manifest.crop == CropSource::Joints) needJoints("crop source \"joints\"");
  if (rooted && manifest.rootDepth == RootDepthSource::GroundTruth)
    needJoints("root depth source \"gt\"");
  if (manifest.crop == CropSource::Box) boxes_ = loadBoxes(manifest.boxFile, dataset.size());
  if (rooted && manifest.rootDepth == RootDepthSource::File)
    roots_ = loadRoots(manifest.rootDepthFile, dataset.size());
}

void SamplePreparer::checkSides(const std::vector<std::size_t>& samples) const {
  if (manifest_.mirrorOther) return;
  for (std::size_t i : samples) {
    if (dataset_.handSide(i) == manifest_.modelSide) continue;
    const std::string which = "sample " + dataset_.sampleId(i) + " of " + dataset_.root().string() +
                              " is a " + handSideName(dataset_.handSide(i)) + " hand";
    // The camera frame cannot mirror: say so rather than suggest what the manifest would refuse.
    if (manifest_.frame == CoordinateFrame::Camera)
      throw InputError(manifest_.file, std::string("is a ") + handSideName(manifest_.modelSide) +
                                           "-hand model in the camera frame, which cannot mirror "
                                           "the other hand, but " +
                                           which + " (run it on samples of its hand only)");
    throw InputError(manifest_.file, std::string("is a ") + handSideName(manifest_.modelSide) +
                                         "-hand model without \"handedness\": {\"mirror_other\": "
                                         "true}, but " +
                                         which);
  }
}

Box SamplePreparer::cropBox(std::size_t sample, int width, int height) const {
  switch (manifest_.crop) {
    case CropSource::Image:
      return wholeImage(width, height);
    case CropSource::Box:
      return boxes_[sample];
    case CropSource::Joints: {
      const Intrinsics k = dataset_.intrinsics(sample);
      const PointsView joints = dataset_.joints(sample);
      std::vector<Eigen::Vector2d> uv;
      for (Eigen::Index j = 0; j < joints.rows(); ++j)
        uv.push_back(k.project(joints.row(j).transpose()));
      return boxOfPoints(uv);
    }
    case CropSource::Mask:
      break;
  }
  const auto mask = dataset_.maskPath(sample);
  if (!mask)
    throw InputError(manifest_.file, "crop source \"mask\" needs masks, sample " +
                                         dataset_.sampleId(sample) + " of " +
                                         dataset_.root().string() + " has none");
  const Box box = boxOfMask(readMask8(*mask), width, height);
  if (box.empty()) throw InputError(*mask, "has no hand pixel (value >= 128) to crop around");
  return box;
}

Eigen::Vector3d SamplePreparer::rootPosition(std::size_t sample, const CropTransform& crop) const {
  Eigen::Vector3d root(NAN, NAN, manifest_.rootDepthValue);
  if (manifest_.rootDepth == RootDepthSource::File) root = roots_[sample];
  if (manifest_.rootDepth == RootDepthSource::GroundTruth) {
    root = dataset_.joints(sample).row(manifest_.rootJoint).transpose();
    if (!root.allFinite() || !(root.z() > 0))
      throw InputError(dataset_.root(), "sample " + dataset_.sampleId(sample) +
                                            " has a GT root joint at (" + std::to_string(root.x()) +
                                            ", " + std::to_string(root.y()) + ", " +
                                            std::to_string(root.z()) + ")");
  }
  if (std::isnan(root.x())) {  // a depth only: on the ray through the crop's centre
    const Eigen::Vector2d c = crop.toImage(Eigen::Vector2d(crop.size / 2.0, crop.size / 2.0));
    root = root.z() * (dataset_.intrinsics(sample).K.inverse() * Eigen::Vector3d(c.x(), c.y(), 1));
  }
  return root;
}

SampleFrame SamplePreparer::prepare(std::size_t sample, float* input) const {
  const fs::path path = dataset_.imagePath(sample);
  const cv::Mat image = cv::imread(path.string(), cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
  if (image.empty()) throw InputError(path, "cannot be read as an image");
  SampleFrame frame;
  frame.intrinsics = dataset_.intrinsics(sample);
  frame.imageWidth = image.cols;
  const Box box = cropBox(sample, image.cols, image.rows);
  if (box.empty())
    throw InputError(path, "has an empty crop box (sample " + dataset_.sampleId(sample) + ")");
  frame.crop = squareCrop(box, manifest_.enlarge, manifest_.inputSize);
  if (manifest_.frame == CoordinateFrame::Lixel ||
      manifest_.frame == CoordinateFrame::RootRelative) {
    frame.root = rootPosition(sample, frame.crop);
  }
  frame.mirrored = dataset_.handSide(sample) != manifest_.modelSide;
  if (!frame.mirrored) {
    cropAndNormalise(image, frame.crop, manifest_, input);
    return frame;
  }
  // The other hand: the image mirrored (x → W − 1 − x) and cropped around the mirrored box, as
  // the HaMeR / I2L-MeshNet releases flip; decoding maps the outputs back (OutputDecoding.h).
  cv::Mat flipped;
  cv::flip(image, flipped, 1);
  Box mirrored = box;
  mirrored.x = image.cols - 1 - box.x - box.width;
  frame.crop = squareCrop(mirrored, manifest_.enlarge, manifest_.inputSize);
  cropAndNormalise(flipped, frame.crop, manifest_, input);
  return frame;
}

}  // namespace handalign
