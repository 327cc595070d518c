// The refine stage's Graph-CNN (group `gcn`): GIN layers over the mesh edges regress ΔM.
#pragma once

#include <torch/torch.h>

namespace handalign::inference::net {

// Directed edge lists (both directions of every undirected mesh edge), as index tensors.
struct GraphEdges {
  torch::Tensor source, target;  // int64, E each
};

// PyTorch Geometric's GINConv with its default eps = 0 (a buffer, as in the checkpoint):
// x'_i = nn((1 + eps) · x_i + Σ_{j→i} x_j), nn = Linear, ReLU, Linear. x is B × V × C.
class GinConvImpl : public torch::nn::Module {
 public:
  GinConvImpl(int64_t in, int64_t hidden, int64_t out);
  torch::Tensor forward(const torch::Tensor& x, const GraphEdges& edges);

 private:
  torch::nn::Sequential nn_{nullptr};
  torch::Tensor eps_;
};
TORCH_MODULE(GinConv);

// GINConvBlock (HandAR's GraphConv): GIN, then BatchNorm1d and ReLU unless it is the output layer
// (whose `bn` is still in the checkpoint but unused).
class GinConvBlockImpl : public torch::nn::Module {
 public:
  GinConvBlockImpl(int64_t in, int64_t hidden, int64_t out, bool reluBn);
  torch::Tensor forward(const torch::Tensor& x, const GraphEdges& edges);

 private:
  GinConv conv_{nullptr};
  torch::nn::BatchNorm1d bn_{nullptr};
  bool reluBn_;
};
TORCH_MODULE(GinConvBlock);

// GINResBlock (HandAR's GraphResConv): x + relu(bn2(gin2(relu(bn1(gin1(x)))))).
class GinResBlockImpl : public torch::nn::Module {
 public:
  explicit GinResBlockImpl(int64_t channels);
  torch::Tensor forward(const torch::Tensor& x, const GraphEdges& edges);

 private:
  GinConv conv1_{nullptr}, conv2_{nullptr};
  torch::nn::BatchNorm1d bn1_{nullptr}, bn2_{nullptr};
};
TORCH_MODULE(GinResBlock);

// head (GINConvBlock in → 256 → 64), res1..res3 (GINResBlock 64), tail (GINConvBlock 64 → 32 → 3).
class GraphCnnImpl : public torch::nn::Module {
 public:
  static constexpr int64_t kHidden = 64;
  explicit GraphCnnImpl(int64_t inputChannels);
  torch::Tensor forward(const torch::Tensor& x, const GraphEdges& edges);  // B × V × 3 = ΔM

 private:
  GinConvBlock head_{nullptr}, tail_{nullptr};
  GinResBlock res1_{nullptr}, res2_{nullptr}, res3_{nullptr};
};
TORCH_MODULE(GraphCnn);

// BatchNorm1d over the channels of a B × V × C node-feature tensor (PyG batches nodes as rows).
torch::Tensor batchNormNodes(torch::nn::BatchNorm1d& bn, const torch::Tensor& x);

}  // namespace handalign::inference::net
