// The I2L-MeshNet release's layer builders (make_conv_layers & co.) and its 1-D soft-argmax.
#pragma once

#include <torch/torch.h>

#include <vector>

namespace handalign::inference::net {

// Conv (+ BatchNorm + ReLU after every layer but the last unless bnReluFinal), as nn.Sequential so
// that the children are numbered as in Python ("0" conv, "1" bn, "2" relu, "3" conv, ...).
torch::nn::Sequential makeConvLayers(const std::vector<int64_t>& dims, int64_t kernel = 3,
                                     int64_t stride = 1, int64_t padding = 1,
                                     bool bnReluFinal = true);
torch::nn::Sequential makeConv1dLayers(const std::vector<int64_t>& dims, int64_t kernel = 3,
                                       int64_t stride = 1, int64_t padding = 1,
                                       bool bnReluFinal = true);
// 4×4 transposed convolutions of stride 2 without bias: each layer doubles the resolution.
torch::nn::Sequential makeDeconvLayers(const std::vector<int64_t>& dims, bool bnReluFinal = true);

// B×N×L heat maps → B×N×1 expected bin index: Σ_i softmax(h)_i · i.
torch::Tensor softArgmax1d(const torch::Tensor& heatmaps);

}  // namespace handalign::inference::net
