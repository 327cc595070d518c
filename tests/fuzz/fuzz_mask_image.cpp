// Fuzzes the 8-bit image and mask decoders (io/ImageIO, annotation/MaskFiles: decodeMaskLayer).
#include "FuzzSupport.h"
#include "annotation/MaskFiles.h"
#include "io/ImageIO.h"

using namespace handalign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const fuzz::fs::path file = fuzz::freshDir("image") / "mask.png";  // decoded by content
  fuzz::writeFile(file, bytes);
  int w = 8, h = 8;
  fuzz::expect([&] {
    const Image<std::uint8_t> mask = readMask8(file);
    if (mask.pixels.size() != std::size_t(mask.width) * mask.height) std::abort();
    if (binaryHandMask(mask).pixels.size() != mask.pixels.size()) std::abort();
    w = mask.width, h = mask.height;
  });
  fuzz::expect([&] { readPng8(file); });
  fuzz::expect([&] { handMaskAt(readGray8(file), 16); });
  fuzz::expect([&] { imageSize(file); });
  fuzz::expect([&] { readHandMask(file, 32); });
  for (const MaskLayer layer : {MaskLayer::Hand, MaskLayer::Parts})
    fuzz::expect([&] { decodeMaskLayer(bytes, layer, w, h, file); });
  return 0;
}
