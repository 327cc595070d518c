// Native HandAR network on the CPU: per-stage time and frames per second at batch 1 and 32, with
// the joint-head and segmentation branches cut (as the paper at inference) and not cut.
// Usage: bench_handar [--iterations N] [--iterations32 M] [--threads T]
// Random weights (timing does not depend on them), official sizes: 256² input, 64 lixel bins,
// ResNet-50 width; the procedural hand's 800-vertex topology for the Graph-CNN.
#include "hand/ProceduralHand.h"
#include "inference/net/HandArNet.h"
#include "inference/net/MeshEdges.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

using namespace handalign;
using namespace handalign::inference;

namespace {
std::string cpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown CPU";
}

struct Result {
  HandArTimings mean;
  double total = 0;
};

Result run(HandArNet& net, int batch, int iterations, bool warmUp) {
  const auto images = torch::rand({batch, 3, 256, 256});
  if (warmUp) net->forward(images);
  Result r;
  for (int i = 0; i < iterations; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    net->forward(images);
    r.total +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const HandArTimings& t = net->lastTimings();
    r.mean.jointStage += t.jointStage;
    r.mean.meshStage += t.meshStage;
    r.mean.refineStage += t.refineStage;
  }
  r.total /= iterations;
  r.mean.jointStage /= iterations;
  r.mean.meshStage /= iterations;
  r.mean.refineStage /= iterations;
  return r;
}
}  // namespace

int main(int argc, char** argv) {
  int iterations = 10, iterations32 = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--iterations"))
      iterations = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--iterations32"))
      iterations32 = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--threads"))
      torch::set_num_threads(std::atoi(argv[i + 1]));
  }
  const ProceduralHand hand;
  HandArConfig config;
  config.vertexCount = hand.model().vertexCount;
  config.edges = meshEdges(hand.model().faces);
  torch::manual_seed(0);
  HandArNet net(config);
  net->eval();
  net->setTimingEnabled(true);
  torch::InferenceMode inference;

  std::printf("machine: %u hardware threads, %s; LibTorch %s, %d intra-op threads\n",
              std::thread::hardware_concurrency(), cpuModel().c_str(), TORCH_VERSION,
              torch::get_num_threads());
  std::printf("iterations: %d at batch 1 (after 1 warm-up), %d at batch 32 (no warm-up)\n\n",
              iterations, iterations32);
  std::printf(
      "| batch | joint head + segmentation | joint stage (ms) | mesh stage (ms) | "
      "refine stage (ms) | forward (ms) | ms / image | FPS |\n");
  std::printf("|---:|---|---:|---:|---:|---:|---:|---:|\n");
  for (const int batch : {1, 32}) {
    for (const bool branches : {false, true}) {
      net->setRunJointHead(branches);
      net->setRunSegmentation(branches);
      const Result r = run(net, batch, batch == 1 ? iterations : iterations32, batch == 1);
      std::printf("| %d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |\n", batch,
                  branches ? "run" : "cut", r.mean.jointStage, r.mean.meshStage, r.mean.refineStage,
                  r.total, r.total / batch, 1000.0 * batch / r.total);
      std::fflush(stdout);
    }
  }
  return 0;
}
