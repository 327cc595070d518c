// Internal to io/NumericJson: finds the byte ranges of the items of a top-level JSON list by
// bracket counting, ahead of the threads that parse them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace handalign::detail {

// Bytes [begin, end) of one item, from its '[' to its ']' inclusive.
struct ByteRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

// 'x' for a printable character, else "byte 0xFF": how messages quote the offending byte.
std::string describeByte(char c);

// A file read with pread (no mapping: nothing of it stays in the resident set, and a file truncated
// underneath us is an error rather than a SIGBUS).
class InputFile {
 public:
  // Throws InputError: missing, not a regular file, unreadable.
  explicit InputFile(const std::filesystem::path& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::uint64_t size() const { return size_; }
  // Reads exactly `length` bytes at `offset`; throws InputError if the file changed underneath.
  void readAt(std::uint64_t offset, char* destination, std::size_t length) const;

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// Incremental bracket-depth scanner. itemDepth 1: the file is [item, ...]; itemDepth 2: the file is
// [[item, ...], [item, ...], ...]. Everything outside the items is validated here (only whitespace,
// commas and lists); an item's inside is left to the parser, except that a '"' anywhere is an
// error.
class ItemScanner {
 public:
  struct Found {
    std::size_t list = 0;   // 0 for itemDepth 1
    std::size_t index = 0;  // within its list
    ByteRange range;
  };

  ItemScanner(std::filesystem::path path, std::uint64_t fileSize, int itemDepth);

  // Scans data[0, n), which lies at file offset `base`, right after the bytes fed before. Items
  // completed go to found() (the caller takes them). Throws InputError.
  void feed(const char* data, std::size_t n, std::uint64_t base);
  // At the end of the file: throws InputError if it was empty or the top-level list is not closed.
  void finish() const;

  bool insideItem() const { return depth_ > itemDepth_; }
  std::uint64_t itemBegin() const { return itemBegin_; }  // of the item being scanned
  std::vector<Found>& found() { return found_; }
  // Items per list so far (itemDepth 2: one entry per inner list opened).
  const std::vector<std::size_t>& itemCounts() const { return counts_; }

 private:
  enum class Expect : unsigned char { ValueOrClose, CommaOrClose, Value };

  std::size_t scanContainer(const char* data, std::size_t n, std::uint64_t base, std::size_t i);
  std::size_t scanInsideItem(const char* data, std::size_t n, std::uint64_t base, std::size_t i);
  [[noreturn]] void fail(const std::string& problem) const;
  [[noreturn]] void unexpected(char c, std::uint64_t at) const;
  std::string itemLabel() const;

  std::filesystem::path path_;
  std::uint64_t fileSize_ = 0;
  int itemDepth_ = 1;
  long long depth_ = 0;  // inside this many lists
  bool started_ = false;
  bool finished_ = false;
  unsigned bomBytes_ = 0;
  Expect expect_[2] = {Expect::ValueOrClose, Expect::ValueOrClose};  // per container depth
  std::uint64_t itemBegin_ = 0;
  std::vector<Found> found_;
  std::vector<std::size_t> counts_;
};

}  // namespace handalign::detail
