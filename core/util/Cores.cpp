#include "util/Cores.h"

#include <sched.h>

#include <algorithm>
#include <thread>

namespace handalign {

int usableCores() {
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof cpus, &cpus) == 0) return std::max(1, CPU_COUNT(&cpus));
  return int(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace handalign
