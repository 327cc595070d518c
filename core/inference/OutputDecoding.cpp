#include "inference/OutputDecoding.h"

#include <Eigen/LU>

#include <cmath>
#include <stdexcept>
#include <string>

namespace handalign {

Eigen::Vector2d cropToImage(const Eigen::Vector2d& crop, const SampleFrame& frame) {
  Eigen::Vector2d uv = frame.crop.toImage(crop);
  if (frame.mirrored) uv.x() = frame.imageWidth - 1 - uv.x();
  return uv;
}

Eigen::Vector3d lixelToCamera(const Eigen::Vector3d& lixel, const ModelManifest& m,
                              const SampleFrame& frame) {
  const double bins = m.lixelBins, size = frame.crop.size;
  const Eigen::Vector2d uv =
      cropToImage(Eigen::Vector2d(lixel.x() / bins * size, lixel.y() / bins * size), frame);
  const double z = (lixel.z() / bins * 2.0 - 1.0) * (m.depthBox / 2.0) + frame.root.z();
  return z * (frame.intrinsics.K.inverse() * Eigen::Vector3d(uv.x(), uv.y(), 1.0));
}

Points decodePoints(const float* data, int rows, const ModelManifest& m, const SampleFrame& frame) {
  Points out(rows, 3);
  if (m.frame != CoordinateFrame::Lixel) {
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < 3; ++c) out(r, c) = double(data[std::size_t(r) * 3 + c]);
    return out;
  }
  for (int r = 0; r < rows; ++r) {
    const float* p = data + std::size_t(r) * 3;
    out.row(r) = lixelToCamera(Eigen::Vector3d(p[0], p[1], p[2]), m, frame).transpose();
  }
  return out;
}

Points fromCropCamera(const Points& points, const Eigen::Vector3d& camera, const ModelManifest& m,
                      const SampleFrame& frame) {
  const double s = camera.x();
  if (!(s > 0) || !std::isfinite(s) || !camera.allFinite())
    throw std::invalid_argument("a crop camera scale s of " + std::to_string(s) + " (must be > 0)");
  const double f = m.cropFocal, sc = m.cropSize, toNet = frame.crop.size / sc;
  const Eigen::Vector3d t(camera.y(), camera.z(), 2 * f / (sc * s));
  const Eigen::Matrix3d& K = frame.intrinsics.K;
  const double focalInImage = f * toNet / frame.crop.scale, fK = (K(0, 0) + K(1, 1)) / 2;
  const Eigen::Matrix3d Kinv = K.inverse();
  Points out(points.rows(), 3);
  for (Eigen::Index i = 0; i < points.rows(); ++i) {
    const Eigen::Vector3d p = points.row(i).transpose() + t;
    const Eigen::Vector2d crop(f * p.x() / p.z() + sc / 2, f * p.y() / p.z() + sc / 2);
    const Eigen::Vector2d uv = cropToImage(crop * toNet, frame);
    const double z = p.z() * fK / focalInImage;
    out.row(i) = (z * (Kinv * Eigen::Vector3d(uv.x(), uv.y(), 1.0))).transpose();
  }
  return out;
}

Points fromRootRelative(const Points& points, const Eigen::Vector3d& outputRoot,
                        const SampleFrame& frame) {
  Points out(points.rows(), 3);
  for (Eigen::Index i = 0; i < points.rows(); ++i) {
    Eigen::Vector3d p = points.row(i).transpose() - outputRoot;
    if (frame.mirrored) p.x() = -p.x();
    out.row(i) = (p + frame.root).transpose();
  }
  return out;
}

Points toHandModelOrder(const Points& network, const std::vector<int>& vertexOrder) {
  if (vertexOrder.empty()) return network;
  Points out(Eigen::Index(vertexOrder.size()), 3);
  for (std::size_t i = 0; i < vertexOrder.size(); ++i)
    out.row(Eigen::Index(i)) = network.row(vertexOrder[i]);
  return out;
}

void roundPoints(Points& points, double step) {
  for (Eigen::Index i = 0; i < points.size(); ++i)
    points.data()[i] = std::round(points.data()[i] / step) * step;
}

}  // namespace handalign
