#include "geometry/Camera.h"

namespace handalign {

Eigen::Vector2d Intrinsics::project(const Eigen::Vector3d& p) const {
  const double x = p.x() / p.z();
  const double y = p.y() / p.z();
  return {K(0, 0) * x + K(0, 1) * y + K(0, 2), K(1, 1) * y + K(1, 2)};
}

Intrinsics Intrinsics::fromRowMajor(const double* k) {
  Intrinsics in;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) in.K(r, c) = k[r * 3 + c];
  return in;
}

Intrinsics Intrinsics::rescaled(int width, int height, int newWidth, int newHeight) const {
  const double sx = double(newWidth) / width;
  const double sy = double(newHeight) / height;
  Intrinsics out = *this;
  out.K(0, 0) = sx * K(0, 0);
  out.K(0, 1) = sx * K(0, 1);
  out.K(1, 1) = sy * K(1, 1);
  // Pixel centres sit at integer coordinates: pixel edges are at -0.5, so scale about -0.5.
  out.K(0, 2) = sx * (K(0, 2) + 0.5) - 0.5;
  out.K(1, 2) = sy * (K(1, 2) + 0.5) - 0.5;
  return out;
}

}  // namespace handalign
