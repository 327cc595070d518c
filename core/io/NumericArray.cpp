#include "io/NumericArray.h"

#include "io/GrowingArray.h"
#include "util/Error.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace handalign {

// Owned (calloc: large blocks come straight from the kernel as untouched zero pages, so a 600 MB
// array costs resident memory only where it is written), an owned anonymous mapping handed over by
// GrowingArray, or a read-only file mapping.
struct NumericArray::Storage {
  double* owned = nullptr;
  void* mapping = nullptr;
  std::size_t mappingLength = 0;
  bool anonymous = false;  // the mapping is owned memory, not a file

  Storage() = default;
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage() {
    std::free(owned);
    if (mapping) munmap(mapping, mappingLength);
  }
};

namespace {

std::size_t checkedElementCount(std::size_t count, int rows, int cols) {
  if (rows < 0 || cols < 0) throw std::invalid_argument("NumericArray: negative shape");
  const std::size_t itemSize = static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
  if (itemSize != 0 && count > std::numeric_limits<std::size_t>::max() / sizeof(double) / itemSize)
    throw std::length_error("NumericArray: shape too large");
  return count * itemSize;
}

std::size_t pageSize() {
  static const std::size_t size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

NumericArray::NumericArray(std::size_t count, int rows, int cols)
    : count_(count), rows_(rows), cols_(cols) {
  const std::size_t elements = checkedElementCount(count, rows, cols);
  storage_ = std::make_shared<Storage>();
  // calloc(0) may return nullptr; keep data_ valid for empty arrays anyway.
  storage_->owned = static_cast<double*>(std::calloc(elements == 0 ? 1 : elements, sizeof(double)));
  if (!storage_->owned) throw std::bad_alloc();
  data_ = storage_->owned;
}

NumericArray NumericArray::mapFile(const std::filesystem::path& file, std::size_t payloadOffset,
                                   std::size_t count, int rows, int cols) {
  const std::size_t elements = checkedElementCount(count, rows, cols);
  if (payloadOffset % alignof(double) != 0)
    throw InputError(file, "payload offset " + std::to_string(payloadOffset) + " is not aligned");

  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(file, std::string("cannot open (") + std::strerror(errno) + ")");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw InputError(file, "not a regular file");
  }
  const auto fileSize = static_cast<std::uint64_t>(st.st_size);
  const std::uint64_t needed =
      static_cast<std::uint64_t>(payloadOffset) + elements * sizeof(double);
  if (needed < payloadOffset || fileSize < needed) {
    ::close(fd);
    throw InputError(file, "truncated (" + std::to_string(fileSize) + " bytes, expected at least " +
                               std::to_string(needed) + ")");
  }

  NumericArray array;
  array.count_ = count;
  array.rows_ = rows;
  array.cols_ = cols;
  array.storage_ = std::make_shared<Storage>();
  if (fileSize == 0) {
    // Nothing to map (count is 0): point at a harmless empty owned block.
    ::close(fd);
    array.storage_->owned = static_cast<double*>(std::calloc(1, sizeof(double)));
    if (!array.storage_->owned) throw std::bad_alloc();
    array.data_ = array.storage_->owned;
    return array;
  }
  void* base = ::mmap(nullptr, fileSize, PROT_READ, MAP_SHARED, fd, 0);
  const int mapErrno = errno;
  ::close(fd);  // the mapping keeps its own reference to the file
  if (base == MAP_FAILED)
    throw InputError(file, std::string("cannot map (") + std::strerror(mapErrno) + ")");
  array.storage_->mapping = base;
  array.storage_->mappingLength = fileSize;
  array.data_ = reinterpret_cast<const double*>(static_cast<const char*>(base) + payloadOffset);
  return array;
}

double* NumericArray::mutableItem(std::size_t i) {
  if (!storage_ || !(storage_->owned || storage_->anonymous))
    throw std::logic_error("NumericArray::mutableItem: the array is read-only (memory-mapped)");
  // Owned storage was allocated writable; data_ is const only to share the accessor with mappings.
  return const_cast<double*>(item(i));
}

void NumericArray::releaseItems(std::size_t begin, std::size_t end) const {
  if (!isMapped() || begin >= end || begin >= count_) return;
  if (end > count_) end = count_;
  const std::size_t bytesPerItem = itemSize() * sizeof(double);
  auto first = reinterpret_cast<std::uintptr_t>(data_) + begin * bytesPerItem;
  auto last = reinterpret_cast<std::uintptr_t>(data_) + end * bytesPerItem;
  // Only whole pages inside the range: a neighbouring item sharing a page stays resident.
  const std::uintptr_t page = pageSize();
  first = (first + page - 1) & ~(page - 1);
  last &= ~(page - 1);
  if (first >= last) return;
  // Read-only file-backed pages: dropping them loses nothing, a later touch reads them back.
  ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

bool NumericArray::isMapped() const {
  return storage_ && storage_->mapping != nullptr && !storage_->anonymous;
}

namespace {

constexpr std::size_t kCommitChunk = std::size_t{64} << 20;

std::size_t roundUpToPage(std::size_t bytes) {
  return (bytes + pageSize() - 1) & ~(pageSize() - 1);
}

}  // namespace

GrowingArray::GrowingArray(std::size_t maxCount, int rows, int cols)
    : maxCount_(maxCount), rows_(rows), cols_(cols) {
  const std::size_t elements = checkedElementCount(maxCount, rows, cols);
  itemSize_ = static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
  reservedBytes_ = roundUpToPage(std::max<std::size_t>(elements * sizeof(double), 1));
  // PROT_NONE + MAP_NORESERVE: address space only, not charged against the commit limit.
  void* base = ::mmap(nullptr, reservedBytes_, PROT_NONE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) throw std::bad_alloc();
  base_ = static_cast<double*>(base);
}

GrowingArray::~GrowingArray() {
  if (base_) ::munmap(base_, reservedBytes_);
}

void GrowingArray::commit(std::size_t count) {
  if (count > maxCount_) throw std::length_error("GrowingArray: more items than reserved for");
  const std::size_t needed = count * itemSize_ * sizeof(double);
  if (needed <= committedBytes_) return;
  const std::size_t target =
      std::min(reservedBytes_, roundUpToPage(std::max(needed, committedBytes_ + kCommitChunk)));
  // Only the new range changes protection: pages other threads are writing stay untouched.
  if (::mprotect(reinterpret_cast<char*>(base_) + committedBytes_, target - committedBytes_,
                 PROT_READ | PROT_WRITE) != 0)
    throw std::bad_alloc();
  committedBytes_ = target;
}

NumericArray GrowingArray::finish(std::size_t count) {
  if (count > maxCount_) throw std::length_error("GrowingArray: more items than reserved for");
  const std::size_t used =
      roundUpToPage(std::max<std::size_t>(count * itemSize_ * sizeof(double), 1));
  if (used > committedBytes_) {  // also makes the one page of an empty array valid
    if (::mprotect(reinterpret_cast<char*>(base_) + committedBytes_, used - committedBytes_,
                   PROT_READ | PROT_WRITE) != 0)
      throw std::bad_alloc();
    committedBytes_ = used;
  }
  if (used < reservedBytes_) ::munmap(reinterpret_cast<char*>(base_) + used, reservedBytes_ - used);

  NumericArray array;
  array.count_ = count;
  array.rows_ = rows_;
  array.cols_ = cols_;
  array.storage_ = std::make_shared<NumericArray::Storage>();
  array.storage_->mapping = base_;
  array.storage_->mappingLength = used;
  array.storage_->anonymous = true;
  array.data_ = base_;
  base_ = nullptr;
  reservedBytes_ = committedBytes_ = 0;
  return array;
}

}  // namespace handalign
