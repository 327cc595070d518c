// Weights files of the native network: a flat {official key: tensor} dict in torch.save's zip
// format.
#include "inference/net/HandArNet.h"

#include "util/Error.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/import_read.h>
#include <torch/serialize.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

namespace handalign::inference {
namespace fs = std::filesystem;

namespace {
using TensorMap = std::map<std::string, torch::Tensor>;
using State = std::vector<std::pair<std::string, torch::Tensor>>;

const char* const kConvertHint =
    "convert official snapshots with tools/handar/convert_checkpoint.py";

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string shapeText(at::IntArrayRef sizes) {
  if (sizes.empty()) return "a scalar";
  std::string s;
  for (size_t i = 0; i < sizes.size(); ++i) s += (i ? "×" : "") + std::to_string(sizes[i]);
  return s;
}

std::string listed(const std::vector<std::string>& keys) {
  std::string s;
  const size_t shown = std::min<size_t>(keys.size(), 4);
  for (size_t i = 0; i < shown; ++i) s += (i ? ", " : "") + keys[i];
  if (keys.size() > shown) s += ", … and " + std::to_string(keys.size() - shown) + " more";
  return s;
}

// DataParallel's "module." segments are dropped; the release's attribute name "pose_net" is the
// checkpoint group "posenet".
std::string canonicalKey(std::string key) {
  for (size_t at;
       (at = key.find("module.")) != std::string::npos && (at == 0 || key[at - 1] == '.');) {
    key.erase(at, 7);
  }
  if (key.rfind("pose_net.", 0) == 0) key = "posenet." + key.substr(9);
  return key;
}

// Buffers whose absence says nothing about the architecture (older PyTorch / PyG versions).
bool hasDefault(const std::string& key) {
  const auto endsWith = [&](const std::string& tail) {
    return key.size() >= tail.size() &&
           key.compare(key.size() - tail.size(), tail.size(), tail) == 0;
  };
  return endsWith(".num_batches_tracked") || (key.rfind("gcn.", 0) == 0 && endsWith(".eps"));
}

// Parameters and buffers in PyTorch's state_dict order.
State stateOf(const torch::nn::Module& module) {
  State state;
  for (const auto& m : module.named_modules("", true)) {
    const std::string prefix = m.key().empty() ? "" : m.key() + ".";
    for (const auto& p : m.value()->named_parameters(false))
      state.emplace_back(prefix + p.key(), p.value());
    for (const auto& b : m.value()->named_buffers(false))
      state.emplace_back(prefix + b.key(), b.value());
  }
  return state;
}

TensorMap readWeightsFile(const fs::path& path) {
  if (!fs::is_regular_file(path)) throw InputError(path, "no such weights file");
  c10::IValue value;
  try {
    caffe2::serialize::PyTorchStreamReader reader(path.string());
    value = torch::jit::readArchiveAndTensors("data", "", "", c10::nullopt, c10::nullopt,
                                              c10::Device(c10::kCPU), reader);
  } catch (const c10::Error& e) {
    throw InputError(path, "not a weights file (a flat {name: tensor} dict saved by torch.save; " +
                               std::string(kConvertHint) +
                               "): " + firstLine(e.what_without_backtrace()));
  }
  if (!value.isGenericDict()) {
    throw InputError(path, "not a weights file: it holds a " + std::string(value.tagKind()) +
                               ", not a flat {name: tensor} dict");
  }
  TensorMap map;
  for (const auto& item : value.toGenericDict()) {
    if (!item.key().isString()) throw InputError(path, "not a weights file: a key is not a string");
    const std::string& key = item.key().toStringRef();
    if (item.value().isGenericDict()) {
      throw InputError(
          path,
          "\"" + key + "\" holds a dict, not a tensor (an official snapshot?); " + kConvertHint);
    }
    if (!item.value().isTensor()) {
      throw InputError(path, "\"" + key + "\" holds a " + std::string(item.value().tagKind()) +
                                 ", not a tensor");
    }
    if (!map.emplace(canonicalKey(key), item.value().toTensor()).second) {
      throw InputError(path, "\"" + key + "\" appears twice (with and without a module. prefix?)");
    }
  }
  return map;
}

// Checks every key and shape first, then copies: on any error the network is left unchanged.
void assign(torch::nn::Module& net, const TensorMap& weights, const fs::path& path) {
  const State state = stateOf(net);
  std::vector<std::string> missing, unexpected;
  std::map<std::string, bool> known;
  for (const auto& [key, target] : state) {
    known[key] = true;
    if (!weights.count(key) && !hasDefault(key)) missing.push_back(key);
  }
  for (const auto& [key, tensor] : weights) {
    if (!known.count(key)) unexpected.push_back(key);
  }
  if (!missing.empty()) {
    throw InputError(path, "not weights of this network: " + std::to_string(missing.size()) +
                               " missing (" + listed(missing) + ")");
  }
  if (!unexpected.empty()) {
    throw InputError(path, "not weights of this network: " + std::to_string(unexpected.size()) +
                               " unexpected (" + listed(unexpected) + ")");
  }
  for (const auto& [key, target] : state) {
    const auto it = weights.find(key);
    if (it == weights.end()) continue;
    const torch::Tensor& source = it->second;
    if (source.sizes() != target.sizes()) {
      throw InputError(path, "weights of another architecture: " + key + " is " +
                                 shapeText(source.sizes()) + ", expected " +
                                 shapeText(target.sizes()));
    }
    if (target.is_floating_point() && !source.is_floating_point()) {
      throw InputError(path, key + " holds " + std::string(source.dtype().name()) +
                                 " values, expected floating point");
    }
    if (source.is_floating_point() && !torch::isfinite(source).all().item<bool>()) {
      throw InputError(path, key + " holds NaN or infinite values");
    }
  }
  torch::NoGradGuard noGrad;
  for (const auto& [key, target] : state) {
    const auto it = weights.find(key);
    if (it != weights.end()) target.copy_(it->second);
  }
}

int64_t sizeOf(const TensorMap& weights, const std::string& key, int64_t dim,
               const fs::path& path) {
  const auto it = weights.find(key);
  if (it == weights.end()) throw InputError(path, "not HandAR weights: no " + key);
  if (it->second.dim() <= dim) {
    throw InputError(
        path, "weights of another architecture: " + key + " is " + shapeText(it->second.sizes()));
  }
  return it->second.size(dim);
}
}  // namespace

void loadWeights(HandArNet& net, const std::string& path) {
  assign(*net, readWeightsFile(path), path);
}

void saveWeights(const HandArNet& net, const std::string& path) {
  c10::Dict<std::string, torch::Tensor> dict;
  for (const auto& [key, tensor] : stateOf(*net)) {
    dict.insert(key, tensor.detach().to(torch::kCPU).contiguous());
  }
  const std::vector<char> bytes = torch::pickle_save(c10::IValue(dict));
  const fs::path target(path);
  const fs::path temporary = target.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw InputError(target, "cannot write the weights file");
    }
  }
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error) {
    fs::remove(temporary, error);
    throw InputError(target, "cannot replace the weights file: " + error.message());
  }
}

HandArNet loadHandArNet(const std::string& path, HandArConfig config) {
  const TensorMap weights = readWeightsFile(path);
  const int64_t width = sizeOf(weights, "pose_backbone.conv1.weight", 0, path);
  const int64_t zChannels = sizeOf(weights, "mesh_net.conv_z_1.0.weight", 0, path);
  if (zChannels % (4 * width) != 0) {
    throw InputError(path, "weights of another architecture: mesh_net.conv_z_1.0.weight has " +
                               std::to_string(zChannels) + " output channels, not a multiple of " +
                               std::to_string(4 * width));
  }
  config.width = static_cast<int>(width);
  config.lixelBins = static_cast<int>(zChannels / (4 * width));
  config.inputSize = 4 * config.lixelBins;
  config.jointCount = static_cast<int>(sizeOf(weights, "posenet.conv_x.0.weight", 0, path));
  config.vertexCount = static_cast<int>(sizeOf(weights, "mesh_net.conv_x.0.weight", 0, path));
  config.segmentationClasses =
      static_cast<int>(sizeOf(weights, "segmentation_net.predict_head.1.weight", 0, path));
  for (const auto& e : config.edges) {
    if (std::max(e[0], e[1]) >= config.vertexCount) {
      throw InputError(path, "the weights are for " + std::to_string(config.vertexCount) +
                                 " vertices, but the mesh edges reach vertex " +
                                 std::to_string(std::max(e[0], e[1])) +
                                 " (a hand model of another topology?)");
    }
  }
  HandArNet net{nullptr};
  try {
    net = HandArNet(config);
  } catch (const std::invalid_argument& e) {
    throw InputError(path, std::string("weights of another architecture: ") + e.what());
  }
  assign(*net, weights, path);
  return net;
}

}  // namespace handalign::inference
