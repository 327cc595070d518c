// The refine stage's per-vertex input: local features sampled at the rough mesh's projection and
// the broadcast global feature (group `global_img_feat`).
#pragma once

#include <torch/torch.h>

namespace handalign::inference::net {

// Bilinear sample of `map` (B×C×H×W, covering the whole crop) at the x, y of B×V×3 lixel
// coordinates → B×V×C. As the HandAR release: grid = xy / (bins / 2) − 1, grid_sample with
// align_corners=False and zero padding, so lixel u lands at map column u·W/bins − 0.5.
torch::Tensor sampleAtVertices(const torch::Tensor& map, const torch::Tensor& vertices,
                               int64_t bins);

// Pooled mesh-stage encoder feature (B × 32w × h × w) → FC (a kernel-1 Conv1d, 32w → 8w, as in the
// checkpoint: `global_img_feat.0.0`) → broadcast to every vertex: B × V × 8w.
class GlobalFeatureImpl : public torch::nn::Module {
 public:
  explicit GlobalFeatureImpl(int64_t width);
  torch::Tensor forward(const torch::Tensor& encoded, int64_t vertices);

 private:
  torch::nn::Sequential fc_{nullptr};
};
TORCH_MODULE(GlobalFeature);

}  // namespace handalign::inference::net
