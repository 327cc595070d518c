#include "project/StudioLock.h"

#include "util/Error.h"

#include <QLockFile>
#include <QString>

#include <map>
#include <mutex>

namespace handalign {
namespace fs = std::filesystem;
namespace {
std::mutex locksMutex;
std::map<fs::path, std::weak_ptr<StudioLock>>& locks() {
  static std::map<fs::path, std::weak_ptr<StudioLock>> m;
  return m;
}
}  // namespace

std::shared_ptr<StudioLock> StudioLock::acquire(const fs::path& project) {
  std::error_code ec;
  fs::path key = fs::weakly_canonical(fs::absolute(project, ec), ec);
  if (key.empty()) key = project;
  const std::lock_guard<std::mutex> guard(locksMutex);
  if (std::shared_ptr<StudioLock> held = locks()[key].lock()) return held;
  auto file = std::make_unique<QLockFile>(QString::fromStdString(key.string() + ".lock"));
  file->setStaleLockTime(0);  // stale only when its process is gone, however long it was open
  if (!file->tryLock(0)) {
    if (file->error() == QLockFile::LockFailedError) {
      qint64 pid = 0;
      QString host, app;
      file->getLockInfo(&pid, &host, &app);
      throw InputError(project, "open in another HandAlign Studio (pid " + std::to_string(pid) +
                                    " on " + host.toStdString() +
                                    "); close it there first, so that one studio writes it");
    }
    throw InputError(project,
                     "cannot create its lock file " + key.string() + ".lock (read-only folder?)");
  }
  std::shared_ptr<StudioLock> lock(new StudioLock);
  lock->file_ = std::move(file);
  lock->project_ = key;
  locks()[key] = lock;
  return lock;
}

StudioLock::~StudioLock() {
  if (file_) file_->unlock();
}

}  // namespace handalign
