// Small row-major images: label images (0 background, 1..6 parts) and binary masks.
#pragma once

#include <cstdint>
#include <vector>

namespace handalign {

template <typename T>
struct Image {
  int width = 0;
  int height = 0;
  std::vector<T> pixels;

  Image() = default;
  Image(int w, int h, T fill = T{}) : width(w), height(h), pixels(std::size_t(w) * h, fill) {}
  void reset(int w, int h, T fill = T{}) {
    width = w;
    height = h;
    pixels.assign(std::size_t(w) * h, fill);
  }
  T& at(int x, int y) { return pixels[std::size_t(y) * width + x]; }
  const T& at(int x, int y) const { return pixels[std::size_t(y) * width + x]; }
  bool empty() const { return pixels.empty(); }
};

using LabelImage = Image<std::uint8_t>;  // 0 background, 1 palm, 2 thumb ... 6 pinky (or 1 = hand)

}  // namespace handalign
