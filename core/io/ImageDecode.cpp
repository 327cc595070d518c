#include "io/ImageDecode.h"

#include "util/Error.h"

#include <opencv2/imgproc.hpp>

#include <jpeglib.h>
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <string>

namespace handalign {
namespace fs = std::filesystem;
namespace {

// libjpeg reports through its error manager: errors longjmp back here, warnings (which libjpeg
// raises for corrupt entropy data and then decodes grey garbage) are errors too; no message is
// ever written to stderr.
struct JpegErrors {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = {};
};

void jpegFail(j_common_ptr info) {
  auto* e = reinterpret_cast<JpegErrors*>(info->err);
  info->err->format_message(info, e->message);
  std::longjmp(e->jump, 1);
}

void jpegMessage(j_common_ptr info, int level) {
  if (level < 0) jpegFail(info);  // a warning: damaged data
}

void jpegSilent(j_common_ptr) {}

cv::Mat decodeJpeg(const std::vector<std::uint8_t>& bytes, const fs::path& file, bool grey) {
  jpeg_decompress_struct info{};
  JpegErrors errors;
  info.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = jpegFail;
  errors.mgr.emit_message = jpegMessage;
  errors.mgr.output_message = jpegSilent;
  cv::Mat out;  // outside the setjmp scope: no object with a destructor is skipped by longjmp
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&info);
    throw InputError(file, std::string("corrupt JPEG (") + errors.message + ")");
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK) {
    jpeg_destroy_decompress(&info);
    throw InputError(file, "a CMYK JPEG; hand masks are grey images");
  }
  const bool colour = info.num_components != 1 && !grey;
  info.out_color_space = colour ? JCS_EXT_BGR : JCS_GRAYSCALE;
  jpeg_start_decompress(&info);
  out.create(int(info.output_height), int(info.output_width), colour ? CV_8UC3 : CV_8UC1);
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = out.ptr<std::uint8_t>(int(info.output_scanline));
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return out;
}

// libpng's simplified API: errors and warnings land in image.message, nothing is printed.
cv::Mat decodePng(const std::vector<std::uint8_t>& bytes, const fs::path& file, bool grey) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  auto fail = [&](const char* what) {
    const std::string message = image.message[0] ? image.message : what;
    png_image_free(&image);
    throw InputError(file, "corrupt or truncated PNG (" + message + ")");
  };
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) fail("header");
  if (image.warning_or_error & PNG_IMAGE_WARNING) fail("warning");
  // As stored: 16-bit stays 16-bit (the caller refuses it), a palette becomes colour.
  const bool sixteen = (image.format & PNG_FORMAT_FLAG_LINEAR) != 0;
  const bool colour = (image.format & (PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_COLORMAP)) != 0;
  const bool alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  image.format = (colour ? PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_BGR : 0) |
                 (alpha ? PNG_FORMAT_FLAG_ALPHA : 0) | (sixteen ? PNG_FORMAT_FLAG_LINEAR : 0);
  const int channels = int(PNG_IMAGE_SAMPLE_CHANNELS(image.format));
  cv::Mat out(int(image.height), int(image.width), CV_MAKETYPE(sixteen ? CV_16U : CV_8U, channels));
  if (!png_image_finish_read(&image, nullptr, out.data, png_int_32(out.step[0] / (sixteen ? 2 : 1)),
                             nullptr))
    fail("data");
  if (image.warning_or_error & PNG_IMAGE_WARNING) fail("warning");
  png_image_free(&image);
  if (grey && channels >= 3) {
    cv::Mat g;
    cv::cvtColor(out, g, channels == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    return g;
  }
  if (grey && channels == 2) {
    cv::Mat g;
    cv::extractChannel(out, g, 0);
    return g;
  }
  return out;
}

}  // namespace

cv::Mat decodeImage(const std::vector<std::uint8_t>& bytes, const fs::path& file, bool grey) {
  if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
    return decodeJpeg(bytes, file, grey);
  static const std::uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (bytes.size() >= 8 && std::equal(sig, sig + 8, bytes.begin()))
    return decodePng(bytes, file, grey);
  throw InputError(file, "not a JPEG or PNG image");
}

}  // namespace handalign
