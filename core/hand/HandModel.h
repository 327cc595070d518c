// A hand mesh topology: faces, a part per vertex and a 21-joint regressor (format:
// docs/hand_model.md).
#pragma once

#include "geometry/Points.h"
#include "hand/ManoLayer.h"
#include "hand/Part.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace handalign {

struct HandModel {
  struct RegressorWeight {
    int vertex = 0;
    double weight = 0.0;
  };

  std::string name;
  int vertexCount = 0;
  std::vector<std::array<int, 3>> faces;
  std::vector<Part> vertexParts;                                         // one per vertex
  std::array<std::vector<RegressorWeight>, kJointCount> jointRegressor;  // sparse rows
  Points restVertices;  // optional template (V×3, metres); empty when absent
  // MANO's parameters ("mano", written by tools/mano_to_handmodel.py), or null: the vertices of a
  // MANO-parameter output come from manoForward(*mano, ...). Its template is restVertices.
  std::shared_ptr<const ManoModel> mano;

  // Label (1..6) of each face: the majority part of its vertices, else its first vertex's part.
  std::vector<std::uint8_t> faceLabels() const;
  // joints = regressor · vertices (21×3).
  Points regressJoints(PointsView vertices) const;
  // Throws std::runtime_error naming what is inconsistent (indices out of range, wrong sizes...).
  void validate() const;
};

// Throws std::runtime_error("<path>: <problem>") on a missing, truncated or malformed file.
HandModel loadHandModel(const std::filesystem::path& path);
// Writes atomically (temporary file, then rename).
void saveHandModel(const HandModel& model, const std::filesystem::path& path);

}  // namespace handalign
