// Renders a shaded hand mesh over a procedural background: the RGB images of synthetic datasets.
#pragma once

#include "geometry/Camera.h"
#include "geometry/Points.h"
#include "raster/Rasterizer.h"

#include <cstdint>
#include <random>
#include <vector>

namespace handalign {

struct SceneStyle {
  Eigen::Vector3d skin{0.80, 0.62, 0.52};  // RGB in [0,1]
  Eigen::Vector3d light{0.3, -0.5, -1.0};  // direction towards the light, camera frame
  double ambient = 0.35;
  std::uint64_t backgroundSeed = 0;

  static SceneStyle random(std::mt19937_64& rng);
};

// Returns width·height·3 bytes, B G R order. `raster` must hold the mesh's rasterization
// (rasterize() of the same vertices, faces and K); it is reused for the silhouette mask.
std::vector<std::uint8_t> renderScene(PointsView vertices, const Faces& faces, const Raster& raster,
                                      const Intrinsics& K, const SceneStyle& style);

}  // namespace handalign
