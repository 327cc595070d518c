#include "util/Shard.h"

#include <cstdlib>

namespace handalign {

bool parseShard(const std::string& s, Shard& out) {
  const std::size_t slash = s.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= s.size()) return false;
  char* end = nullptr;
  const long k = std::strtol(s.c_str(), &end, 10);
  if (end != s.c_str() + slash) return false;
  const long n = std::strtol(s.c_str() + slash + 1, &end, 10);
  if (*end || n < 1 || n > 1000000 || k < 0 || k >= n) return false;
  out.index = int(k);
  out.count = int(n);
  return true;
}

}  // namespace handalign
