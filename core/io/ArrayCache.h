// Binary cache of parsed numeric JSON in the user's cache folder, so a dataset reopens in well
// under 1 s.
#pragma once

#include "io/NumericJson.h"

#include <filesystem>
#include <vector>

namespace handalign {

// $HANDALIGN_CACHE_DIR, else $XDG_CACHE_HOME/handalign, else ~/.cache/handalign.
std::filesystem::path cacheDirectory();

// Like readNumericItemLists, but the first call writes a binary cache (atomically) keyed by the
// source's canonical path, size and modification time, and later calls memory-map it. A stale,
// truncated or foreign cache file is ignored and rewritten; an unwritable cache folder only costs
// the speed-up.
std::vector<NumericArray> readNumericItemListsCached(const std::filesystem::path& path,
                                                     const std::vector<ItemShape>& shapes,
                                                     int threads = 0);
NumericArray readNumericItemsCached(const std::filesystem::path& path, ItemShape shape,
                                    int threads = 0);

}  // namespace handalign
