// Small HandAR networks with deterministic, non-degenerate random weights, shared by the
// TestHandArNet* tests.
#pragma once

#include "hand/ProceduralHand.h"
#include "inference/net/Folding.h"
#include "inference/net/HandArNet.h"
#include "inference/net/MeshEdges.h"

#include <torch/torch.h>

namespace handalign::test {

inline bool endsWith(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// The bundled procedural hand's topology (800 vertices): realistic edges for the Graph-CNN.
inline const HandModel& proceduralHandModel() {
  static const ProceduralHand hand;
  return hand.model();
}

// 64² input, 16 lixel bins, width 8 (1/8 of ResNet-50's channels): same layer structure and key
// names as the official network with 1.8 M instead of 153 M parameters.
inline inference::HandArConfig smallConfig() {
  inference::HandArConfig c;
  c.vertexCount = proceduralHandModel().vertexCount;
  c.inputSize = 64;
  c.lixelBins = 16;
  c.width = 8;
  c.edges = inference::meshEdges(proceduralHandModel().faces);
  return c;
}

// Default initialisation from `seed`, then batch-norm layers with random affine parameters and
// running statistics, GIN eps = 0.1 and sharper heat-map heads, so that every weight and buffer
// affects the outputs (flat heat maps would make every coordinate ≈ bins / 2).
inline inference::HandArNet makeTestNet(const inference::HandArConfig& config, uint64_t seed) {
  torch::manual_seed(seed);
  inference::HandArNet net(config);
  torch::NoGradGuard noGrad;
  for (auto& item : net->named_buffers()) {
    const std::string& key = item.key();
    auto& t = item.value();
    if (endsWith(key, ".running_mean")) t.uniform_(-0.1, 0.1);
    if (endsWith(key, ".running_var")) t.uniform_(0.8, 1.2);
    if (endsWith(key, ".eps")) t.fill_(0.1);
  }
  for (auto& item : net->named_modules()) {
    if (auto* bn = item.value()->as<inference::net::FoldableBatchNorm2dImpl>()) {
      bn->weight.uniform_(0.8, 1.2);
      bn->bias.uniform_(-0.1, 0.1);
    } else if (auto* bn1 = item.value()->as<torch::nn::BatchNorm1dImpl>()) {
      bn1->weight.uniform_(0.8, 1.2);
      bn1->bias.uniform_(-0.1, 0.1);
    }
  }
  for (auto& item : net->named_parameters()) {
    for (const char* head : {"conv_x.0.weight", "conv_y.0.weight", "conv_z_2.0.weight"}) {
      if (endsWith(item.key(), head)) item.value().mul_(300.0);
    }
  }
  net->eval();
  return net;
}

inline torch::Tensor testImages(int64_t batch, int64_t size, uint64_t seed = 11) {
  torch::manual_seed(seed);
  return torch::rand({batch, 3, size, size});
}

}  // namespace handalign::test
