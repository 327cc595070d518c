// The native network's forward pass on given weights, as `handalign infer` runs it (inference
// mode, the runner's thread policy, prepared by net/Folding.h unless HANDALIGN_NO_PREPARE is set,
// branches cut); bench_native_vs_pytorch.py runs it beside the PyTorch forward of the same weights.
// Usage: bench_native_forward WEIGHTS HAND_MODEL BATCH ITERATIONS [THREADS [cpu|cuda|cuda-half]]
// Prints one line: batch, threads, best and mean ms per forward over ITERATIONS after 1 warm-up
// (on CUDA each forward is timed to the device's completion). CUDA needs a CUDA LibTorch
// (-DTorch_DIR=..., docs/models.md); this one says so and exits 1.
#include "hand/HandModel.h"
#include "inference/ModelRunner.h"
#include "inference/net/Folding.h"
#include "inference/net/HandArNet.h"
#include "inference/net/MeshEdges.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace handalign;
using namespace handalign::inference;

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s WEIGHTS HAND_MODEL BATCH ITERATIONS [THREADS]\n", argv[0]);
    return 2;
  }
  const int batch = std::atoi(argv[3]), iterations = std::max(1, std::atoi(argv[4]));
  setInferenceThreads(argc > 5 ? std::atoi(argv[5]) : 0);
  const std::string device = argc > 6 ? argv[6] : "cpu";
  const bool cuda = device.rfind("cuda", 0) == 0;
  if (cuda && !torch::cuda::is_available()) {
    std::fprintf(stderr, "bench_native_forward: this LibTorch has no CUDA or sees no GPU\n");
    return 1;
  }
  const torch::Device where = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  const torch::ScalarType dtype = device == "cuda-half" ? torch::kHalf : torch::kFloat;
  const HandModel hand = loadHandModel(argv[2]);
  HandArConfig config;
  config.edges = meshEdges(hand.faces);
  HandArNet net = loadHandArNet(argv[1], config);
  net->eval();
  net->to(where, dtype);
  if (!std::getenv("HANDALIGN_NO_PREPARE")) net::prepareForInference(*net);  // as NativeNetwork
  c10::InferenceMode guard;
  torch::manual_seed(1);
  const torch::Tensor images = torch::rand({batch, 3, 256, 256}).to(where, dtype);
  const auto finish = [&] {
    if (cuda) torch::cuda::synchronize();
  };
  net->forward(images);
  finish();
  double best = 1e300, total = 0;
  for (int i = 0; i < iterations; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    net->forward(images);
    finish();
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, ms);
    total += ms;
  }
  std::printf("batch %d threads %d best_ms %.1f mean_ms %.1f device %s\n", batch,
              torch::get_num_threads(), best, total / iterations, device.c_str());
  return 0;
}
