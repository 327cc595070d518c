// Small TorchScript modules written by the tests themselves (torch::jit::Module + define(), no
// Python), and the files of a model around them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace handalign::test {

struct ScriptBuffer {
  std::string name;
  std::vector<std::int64_t> shape;
  std::vector<float> values;
};

// Saves a TorchScript module with these buffers and methods (TorchScript source, e.g.
// "def forward(self, x):\n    return self.mesh\n").
void saveScriptModule(const std::filesystem::path& file, const std::string& source,
                      const std::vector<ScriptBuffer>& buffers = {});

// A V×3 buffer from rows of three numbers.
ScriptBuffer meshBuffer(const std::string& name, const std::vector<std::vector<float>>& rows);

// forward(x) returns {"rough": mesh, "refined": mesh + offset} (mesh broadcast over the batch,
// x itself unused except for its batch size).
std::string constantMeshSource(float refinedOffset);

// forward(x) returns B×V×3 lixel points: every vertex at the brightest pixel of channel 0
// (x = column · bins / size, y = row · bins / size, z = bins / 2). Ties: the first in raster order.
std::string brightestPixelSource(int vertices, int bins);

}  // namespace handalign::test
