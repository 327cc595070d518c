// Benchmark of the numeric JSON reader on a synthetic FreiHAND-size training_verts.json
// (32,560 × 778 × 3 numbers in Python json.dump style, ~1.6 GB): parse speed on 1 and all threads
// against a plain strtod loop, reopen time through the binary cache, and peak resident memory of a
// parse and of a sequential pass over all items. Each measurement runs in its own child process so
// its peak RSS (ru_maxrss) is its own.
//
//   bench_numeric_json [--items N] [--threads N] [--keep] [FOLDER]   (FOLDER: default $TMPDIR or
//   /tmp)
#include "io/ArrayCache.h"
#include "io/NumericJson.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using handalign::ItemShape;
using handalign::NumericArray;
constexpr int kRows = 778;

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// What a child process reports back.
struct Result {
  bool ok = false;
  double seconds = 0;     // wall time of the measured step
  double cpuSeconds = 0;  // user + system time of the whole child
  double maxRssMb = 0;    // peak resident set of the whole child
  double checksum = 0;
  double passSeconds = 0;  // the sequential pass, where there is one
  std::size_t count = 0;
  bool mapped = false;
  char error[512] = {};
};

// Runs `step` in a forked child (the parent has no threads and little memory at this point).
Result inChild(const std::function<void(Result&)>& step) {
  int fds[2];
  if (::pipe(fds) != 0) std::abort();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    Result result;
    try {
      step(result);
      result.ok = true;
    } catch (const std::exception& e) {
      std::snprintf(result.error, sizeof result.error, "%s", e.what());
    }
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    result.maxRssMb = usage.ru_maxrss / 1024.0;
    result.cpuSeconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 1e-6 +
                        usage.ru_stime.tv_sec + usage.ru_stime.tv_usec * 1e-6;
    if (::write(fds[1], &result, sizeof result) != sizeof result) _exit(2);
    _exit(0);
  }
  ::close(fds[1]);
  Result result;
  if (::read(fds[0], &result, sizeof result) != sizeof result)
    std::snprintf(result.error, sizeof result.error, "child died");
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return result;
}

double checksum(const NumericArray& array) {
  double sum = 0;
  for (std::size_t i = 0; i < array.count(); ++i) sum += array.points(i).sum();
  return sum;
}

// Hand-like vertices stored as float32 (as FreiHAND's are), written as Python's repr of the double:
// the shortest round-trip text, mostly 16-17 significant digits, with the odd exponent (1e-05).
void writeVerts(const std::filesystem::path& file, std::size_t items) {
  FILE* out = std::fopen(file.c_str(), "wb");
  if (!out) throw std::runtime_error("cannot write " + file.string());
  std::string buffer;
  buffer.reserve(std::size_t{8} << 20);
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state] {  // xorshift64*: fast and deterministic
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (state * 0x2545F4914F6CDD1Dull >> 11) * (1.0 / 9007199254740992.0);
  };
  char number[32];
  buffer += '[';
  for (std::size_t i = 0; i < items; ++i) {
    buffer += i ? ", [" : "[";
    for (int v = 0; v < kRows; ++v) {
      buffer += v ? ", [" : "[";
      for (int c = 0; c < 3; ++c) {
        double value = c < 2 ? next() * 0.2 - 0.1 : 0.3 + next() * 0.7;
        if (next() < 0.002) value *= 1e-4;  // a few tiny coordinates: exponent notation
        const double stored = static_cast<double>(static_cast<float>(value));
        const auto end = std::to_chars(number, number + sizeof number, stored).ptr;
        if (c) buffer += ", ";
        buffer.append(number, end);
      }
      buffer += ']';
    }
    buffer += ']';
    if (buffer.size() > (std::size_t{7} << 20)) {
      std::fwrite(buffer.data(), 1, buffer.size(), out);
      buffer.clear();
    }
  }
  buffer += ']';
  std::fwrite(buffer.data(), 1, buffer.size(), out);
  if (std::fclose(out) != 0) throw std::runtime_error("cannot write " + file.string());
}

// The reference: std::strtod over every number of the same bytes, one thread.
void strtodPass(const std::filesystem::path& file, Result& result) {
  const int fd = ::open(file.c_str(), O_RDONLY);
  struct stat st {};
  ::fstat(fd, &st);
  const auto size = static_cast<std::size_t>(st.st_size);
  auto* base = static_cast<const char*>(::mmap(nullptr, size + 1, PROT_READ, MAP_PRIVATE, fd, 0));
  ::close(fd);
  if (base == MAP_FAILED) throw std::runtime_error("mmap failed");
  ::madvise(const_cast<char*>(base), size, MADV_SEQUENTIAL);
  const double start = now();
  double sum = 0;
  std::size_t count = 0;
  const char* p = base;
  const char* end = base + size;  // the file ends with ']', so strtod never reads past it
  while (p < end) {
    const char c = *p;
    if ((c >= '0' && c <= '9') || c == '-') {
      char* stop = nullptr;
      sum += std::strtod(p, &stop);
      p = stop;
      ++count;
    } else {
      ++p;
    }
  }
  result.seconds = now() - start;
  result.checksum = sum;
  result.count = count / (kRows * 3);
  ::munmap(const_cast<char*>(base), size + 1);
}

void printRow(const char* what, const Result& r, double mb, const char* extra = "") {
  if (!r.ok) {
    std::printf("%-34s FAILED: %s\n", what, r.error);
    return;
  }
  std::printf("%-34s %8.3f s %9.0f MB/s %7.2f cpu-s %8.0f MB  %s\n", what, r.seconds,
              mb / r.seconds, r.cpuSeconds, r.maxRssMb, extra);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t items = 32560;
  int threads = 0;
  bool keep = false;
  std::filesystem::path parent;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--items" && i + 1 < argc) {
      items = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--threads" && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
    } else if (arg == "--keep") {
      keep = true;
    } else if (arg == "--help" || arg == "-h") {
      std::printf("usage: %s [--items N] [--threads N] [--keep] [FOLDER]\n", argv[0]);
      return 0;
    } else {
      parent = arg;
    }
  }
  if (parent.empty()) parent = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
  std::string work = (parent / "handalign-bench-XXXXXX").string();
  if (!::mkdtemp(work.data())) {
    std::perror("mkdtemp");
    return 1;
  }
  const std::filesystem::path dir = work, file = dir / "training_verts.json";
  ::setenv("HANDALIGN_CACHE_DIR", (dir / "cache").c_str(), 1);
  const int allThreads =
      threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency());

  std::printf("writing %zu × %d × 3 vertices to %s ...\n", items, kRows, file.c_str());
  std::fflush(stdout);
  const double writeStart = now();
  writeVerts(file, items);
  const double mb = std::filesystem::file_size(file) / 1e6;
  std::printf("%.0f MB written in %.1f s (the file is in the page cache; no binary cache yet)\n\n",
              mb, now() - writeStart);

  const ItemShape shape{kRows, 3};
  const Result reference = inChild([&](Result& r) { strtodPass(file, r); });
  auto parse = [&](int n) {
    return inChild([&, n](Result& r) {
      const double start = now();
      const NumericArray array = handalign::readNumericItems(file, shape, n);
      r.seconds = now() - start;
      r.count = array.count();
      r.checksum = checksum(array);
    });
  };
  const Result one = parse(1);
  const Result all = parse(allThreads);
  const Result first = inChild([&](Result& r) {
    const double start = now();
    const NumericArray array = handalign::readNumericItemsCached(file, shape, allThreads);
    r.seconds = now() - start;
    r.mapped = array.isMapped();
    r.count = array.count();
  });
  // A fresh process reopens through the cache, then walks all items as an evaluation would.
  const Result reopen = inChild([&](Result& r) {
    const double start = now();
    const NumericArray array = handalign::readNumericItemsCached(file, shape, allThreads);
    r.seconds = now() - start;
    r.mapped = array.isMapped();
    r.count = array.count();
    const double passStart = now();
    double sum = 0;
    for (std::size_t i = 0; i < array.count(); ++i) {
      sum += array.points(i).sum();
      if ((i + 1) % 512 == 0) array.releaseItems(i + 1 - 512, i + 1);
    }
    r.passSeconds = now() - passStart;
    r.checksum = sum;
  });

  std::printf("%-34s %10s %14s %13s %11s\n", "step", "wall", "throughput", "cpu (child)",
              "peak RSS");
  printRow("strtod loop, 1 thread (reference)", reference, mb);
  char ratio[64];
  std::snprintf(ratio, sizeof ratio, "%.1f× strtod", reference.seconds / one.seconds);
  printRow("parse, 1 thread", one, mb, ratio);
  std::snprintf(ratio, sizeof ratio, "%.1f× strtod (%d threads)", reference.seconds / all.seconds,
                allThreads);
  printRow("parse, all threads", all, mb, ratio);
  printRow("first cached read (parse + write)", first, mb,
           first.mapped ? "returns mapped" : "NOT mapped");
  if (reopen.ok) {
    std::printf("%-34s %8.4f s %25s %8.0f MB  %s\n", "reopen via cache (new process)",
                reopen.seconds, "", reopen.maxRssMb, reopen.mapped ? "mapped" : "NOT mapped");
    std::printf("%-34s %8.3f s %9.0f MB/s %22s (RSS includes the reopen)\n",
                "pass over all items, release/512", reopen.passSeconds,
                reopen.count * kRows * 3 * 8 / 1e6 / reopen.passSeconds, "");
  } else {
    printRow("reopen via cache", reopen, mb);
  }
  const bool agree = one.ok && all.ok && reopen.ok && one.count == items && all.count == items &&
                     reopen.count == items && one.checksum == all.checksum &&
                     one.checksum == reopen.checksum &&
                     std::fabs(one.checksum - reference.checksum) <= 1e-9 * std::fabs(one.checksum);
  std::printf("\nitems %zu, values agree (1 thread, all threads, cache, strtod): %s\n", items,
              agree ? "yes" : "NO");

  if (!keep) {
    std::error_code error;
    std::filesystem::remove_all(dir, error);
  } else {
    std::printf("kept %s\n", dir.c_str());
  }
  return agree ? 0 : 1;
}
