// Undirected edges of a triangle mesh: the graph the refine stage's Graph-CNN aggregates over.
#pragma once

#include <array>
#include <vector>

namespace handalign::inference {

// Every pair of vertices that share a face, once, as (smaller, larger) in ascending order (what
// PyTorch Geometric's FaceToEdge gives, one direction). Degenerate pairs (a == b) are dropped.
std::vector<std::array<int, 2>> meshEdges(const std::vector<std::array<int, 3>>& faces);

}  // namespace handalign::inference
