#include "inference/net/SegmentationNet.h"

namespace handalign::inference::net {
namespace nn = torch::nn;
namespace F = torch::nn::functional;

namespace {
nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel) {
  return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).padding(kernel / 2));
}

torch::Tensor upsample(const torch::Tensor& x) {
  // F.interpolate(scale_factor=2, mode='bilinear') with PyTorch's default align_corners=False.
  return F::interpolate(x, F::InterpolateFuncOptions()
                               .scale_factor(std::vector<double>{2.0, 2.0})
                               .mode(torch::kBilinear)
                               .align_corners(false));
}
}  // namespace

SegmentationNetImpl::SegmentationNetImpl(int64_t width, int64_t classes) {
  const int64_t w = width;
  conv1_ = register_module("conv1", conv(32 * w, 16 * w, 1));
  fusion1_ = register_module("fusion1", conv(16 * w, 16 * w, 3));
  bn1_ = register_module("bn1", FoldableBatchNorm2d(16 * w));
  conv2_ = register_module("conv2", conv(16 * w, 8 * w, 1));
  fusion2_ = register_module("fusion2", conv(8 * w, 8 * w, 3));
  bn2_ = register_module("bn2", FoldableBatchNorm2d(8 * w));
  conv3_ = register_module("conv3", conv(8 * w, 4 * w, 1));
  fusion3_ = register_module("fusion3", conv(4 * w, 4 * w, 3));
  bn3_ = register_module("bn3", FoldableBatchNorm2d(4 * w));
  conv4_ = register_module("conv4", conv(4 * w, w, 1));
  fusion4_ = register_module("fusion4", conv(w, w, 3));
  predictHead_ =
      register_module("predict_head", nn::Sequential(conv(w, 16, 3), conv(16, classes, 1)));
}

torch::Tensor SegmentationNetImpl::forward(const ResNetFeatures& encoder) {
  auto x = conv1_(upsample(encoder.layer4));
  x = torch::relu(bn1_(fusion1_(x + encoder.layer3)));
  x = conv2_(upsample(x));
  x = torch::relu(bn2_(fusion2_(x + encoder.layer2)));
  x = conv3_(upsample(x));
  x = torch::relu(bn3_(fusion3_(x + encoder.layer1)));
  x = conv4_(upsample(x));
  x = fusion4_(x + encoder.stem);
  return torch::log_softmax(predictHead_->forward(x), 1);
}

}  // namespace handalign::inference::net
