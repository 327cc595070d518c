// Fuzzes the generic dataset plugin (plugins/generic): dataset.json and one JSON per sample.
#include "DatasetWalk.h"
#include "GenericFormat.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::fs::path root = fuzz::freshDir("generic");
  fuzz::writeFiles(root, data, size);  // e.g. dataset.json, training/annotations/a.json
  fuzz::walkDataset(handalign::GenericFormat(), root);
  return 0;
}
