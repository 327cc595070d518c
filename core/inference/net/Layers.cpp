#include "inference/net/Layers.h"

#include "inference/net/Folding.h"

namespace handalign::inference::net {
namespace nn = torch::nn;

namespace {
bool lastWithoutBnRelu(size_t i, size_t layers, bool bnReluFinal) {
  return i + 1 == layers && !bnReluFinal;
}
}  // namespace

nn::Sequential makeConvLayers(const std::vector<int64_t>& dims, int64_t kernel, int64_t stride,
                              int64_t padding, bool bnReluFinal) {
  nn::Sequential seq;
  for (size_t i = 0; i + 1 < dims.size(); ++i) {
    seq->push_back(nn::Conv2d(
        nn::Conv2dOptions(dims[i], dims[i + 1], kernel).stride(stride).padding(padding)));
    if (lastWithoutBnRelu(i, dims.size() - 1, bnReluFinal)) continue;
    seq->push_back(FoldableBatchNorm2d(dims[i + 1]));
    seq->push_back(nn::ReLU(nn::ReLUOptions(true)));
  }
  return seq;
}

nn::Sequential makeConv1dLayers(const std::vector<int64_t>& dims, int64_t kernel, int64_t stride,
                                int64_t padding, bool bnReluFinal) {
  nn::Sequential seq;
  for (size_t i = 0; i + 1 < dims.size(); ++i) {
    seq->push_back(nn::Conv1d(
        nn::Conv1dOptions(dims[i], dims[i + 1], kernel).stride(stride).padding(padding)));
    if (lastWithoutBnRelu(i, dims.size() - 1, bnReluFinal)) continue;
    seq->push_back(nn::BatchNorm1d(dims[i + 1]));
    seq->push_back(nn::ReLU(nn::ReLUOptions(true)));
  }
  return seq;
}

nn::Sequential makeDeconvLayers(const std::vector<int64_t>& dims, bool bnReluFinal) {
  nn::Sequential seq;
  for (size_t i = 0; i + 1 < dims.size(); ++i) {
    seq->push_back(Deconv2x(dims[i], dims[i + 1], false));
    if (lastWithoutBnRelu(i, dims.size() - 1, bnReluFinal)) continue;
    seq->push_back(FoldableBatchNorm2d(dims[i + 1]));
    seq->push_back(nn::ReLU(nn::ReLUOptions(true)));
  }
  return seq;
}

torch::Tensor softArgmax1d(const torch::Tensor& heatmaps) {
  const auto probabilities = torch::softmax(heatmaps, 2);
  const auto bins = torch::arange(heatmaps.size(2), heatmaps.options());
  return (probabilities * bins).sum(2, /*keepdim=*/true);
}

}  // namespace handalign::inference::net
