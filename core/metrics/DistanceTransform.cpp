#include "metrics/DistanceTransform.h"

#include <cmath>
#include <limits>

namespace handalign {
namespace {

constexpr double kInf = 1e20;  // larger than any squared distance on an image, finite for the algebra

// 1-D lower envelope of parabolas (Felzenszwalb & Huttenlocher 2012), f and d of length n.
void envelope1d(const double* f, double* d, int n, std::vector<int>& v, std::vector<double>& z) {
  v.resize(std::size_t(n));
  z.resize(std::size_t(n) + 1);
  int k = 0;
  v[0] = 0;
  z[0] = -std::numeric_limits<double>::infinity();
  z[1] = std::numeric_limits<double>::infinity();
  for (int q = 1; q < n; ++q) {
    double s;
    for (;;) {
      const int p = v[std::size_t(k)];
      s = ((f[q] + double(q) * q) - (f[p] + double(p) * p)) / (2.0 * q - 2.0 * p);
      if (s <= z[std::size_t(k)] && k > 0) {
        --k;
        continue;
      }
      break;
    }
    ++k;
    v[std::size_t(k)] = q;
    z[std::size_t(k)] = s;
    z[std::size_t(k) + 1] = std::numeric_limits<double>::infinity();
  }
  k = 0;
  for (int q = 0; q < n; ++q) {
    while (z[std::size_t(k) + 1] < q) ++k;
    const int p = v[std::size_t(k)];
    d[q] = double(q - p) * (q - p) + f[p];
  }
}

}  // namespace

void DistanceTransform::compute(const std::uint8_t* sites, int w, int h, int stride,
                                std::vector<std::int32_t>& out) {
  out.assign(std::size_t(w) * h, kNoSite);
  if (w <= 0 || h <= 0) return;
  // Rows first: exact 1-D distance along x (cheap two-pass scan), squared.
  std::vector<double>& g = column_;
  g.resize(std::size_t(w) * h);
  bool anySite = false;
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* row = sites + std::size_t(y) * stride;
    double* gr = g.data() + std::size_t(y) * w;
    double last = -kInf;
    for (int x = 0; x < w; ++x) {
      if (row[x]) last = x, anySite = true;
      gr[x] = last == -kInf ? kInf : x - last;
    }
    last = kInf;
    for (int x = w - 1; x >= 0; --x) {
      if (row[x]) last = x;
      if (last != kInf && last - x < gr[x]) gr[x] = last - x;
    }
    for (int x = 0; x < w; ++x) gr[x] = gr[x] >= kInf ? kInf : gr[x] * gr[x];
  }
  if (!anySite) return;
  // Columns: lower envelope over the squared row distances.
  f_.resize(std::size_t(h));
  d_.resize(std::size_t(h));
  for (int x = 0; x < w; ++x) {
    for (int y = 0; y < h; ++y) f_[std::size_t(y)] = g[std::size_t(y) * w + x];
    envelope1d(f_.data(), d_.data(), h, v_, zBreaks_);
    for (int y = 0; y < h; ++y) {
      const double d = d_[std::size_t(y)];
      out[std::size_t(y) * w + x] = d >= kInf ? kNoSite : std::int32_t(std::lround(d));
    }
  }
}

}  // namespace handalign
