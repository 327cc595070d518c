// The corrected masks of one dataset split on disk: an annotation folder in FreiHAND's layout,
// written atomically, checked when read. The dataset itself is never modified.
#pragma once

#include "annotation/MaskFiles.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace handalign {

class Dataset;

// What the store needs to know of a dataset split: its sample ids and image size.
class SampleCatalog {
 public:
  SampleCatalog() = default;
  SampleCatalog(int width, int height, std::vector<std::string> ids);
  static SampleCatalog of(const Dataset& dataset);

  int width() const { return width_; }
  int height() const { return height_; }
  std::size_t size() const { return ids_.size(); }
  const std::string& id(std::size_t sample) const { return ids_.at(sample); }
  std::optional<std::size_t> indexOf(const std::string& id) const;

 private:
  int width_ = 0, height_ = 0;
  std::vector<std::string> ids_;
  std::unordered_map<std::string, std::size_t> index_;
};

// A file in the annotation folder that is not a usable correction. The store never deletes these.
struct AnnotationProblem {
  enum class Kind {
    Foreign,  // not part of the layout (another file type, a name that is no sample id): ignored
    Invalid,  // a sample's mask or part layer that fails the checks: that correction is unusable
    Orphan,   // a part layer without its hand mask: ignored
  };
  Kind kind;
  std::filesystem::path file;
  std::string problem;
  std::string message() const { return file.string() + ": " + problem; }
};

// `<folder>/mask/<sample id>.png` (8-bit grey 0/255) and `<folder>/parts/<sample id>.png`
// (8-bit 0..6), both at the sample image's size. A sample is corrected when its mask file exists.
// One writer per folder at a time.
class AnnotationStore {
 public:
  enum class Mode { ReadWrite, ReadOnly };

  // ReadWrite creates the folders and removes temporary files that a killed save left behind.
  // ReadOnly needs an existing folder and changes nothing. Throws InputError naming the folder.
  AnnotationStore(std::filesystem::path folder, SampleCatalog catalog, Mode mode = Mode::ReadWrite);

  const std::filesystem::path& folder() const { return folder_; }
  const SampleCatalog& catalog() const { return catalog_; }
  std::size_t removedTemporaryFiles() const { return removedTemporaryFiles_; }

  std::filesystem::path maskPath(std::size_t sample) const;
  std::filesystem::path partsPath(std::size_t sample) const;
  bool hasCorrection(std::size_t sample) const;
  bool hasParts(std::size_t sample) const;
  // Sample indices with a mask file named after one of the catalog's ids, ascending.
  std::vector<std::size_t> corrected() const;

  // The checked correction, or nullopt when there is none. Throws InputError naming the bad file.
  std::optional<MaskAnnotation> load(std::size_t sample) const;
  // The bytes as stored (unchecked): what the journal keeps as a previous version.
  MaskFiles readFiles(std::size_t sample) const;

  // Writes both layers atomically (complete temporary file, fsync, rename, folder fsync): the part
  // layer first, then the hand mask; a correction without parts removes a stale part file.
  void save(std::size_t sample, const MaskAnnotation& annotation);
  void write(std::size_t sample, const MaskFiles& files);  // files.empty(): same as remove()
  // Back to the dataset's original mask: removes the mask file, then the part file.
  void remove(std::size_t sample);

  // Checks every file of the folder (decodes every mask): one entry per file that is not a usable
  // correction. Deletes nothing.
  std::vector<AnnotationProblem> scan() const;

 private:
  void requireWritable() const;

  std::filesystem::path folder_;
  SampleCatalog catalog_;
  Mode mode_;
  std::size_t removedTemporaryFiles_ = 0;
};

}  // namespace handalign
