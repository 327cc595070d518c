// Streaming reader for the large numeric JSON arrays of hand datasets (FreiHAND *_verts.json is
// ~1.5 GB).
#pragma once

#include "io/NumericArray.h"

#include <filesystem>
#include <vector>

namespace handalign {

// Expected shape of each item of a top-level list: `rows` arrays of `cols` numbers
// ([[x, y, z], ...] is rows = V, cols = 3; a 3×3 K is rows = 3, cols = 3).
// rows = -1 accepts any row count, as long as every item has the same.
struct ItemShape {
  int rows = -1;
  int cols = 3;
};

// Parses a file whose top-level value is a list of N items of `shape`. Never builds a DOM of the
// whole file: the file is memory-mapped, item boundaries found by a fast scan, items parsed with
// simdjson On-Demand on up to `threads` threads. Throws InputError (missing, empty, truncated, not
// JSON, wrong item shape or item count mismatch, a non-finite number) naming the file, the item and
// the problem.
NumericArray readNumericItems(const std::filesystem::path& path, ItemShape shape, int threads = 0);

// The top-level value is a list of shapes.size() such lists (FreiHAND pred.json: [xyz, verts]).
// Every non-empty list must have the same item count (an empty one stands for data not given).
std::vector<NumericArray> readNumericItemLists(const std::filesystem::path& path,
                                               const std::vector<ItemShape>& shapes,
                                               int threads = 0);

}  // namespace handalign
