// I2L-MeshNet's lixel heads (groups `posenet`, `mesh_net`) and its unused Pose2Feat (`pose2feat`).
#pragma once

#include <torch/torch.h>

namespace handalign::inference::net {

// Decoder (three stride-2 deconvolutions, 32w × S/32 → 4w × S/4) and, per output point, 1-D heat
// maps along x (mean over rows of the decoded map), y (mean over columns) and z (an FC layer on the
// pooled encoder feature), each turned into a coordinate in [0, bins) by soft-argmax.
// PoseNet (`posenet`) adds HandAR's joint-feature conv (`conv`: 3×3, 4w → w, BN, ReLU) whose output
// is the joint feature F_j; MeshNet (`mesh_net`) has no such conv.
class LixelNetImpl : public torch::nn::Module {
 public:
  LixelNetImpl(int64_t points, int64_t width, int64_t bins, bool jointFeature);
  torch::Tensor decode(const torch::Tensor& encoded);  // → 4w × S/4
  // B×points×3 coordinates in lixel bins (x, y, z).
  torch::Tensor coordinates(const torch::Tensor& encoded, const torch::Tensor& decoded);
  torch::Tensor jointFeature(const torch::Tensor& decoded);  // posenet only: F_j, w × S/4

 private:
  int64_t width_, bins_;
  torch::nn::Sequential deconv_{nullptr}, convX_{nullptr}, convY_{nullptr}, convZ1_{nullptr},
      convZ2_{nullptr}, conv_{nullptr};
};
TORCH_MODULE(LixelNet);

// I2L-MeshNet's Pose2Feat (3×3 conv of [F_s, joint heat maps] → w channels). HandAR's release keeps
// it in the model, hence in the checkpoint, but feeds the mesh backbone F_j + F_s instead: it is
// loaded so that checkpoints round-trip, and never run.
class Pose2FeatImpl : public torch::nn::Module {
 public:
  Pose2FeatImpl(int64_t joints, int64_t width, int64_t bins);

 private:
  torch::nn::Sequential conv_{nullptr};
};
TORCH_MODULE(Pose2Feat);

}  // namespace handalign::inference::net
