// Finds dataset-format plugins at run time and opens a dataset folder with the one that fits.
#pragma once

#include "dataset/DatasetFormat.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

class QPluginLoader;

namespace handalign {

class PluginRegistry {
 public:
  // Loads every plugin found in searchPaths() once, on first use.
  static PluginRegistry& instance();

  // $HANDALIGN_PLUGIN_PATH (':'-separated), then <exe>/../plugins and
  // <exe>/../lib/handalign/plugins.
  static std::vector<std::filesystem::path> searchPaths();

  const std::vector<DatasetFormat*>& datasetFormats() const { return formats_; }
  DatasetFormat* findFormat(const std::string& id) const;
  // Plugins that failed to load, as "file: reason" (shown by `handalign plugins`).
  const std::vector<std::string>& loadErrors() const { return errors_; }

  // Opens `root` with the plugin named `formatId`, or the first plugin whose canOpen() accepts it.
  // An empty split means the plugin's first split. Throws InputError when nothing can read it.
  std::unique_ptr<Dataset> openDataset(const std::filesystem::path& root, const std::string& split,
                                       const std::string& formatId = {}, int threads = 0) const;

 private:
  PluginRegistry();
  std::vector<DatasetFormat*> formats_;
  std::vector<std::string> errors_;
  std::vector<QPluginLoader*> loaders_;  // never deleted: the plugin instances live in them
};

}  // namespace handalign
