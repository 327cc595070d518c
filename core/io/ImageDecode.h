// Strict JPEG/PNG decoding: what libjpeg or libpng would only warn about is an error, and nothing
// is ever printed (internal to core/io and core/annotation).
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace handalign {

// Decodes a JPEG or PNG file's bytes as stored: 1 (grey), 2 (grey + alpha), 3 (colour, BGR) or 4
// (BGRA) channels, 8 or 16 bits (PNG). With `grey`, colour is converted to one channel (ITU-R
// 601 luma, as OpenCV's IMREAD_GRAYSCALE does). Throws InputError naming `file` for a truncated or
// corrupt image, including the JPEG damage libjpeg reports only as a warning ("Corrupt JPEG data")
// and PNG CRC or data errors; neither library writes to stderr.
cv::Mat decodeImage(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& file,
                    bool grey);

}  // namespace handalign
