// One of N interleaved parts of a run (`--shard K/N`): sample i belongs to shard i mod N.
#pragma once

#include <cstddef>
#include <string>

namespace handalign {

struct Shard {
  int index = 0;  // K in K/N, 0-based
  int count = 1;  // N
  bool contains(std::size_t sample) const { return int(sample % std::size_t(count)) == index; }
  // Samples of this shard among the first n: K, K + N, K + 2N, ...
  std::size_t sizeAmong(std::size_t n) const {
    return n > std::size_t(index) ? (n - std::size_t(index) + std::size_t(count) - 1) / count : 0;
  }
  bool whole() const { return count == 1; }
  std::string str() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// Parses "K/N" with 0 <= K < N; false when malformed.
bool parseShard(const std::string& s, Shard& out);

}  // namespace handalign
