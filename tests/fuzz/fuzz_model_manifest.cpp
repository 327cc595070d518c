// Fuzzes the model manifest reader (inference/ModelManifest, Torch-free) and its vertex order
// check.
#include "FuzzSupport.h"
#include "inference/ModelManifest.h"

using namespace handalign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::fs::path dir = fuzz::freshDir("model");
  fuzz::writeFile(dir / "model.pt", "checkpoint");  // what "checkpoint" names in the seeds
  fuzz::writeFile(dir / "order.json", "[2, 0, 1]");
  fuzz::writeFile(dir / "model.json", std::string(reinterpret_cast<const char*>(data), size));
  fuzz::expect([&] {
    const ModelManifest m = loadModelManifest(dir / "model.pt");
    fuzz::expect([&] { checkManifestAgainstHandModel(m, m.handModelName, m.vertexCount); });
    fuzz::expect([&] { checkManifestAgainstHandModel(m, "mano", 778); });
  });
  return 0;
}
