// One studio per project: a lock file beside the project names the studio that writes it.
#pragma once

#include <filesystem>
#include <memory>

class QLockFile;

namespace handalign {

// Held by a studio for as long as it has the project open. Stores of one process share the lock
// (reopening the same project is not a second writer); a studio that died leaves a stale lock
// that the next one takes over (QLockFile checks the pid). Short writers such as `annotations
// export` take no lock: SQLite's own locking (BEGIN IMMEDIATE, busy timeout) serialises them.
class StudioLock {
 public:
  // Takes the lock for `project` (`<project>.lock`). Throws InputError naming the project and
  // the studio that holds it (pid, host) when another process has it.
  static std::shared_ptr<StudioLock> acquire(const std::filesystem::path& project);
  ~StudioLock();

 private:
  std::unique_ptr<QLockFile> file_;
  std::filesystem::path project_;
};

}  // namespace handalign
