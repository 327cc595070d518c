// Writes that never leave a half-written file: a complete temporary file, then rename.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace handalign {

// Writes `contents` to `path` via a temporary `.<name>.tmp-<pid>-<random>` beside it (created
// with O_EXCL | O_NOFOLLOW, so nothing planted under any name redirects the write; temporaries of
// dead processes are removed) + fsync + rename. Throws InputError on failure.
void writeFileAtomically(const std::filesystem::path& path, const std::string& contents);

// A set of output files committed together: each file is written to a hidden staging name in its
// folder; commit() renames all of them into place. Destroying an uncommitted set removes what it
// wrote, so an interrupted or failed command leaves no partial output.
class StagedOutputs {
 public:
  explicit StagedOutputs(std::filesystem::path dir);
  ~StagedOutputs();
  StagedOutputs(const StagedOutputs&) = delete;
  StagedOutputs& operator=(const StagedOutputs&) = delete;

  void add(const std::string& fileName, const std::string& contents);
  void commit();
  // Removes staged files (also safe from a signal handler's perspective: call from the main
  // thread).
  void discard();
  const std::filesystem::path& directory() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;  // (temp, final)
  bool committed_ = false;
};

}  // namespace handalign

namespace handalign {

// Streams a large file to a temporary name; commit() syncs and renames it into place, and an
// uncommitted writer removes its temporary file.
class AtomicWriter {
 public:
  explicit AtomicWriter(std::filesystem::path path);
  ~AtomicWriter();
  AtomicWriter(const AtomicWriter&) = delete;
  AtomicWriter& operator=(const AtomicWriter&) = delete;
  void write(const char* data, std::size_t size);
  void write(const std::string& s) { write(s.data(), s.size()); }
  void commit();

 private:
  std::filesystem::path path_, tmp_;
  int fd_ = -1;
};

}  // namespace handalign
