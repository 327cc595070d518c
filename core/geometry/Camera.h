// Pinhole intrinsics (OpenCV convention, pixel centres at integer coordinates) and projection.
#pragma once

#include <Eigen/Core>

namespace handalign {

struct Intrinsics {
  Eigen::Matrix3d K = Eigen::Matrix3d::Identity();

  // u = fx·X/Z + skew·Y/Z + cx, v = fy·Y/Z + cy.
  Eigen::Vector2d project(const Eigen::Vector3d& p) const;
  // K for the same camera on an image resampled from width×height to newWidth×newHeight,
  // keeping pixel centres at integer coordinates (docs/metrics.md).
  Intrinsics rescaled(int width, int height, int newWidth, int newHeight) const;
  bool isFinite() const { return K.allFinite(); }
  // From 9 numbers in row-major order (a K as stored in JSON).
  static Intrinsics fromRowMajor(const double* k);
};

}  // namespace handalign
