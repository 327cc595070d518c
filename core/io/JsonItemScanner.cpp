#include "io/JsonItemScanner.h"

#include "util/Error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace handalign::detail {

InputFile::InputFile(const std::filesystem::path& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    const int error = errno;
    if (error == ENOENT) throw InputError(path, "file not found");
    throw InputError(path, std::string("cannot open (") + std::strerror(error) + ")");
  }
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd_);
    fd_ = -1;
    throw InputError(path, "not a regular file");
  }
  size_ = static_cast<std::uint64_t>(st.st_size);
#if defined(POSIX_FADV_SEQUENTIAL)
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

void InputFile::readAt(std::uint64_t offset, char* destination, std::size_t length) const {
  while (length > 0) {
    const ssize_t n = ::pread(fd_, destination, length, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(path_, std::string("read error (") + std::strerror(errno) + ")");
    if (n == 0) throw InputError(path_, "the file changed while it was being read");
    destination += n;
    offset += static_cast<std::uint64_t>(n);
    length -= static_cast<std::size_t>(n);
  }
}

std::string describeByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
  static const char* hex = "0123456789ABCDEF";
  return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
}

namespace {

bool isWhitespace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The first byte of a JSON scalar (or of the non-JSON words Python writes for NaN and infinities).
bool startsScalar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == 't' || c == 'f' || c == 'n' || c == 'N' ||
         c == 'I' || c == '{';
}

// Masks of '[', ']' and '"' in 64 bytes.
struct BlockMasks {
  std::uint64_t open = 0, close = 0, quote = 0;
};

inline BlockMasks classify64(const char* p) {
  BlockMasks m;
#if defined(__SSE2__)
  const __m128i open = _mm_set1_epi8('['), close = _mm_set1_epi8(']'), quote = _mm_set1_epi8('"');
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const int shift = 16 * k;
    m.open |= static_cast<std::uint64_t>(
                  static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, open))))
              << shift;
    m.close |= static_cast<std::uint64_t>(
                   static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, close))))
               << shift;
    m.quote |= static_cast<std::uint64_t>(
                   static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote))))
               << shift;
  }
#else
  for (int k = 0; k < 64; ++k) {
    const std::uint64_t bit = std::uint64_t{1} << k;
    if (p[k] == '[') m.open |= bit;
    if (p[k] == ']') m.close |= bit;
    if (p[k] == '"') m.quote |= bit;
  }
#endif
  return m;
}

}  // namespace

// Containers (the top-level list and, for itemDepth 2, its inner lists) are validated byte by byte.
// Inside an item (depth > itemDepth) only brackets and quotes are looked at, 64 bytes at a time.
ItemScanner::ItemScanner(std::filesystem::path path, std::uint64_t fileSize, int itemDepth)
    : path_(std::move(path)), fileSize_(fileSize), itemDepth_(itemDepth) {
  if (itemDepth != 1 && itemDepth != 2) throw std::invalid_argument("ItemScanner: itemDepth");
  if (itemDepth_ == 1) counts_.push_back(0);
}

void ItemScanner::feed(const char* data, std::size_t n, std::uint64_t base) {
  std::size_t i = 0;
  while (i < n) {
    if (depth_ > itemDepth_)
      i = scanInsideItem(data, n, base, i);
    else
      i = scanContainer(data, n, base, i);
  }
}

void ItemScanner::finish() const {
  if (!started_) fail(fileSize_ == 0 ? "empty file" : "empty file (only whitespace)");
  if (depth_ > 0) fail("truncated (the top-level list is not closed)");
}

void ItemScanner::fail(const std::string& problem) const { throw InputError(path_, problem); }

void ItemScanner::unexpected(char c, std::uint64_t at) const {
  fail("not JSON (unexpected " + describeByte(c) + " at byte " + std::to_string(at) + ")");
}

std::string ItemScanner::itemLabel() const {
  const std::size_t item = counts_.empty() ? 0 : counts_.back();
  if (itemDepth_ == 1) return "item " + std::to_string(item);
  return "list " + std::to_string(counts_.size() - 1) + ", item " + std::to_string(item);
}

std::size_t ItemScanner::scanContainer(const char* data, std::size_t n, std::uint64_t base,
                                       std::size_t i) {
  for (; i < n; ++i) {
    const char c = data[i];
    const std::uint64_t at = base + i;
    if (isWhitespace(c)) continue;
    if (c == '"') fail("strings are not allowed (a '\"' at byte " + std::to_string(at) + ")");
    if (depth_ == 0) {
      if (finished_)
        fail("trailing characters after the top-level list (" + describeByte(c) + " at byte " +
             std::to_string(at) + ")");
      static const unsigned char kByteOrderMark[3] = {0xEF, 0xBB, 0xBF};
      if (at < 3 && at == bomBytes_ && static_cast<unsigned char>(c) == kByteOrderMark[at]) {
        ++bomBytes_;
        continue;
      }
      if (bomBytes_ == 1 || bomBytes_ == 2) unexpected(c, at);
      if (c == '{') fail("expected a top-level list, found an object");
      if (c != '[') unexpected(c, at);
      started_ = true;
      depth_ = 1;
      expect_[0] = Expect::ValueOrClose;
      continue;
    }
    Expect& expect = expect_[depth_ - 1];
    if (c == '[') {
      if (expect == Expect::CommaOrClose) unexpected(c, at);
      expect = Expect::CommaOrClose;
      ++depth_;
      if (depth_ > itemDepth_) {
        itemBegin_ = at;
        return i + 1;
      }
      expect_[depth_ - 1] = Expect::ValueOrClose;
      counts_.push_back(0);  // a new inner list (itemDepth 2)
    } else if (c == ']') {
      if (expect == Expect::Value) unexpected(c, at);  // "[1, ]"
      --depth_;
      if (depth_ == 0) finished_ = true;
    } else if (c == ',') {
      if (expect != Expect::CommaOrClose) unexpected(c, at);
      expect = Expect::Value;
    } else if (startsScalar(c)) {
      const std::string what = c == '{' ? "an object" : describeByte(c);
      if (depth_ == itemDepth_)
        fail(itemLabel() + ": expected a list of rows, found " + what + " at byte " +
             std::to_string(at));
      fail("expected a list of lists, found " + what + " at byte " + std::to_string(at));
    } else {
      unexpected(c, at);
    }
  }
  return i;
}

// Returns the index just past the item's closing bracket, or n if the item goes on.
std::size_t ItemScanner::scanInsideItem(const char* data, std::size_t n, std::uint64_t base,
                                        std::size_t i) {
  alignas(16) char tail[64];
  while (i < n) {
    const char* block = data + i;
    if (n - i < 64) {
      std::memset(tail, ' ', sizeof tail);
      std::memcpy(tail, data + i, n - i);
      block = tail;
    }
    const BlockMasks m = classify64(block);
    if (m.quote) {
      const std::uint64_t at = base + i + static_cast<unsigned>(__builtin_ctzll(m.quote));
      fail("strings are not allowed (a '\"' at byte " + std::to_string(at) + ")");
    }
    // About two brackets per 64 bytes of numbers: walking them is cheaper than counting them.
    std::uint64_t brackets = m.open | m.close;
    while (brackets) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctzll(brackets));
      brackets &= brackets - 1;
      if ((m.open >> bit) & 1) {
        ++depth_;
      } else if (--depth_ == itemDepth_) {
        const std::uint64_t end = base + i + bit + 1;
        found_.push_back(Found{counts_.size() - 1, counts_.back()++, ByteRange{itemBegin_, end}});
        return i + bit + 1;
      }
    }
    i += 64;
  }
  return n;
}

}  // namespace handalign::detail
