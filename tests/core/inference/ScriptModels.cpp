#include "ScriptModels.h"

#include <torch/script.h>

namespace handalign::test {

void saveScriptModule(const std::filesystem::path& file, const std::string& source,
                      const std::vector<ScriptBuffer>& buffers) {
  torch::jit::Module module("TestModel");
  for (const ScriptBuffer& b : buffers) {
    torch::Tensor t = torch::tensor(b.values, torch::kFloat).reshape(b.shape);
    module.register_buffer(b.name, t);
  }
  module.define(source);
  module.save(file.string());
}

ScriptBuffer meshBuffer(const std::string& name, const std::vector<std::vector<float>>& rows) {
  ScriptBuffer b{name, {std::int64_t(rows.size()), 3}, {}};
  for (const auto& r : rows) b.values.insert(b.values.end(), r.begin(), r.end());
  return b;
}

std::string constantMeshSource(float refinedOffset) {
  return "def forward(self, x):\n"
         "    mesh = self.mesh.unsqueeze(0).expand(x.size(0), -1, -1)\n"
         "    return {'rough': mesh, 'refined': mesh + " +
         std::to_string(refinedOffset) + "}\n";
}

std::string brightestPixelSource(int vertices, int bins) {
  return "def forward(self, x):\n"
         "    b = x.size(0)\n"
         "    s = x.size(3)\n"
         "    idx = torch.argmax(x[:, 0].reshape(b, -1), dim=1)\n"
         "    row = torch.div(idx, s, rounding_mode='floor').float()\n"
         "    col = (idx - torch.div(idx, s, rounding_mode='floor') * s).float()\n"
         "    p = torch.stack([col * " +
         std::to_string(bins) + ".0 / s, row * " + std::to_string(bins) +
         ".0 / s, torch.full_like(col, " + std::to_string(bins / 2) +
         ".0)], dim=1)\n"
         "    return p.unsqueeze(1).expand(b, " +
         std::to_string(vertices) + ", 3)\n";
}

}  // namespace handalign::test
