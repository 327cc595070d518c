// Fuzzes the hand model reader (hand/HandModel: loadHandModel) and uses what it accepts.
#include "FuzzSupport.h"
#include "hand/HandModel.h"

using namespace handalign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::fs::path file = fuzz::freshDir("hand") / "hand_model.json";
  fuzz::writeFile(file, std::string(reinterpret_cast<const char*>(data), size));
  // loadHandModel documents std::runtime_error (InputError is one) for a bad file.
  fuzz::expect<std::runtime_error>([&] {
    const HandModel m = loadHandModel(file);
    if (m.faceLabels().size() != m.faces.size()) std::abort();
    const Points rest = m.restVertices.rows() == m.vertexCount
                            ? m.restVertices
                            : Points(Points::Zero(m.vertexCount, 3));
    if (m.regressJoints(viewOf(rest)).rows() != kJointCount) std::abort();
  });
  return 0;
}
