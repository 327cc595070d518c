#include "hand/ManoLayer.h"

#include <Eigen/Geometry>

#include <cmath>
#include <stdexcept>
#include <string>

namespace handalign {
namespace {

std::runtime_error bad(const std::string& what) { return std::runtime_error("\"mano\": " + what); }

// MANO joint i → FreiHAND joint position: wrist, thumb 13-15 + tip, index 1-3 + tip, middle 4-6 +
// tip, ring 10-12 + tip, pinky 7-9 + tip (16..20 are the tips thumb, index, middle, ring, pinky).
constexpr int kFreihandFromMano[21] = {0, 13, 14, 15, 16, 1,  2, 3, 17, 4, 5,
                                       6, 18, 10, 11, 12, 19, 7, 8, 9,  20};

}  // namespace

Eigen::Matrix3d axisAngleToMatrix(const Eigen::Vector3d& r) {
  const double angle = r.norm();
  if (angle == 0) return Eigen::Matrix3d::Identity();
  return Eigen::AngleAxisd(angle, r / angle).toRotationMatrix();
}

void ManoModel::validate() const {
  const int v = vertexCount();
  if (v <= 0) throw bad("no template vertices");
  if (shapeDirs.rows() != 3 * v || shapeDirs.cols() < 1)
    throw bad("shapedirs must be " + std::to_string(v) + "×3×S");
  if (poseDirs.rows() != 3 * v || poseDirs.cols() != kPoseMap)
    throw bad("posedirs must be " + std::to_string(v) + "×3×135");
  if (jointRegressor.rows() != kJoints || jointRegressor.cols() != v)
    throw bad("joint_regressor must be 16×" + std::to_string(v));
  if (skinningWeights.rows() != v || skinningWeights.cols() != kJoints)
    throw bad("weights must be " + std::to_string(v) + "×16");
  if (parents[0] != -1) throw bad("the root's parent must be -1");
  for (int j = 1; j < kJoints; ++j)
    if (parents[std::size_t(j)] < 0 || parents[std::size_t(j)] >= j)
      throw bad("parent of joint " + std::to_string(j) + " must be an earlier joint");
  if (handsComponents.rows() != kPoseDims || handsComponents.cols() != kPoseDims)
    throw bad("hands_components must be 45×45");
  if (handsMean.size() != kPoseDims) throw bad("hands_mean must have 45 values");
  for (int t : tipVertices)
    if (t < 0 || t >= v) throw bad("tip vertex " + std::to_string(t) + " is out of range");
  for (const Eigen::MatrixXd* m :
       {&shapeDirs, &poseDirs, &jointRegressor, &skinningWeights, &handsComponents})
    if (!m->allFinite()) throw bad("holds non-finite values");
  if (!templateVertices.allFinite() || !handsMean.allFinite()) throw bad("holds non-finite values");
}

ManoMesh manoForward(const ManoModel& model, const ManoParameters& p) {
  const int v = model.vertexCount();
  // The 45 finger axis-angle values: PCA coefficients → axis-angles, plus the mean pose.
  Eigen::VectorXd hand;
  if (p.pca) {
    if (p.hand.empty() || int(p.hand.size()) > ManoModel::kPoseDims)
      throw std::invalid_argument("MANO: 1..45 PCA coefficients expected, got " +
                                  std::to_string(p.hand.size()));
    const Eigen::Map<const Eigen::RowVectorXd> c(p.hand.data(), Eigen::Index(p.hand.size()));
    hand = (c * model.handsComponents.topRows(c.size())).transpose();
  } else {
    if (p.hand.size() != std::size_t(ManoModel::kPoseDims))
      throw std::invalid_argument("MANO: 45 axis-angle values expected, got " +
                                  std::to_string(p.hand.size()));
    hand = Eigen::Map<const Eigen::VectorXd>(p.hand.data(), ManoModel::kPoseDims);
  }
  if (!p.flatHandMean) hand += model.handsMean;
  if (int(p.shape.size()) > model.shapeCount())
    throw std::invalid_argument("MANO: at most " + std::to_string(model.shapeCount()) +
                                " shape coefficients, got " + std::to_string(p.shape.size()));

  std::array<Eigen::Matrix3d, ManoModel::kJoints> rot;
  rot[0] = axisAngleToMatrix(p.globalRotation);
  Eigen::VectorXd poseMap(ManoModel::kPoseMap);
  for (int j = 1; j < ManoModel::kJoints; ++j) {
    rot[std::size_t(j)] = axisAngleToMatrix(hand.segment<3>(3 * (j - 1)));
    const Eigen::Matrix3d d = rot[std::size_t(j)] - Eigen::Matrix3d::Identity();
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c) poseMap(9 * (j - 1) + 3 * r + c) = d(r, c);  // row-major
  }

  // Shape, then the joints of the shaped template, then the pose blend shapes.
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(model.shapeCount());
  for (std::size_t i = 0; i < p.shape.size(); ++i) beta(Eigen::Index(i)) = p.shape[i];
  const Eigen::VectorXd shapedOffsets = model.shapeDirs * beta;
  const Eigen::VectorXd poseOffsets = model.poseDirs * poseMap;
  Points shaped = model.templateVertices;
  for (int i = 0; i < v; ++i)
    for (int c = 0; c < 3; ++c) shaped(i, c) += shapedOffsets(3 * i + c);
  const Eigen::Matrix<double, ManoModel::kJoints, 3> joints = model.jointRegressor * shaped;
  Points posed = shaped;
  for (int i = 0; i < v; ++i)
    for (int c = 0; c < 3; ++c) posed(i, c) += poseOffsets(3 * i + c);

  // The kinematic tree: G_j = G_parent · [R_j | J_j − J_parent]; skinning with G_j · [I | −J_j].
  std::array<Eigen::Matrix4d, ManoModel::kJoints> global, skin;
  for (int j = 0; j < ManoModel::kJoints; ++j) {
    Eigen::Matrix4d local = Eigen::Matrix4d::Identity();
    local.topLeftCorner<3, 3>() = rot[std::size_t(j)];
    const int parent = model.parents[std::size_t(j)];
    const Eigen::Vector3d offset =
        parent < 0 ? Eigen::Vector3d(joints.row(j).transpose())
                   : Eigen::Vector3d((joints.row(j) - joints.row(parent)).transpose());
    local.topRightCorner<3, 1>() = offset;
    global[std::size_t(j)] =
        parent < 0 ? local : Eigen::Matrix4d(global[std::size_t(parent)] * local);
    skin[std::size_t(j)] = global[std::size_t(j)];
    skin[std::size_t(j)].topRightCorner<3, 1>() -=
        global[std::size_t(j)].topLeftCorner<3, 3>() * joints.row(j).transpose();
  }
  ManoMesh out;
  out.vertices.resize(v, 3);
  for (int i = 0; i < v; ++i) {
    Eigen::Matrix<double, 3, 4> t = Eigen::Matrix<double, 3, 4>::Zero();
    for (int j = 0; j < ManoModel::kJoints; ++j)
      t += model.skinningWeights(i, j) * skin[std::size_t(j)].topRows<3>();
    out.vertices.row(i) =
        (t.leftCols<3>() * posed.row(i).transpose() + t.col(3) + p.translation).transpose();
  }
  out.joints.resize(21, 3);
  for (int k = 0; k < 21; ++k) {
    const int m = kFreihandFromMano[k];
    out.joints.row(k) =
        m < ManoModel::kJoints
            ? Eigen::RowVector3d(
                  (global[std::size_t(m)].topRightCorner<3, 1>() + p.translation).transpose())
            : Eigen::RowVector3d(
                  out.vertices.row(model.tipVertices[std::size_t(m - ManoModel::kJoints)]));
  }
  return out;
}

}  // namespace handalign
