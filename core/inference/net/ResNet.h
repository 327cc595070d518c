// ResNet-50 backbone with torchvision's parameter names (conv1, bn1, layer1..4; no classifier).
#pragma once

#include "inference/net/Folding.h"

#include <torch/torch.h>

namespace handalign::inference::net {

// torchvision's Bottleneck (stride on the 3×3 conv, "ResNet v1.5"): 1×1, 3×3, 1×1 (×4 channels).
class BottleneckImpl : public torch::nn::Module {
 public:
  BottleneckImpl(int64_t inplanes, int64_t planes, int64_t stride, bool downsample);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, conv3_{nullptr};
  FoldableBatchNorm2d bn1_{nullptr}, bn2_{nullptr}, bn3_{nullptr};
  torch::nn::Sequential downsample_{nullptr};
};
TORCH_MODULE(Bottleneck);

// Feature maps of one pass, S = input side, w = stem width (64 in ResNet-50).
struct ResNetFeatures {
  torch::Tensor stem;     // conv1 → bn1 → relu: w × S/2 (HandAR's `feats128`)
  torch::Tensor shallow;  // after the max-pool: w × S/4 (the shallow image feature F_s)
  torch::Tensor layer1, layer2, layer3;  // 4w × S/4, 8w × S/8, 16w × S/16
  torch::Tensor layer4;                  // 32w × S/32
};

class ResNetBackboneImpl : public torch::nn::Module {
 public:
  // ResNet-50 layout ([3, 4, 6, 3] bottlenecks); `width` scales every channel count (64: official).
  explicit ResNetBackboneImpl(int64_t width = 64);
  ResNetFeatures forward(const torch::Tensor& image);
  // I2L-MeshNet's `skip_early`: layer1..4 on a w × S/4 map; conv1 and bn1 exist (they are in the
  // checkpoint) but are not run. The result's `shallow` is the input, its `stem` is undefined.
  ResNetFeatures forwardFromShallow(const torch::Tensor& shallow);

 private:
  torch::nn::Conv2d conv1_{nullptr};
  FoldableBatchNorm2d bn1_{nullptr};
  torch::nn::Sequential layer1_{nullptr}, layer2_{nullptr}, layer3_{nullptr}, layer4_{nullptr};
};
TORCH_MODULE(ResNetBackbone);

}  // namespace handalign::inference::net
