#include "inference/ModelRunner.h"

#include "inference/Network.h"
#include "inference/SamplePreparation.h"
#include "util/Error.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/script.h>

#include <future>
#include <stdexcept>

namespace handalign {
using inference::Network;
using inference::NetworkOutputs;

namespace {

// One batch of network inputs, prepared on a helper thread while the previous batch runs.
struct Batch {
  std::vector<std::size_t> samples;
  std::vector<float> input;  // B × 3 × size × size
  std::vector<SampleFrame> frames;
};

Batch prepareBatch(const SamplePreparer& preparer, const std::vector<std::size_t>& samples,
                   std::size_t begin, std::size_t end, int size) {
  Batch b;
  const std::size_t plane = 3 * std::size_t(size) * size;
  b.samples.assign(samples.begin() + std::ptrdiff_t(begin), samples.begin() + std::ptrdiff_t(end));
  b.input.resize(b.samples.size() * plane);
  for (std::size_t i = 0; i < b.samples.size(); ++i)
    b.frames.push_back(preparer.prepare(b.samples[i], b.input.data() + i * plane));
  return b;
}

torch::Tensor onCpu(const torch::Tensor& t) {
  return t.defined() ? t.to(torch::kCPU, torch::kFloat).contiguous() : t;
}

}  // namespace

bool cudaAvailable() { return torch::cuda::is_available(); }

struct ModelRunner::Impl {
  ModelManifest manifest;
  HandModel hand;
  RunnerOptions options;
  inference::NetworkPlacement placement;
  std::unique_ptr<Network> network;

  NetworkOutputs forward(const torch::Tensor& input) {
    c10::InferenceMode guard;
    NetworkOutputs o = network->forward(input.to(placement.device, placement.dtype));
    inference::checkOutputs(o, input.size(0), manifest);
    return {onCpu(o.rough), onCpu(o.refined), onCpu(o.joints), onCpu(o.segmentation)};
  }

  SampleInference decode(const NetworkOutputs& o, std::int64_t b, const SampleFrame& frame,
                         const Dataset& dataset, std::size_t sample) const {
    const int v = manifest.vertexCount;
    const auto points = [&](const torch::Tensor& t, int rows) {
      return decodePoints(t.data_ptr<float>() + b * rows * 3, rows, manifest, frame);
    };
    SampleInference s;
    s.sample = sample;
    s.roughVertices = toHandModelOrder(points(o.rough, v), manifest.vertexOrder);
    if (o.refined.defined())
      s.refinedVertices = toHandModelOrder(points(o.refined, v), manifest.vertexOrder);
    if (o.joints.defined()) {
      s.roughJoints = points(o.joints, kJointCount);
      if (o.refined.defined()) s.refinedJoints = s.roughJoints;
    } else {
      s.roughJoints = hand.regressJoints(viewOf(s.roughVertices));
      if (o.refined.defined()) s.refinedJoints = hand.regressJoints(viewOf(s.refinedVertices));
    }
    for (Points* p : {&s.roughVertices, &s.refinedVertices, &s.roughJoints, &s.refinedJoints}) {
      roundPoints(*p, kInferenceStep);
      if (!p->allFinite())
        throw InputError(manifest.checkpoint,
                         "gave a non-finite coordinate for sample " + dataset.sampleId(sample));
    }
    if (o.segmentation.defined()) {
      const torch::Tensor labels = o.segmentation[b].argmax(0).to(torch::kUInt8).contiguous();
      LabelImage crop(int(labels.size(1)), int(labels.size(0)));
      std::copy_n(labels.data_ptr<std::uint8_t>(), crop.pixels.size(), crop.pixels.begin());
      s.segmentation =
          cropLabelsToImage(crop, frame.crop, dataset.imageWidth(), dataset.imageHeight());
    }
    return s;
  }
};

ModelRunner::ModelRunner(ModelManifest manifest, const HandModel& handModel,
                         const RunnerOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.manifest = std::move(manifest);
  d.hand = handModel;
  d.options = options;
  if (d.options.batchSize < 1) throw std::invalid_argument("the batch size must be at least 1");
  checkManifestAgainstHandModel(d.manifest, handModel.name, handModel.vertexCount);
  const bool cuda = cudaAvailable();
  if (options.device == InferenceDevice::Cuda && !cuda)
    throw std::invalid_argument(
        "CUDA was asked for, but this LibTorch has no CUDA support or sees no GPU "
        "(build with a CUDA LibTorch: -DTorch_DIR=..., docs/models.md)");
  const bool onGpu =
      options.device == InferenceDevice::Cuda || (options.device == InferenceDevice::Auto && cuda);
  if (options.half && !onGpu) throw std::invalid_argument("half precision needs a CUDA device");
  if (options.threads > 0) at::set_num_threads(options.threads);
  d.placement.device = onGpu ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  d.placement.dtype = options.half ? torch::kHalf : torch::kFloat;
  d.placement.segmentation = options.segmentation;
  d.network = d.manifest.isNative() ? inference::loadNativeNetwork(d.manifest, d.hand, d.placement)
                                    : inference::loadScriptNetwork(d.manifest, d.placement);
  // One blank input: a wrong architecture or output layout fails here, before any real work.
  d.forward(torch::zeros({1, 3, d.manifest.inputSize, d.manifest.inputSize}));
}

ModelRunner::~ModelRunner() = default;

const ModelManifest& ModelRunner::manifest() const { return impl_->manifest; }
const RunnerOptions& ModelRunner::options() const { return impl_->options; }

std::string ModelRunner::deviceName() const { return impl_->placement.device.str(); }

bool ModelRunner::hasRefined() const {
  const ModelManifest& m = impl_->manifest;
  return m.isNative() || m.refined.given() || m.refinedOffsets.given();
}

void ModelRunner::run(const Dataset& dataset, const std::vector<std::size_t>& samples,
                      const Sink& sink, const ProgressCallback& progress,
                      const CancellationToken* cancel) {
  Impl& d = *impl_;
  for (std::size_t s : samples)
    if (s >= dataset.size())
      throw std::out_of_range("sample " + std::to_string(s) + " is outside the dataset split");
  const SamplePreparer preparer(dataset, d.manifest);
  const std::size_t batch = std::size_t(d.options.batchSize);
  const int size = d.manifest.inputSize;
  const auto launch = [&](std::size_t begin) {
    return std::async(std::launch::async, prepareBatch, std::cref(preparer), std::cref(samples),
                      begin, std::min(samples.size(), begin + batch), size);
  };
  std::future<Batch> next;
  if (!samples.empty()) next = launch(0);
  for (std::size_t begin = 0; begin < samples.size(); begin += batch) {
    Batch current = next.get();
    if (begin + batch < samples.size()) next = launch(begin + batch);
    if (cancel && cancel->isCancelled()) throw Cancelled{};
    const auto count = std::int64_t(current.samples.size());
    const torch::Tensor input = torch::from_blob(current.input.data(), {count, 3, size, size});
    const NetworkOutputs outputs = d.forward(input);
    for (std::int64_t b = 0; b < count; ++b)
      sink(d.decode(outputs, b, current.frames[std::size_t(b)], dataset,
                    current.samples[std::size_t(b)]));
    if (progress) progress(begin + current.samples.size(), samples.size());
  }
  if (cancel && cancel->isCancelled()) throw Cancelled{};
}

std::vector<SampleInference> ModelRunner::run(const Dataset& dataset,
                                              const std::vector<std::size_t>& samples,
                                              const ProgressCallback& progress,
                                              const CancellationToken* cancel) {
  std::vector<SampleInference> out;
  out.reserve(samples.size());
  run(
      dataset, samples, [&](SampleInference&& s) { out.push_back(std::move(s)); }, progress,
      cancel);
  return out;
}

}  // namespace handalign
