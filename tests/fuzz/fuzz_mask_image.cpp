// Fuzzes the 8-bit image and mask decoders (io/ImageIO, annotation/MaskFiles: decodeMaskLayer).
#include "FuzzSupport.h"
#include "annotation/MaskFiles.h"
#include "io/ImageIO.h"

using namespace handalign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const fuzz::fs::path dir = fuzz::freshDir("image");
  int w = 8, h = 8;
  for (const char* name : {"mask.png", "mask.jpg"}) {
    const fuzz::fs::path file = dir / name;
    fuzz::writeFile(file, bytes);
    fuzz::expect([&] {
      const Image<std::uint8_t> mask = readMask8(file);
      if (mask.pixels.size() != std::size_t(mask.width) * mask.height) std::abort();
      const LabelImage binary = binaryHandMask(mask);
      if (binary.pixels.size() != mask.pixels.size()) std::abort();
      w = mask.width, h = mask.height;
    });
    fuzz::expect([&] { readPng8(file); });
    fuzz::expect([&] { handMaskAt(readGray8(file), 16); });
    fuzz::expect([&] { imageSize(file); });
    fuzz::expect([&] { readHandMask(file, 32); });
  }
  for (const MaskLayer layer : {MaskLayer::Hand, MaskLayer::Parts})
    fuzz::expect([&] { decodeMaskLayer(bytes, layer, w, h, dir / "layer.png"); });
  return 0;
}
