// MANO's layer in C++: shape and pose blend shapes, joint regression, linear blend skinning along
// the kinematic tree and the five fingertips, as manopth's ManoLayer computes them.
#pragma once

#include "geometry/Points.h"

#include <Eigen/Core>

#include <array>
#include <string>
#include <vector>

namespace handalign {

// The parameters of a MANO pickle (MANO_RIGHT.pkl / MANO_LEFT.pkl), as tools/mano_to_handmodel.py
// writes them into a hand model's "mano" section (docs/hand_model.md). Never shipped: each user
// converts their own licensed files.
struct ManoModel {
  static constexpr int kJoints = 16, kPoseDims = 45, kPoseMap = 135;
  std::string side = "right";
  Points templateVertices;             // V×3, metres (v_template)
  Eigen::MatrixXd shapeDirs;           // 3V × S: row 3v + c (shapedirs)
  Eigen::MatrixXd poseDirs;            // 3V × 135 (posedirs)
  Eigen::MatrixXd jointRegressor;      // 16 × V (J_regressor)
  Eigen::MatrixXd skinningWeights;     // V × 16 (weights)
  std::array<int, kJoints> parents{};  // kintree_table[0]; the root's is -1
  Eigen::MatrixXd handsComponents;     // 45 × 45 PCA basis (rows are components)
  Eigen::VectorXd handsMean;           // 45
  std::array<int, 5> tipVertices{};    // thumb, index, middle, ring, pinky (manopth's, by side)

  int vertexCount() const { return int(templateVertices.rows()); }
  int shapeCount() const { return int(shapeDirs.cols()); }
  // Throws std::runtime_error naming what is inconsistent.
  void validate() const;
};

// One hand: the global rotation (axis-angle), the 15 finger joints as 45 axis-angle values or as
// PCA coefficients (the first `hand.size()` components), shape coefficients (up to S; missing ones
// are 0) and a translation, in metres.
struct ManoParameters {
  Eigen::Vector3d globalRotation = Eigen::Vector3d::Zero();
  std::vector<double> hand;  // 45 axis-angle values, or PCA coefficients when pca
  bool pca = false;
  bool flatHandMean = false;  // false: coefficient 0 is MANO's mean pose (hands_mean), as HandAR
  std::vector<double> shape;
  Eigen::Vector3d translation = Eigen::Vector3d::Zero();
};

struct ManoMesh {
  Points vertices;  // V×3, metres
  Points joints;  // 21×3, metres, FreiHAND order: the 16 posed MANO joints and the 5 tip vertices
};

// manopth's forward (center_idx None, metres instead of millimetres). Throws
// std::invalid_argument for a wrong number of pose or shape values.
ManoMesh manoForward(const ManoModel& model, const ManoParameters& parameters);

// Rodrigues' formula: the rotation of axis-angle `r` (identity for |r| = 0).
Eigen::Matrix3d axisAngleToMatrix(const Eigen::Vector3d& r);

}  // namespace handalign
