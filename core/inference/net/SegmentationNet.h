// HandAR's segmentation branch (`segmentation_net`): a U-Net style decoder over the joint-stage
// encoder, cut off at inference as the paper does.
#pragma once

#include "inference/net/ResNet.h"

#include "inference/net/Folding.h"

#include <torch/torch.h>

namespace handalign::inference::net {

// From layer4 (32w × S/32) up to S/2 in four ×2 bilinear steps; each step a 1×1 conv to the next
// skip's channels, the skip (layer3, layer2, layer1, stem) added, a 3×3 "fusion" conv (+ BN + ReLU
// but for the last), then a 3×3 (w → 16) and a 1×1 (16 → classes) head.
class SegmentationNetImpl : public torch::nn::Module {
 public:
  SegmentationNetImpl(int64_t width, int64_t classes);
  // B × classes × S/2 × S/2 log-probabilities (log_softmax over the classes; 0 background, 1 hand).
  torch::Tensor forward(const ResNetFeatures& encoder);

 private:
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, conv3_{nullptr}, conv4_{nullptr};
  torch::nn::Conv2d fusion1_{nullptr}, fusion2_{nullptr}, fusion3_{nullptr}, fusion4_{nullptr};
  FoldableBatchNorm2d bn1_{nullptr}, bn2_{nullptr}, bn3_{nullptr};
  torch::nn::Sequential predictHead_{nullptr};
};
TORCH_MODULE(SegmentationNet);

}  // namespace handalign::inference::net
