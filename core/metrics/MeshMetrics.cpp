#include "metrics/MeshMetrics.h"

#include "geometry/Procrustes.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace handalign {
namespace {

// Uniform grid over a point set with cells as large as the largest threshold: every neighbour
// closer than a threshold lies in the 27 cells around the query, so the counts are exact.
class CellGrid {
 public:
  CellGrid(PointsView pts, double cell) : pts_(pts), cell_(cell) {
    lo_ = pts.colwise().minCoeff();
    const Eigen::RowVector3d hi = pts.colwise().maxCoeff();
    for (int k = 0; k < 3; ++k) dims_[k] = int(std::floor((hi[k] - lo_[k]) / cell_)) + 1;
    const std::size_t cells = std::size_t(dims_[0]) * dims_[1] * dims_[2];
    start_.assign(cells + 1, 0);
    order_.resize(std::size_t(pts.rows()));
    std::vector<std::size_t> cellOf(std::size_t(pts.rows()));
    for (Eigen::Index i = 0; i < pts.rows(); ++i) ++start_[(cellOf[i] = cellIndex(pts.row(i))) + 1];
    for (std::size_t c = 0; c < cells; ++c) start_[c + 1] += start_[c];
    std::vector<std::size_t> fill(start_.begin(), start_.end() - 1);
    for (Eigen::Index i = 0; i < pts.rows(); ++i) order_[fill[cellOf[i]]++] = int(i);
  }

  static bool fits(PointsView pts, double cell) {
    const Eigen::RowVector3d ext = pts.colwise().maxCoeff() - pts.colwise().minCoeff();
    double cells = 1;
    for (int k = 0; k < 3; ++k) cells *= std::floor(ext[k] / cell) + 1;
    return cells <= 2e6;
  }

  // Squared distance to the nearest point if it is below cell², else +inf.
  double nearestSquaredWithinCell(const Eigen::RowVector3d& q) const {
    int c[3];
    for (int k = 0; k < 3; ++k)  // clamped first: a wild prediction must not overflow the int
      c[k] = int(std::clamp(std::floor((q[k] - lo_[k]) / cell_), -2.0, double(dims_[k]) + 1));
    double best = std::numeric_limits<double>::infinity();
    for (int z = std::max(0, c[2] - 1); z <= std::min(dims_[2] - 1, c[2] + 1); ++z)
      for (int y = std::max(0, c[1] - 1); y <= std::min(dims_[1] - 1, c[1] + 1); ++y)
        for (int x = std::max(0, c[0] - 1); x <= std::min(dims_[0] - 1, c[0] + 1); ++x) {
          const std::size_t cell = (std::size_t(z) * dims_[1] + y) * dims_[0] + x;
          for (std::size_t j = start_[cell]; j < start_[cell + 1]; ++j)
            best = std::min(best, (pts_.row(order_[j]) - q).squaredNorm());
        }
    return best;
  }

 private:
  std::size_t cellIndex(const Eigen::RowVector3d& p) const {
    int c[3];
    for (int k = 0; k < 3; ++k) c[k] = std::min(dims_[k] - 1, int(std::floor((p[k] - lo_[k]) / cell_)));
    return (std::size_t(c[2]) * dims_[1] + c[1]) * dims_[0] + c[0];
  }

  PointsView pts_;
  double cell_;
  Eigen::RowVector3d lo_;
  int dims_[3];
  std::vector<std::size_t> start_;
  std::vector<int> order_;
};

double nearestSquaredBrute(PointsView pts, const Eigen::RowVector3d& q) {
  return (pts.rowwise() - q).rowwise().squaredNorm().minCoeff();
}

// Fraction of `from` points whose nearest `to` point is closer than each threshold.
std::vector<double> fractionsWithin(PointsView from, PointsView to, const std::vector<double>& th) {
  const double cell = *std::max_element(th.begin(), th.end());
  std::vector<std::size_t> hits(th.size(), 0);
  const bool useGrid = CellGrid::fits(to, cell);
  std::optional<CellGrid> grid;
  if (useGrid) grid.emplace(to, cell);
  for (Eigen::Index i = 0; i < from.rows(); ++i) {
    const Eigen::RowVector3d q = from.row(i);
    const double d = std::sqrt(useGrid ? grid->nearestSquaredWithinCell(q) : nearestSquaredBrute(to, q));
    for (std::size_t t = 0; t < th.size(); ++t) hits[t] += d < th[t];
  }
  std::vector<double> out(th.size());
  for (std::size_t t = 0; t < th.size(); ++t) out[t] = double(hits[t]) / double(from.rows());
  return out;
}

void distances(PointsView a, const Points& b, std::vector<double>& out) {
  out.resize(std::size_t(a.rows()));
  for (Eigen::Index i = 0; i < a.rows(); ++i) out[std::size_t(i)] = (a.row(i) - b.row(i)).norm();
}

double meanMm(const std::vector<double>& d) {
  double s = 0;
  for (double v : d) s += v;
  return d.empty() ? MeshErrors::kNaN : 1000.0 * s / double(d.size());
}

}  // namespace

std::vector<double> fScores(PointsView gt, PointsView pred, const std::vector<double>& thresholds) {
  std::vector<double> out(thresholds.size(), MeshErrors::kNaN);
  if (gt.rows() == 0 || pred.rows() == 0) return out;
  const std::vector<double> precision = fractionsWithin(gt, pred, thresholds);
  const std::vector<double> recall = fractionsWithin(pred, gt, thresholds);
  for (std::size_t t = 0; t < thresholds.size(); ++t) {
    const double p = precision[t], r = recall[t];
    out[t] = p + r > 0 ? 2.0 * r * p / (r + p) : 0.0;
  }
  return out;
}

void MeshScorer::score(PointsView gtJoints, PointsView predJoints, PointsView gtVerts,
                       PointsView predVerts, MeshErrors& out) {
  out = MeshErrors{};
  if (gtJoints.rows() > 0 && predJoints.rows() == gtJoints.rows()) {
    const Points pj = predJoints;
    distances(gtJoints, pj, out.jointDist);
    distances(gtJoints, alignWithScale(gtJoints, predJoints), out.paJointDist);
    out.mpjpeMm = meanMm(out.jointDist);
    out.paMpjpeMm = meanMm(out.paJointDist);
  }
  if (gtVerts.rows() > 0 && predVerts.rows() == gtVerts.rows()) {
    const Points pv = predVerts;
    const Points aligned = alignWithScale(gtVerts, predVerts);
    distances(gtVerts, pv, out.vertexDist);
    distances(gtVerts, aligned, out.paVertexDist);
    out.mpvpeMm = meanMm(out.vertexDist);
    out.paMpvpeMm = meanMm(out.paVertexDist);
    static const std::vector<double> kThresholds = {0.005, 0.015};
    const std::vector<double> f = fScores(gtVerts, predVerts, kThresholds);
    const std::vector<double> fa = fScores(gtVerts, viewOf(aligned), kThresholds);
    out.f5 = f[0], out.f15 = f[1], out.paF5 = fa[0], out.paF15 = fa[1];
  }
}

}  // namespace handalign
