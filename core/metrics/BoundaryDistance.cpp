#include "metrics/BoundaryDistance.h"

#include <algorithm>
#include <climits>

namespace handalign {

void BoundaryPixels::clear(int firstRow, int rowCount) {
  y0 = firstRow;
  rows = rowCount;
  xs.clear();
  rowStart.clear();
  rowStart.push_back(0);
}

namespace {
// Smallest squared horizontal distance from x to a pixel of row r of `b` (INT_MAX if the row is
// empty).
inline std::int32_t rowDistance(const BoundaryPixels& b, int r, int x) {
  const int* begin = b.xs.data() + b.rowStart[std::size_t(r)];
  const int* end = b.xs.data() + b.rowStart[std::size_t(r) + 1];
  if (begin == end) return INT_MAX;
  const int* it = std::lower_bound(begin, end, x);
  std::int32_t best = INT_MAX;
  if (it != end) best = (*it - x) * (*it - x);
  if (it != begin) best = std::min(best, (it[-1] - x) * (it[-1] - x));
  return best;
}
}  // namespace

void classBoundary(const std::uint8_t* image, int w, int h, int label, int x0, int y0, int x1,
                   int y1, BoundaryPixels& out) {
  const auto in = [label](std::uint8_t v) { return label < 0 ? v != 0 : v == label; };
  out.clear(y0, y1 - y0 + 1);
  for (int y = y0; y <= y1; ++y) {
    const std::uint8_t* row = image + std::size_t(y) * w;
    const std::uint8_t* up = y > 0 ? row - w : nullptr;
    const std::uint8_t* down = y + 1 < h ? row + w : nullptr;
    for (int x = x0; x <= x1; ++x) {
      if (!in(row[x])) continue;
      if (!up || !down || x == 0 || x == w - 1 || !in(row[x - 1]) || !in(row[x + 1]) ||
          !in(up[x]) || !in(down[x]))
        out.push(x);
    }
    out.endRow();
  }
}

void directedSquaredDistances(const BoundaryPixels& from, const BoundaryPixels& to,
                              std::vector<std::int32_t>& out) {
  for (int r = 0; r < from.rows; ++r) {
    const int y = from.y0 + r;
    const int rTo = y - to.y0;  // the same image row in `to`'s window
    for (int i = from.rowStart[std::size_t(r)]; i < from.rowStart[std::size_t(r) + 1]; ++i) {
      const int x = from.xs[std::size_t(i)];
      std::int32_t best = INT_MAX;
      for (int dy = 0;; ++dy) {
        const std::int32_t dy2 = dy * dy;
        if (dy2 >= best) break;
        const int up = rTo - dy, down = rTo + dy;
        const bool upIn = up >= 0 && up < to.rows, downIn = down >= 0 && down < to.rows;
        if (!upIn && !downIn && (up < 0 && down >= to.rows)) break;  // searched every row
        if (upIn) {
          const std::int32_t d = rowDistance(to, up, x);
          if (d != INT_MAX) best = std::min(best, d + dy2);
        }
        if (downIn && dy) {
          const std::int32_t d = rowDistance(to, down, x);
          if (d != INT_MAX) best = std::min(best, d + dy2);
        }
      }
      out.push_back(best);
    }
  }
}

}  // namespace handalign
