// Directed boundary-to-boundary distances between two masks, from row-indexed boundary pixel lists.
#pragma once

#include <cstdint>
#include <vector>

namespace handalign {

// The boundary pixels of one mask inside a window, in row-major order, indexed by row.
struct BoundaryPixels {
  int y0 = 0, rows = 0;
  std::vector<int> rowStart;  // rows + 1 offsets into xs
  std::vector<int> xs;        // x of each boundary pixel, increasing within a row

  void clear(int firstRow, int rowCount);
  void push(int x) { xs.push_back(x); }
  void endRow() { rowStart.push_back(int(xs.size())); }
  bool empty() const { return xs.empty(); }
};

// For each boundary pixel of `from`, the squared Euclidean distance to the nearest boundary pixel
// of `to` (exact: rows are searched outwards from the pixel's own row until the row offset alone
// exceeds the best distance found). Appends to `out`.
void directedSquaredDistances(const BoundaryPixels& from, const BoundaryPixels& to,
                              std::vector<std::int32_t>& out);

}  // namespace handalign
