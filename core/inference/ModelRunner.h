// Runs a model (checkpoint + manifest) on dataset samples: the rough mesh M_r and the refined mesh
// M_f of each, camera frame, metres, hand-model vertex order. Plain C++ data; LibTorch stays
// inside.
#pragma once

#include "dataset/Dataset.h"
#include "geometry/Points.h"
#include "hand/HandModel.h"
#include "inference/ModelManifest.h"
#include "raster/LabelImage.h"
#include "util/Cancellation.h"
#include "util/Progress.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace handalign {

enum class InferenceDevice { Auto, Cpu, Cuda };

struct RunnerOptions {
  InferenceDevice device = InferenceDevice::Auto;  // Auto: CUDA when built with it and a GPU exists
  int batchSize = 8;
  bool half = false;          // float16 weights and inputs (CUDA only)
  int threads = 0;            // LibTorch CPU threads (process-wide); 0: one per usable CPU
  bool segmentation = false;  // also return the segmentation output, when the model has one
};

struct SampleInference {
  std::size_t sample = 0;
  Points roughVertices;    // V×3, M_r
  Points refinedVertices;  // V×3, M_f = M_r + ΔM; empty when the model has no refined output
  // 21×3: the model's joints output when it has one, else the hand model's regressor applied to
  // each mesh.
  Points roughJoints, refinedJoints;
  // Per image pixel, the argmax class of the segmentation output mapped back from the crop
  // (0 outside it); empty unless RunnerOptions::segmentation and the model has one.
  LabelImage segmentation;
  int segmentationClasses = 0;  // the segmentation output's class count (C of B×C×H×W)
};

// Coordinates are rounded to 0.1 µm, which is what the prediction files keep, so an evaluation
// in memory and one of the written files give the same numbers.
constexpr double kInferenceStep = 1e-7;

// Whether this LibTorch was built with CUDA and sees a GPU.
bool cudaAvailable();

// LibTorch's CPU threads for inference (process-wide): `threads`, or one per CPU of the process's
// affinity mask when 0; a pthreads OpenBLAS (when it is the BLAS) is kept to one thread of its own.
void setInferenceThreads(int threads);

class ModelRunner {
 public:
  // Loads the checkpoint, places it on the device and runs it once on a blank input to check its
  // outputs against the manifest. Throws InputError naming the manifest or checkpoint;
  // std::invalid_argument for options that cannot be met (CUDA without a GPU, half on the CPU).
  ModelRunner(ModelManifest manifest, const HandModel& handModel,
              const RunnerOptions& options = {});
  ~ModelRunner();
  ModelRunner(const ModelRunner&) = delete;
  ModelRunner& operator=(const ModelRunner&) = delete;

  const ModelManifest& manifest() const;
  std::string deviceName() const;  // "cpu" or "cuda:0"
  bool hasRefined() const;
  bool hasSegmentation() const;  // the native network, or a TorchScript "outputs.segmentation"
  const RunnerOptions& options() const;

  using Sink = std::function<void(SampleInference&&)>;
  // Runs `samples` (dataset indices, in this order) in batches and hands each result to `sink`
  // in order, on the calling thread; `progress` after each batch. Throws Cancelled when `cancel`
  // fires, InputError for a bad image, mask, crop or a non-finite output.
  void run(const Dataset& dataset, const std::vector<std::size_t>& samples, const Sink& sink,
           const ProgressCallback& progress = {}, const CancellationToken* cancel = nullptr);
  // The same, collected.
  std::vector<SampleInference> run(const Dataset& dataset, const std::vector<std::size_t>& samples,
                                   const ProgressCallback& progress = {},
                                   const CancellationToken* cancel = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace handalign
