#include "FigureCells.h"

#include "canvas/PartPalette.h"

#include "io/ImageIO.h"
#include "raster/Rasterizer.h"
#include "render/SampleViews.h"
#include "synth/SceneRenderer.h"
#include "util/Error.h"

#include <QPainter>

#include <Eigen/Geometry>

#include <algorithm>
#include <cmath>
#include <limits>

namespace handalign {
namespace {

constexpr double kOverlayAlpha = 0.7;
const QColor kCellBackground(255, 255, 255);

// Intrinsics of the square crop [x0, x0+side)² resampled to n×n (pixel centres at integers).
Intrinsics cropIntrinsics(const Intrinsics& k, const QRectF& crop, int n) {
  const double s = n / crop.width();
  Intrinsics out;
  out.K = k.K;
  out.K.row(0) = s * (k.K.row(0) + (0.5 - crop.x()) * k.K.row(2));
  out.K.row(1) = s * (k.K.row(1) + (0.5 - crop.y()) * k.K.row(2));
  out.K(0, 2) -= 0.5;
  out.K(1, 2) -= 0.5;
  return out;
}

struct Box {
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
  void add(double x, double y) {
    x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
  }
  bool empty() const { return x1 < x0; }
  // Square box around this one, enlarged by `margin`, at least `minSide` wide.
  QRectF square(double margin, double minSide) const {
    const double side = std::max(minSide, std::max(x1 - x0, y1 - y0) * (1 + margin));
    return {(x0 + x1 - side) / 2, (y0 + y1 - side) / 2, side, side};
  }
};

void addProjected(Box& box, PointsView v, const Intrinsics& k) {
  for (Eigen::Index i = 0; i < v.rows(); ++i) {
    if (v(i, 2) <= 0) continue;
    const Eigen::Vector2d uv = k.project(v.row(i).transpose());
    box.add(uv.x() + 0.5, uv.y() + 0.5);  // centre → edge coordinates
  }
}

QImage cropImage(const QImage& image, const QRectF& crop, int n) {
  QImage out(n, n, QImage::Format_RGB32);
  out.fill(QColor(128, 128, 128));
  QPainter p(&out);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  p.drawImage(QRectF(0, 0, n, n), image, crop);
  return out;
}

// The dataset's hand mask (0/1, SampleViews::datasetMask) resampled nearest into the crop.
LabelImage cropMask(const Image<std::uint8_t>& mask, const QRectF& crop, int n) {
  LabelImage out(n, n, 0);
  const double s = crop.width() / n;
  for (int y = 0; y < n; ++y) {
    const int my = int(std::floor(crop.y() + (y + 0.5) * s));
    if (my < 0 || my >= mask.height) continue;
    for (int x = 0; x < n; ++x) {
      const int mx = int(std::floor(crop.x() + (x + 0.5) * s));
      if (mx >= 0 && mx < mask.width && mask.at(mx, my) > 0) out.at(x, y) = 1;
    }
  }
  return out;
}

QRgb blend(QRgb base, const QColor& c, double a) {
  auto mix = [a](int b, int o) { return int(std::lround(b * (1 - a) + o * a)); };
  return qRgb(mix(qRed(base), c.red()), mix(qGreen(base), c.green()), mix(qBlue(base), c.blue()));
}

// Part colours over the image, then the GT contour: white inside the mask edge, black outside it.
QImage overlay(const QImage& base, const LabelImage& labels, const LabelImage& gtHand) {
  QImage out = base.copy();
  const int n = out.width();
  for (int y = 0; y < n; ++y) {
    QRgb* line = reinterpret_cast<QRgb*>(out.scanLine(y));
    for (int x = 0; x < n; ++x) {
      const int l = labels.at(x, y);
      if (l > 0 && l < int(kPartPalette.size()))
        line[x] = blend(line[x], kPartPalette[l], kOverlayAlpha);
    }
  }
  if (gtHand.empty()) return out;
  auto inside = [&](int x, int y) {
    return x >= 0 && y >= 0 && x < n && y < n && gtHand.at(x, y) > 0;
  };
  const int width = std::max(1, n / 200);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      const bool in = inside(x, y);
      bool edge = false;
      for (int d = 1; d <= width && !edge; ++d)
        edge = inside(x - d, y) != in || inside(x + d, y) != in || inside(x, y - d) != in ||
               inside(x, y + d) != in;
      if (edge) out.setPixel(x, y, in ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
    }
  return out;
}

// Every mesh shaded in its colour from one rotated viewpoint; the nearest surface wins.
QImage render3d(const std::vector<std::pair<Points, QColor>>& meshes, const HandModel& model,
                const Intrinsics& k, const CellOptions& options) {
  const int n = options.pixels;
  QImage out(n, n, QImage::Format_RGB32);
  out.fill(kCellBackground);
  if (meshes.empty()) return out;
  const Eigen::RowVector3d centroid = meshes.front().first.colwise().mean();
  const Eigen::Matrix3d r =
      Eigen::AngleAxisd(options.viewYawDegrees * M_PI / 180.0, Eigen::Vector3d::UnitY())
          .toRotationMatrix();
  std::vector<Points> rotated;
  Box box;
  for (const auto& [v, colour] : meshes) {
    Points p = ((v.rowwise() - centroid) * r.transpose()).rowwise() + centroid;
    addProjected(box, viewOf(p), k);
    rotated.push_back(std::move(p));
  }
  if (box.empty()) return out;
  const Intrinsics kc = cropIntrinsics(k, box.square(options.margin, 8.0), n);
  Image<double> depth(n, n, std::numeric_limits<double>::infinity());
  Raster raster;
  for (std::size_t m = 0; m < rotated.size(); ++m) {
    rasterize(viewOf(rotated[m]), model.faces, kc, n, n, raster);
    SceneStyle style;
    const QColor c = meshes[m].second;
    style.skin = Eigen::Vector3d(c.redF(), c.greenF(), c.blueF());
    style.light = Eigen::Vector3d(0.3, -0.5, -1.0);
    style.ambient = 0.3;
    const std::vector<std::uint8_t> bgr =
        renderScene(viewOf(rotated[m]), model.faces, raster, kc, style);
    // The GT (first) is pushed back 2 mm so that a coinciding prediction shows in front of it.
    const double bias = m == 0 ? 0.002 : 0.0;
    for (int y = raster.y0; y <= raster.y1; ++y)
      for (int x = raster.x0; x <= raster.x1; ++x) {
        if (raster.face.at(x, y) < 0 || raster.depth.at(x, y) + bias >= depth.at(x, y)) continue;
        depth.at(x, y) = raster.depth.at(x, y) + bias;
        const std::uint8_t* px = &bgr[(std::size_t(y) * n + x) * 3];
        out.setPixel(x, y, qRgb(px[2], px[1], px[0]));
      }
  }
  return out;
}

}  // namespace

QColor groundTruthMeshColor() { return kGtColor; }

QColor predictionMeshColor(std::size_t prediction) { return methodColor(prediction); }

FigureRowImages renderFigureRow(const FigureSource& source, std::size_t sample,
                                const CellOptions& options) {
  const Dataset& ds = source.dataset;
  const Intrinsics k = ds.intrinsics(sample);
  const int n = options.pixels;
  const bool hasGt = ds.hasVertices();

  Box box;
  if (hasGt) addProjected(box, ds.vertices(sample), k);
  for (const Prediction& p : source.predictions)
    if (!p.vertices.empty()) addProjected(box, p.vertices.points(sample), k);
  SampleViews views(ds, source.model);
  LabelImage mask;
  if (std::optional<LabelImage> m = views.datasetMask(sample)) {
    mask = std::move(*m);
    for (int y = 0; y < mask.height; ++y)
      for (int x = 0; x < mask.width; ++x)
        if (mask.at(x, y) > 0) box.add(x, y), box.add(x + 1, y + 1);
  }
  FigureRowImages row;
  row.crop = box.empty() ? QRectF(0, 0, ds.imageWidth(), ds.imageHeight())
                         : box.square(options.margin, 8.0);

  const std::filesystem::path imageFile = ds.imagePath(sample);
  const QImage image(QString::fromStdString(imageFile.string()));
  if (image.isNull()) throw InputError(imageFile, "cannot read the image");
  row.input = cropImage(image, row.crop, n);

  const Intrinsics kc = cropIntrinsics(k, row.crop, n);
  LabelImage gtLabels, gtHand;
  if (hasGt) views.groundTruth(sample, n, n, gtLabels, kc);
  if (!mask.empty()) {
    gtHand = cropMask(mask, row.crop, n);
  } else if (hasGt) {
    gtHand = gtLabels;
  }
  row.groundTruth = hasGt ? overlay(row.input, gtLabels, gtHand) : row.input;

  std::vector<std::pair<Points, QColor>> meshes;
  if (hasGt) meshes.emplace_back(Points(ds.vertices(sample)), groundTruthMeshColor());
  LabelImage labels;
  for (std::size_t p = 0; p < source.predictions.size(); ++p) {
    const Prediction& pred = source.predictions[p];
    if (pred.vertices.empty()) {
      row.predictions.push_back(overlay(row.input, LabelImage(n, n, 0), gtHand));
      continue;
    }
    views.prediction(pred, sample, n, n, labels, kc);
    row.predictions.push_back(overlay(row.input, labels, gtHand));
    meshes.emplace_back(Points(pred.vertices.points(sample)), predictionMeshColor(p));
  }
  row.view3d = render3d(meshes, source.model, k, options);
  return row;
}

}  // namespace handalign
