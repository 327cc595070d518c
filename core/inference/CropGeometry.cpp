#include "inference/CropGeometry.h"

#include "io/ImageIO.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace handalign {

Box boxOfMask(const Image<std::uint8_t>& mask, int imageWidth, int imageHeight) {
  int x0 = mask.width, y0 = mask.height, x1 = -1, y1 = -1;
  for (int y = 0; y < mask.height; ++y)
    for (int x = 0; x < mask.width; ++x)
      if (isHandPixel(mask.at(x, y))) {
        x0 = std::min(x0, x), x1 = std::max(x1, x);
        y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
  if (x1 < 0) return {};
  // Pixel edges of the mask, mapped to the image with the pixel-centre convention:
  // e_image = (e_mask + ½) · W / W_mask − ½.
  const double sx = double(imageWidth) / mask.width, sy = double(imageHeight) / mask.height;
  // The mask box spans edges x0 − ½ .. x1 + ½.
  const double left = x0 * sx - 0.5, right = (x1 + 1) * sx - 0.5;
  const double top = y0 * sy - 0.5, bottom = (y1 + 1) * sy - 0.5;
  return {left, top, right - left, bottom - top};
}

Box boxOfPoints(const std::vector<Eigen::Vector2d>& points) {
  if (points.empty()) return {};
  Eigen::Vector2d lo = points.front(), hi = points.front();
  for (const auto& p : points) lo = lo.cwiseMin(p), hi = hi.cwiseMax(p);
  return {lo.x(), lo.y(), hi.x() - lo.x(), hi.y() - lo.y()};
}

Box wholeImage(int width, int height) { return {-0.5, -0.5, double(width), double(height)}; }

Eigen::Vector2d CropTransform::toImage(const Eigen::Vector2d& crop) const {
  return (crop - Eigen::Vector2d::Constant(size / 2.0)) / scale + centre;
}

Eigen::Vector2d CropTransform::toCrop(const Eigen::Vector2d& image) const {
  return scale * (image - centre) + Eigen::Vector2d::Constant(size / 2.0);
}

CropTransform squareCrop(const Box& box, double enlarge, int size) {
  const double side = std::max(box.width, box.height) * enlarge;
  if (!(side > 0) || !std::isfinite(side)) throw std::invalid_argument("empty crop box");
  CropTransform t;
  t.size = size;
  t.scale = size / side;
  t.side = side;
  t.centre = {box.x + box.width / 2, box.y + box.height / 2};
  return t;
}

cv::Matx23d officialCropMatrix(const CropTransform& crop) {
  const float cx = float(crop.centre.x()), cy = float(crop.centre.y());
  const double side = crop.side > 0 ? crop.side : crop.size / crop.scale;
  const float half = float(0.5 * side);  // np.array([0, h * 0.5], dtype=float32)
  const float size = float(crop.size), mid = float(0.5 * crop.size);
  const cv::Point2f src[3] = {{cx, cy}, {cx + 0.0f, cy + half}, {cx + half, cy + 0.0f}};
  const cv::Point2f dst[3] = {{mid, mid}, {mid, size}, {size, mid}};
  cv::Mat m = cv::getAffineTransform(src, dst);  // solved in double
  m.convertTo(m, CV_32F);                        // the release keeps float32
  cv::Matx23d out;
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 3; ++c) out(r, c) = double(m.at<float>(r, c));
  return out;
}

void cropAndNormalise(const cv::Mat& bgr, const CropTransform& crop, const ModelManifest& m,
                      float* out) {
  const bool official = m.warp == ModelManifest::Warp::Official;
  const double s = crop.scale, half = crop.size / 2.0;
  const cv::Matx23d toCrop =
      official ? officialCropMatrix(crop)
               : cv::Matx23d(s, 0, half - s * crop.centre.x(), 0, s, half - s * crop.centre.y());
  cv::Mat warped;
  if (official) {  // float32 image, float32 warp, then astype(uint8): truncation toward zero
    cv::Mat image, patch;
    bgr.convertTo(image, CV_32FC3);
    cv::warpAffine(image, patch, toCrop, cv::Size(crop.size, crop.size), cv::INTER_LINEAR,
                   cv::BORDER_CONSTANT, cv::Scalar::all(0));
    warped.create(patch.size(), CV_8UC3);
    for (int y = 0; y < patch.rows; ++y) {
      const float* in = patch.ptr<float>(y);
      std::uint8_t* o = warped.ptr<std::uint8_t>(y);
      for (int i = 0; i < patch.cols * 3; ++i)
        o[i] = std::uint8_t(std::clamp(int(in[i]), 0, 255));  // int(): toward zero
    }
  } else {
    cv::warpAffine(bgr, warped, toCrop, cv::Size(crop.size, crop.size), cv::INTER_LINEAR,
                   cv::BORDER_CONSTANT, cv::Scalar::all(0));
  }
  const std::size_t plane = std::size_t(crop.size) * crop.size;
  float a[3], b[3], mean[3], sd[3];  // x = pixel · a + b per output channel
  const float divisor = float(1.0 / m.scale);
  for (int c = 0; c < 3; ++c) {
    a[c] = float(m.scale / m.std[c]);
    b[c] = float(-m.mean[c] / m.std[c]);
    mean[c] = float(m.mean[c]), sd[c] = float(m.std[c]);
  }
  for (int y = 0; y < crop.size; ++y) {
    const std::uint8_t* row = warped.ptr<std::uint8_t>(y);
    float* o = out + std::size_t(y) * crop.size;
    for (int x = 0; x < crop.size; ++x, row += 3) {
      for (int c = 0; c < 3; ++c) {
        const int source = m.bgr ? c : 2 - c;  // the image is B, G, R
        // Official: float32(pixel) / 255 as torch divides (then mean and std, 0 and 1 there).
        o[std::size_t(c) * plane + x] = official ? (float(row[source]) / divisor - mean[c]) / sd[c]
                                                 : float(row[source]) * a[c] + b[c];
      }
    }
  }
}

Image<std::uint8_t> cropLabelsToImage(const Image<std::uint8_t>& labels, const CropTransform& crop,
                                      int width, int height) {
  Image<std::uint8_t> out(width, height, 0);
  const double sx = double(labels.width) / crop.size, sy = double(labels.height) / crop.size;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const Eigen::Vector2d q = crop.toCrop(Eigen::Vector2d(x, y));
      const long lx = std::lround((q.x() + 0.5) * sx - 0.5);
      const long ly = std::lround((q.y() + 0.5) * sy - 0.5);
      if (lx >= 0 && ly >= 0 && lx < labels.width && ly < labels.height)
        out.at(x, y) = labels.at(int(lx), int(ly));
    }
  return out;
}

}  // namespace handalign
