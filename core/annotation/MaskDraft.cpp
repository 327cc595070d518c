#include "annotation/MaskDraft.h"

#include "io/AtomicFile.h"
#include "util/Error.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace handalign::draft {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[8] = {'H', 'A', 'D', 'R', 'A', 'F', 'T', '1'};

void putLength(std::string& out, std::uint64_t n) {
  for (int i = 0; i < 8; ++i) out.push_back(char((n >> (8 * i)) & 0xFF));
}
std::uint64_t getLength(const std::string& in, std::size_t at) {
  std::uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n |= std::uint64_t(std::uint8_t(in[at + std::size_t(i)])) << (8 * i);
  return n;
}

}  // namespace

fs::path pathFor(const fs::path& annotationFolder, const std::string& sampleId) {
  return annotationFolder / ".drafts" / (sampleId + ".draft");
}

void write(const fs::path& annotationFolder, const std::string& sampleId, const MaskFiles& files) {
  const fs::path file = pathFor(annotationFolder, sampleId);
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(file.parent_path(), ec)))
    throw InputError(file.parent_path(), "is a link; drafts stay inside the annotation folder");
  fs::create_directories(file.parent_path(), ec);
  if (ec) throw InputError(file.parent_path(), "cannot create the folder: " + ec.message());
  std::string bytes(kMagic, sizeof kMagic);
  putLength(bytes, files.hand.size());
  putLength(bytes, files.parts.size());
  bytes += files.hand;
  bytes += files.parts;
  writeFileAtomically(file, bytes);
  // The rename is durable once the folder is synced.
  const int fd = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) ::fsync(fd), ::close(fd);
}

std::optional<MaskFiles> read(const fs::path& annotationFolder, const std::string& sampleId) {
  const fs::path file = pathFor(annotationFolder, sampleId);
  const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  char buffer[1 << 16];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0) bytes.append(buffer, std::size_t(n));
  ::close(fd);
  if (n < 0 || bytes.size() < 24 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return std::nullopt;
  const std::uint64_t hand = getLength(bytes, 8), parts = getLength(bytes, 16);
  if (hand == 0 || hand > bytes.size() || parts > bytes.size() || 24 + hand + parts != bytes.size())
    return std::nullopt;
  MaskFiles files;
  files.hand = bytes.substr(24, hand);
  files.parts = bytes.substr(24 + hand, parts);
  return files;
}

void remove(const fs::path& annotationFolder, const std::string& sampleId) {
  ::unlink(pathFor(annotationFolder, sampleId).c_str());
}

}  // namespace handalign::draft
