// Shared helpers of the test suite: locating the built tools, running the CLI, small files.
#pragma once

#include <QString>
#include <QStringList>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace handalign::test {

std::filesystem::path binDir();     // $HANDALIGN_BIN_DIR (set by ctest)
std::filesystem::path sourceDir();  // $HANDALIGN_SOURCE_DIR

struct CliResult {
  int exitCode = -1;
  QString out, err;
};
// Runs build/bin/handalign with `args` (timeout in ms).
CliResult runCli(const QStringList& args, int timeoutMs = 300000);
// Runs /usr/bin/python3 with `args`.
CliResult runPython(const QStringList& args, int timeoutMs = 600000);

void writeText(const std::filesystem::path& file, const std::string& text);
std::string readText(const std::filesystem::path& file);

// A synthetic dataset made once per test process by `handalign synth` under `parent`.
std::filesystem::path synthDataset(const std::filesystem::path& parent, int count, int seed = 7);
// Its two prediction files as the studio takes them: ("rough", …/pred_rough.json), ("refined", …).
std::vector<std::pair<QString, QString>> roughRefined(const std::filesystem::path& dataset);
// `handalign eval` of both predictions of a synthetic dataset into `out`, quietly.
QStringList evalArgs(const std::filesystem::path& dataset, const std::filesystem::path& out);

}  // namespace handalign::test
