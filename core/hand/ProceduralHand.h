// The bundled hand: a procedurally generated, articulated, closed mesh posed by a 21-joint
// skeleton. It stands in for MANO (which cannot be shipped) when synthesizing test and demo
// datasets.
//
// Rest frame (metres): a flat, open RIGHT hand with the wrist joint at the origin, fingers along
// +y, the palm (volar side) facing +z and, as a right hand must with those two axes, the thumb on
// the +x side (a viewer in front of the palm, at +z, sees the thumb on their right). Fingertip
// joints lie on the surface. One closed, consistently outward-oriented genus-0 triangle mesh.
#pragma once

#include "geometry/Points.h"
#include "hand/HandModel.h"

#include <Eigen/Geometry>

#include <array>
#include <random>
#include <utility>
#include <vector>

namespace handalign {

// Articulation of the procedural hand. Angles in radians.
struct HandPose {
  // Per finger (thumb, index, middle, ring, pinky): {abduction at the base joint, flexion at the
  // base (MCP; for the thumb its CMC/MCP), flexion at PIP, flexion at DIP}. Zero = flat open hand.
  // Positive flexion bends towards the palm (pad) side. Abduction turns about the palm normal +z
  // (right-hand rule: positive turns a finger towards the little-finger side, −x); the thumb's
  // abduction turns about its own pad normal (positive: towards the index finger).
  std::array<std::array<double, 4>, 5> fingers{};
  Eigen::Matrix3d globalRotation = Eigen::Matrix3d::Identity();  // about the wrist joint
  Eigen::Vector3d wristPosition = Eigen::Vector3d::Zero();       // metres, camera frame
  double scale = 1.0;                                            // hand size multiplier
};

class ProceduralHand {
 public:
  ProceduralHand();  // builds the rest mesh, skeleton, skinning weights and regressor once

  // Faces, vertex parts, joint regressor and rest vertices.
  const HandModel& model() const { return model_; }

  struct Posed {
    Points vertices;  // V×3
    Points joints;    // 21×3 skeleton joints (fingertips at the tip surface)
  };
  Posed pose(const HandPose& pose) const;

  // A plausible random articulation (no global rotation/translation; scale 1).
  static HandPose randomArticulation(std::mt19937_64& rng);

 private:
  HandModel model_;
  Points restJoints_;                       // 21×3
  std::array<int, kJointCount> parents_{};  // -1 for the wrist
  // Per digit (thumb..pinky), rest frame: flexion and abduction axes.
  std::array<Eigen::Vector3d, 5> flexionAxes_;
  std::array<Eigen::Vector3d, 5> abductionAxes_;
  // Linear-blend skinning: per vertex up to 4 (bone joint index, weight) pairs.
  std::vector<std::array<std::pair<int, double>, 4>> skinning_;
};

}  // namespace handalign
