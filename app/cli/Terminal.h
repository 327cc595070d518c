// Terminal output of the CLI: a progress bar on stderr when it is a terminal (and "done total" in
// $HANDALIGN_PROGRESS_FILE when set, for `handalign slurm status`), and error lines.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace handalign::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  std::string label_;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point lastDraw_{};
  std::string progressFile_;
  std::chrono::steady_clock::time_point lastWrite_{};
  void writeProgressFile(std::size_t done, std::size_t total);
};

// "handalign: error: <message>" on stderr.
void printError(const std::string& message);
// "handalign: warning: <message>" on stderr.
void printWarning(const std::string& message);

}  // namespace handalign::cli
