// One FreiHAND split: K, xyz and verts from the (cached) JSON files, images and masks by file id.
#pragma once

#include "dataset/Dataset.h"
#include "io/NumericArray.h"

namespace handalign {

class FreiHandDataset : public Dataset {
 public:
  // `version` k selects rgb/%08d.jpg of id + count·k (FreiHAND training has 4 image versions).
  FreiHandDataset(std::filesystem::path root, std::string split, int version, int threads);

  std::string formatId() const override { return "freihand"; }
  std::filesystem::path root() const override { return root_; }
  std::string split() const override {
    return version_ ? base_ + ":" + std::to_string(version_) : base_;
  }
  std::size_t size() const override { return k_.count(); }
  std::string sampleId(std::size_t i) const override;
  Intrinsics intrinsics(std::size_t i) const override;
  bool hasJoints() const override { return !xyz_.empty(); }
  PointsView joints(std::size_t i) const override { return xyz_.points(i); }
  bool hasVertices() const override { return !verts_.empty(); }
  int vertexCount() const override { return verts_.empty() ? 0 : verts_.rows(); }
  PointsView vertices(std::size_t i) const override { return verts_.points(i); }
  std::filesystem::path imagePath(std::size_t i) const override;
  int imageWidth() const override { return width_; }
  int imageHeight() const override { return height_; }
  std::optional<std::filesystem::path> maskPath(std::size_t i) const override;
  std::optional<std::filesystem::path> handModelPath() const override;
  void releaseSamples(std::size_t begin, std::size_t end) const override;

 private:
  std::filesystem::path root_;
  std::string base_;  // "training" or "evaluation"
  int version_ = 0;
  NumericArray k_, xyz_, verts_;
  int width_ = 0, height_ = 0;
  bool hasMaskFolder_ = false;
};

}  // namespace handalign
