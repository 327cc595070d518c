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

// The boundary (docs/metrics.md) of one class of a w×h 8-bit image inside the window
// [x0, x1]×[y0, y1]: class pixels with a 4-neighbour outside the class or outside the image.
// label < 0 means every non-zero pixel, else the pixels equal to `label`.
void classBoundary(const std::uint8_t* image, int w, int h, int label, int x0, int y0, int x1,
                   int y1, BoundaryPixels& out);

// For each boundary pixel of `from`, the squared Euclidean distance to the nearest boundary pixel
// of `to` (exact: rows are searched outwards from the pixel's own row until the row offset alone
// exceeds the best distance found). Appends to `out`.
void directedSquaredDistances(const BoundaryPixels& from, const BoundaryPixels& to,
                              std::vector<std::int32_t>& out);

}  // namespace handalign
