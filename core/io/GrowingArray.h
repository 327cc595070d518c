// Internal to io/: the output of a parse that starts before the item count is known. Address space
// for an upper bound is reserved up front (costing nothing) and committed as items arrive, so the
// data never moves while other threads write into it.
#pragma once

#include "io/NumericArray.h"

#include <cstddef>

namespace handalign {

class GrowingArray {
 public:
  // Throws std::bad_alloc if the address space cannot be reserved.
  GrowingArray(std::size_t maxCount, int rows, int cols);
  ~GrowingArray();
  GrowingArray(const GrowingArray&) = delete;
  GrowingArray& operator=(const GrowingArray&) = delete;

  std::size_t maxCount() const { return maxCount_; }
  double* item(std::size_t i) const { return base_ + i * itemSize_; }
  // Makes items [0, count) writable (zero-filled). One thread at a time; writers of items already
  // committed are not disturbed.
  void commit(std::size_t count);
  // Hands over the first `count` items (all committed) as an owned NumericArray; the rest of the
  // reservation is returned to the system. The GrowingArray is empty afterwards.
  NumericArray finish(std::size_t count);

 private:
  double* base_ = nullptr;
  std::size_t reservedBytes_ = 0;
  std::size_t committedBytes_ = 0;
  std::size_t maxCount_ = 0;
  std::size_t itemSize_ = 0;
  int rows_ = 0;
  int cols_ = 0;
};

}  // namespace handalign
