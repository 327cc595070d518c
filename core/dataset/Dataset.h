// One split of a hand dataset: samples with intrinsics, GT joints/vertices, images and masks.
#pragma once

#include "geometry/Camera.h"
#include "geometry/Points.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace handalign {

// Which hand a sample shows (FreiHAND: always the right one).
enum class HandSide { Right, Left };
inline const char* handSideName(HandSide s) { return s == HandSide::Left ? "left" : "right"; }

class Dataset {
 public:
  virtual ~Dataset() = default;

  virtual std::string formatId() const = 0;  // e.g. "freihand"
  virtual std::filesystem::path root() const = 0;
  virtual std::string split() const = 0;  // e.g. "training"
  virtual std::size_t size() const = 0;

  // Stable, human-readable id of sample i (FreiHAND: "%08d" of its index).
  virtual std::string sampleId(std::size_t i) const = 0;
  virtual Intrinsics intrinsics(std::size_t i) const = 0;
  // Ground-truth joints (21×3, FreiHAND order) and vertices (V×3), metres, camera frame.
  virtual bool hasJoints() const = 0;
  virtual PointsView joints(std::size_t i) const = 0;
  virtual bool hasVertices() const = 0;
  virtual int vertexCount() const = 0;
  virtual PointsView vertices(std::size_t i) const = 0;

  // The hand sample i shows (formats without handedness: the right one).
  virtual HandSide handSide(std::size_t i) const { return HandSide::Right; }

  virtual std::filesystem::path imagePath(std::size_t i) const = 0;
  // Pixel size of the sample images (all samples of a split share it).
  virtual int imageWidth() const = 0;
  virtual int imageHeight() const = 0;
  // The hand mask of sample i, when the dataset has one.
  virtual std::optional<std::filesystem::path> maskPath(std::size_t i) const = 0;
  // A hand_model.json shipped with the dataset (synthetic data does), if any.
  virtual std::optional<std::filesystem::path> handModelPath() const = 0;

  // Hint that samples [begin, end) will not be read again soon (lets mapped data leave memory).
  virtual void releaseSamples(std::size_t begin, std::size_t end) const {}
};

}  // namespace handalign
