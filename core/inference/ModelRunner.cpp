#include "inference/ModelRunner.h"

#include "util/Cores.h"

#include "inference/Network.h"
#include "inference/SamplePreparation.h"
#include "util/Error.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/script.h>

#include <Eigen/Geometry>

#include <dlfcn.h>

#include <algorithm>
#include <future>
#include <stdexcept>
#include <thread>

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

// Sample b of a B × … tensor as doubles.
std::vector<double> valuesOf(const torch::Tensor& t, std::int64_t b) {
  if (!t.defined()) return {};
  const std::int64_t n = t.numel() / t.size(0);
  const float* p = t.data_ptr<float>() + b * n;
  return std::vector<double>(p, p + n);
}

Eigen::Vector3d axisAngleOf(const double* r) {  // a 3×3 rotation matrix, row-major
  Eigen::Matrix3d m;
  for (int i = 0; i < 9; ++i) m(i / 3, i % 3) = r[i];
  const Eigen::AngleAxisd a(m);
  return a.angle() * a.axis();
}

// The MANO parameters of sample b, from the manifest's outputs.
ManoParameters manoParameters(const NetworkOutputs& o, std::int64_t b, const ModelManifest& m) {
  ManoParameters p;
  p.flatHandMean = m.manoFlatHandMean;
  p.pca = m.manoPoseFormat == ManoPoseFormat::Pca;
  std::vector<double> pose = valuesOf(o.manoPose, b);
  const std::vector<double> global = valuesOf(o.manoGlobal, b);
  if (m.manoPoseFormat == ManoPoseFormat::RotationMatrix) {  // to axis-angle, joint by joint
    std::vector<double> aa;
    for (std::size_t j = 0; j + 9 <= pose.size(); j += 9) {
      const Eigen::Vector3d r = axisAngleOf(pose.data() + j);
      aa.insert(aa.end(), {r.x(), r.y(), r.z()});
    }
    pose = aa;
  }
  if (!global.empty()) {
    p.globalRotation = global.size() == 9 ? axisAngleOf(global.data())
                                          : Eigen::Vector3d(global[0], global[1], global[2]);
    p.hand = pose;
  } else {
    p.globalRotation = Eigen::Vector3d(pose[0], pose[1], pose[2]);
    p.hand.assign(pose.begin() + 3, pose.end());
  }
  p.shape = valuesOf(o.manoShape, b);
  const std::vector<double> t = valuesOf(o.manoTranslation, b);
  if (!t.empty()) p.translation = Eigen::Vector3d(t[0], t[1], t[2]);
  return p;
}

}  // namespace

bool cudaAvailable() { return torch::cuda::is_available(); }

// LibTorch's CPU threads: the given count, else one per CPU this process may run on (its
// affinity mask; LibTorch's own default is half the hardware threads). Its GEMM calls go to the
// system BLAS; a pthreads OpenBLAS would start threads of its own inside each of LibTorch's and
// oversubscribe the CPUs (10× slower, docs/benchmarks.md), so it is kept to one. An OpenMP
// OpenBLAS shares LibTorch's OpenMP threads and is left alone (its setter would reset OpenMP's
// count). Looked up at run time: other BLAS builds have no such functions.
void setInferenceThreads(int threads) {
  int n = threads;
  if (n <= 0) n = usableCores();
  for (const char* library : {"libopenblas.so.0", "libblas.so.3"}) {
    void* handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);  // only if already loaded
    if (!handle) continue;
    auto* set = reinterpret_cast<void (*)(int)>(dlsym(handle, "openblas_set_num_threads"));
    auto* parallel = reinterpret_cast<int (*)()>(dlsym(handle, "openblas_get_parallel"));
    if (set && parallel && parallel() == 1) set(1);  // 1: pthreads, 2: OpenMP, 0: sequential
    dlclose(handle);
    if (set) break;
  }
  at::set_num_threads(std::max(1, n));
}

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
    return o.onCpu();
  }

  SampleInference decode(const NetworkOutputs& o, std::int64_t b, const SampleFrame& frame,
                         const Dataset& dataset, std::size_t sample) const {
    const int v = manifest.vertexCount;
    const auto points = [&](const torch::Tensor& t, int rows) {
      return decodePoints(t.data_ptr<float>() + b * rows * 3, rows, manifest, frame);
    };
    SampleInference s;
    s.sample = sample;
    Points rough, refined, joints;  // hand-model order, in the output's frame
    if (manifest.hasMano()) {       // the hand model's MANO layer makes the mesh
      try {
        rough = manoForward(*hand.mano, manoParameters(o, b, manifest)).vertices;
      } catch (const std::invalid_argument& e) {
        throw InputError(manifest.checkpoint, std::string("MANO outputs of sample ") +
                                                  dataset.sampleId(sample) + ": " + e.what());
      }
    } else {
      rough = toHandModelOrder(points(o.rough, v), manifest.vertexOrder);
    }
    if (o.refined.defined()) refined = toHandModelOrder(points(o.refined, v), manifest.vertexOrder);
    if (o.joints.defined()) joints = points(o.joints, kJointCount);
    // Root-relative outputs are moved by one offset: the output's own root joint to the sample's.
    Eigen::Vector3d outputRoot = Eigen::Vector3d::Zero();
    if (manifest.frame == CoordinateFrame::RootRelative)
      outputRoot = (joints.rows() ? joints : hand.regressJoints(viewOf(rough)))
                       .row(manifest.rootJoint)
                       .transpose();
    // Crop-camera and root-relative outputs are placed (and mirrored back) here; lixel points
    // were decoded (and mirrored) by decodePoints.
    const auto place = [&](const Points& p) {
      if (manifest.frame == CoordinateFrame::RootRelative)
        return fromRootRelative(p, outputRoot, frame);
      if (manifest.frame != CoordinateFrame::CropCamera) return p;
      const std::vector<double> c = valuesOf(o.camera, b);
      try {
        return fromCropCamera(p, Eigen::Vector3d(c[0], c[1], c[2]), manifest, frame);
      } catch (const std::invalid_argument& e) {
        throw InputError(manifest.checkpoint, std::string("gave ") + e.what() + " for sample " +
                                                  dataset.sampleId(sample));
      }
    };
    s.roughVertices = place(rough);
    if (o.refined.defined()) s.refinedVertices = place(refined);
    if (o.joints.defined()) {
      s.roughJoints = place(joints);
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
      s.segmentationClasses = int(o.segmentation.size(1));
      s.segmentation =
          cropLabelsToImage(crop, frame.crop, dataset.imageWidth(), dataset.imageHeight());
      if (frame.mirrored)  // labels of the mirrored image: x → W − 1 − x
        for (int y = 0; y < s.segmentation.height; ++y)
          std::reverse(
              s.segmentation.pixels.begin() + std::ptrdiff_t(y) * s.segmentation.width,
              s.segmentation.pixels.begin() + std::ptrdiff_t(y + 1) * s.segmentation.width);
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
  if (d.manifest.hasMano() && !handModel.mano)
    throw InputError(d.manifest.file, "declares MANO outputs, but the hand model " +
                                          handModel.name +
                                          " has no \"mano\" section (make it from your MANO pickle "
                                          "with tools/mano_to_handmodel.py)");
  const bool cuda = cudaAvailable();
  if (options.device == InferenceDevice::Cuda && !cuda)
    throw std::invalid_argument(
        "CUDA was asked for, but this LibTorch has no CUDA support or sees no GPU "
        "(build with a CUDA LibTorch: -DTorch_DIR=..., docs/models.md)");
  const bool onGpu =
      options.device == InferenceDevice::Cuda || (options.device == InferenceDevice::Auto && cuda);
  if (options.half && !onGpu) throw std::invalid_argument("half precision needs a CUDA device");
  setInferenceThreads(options.threads);
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

bool ModelRunner::hasSegmentation() const {
  return impl_->manifest.isNative() || impl_->manifest.segmentation.given();
}

void ModelRunner::run(const Dataset& dataset, const std::vector<std::size_t>& samples,
                      const Sink& sink, const ProgressCallback& progress,
                      const CancellationToken* cancel) {
  Impl& d = *impl_;
  for (std::size_t s : samples)
    if (s >= dataset.size())
      throw std::out_of_range("sample " + std::to_string(s) + " is outside the dataset split");
  const SamplePreparer preparer(dataset, d.manifest);
  preparer.checkSides(samples);  // before any work
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
