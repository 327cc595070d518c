// GrabCut assist of the mask editor (declared in MaskOps.h): cv::grabCut on a crop around the
// input.
#include "annotation/MaskOps.h"

#include "io/ImageIO.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace handalign {
namespace {

// GrabCut's time grows with the pixels it models (seconds for a 1024² crop on a laptop core):
// larger crops are modelled at this size and the answer is scaled back with a smooth edge.
constexpr int kMaxModelSide = 320;

bool checkImage(const cv::Mat& image, std::string* error) {
  if (!image.empty() && image.type() == CV_8UC3) return true;
  if (error) *error = "GrabCut needs an 8-bit 3-channel image";
  return false;
}

PixelRect grow(PixelRect r, int by, int width, int height) {
  return PixelRect{r.x0 - by, r.y0 - by, r.x1 + by, r.y1 + by}.intersected({0, 0, width, height});
}

cv::Rect toCv(const PixelRect& r) { return {r.x0, r.y0, r.width(), r.height()}; }

// Runs GrabCut on the crop; mask is in crop coordinates. The result is foreground where the
// mask's low bit is set (GC_FGD, GC_PR_FGD). Seeding cv's RNG makes the same input give the
// same answer (its k-means initialisation draws from it).
bool run(const cv::Mat& image, PixelRect crop, cv::Mat& mask, cv::Rect rect, int mode,
         int iterations, std::string* error) {
  try {
    cv::setRNGSeed(0x5eed);
    cv::Mat bgd, fgd, input = image(toCv(crop));
    const double scale = double(kMaxModelSide) / std::max(crop.width(), crop.height());
    if (scale >= 1) {
      cv::grabCut(input, mask, rect, bgd, fgd, std::max(1, iterations), mode);
      return true;
    }
    const cv::Size small(std::max(1, int(crop.width() * scale + 0.5)),
                         std::max(1, int(crop.height() * scale + 0.5)));
    cv::Mat smallImage, smallMask;
    cv::resize(input, smallImage, small, 0, 0, cv::INTER_AREA);
    if (mode == cv::GC_INIT_WITH_MASK) {
      cv::resize(mask, smallMask, small, 0, 0, cv::INTER_NEAREST);
      cv::Mat seeds, smallSeeds;  // thin strokes must survive the shrinking
      cv::compare(mask, cv::Scalar(cv::GC_PR_FGD), seeds, cv::CMP_EQ);
      cv::resize(seeds, smallSeeds, small, 0, 0, cv::INTER_AREA);
      smallMask.setTo(cv::Scalar(cv::GC_PR_FGD), smallSeeds > 0);
    } else {
      rect = cv::Rect(int(rect.x * scale), int(rect.y * scale),
                      std::max(1, int(rect.width * scale)), std::max(1, int(rect.height * scale)));
      if (rect.width >= small.width && rect.height >= small.height)  // keep background samples
        rect = cv::Rect(1, 1, small.width - 2, small.height - 2);
    }
    cv::grabCut(smallImage, smallMask, rect, bgd, fgd, std::max(1, iterations), mode);
    cv::Mat fg = (smallMask & 1) * 255, large;
    cv::resize(fg, large, mask.size(), 0, 0, cv::INTER_LINEAR);
    mask.setTo(cv::Scalar(cv::GC_BGD));
    mask.setTo(cv::Scalar(cv::GC_FGD), large >= kHandThreshold);
    return true;
  } catch (const cv::Exception& e) {
    if (error) *error = "GrabCut failed: " + e.msg;
    return false;
  }
}

MaskRegion regionOf(const cv::Mat& mask, PixelRect crop, PixelRect keep) {
  MaskRegion out;
  out.rect = keep;
  out.inside.resize(std::size_t(keep.width()) * std::size_t(keep.height()));
  for (int y = keep.y0; y < keep.y1; ++y)
    for (int x = keep.x0; x < keep.x1; ++x)
      out.inside[std::size_t(y - keep.y0) * std::size_t(keep.width()) + std::size_t(x - keep.x0)] =
          mask.at<std::uint8_t>(y - crop.y0, x - crop.x0) & 1;
  return out;
}

}  // namespace

std::optional<MaskRegion> grabCutBox(const cv::Mat& image, PixelRect box, int iterations,
                                     std::string* error) {
  if (!checkImage(image, error)) return std::nullopt;
  box = box.intersected({0, 0, image.cols, image.rows});
  if (box.width() < 3 || box.height() < 3) {
    if (error) *error = "GrabCut box is too small";
    return std::nullopt;
  }
  // A margin around the box gives the background model its samples; a box over the whole image
  // leaves none, so it loses a one-pixel frame.
  const PixelRect crop =
      grow(box, std::max(8, std::max(box.width(), box.height()) / 10), image.cols, image.rows);
  PixelRect inner = box;
  if (inner == crop) inner = {box.x0 + 1, box.y0 + 1, box.x1 - 1, box.y1 - 1};
  cv::Mat mask(crop.height(), crop.width(), CV_8UC1, cv::Scalar(cv::GC_BGD));
  const cv::Rect rect(inner.x0 - crop.x0, inner.y0 - crop.y0, inner.width(), inner.height());
  if (!run(image, crop, mask, rect, cv::GC_INIT_WITH_RECT, iterations, error)) return std::nullopt;
  return regionOf(mask, crop, box);
}

std::optional<MaskRegion> grabCutScribble(const cv::Mat& image, const LabelImage& scribble,
                                          int margin, int iterations, std::string* error) {
  if (!checkImage(image, error)) return std::nullopt;
  if (scribble.width != image.cols || scribble.height != image.rows) {
    if (error) *error = "GrabCut stroke and image differ in size";
    return std::nullopt;
  }
  PixelRect box;
  for (int y = 0; y < scribble.height; ++y)
    for (int x = 0; x < scribble.width; ++x)
      if (scribble.at(x, y)) box = box.united({x, y, x + 1, y + 1});
  if (box.empty()) {
    if (error) *error = "GrabCut stroke is empty";
    return std::nullopt;
  }
  const PixelRect crop = grow(box, std::max(1, margin), image.cols, image.rows);
  cv::Mat mask(crop.height(), crop.width(), CV_8UC1, cv::Scalar(cv::GC_PR_BGD));
  bool background = false;
  for (int y = crop.y0; y < crop.y1; ++y)
    for (int x = crop.x0; x < crop.x1; ++x) {
      std::uint8_t& v = mask.at<std::uint8_t>(y - crop.y0, x - crop.x0);
      // The crop's border is surely background, except where it is the image's own border (the
      // hand may be cut off there).
      const bool frame = (x == crop.x0 && x > 0) || (y == crop.y0 && y > 0) ||
                         (x == crop.x1 - 1 && x < image.cols - 1) ||
                         (y == crop.y1 - 1 && y < image.rows - 1);
      if (scribble.at(x, y))
        v = cv::GC_PR_FGD;
      else
        v = frame ? cv::GC_BGD : cv::GC_PR_BGD, background = true;
    }
  if (!background) {
    if (error) *error = "GrabCut stroke leaves no background";
    return std::nullopt;
  }
  if (!run(image, crop, mask, cv::Rect(), cv::GC_INIT_WITH_MASK, iterations, error))
    return std::nullopt;
  return regionOf(mask, crop, crop);
}

}  // namespace handalign
