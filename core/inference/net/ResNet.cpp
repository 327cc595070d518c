#include "inference/net/ResNet.h"

namespace handalign::inference::net {
namespace nn = torch::nn;

namespace {
constexpr int64_t kExpansion = 4;

nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1) {
  return nn::Conv2d(
      nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(false));
}

nn::Sequential makeLayer(int64_t& inplanes, int64_t planes, int64_t blocks, int64_t stride) {
  nn::Sequential layer;
  const bool downsample = stride != 1 || inplanes != planes * kExpansion;
  layer->push_back(Bottleneck(inplanes, planes, stride, downsample));
  inplanes = planes * kExpansion;
  for (int64_t i = 1; i < blocks; ++i) layer->push_back(Bottleneck(inplanes, planes, 1, false));
  return layer;
}
}  // namespace

BottleneckImpl::BottleneckImpl(int64_t inplanes, int64_t planes, int64_t stride, bool downsample) {
  conv1_ = register_module("conv1", conv(inplanes, planes, 1));
  bn1_ = register_module("bn1", FoldableBatchNorm2d(planes));
  conv2_ = register_module("conv2", conv(planes, planes, 3, stride));
  bn2_ = register_module("bn2", FoldableBatchNorm2d(planes));
  conv3_ = register_module("conv3", conv(planes, planes * kExpansion, 1));
  bn3_ = register_module("bn3", FoldableBatchNorm2d(planes * kExpansion));
  if (downsample) {
    downsample_ =
        register_module("downsample", nn::Sequential(conv(inplanes, planes * kExpansion, 1, stride),
                                                     FoldableBatchNorm2d(planes * kExpansion)));
  }
}

torch::Tensor BottleneckImpl::forward(const torch::Tensor& x) {
  auto out = bn1_(conv1_(x)).relu_();
  out = bn2_(conv2_(out)).relu_();
  out = bn3_(conv3_(out));
  out += downsample_ ? downsample_->forward(x) : x;
  return out.relu_();
}

ResNetBackboneImpl::ResNetBackboneImpl(int64_t width) {
  conv1_ = register_module(
      "conv1", nn::Conv2d(nn::Conv2dOptions(3, width, 7).stride(2).padding(3).bias(false)));
  bn1_ = register_module("bn1", FoldableBatchNorm2d(width));
  int64_t inplanes = width;
  layer1_ = register_module("layer1", makeLayer(inplanes, width, 3, 1));
  layer2_ = register_module("layer2", makeLayer(inplanes, width * 2, 4, 2));
  layer3_ = register_module("layer3", makeLayer(inplanes, width * 4, 6, 2));
  layer4_ = register_module("layer4", makeLayer(inplanes, width * 8, 3, 2));
}

ResNetFeatures ResNetBackboneImpl::forward(const torch::Tensor& image) {
  const auto stem = torch::relu(bn1_(conv1_(image)));
  auto features = forwardFromShallow(torch::max_pool2d(stem, 3, 2, 1));
  features.stem = stem;
  return features;
}

ResNetFeatures ResNetBackboneImpl::forwardFromShallow(const torch::Tensor& shallow) {
  ResNetFeatures f;
  f.shallow = shallow;
  f.layer1 = layer1_->forward(shallow);
  f.layer2 = layer2_->forward(f.layer1);
  f.layer3 = layer3_->forward(f.layer2);
  f.layer4 = layer4_->forward(f.layer3);
  return f;
}

}  // namespace handalign::inference::net
