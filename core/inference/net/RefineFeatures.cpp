#include "inference/net/RefineFeatures.h"

#include "inference/net/Layers.h"

namespace handalign::inference::net {
namespace F = torch::nn::functional;

torch::Tensor sampleAtVertices(const torch::Tensor& map, const torch::Tensor& vertices,
                               int64_t bins) {
  const auto grid = vertices.slice(2, 0, 2).unsqueeze(2) / (bins / 2.0) - 1.0;  // B×V×1×2
  const auto sampled = F::grid_sample(map, grid,
                                      F::GridSampleFuncOptions()
                                          .mode(torch::kBilinear)
                                          .padding_mode(torch::kZeros)
                                          .align_corners(false));  // B×C×V×1
  return sampled.squeeze(-1).permute({0, 2, 1});
}

GlobalFeatureImpl::GlobalFeatureImpl(int64_t width) {
  // Named "0" so that the keys read `global_img_feat.0.0.weight`: the release wraps the layers of
  // make_conv1d_layers in one more nn.Sequential.
  fc_ = register_module("0", makeConv1dLayers({32 * width, 8 * width}, 1, 1, 0, false));
}

torch::Tensor GlobalFeatureImpl::forward(const torch::Tensor& encoded, int64_t vertices) {
  const auto pooled = encoded.mean({2, 3}).unsqueeze(2);         // B × 32w × 1
  const auto feature = fc_->forward(pooled).permute({0, 2, 1});  // B × 1 × 8w
  return feature.expand({-1, vertices, -1});
}

}  // namespace handalign::inference::net
