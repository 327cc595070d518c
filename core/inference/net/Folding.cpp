#include "inference/net/Folding.h"

#include <stdexcept>

namespace handalign::inference::net {
namespace nn = torch::nn;
using torch::indexing::Slice;

namespace {

// Output phase a (0, 1) of a stride-2 padding-1 4×4 transposed convolution reads input rows
// m − 1 and m (a = 0: kernel rows 3, 1) or m and m + 1 (a = 1: kernel rows 2, 0).
constexpr int64_t kTaps[2][2] = {{3, 1}, {2, 0}};

// W ← scale·W in place and the bias scale·(b − mean) + beta per output channel (`outputDim` of
// the weight), computed in at least float32 (a half-precision network is folded in float32).
torch::Tensor fold(torch::Tensor& weight, const torch::Tensor& bias, FoldableBatchNorm2dImpl& bn,
                   int64_t outputDim) {
  const auto type = torch::promote_types(weight.scalar_type(), torch::kFloat);
  const auto scale = bn.weight.to(type) / torch::sqrt(bn.running_var.to(type) + bn.eps);
  std::vector<int64_t> shape(std::size_t(weight.dim()), 1);
  shape[std::size_t(outputDim)] = -1;
  weight.copy_(weight.to(type) * scale.reshape(shape));
  const auto b = bias.defined() ? bias.to(type) : torch::zeros_like(scale);
  bn.setFolded();
  return ((b - bn.running_mean.to(type)) * scale + bn.bias.to(type)).to(weight.scalar_type());
}

// The folded bias replaces a defined bias in place; a convolution without one gets it as its
// `bias` member (its registered "bias" slot is LibTorch's undefined placeholder; the network has
// been moved to its device already, so nothing needs to follow .to()).
template <class Conv>
void foldIntoConv(Conv& conv, FoldableBatchNorm2dImpl& bn, int64_t outputDim) {
  const torch::Tensor bias = fold(conv.weight, conv.bias, bn, outputDim);
  if (conv.bias.defined())
    conv.bias.copy_(bias);
  else
    conv.bias = bias;
}

void foldInto(nn::Module& conv, FoldableBatchNorm2dImpl& bn) {
  torch::NoGradGuard noGrad;
  if (auto* c = dynamic_cast<nn::Conv2dImpl*>(&conv))
    foldIntoConv(*c, bn, 0);  // out × in × k × k
  else if (auto* d = dynamic_cast<Deconv2xImpl*>(&conv))
    foldIntoConv(*d, bn, 1);  // in × out × 4 × 4
}

void foldAll(nn::Module& module) {
  std::shared_ptr<nn::Module> previous;
  for (const auto& child : module.children()) {
    if (auto* bn = dynamic_cast<FoldableBatchNorm2dImpl*>(child.get());
        bn && previous && !bn->folded())
      foldInto(*previous, *bn);
    previous = child;
    foldAll(*child);
  }
}

void splitAll(nn::Module& module) {
  if (auto* d = dynamic_cast<Deconv2xImpl*>(&module)) d->split();
  for (const auto& child : module.children()) splitAll(*child);
}

}  // namespace

FoldableBatchNorm2dImpl::FoldableBatchNorm2dImpl(int64_t features, double eps_) : eps(eps_) {
  weight = register_parameter("weight", torch::ones({features}));
  bias = register_parameter("bias", torch::zeros({features}));
  running_mean = register_buffer("running_mean", torch::zeros({features}));
  running_var = register_buffer("running_var", torch::ones({features}));
  num_batches_tracked = register_buffer("num_batches_tracked", torch::zeros({}, torch::kLong));
}

torch::Tensor FoldableBatchNorm2dImpl::forward(const torch::Tensor& x) {
  if (folded_) return x;
  return torch::batch_norm(x, weight, bias, running_mean, running_var, /*training=*/false,
                           /*momentum=*/0.1, eps, /*cudnn_enabled=*/true);
}

Deconv2xImpl::Deconv2xImpl(int64_t in, int64_t out, bool bias)
    : nn::ConvTranspose2dImpl(nn::ConvTranspose2dOptions(in, out, 4)
                                  .stride(2)
                                  .padding(1)
                                  .output_padding(0)
                                  .bias(bias)) {}

void Deconv2xImpl::split() {
  torch::NoGradGuard noGrad;
  const auto w = weight.permute({1, 0, 2, 3});  // out × in × 4 × 4
  std::vector<torch::Tensor> phases;
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) {
      const auto rows = torch::tensor({kTaps[a][0], kTaps[a][1]}, torch::kLong).to(w.device());
      const auto cols = torch::tensor({kTaps[b][0], kTaps[b][1]}, torch::kLong).to(w.device());
      phases.push_back(w.index_select(2, rows).index_select(3, cols));
    }
  phases_ = torch::stack(phases).contiguous();
  if (bias.defined()) phaseBias_ = bias.detach().clone();
}

torch::Tensor Deconv2xImpl::forward(const torch::Tensor& x) {
  if (!phases_.defined()) return nn::ConvTranspose2dImpl::forward(x);
  const int64_t batch = x.size(0), height = x.size(2), width = x.size(3);
  const auto padded = torch::constant_pad_nd(x, {1, 1, 1, 1});
  std::vector<torch::Tensor> out;
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) {
      const auto window =
          padded.index({Slice(), Slice(), Slice(a, a + height + 1), Slice(b, b + width + 1)});
      out.push_back(torch::conv2d(window, phases_[2 * a + b], phaseBias_));
    }
  const int64_t channels = out[0].size(1);
  // (B, C, 4 = a·2 + b, H, W) → (B, C, H, a, W, b) → (B, C, 2H, 2W)
  return torch::stack(out, 2)
      .view({batch, channels, 2, 2, height, width})
      .permute({0, 1, 4, 2, 5, 3})
      .reshape({batch, channels, 2 * height, 2 * width});
}

void prepareForInference(nn::Module& network) {
  if (network.is_training())
    throw std::logic_error("prepareForInference needs a network in eval mode");
  foldAll(network);
  splitAll(network);
}

}  // namespace handalign::inference::net
