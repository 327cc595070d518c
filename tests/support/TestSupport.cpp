#include "TestSupport.h"

#include <QProcess>
#include <QTest>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace handalign::test {
namespace fs = std::filesystem;

fs::path binDir() {
  const char* d = std::getenv("HANDALIGN_BIN_DIR");
  return d ? fs::path(d) : fs::path();
}

fs::path sourceDir() {
  const char* d = std::getenv("HANDALIGN_SOURCE_DIR");
  return d ? fs::path(d) : fs::path();
}

namespace {
CliResult run(const QString& program, const QStringList& args, int timeoutMs) {
  QProcess p;
  p.start(program, args);
  CliResult r;
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    r.err = "timed out: " + program + " " + args.join(' ');
    return r;
  }
  r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}
}  // namespace

CliResult runCli(const QStringList& args, int timeoutMs) {
  return run(QString::fromStdString((binDir() / "handalign").string()), args, timeoutMs);
}

CliResult runPython(const QStringList& args, int timeoutMs) {
  return run("/usr/bin/python3", args, timeoutMs);
}

void writeText(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path synthDataset(const fs::path& parent, int count, int seed) {
  const fs::path dir = parent / ("synth-" + std::to_string(count) + "-" + std::to_string(seed));
  if (fs::exists(dir / "pred_refined.json")) return dir;
  const CliResult r = runCli({"synth", "--out", QString::fromStdString(dir.string()), "--count",
                              QString::number(count), "--seed", QString::number(seed), "--quiet"});
  if (r.exitCode != 0) qFatal("handalign synth failed: %s", qPrintable(r.err));
  return dir;
}

std::vector<std::pair<QString, QString>> roughRefined(const fs::path& dataset) {
  return {{"rough", QString::fromStdString((dataset / "pred_rough.json").string())},
          {"refined", QString::fromStdString((dataset / "pred_refined.json").string())}};
}

QStringList evalArgs(const fs::path& dataset, const fs::path& out) {
  QStringList args{"eval", "--dataset", QString::fromStdString(dataset.string())};
  for (const auto& [name, file] : roughRefined(dataset)) args << "--pred" << name + "=" + file;
  return args << "--out" << QString::fromStdString(out.string()) << "--quiet";
}

}  // namespace handalign::test
