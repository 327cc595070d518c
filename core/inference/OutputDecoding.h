// Network outputs to camera-frame metres in the hand model's vertex order: the lixel frame of
// HandAR / I2L-MeshNet, a weak-perspective crop camera, root-relative metres or camera-frame
// coordinates as given (docs/models.md), and mirrored back for a sample of the other hand.
#pragma once

#include "geometry/Camera.h"
#include "geometry/Points.h"
#include "inference/CropGeometry.h"
#include "inference/ModelManifest.h"

#include <vector>

namespace handalign {

// What decoding needs to know about one sample.
struct SampleFrame {
  Intrinsics intrinsics;
  CropTransform crop;
  // Lixel and root-relative frames: the root joint's position (the lixel frame uses its depth).
  Eigen::Vector3d root = Eigen::Vector3d::Zero();
  // A sample of the other hand: the network saw `crop` of the mirrored image (x → W − 1 − x,
  // W = imageWidth); image points of the outputs are mirrored back.
  bool mirrored = false;
  int imageWidth = 0;
};

// Crop coordinates of the network's input to the sample's image (mirrored back when the frame is).
Eigen::Vector2d cropToImage(const Eigen::Vector2d& crop, const SampleFrame& frame);

// One lixel-frame point to the camera frame: u = x / bins · size and v likewise in the crop, then
// crop → image (crop.toImage), Z = (z / bins · 2 − 1) · depthBox / 2 + root.z, and
// (X, Y, Z) = Z · K⁻¹ (u, v, 1), through cropToImage (a mirrored frame: u → W − 1 − u, as
// I2L-MeshNet flips joint_img).
Eigen::Vector3d lixelToCamera(const Eigen::Vector3d& lixel, const ModelManifest& manifest,
                              const SampleFrame& frame);

// Points of a weak-perspective crop camera (HaMeR / WiLoR: focal f over an Sc² crop, camera
// (s, tx, ty)) to the image's camera: P_c = P + (tx, ty, 2f / (Sc · s)); its crop pixel
// f · (X_c, Y_c) / Z_c + Sc/2, scaled to the network crop (· S / Sc), mapped to the image
// (crop.toImage); depth Z = Z_c · f_K / (f · (S / Sc) / crop.scale) with f_K = (fx + fy) / 2, so
// the focal lengths agree; then Z · K⁻¹ (u, v, 1), through cropToImage (for a mirrored frame the
// same as HaMeR / WiLoR negating X and tx). Throws std::invalid_argument when s <= 0.
Points fromCropCamera(const Points& points, const Eigen::Vector3d& camera,
                      const ModelManifest& manifest, const SampleFrame& frame);

// Root-relative points to the camera: P − outputRoot, X negated for a mirrored frame, + frame.root.
Points fromRootRelative(const Points& points, const Eigen::Vector3d& outputRoot,
                        const SampleFrame& frame);

// rows × 3 floats of one sample (network order) to camera-frame metres (crop-camera points as
// they are: fromCropCamera places them).
Points decodePoints(const float* data, int rows, const ModelManifest& manifest,
                    const SampleFrame& frame);

// Hand-model vertex i = network vertex vertexOrder[i] (empty: the same order).
Points toHandModelOrder(const Points& network, const std::vector<int>& vertexOrder);

// Rounds every coordinate to `step` metres (what the prediction files keep).
void roundPoints(Points& points, double step);

}  // namespace handalign
