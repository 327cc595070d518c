// The square crop around the hand given to a network, and the exact affine between crop and image
// pixels (pixel centres at integer coordinates, as in docs/metrics.md).
#pragma once

#include "inference/ModelManifest.h"
#include "raster/LabelImage.h"

#include <Eigen/Core>
#include <opencv2/core.hpp>

#include <vector>

namespace handalign {

// An axis-aligned box in continuous image coordinates: pixel (col c, row r) covers
// [c − ½, c + ½) × [r − ½, r + ½), so the box of pixels 10..19 is x = 9.5, width = 10.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
  bool empty() const { return !(width > 0 || height > 0); }
};

// The box of the hand pixels (value >= 128) of a mask, mapped to a width×height image when the
// mask has another size. Empty when no pixel is hand.
Box boxOfMask(const Image<std::uint8_t>& mask, int imageWidth, int imageHeight);
// The bounding box of points (e.g. GT joints projected with K).
Box boxOfPoints(const std::vector<Eigen::Vector2d>& points);
// The whole width×height image: x = y = −½.
Box wholeImage(int width, int height);

// Crop = scale · (image − centre) + size/2, the map of the official HandAR / I2L-MeshNet
// preprocessing (the box centre lands on crop coordinate size/2). warpAffine samples crop pixel
// (i, j) at toImage(i, j), so toImage maps network outputs back exactly.
struct CropTransform {
  int size = 0;
  double scale = 1.0;  // crop pixels per image pixel
  double side = 0;     // the square's side in image pixels (size / scale)
  Eigen::Vector2d centre = Eigen::Vector2d::Zero();

  Eigen::Vector2d toImage(const Eigen::Vector2d& crop) const;
  Eigen::Vector2d toCrop(const Eigen::Vector2d& image) const;
};

// The crop's affine as the HandAR / I2L-MeshNet releases compute it (gen_trans_from_patch_cv, no
// rotation, scale 1): the box centre and the centre plus half the side down and right as float32
// points, mapped to (S/2, S/2), (S/2, S), (S, S/2) by cv::getAffineTransform, rounded to float32.
cv::Matx23d officialCropMatrix(const CropTransform& crop);

// The square of side max(width, height) · enlarge around the box centre, resampled to size².
// Throws std::invalid_argument for an empty box.
CropTransform squareCrop(const Box& box, double enlarge, int size);

// Warps an 8-bit BGR image into the crop (bilinear, black outside the image) and writes it planar
// (3 × size × size floats) in the manifest's channel order: x = (pixel · scale − mean) / std.
// With ModelManifest::Warp::Official the warp and the arithmetic are the official releases' (see
// officialCropMatrix), bit for bit.

void cropAndNormalise(const cv::Mat& bgr, const CropTransform& crop, const ModelManifest& manifest,
                      float* out);

// Maps a label map covering the crop (any resolution: label pixel centres spread over the crop
// with the pixel-centre convention) onto a width×height image: nearest label, 0 outside the crop.
Image<std::uint8_t> cropLabelsToImage(const Image<std::uint8_t>& labels, const CropTransform& crop,
                                      int width, int height);

}  // namespace handalign
