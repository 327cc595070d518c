#include "inference/net/GraphCnn.h"

namespace handalign::inference::net {
namespace nn = torch::nn;

torch::Tensor batchNormNodes(nn::BatchNorm1d& bn, const torch::Tensor& x) {
  return bn(x.reshape({-1, x.size(2)})).view(x.sizes());
}

GinConvImpl::GinConvImpl(int64_t in, int64_t hidden, int64_t out) {
  nn_ = register_module(
      "nn", nn::Sequential(nn::Linear(in, hidden), nn::ReLU(), nn::Linear(hidden, out)));
  eps_ = register_buffer("eps", torch::zeros({1}));
}

torch::Tensor GinConvImpl::forward(const torch::Tensor& x, const GraphEdges& edges) {
  auto aggregated =
      torch::zeros_like(x).index_add_(1, edges.target, x.index_select(1, edges.source));
  aggregated += (1 + eps_) * x;
  return nn_->forward(aggregated);
}

GinConvBlockImpl::GinConvBlockImpl(int64_t in, int64_t hidden, int64_t out, bool reluBn)
    : reluBn_(reluBn) {
  conv_ = register_module("conv", GinConv(in, hidden, out));
  bn_ = register_module("bn", nn::BatchNorm1d(out));
}

torch::Tensor GinConvBlockImpl::forward(const torch::Tensor& x, const GraphEdges& edges) {
  auto out = conv_(x, edges);
  return reluBn_ ? torch::relu(batchNormNodes(bn_, out)) : out;
}

GinResBlockImpl::GinResBlockImpl(int64_t channels) {
  conv1_ = register_module("conv1", GinConv(channels, channels, channels));
  bn1_ = register_module("bn1", nn::BatchNorm1d(channels));
  conv2_ = register_module("conv2", GinConv(channels, channels, channels));
  bn2_ = register_module("bn2", nn::BatchNorm1d(channels));
}

torch::Tensor GinResBlockImpl::forward(const torch::Tensor& x, const GraphEdges& edges) {
  auto out = torch::relu(batchNormNodes(bn1_, conv1_(x, edges)));
  out = torch::relu(batchNormNodes(bn2_, conv2_(out, edges)));
  return out + x;
}

GraphCnnImpl::GraphCnnImpl(int64_t inputChannels) {
  head_ = register_module("head", GinConvBlock(inputChannels, 256, kHidden, true));
  res1_ = register_module("res1", GinResBlock(kHidden));
  res2_ = register_module("res2", GinResBlock(kHidden));
  res3_ = register_module("res3", GinResBlock(kHidden));
  tail_ = register_module("tail", GinConvBlock(kHidden, 32, 3, false));
}

torch::Tensor GraphCnnImpl::forward(const torch::Tensor& x, const GraphEdges& edges) {
  auto out = head_(x, edges);
  out = res1_(out, edges);
  out = res2_(out, edges);
  out = res3_(out, edges);
  return tail_(out, edges);
}

}  // namespace handalign::inference::net
