// A dense N×rows×cols array of doubles (e.g. 32,560 × 778 × 3 vertices), owned or memory-mapped.
#pragma once

#include "geometry/Points.h"

#include <cstddef>
#include <filesystem>
#include <memory>

namespace handalign {

class NumericArray {
 public:
  NumericArray() = default;
  // Zero-initialised, owned storage.
  NumericArray(std::size_t count, int rows, int cols);
  // Read-only view of a binary cache file written by writeNumericArrayCache (io/ArrayCache.h):
  // `payloadOffset` bytes into the file start count·rows·cols doubles.
  static NumericArray mapFile(const std::filesystem::path& file, std::size_t payloadOffset,
                              std::size_t count, int rows, int cols);

  std::size_t count() const { return count_; }
  int rows() const { return rows_; }
  int cols() const { return cols_; }
  bool empty() const { return count_ == 0; }
  std::size_t itemSize() const { return static_cast<std::size_t>(rows_) * cols_; }

  const double* item(std::size_t i) const { return data_ + i * itemSize(); }
  double* mutableItem(std::size_t i);  // owned storage only
  // cols() must be 3.
  PointsView points(std::size_t i) const { return PointsView(item(i), rows_, 3); }

  // Memory-mapped storage: lets the kernel drop items [begin, end) from this process's resident set
  // (they are read back from the file if touched again). No effect on owned storage.
  void releaseItems(std::size_t begin, std::size_t end) const;
  bool isMapped() const;

 private:
  friend class GrowingArray;  // io/GrowingArray.h: owned arrays whose count is known only at the
                              // end
  struct Storage;
  std::shared_ptr<Storage> storage_;
  const double* data_ = nullptr;
  std::size_t count_ = 0;
  int rows_ = 0;
  int cols_ = 0;
};

}  // namespace handalign
