// The cores this process may run on: its affinity mask (a Slurm task, taskset, a pinned worker),
// not the machine's count.
#pragma once

namespace handalign {

int usableCores();

}  // namespace handalign
