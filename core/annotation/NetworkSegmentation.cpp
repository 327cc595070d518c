#include "annotation/NetworkSegmentation.h"

#include "annotation/MaskOps.h"
#include "hand/Part.h"
#include "io/ImageIO.h"
#include "util/Error.h"

#include <simdjson.h>

namespace handalign {
namespace fs = std::filesystem;

namespace {

// A folder name of infer.json: one plain component inside `dir` (never a path elsewhere).
fs::path folderIn(const fs::path& dir, const fs::path& file, std::string_view name) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos)
    throw InputError(file, "names the segmentation folder \"" + std::string(name) +
                               "\" (must be a folder name inside " + dir.string() + ")");
  const fs::path folder = dir / std::string(name);
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(folder, ec)))
    throw InputError(folder,
                     "is a link (segmentation folders are read only where infer wrote "
                     "them, never through links)");
  return folder;
}

void checkSize(const Image<std::uint8_t>& image, const fs::path& file, int width, int height) {
  if (image.width != width || image.height != height)
    throw InputError(file, "is " + std::to_string(image.width) + "×" +
                               std::to_string(image.height) + ", the sample's image is " +
                               std::to_string(width) + "×" + std::to_string(height));
}

}  // namespace

DeclaredSegmentation readDeclaredSegmentation(const fs::path& dir) {
  const fs::path file = dir / "infer.json";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return {};
  simdjson::dom::parser parser;
  simdjson::dom::element root, declared;
  if (parser.load(file.string()).get(root)) throw InputError(file, "is not valid JSON");
  if (root["segmentation"].get(declared)) return {};
  std::string_view hand, parts;
  if (declared["hand"].get_string().get(hand))
    throw InputError(file, "has a \"segmentation\" without its \"hand\" folder");
  DeclaredSegmentation s;
  s.hand = folderIn(dir, file, hand);
  simdjson::dom::element p;
  if (!declared["parts"].get(p)) {
    if (p.get_string().get(parts))
      throw InputError(file, "has a \"segmentation\" whose \"parts\" is not a folder name");
    s.parts = folderIn(dir, file, parts);
  }
  return s;
}

LabelImage readNetworkSegmentation(const DeclaredSegmentation& s, const std::string& id, int width,
                                   int height) {
  if (s.empty() || id.empty() || id.find('/') != std::string::npos) return {};
  std::error_code ec;
  if (!s.parts.empty()) {
    const fs::path file = s.parts / (id + ".png");
    if (fs::is_regular_file(fs::symlink_status(file, ec))) {
      LabelImage labels = readPng8(file);
      checkSize(labels, file, width, height);
      for (std::uint8_t v : labels.pixels)
        if (v > kPartCount)
          throw InputError(file,
                           "holds the label " + std::to_string(v) + " (part labels are 0..6)");
      return labels;
    }
  }
  const fs::path file = s.hand / (id + ".png");
  if (!fs::is_regular_file(fs::symlink_status(file, ec))) return {};
  LabelImage labels = readMask8(file);
  checkSize(labels, file, width, height);
  for (std::uint8_t& v : labels.pixels) v = isHandPixel(v) ? kHandWithoutPart : 0;
  return labels;
}

bool classesAreParts(int classCount) { return classCount == 1 + kPartCount; }

LabelImage proposalFromClasses(const LabelImage& classes, int classCount) {
  LabelImage out = classes;
  if (classesAreParts(classCount)) return out;
  for (std::uint8_t& v : out.pixels) v = v ? kHandWithoutPart : 0;
  return out;
}

}  // namespace handalign
