// FreiHAND's 3D metrics for one sample: MPJPE/MPVPE, Procrustes-aligned variants and F-scores.
#pragma once

#include "geometry/Points.h"

#include <array>
#include <limits>
#include <memory>
#include <vector>

namespace handalign {

struct MeshErrors {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double mpjpeMm = kNaN, paMpjpeMm = kNaN, mpvpeMm = kNaN, paMpvpeMm = kNaN;
  double f5 = kNaN, f15 = kNaN, paF5 = kNaN, paF15 = kNaN;
  // Per-keypoint Euclidean distances (metres), for the PCK/AUC accumulators.
  std::vector<double> jointDist, paJointDist, vertexDist, paVertexDist;
};

// F-score at each threshold (metres) between two point sets: precision over gt→pred nearest
// distances, recall over pred→gt, strict d < t, F = 2PR/(P+R) (0 when both are 0).
std::vector<double> fScores(PointsView gt, PointsView pred, const std::vector<double>& thresholds);

// Keeps scratch buffers; one per thread.
struct NeighbourIndex;

class MeshScorer {
 public:
  MeshScorer();
  ~MeshScorer();
  // Either pair may be empty (rows() == 0): its metrics stay NaN.
  void score(PointsView gtJoints, PointsView predJoints, PointsView gtVerts, PointsView predVerts,
             MeshErrors& out);

 private:
  Points cachedGt_;
  std::unique_ptr<NeighbourIndex> gtIndex_;
};

}  // namespace handalign
