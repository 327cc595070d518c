#include "annotation/MaskFiles.h"

#include "hand/Part.h"
#include "io/ImageDecode.h"
#include "util/Error.h"

#include <QCryptographicHash>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <stdexcept>

namespace handalign {
namespace {

constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
// The IEND chunk: length 0, type, CRC. A file cut short loses it, even when the pixel rows survive.
constexpr std::uint8_t kIend[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};

std::uint32_t bigEndian(const std::string& b, std::size_t at) {
  return std::uint32_t(std::uint8_t(b[at])) << 24 | std::uint32_t(std::uint8_t(b[at + 1])) << 16 |
         std::uint32_t(std::uint8_t(b[at + 2])) << 8 | std::uint32_t(std::uint8_t(b[at + 3]));
}

std::string sha256(const std::string& bytes) {
  return QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                  QCryptographicHash::Sha256)
      .toHex()
      .toStdString();
}

std::string colourTypeName(int type) {
  switch (type) {
    case 2:
      return "an RGB PNG";
    case 3:
      return "a palette (indexed colour) PNG";
    case 4:
      return "a grey + alpha PNG";
    case 6:
      return "an RGBA PNG";
    default:
      return "a PNG of unknown colour type " + std::to_string(type);
  }
}

// The header checks, before any decoding: clear messages for the usual foreign files.
void checkHeader(const std::string& b, int width, int height, const std::filesystem::path& file) {
  if (b.empty()) throw InputError(file, "empty file");
  if (b.size() < 8 || !std::equal(kSignature, kSignature + 8, b.begin(),
                                  [](std::uint8_t s, char c) { return s == std::uint8_t(c); }))
    throw InputError(file, "not a PNG file (corrected masks are lossless PNGs)");
  if (b.size() < 33 || b.compare(12, 4, "IHDR") != 0)
    throw InputError(file, "truncated or corrupt PNG (no image header)");
  if (b.size() < 33 + 12 ||
      !std::equal(kIend, kIend + 12, b.end() - 12,
                  [](std::uint8_t s, char c) { return s == std::uint8_t(c); }))
    throw InputError(file, "truncated PNG (the file does not end with the IEND chunk)");
  const std::uint32_t w = bigEndian(b, 16), h = bigEndian(b, 20);
  const int depth = std::uint8_t(b[24]), colour = std::uint8_t(b[25]);
  if (colour != 0)
    throw InputError(
        file, colourTypeName(colour) + "; corrected masks are 8-bit single-channel (grey) PNGs");
  if (depth != 8)
    throw InputError(file, "a " + std::to_string(depth) +
                               "-bit PNG; corrected masks are 8-bit single-channel PNGs");
  if (w != std::uint32_t(width) || h != std::uint32_t(height))
    throw InputError(file, "is " + std::to_string(w) + "x" + std::to_string(h) +
                               ", the sample image is " + std::to_string(width) + "x" +
                               std::to_string(height));
}

}  // namespace

std::string MaskFiles::hash() const {
  if (empty()) return {};
  return sha256(hand) + "/" + (parts.empty() ? std::string("-") : sha256(parts));
}

MaskFiles encodeMaskAnnotation(const MaskAnnotation& a) {
  if (a.hand.empty()) throw std::invalid_argument("a corrected mask needs its hand layer");
  const std::size_t n = std::size_t(a.width()) * std::size_t(a.height());
  if (a.hand.pixels.size() != n) throw std::invalid_argument("hand layer of the wrong size");
  if (a.hasParts() &&
      (a.parts.width != a.width() || a.parts.height != a.height() || a.parts.pixels.size() != n))
    throw std::invalid_argument("the part layer's size differs from the hand layer's");
  cv::Mat hand(a.height(), a.width(), CV_8UC1);
  for (int y = 0; y < a.height(); ++y) {
    std::uint8_t* row = hand.ptr<std::uint8_t>(y);
    for (int x = 0; x < a.width(); ++x) {
      const std::uint8_t v = a.hand.at(x, y);
      if (v > 1) throw std::invalid_argument("hand layer values must be 0 or 1");
      row[x] = v ? 255 : 0;
    }
  }
  auto encode = [](const cv::Mat& m) {
    std::vector<std::uint8_t> buf;
    if (!cv::imencode(".png", m, buf)) throw std::runtime_error("cannot encode a PNG");
    return std::string(buf.begin(), buf.end());
  };
  MaskFiles out;
  out.hand = encode(hand);
  if (a.hasParts()) {
    for (std::uint8_t v : a.parts.pixels)
      if (v > kPartCount) throw std::invalid_argument("part labels must be 0..6");
    const cv::Mat parts(a.height(), a.width(), CV_8UC1,
                        const_cast<std::uint8_t*>(a.parts.pixels.data()));
    out.parts = encode(parts);
  }
  return out;
}

LabelImage decodeMaskLayer(const std::string& png, MaskLayer layer, int width, int height,
                           const std::filesystem::path& file) {
  checkHeader(png, width, height, file);
  const cv::Mat m = decodeImage(std::vector<std::uint8_t>(png.begin(), png.end()), file, false);
  if (m.empty() || m.type() != CV_8UC1 || m.cols != width || m.rows != height)
    throw InputError(file, "corrupt PNG (cannot be decoded)");
  LabelImage out(width, height);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* row = m.ptr<std::uint8_t>(y);
    for (int x = 0; x < width; ++x) {
      const std::uint8_t v = row[x];
      if (layer == MaskLayer::Hand) {
        if (v != 0 && v != 255)
          throw InputError(file, "value " + std::to_string(v) + " at (" + std::to_string(x) + ", " +
                                     std::to_string(y) +
                                     "); hand masks hold 0 (background) and 255 (hand) only");
        out.at(x, y) = v ? 1 : 0;
      } else {
        if (v > kPartCount)
          throw InputError(file, "value " + std::to_string(v) + " at (" + std::to_string(x) + ", " +
                                     std::to_string(y) +
                                     "); part labels are 0 (none) and 1..6 (palm .. pinky)");
        out.at(x, y) = v;
      }
    }
  }
  return out;
}

MaskAnnotation decodeMaskFiles(const MaskFiles& files, int width, int height,
                               const std::filesystem::path& handFile,
                               const std::filesystem::path& partsFile) {
  if (files.hand.empty()) throw InputError(handFile, "no such file");
  MaskAnnotation a;
  a.hand = decodeMaskLayer(files.hand, MaskLayer::Hand, width, height, handFile);
  if (!files.parts.empty())
    a.parts = decodeMaskLayer(files.parts, MaskLayer::Parts, width, height, partsFile);
  return a;
}

}  // namespace handalign
