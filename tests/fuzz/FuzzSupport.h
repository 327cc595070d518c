// What the fuzz targets share: a per-process scratch folder and a small multi-file input format.
#pragma once

#include "util/Error.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

namespace fuzz {
namespace fs = std::filesystem;

// mkdtemp under $TMPDIR once per process (the array cache goes there too); removed at exit, which
// libFuzzer may skip (_Exit): tools/sanitize.sh points TMPDIR at a folder it removes itself.
inline const fs::path& scratch() {
  static const fs::path dir = [] {
    std::string t = (fs::temp_directory_path() / "handalign-fuzz-XXXXXX").string();
    if (!mkdtemp(t.data())) std::abort();
    setenv("HANDALIGN_CACHE_DIR", (t + "/cache").c_str(), 1);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(scratch(), ec);
    });
    return fs::path(t);
  }();
  return dir;
}

// scratch()/name, emptied (and the array cache with it).
inline fs::path freshDir(const char* name) {
  std::error_code ec;
  fs::remove_all(scratch() / name, ec);
  fs::remove_all(scratch() / "cache", ec);
  fs::create_directories(scratch() / name);
  return scratch() / name;
}

inline void writeFile(const fs::path& file, const std::string& bytes) {
  std::error_code ec;  // a name clash (a file where a folder should be) just skips the file
  fs::create_directories(file.parent_path(), ec);
  std::ofstream(file, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

// Several files in one input: each starts with a line "=== <relative path>\n" (the content runs to
// the next such line). A name outside [A-Za-z0-9._/-], absolute or with ".." is skipped.
inline std::vector<std::pair<std::string, std::string>> splitFiles(const std::uint8_t* data,
                                                                   std::size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size), mark = "=== ";
  std::vector<std::pair<std::string, std::string>> files;
  std::size_t at = in.compare(0, mark.size(), mark) == 0 ? 0 : in.find("\n" + mark);
  while (at != std::string::npos && files.size() < 16) {
    const std::size_t nameBegin = in.find(mark, at) + mark.size();
    const std::size_t nameEnd = std::min(in.find('\n', nameBegin), in.size());
    const std::size_t next = in.find("\n" + mark, nameEnd);
    const std::size_t end = next == std::string::npos ? in.size() : next;
    const std::string name = in.substr(nameBegin, nameEnd - nameBegin);
    const bool ok = !name.empty() && name.size() < 64 && name[0] != '/' &&
                    name.find("..") == std::string::npos &&
                    name.find_first_not_of(
                        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        "0123456789._/-") == std::string::npos;
    if (ok)
      files.emplace_back(name,
                         in.substr(std::min(nameEnd + 1, end), end - std::min(nameEnd + 1, end)));
    at = next;
  }
  return files;
}

inline void writeFiles(const fs::path& root, const std::uint8_t* data, std::size_t size) {
  for (const auto& [name, bytes] : splitFiles(data, size)) {
    std::error_code ec;
    if (!fs::exists(root / name, ec)) writeFile(root / name, bytes);
  }
}

// Runs f; the project's documented error (E) is an expected outcome, anything else escapes.
template <typename E = handalign::InputError, typename F>
bool expect(F&& f) {
  try {
    f();
    return true;
  } catch (const E&) {
    return false;
  }
}

// Reads every value so that ASan checks the whole storage.
inline double touch(const double* p, std::size_t n) {
  double s = 0;
  for (std::size_t i = 0; i < n; ++i) s += p[i];
  return s;
}

}  // namespace fuzz
