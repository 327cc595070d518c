// A model = a checkpoint + the JSON manifest beside it (docs/models.md): input, crop, outputs and
// their coordinate frame, vertex order and hand model.
#pragma once

#include "dataset/Dataset.h"

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

enum class CropSource { Mask, Joints, Box, Image };
// Camera: camera-frame metres as given. Lixel: HandAR / I2L-MeshNet's lixel frame. CropCamera: a
// weak-perspective crop camera (HaMeR, WiLoR): metres in a camera of focal `cropFocal` pixels over
// a `cropSize`² crop, placed by the `camera` output (s, tx, ty). RootRelative: metres relative
// to the output's root joint, placed at the sample's root position (RootDepthSource).
enum class CoordinateFrame { Camera, Lixel, CropCamera, RootRelative };
// MANO pose outputs: 48 (or 45 without the global rotation) axis-angle values, rotation matrices
// (16 or 15 × 3×3), or PCA coefficients (3 + n, or n).
enum class ManoPoseFormat { AxisAngle, RotationMatrix, Pca };
enum class RootDepthSource { GroundTruth, File, Fixed };

// Which element of the network's output: a key of a returned dict, or an index into a returned
// tuple / list (index 0 also names a single returned tensor).
struct OutputRef {
  std::string key;  // non-empty: dict key
  int index = -1;   // >= 0: tuple / list index
  bool given() const { return !key.empty() || index >= 0; }
  std::string str() const { return key.empty() ? "#" + std::to_string(index) : "\"" + key + "\""; }
};

struct ModelManifest {
  std::filesystem::path file;        // the manifest itself (absolute)
  std::string name;                  // for provenance; defaults to the manifest's stem
  std::string architecture;          // "torchscript" or "handar" (the native network)
  std::filesystem::path checkpoint;  // absolute

  std::string handModelName;  // the hand model the vertices belong to (empty: not checked)
  int vertexCount = 0;
  // Hand-model vertex i is network vertex vertexOrder[i]; empty = the same order.
  std::vector<int> vertexOrder;

  int inputSize = 256;  // square crop side, pixels
  bool bgr = false;     // channel order given to the network
  double scale = 1.0 / 255.0;
  std::array<double, 3> mean{0, 0, 0}, std{1, 1, 1};  // x = (pixel·scale − mean) / std
  // How the crop is resampled. Official: as the HandAR / I2L-MeshNet releases do at test time
  // (the image as float32, the affine from float32 points as float32, bilinear warp, truncated to
  // 8 bits, then divided by 1/scale in float32); the default for "handar". Uint8: the 8-bit image
  // warped with OpenCV's fixed-point rounding (the default for TorchScript models).
  enum class Warp { Official, Uint8 };
  Warp warp = Warp::Uint8;

  CropSource crop = CropSource::Mask;
  double enlarge = 1.25;
  std::filesystem::path boxFile;  // CropSource::Box

  OutputRef rough, refined, refinedOffsets, joints, segmentation;
  // MANO parameter outputs (the mesh comes from the hand model's MANO layer and is the rough mesh):
  // pose (with the global rotation unless manoGlobal names it apart), shape, translation.
  OutputRef manoPose, manoGlobal, manoShape, manoTranslation;
  ManoPoseFormat manoPoseFormat = ManoPoseFormat::AxisAngle;
  bool manoFlatHandMean = false;
  bool hasMano() const { return manoPose.given(); }
  OutputRef camera;  // CropCamera: B×3 (s, tx, ty)
  double cropFocal = 5000, cropSize = 256;

  // The hand the network was trained on; a sample of the other hand is mirrored in (the crop's
  // columns reversed) and its outputs mirrored out when mirrorOther, else refused.
  HandSide modelSide = HandSide::Right;
  bool mirrorOther = false;

  CoordinateFrame frame = CoordinateFrame::Camera;
  int lixelBins = 64;
  double depthBox = 0.3;  // metres, the lixel z range around the root
  // Lixel and RootRelative: where the root is (GT joint, a file of depths or [X, Y, Z], a value).
  RootDepthSource rootDepth = RootDepthSource::GroundTruth;
  int rootJoint = 0;
  std::filesystem::path rootDepthFile;
  double rootDepthValue = 0.0;

  bool isNative() const { return architecture == "handar"; }
};

// Reads the manifest. `model` is the manifest (.json) or the checkpoint, whose manifest is the
// .json file of the same stem beside it. Throws InputError naming the file and the problem.
ModelManifest loadModelManifest(const std::filesystem::path& model);

// The manifest path for a checkpoint or a manifest path (no check that it exists).
std::filesystem::path manifestPathFor(const std::filesystem::path& model);

// Checks vertex_order against the hand model's vertex count (and the manifest's): a permutation
// of 0..V-1. Throws InputError naming the manifest.
void checkManifestAgainstHandModel(const ModelManifest& m, const std::string& handModelName,
                                   int handModelVertices);

}  // namespace handalign
