#include "io/OutputFolder.h"

#include "util/Error.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>

namespace handalign {
namespace fs = std::filesystem;
namespace {

const char* const kStaging = ".staging-";

fs::path absoluteClean(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return a.empty() ? p.lexically_normal() : a;
}

// True when `inner` is `outer` or below it (both absolute and normal).
bool within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin(), o = outer.begin();
  for (; o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

[[noreturn]] void fail(const fs::path& file, const std::string& what, int err) {
  throw InputError(file, what + ": " + std::strerror(err));
}

void syncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) ::fsync(fd), ::close(fd);
}

// Staging folders of `dir` left by processes that no longer run (kill -9 mid-commit).
void removeStaleStaging(const fs::path& dir) {
  const std::string stem = "." + dir.filename().string() + kStaging;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(stem, 0) != 0) continue;
    const std::string rest = name.substr(stem.size());
    char* end = nullptr;
    const long pid = std::strtol(rest.c_str(), &end, 10);
    if (end == rest.c_str() || pid <= 0 || pid == ::getpid()) continue;
    if (::kill(pid_t(pid), 0) == 0 || errno == EPERM) continue;  // that process still runs
    std::error_code rm;
    fs::remove_all(e.path(), rm);  // links inside are removed, never followed
  }
}

}  // namespace

void faultPoint() {
  static const long killAt = [] {
    const char* v = std::getenv("HANDALIGN_KILL_AT");
    return v ? std::strtol(v, nullptr, 10) : 0L;
  }();
  static std::atomic<long> calls{0};
  if (killAt > 0 && ++calls == killAt) ::kill(::getpid(), SIGKILL);
}

void refuseOutputOverInputs(const fs::path& out, const std::vector<fs::path>& inputs) {
  const fs::path o = absoluteClean(out);
  for (const fs::path& input : inputs) {
    if (input.empty()) continue;
    const fs::path i = absoluteClean(input);
    std::error_code ec;
    const bool folder = fs::is_directory(i, ec);
    if (i == o)
      throw InputError(out, "is an input (" + input.string() + "); choose another output folder");
    if (within(i, o))
      throw InputError(out, "contains the input " + input.string() +
                                "; an output folder is replaced as a whole: choose another");
    if (folder && within(o, i))
      throw InputError(out, "is inside the input folder " + input.string() +
                                "; write outputs outside the inputs");
  }
}

void checkReplaceable(const fs::path& folder, const std::vector<std::string>& ownedNames) {
  fs::path dir = folder;
  if (dir.filename().empty()) dir = dir.parent_path();
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(dir, ec);
  if (!fs::exists(st)) return;
  if (fs::is_symlink(st)) throw InputError(dir, "is a link; give the output folder itself");
  if (!fs::is_directory(st)) throw InputError(dir, "exists and is not a folder");
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    bool owned = false;  // one of its files, or a temporary an older version left of one
    for (const std::string& o : ownedNames)
      owned = owned || name == o || name.rfind("." + o + ".tmp-", 0) == 0;
    if (!owned || e.is_symlink(ec) || !e.is_regular_file(ec))
      throw InputError(dir, "holds " + name +
                                ", which this command did not write; an output folder is replaced "
                                "as a whole: choose a new or an earlier output folder");
  }
}

StagedFolder::StagedFolder(fs::path dir, std::vector<std::string> ownedNames, Sync sync)
    : dir_(std::move(dir)), owned_(std::move(ownedNames)), sync_(sync) {
  if (dir_.filename().empty()) dir_ = dir_.parent_path();  // "out/" names "out"
  if (!owned_.empty()) checkReplaceable(dir_, owned_);
  std::error_code ec;
  // Parents are created now (the staging folder lives beside the output) and removed again if
  // nothing is committed.
  fs::path parent = dir_.parent_path().empty() ? fs::path(".") : dir_.parent_path();
  for (fs::path p = parent; !p.empty() && !fs::exists(p, ec); p = p.parent_path())
    createdParents_.push_back(p);
  fs::create_directories(parent, ec);
  if (ec) throw InputError(dir_, "cannot create the output folder: " + ec.message());
  removeStaleStaging(dir_);
  std::mt19937_64 rng{std::random_device{}() ^
                      std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count())};
  for (int attempt = 0; attempt < 32; ++attempt) {
    char suffix[17];
    std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(rng()));
    staging_ = parent / ("." + dir_.filename().string() + kStaging + std::to_string(::getpid()) +
                         "-" + suffix);
    if (::mkdir(staging_.c_str(), 0755) == 0) return;
    if (errno != EEXIST) break;
  }
  const int err = errno;
  staging_.clear();
  for (const fs::path& p : createdParents_) fs::remove(p, ec);
  fail(dir_, "cannot create the output folder", err);
}

StagedFolder::~StagedFolder() {
  if (committed_) return;
  std::error_code ec;
  if (!staging_.empty()) fs::remove_all(staging_, ec);
  for (const fs::path& p : createdParents_) fs::remove(p, ec);  // only when empty
}

void StagedFolder::add(const std::string& fileName, const std::string& contents) {
  faultPoint();
  const fs::path relative = fs::path(fileName).lexically_normal();
  if (relative.is_absolute() || relative.empty() || *relative.begin() == "..")
    throw std::invalid_argument("StagedFolder::add: not a relative name: " + fileName);
  const fs::path file = staging_ / relative;
  if (relative.has_parent_path()) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) throw InputError(dir_ / relative, "cannot create the folder: " + ec.message());
  }
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) fail(dir_ / fileName, "cannot write", errno);
  std::size_t done = 0;
  while (done < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno ? errno : ENOSPC;
      ::close(fd);
      fail(dir_ / fileName, "cannot write", err);
    }
    done += std::size_t(n);
  }
  const bool synced = sync_ == Sync::FileSystem || ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!synced) fail(dir_ / fileName, "cannot write", err);
}

void StagedFolder::addFolder(const std::string& name) {
  const fs::path relative = fs::path(name).lexically_normal();
  if (relative.is_absolute() || relative.empty() || *relative.begin() == "..")
    throw std::invalid_argument("StagedFolder::addFolder: not a relative name: " + name);
  std::error_code ec;
  fs::create_directories(staging_ / relative, ec);
  if (ec) throw InputError(dir_ / relative, "cannot create the folder: " + ec.message());
}

void StagedFolder::commit() {
  if (sync_ == Sync::FileSystem) {  // every file written into the staging folder, in one call
    const int fd = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
      const int err = errno;
      if (fd >= 0) ::close(fd);
      fail(dir_, "cannot write", err);
    }
    ::close(fd);
  }
  syncDirectory(staging_);
  faultPoint();
  std::error_code ec;
  const fs::path parent = staging_.parent_path();
  if (!fs::exists(fs::symlink_status(dir_, ec))) {
    if (::rename(staging_.c_str(), dir_.c_str()) != 0)
      fail(dir_, "cannot create the output folder", errno);
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) !=
             0) {
    if (errno != EINVAL && errno != ENOSYS) fail(dir_, "cannot replace the output folder", errno);
    // A file system without atomic exchange: the old folder is moved aside first, so a reader
    // sees the old files, then none, then the new ones; never a mix.
    const fs::path aside = staging_.string() + "-old";
    if (::rename(dir_.c_str(), aside.c_str()) != 0)
      fail(dir_, "cannot replace the output folder", errno);
    faultPoint();
    if (::rename(staging_.c_str(), dir_.c_str()) != 0) {
      const int err = errno;
      ::rename(aside.c_str(), dir_.c_str());
      fail(dir_, "cannot replace the output folder", err);
    }
    staging_ = aside;
  }
  committed_ = true;
  syncDirectory(parent);
  faultPoint();
  fs::remove_all(staging_, ec);  // the old output (or nothing); a kill here: removed next run
}

}  // namespace handalign
