#include "io/AtomicFile.h"

#include "util/Error.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

namespace handalign {
namespace fs = std::filesystem;

namespace {

const std::string& tempPrefix() {
  static const std::string prefix = ".tmp-";
  return prefix;
}

// Temporaries of `path` left by a process that no longer runs (kill -9 mid-write) are removed:
// `.<name>.tmp-<pid>-<random>` whose pid is gone. Links are removed as links, never followed.
void removeStaleTemporaries(const fs::path& path) {
  const std::string stem = "." + path.filename().string() + tempPrefix();
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(path.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(stem, 0) != 0) continue;
    const std::string rest = name.substr(stem.size());
    char* end = nullptr;
    const long pid = std::strtol(rest.c_str(), &end, 10);
    if (end == rest.c_str() || pid <= 0) continue;
    if (pid == ::getpid()) continue;                             // ours, in use
    if (::kill(pid_t(pid), 0) == 0 || errno == EPERM) continue;  // that process still runs
    ::unlink(e.path().c_str());
  }
}

// A new temporary beside `path` under an unpredictable name, created exclusively and never
// through a link (O_EXCL | O_NOFOLLOW): a file or link planted under any name cannot redirect
// the write. Returns the open descriptor; `tmp` receives the name.
int createTemporary(const fs::path& path, fs::path& tmp) {
  removeStaleTemporaries(path);
  static thread_local std::mt19937_64 rng{
      std::random_device{}() ^ (std::uint64_t(::getpid()) << 32) ^
      std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count())};
  for (int attempt = 0; attempt < 32; ++attempt) {
    char suffix[17];
    std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(rng()));
    tmp = path.parent_path() / ("." + path.filename().string() + tempPrefix() +
                                std::to_string(::getpid()) + "-" + suffix);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd >= 0) return fd;
    if (errno != EEXIST) break;
  }
  throw InputError(path, std::string("cannot write: ") + std::strerror(errno));
}

void writeAndSync(const int fd, const fs::path& tmp, const std::string& contents,
                  const fs::path& target) {
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
}  // namespace

void writeFileAtomically(const fs::path& path, const std::string& contents) {
  fs::path tmp;
  const int fd = createTemporary(path, tmp);
  writeAndSync(fd, tmp, contents, path);
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
  fs::path tmp;
  const int fd = createTemporary(target, tmp);
  writeAndSync(fd, tmp, contents, target);
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

AtomicWriter::AtomicWriter(std::filesystem::path path) : path_(std::move(path)) {
  fd_ = createTemporary(path_, tmp_);
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
