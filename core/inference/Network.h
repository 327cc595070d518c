// Internal (includes LibTorch): a loaded network, TorchScript or native, behind one forward() that
// returns the manifest's outputs as tensors; shape checks with one clear error.
#pragma once

#include "hand/HandModel.h"
#include "inference/ModelManifest.h"

#include <torch/script.h>

#include <memory>

namespace handalign::inference {

// Float tensors on the network's device. refined is absolute (offsets already added); undefined
// tensors are outputs the model does not have (or that were not asked for).
struct NetworkOutputs {
  torch::Tensor rough, refined, joints, segmentation;
  // MANO parameter outputs and the weak-perspective crop camera (ModelManifest), when declared.
  torch::Tensor manoPose, manoGlobal, manoShape, manoTranslation, camera;
  NetworkOutputs onCpu() const;
};

class Network {
 public:
  virtual ~Network() = default;
  // input: B×3×size×size in the network's dtype and device. Throws InputError naming the
  // checkpoint when the network fails or returns something the manifest does not describe.
  virtual NetworkOutputs forward(const torch::Tensor& input) = 0;
};

struct NetworkPlacement {
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat;
  bool segmentation = false;  // run / return the segmentation output when the model has one
};

std::unique_ptr<Network> loadScriptNetwork(const ModelManifest& manifest,
                                           const NetworkPlacement& placement);
std::unique_ptr<Network> loadNativeNetwork(const ModelManifest& manifest,
                                           const HandModel& handModel,
                                           const NetworkPlacement& placement);

// Checks every output against the manifest for a batch of `batch` (rough and refined B×V×3,
// joints B×21×3, segmentation B×C×H×W, the MANO parameters and camera by their per-sample sizes).
// Throws InputError naming the checkpoint.
void checkOutputs(const NetworkOutputs& outputs, std::int64_t batch, const ModelManifest& manifest);

// The first line of a LibTorch error, without its C++ backtrace.
std::string torchMessage(const std::exception& e);

}  // namespace handalign::inference
