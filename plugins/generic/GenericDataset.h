// One split of the generic layout (see GenericFormat.h), loaded fully into memory.
#pragma once

#include "dataset/Dataset.h"
#include "io/NumericArray.h"

#include <vector>

namespace handalign {

class GenericDataset : public Dataset {
 public:
  GenericDataset(std::filesystem::path root, std::string split);

  std::string formatId() const override { return "generic"; }
  std::filesystem::path root() const override { return root_; }
  std::string split() const override { return split_; }
  std::size_t size() const override { return ids_.size(); }
  std::string sampleId(std::size_t i) const override { return ids_[i]; }
  Intrinsics intrinsics(std::size_t i) const override;
  bool hasJoints() const override { return !joints_.empty(); }
  PointsView joints(std::size_t i) const override { return joints_.points(i); }
  bool hasVertices() const override { return !vertices_.empty(); }
  int vertexCount() const override { return vertices_.empty() ? 0 : vertices_.rows(); }
  PointsView vertices(std::size_t i) const override { return vertices_.points(i); }
  HandSide handSide(std::size_t i) const override { return sides_[i]; }
  std::filesystem::path imagePath(std::size_t i) const override;
  int imageWidth() const override { return width_; }
  int imageHeight() const override { return height_; }
  std::optional<std::filesystem::path> maskPath(std::size_t i) const override;
  std::optional<std::filesystem::path> handModelPath() const override { return handModel_; }

 private:
  std::filesystem::path root_, dir_;
  std::string split_;
  std::vector<std::string> ids_;
  std::vector<HandSide> sides_;  // "hand": "left" / "right" (default) of each annotation
  NumericArray k_, joints_, vertices_;
  int width_ = 0, height_ = 0;
  std::optional<std::filesystem::path> handModel_;
};

}  // namespace handalign
