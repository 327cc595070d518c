// `handalign infer` loads its module (handalign_cli_infer.so, linked with LibTorch) only when it is
// run: loading LibTorch takes about a second, which eval, synth and the others should not pay.
#include "Commands.h"
#include "Terminal.h"

#include <QLibrary>

#include <unistd.h>
#include <filesystem>

namespace handalign::cli {
namespace fs = std::filesystem;

int runInfer(const std::vector<std::string>& args) {
  char exe[4096];
  const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  const fs::path bin = n > 0 ? fs::path(std::string(exe, std::size_t(n))).parent_path() : ".";
  // build/lib in a build tree, lib/handalign installed.
  fs::path module = bin.parent_path() / "lib" / "handalign_cli_infer.so";
  if (!fs::exists(module))
    module = bin.parent_path() / "lib" / "handalign" / "handalign_cli_infer.so";
  QLibrary library(QString::fromStdString(module.string()));
  using Entry = int (*)(const std::vector<std::string>*);
  const auto entry = reinterpret_cast<Entry>(library.resolve("handalign_cli_infer"));
  if (!entry) {
    printError("cannot load the inference module: " + library.errorString().toStdString());
    return 1;
  }
  return entry(&args);  // the module stays loaded until exit
}

}  // namespace handalign::cli
