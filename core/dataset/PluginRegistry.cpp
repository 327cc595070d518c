#include "dataset/PluginRegistry.h"

#include "util/Error.h"

#include <QPluginLoader>
#include <QString>

#include <dlfcn.h>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <set>

namespace handalign {
namespace fs = std::filesystem;

namespace {
fs::path executableDir() {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  return fs::path(std::string(buf, std::size_t(n))).parent_path();
}
// The folder of this library (libhandalign_core.so): the plugins are found from it also when the
// program is not ours (python3 importing handalign).
fs::path libraryDir() {
  Dl_info info{};
  if (!::dladdr(reinterpret_cast<void*>(&libraryDir), &info) || !info.dli_fname) return {};
  std::error_code ec;
  const fs::path lib = fs::canonical(info.dli_fname, ec);
  return ec ? fs::path() : lib.parent_path();
}
}  // namespace

std::vector<fs::path> PluginRegistry::searchPaths() {
  std::vector<fs::path> paths;
  if (const char* env = std::getenv("HANDALIGN_PLUGIN_PATH")) {
    std::string s(env);
    std::size_t start = 0;
    while (start <= s.size()) {
      const std::size_t end = s.find(':', start);
      const std::string part =
          s.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!part.empty()) paths.emplace_back(part);
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  const fs::path exe = executableDir();
  if (!exe.empty()) {
    paths.push_back(exe.parent_path() / "plugins");
    paths.push_back(exe.parent_path() / "lib" / "handalign" / "plugins");
  }
  const fs::path lib = libraryDir();
  if (!lib.empty()) {
    // build/lib/../plugins in a build tree, lib/handalign/plugins installed
    for (const fs::path& p : {lib.parent_path() / "plugins", lib / "plugins"})
      if (std::find(paths.begin(), paths.end(), p) == paths.end()) paths.push_back(p);
  }
  return paths;
}

PluginRegistry& PluginRegistry::instance() {
  static PluginRegistry* registry = new PluginRegistry;  // never destroyed, like its plugins
  return *registry;
}

PluginRegistry::PluginRegistry() {
  std::set<std::string> seenIds;
  for (const fs::path& dir : searchPaths()) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".so") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      // Loaders stay alive for the program's lifetime: the plugin instances live in them.
      auto* loader = new QPluginLoader(QString::fromStdString(file.string()));
      loaders_.push_back(loader);
      QObject* object = loader->instance();
      auto* format = object ? qobject_cast<DatasetFormat*>(object) : nullptr;
      if (!format) {
        errors_.push_back(file.string() + ": " +
                          (object ? std::string("not a dataset-format plugin")
                                  : loader->errorString().toStdString()));
        continue;
      }
      if (!seenIds.insert(format->id()).second) continue;  // first one on the search path wins
      formats_.push_back(format);
    }
  }
}

DatasetFormat* PluginRegistry::findFormat(const std::string& id) const {
  for (DatasetFormat* f : formats_)
    if (f->id() == id) return f;
  return nullptr;
}

std::unique_ptr<Dataset> PluginRegistry::openDataset(const fs::path& root, const std::string& split,
                                                     const std::string& formatId,
                                                     int threads) const {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) throw InputError(root, "no such dataset folder");
  DatasetFormat* format = nullptr;
  if (!formatId.empty()) {
    format = findFormat(formatId);
    if (!format)
      throw InputError(root, "no dataset plugin named \"" + formatId + "\" is installed");
  } else {
    for (DatasetFormat* f : formats_)
      if (f->canOpen(root)) {
        format = f;
        break;
      }
  }
  if (!format) {
    std::string known;
    for (DatasetFormat* f : formats_) known += (known.empty() ? "" : ", ") + f->id();
    throw InputError(root, "not a dataset any installed plugin can read (plugins: " +
                               (known.empty() ? std::string("none found") : known) + ")");
  }
  std::string chosen = split;
  if (chosen.empty()) {
    const std::vector<std::string> splits = format->splits(root);
    if (splits.empty()) throw InputError(root, "the dataset has no split with data");
    chosen = splits.front();
  }
  return format->open(root, chosen, threads);
}

}  // namespace handalign
