#include "inference/SamplePreparation.h"

#include "inference/JsonFields.h"
#include "io/ImageIO.h"
#include "util/Error.h"

#include <opencv2/imgcodecs.hpp>

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

std::vector<double> loadRootDepths(const fs::path& file, std::size_t count) {
  std::vector<double> depths;
  const QJsonArray a = perSampleList(file, count, "root depths");
  for (qsizetype i = 0; i < a.size(); ++i) {
    double z = NAN;
    if (a[i].isDouble()) z = a[i].toDouble();
    if (a[i].isArray() && a[i].toArray().size() == 3) z = numbers(a[i])[2];  // [X, Y, Z]
    if (!(z > 0) || !std::isfinite(z))
      throw InputError(file, "entry " + std::to_string(i) +
                                 " is not a depth > 0 in metres (a number, or [X, Y, Z])");
    depths.push_back(z);
  }
  return depths;
}

}  // namespace

SamplePreparer::SamplePreparer(const Dataset& dataset, const ModelManifest& manifest)
    : dataset_(dataset), manifest_(manifest) {
  const bool lixel = manifest.frame == CoordinateFrame::Lixel;
  const auto needJoints = [&](const std::string& what) {
    if (!dataset.hasJoints())
      throw InputError(manifest.file, what + " needs GT joints, the dataset " +
                                          dataset.root().string() + " has none");
  };
  if (manifest.crop == CropSource::Joints) needJoints("crop source \"joints\"");
  if (lixel && manifest.rootDepth == RootDepthSource::GroundTruth)
    needJoints("root depth source \"gt\"");
  if (manifest.crop == CropSource::Box) boxes_ = loadBoxes(manifest.boxFile, dataset.size());
  if (lixel && manifest.rootDepth == RootDepthSource::File)
    rootDepths_ = loadRootDepths(manifest.rootDepthFile, dataset.size());
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

double SamplePreparer::rootDepth(std::size_t sample) const {
  if (manifest_.frame != CoordinateFrame::Lixel) return 0.0;
  switch (manifest_.rootDepth) {
    case RootDepthSource::Fixed:
      return manifest_.rootDepthValue;
    case RootDepthSource::File:
      return rootDepths_[sample];
    case RootDepthSource::GroundTruth:
      break;
  }
  const double z = dataset_.joints(sample)(manifest_.rootJoint, 2);
  if (!(z > 0))
    throw InputError(dataset_.root(), "sample " + dataset_.sampleId(sample) +
                                          " has a GT root joint at depth " + std::to_string(z));
  return z;
}

SampleFrame SamplePreparer::prepare(std::size_t sample, float* input) const {
  const fs::path path = dataset_.imagePath(sample);
  const cv::Mat image = cv::imread(path.string(), cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
  if (image.empty()) throw InputError(path, "cannot be read as an image");
  SampleFrame frame;
  frame.intrinsics = dataset_.intrinsics(sample);
  const Box box = cropBox(sample, image.cols, image.rows);
  if (box.empty())
    throw InputError(path, "has an empty crop box (sample " + dataset_.sampleId(sample) + ")");
  frame.crop = squareCrop(box, manifest_.enlarge, manifest_.inputSize);
  frame.rootDepth = rootDepth(sample);
  cropAndNormalise(image, frame.crop, manifest_, input);
  return frame;
}

}  // namespace handalign
