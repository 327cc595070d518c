// An output folder that is replaced as a whole, never beside or over its inputs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

// Refuses (InputError naming `out`) an output folder that is an input, contains one (replacing it
// would move the input away) or lies inside an input folder (the dataset, a shard).
void refuseOutputOverInputs(const std::filesystem::path& out,
                            const std::vector<std::filesystem::path>& inputs);

// Refuses (InputError naming `dir`) an existing `dir` that StagedFolder would not replace: a link,
// not a folder, or holding anything but regular files named `ownedNames`.
void checkReplaceable(const std::filesystem::path& dir, const std::vector<std::string>& ownedNames);

// The files of one command's output, committed in one step: they are written into a hidden
// staging folder beside `dir` (`.<name>.staging-<pid>-<random>`); commit() swaps it with the old
// folder in one renameat2(RENAME_EXCHANGE) (or renames it into place when there is none), so a
// reader sees all-old or all-new files, then removes the old. Uncommitted, nothing is left (not
// even `dir` or the parents it would have created); a staging folder of a killed process is
// removed by the next run. An existing `dir` is replaced only when it holds nothing but
// `ownedNames` (an earlier output of the same command): other files are never moved or deleted.
class StagedFolder {
 public:
  // EachFile: every file is synced as it is written (a few outputs). FileSystem: one syncfs at
  // the commit (thousands of small files, e.g. an annotation export).
  enum class Sync { EachFile, FileSystem };
  // `ownedNames` empty: the caller has checked what an existing `dir` may hold (the export
  // replaces only an earlier export, by its provenance).
  StagedFolder(std::filesystem::path dir, std::vector<std::string> ownedNames,
               Sync sync = Sync::EachFile);
  ~StagedFolder();
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  // `fileName` may name a file in a subfolder ("mask/00000001.png"); subfolders are created.
  void add(const std::string& fileName, const std::string& contents);
  void addFolder(const std::string& name);  // an (empty) subfolder
  void commit();

 private:
  std::filesystem::path dir_, staging_;
  std::vector<std::string> owned_;
  Sync sync_ = Sync::EachFile;
  std::vector<std::filesystem::path> createdParents_;
  bool committed_ = false;
};

// Fault injection for the tests (docs/reliability.md): with HANDALIGN_KILL_AT=N in the
// environment, the process kills itself (SIGKILL) at the N-th call, counting from 1.
void faultPoint();

}  // namespace handalign
