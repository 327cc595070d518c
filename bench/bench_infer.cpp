// Inference runner benchmark (docs/benchmarks.md): the bare forward passes of a TorchScript model
// in C++ against the runner end to end on the same model and samples (read images, crop,
// normalise, forward, decode the lixel frame, write both prediction files), in one process.
// With --null M.json (a network that does nothing, bench_infer.py) the runner's own cost alone.
// Usage: bench_infer --manifest M.json [--null M.json] --dataset DIR --out DIR [--batch 8]
//        [--count 64] [--threads 2] [--repeat 3] [--device cpu|cuda]; prints "name wall-seconds
//        cpu-seconds" lines.
#include "dataset/PluginRegistry.h"
#include "inference/ModelRunner.h"
#include "inference/PredictionFiles.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/script.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>
#include <string>

using namespace handalign;
namespace fs = std::filesystem;

namespace {
double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double cpuNow() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

// Best wall and CPU seconds of `repeat` calls.
struct Timing {
  double wall = std::numeric_limits<double>::infinity(), cpu = wall;
  template <typename F>
  void measure(int repeat, F&& f) {
    for (int r = 0; r < repeat; ++r) {
      const double w0 = now(), c0 = cpuNow();
      f();
      wall = std::min(wall, now() - w0);
      cpu = std::min(cpu, cpuNow() - c0);
    }
  }
};

// The runner over `samples`, both prediction files written.
Timing timeRunner(const ModelManifest& manifest, const HandModel& hand, const Dataset& dataset,
                  const RunnerOptions& options, const std::vector<std::size_t>& samples,
                  const fs::path& out, int repeat, double* load) {
  const double l0 = now();
  ModelRunner runner(manifest, hand, options);
  if (load) *load = now() - l0;
  // Three untimed batches, as the bare forward passes have three warm-up calls.
  for (int w = 0; w < 3; ++w)
    runner.run(dataset,
               std::vector<std::size_t>(
                   samples.begin(),
                   samples.begin() + std::min<std::ptrdiff_t>(options.batchSize,
                                                              std::ptrdiff_t(samples.size()))));
  Timing t;
  t.measure(repeat, [&] {
    PredictionFileWriter writer(out);
    runner.run(dataset, samples, [&](SampleInference&& s) { writer.add(s); });
    writer.commit(makeProvenance(runner, dataset, hand, *dataset.handModelPath(), "bench"));
  });
  return t;
}
}  // namespace

int main(int argc, char** argv) {
  std::string manifestFile, nullFile, datasetDir, outDir;
  int batch = 8, count = 64, threads = 2, repeat = 3;
  std::string device = "cpu";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--manifest")
      manifestFile = value;
    else if (key == "--null")
      nullFile = value;
    else if (key == "--dataset")
      datasetDir = value;
    else if (key == "--out")
      outDir = value;
    else if (key == "--batch")
      batch = std::stoi(value);
    else if (key == "--count")
      count = std::stoi(value);
    else if (key == "--threads")
      threads = std::stoi(value);
    else if (key == "--repeat")
      repeat = std::stoi(value);
  }
  if (manifestFile.empty() || datasetDir.empty() || outDir.empty()) {
    std::fprintf(stderr, "usage: bench_infer --manifest M.json --dataset DIR --out DIR ...\n");
    return 2;
  }
  const ModelManifest manifest = loadModelManifest(manifestFile);
  const auto dataset = PluginRegistry::instance().openDataset(datasetDir, "", "", 1);
  const HandModel hand = loadHandModel(*dataset->handModelPath());
  count = std::min<int>(count, int(dataset->size()));

  // Bare forward passes: random inputs made before the clock starts, three warm-up calls.
  at::set_num_threads(threads);
  const torch::Device on(device == "cuda" ? torch::kCUDA : torch::kCPU);
  torch::jit::Module module = torch::jit::load(manifest.checkpoint.string(), on);
  module.eval();
  std::vector<torch::Tensor> inputs;
  torch::manual_seed(0);
  for (int b = 0; b < count; b += batch)
    inputs.push_back(
        torch::rand({std::min(batch, count - b), 3, manifest.inputSize, manifest.inputSize}));
  Timing forward;
  {
    c10::InferenceMode guard;
    for (int w = 0; w < 3; ++w) module.forward({inputs.front()});  // the executor optimises early
    forward.measure(repeat, [&] {
      for (const torch::Tensor& x : inputs) module.forward({x});
      if (on.is_cuda()) torch::cuda::synchronize();
    });
  }

  // The runner end to end, model loading (and its dry run) excluded.
  RunnerOptions options;
  options.device = device == "cuda" ? InferenceDevice::Cuda : InferenceDevice::Cpu;
  options.batchSize = batch;
  options.threads = threads;
  std::vector<std::size_t> samples(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < samples.size(); ++i) samples[i] = i;
  double load = 0;
  const Timing runner =
      timeRunner(manifest, hand, *dataset, options, samples, outDir, repeat, &load);
  std::printf("cpp_forward %.4f %.4f\nrunner %.4f %.4f\nrunner_load %.4f\n", forward.wall,
              forward.cpu, runner.wall, runner.cpu, load);
  if (!nullFile.empty()) {
    const Timing null = timeRunner(loadModelManifest(nullFile), hand, *dataset, options, samples,
                                   outDir, repeat, nullptr);
    std::printf("runner_null %.4f %.4f\n", null.wall, null.cpu);
  }
  return 0;
}
