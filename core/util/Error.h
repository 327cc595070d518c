// The one error type for bad input: its message names the file and the problem.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace handalign {

class InputError : public std::runtime_error {
 public:
  InputError(const std::filesystem::path& file, const std::string& problem)
      : std::runtime_error(file.string() + ": " + problem), file_(file) {}
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

}  // namespace handalign
