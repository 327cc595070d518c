// Inference-only rewrites of a loaded network, the same function in fewer operations: batch norms
// folded into the convolution before them, stride-2 4×4 transposed convolutions as four 2×2
// convolutions (one per output phase; oneDNN runs those, LibTorch's transposed path is im2col).
#pragma once

#include <torch/torch.h>

namespace handalign::inference::net {

// BatchNorm2d at inference (running statistics; the parameter and buffer names of
// torch::nn::BatchNorm2d, so checkpoints load unchanged) that passes its input through once
// folded. (Not a subclass of BatchNorm2dImpl: LibTorch does not export what its vtable needs.)
class FoldableBatchNorm2dImpl : public torch::nn::Module {
 public:
  explicit FoldableBatchNorm2dImpl(int64_t features, double eps = 1e-5);
  torch::Tensor forward(const torch::Tensor& x);
  bool folded() const { return folded_; }
  void setFolded() { folded_ = true; }

  torch::Tensor weight, bias, running_mean, running_var, num_batches_tracked;
  double eps;

 private:
  bool folded_ = false;
};
TORCH_MODULE(FoldableBatchNorm2d);

// A 4×4 transposed convolution of stride 2 and padding 1 (I2L-MeshNet's deconvolution; the
// checkpoint's weight: in × out × 4 × 4). After split(), output pixel (2m + a, 2n + b) is a 2×2
// convolution of the input around (m, n) with the taps of phase (a, b).
class Deconv2xImpl : public torch::nn::ConvTranspose2dImpl {
 public:
  Deconv2xImpl(int64_t in, int64_t out, bool bias);
  torch::Tensor forward(const torch::Tensor& x);
  // The four phase kernels (out × in × 2 × 2) and the bias, from the current weight and bias.
  void split();

 private:
  torch::Tensor phases_;  // 4 × out × in × 2 × 2, on the weight's device
  torch::Tensor phaseBias_;
};
TORCH_MODULE(Deconv2x);

// Folds every FoldableBatchNorm2d into the Conv2d / Deconv2x registered just before it (every
// module of the network applies them in that order), then splits every Deconv2x. The network
// must be in eval mode and on its device and dtype (what is added does not follow a later .to());
// its outputs stay the same up to float rounding.
void prepareForInference(torch::nn::Module& network);

}  // namespace handalign::inference::net
