#include "io/ArrayCache.h"

#include "util/Error.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace handalign {
namespace {

// File layout (native byte order, checked by kEndianTag):
//   Header | ListEntry × listCount | source path bytes | padding | payload 0 | padding | payload 1
//   …
// Payloads start at 64-byte aligned offsets. The header checksum covers everything before the
// first payload, so a damaged header or path is detected; a truncated file fails the size checks;
// the payload checksum (XXH3-64 of the payloads in order) is verified on every open, so edited
// bytes are never served as numbers (about 60 ms for FreiHAND's 600 MB of vertices).
constexpr char kMagic[8] = {'H', 'A', 'N', 'D', 'A', 'R', 'R', '\0'};
constexpr std::uint32_t kFormatVersion = 2;  // 2: payload checksum
constexpr std::uint32_t kEndianTag = 0x01020304;
constexpr std::uint64_t kPayloadAlignment = 64;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t endianTag;
  std::uint32_t layout;  // 1: readNumericItems, 2: readNumericItemLists
  std::uint32_t listCount;
  std::uint32_t pathBytes;
  std::uint32_t headerBytes;  // everything before the first payload
  std::uint64_t fileBytes;    // the whole cache file
  std::uint64_t sourceSize;
  std::int64_t sourceMtimeNs;
  std::uint64_t sourceDevice;
  std::uint64_t sourceInode;
  std::uint64_t payloadChecksum;  // XXH3-64 over the payload bytes, in list order
  std::uint64_t checksum;         // FNV-1a of the first headerBytes bytes with this field zero
};

// Mapped payloads are hashed in 32 MB steps, each dropped from the resident set after it (the
// evaluation maps items back as it reaches them): verifying 2 GB must not make the process 2 GB.
std::uint64_t payloadChecksum(const std::vector<NumericArray>& arrays) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const NumericArray& a : arrays) {
    const std::size_t itemBytes = a.itemSize() * sizeof(double);
    if (a.count() == 0 || itemBytes == 0) continue;  // e.g. a list of 0-row items
    const std::size_t step = std::max<std::size_t>(1, (std::size_t(32) << 20) / itemBytes);
    for (std::size_t i = 0; i < a.count(); i += step) {
      const std::size_t n = std::min(step, a.count() - i);
      XXH3_64bits_update(state, a.item(i), n * itemBytes);
      a.releaseItems(i, i + n);
    }
  }
  const std::uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

struct ListEntry {
  std::uint64_t count;
  std::int32_t rows;
  std::int32_t cols;
  std::uint64_t payloadOffset;
};

struct SourceIdentity {
  std::string canonicalPath;
  std::uint64_t size = 0;
  std::int64_t mtimeNs = 0;
  std::uint64_t device = 0;
  std::uint64_t inode = 0;

  bool operator==(const SourceIdentity& o) const {
    return canonicalPath == o.canonicalPath && size == o.size && mtimeNs == o.mtimeNs &&
           device == o.device && inode == o.inode;
  }
};

std::uint64_t fnv1a(const void* data, std::size_t n, std::uint64_t hash = 14695981039346656037ull) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) hash = (hash ^ bytes[i]) * 1099511628211ull;
  return hash;
}

std::uint64_t alignUp(std::uint64_t value) {
  return (value + kPayloadAlignment - 1) / kPayloadAlignment * kPayloadAlignment;
}

std::optional<SourceIdentity> identify(const std::filesystem::path& path) {
  std::error_code error;
  const std::filesystem::path canonical = std::filesystem::canonical(path, error);
  if (error) return std::nullopt;
  struct stat st {};
  if (::stat(canonical.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  SourceIdentity id;
  id.canonicalPath = canonical.string();
  id.size = static_cast<std::uint64_t>(st.st_size);
  id.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  id.device = static_cast<std::uint64_t>(st.st_dev);
  id.inode = static_cast<std::uint64_t>(st.st_ino);
  return id;
}

// The cache folder is used only when it is this user's: a folder (not a link) owned by the user
// and writable by no one else. Created 0700 when missing. Otherwise caching is off (it only costs
// the speed-up): another user could plant arrays there.
bool cacheFolderIsPrivate(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir.parent_path(), error);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return false;
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  return st.st_uid == ::geteuid() && (st.st_mode & 0022) == 0;
}

std::filesystem::path cacheFileFor(const SourceIdentity& source, std::uint32_t layout) {
  std::uint64_t hash = fnv1a(source.canonicalPath.data(), source.canonicalPath.size());
  hash = fnv1a(&layout, sizeof layout, hash);
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.bin", static_cast<unsigned long long>(hash));
  return cacheDirectory() / "arrays" / name;
}

bool readFully(int fd, void* destination, std::size_t n, std::uint64_t offset) {
  auto* out = static_cast<char*>(destination);
  while (n > 0) {
    const ssize_t got = ::pread(fd, out, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out += got;
    offset += static_cast<std::uint64_t>(got);
    n -= static_cast<std::size_t>(got);
  }
  return true;
}

bool writeFully(int fd, const void* source, std::size_t n) {
  const auto* in = static_cast<const char*>(source);
  while (n > 0) {
    const ssize_t put = ::write(fd, in, std::min<std::size_t>(n, std::size_t{1} << 30));
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    in += put;
    n -= static_cast<std::size_t>(put);
  }
  return true;
}

bool shapeMatches(const ListEntry& entry, const ItemShape& shape) {
  return entry.cols == shape.cols && (shape.rows < 0 || entry.rows == shape.rows) &&
         entry.rows >= 0;
}

// The cached arrays if `file` is a complete cache of exactly this source and these shapes.
std::optional<std::vector<NumericArray>> openCache(const std::filesystem::path& file,
                                                   const SourceIdentity& source,
                                                   const std::vector<ItemShape>& shapes,
                                                   std::uint32_t layout) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};

  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const auto fileBytes = static_cast<std::uint64_t>(st.st_size);
  Header header{};
  if (fileBytes < sizeof header || !readFully(fd, &header, sizeof header, 0)) return std::nullopt;
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kFormatVersion ||
      header.endianTag != kEndianTag || header.layout != layout ||
      header.listCount != shapes.size() || header.fileBytes != fileBytes ||
      header.pathBytes != source.canonicalPath.size())
    return std::nullopt;
  const std::uint64_t fixedBytes =
      sizeof(Header) + std::uint64_t{header.listCount} * sizeof(ListEntry) + header.pathBytes;
  if (header.headerBytes < fixedBytes || header.headerBytes > fileBytes) return std::nullopt;

  std::string bytes(header.headerBytes, '\0');
  if (!readFully(fd, bytes.data(), bytes.size(), 0)) return std::nullopt;
  Header unsummed = header;
  unsummed.checksum = 0;
  std::memcpy(bytes.data(), &unsummed, sizeof unsummed);
  if (fnv1a(bytes.data(), bytes.size()) != header.checksum) return std::nullopt;
  if (bytes.compare(sizeof(Header) + header.listCount * sizeof(ListEntry), header.pathBytes,
                    source.canonicalPath) != 0 ||
      header.sourceSize != source.size || header.sourceMtimeNs != source.mtimeNs ||
      header.sourceDevice != source.device || header.sourceInode != source.inode)
    return std::nullopt;

  std::vector<ListEntry> entries(header.listCount);
  std::memcpy(entries.data(), bytes.data() + sizeof(Header), entries.size() * sizeof(ListEntry));
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const ListEntry& e = entries[k];
    if (!shapeMatches(e, shapes[k]) || e.count != entries[0].count ||
        e.payloadOffset % kPayloadAlignment != 0 || e.payloadOffset < header.headerBytes ||
        e.payloadOffset > fileBytes)
      return std::nullopt;
    const std::uint64_t itemBytes = std::uint64_t(e.rows) * std::uint64_t(e.cols) * sizeof(double);
    if (itemBytes != 0 && e.count > (fileBytes - e.payloadOffset) / itemBytes) return std::nullopt;
  }

  std::vector<NumericArray> arrays;
  try {
    for (const ListEntry& e : entries)
      arrays.push_back(NumericArray::mapFile(file, e.payloadOffset, e.count, e.rows, e.cols));
  } catch (...) {
    return std::nullopt;
  }
  if (payloadChecksum(arrays) != header.payloadChecksum) return std::nullopt;  // edited or damaged
  return arrays;
}

// Removes temporary files of this cache entry left by a writer that died an hour or more ago.
void removeStaleTemporaries(const std::filesystem::path& file) {
  std::error_code error;
  const std::string prefix = file.filename().string() + ".tmp";
  const auto now = std::filesystem::file_time_type::clock::now();
  for (const auto& entry : std::filesystem::directory_iterator(file.parent_path(), error)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    std::error_code timeError;
    const auto written = entry.last_write_time(timeError);
    if (!timeError && now - written > std::chrono::hours(1))
      std::filesystem::remove(entry.path(), timeError);
  }
}

// Writes a temporary file next to `file`, then renames it over: readers see a whole cache or none.
bool writeCache(const std::filesystem::path& file, const SourceIdentity& source,
                const std::vector<NumericArray>& arrays, std::uint32_t layout) {
  std::error_code error;
  std::filesystem::create_directories(file.parent_path(), error);
  if (error) return false;
  removeStaleTemporaries(file);

  std::vector<ListEntry> entries(arrays.size());
  std::uint64_t offset =
      alignUp(sizeof(Header) + entries.size() * sizeof(ListEntry) + source.canonicalPath.size());
  const std::uint64_t headerBytes = offset;
  for (std::size_t k = 0; k < arrays.size(); ++k) {
    entries[k] = ListEntry{arrays[k].count(), arrays[k].rows(), arrays[k].cols(), offset};
    offset = alignUp(offset + arrays[k].count() * arrays[k].itemSize() * sizeof(double));
  }

  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kFormatVersion;
  header.endianTag = kEndianTag;
  header.layout = layout;
  header.listCount = static_cast<std::uint32_t>(arrays.size());
  header.pathBytes = static_cast<std::uint32_t>(source.canonicalPath.size());
  header.headerBytes = static_cast<std::uint32_t>(headerBytes);
  header.fileBytes = offset;
  header.sourceSize = source.size;
  header.sourceMtimeNs = source.mtimeNs;
  header.sourceDevice = source.device;
  header.sourceInode = source.inode;
  header.payloadChecksum = payloadChecksum(arrays);
  std::string head(headerBytes, '\0');
  std::memcpy(head.data(), &header, sizeof header);
  std::memcpy(head.data() + sizeof header, entries.data(), entries.size() * sizeof(ListEntry));
  std::memcpy(head.data() + sizeof header + entries.size() * sizeof(ListEntry),
              source.canonicalPath.data(), source.canonicalPath.size());
  header.checksum = fnv1a(head.data(), head.size());
  std::memcpy(head.data(), &header, sizeof header);

  std::string temporary = file.string() + ".tmpXXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return false;
  bool ok = writeFully(fd, head.data(), head.size());
  std::uint64_t written = head.size();
  static const char zeros[kPayloadAlignment] = {};
  for (std::size_t k = 0; ok && k < arrays.size(); ++k) {
    ok = writeFully(fd, zeros, entries[k].payloadOffset - written);
    const std::size_t bytes = arrays[k].count() * arrays[k].itemSize() * sizeof(double);
    ok = ok && (bytes == 0 || writeFully(fd, arrays[k].item(0), bytes));
    written = entries[k].payloadOffset + bytes;
  }
  ok = ok && writeFully(fd, zeros, header.fileBytes - written);
  // No fdatasync: a cache file torn by a crash (renamed before its data reached the disk) fails
  // the size or checksum test on the next open and is rebuilt, so waiting for the disk on every
  // first open buys nothing.
  ok = (::close(fd) == 0) && ok;
  ok = ok && ::rename(temporary.c_str(), file.c_str()) == 0;
  if (!ok) ::unlink(temporary.c_str());
  return ok;
}

std::vector<NumericArray> readCached(const std::filesystem::path& path,
                                     const std::vector<ItemShape>& shapes, int threads,
                                     std::uint32_t layout) {
  auto parse = [&] {
    return layout == 1 ? std::vector<NumericArray>{readNumericItems(path, shapes.front(), threads)}
                       : readNumericItemLists(path, shapes, threads);
  };
  const std::optional<SourceIdentity> before = identify(path);
  if (!before) return parse();  // missing or odd: let the parser say what is wrong
  if (!cacheFolderIsPrivate(cacheDirectory())) return parse();
  const std::filesystem::path file = cacheFileFor(*before, layout);
  if (auto cached = openCache(file, *before, shapes, layout)) return std::move(*cached);

  std::vector<NumericArray> arrays = parse();
  // A source that changed while it was parsed is not cached under its old identity.
  const std::optional<SourceIdentity> after = identify(path);
  if (!after || !(*after == *before)) return arrays;
  if (!writeCache(file, *before, arrays, layout)) return arrays;
  // Serve the mapped copy: its pages can leave the resident set (NumericArray::releaseItems).
  if (auto cached = openCache(file, *before, shapes, layout)) return std::move(*cached);
  return arrays;
}

}  // namespace

std::filesystem::path cacheDirectory() {
  const char* own = std::getenv("HANDALIGN_CACHE_DIR");
  if (own && *own) return std::filesystem::path(own);
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return std::filesystem::path(xdg) / "handalign";  // XDG: absolute only
  const char* home = std::getenv("HOME");
  if (home && *home) return std::filesystem::path(home) / ".cache" / "handalign";
  // No home: a folder of this user's own in the temporary folder, never one shared by all.
  std::error_code error;
  return std::filesystem::temp_directory_path(error) /
         ("handalign-cache-" + std::to_string(::geteuid()));
}

std::vector<NumericArray> readNumericItemListsCached(const std::filesystem::path& path,
                                                     const std::vector<ItemShape>& shapes,
                                                     int threads) {
  if (shapes.empty()) throw std::invalid_argument("readNumericItemListsCached: no shapes");
  return readCached(path, shapes, threads, 2);
}

NumericArray readNumericItemsCached(const std::filesystem::path& path, ItemShape shape,
                                    int threads) {
  return std::move(readCached(path, {shape}, threads, 1).front());
}

}  // namespace handalign
