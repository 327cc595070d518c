// Reading and writing 8-bit images (JPEG/PNG) with one clear error per bad file; no QtGui in core.
#pragma once

#include "raster/LabelImage.h"

#include <filesystem>
#include <string>

namespace handalign {

// Grayscale 8-bit image (colour files are converted). Throws InputError for a missing, empty,
// truncated or undecodable file.
Image<std::uint8_t> readGray8(const std::filesystem::path& path);

// 8-bit single-channel PNG as stored (no conversion); a colour PNG is accepted only when its
// channels are equal. Throws InputError otherwise.
Image<std::uint8_t> readPng8(const std::filesystem::path& path);

// A dataset's hand mask as stored: 8-bit, single channel (or grey in colour channels). Throws
// InputError for a 16-bit, colour or 0/1 file (another kind of data, not a mask to convert).
Image<std::uint8_t> readMask8(const std::filesystem::path& path);

// Width and height from the file header (decodes the image; used once per dataset).
std::pair<int, int> imageSize(const std::filesystem::path& path);

// Encodes and writes atomically. `bgr` holds width·height·3 bytes in B, G, R order.
void writeJpegBgr(const std::filesystem::path& path, int width, int height, const std::uint8_t* bgr,
                  int quality = 92);
void writeGrayImage(const std::filesystem::path& path, const Image<std::uint8_t>& image,
                    int jpegQuality = 95);  // format from the extension (.png, .jpg)

// Encodes to bytes (for callers that stage several files).
std::string encodeImage(const std::string& ext, int width, int height, int channels,
                        const std::uint8_t* data, int jpegQuality = 95);

// The one rule that decodes a dataset mask (8-bit, JPEG or PNG): a pixel is hand when its value is
// at least 128 (docs/metrics.md). Every reader of dataset masks goes through these.
inline constexpr std::uint8_t kHandThreshold = 128;
constexpr bool isHandPixel(std::uint8_t value) { return value >= kHandThreshold; }
// The mask at its own size as 0/1.
LabelImage binaryHandMask(Image<std::uint8_t> gray);

// The hand mask of a dataset at R×R (docs/metrics.md: INTER_AREA when shrinking, INTER_LINEAR when
// enlarging, before the threshold).
LabelImage readHandMask(const std::filesystem::path& path, int resolution);
// The same rule on an 8-bit image already in memory (a corrected mask's 0/255 hand layer).
LabelImage handMaskAt(Image<std::uint8_t> gray, int resolution);

}  // namespace handalign
