#include "synth/SceneRenderer.h"

#include <Eigen/Geometry>
#include <Eigen/LU>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace handalign {
namespace {

Points vertexNormals(PointsView v, const Faces& faces) {
  Points n = Points::Zero(v.rows(), 3);
  for (const auto& f : faces) {
    const Eigen::RowVector3d a = v.row(f[0]), b = v.row(f[1]), c = v.row(f[2]);
    const Eigen::RowVector3d fn = (b - a).cross(c - a);  // area-weighted
    for (int i : f) n.row(i) += fn;
  }
  n.rowwise().normalize();
  return n;
}

// Varied backgrounds: a two-colour gradient, random shapes and sensor noise.
cv::Mat background(int w, int h, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  auto colour = [&] { return cv::Scalar(255 * u(rng), 255 * u(rng), 255 * u(rng)); };
  cv::Mat img(h, w, CV_8UC3);
  const cv::Scalar c0 = colour(), c1 = colour();
  const double angle = u(rng) * 2 * M_PI, ca = std::cos(angle), sa = std::sin(angle);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const double t =
          std::clamp(0.5 + ((x - w / 2.0) * ca + (y - h / 2.0) * sa) / (1.2 * w), 0.0, 1.0);
      cv::Vec3b& p = img.at<cv::Vec3b>(y, x);
      for (int k = 0; k < 3; ++k)
        p[k] = cv::saturate_cast<std::uint8_t>(c0[k] * (1 - t) + c1[k] * t);
    }
  const int shapes = 3 + int(u(rng) * 8);
  for (int s = 0; s < shapes; ++s) {
    const cv::Point p(int(u(rng) * w), int(u(rng) * h));
    if (u(rng) < 0.5)
      cv::circle(img, p, int(5 + u(rng) * w / 4), colour(), cv::FILLED, cv::LINE_AA);
    else
      cv::rectangle(img, p, cv::Point(int(u(rng) * w), int(u(rng) * h)), colour(), cv::FILLED);
  }
  cv::GaussianBlur(img, img, cv::Size(0, 0), 1.0 + 2.0 * u(rng));
  cv::Mat noisy, noise(h, w, CV_16SC3);
  cv::RNG(seed ^ 0x9E3779B97F4A7C15ull)
      .fill(noise, cv::RNG::NORMAL, 0, 6);  // seeded: deterministic per sample
  img.convertTo(noisy, CV_16SC3);
  noisy += noise;
  noisy.convertTo(img, CV_8UC3);
  return img;
}

}  // namespace

SceneStyle SceneStyle::random(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  SceneStyle s;
  static const Eigen::Vector3d tones[] = {{0.93, 0.78, 0.69},
                                          {0.85, 0.65, 0.53},
                                          {0.72, 0.52, 0.39},
                                          {0.55, 0.37, 0.26},
                                          {0.38, 0.25, 0.18}};
  const Eigen::Vector3d a = tones[rng() % 5], b = tones[rng() % 5];
  s.skin = a + (b - a) * u(rng);
  s.light = Eigen::Vector3d(u(rng) - 0.5, u(rng) - 0.5, -0.6 - u(rng)).normalized();
  s.ambient = 0.25 + 0.2 * u(rng);
  s.backgroundSeed = rng();
  return s;
}

std::vector<std::uint8_t> renderScene(PointsView vertices, const Faces& faces, const Raster& raster,
                                      const Intrinsics& K, const SceneStyle& style) {
  const int w = raster.face.width, h = raster.face.height;
  cv::Mat img = background(w, h, style.backgroundSeed);
  const Points normals = vertexNormals(vertices, faces);
  const Eigen::Vector3d light = style.light.normalized();
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const int f = raster.face.at(x, y);
      if (f < 0) continue;
      // Smooth shading: interpolate vertex normals with the perspective-correct barycentrics.
      const auto& tri = faces[std::size_t(f)];
      const Eigen::Vector3d ray = K.K.inverse() * Eigen::Vector3d(x, y, 1.0);
      const Eigen::Vector3d p = ray * raster.depth.at(x, y);
      const Eigen::Vector3d a = vertices.row(tri[0]), b = vertices.row(tri[1]),
                            c = vertices.row(tri[2]);
      const Eigen::Vector3d n = (b - a).cross(c - a);
      const double area = n.squaredNorm();
      double w0 = 1 / 3.0, w1 = 1 / 3.0;
      if (area > 0) {
        w0 = ((c - b).cross(p - b)).dot(n) / area;
        w1 = ((a - c).cross(p - c)).dot(n) / area;
      }
      Eigen::Vector3d normal =
          w0 * normals.row(tri[0]) + w1 * normals.row(tri[1]) + (1 - w0 - w1) * normals.row(tri[2]);
      normal.normalize();
      const double diffuse = std::abs(normal.dot(light));
      const Eigen::Vector3d view = -p.normalized();
      const Eigen::Vector3d half = (view + light).normalized();
      const double spec = 0.15 * std::pow(std::abs(normal.dot(half)), 24.0);
      const Eigen::Vector3d rgb = style.skin * (style.ambient + (1 - style.ambient) * diffuse) +
                                  Eigen::Vector3d::Constant(spec);
      cv::Vec3b& px = img.at<cv::Vec3b>(y, x);
      for (int k = 0; k < 3; ++k) px[k] = cv::saturate_cast<std::uint8_t>(255.0 * rgb[2 - k]);
    }
  return std::vector<std::uint8_t>(img.data, img.data + std::size_t(w) * h * 3);
}

}  // namespace handalign
