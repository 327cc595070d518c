// Fuzzes the FreiHAND dataset plugin (plugins/freihand): *_K/_xyz/_verts.json and the image layout.
#include "DatasetWalk.h"
#include "FreiHandFormat.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::fs::path root = fuzz::freshDir("freihand");
  fuzz::writeFiles(root, data, size);  // e.g. training_K.json, training/rgb/00000000.jpg
  fuzz::walkDataset(handalign::FreiHandFormat(), root);
  return 0;
}
