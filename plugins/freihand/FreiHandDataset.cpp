#include "FreiHandDataset.h"

#include "io/ArrayCache.h"
#include "io/ImageIO.h"
#include "util/Error.h"

#include <cstdio>

namespace handalign {
namespace fs = std::filesystem;

namespace {
std::string fileId(std::size_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08zu", id);
  return buf;
}
}  // namespace

FreiHandDataset::FreiHandDataset(fs::path root, std::string split, int version, int threads)
    : root_(std::move(root)), base_(std::move(split)), version_(version) {
  const fs::path kFile = root_ / (base_ + "_K.json");
  const fs::path xyzFile = root_ / (base_ + "_xyz.json");
  const fs::path vertsFile = root_ / (base_ + "_verts.json");
  std::error_code ec;
  if (!fs::is_regular_file(kFile, ec))
    throw InputError(kFile, "no such file (every FreiHAND split needs its intrinsics)");
  k_ = readNumericItemsCached(kFile, ItemShape{3, 3}, threads);
  if (k_.empty()) throw InputError(kFile, "holds no samples");
  if (fs::is_regular_file(xyzFile, ec)) {
    xyz_ = readNumericItemsCached(xyzFile, ItemShape{21, 3}, threads);
    if (xyz_.count() != k_.count())
      throw InputError(xyzFile, "has " + std::to_string(xyz_.count()) + " samples, " +
                                    kFile.filename().string() + " has " +
                                    std::to_string(k_.count()));
  }
  if (fs::is_regular_file(vertsFile, ec)) {
    verts_ = readNumericItemsCached(vertsFile, ItemShape{-1, 3}, threads);
    if (verts_.count() != k_.count())
      throw InputError(vertsFile, "has " + std::to_string(verts_.count()) + " samples, " +
                                      kFile.filename().string() + " has " +
                                      std::to_string(k_.count()));
  }
  for (std::size_t i = 0; i < k_.count(); ++i) {
    const double* k = k_.item(i);
    if (!(k[0] > 0 && k[4] > 0 && k[8] == 1.0))
      throw InputError(kFile, "sample " + std::to_string(i) +
                                  ": not a camera matrix (need fx, fy > 0 and K[2][2] = 1)");
  }
  const fs::path first = imagePath(0);
  std::tie(width_, height_) = imageSize(first);
  hasMaskFolder_ = fs::is_directory(root_ / base_ / "mask", ec);
}

std::string FreiHandDataset::sampleId(std::size_t i) const { return fileId(i); }

Intrinsics FreiHandDataset::intrinsics(std::size_t i) const {
  return Intrinsics::fromRowMajor(k_.item(i));
}

fs::path FreiHandDataset::imagePath(std::size_t i) const {
  return root_ / base_ / "rgb" / (fileId(i + k_.count() * std::size_t(version_)) + ".jpg");
}

std::optional<fs::path> FreiHandDataset::maskPath(std::size_t i) const {
  if (!hasMaskFolder_) return std::nullopt;
  // Masks exist for the first `count` ids only; every image version shows the same hand.
  fs::path p = root_ / base_ / "mask" / (fileId(i) + ".jpg");
  std::error_code ec;
  if (fs::exists(p, ec)) return p;
  return std::nullopt;
}

std::optional<fs::path> FreiHandDataset::handModelPath() const {
  const fs::path p = root_ / "hand_model.json";
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) return p;
  return std::nullopt;
}

void FreiHandDataset::releaseSamples(std::size_t begin, std::size_t end) const {
  xyz_.releaseItems(begin, end);
  verts_.releaseItems(begin, end);
}

}  // namespace handalign
