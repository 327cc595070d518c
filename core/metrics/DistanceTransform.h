// Exact squared Euclidean distance transform (Felzenszwalb & Huttenlocher) on a pixel grid.
#pragma once

#include <cstdint>
#include <vector>

namespace handalign {

// Reusable scratch buffers, one per thread.
class DistanceTransform {
 public:
  // out[y·w + x] = squared distance from pixel (x, y) to the nearest pixel with sites[...] != 0,
  // computed over the w×h grid whose row stride in `sites` is `stride`. Without any site every value
  // is kNoSite.
  void compute(const std::uint8_t* sites, int w, int h, int stride, std::vector<std::int32_t>& out);

  static constexpr std::int32_t kNoSite = INT32_MAX;

 private:
  std::vector<double> f_, d_;
  std::vector<double> zBreaks_;
  std::vector<int> v_;
  std::vector<double> column_;
};

}  // namespace handalign
