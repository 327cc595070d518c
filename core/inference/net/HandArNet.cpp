#include "inference/net/HandArNet.h"

#include "inference/net/GraphCnn.h"
#include "inference/net/LixelNet.h"
#include "inference/net/RefineFeatures.h"
#include "inference/net/ResNet.h"
#include "inference/net/SegmentationNet.h"

#include <torch/cuda.h>

#include <chrono>
#include <stdexcept>

namespace handalign::inference {
using namespace net;

struct HandArNetImpl::Parts {
  ResNetBackbone poseBackbone{nullptr}, meshBackbone{nullptr};
  LixelNet posenet{nullptr}, meshNet{nullptr};
  Pose2Feat pose2feat{nullptr};
  GraphCnn gcn{nullptr};
  GlobalFeature globalImgFeat{nullptr};
  SegmentationNet segmentationNet{nullptr};
  GraphEdges edges;
};

namespace {
void check(bool ok, const std::string& problem) {
  if (!ok) throw std::invalid_argument("HandArNet: " + problem);
}

void validate(const HandArConfig& c) {
  check(c.vertexCount > 0 && c.jointCount > 0 && c.width > 0 && c.segmentationClasses > 0,
        "sizes must be positive");
  check(c.inputSize > 0 && c.inputSize % 32 == 0, "inputSize must be a positive multiple of 32");
  check(c.lixelBins == c.inputSize / 4, "lixelBins must be inputSize / 4 (the decoded map's side)");
  for (const auto& e : c.edges) {
    check(e[0] >= 0 && e[1] >= 0 && e[0] < c.vertexCount && e[1] < c.vertexCount && e[0] != e[1],
          "edge (" + std::to_string(e[0]) + ", " + std::to_string(e[1]) + ") is not a pair of " +
              "distinct vertices in 0.." + std::to_string(c.vertexCount - 1));
  }
}

GraphEdges directedEdges(const std::vector<std::array<int, 2>>& edges) {
  std::vector<int64_t> source, target;
  source.reserve(2 * edges.size());
  target.reserve(2 * edges.size());
  for (const auto& e : edges) {
    source.insert(source.end(), {e[0], e[1]});
    target.insert(target.end(), {e[1], e[0]});
  }
  return {torch::tensor(source, torch::kInt64), torch::tensor(target, torch::kInt64)};
}

// Milliseconds since the last lap; waits for queued CUDA work so that stages are not blurred.
class Laps {
 public:
  Laps(bool on, bool cuda) : on_(on), cuda_(cuda) { lap(); }
  double lap() {
    if (!on_) return 0;
    if (cuda_) torch::cuda::synchronize();
    const auto now = std::chrono::steady_clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
    return ms;
  }

 private:
  bool on_, cuda_;
  std::chrono::steady_clock::time_point last_;
};
}  // namespace

const std::vector<std::string>& handArGroups() {
  static const std::vector<std::string> groups{"pose_backbone",   "posenet",         "pose2feat",
                                               "mesh_backbone",   "mesh_net",        "gcn",
                                               "global_img_feat", "segmentation_net"};
  return groups;
}

HandArNetImpl::HandArNetImpl(HandArConfig config)
    : config_(std::move(config)), parts_(std::make_shared<Parts>()) {
  validate(config_);
  const HandArConfig& c = config_;
  Parts& p = *parts_;
  p.poseBackbone = register_module("pose_backbone", ResNetBackbone(c.width));
  p.posenet = register_module("posenet", LixelNet(c.jointCount, c.width, c.lixelBins, true));
  p.pose2feat = register_module("pose2feat", Pose2Feat(c.jointCount, c.width, c.lixelBins));
  p.meshBackbone = register_module("mesh_backbone", ResNetBackbone(c.width));
  p.meshNet = register_module("mesh_net", LixelNet(c.vertexCount, c.width, c.lixelBins, false));
  // Per vertex: M_r (3), image (3), stem (w), F_s (w), mesh layer1 (4w), global feature (8w).
  p.gcn = register_module("gcn", GraphCnn(6 + 14 * c.width));
  p.globalImgFeat = register_module("global_img_feat", GlobalFeature(c.width));
  p.segmentationNet =
      register_module("segmentation_net", SegmentationNet(c.width, c.segmentationClasses));
  p.edges = directedEdges(c.edges);
}

HandArOutput HandArNetImpl::forward(const torch::Tensor& image) {
  const HandArConfig& c = config_;
  check(image.dim() == 4 && image.size(1) == 3 && image.size(2) == c.inputSize &&
            image.size(3) == c.inputSize,
        "expected a B×3×" + std::to_string(c.inputSize) + "×" + std::to_string(c.inputSize) +
            " image, got " + c10::str(image.sizes()));
  Parts& p = *parts_;
  if (p.edges.source.device() != image.device()) {
    p.edges = {p.edges.source.to(image.device()), p.edges.target.to(image.device())};
  }
  Laps laps(timing_, image.is_cuda());
  HandArOutput out;

  // Joint stage: encoder, decoder to the joint feature F_j; joint heads and segmentation optional.
  const ResNetFeatures pose = p.poseBackbone(image);
  const auto decoded = p.posenet->decode(pose.layer4);
  const auto jointFeature = p.posenet->jointFeature(decoded);
  if (c.runJointHead) out.joints = p.posenet->coordinates(pose.layer4, decoded);
  if (c.runSegmentation) out.segmentation = p.segmentationNet(pose);
  timings_.jointStage = laps.lap();

  // Mesh stage: the second ResNet-50 on F_j + F_s, lixel mesh head → M_r.
  const ResNetFeatures mesh = p.meshBackbone->forwardFromShallow(jointFeature + pose.shallow);
  out.rough = p.meshNet->coordinates(mesh.layer4, p.meshNet->decode(mesh.layer4));
  timings_.meshStage = laps.lap();

  // Refine stage: local features at the projected rough vertices + global feature → Graph-CNN.
  const int64_t bins = c.lixelBins;
  const auto input = torch::cat(
      {out.rough, sampleAtVertices(image, out.rough, bins),
       sampleAtVertices(pose.stem, out.rough, bins),
       sampleAtVertices(pose.shallow, out.rough, bins),
       sampleAtVertices(mesh.layer1, out.rough, bins), p.globalImgFeat(mesh.layer4, c.vertexCount)},
      2);
  out.refined = out.rough + p.gcn(input, p.edges);
  timings_.refineStage = laps.lap();
  return out;
}

}  // namespace handalign::inference
