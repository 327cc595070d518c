#include "inference/OutputDecoding.h"

#include <Eigen/LU>

#include <cmath>

namespace handalign {

Eigen::Vector3d lixelToCamera(const Eigen::Vector3d& lixel, const ModelManifest& m,
                              const SampleFrame& frame) {
  const double bins = m.lixelBins, size = frame.crop.size;
  const Eigen::Vector2d uv =
      frame.crop.toImage(Eigen::Vector2d(lixel.x() / bins * size, lixel.y() / bins * size));
  const double z = (lixel.z() / bins * 2.0 - 1.0) * (m.depthBox / 2.0) + frame.rootDepth;
  return z * (frame.intrinsics.K.inverse() * Eigen::Vector3d(uv.x(), uv.y(), 1.0));
}

Points decodePoints(const float* data, int rows, const ModelManifest& m, const SampleFrame& frame) {
  Points out(rows, 3);
  if (m.frame == CoordinateFrame::Camera) {
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
