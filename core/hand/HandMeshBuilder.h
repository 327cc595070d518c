// Geometry of the bundled procedural hand: rest mesh, skeleton, skinning weights and regressor.
// Kept apart from ProceduralHand so that posing code does not depend on how the mesh is built.
#pragma once

#include "hand/HandModel.h"

#include <Eigen/Core>
#include <Eigen/Geometry>

#include <array>
#include <utility>
#include <vector>

namespace handalign {

// Rest skeleton (FreiHAND joint order) and the axes each digit's joints rotate about.
struct HandRig {
  static constexpr int kDigits = 5;  // thumb, index, middle, ring, pinky

  std::array<Eigen::Vector3d, kJointCount> joints;
  std::array<int, kJointCount> parents{};  // -1 for the wrist
  // Rest-frame axes per digit: flexion turns the digit towards its pad (volar) side, abduction
  // turns it about the pad normal (the palm normal for the four fingers).
  std::array<Eigen::Vector3d, kDigits> flexionAxes;
  std::array<Eigen::Vector3d, kDigits> abductionAxes;
};

struct HandMeshData {
  // Up to four (bone joint, weight) pairs per vertex; unused slots have weight 0.
  using SkinWeights = std::array<std::pair<int, double>, 4>;

  HandModel model;  // name, faces, vertex parts, joint regressor, rest vertices
  HandRig rig;
  std::vector<SkinWeights> skinning;
};

// Deterministic; takes a few milliseconds.
HandMeshData buildProceduralHandMesh();

}  // namespace handalign
