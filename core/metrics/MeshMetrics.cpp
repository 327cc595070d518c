#include "metrics/MeshMetrics.h"

#include "geometry/Procrustes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>

namespace handalign {
namespace {

// Uniform grid over a point set with cells as large as the threshold: every neighbour closer than
// the threshold lies in the 27 cells around the query, so "is any point within t" is answered
// exactly.
class CellGrid {
 public:
  // Cells a hair larger than the threshold, so rounding in the cell arithmetic can never put a
  // neighbour closer than the threshold two cells away.
  CellGrid(PointsView pts, double threshold)
      : pts_(pts), cell_(threshold * (1 + 1e-9)), inv_(1.0 / cell_) {
    lo_ = pts.colwise().minCoeff();
    const Eigen::RowVector3d hi = pts.colwise().maxCoeff();
    for (int k = 0; k < 3; ++k) dims_[k] = int((hi[k] - lo_[k]) * inv_) + 1;
    const std::size_t cells = std::size_t(dims_[0]) * dims_[1] * dims_[2];
    start_.assign(cells + 1, 0);
    order_.resize(std::size_t(pts.rows()));
    std::vector<int> cellOf(std::size_t(pts.rows()));
    for (Eigen::Index i = 0; i < pts.rows(); ++i)
      ++start_[std::size_t(cellOf[std::size_t(i)] = cellIndex(pts.row(i))) + 1];
    for (std::size_t c = 0; c < cells; ++c) start_[c + 1] += start_[c];  // cells <= 1e6 fits an int
    std::vector<int> fill(start_.begin(), start_.end() - 1);
    for (Eigen::Index i = 0; i < pts.rows(); ++i)
      order_[std::size_t(fill[std::size_t(cellOf[std::size_t(i)])]++)] = int(i);
    // The coordinates in cell order, side by side: a cell's points are read without indirection.
    sorted_.resize(order_.size() * 3);
    for (std::size_t j = 0; j < order_.size(); ++j)
      for (int k = 0; k < 3; ++k) sorted_[3 * j + std::size_t(k)] = pts(order_[j], k);
  }

  // A dense grid only for sets of sane extent; a wild prediction falls back to brute force.
  static bool fits(PointsView pts, double cell) {
    const Eigen::RowVector3d ext = pts.colwise().maxCoeff() - pts.colwise().minCoeff();
    double cells = 1;
    for (int k = 0; k < 3; ++k) cells *= std::floor(ext[k] / cell) + 1;
    return cells <= 1e6;
  }

  // Is any point strictly closer than t (<= cell) to q? The 3×3×3 cells around q, a row of three
  // cells at a time (their points are contiguous in cell order), q's own row first; stops at the
  // first hit.
  bool anyWithin(const Eigen::RowVector3d& q, double t) const {
    int c[3];
    for (int k = 0; k < 3; ++k)  // clamped first: a wild query must not overflow the int
      c[k] = int(std::clamp(std::floor((q[k] - lo_[k]) * inv_), -2.0, double(dims_[k]) + 1));
    const int x0 = std::max(0, c[0] - 1), x1 = std::min(dims_[0] - 1, c[0] + 1);
    if (x0 > x1) return false;
    if (c[1] >= 0 && c[1] < dims_[1] && c[2] >= 0 && c[2] < dims_[2] &&
        rowHas(x0, x1, c[1], c[2], q, t))
      return true;
    for (int z = std::max(0, c[2] - 1); z <= std::min(dims_[2] - 1, c[2] + 1); ++z)
      for (int y = std::max(0, c[1] - 1); y <= std::min(dims_[1] - 1, c[1] + 1); ++y)
        if ((y != c[1] || z != c[2]) && rowHas(x0, x1, y, z, q, t)) return true;
    return false;
  }

 private:
  // FreiHAND's test d < t, d = (p - q).norm(), for the points of cells x0..x1 of row (y, z). The
  // squared distance decides it when it is clearly below or above t² (any summation order is
  // within a few ulps of norm()'s); only the narrow band around t² takes the square root.
  bool rowHas(int x0, int x1, int y, int z, const Eigen::RowVector3d& q, double t) const {
    const int row = (z * dims_[1] + y) * dims_[0];
    const double below = t * t * (1 - 1e-9), above = t * t * (1 + 1e-9);
    const double* p = sorted_.data();
    const int end = start_[std::size_t(row + x1) + 1];
    for (int j = start_[std::size_t(row + x0)]; j < end; ++j) {
      const double dx = p[3 * j] - q[0], dy = p[3 * j + 1] - q[1], dz = p[3 * j + 2] - q[2];
      const double squared = dx * dx + dy * dy + dz * dz;
      if (squared < below) return true;
      if (squared <= above && (pts_.row(order_[std::size_t(j)]) - q).norm() < t) return true;
    }
    return false;
  }
  int cellIndex(const Eigen::RowVector3d& p) const {
    int c[3];
    for (int k = 0; k < 3; ++k) c[k] = std::min(dims_[k] - 1, int((p[k] - lo_[k]) * inv_));  // >= 0
    return (c[2] * dims_[1] + c[1]) * dims_[0] + c[0];
  }

  PointsView pts_;
  double cell_, inv_;
  Eigen::RowVector3d lo_;
  int dims_[3];
  std::vector<int> start_, order_;
  std::vector<double> sorted_;
};

bool anyWithinBrute(PointsView pts, const Eigen::RowVector3d& q, double t) {
  for (Eigen::Index j = 0; j < pts.rows(); ++j)
    if ((pts.row(j) - q).norm() < t) return true;
  return false;
}

}  // namespace

// Grids of one point set, one per threshold, built on first use.
struct NeighbourIndex {
  PointsView points;
  std::vector<double> thresholds;
  std::vector<std::optional<CellGrid>> grids;
  std::vector<char> built;

  NeighbourIndex(PointsView p, const std::vector<double>& th)
      : points(p), thresholds(th), grids(th.size()), built(th.size(), 0) {}
  bool anyWithin(std::size_t t, const Eigen::RowVector3d& q) {
    if (!built[t]) {
      built[t] = 1;
      if (thresholds[t] > 0 && CellGrid::fits(points, thresholds[t]))
        grids[t].emplace(points, thresholds[t]);
    }
    return grids[t] ? grids[t]->anyWithin(q, thresholds[t])
                    : anyWithinBrute(points, q, thresholds[t]);
  }
};

namespace {

// Fraction of `from` points whose nearest `to` point is closer than each threshold. Any neighbour
// closer than t decides a threshold, so each query stops at its first one: first the point of the
// same index (meshes of one topology correspond, and a good prediction keeps each vertex near its
// GT), then the grid of the smallest threshold, and so on upwards.
std::vector<double> fractionsWithin(PointsView from, NeighbourIndex& to) {
  const std::vector<double>& th = to.thresholds;
  std::vector<std::size_t> order(th.size());
  for (std::size_t i = 0; i < th.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return th[a] < th[b]; });
  std::vector<std::size_t> hits(th.size(), 0);
  const bool corresponding = from.rows() == to.points.rows();
  for (Eigen::Index i = 0; i < from.rows(); ++i) {
    const Eigen::RowVector3d q = from.row(i);
    const double hint =
        corresponding ? (to.points.row(i) - q).norm() : std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::size_t t = order[k];
      if (!(hint < th[t]) && !to.anyWithin(t, q)) continue;
      for (std::size_t m = k; m < order.size(); ++m) ++hits[order[m]];
      break;
    }
  }
  std::vector<double> out(th.size());
  for (std::size_t t = 0; t < th.size(); ++t) out[t] = double(hits[t]) / double(from.rows());
  return out;
}

std::vector<double> fScoresIndexed(PointsView gt, NeighbourIndex& gtIndex, PointsView pred) {
  const std::vector<double>& th = gtIndex.thresholds;
  std::vector<double> out(th.size(), MeshErrors::kNaN);
  if (gt.rows() == 0 || pred.rows() == 0) return out;
  NeighbourIndex predIndex(pred, th);
  const std::vector<double> precision = fractionsWithin(gt, predIndex);
  const std::vector<double> recall = fractionsWithin(pred, gtIndex);
  for (std::size_t t = 0; t < th.size(); ++t) {
    const double p = precision[t], r = recall[t];
    out[t] = p + r > 0 ? 2.0 * r * p / (r + p) : 0.0;
  }
  return out;
}

void distances(PointsView a, const Eigen::Ref<const Points>& b, std::vector<double>& out) {
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
  NeighbourIndex gtIndex(gt, thresholds);
  return fScoresIndexed(gt, gtIndex, pred);
}

MeshScorer::MeshScorer() = default;
MeshScorer::~MeshScorer() = default;

void MeshScorer::score(PointsView gtJoints, PointsView predJoints, PointsView gtVerts,
                       PointsView predVerts, MeshErrors& out) {
  out = MeshErrors{};
  if (gtJoints.rows() > 0 && predJoints.rows() == gtJoints.rows()) {
    distances(gtJoints, predJoints, out.jointDist);
    distances(gtJoints, alignWithScale(gtJoints, predJoints), out.paJointDist);
    out.mpjpeMm = meanMm(out.jointDist);
    out.paMpjpeMm = meanMm(out.paJointDist);
  }
  if (gtVerts.rows() > 0 && predVerts.rows() == gtVerts.rows()) {
    const Points aligned = alignWithScale(gtVerts, predVerts);
    distances(gtVerts, predVerts, out.vertexDist);
    distances(gtVerts, aligned, out.paVertexDist);
    out.mpvpeMm = meanMm(out.vertexDist);
    out.paMpvpeMm = meanMm(out.paVertexDist);
    // The GT's grids serve every prediction of a sample: rebuilt only when the GT changes.
    static const std::vector<double> kThresholds = {0.005, 0.015};
    if (cachedGt_.rows() != gtVerts.rows() || !(cachedGt_.array() == gtVerts.array()).all()) {
      cachedGt_ = gtVerts;
      gtIndex_ = std::make_unique<NeighbourIndex>(viewOf(cachedGt_), kThresholds);
    }
    const std::vector<double> f = fScoresIndexed(viewOf(cachedGt_), *gtIndex_, predVerts);
    const std::vector<double> fa = fScoresIndexed(viewOf(cachedGt_), *gtIndex_, viewOf(aligned));
    out.f5 = f[0], out.f15 = f[1], out.paF5 = fa[0], out.paF15 = fa[1];
  }
}

}  // namespace handalign
