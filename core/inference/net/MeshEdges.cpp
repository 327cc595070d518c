#include "inference/net/MeshEdges.h"

#include <algorithm>

namespace handalign::inference {

std::vector<std::array<int, 2>> meshEdges(const std::vector<std::array<int, 3>>& faces) {
  std::vector<std::array<int, 2>> edges;
  edges.reserve(3 * faces.size());
  for (const auto& f : faces) {
    for (int k = 0; k < 3; ++k) {
      const int a = f[k], b = f[(k + 1) % 3];
      if (a != b) edges.push_back({std::min(a, b), std::max(a, b)});
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

}  // namespace handalign::inference
