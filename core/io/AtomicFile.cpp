#include "io/AtomicFile.h"

#include "util/Error.h"

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace handalign {
namespace fs = std::filesystem;

namespace {
void writeAndSync(const fs::path& tmp, const std::string& contents, const fs::path& target) {
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw InputError(target, std::string("cannot write: ") + std::strerror(errno));
  std::size_t done = 0;
  while (done < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw InputError(target, std::string("cannot write: ") + std::strerror(err));
    }
    done += std::size_t(n);
  }
  ::fsync(fd);
  ::close(fd);
}

fs::path tempNameFor(const fs::path& path) {
  return path.parent_path() /
         ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
}
}  // namespace

void writeFileAtomically(const fs::path& path, const std::string& contents) {
  const fs::path tmp = tempNameFor(path);
  writeAndSync(tmp, contents, path);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw InputError(path, std::string("cannot replace: ") + std::strerror(err));
  }
}

StagedOutputs::StagedOutputs(fs::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw InputError(dir_, "cannot create output folder: " + ec.message());
}

StagedOutputs::~StagedOutputs() {
  if (!committed_) discard();
}

void StagedOutputs::add(const std::string& fileName, const std::string& contents) {
  const fs::path target = dir_ / fileName;
  const fs::path tmp = tempNameFor(target);
  writeAndSync(tmp, contents, target);
  staged_.emplace_back(tmp, target);
}

void StagedOutputs::commit() {
  for (const auto& [tmp, target] : staged_) {
    if (::rename(tmp.c_str(), target.c_str()) != 0)
      throw InputError(target, std::string("cannot replace: ") + std::strerror(errno));
  }
  committed_ = true;
  staged_.clear();
}

void StagedOutputs::discard() {
  for (const auto& entry : staged_) ::unlink(entry.first.c_str());
  staged_.clear();
}

}  // namespace handalign

namespace handalign {

AtomicWriter::AtomicWriter(std::filesystem::path path)
    : path_(std::move(path)), tmp_(tempNameFor(path_)) {
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) throw InputError(path_, std::string("cannot write: ") + std::strerror(errno));
}

AtomicWriter::~AtomicWriter() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(tmp_.c_str());
  }
}

void AtomicWriter::write(const char* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd_, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw InputError(path_, std::string("cannot write: ") + std::strerror(errno));
    done += std::size_t(n);
  }
}

void AtomicWriter::commit() {
  ::fsync(fd_);
  ::close(fd_);
  fd_ = -1;
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp_.c_str());
    throw InputError(path_, std::string("cannot replace: ") + std::strerror(err));
  }
}

}  // namespace handalign
