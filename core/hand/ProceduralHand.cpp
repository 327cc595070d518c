#include "hand/ProceduralHand.h"

#include "hand/HandMeshBuilder.h"

#include <algorithm>

namespace handalign {
namespace {

using Vec3 = Eigen::Vector3d;
using Mat3 = Eigen::Matrix3d;

// Posed frames of all joints before the global transform: rotation and position in the rest frame.
struct JointFrames {
  std::array<Mat3, kJointCount> rotation;
  std::array<Vec3, kJointCount> position;
};

// mt19937_64's output sequence is fully specified, unlike the std distributions, so a seed gives
// the same hand with every standard library.
double uniform(std::mt19937_64& rng, double lo, double hi) {
  const double unit = static_cast<double>(rng() >> 11) * 0x1.0p-53;  // [0, 1)
  return lo + (hi - lo) * unit;
}

// One finger's angles from a closure c in [0, 1] (0 open, 1 fist) and its share of the hand's
// spread: abduction follows a hand-wide spread so that neighbouring fingers do not cross.
std::array<double, 4> fingerAngles(std::mt19937_64& rng, double c, double spread) {
  std::array<double, 4> a{};
  // Closed fingers spread less.
  const double abduction = spread * (1.0 - 0.6 * c) + uniform(rng, -0.05, 0.05);
  a[0] = std::clamp(abduction, -0.25, 0.25);
  a[1] = std::clamp(1.5 * c + uniform(rng, -0.2, 0.1), -0.25, 1.55);  // < 0: hyper-extension
  a[2] = std::clamp(1.65 * c + uniform(rng, -0.08, 0.12), -0.05, 1.75);
  a[3] = std::clamp(0.65 * a[2] + uniform(rng, -0.1, 0.1), -0.1, 1.1);  // DIP follows PIP
  return a;
}

std::array<double, 4> thumbAngles(std::mt19937_64& rng, double c) {
  std::array<double, 4> a{};
  a[0] = uniform(rng, -0.25, 0.3) + 0.2 * c;  // closing hands bring the thumb towards the index
  a[1] = std::clamp(0.6 * c + uniform(rng, -0.1, 0.15), -0.1, 0.8);
  a[2] = std::clamp(0.7 * c + uniform(rng, -0.1, 0.15), -0.1, 0.9);
  a[3] = std::clamp(0.9 * c + uniform(rng, -0.1, 0.2), -0.15, 1.2);
  return a;
}

}  // namespace

ProceduralHand::ProceduralHand() {
  HandMeshData data = buildProceduralHandMesh();
  model_ = std::move(data.model);
  restJoints_.resize(kJointCount, 3);
  for (int j = 0; j < kJointCount; ++j) restJoints_.row(j) = data.rig.joints[j].transpose();
  parents_ = data.rig.parents;
  flexionAxes_ = data.rig.flexionAxes;
  abductionAxes_ = data.rig.abductionAxes;
  skinning_ = std::move(data.skinning);
}

ProceduralHand::Posed ProceduralHand::pose(const HandPose& pose) const {
  // Local rotations are about rest-frame axes; composing them down the chain turns each joint's
  // axis with its parent, so a bent finger still flexes about its own side axis.
  std::array<Mat3, kJointCount> local;
  local[0] = Mat3::Identity();
  for (int d = 0; d < 5; ++d) {
    const auto& a = pose.fingers[d];
    const int base = 1 + 4 * d;
    local[base] =
        (Eigen::AngleAxisd(a[0], abductionAxes_[d]) * Eigen::AngleAxisd(a[1], flexionAxes_[d]))
            .toRotationMatrix();
    local[base + 1] = Eigen::AngleAxisd(a[2], flexionAxes_[d]).toRotationMatrix();
    local[base + 2] = Eigen::AngleAxisd(a[3], flexionAxes_[d]).toRotationMatrix();
    local[base + 3] = Mat3::Identity();
  }
  JointFrames frames;
  frames.rotation[0] = Mat3::Identity();
  frames.position[0] = restJoints_.row(0).transpose();
  for (int j = 1; j < kJointCount; ++j) {  // FreiHAND order lists parents before children
    const int p = parents_[j];
    const Vec3 bone = (restJoints_.row(j) - restJoints_.row(p)).transpose();
    frames.position[j] = frames.position[p] + frames.rotation[p] * bone;
    frames.rotation[j] = frames.rotation[p] * local[j];
  }

  // Fold the global similarity into every bone's skinning transform: x ↦ linear·x + offset.
  const Mat3 global = pose.scale * pose.globalRotation;
  const Vec3 wrist = restJoints_.row(0).transpose();
  std::array<Mat3, kJointCount> linear;
  std::array<Vec3, kJointCount> offset;
  Posed out;
  out.joints.resize(kJointCount, 3);
  for (int j = 0; j < kJointCount; ++j) {
    const Vec3 rest = restJoints_.row(j).transpose();
    linear[j] = global * frames.rotation[j];
    offset[j] = pose.wristPosition + global * (frames.position[j] - wrist) - linear[j] * rest;
    out.joints.row(j) = (pose.wristPosition + global * (frames.position[j] - wrist)).transpose();
  }

  const Points& restVertices = model_.restVertices;
  out.vertices.resize(restVertices.rows(), 3);
  for (Eigen::Index v = 0; v < restVertices.rows(); ++v) {
    const Vec3 x = restVertices.row(v).transpose();
    Vec3 sum = Vec3::Zero();
    for (const auto& [bone, weight] : skinning_[v])
      if (weight != 0.0) sum += weight * (linear[bone] * x + offset[bone]);
    out.vertices.row(v) = sum.transpose();
  }
  return out;
}

HandPose ProceduralHand::randomArticulation(std::mt19937_64& rng) {
  // A hand-wide closure mixes open, half-closed and fist-like hands; each finger varies around it
  // because real fingers rarely close in lockstep.
  const double mode = uniform(rng, 0.0, 1.0);
  double closure = 0.0;
  if (mode < 0.35)
    closure = uniform(rng, 0.0, 0.2);
  else if (mode < 0.7)
    closure = uniform(rng, 0.3, 0.65);
  else
    closure = uniform(rng, 0.7, 1.0);

  HandPose pose;
  const double thumbClosure = std::clamp(closure + uniform(rng, -0.25, 0.25), 0.0, 1.0);
  pose.fingers[0] = thumbAngles(rng, thumbClosure);
  // Positive abduction turns towards the little finger, so spreading turns the index the other
  // way; the middle finger stays near the hand's axis.
  const double spread = uniform(rng, -0.08, 0.2);
  constexpr std::array<double, 5> spreadShare = {0.0, -1.0, 0.0, 0.8, 1.2};
  for (int f = 1; f < 5; ++f) {
    const double c = std::clamp(closure + uniform(rng, -0.2, 0.2), 0.0, 1.0);
    pose.fingers[f] = fingerAngles(rng, c, spreadShare[f] * spread);
  }
  return pose;
}

}  // namespace handalign
