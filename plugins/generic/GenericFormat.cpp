#include "GenericFormat.h"

#include "GenericDataset.h"
#include "util/Error.h"

#include <simdjson.h>

#include <algorithm>

namespace handalign {
namespace fs = std::filesystem;

std::string GenericFormat::description() const {
  return "generic: dataset.json, <split>/annotations/<id>.json (K, joints, vertices, hand), "
         "<split>/images, <split>/masks";
}

bool GenericFormat::canOpen(const fs::path& root) const {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  std::string_view format;
  return !parser.load((root / "dataset.json").string()).get(doc) &&
         !doc.at_key("format").get_string().get(format) && format == "handalign.generic_dataset";
}

std::vector<std::string> GenericFormat::splits(const fs::path& root) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec))
    if (fs::is_directory(entry.path() / "annotations", ec))
      out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::unique_ptr<Dataset> GenericFormat::open(const fs::path& root, const std::string& split,
                                             int) const {
  if (split.empty() || split.find('/') != std::string::npos || split == "..")
    throw InputError(root, "bad split name \"" + split + "\"");
  return std::make_unique<GenericDataset>(root, split);
}

}  // namespace handalign
