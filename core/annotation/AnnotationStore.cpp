#include "annotation/AnnotationStore.h"

#include "dataset/Dataset.h"
#include "io/AtomicFile.h"
#include "io/OutputFolder.h"
#include "util/Error.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace handalign {
namespace fs = std::filesystem;
namespace {

constexpr const char* kMaskDir = "mask";
constexpr const char* kPartsDir = "parts";
constexpr const char* kExt = ".png";

// A corrected mask is a file in the folder itself: a link (to a mask elsewhere, or anything else)
// is never followed.
bool isFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(fs::symlink_status(p, ec));
}

std::string readAll(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) throw InputError(p, std::string("cannot open: ") + std::strerror(errno));
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      throw InputError(p, std::string("cannot read: ") + std::strerror(err));
    }
    if (n == 0) break;
    bytes.append(buffer, std::size_t(n));
  }
  ::close(fd);
  return bytes;
}

// mask/ and parts/ must be folders of the annotation folder: through a link, writes, reads and
// the clean-up of temporaries would act on another folder.
void refuseLinkedLayer(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(dir, ec)))
    throw InputError(dir,
                     "is a link; mask/ and parts/ must be folders inside the annotation folder");
}

void unlinkIfPresent(const fs::path& p) {
  if (::unlink(p.c_str()) != 0 && errno != ENOENT)
    throw InputError(p, std::string("cannot remove: ") + std::strerror(errno));
}

// A rename is durable once its folder is synced, not before.
void syncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw InputError(dir, std::string("cannot open folder: ") + std::strerror(errno));
  ::fsync(fd);
  ::close(fd);
}

// writeFileAtomically's temporary name: ".<name>.tmp-<pid>-<random hex>" (".<name>.tmp-<pid>"
// before). The pid of the writer, or -1.
long temporaryFileWriter(const std::string& name) {
  const std::size_t at = name.rfind(".tmp-");
  if (name.empty() || name[0] != '.' || at == std::string::npos) return -1;
  std::string digits = name.substr(at + 5);
  if (const std::size_t dash = digits.find('-'); dash != std::string::npos) {
    const std::string random = digits.substr(dash + 1);
    if (random.empty() || !std::all_of(random.begin(), random.end(), [](char c) {
          return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }))
      return -1;
    digits.resize(dash);
  }
  if (digits.empty() || digits.size() > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return -1;
  return std::stol(digits);
}

bool processAlive(long pid) {
  return pid == long(::getpid()) || ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

std::string problemOf(const InputError& e) {
  const std::string what = e.what(), prefix = e.file().string() + ": ";
  return what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what;
}

}  // namespace

SampleCatalog::SampleCatalog(int width, int height, std::vector<std::string> ids)
    : width_(width), height_(height), ids_(std::move(ids)) {
  index_.reserve(ids_.size());
  for (std::size_t i = 0; i < ids_.size(); ++i) index_.emplace(ids_[i], i);
}

SampleCatalog SampleCatalog::of(const Dataset& dataset) {
  std::vector<std::string> ids(dataset.size());
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = dataset.sampleId(i);
  return SampleCatalog(dataset.imageWidth(), dataset.imageHeight(), std::move(ids));
}

std::optional<std::size_t> SampleCatalog::indexOf(const std::string& id) const {
  const auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

AnnotationStore::AnnotationStore(fs::path folder, SampleCatalog catalog, Mode mode)
    : folder_(std::move(folder)), catalog_(std::move(catalog)), mode_(mode) {
  std::error_code ec;
  for (const char* sub : {kMaskDir, kPartsDir}) refuseLinkedLayer(folder_ / sub);
  if (mode_ == Mode::ReadOnly) {
    if (!fs::is_directory(folder_, ec)) throw InputError(folder_, "no such annotation folder");
    return;
  }
  for (const char* sub : {kMaskDir, kPartsDir}) {
    fs::create_directories(folder_ / sub, ec);
    if (ec) throw InputError(folder_ / sub, "cannot create the folder: " + ec.message());
    for (const auto& entry : fs::directory_iterator(folder_ / sub, ec)) {
      const long pid = temporaryFileWriter(entry.path().filename().string());
      if (pid < 0 || processAlive(pid)) continue;
      if (::unlink(entry.path().c_str()) == 0) ++removedTemporaryFiles_;
    }
    if (ec) throw InputError(folder_ / sub, "cannot list the folder: " + ec.message());
  }
}

fs::path AnnotationStore::maskPath(std::size_t sample) const {
  return folder_ / kMaskDir / (catalog_.id(sample) + kExt);
}

fs::path AnnotationStore::partsPath(std::size_t sample) const {
  return folder_ / kPartsDir / (catalog_.id(sample) + kExt);
}

bool AnnotationStore::hasCorrection(std::size_t sample) const { return isFile(maskPath(sample)); }
// A 0-byte part layer is no part layer (ignored, as load() and scan() say).
bool AnnotationStore::hasParts(std::size_t sample) const {
  std::error_code ec;
  return isFile(partsPath(sample)) && fs::file_size(partsPath(sample), ec) > 0;
}

std::vector<std::size_t> AnnotationStore::corrected() const {
  std::vector<std::size_t> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder_ / kMaskDir, ec)) {
    const fs::path& p = entry.path();
    if (p.extension() != kExt || p.filename().string()[0] == '.' ||
        !fs::is_regular_file(entry.symlink_status(ec)))
      continue;
    if (const auto index = catalog_.indexOf(p.stem().string())) out.push_back(*index);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<MaskAnnotation> AnnotationStore::load(std::size_t sample) const {
  const fs::path hand = maskPath(sample), parts = partsPath(sample);
  if (!isFile(hand)) return std::nullopt;
  MaskFiles files;
  files.hand = readAll(hand);
  if (isFile(parts)) files.parts = readAll(parts);
  return decodeMaskFiles(files, catalog_.width(), catalog_.height(), hand, parts);
}

MaskFiles AnnotationStore::readFiles(std::size_t sample) const {
  MaskFiles files;
  if (isFile(maskPath(sample))) files.hand = readAll(maskPath(sample));
  if (isFile(partsPath(sample))) files.parts = readAll(partsPath(sample));
  return files;
}

void AnnotationStore::requireWritable() const {
  if (mode_ != Mode::ReadWrite) throw InputError(folder_, "opened read-only");
}

void AnnotationStore::save(std::size_t sample, const MaskAnnotation& annotation) {
  if (annotation.width() != catalog_.width() || annotation.height() != catalog_.height())
    throw std::invalid_argument("corrected mask of sample " + catalog_.id(sample) + " is " +
                                std::to_string(annotation.width()) + "x" +
                                std::to_string(annotation.height()) + ", its image is " +
                                std::to_string(catalog_.width()) + "x" +
                                std::to_string(catalog_.height()));
  write(sample, encodeMaskAnnotation(annotation));
}

void AnnotationStore::write(std::size_t sample, const MaskFiles& files) {
  requireWritable();
  if (files.empty()) return remove(sample);
  // Parts first: until the hand mask lands, the sample reads as its previous version (or as
  // uncorrected); a kill in between is repaired from the journal (docs/adr/0009).
  if (files.parts.empty())
    unlinkIfPresent(partsPath(sample));
  else
    writeFileAtomically(partsPath(sample), files.parts);
  faultPoint();  // parts landed, hand not yet
  if (files.hand.empty())
    unlinkIfPresent(maskPath(sample));
  else
    writeFileAtomically(maskPath(sample), files.hand);
  syncDirectory(folder_ / kPartsDir);
  syncDirectory(folder_ / kMaskDir);
}

void AnnotationStore::remove(std::size_t sample) {
  requireWritable();
  unlinkIfPresent(maskPath(sample));
  unlinkIfPresent(partsPath(sample));
  syncDirectory(folder_ / kMaskDir);
  syncDirectory(folder_ / kPartsDir);
}

std::vector<AnnotationProblem> AnnotationStore::scan() const {
  using Kind = AnnotationProblem::Kind;
  std::vector<AnnotationProblem> problems;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder_, ec)) {
    const std::string name = entry.path().filename().string();
    const bool layerDir = (name == kMaskDir || name == kPartsDir) && entry.is_directory(ec);
    const bool drafts = name == ".drafts" && entry.is_directory(ec) && !entry.is_symlink(ec);
    if (!layerDir && !drafts && name != "review.csv" && name != "provenance.json")
      problems.push_back({Kind::Foreign, entry.path(),
                          "not part of the annotation layout (mask/, parts/); ignored"});
  }
  for (const char* sub : {kMaskDir, kPartsDir}) {
    const MaskLayer layer = std::strcmp(sub, kMaskDir) == 0 ? MaskLayer::Hand : MaskLayer::Parts;
    for (const auto& entry : fs::directory_iterator(folder_ / sub, ec)) {
      const fs::path& p = entry.path();
      const std::string name = p.filename().string();
      if (temporaryFileWriter(name) >= 0) continue;  // a save in flight (or one to clean up)
      const auto index = catalog_.indexOf(p.stem().string());
      if (entry.is_symlink(ec))
        problems.push_back(
            {Kind::Foreign, p, "a link; ignored (a corrected mask must be a file in this folder)"});
      else if (!entry.is_regular_file(ec))
        problems.push_back({Kind::Foreign, p, "not a file; ignored"});
      else if (p.extension() != kExt)
        problems.push_back(
            {Kind::Foreign, p, "not a PNG mask (masks are <sample id>.png); ignored"});
      else if (!index)
        problems.push_back({Kind::Foreign, p,
                            "not named after a sample of this dataset split (e.g. " +
                                (catalog_.size() ? catalog_.id(0) : std::string("<id>")) +
                                ".png); ignored"});
      else if (layer == MaskLayer::Parts && !isFile(maskPath(*index)))
        problems.push_back({Kind::Orphan, p, "a part layer without its hand mask; ignored"});
      else if (layer == MaskLayer::Parts && entry.file_size(ec) == 0)
        problems.push_back({Kind::Foreign, p,
                            "empty (0 bytes); ignored, as eval and export do: the hand mask is "
                            "used with the rendered finger labels"});
      else
        try {
          decodeMaskLayer(readAll(p), layer, catalog_.width(), catalog_.height(), p);
        } catch (const InputError& e) {
          problems.push_back({Kind::Invalid, p, problemOf(e)});
        }
    }
  }
  std::sort(problems.begin(), problems.end(),
            [](const AnnotationProblem& a, const AnnotationProblem& b) { return a.file < b.file; });
  return problems;
}

}  // namespace handalign
