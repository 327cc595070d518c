#include "inference/net/LixelNet.h"

#include "inference/net/Layers.h"

namespace handalign::inference::net {

LixelNetImpl::LixelNetImpl(int64_t points, int64_t width, int64_t bins, bool jointFeature)
    : width_(width), bins_(bins) {
  const int64_t decoded = 4 * width, encoded = 32 * width;
  deconv_ = register_module("deconv", makeDeconvLayers({encoded, decoded, decoded, decoded}));
  convX_ = register_module("conv_x", makeConv1dLayers({decoded, points}, 1, 1, 0, false));
  convY_ = register_module("conv_y", makeConv1dLayers({decoded, points}, 1, 1, 0, false));
  convZ1_ = register_module("conv_z_1", makeConv1dLayers({encoded, decoded * bins}, 1, 1, 0));
  convZ2_ = register_module("conv_z_2", makeConv1dLayers({decoded, points}, 1, 1, 0, false));
  if (jointFeature) conv_ = register_module("conv", makeConvLayers({decoded, width}));
}

torch::Tensor LixelNetImpl::decode(const torch::Tensor& encoded) {
  return deconv_->forward(encoded);
}

torch::Tensor LixelNetImpl::coordinates(const torch::Tensor& encoded,
                                        const torch::Tensor& decoded) {
  const auto x = softArgmax1d(convX_->forward(decoded.mean(2)));
  const auto y = softArgmax1d(convY_->forward(decoded.mean(3)));
  auto z = convZ1_->forward(encoded.mean({2, 3}).unsqueeze(2));
  z = softArgmax1d(convZ2_->forward(z.view({-1, 4 * width_, bins_})));
  return torch::cat({x, y, z}, 2);
}

torch::Tensor LixelNetImpl::jointFeature(const torch::Tensor& decoded) {
  TORCH_CHECK(!conv_.is_empty(), "jointFeature: this lixel head has no joint-feature conv");
  return conv_->forward(decoded);
}

Pose2FeatImpl::Pose2FeatImpl(int64_t joints, int64_t width, int64_t bins) {
  conv_ = register_module("conv", makeConvLayers({width + joints * bins, width}));
}

}  // namespace handalign::inference::net
