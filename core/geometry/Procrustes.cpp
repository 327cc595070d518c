#include "geometry/Procrustes.h"

#include <Eigen/SVD>

namespace handalign {

Points alignWithScale(PointsView gt, PointsView pred) {
  const Eigen::RowVector3d t1 = gt.colwise().mean();
  const Eigen::RowVector3d t2 = pred.colwise().mean();
  Points a = gt.rowwise() - t1;
  Points b = pred.rowwise() - t2;
  const double s1 = a.norm() + 1e-8;
  const double s2 = b.norm() + 1e-8;
  a /= s1;
  b /= s2;
  // scipy.linalg.orthogonal_procrustes(A, B): u, w, vt = svd((Bᵀ A)ᵀ); R = u vt; scale = Σw.
  const Eigen::Matrix3d m = (b.transpose() * a).transpose();
  Eigen::JacobiSVD<Eigen::Matrix3d> svd(m, Eigen::ComputeFullU | Eigen::ComputeFullV);
  const Eigen::Matrix3d r = svd.matrixU() * svd.matrixV().transpose();
  const double scale = svd.singularValues().sum();
  Points out = (b * r.transpose()) * scale;
  out *= s1;
  out.rowwise() += t1;
  return out;
}

}  // namespace handalign
