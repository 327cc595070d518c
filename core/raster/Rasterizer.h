// Z-buffer rasterizer of a triangle mesh into face-index, depth and label images (docs/metrics.md).
#pragma once

#include "geometry/Camera.h"
#include "geometry/Points.h"
#include "raster/LabelImage.h"

#include <array>
#include <cstdint>
#include <vector>

namespace handalign {

using Faces = std::vector<std::array<int, 3>>;

// Per pixel: the face nearest to the camera at the pixel centre (-1: none) and its depth Z.
struct Raster {
  Image<std::int32_t> face;
  Image<double> depth;  // +inf where no face; empty when rasterized without depth
  // Scratch of the depth test: per pixel the face's barycentric sum S of 1/Z (1/Z = S / area), per
  // face its doubled area and 1 / area.
  Image<double> inverseDepthSum;
  std::vector<double> faceArea, faceInverseArea;
  // Rows [y0, y1] and columns [x0, x1] hold every covered pixel (empty when x1 < x0): later passes
  // and the next clear only visit this box.
  int x0 = 0, y0 = 0, x1 = -1, y1 = -1;

  // Label image: faceLabels[face] where covered, 0 elsewhere.
  void toLabels(const std::vector<std::uint8_t>& faceLabels, LabelImage& out) const;
};

// Renders `faces` of `vertices` (camera frame, metres) with intrinsics K into a width×height
// raster. Faces with a vertex at Z <= 0 are skipped; shared edges are drawn once (top-left rule);
// nearest perspective-correct depth wins, ties go to the lower face index. Reuses out's storage.
// Without `withDepth` the depth image is left empty (the face image is the same).
void rasterize(PointsView vertices, const Faces& faces, const Intrinsics& K, int width, int height,
               Raster& out, bool withDepth = true);

// Convenience: label image of a mesh whose faces carry `faceLabels`.
void renderLabels(PointsView vertices, const Faces& faces,
                  const std::vector<std::uint8_t>& faceLabels, const Intrinsics& K, int width,
                  int height, Raster& scratch, LabelImage& out);

}  // namespace handalign
