// The paper's three-stage network (joint stage, mesh stage, refine stage) in torch::nn.
#pragma once

#include <torch/torch.h>

#include <array>
#include <string>
#include <vector>

namespace handalign::inference {

// Sizes of the network. Defaults follow the official release (256² input, 64 lixel bins, MANO).
struct HandArConfig {
  int vertexCount = 778;
  int jointCount = 21;
  int inputSize = 256;  // square crop, pixels in [0, 1]; a multiple of 32
  int lixelBins = 64;   // heat-map resolution of x, y and z; must be inputSize / 4
  // Channel width of the ResNet-50 stems (64 = the official network). Every channel count scales
  // with it (ResNet 64·{1,4,8,16,32}, decoders 256 = 4w, global feature 512 = 8w); the Graph-CNN's
  // 256/64/32 do not. Only tests use a smaller width, to keep the network small.
  int width = 64;
  int segmentationClasses = 2;  // background, hand
  // Undirected mesh edges (pairs of vertex indices, in the network's vertex order) the Graph-CNN
  // aggregates over; meshEdges() (MeshEdges.h) makes them from the hand model's faces. Without
  // edges the Graph-CNN degenerates to a per-vertex MLP.
  std::vector<std::array<int, 2>> edges;
  // Joint-stage heads (joint soft-argmax) and the segmentation branch; the paper skips both at
  // inference. When false their modules still exist (weights load) but are not run.
  bool runJointHead = false;
  bool runSegmentation = false;
};

// Outputs in the lixel frame of the crop: x, y in [0, lixelBins) heat-map bins of the inputSize²
// crop, z in [0, lixelBins) bins over the 0.3 m box around the root depth.
struct HandArOutput {
  torch::Tensor rough;    // B×V×3, M_r (`mesh_coord_img`)
  torch::Tensor refined;  // B×V×3, M_f = M_r + ΔM (`gcn`)
  torch::Tensor joints;   // B×J×3 when runJointHead (posenet's own soft-argmax), else undefined
  // B×C×(S/2)×(S/2) log-probabilities (class 1: hand) when runSegmentation, else undefined.
  torch::Tensor segmentation;
};

// Wall time of each stage of the last forward (milliseconds; synchronised on CUDA). The joint
// stage includes the joint heads and the segmentation branch when they run; the refine stage the
// feature sampling, the global feature and the Graph-CNN.
struct HandArTimings {
  double jointStage = 0, meshStage = 0, refineStage = 0;
};

class HandArNetImpl : public torch::nn::Module {
 public:
  // Throws std::invalid_argument on inconsistent sizes or an edge outside 0..vertexCount-1.
  explicit HandArNetImpl(HandArConfig config);
  // image: B×3×inputSize×inputSize, float, RGB in [0, 1]. Call eval() first for inference (the
  // batch-norm layers otherwise use batch statistics) and run under torch::InferenceMode.
  HandArOutput forward(const torch::Tensor& image);
  const HandArConfig& config() const { return config_; }
  const HandArTimings& lastTimings() const { return timings_; }
  void setTimingEnabled(bool on) { timing_ = on; }
  // Switch the branches the paper cuts at inference on or off after construction.
  void setRunJointHead(bool on) { config_.runJointHead = on; }
  void setRunSegmentation(bool on) { config_.runSegmentation = on; }

 private:
  HandArConfig config_;
  HandArTimings timings_;
  bool timing_ = false;
  // Submodules registered under the official names: pose_backbone, posenet, pose2feat,
  // mesh_backbone, mesh_net, gcn, global_img_feat, segmentation_net.
  struct Parts;
  std::shared_ptr<Parts> parts_;
};
TORCH_MODULE(HandArNet);

// Weights in the official key layout ("<group>.<param>", e.g. "pose_backbone.conv1.weight"), as a
// file written by torch::pickle_save / Python's torch.save of a flat {key: tensor} dict (what
// tools/handar/convert_checkpoint.py writes from snapshot_*.pth.tar). Throws InputError naming the
// file on a foreign file, a missing or unexpected key, or a shape mismatch (weights of another
// architecture). "module." prefixes (DataParallel) are ignored and "pose_net." reads as "posenet.";
// missing `num_batches_tracked` and GIN `eps` buffers keep their defaults (0).
void loadWeights(HandArNet& net, const std::string& path);
// Writes atomically (temporary file, then rename); throws InputError when it cannot.
void saveWeights(const HandArNet& net, const std::string& path);

// The sizes a weights file implies (vertexCount, jointCount, inputSize, lixelBins, width,
// segmentationClasses) put into `config` (edges and branch switches are kept), then a network of
// that config with those weights: the file is read once. Throws InputError as loadWeights does,
// and when an edge indexes a vertex the weights do not have.
HandArNet loadHandArNet(const std::string& path, HandArConfig config);

// The eight checkpoint groups, in the order of the network.
const std::vector<std::string>& handArGroups();

}  // namespace handalign::inference
