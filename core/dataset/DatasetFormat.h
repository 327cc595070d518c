// Plugin interface for dataset formats, discovered at run time (versioned id, as MeshLab does).
#pragma once

#include "dataset/Dataset.h"

#include <QtPlugin>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace handalign {

class DatasetFormat {
 public:
  virtual ~DatasetFormat() = default;
  virtual std::string id() const = 0;           // short name used on the command line: "freihand"
  virtual std::string description() const = 0;  // one line for --help and the GUI
  // Cheap check (file names only): can this plugin read `root`?
  virtual bool canOpen(const std::filesystem::path& root) const = 0;
  // Splits present under root (FreiHAND: "training", "evaluation").
  virtual std::vector<std::string> splits(const std::filesystem::path& root) const = 0;
  // Opens one split. `threads` bounds parsing parallelism (0 = all cores).
  // Throws InputError naming the file and the problem.
  virtual std::unique_ptr<Dataset> open(const std::filesystem::path& root, const std::string& split,
                                        int threads) const = 0;
};

}  // namespace handalign

#define HandAlignDatasetFormat_iid "org.handalign.DatasetFormat/1.0"
Q_DECLARE_INTERFACE(handalign::DatasetFormat, HandAlignDatasetFormat_iid)
