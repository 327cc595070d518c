// The native HandAR network (inference/net) behind the Network interface: weights in the official
// key layout, outputs in the lixel frame.
#include "inference/Network.h"
#include "inference/net/Folding.h"
#include "inference/net/HandArNet.h"
#include "inference/net/MeshEdges.h"
#include "util/Error.h"

namespace handalign::inference {
namespace {

// The hand model's faces in the network's vertex order (hand-model vertex i = network vertex
// order[i]), for the Graph-CNN's edges.
std::vector<std::array<int, 3>> networkFaces(const HandModel& hand, const std::vector<int>& order) {
  std::vector<std::array<int, 3>> faces = hand.faces;
  if (!order.empty())
    for (auto& f : faces)
      for (int& v : f) v = order[std::size_t(v)];
  return faces;
}

class NativeNetwork : public Network {
 public:
  NativeNetwork(const ModelManifest& manifest, const HandModel& hand,
                const NetworkPlacement& placement)
      : net_(nullptr), checkpoint_(manifest.checkpoint) {
    HandArConfig config;  // sizes come from the weights file; the manifest must agree
    config.edges = meshEdges(networkFaces(hand, manifest.vertexOrder));
    config.runSegmentation = placement.segmentation;
    net_ = loadHandArNet(manifest.checkpoint.string(), config);
    const HandArConfig& c = net_->config();
    const auto agree = [&](const char* what, int weights, int manifestValue) {
      if (weights != manifestValue)
        throw InputError(manifest.checkpoint, "holds weights for " + std::to_string(weights) + " " +
                                                  what + ", " + manifest.file.filename().string() +
                                                  " says " + std::to_string(manifestValue));
    };
    agree("vertices", c.vertexCount, manifest.vertexCount);
    agree("pixels of input", c.inputSize, manifest.inputSize);
    agree("lixel bins", c.lixelBins, manifest.lixelBins);
    net_->eval();
    net_->to(placement.device, placement.dtype);
    // Batch norms folded, transposed convolutions split (net/Folding.h): same outputs, faster.
    net::prepareForInference(*net_);
  }

  NetworkOutputs forward(const torch::Tensor& input) override {
    HandArOutput o;
    try {
      o = net_->forward(input);
    } catch (const std::exception& e) {
      throw InputError(checkpoint_, "failed in the native network: " + torchMessage(e));
    }
    return {o.rough, o.refined, o.joints, o.segmentation};
  }

 private:
  HandArNet net_;
  std::filesystem::path checkpoint_;
};

}  // namespace

std::unique_ptr<Network> loadNativeNetwork(const ModelManifest& manifest, const HandModel& hand,
                                           const NetworkPlacement& placement) {
  return std::make_unique<NativeNetwork>(manifest, hand, placement);
}

}  // namespace handalign::inference
