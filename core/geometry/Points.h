// Row-major N×3 point sets (metres, camera frame) and views over externally owned storage.
#pragma once

#include <Eigen/Core>

namespace handalign {

using Points = Eigen::Matrix<double, Eigen::Dynamic, 3, Eigen::RowMajor>;
using PointsView = Eigen::Map<const Points>;

inline PointsView viewOf(const Points& p) { return PointsView(p.data(), p.rows(), 3); }

}  // namespace handalign
