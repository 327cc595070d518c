#include "io/ImageIO.h"

#include "io/AtomicFile.h"
#include "io/ImageDecode.h"
#include "util/Error.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <iterator>

namespace handalign {
namespace fs = std::filesystem;
namespace {

std::vector<std::uint8_t> readBytes(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError(path, "no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open");
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
  if (bytes.empty()) throw InputError(path, "empty file");
  return bytes;
}

bool isJpeg(const std::vector<std::uint8_t>& b) {
  return b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
}
bool isPng(const std::vector<std::uint8_t>& b) {
  static const std::uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  return b.size() >= 8 && std::equal(sig, sig + 8, b.begin());
}

// libjpeg decodes a truncated file with a warning only; the end-of-image marker tells.
bool jpegComplete(const std::vector<std::uint8_t>& b) {
  std::size_t n = b.size();
  while (n > 2 && b[n - 1] == 0) --n;  // some writers pad with zeros
  return n >= 4 && b[n - 2] == 0xFF && b[n - 1] == 0xD9;
}

cv::Mat decode(const fs::path& path, int flags) {
  const std::vector<std::uint8_t> bytes = readBytes(path);
  if (isJpeg(bytes)) {
    if (!jpegComplete(bytes)) throw InputError(path, "truncated JPEG (no end-of-image marker)");
  } else if (!isPng(bytes)) {
    throw InputError(path, "not a JPEG or PNG image");
  }
  const cv::Mat m = decodeImage(bytes, path, flags == cv::IMREAD_GRAYSCALE);
  if (m.empty()) throw InputError(path, "an image of no pixels");
  return m;
}

Image<std::uint8_t> fromMat(const cv::Mat& m) {
  Image<std::uint8_t> img(m.cols, m.rows);
  for (int y = 0; y < m.rows; ++y) std::copy_n(m.ptr<std::uint8_t>(y), m.cols, &img.at(0, y));
  return img;
}

}  // namespace

Image<std::uint8_t> readGray8(const fs::path& path) {
  cv::Mat m = decode(path, cv::IMREAD_GRAYSCALE);
  if (m.depth() != CV_8U) throw InputError(path, "not an 8-bit image");
  return fromMat(m);
}

Image<std::uint8_t> readPng8(const fs::path& path) {
  const std::vector<std::uint8_t> head = readBytes(path);
  if (!isPng(head)) throw InputError(path, "not a PNG file");
  cv::Mat m = decode(path, cv::IMREAD_UNCHANGED);
  if (m.depth() != CV_8U)
    throw InputError(path, "not an 8-bit PNG (16-bit masks are not supported)");
  if (m.channels() > 1) {
    std::vector<cv::Mat> ch;
    cv::split(m, ch);
    for (std::size_t c = 1; c < std::min<std::size_t>(ch.size(), 3); ++c)
      if (cv::countNonZero(ch[c] != ch[0]) != 0)
        throw InputError(path, "a colour PNG; masks must be single-channel (or grey) 8-bit images");
    m = ch[0];
  }
  return fromMat(m);
}

Image<std::uint8_t> readMask8(const fs::path& path) {
  // Unchanged, not converted: a 16-bit, colour or 0/1 file is another kind of data than a hand
  // mask, and converting it would turn it into a plausible but wrong mask (a 0/1 label image read
  // as a mask is all background: IoU 0 where it should be 0.93).
  const std::vector<std::uint8_t> head = readBytes(path);
  const bool jpeg = isJpeg(head);
  cv::Mat m = decode(path, cv::IMREAD_UNCHANGED);
  if (m.depth() != CV_8U)
    throw InputError(path, "a 16-bit image; hand masks are 8-bit (0 background, 255 hand)");
  if (m.channels() > 1) {
    std::vector<cv::Mat> ch;
    cv::split(m, ch);
    const double tolerance = jpeg ? 16 : 0;  // JPEG's chroma noise on a grey picture
    for (std::size_t c = 1; c < std::min<std::size_t>(ch.size(), 3); ++c) {
      cv::Mat diff;
      cv::absdiff(ch[c], ch[0], diff);
      double maxDiff = 0;
      cv::minMaxLoc(diff, nullptr, &maxDiff);
      if (maxDiff > tolerance)
        throw InputError(path, "a colour image; hand masks are single-channel 8-bit (grey)");
    }
    if (ch.size() == 4) {  // an alpha channel (or CMYK's K) that is not constant is not a mask
      double lo = 0, hi = 0;
      cv::minMaxLoc(ch[3], &lo, &hi);
      if (lo != hi) throw InputError(path, "has a varying fourth channel; hand masks are grey");
    }
    m = ch[0];
  }
  double hi = 0;
  cv::minMaxLoc(m, nullptr, &hi);
  if (hi > 0 && hi <= 1)
    throw InputError(path,
                     "holds only the values 0 and 1; a hand mask marks the hand with 255 "
                     "(is this a label image?)");
  return fromMat(m);
}

std::pair<int, int> imageSize(const fs::path& path) {
  const cv::Mat m = decode(path, cv::IMREAD_GRAYSCALE);
  return {m.cols, m.rows};
}

std::string encodeImage(const std::string& ext, int width, int height, int channels,
                        const std::uint8_t* data, int jpegQuality) {
  const cv::Mat m(height, width, channels == 3 ? CV_8UC3 : CV_8UC1,
                  const_cast<std::uint8_t*>(data));
  std::vector<std::uint8_t> buf;
  std::vector<int> params;
  if (ext == ".jpg" || ext == ".jpeg") params = {cv::IMWRITE_JPEG_QUALITY, jpegQuality};
  if (!cv::imencode(ext, m, buf, params)) throw std::runtime_error("cannot encode " + ext);
  return std::string(buf.begin(), buf.end());
}

void writeJpegBgr(const fs::path& path, int width, int height, const std::uint8_t* bgr,
                  int quality) {
  writeFileAtomically(path, encodeImage(".jpg", width, height, 3, bgr, quality));
}

void writeGrayImage(const fs::path& path, const Image<std::uint8_t>& image, int jpegQuality) {
  writeFileAtomically(path, encodeImage(path.extension().string(), image.width, image.height, 1,
                                        image.pixels.data(), jpegQuality));
}

LabelImage readHandMask(const fs::path& path, int resolution) {
  return handMaskAt(readMask8(path), resolution);
}

LabelImage handMaskAt(Image<std::uint8_t> gray, int resolution) {
  if (gray.width != resolution || gray.height != resolution) {
    const cv::Mat src(gray.height, gray.width, CV_8UC1, gray.pixels.data());
    cv::Mat dst;
    const bool shrink = gray.width >= resolution && gray.height >= resolution;
    cv::resize(src, dst, cv::Size(resolution, resolution), 0, 0,
               shrink ? cv::INTER_AREA : cv::INTER_LINEAR);
    gray = fromMat(dst);
  }
  return binaryHandMask(std::move(gray));
}

LabelImage binaryHandMask(Image<std::uint8_t> gray) {
  for (std::uint8_t& v : gray.pixels) v = isHandPixel(v) ? 1 : 0;
  return gray;
}

}  // namespace handalign
