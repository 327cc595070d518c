#include "Terminal.h"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace handalign::cli {

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)),
      enabled_(::isatty(STDERR_FILENO) && !std::getenv("CI") &&
               std::string(std::getenv("TERM") ? std::getenv("TERM") : "") != "dumb"),
      start_(std::chrono::steady_clock::now()) {
  if (const char* f = std::getenv("HANDALIGN_PROGRESS_FILE")) progressFile_ = f;
}

// Replaced whole (written beside, then renamed), at most once a second and at the end.
void ProgressBar::writeProgressFile(std::size_t done, std::size_t total) {
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - lastWrite_ < std::chrono::seconds(1)) return;
  lastWrite_ = now;
  const std::string tmp = progressFile_ + ".tmp";
  if (std::FILE* f = std::fopen(tmp.c_str(), "w")) {
    std::fprintf(f, "%zu %zu\n", done, total);
    if (std::fclose(f) == 0) std::rename(tmp.c_str(), progressFile_.c_str());
  }
}

ProgressBar::~ProgressBar() {
  if (enabled_ && !finished_) std::fputs("\n", stderr);
}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!progressFile_.empty() && total > 0) writeProgressFile(done, total);
  if (!enabled_ || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - lastDraw_ < std::chrono::milliseconds(100)) return;
  lastDraw_ = now;
  constexpr int kWidth = 30;
  const double f = double(done) / double(total);
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double eta = done ? elapsed * double(total - done) / double(done) : 0.0;
  char bar[kWidth + 1];
  for (int i = 0; i < kWidth; ++i) bar[i] = i < int(f * kWidth) ? '#' : '.';
  bar[kWidth] = 0;
  std::fprintf(stderr, "\r%s [%s] %3d%% %zu/%zu  %.1fs, eta %.1fs ", label_.c_str(), bar,
               int(f * 100), done, total, elapsed, eta);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (enabled_ && !finished_) std::fputs("\n", stderr);
  finished_ = true;
}

void printError(const std::string& message) {
  std::fprintf(stderr, "handalign: error: %s\n", message.c_str());
}

void printWarning(const std::string& message) {
  std::fprintf(stderr, "handalign: warning: %s\n", message.c_str());
}

}  // namespace handalign::cli
