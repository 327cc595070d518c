// Times the sample browser on the FreiHAND training split size: project save/load, model fill,
// sort, filter. Usage: bench_browser [samples=32560] [project file=/tmp/bench_browser.hap]
#include "browser/SampleFilterProxy.h"
#include "browser/SampleTableModel.h"
#include "project/ProjectStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

using namespace handalign;

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const std::size_t n = argc > 1 ? std::stoul(argv[1]) : 32560;
  const std::filesystem::path file = argc > 2 ? argv[2] : "/tmp/bench_browser.hap";
  std::filesystem::remove(file);

  EvalResult result;
  result.predictionNames = {"rough", "refined"};
  RunInfo info;
  info.datasetRoot = "/bench";
  info.datasetFormat = "freihand";
  info.split = "training";
  info.datasetSize = n;
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& p : result.predictionNames) {
      SampleRow row;
      row.index = i;
      row.sample = std::to_string(i);
      row.pred = p;
      for (const auto& c : metricColumns()) *metricSlot(row.m, c) = u(rng) < 0.05 ? NAN : u(rng);
      result.rows.push_back(row);
    }

  QElapsedTimer t;
  auto lap = [&t](const char* what) {
    std::printf("%-28s %8.1f ms\n", what, t.nsecsElapsed() / 1e6);
    t.restart();
  };
  t.start();
  ProjectStore store;
  store.open(file);
  const auto ids = store.saveRun(info, result);
  lap("save (2 runs, one tx)");
  std::vector<RunSamples> runs;
  runs.push_back({"rough", store.loadRun(ids[0])});
  runs.push_back({"refined", store.loadRun(ids[1])});
  lap("load (2 runs)");
  SampleTableModel model;
  model.setRuns(std::move(runs), 0);
  lap("model fill");
  SampleFilterProxy proxy;
  proxy.setSourceModel(&model);
  proxy.sort(model.deltaColumn("finger_miou"), Qt::AscendingOrder);
  lap("sort delta.finger_miou asc");
  proxy.sort(model.columnIndex("rough.hand_hd95"), Qt::DescendingOrder);
  lap("sort rough.hand_hd95 desc");
  proxy.setFilterExpression("refined worse than rough or refined.finger_hd95 > 0.8");
  lap("filter");
  std::printf("rows %d of %d\n", proxy.rowCount(), model.rowCount());
  return 0;
}
