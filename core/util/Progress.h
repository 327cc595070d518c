// Progress reporting of long work: done / total, called from the thread that owns the work.
#pragma once

#include <cstddef>
#include <functional>

namespace handalign {

using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

}  // namespace handalign
