// The subcommands of `handalign`; each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace handalign::cli {

int runEval(const std::vector<std::string>& args);
int runMetrics(const std::vector<std::string>& args);
int runSynth(const std::vector<std::string>& args);
int runMerge(const std::vector<std::string>& args);
int runSlurm(const std::vector<std::string>& args);
int runFigure(const std::vector<std::string>& args);
int runInfer(const std::vector<std::string>& args);  // with HANDALIGN_WITH_INFERENCE
int runAnnotations(const std::vector<std::string>& args);

}  // namespace handalign::cli
