#include "FreiHandFormat.h"

#include "FreiHandDataset.h"
#include "util/Error.h"

namespace handalign {
namespace fs = std::filesystem;

std::string FreiHandFormat::description() const {
  return "FreiHAND: <split>_K.json, <split>_xyz.json, <split>_verts.json, <split>/rgb/%08d.jpg, "
         "<split>/mask/%08d.jpg";
}

bool FreiHandFormat::canOpen(const fs::path& root) const {
  std::error_code ec;
  return fs::is_regular_file(root / "training_K.json", ec) ||
         fs::is_regular_file(root / "evaluation_K.json", ec);
}

std::vector<std::string> FreiHandFormat::splits(const fs::path& root) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const char* base : {"training", "evaluation"}) {
    if (!fs::is_regular_file(root / (std::string(base) + "_K.json"), ec)) continue;
    out.emplace_back(base);
  }
  return out;
}

std::unique_ptr<Dataset> FreiHandFormat::open(const fs::path& root, const std::string& split,
                                              int threads) const {
  std::string base = split;
  int version = 0;
  if (const std::size_t colon = split.find(':'); colon != std::string::npos) {
    base = split.substr(0, colon);
    const std::string v = split.substr(colon + 1);
    if (v.size() != 1 || v[0] < '0' || v[0] > '3')
      throw InputError(root, "unknown split \"" + split + "\" (image versions are :0..:3)");
    version = v[0] - '0';
  }
  if (base != "training" && base != "evaluation")
    throw InputError(
        root, "unknown FreiHAND split \"" + split + "\" (training, evaluation, training:1..3)");
  return std::make_unique<FreiHandDataset>(root, base, version, threads);
}

}  // namespace handalign
