// Studio benchmarks: sample switching (decode + render overlays + 3D + repaint), opening a large
// dataset whose results are stored in the project, and importing an evaluation computed elsewhere.
// Usage: bench_studio DATASET [BIG_DATASET] | bench_studio import DATASET EVAL_DIR
#include "GlFormat.h"
#include "MainWindow.h"
#include "browser/SampleTableModel.h"
#include "canvas/ImageCanvas.h"
#include "vtk/MeshView3D.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSurfaceFormat>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace {

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::size_t(q * double(v.size() - 1) + 0.5)];
}

std::vector<std::pair<QString, QString>> predsOf(const QString& dir) {
  return {{"rough", dir + "/pred_rough.json"}, {"refined", dir + "/pred_refined.json"}};
}

bool openAndWait(handalign::MainWindow& w, const QString& dir, double& ms) {
  QSignalSpy done(&w, &handalign::MainWindow::evaluationFinished);
  QElapsedTimer t;
  t.start();
  w.openDataset(dir, predsOf(dir));
  const bool ok = done.wait(600000);
  QApplication::processEvents();
  ms = double(t.nsecsElapsed()) / 1e6;
  return ok;
}

// File → Import Evaluation of EVAL_DIR (an eval or merged cluster output of DATASET's two
// predictions) into a studio that opened DATASET without predictions; the reference in the same
// run: opening DATASET with those predictions and evaluating them.
int benchImport(const QString& dataset, const QString& evalDir) {
  handalign::MainWindow w;
  w.resize(1400, 900);
  w.show();
  QSignalSpy done(&w, &handalign::MainWindow::evaluationFinished);
  w.openDataset(dataset, {});
  if (!done.wait(600000)) return 1;
  QElapsedTimer t;
  t.start();
  w.importEvaluation(evalDir);
  QApplication::processEvents();
  const double importMs = double(t.nsecsElapsed()) / 1e6;
  const int rows = w.sampleModel()->rowCount();
  handalign::MainWindow local;
  local.resize(1400, 900);
  local.show();
  double openMs = 0;
  if (!openAndWait(local, dataset, openMs)) return 1;  // the imported runs are stored: loaded
  QSignalSpy again(&local, &handalign::MainWindow::evaluationFinished);
  t.restart();
  local.reevaluate();  // F5: evaluated afresh, stored results ignored
  if (!again.wait(600000)) return 1;
  const double evalMs = double(t.nsecsElapsed()) / 1e6;
  std::printf(
      "then opening the dataset with those predictions: %.0f ms (their results are "
      "stored by the import)\n",
      openMs);
  std::printf(
      "import of an evaluation of %d samples x 2 predictions: %.0f ms; evaluating them "
      "in the studio: %.0f ms (ratio %.0fx)\n",
      rows, importMs, evalMs, evalMs / std::max(1e-9, importMs));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio Bench");
  QStandardPaths::setTestModeEnabled(true);
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_studio DATASET [BIG_DATASET]\n");
    return 2;
  }
  if (argc == 4 && QString(argv[1]) == "import")
    return benchImport(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
  const QString dataset = QString::fromLocal8Bit(argv[1]);

  handalign::MainWindow w;
  w.resize(1400, 900);
  w.show();
  double openMs = 0;
  if (!openAndWait(w, dataset, openMs)) return 1;

  // Sample switching: what a user waits for after pressing D.
  const int n = std::min<int>(200, w.sampleModel()->rowCount());
  std::vector<double> switchMs, decodeMs, updateMs, canvasMs, viewMs;
  for (int i = 0; i < n; ++i) {
    QElapsedTimer t, part;
    t.start();
    part.start();
    w.showSample(i);
    updateMs.push_back(double(part.nsecsElapsed()) / 1e6);
    part.restart();
    w.canvas()->repaint();
    canvasMs.push_back(double(part.nsecsElapsed()) / 1e6);
    part.restart();
    w.meshView()->repaint();
    viewMs.push_back(double(part.nsecsElapsed()) / 1e6);
    QApplication::processEvents();
    switchMs.push_back(double(t.nsecsElapsed()) / 1e6);
    // Reference in the same run: decoding the sample's JPEG alone.
    char name[32];
    std::snprintf(name, sizeof name, "/training/rgb/%08d.jpg", i);
    t.restart();
    const QImage img(dataset + name);
    decodeMs.push_back(double(t.nsecsElapsed()) / 1e6);
  }
  std::printf(
      "sample switching over %d samples (decode + overlays + 3D + repaint, %dx%d window):\n", n,
      w.width(), w.height());
  std::printf(
      "  p50 %.2f ms, p95 %.2f ms, max %.2f ms; JPEG decode alone p50 %.3f ms (ratio %.0fx)\n",
      percentile(switchMs, 0.5), percentile(switchMs, 0.95), percentile(switchMs, 1.0),
      percentile(decodeMs, 0.5),
      percentile(switchMs, 0.5) / std::max(1e-9, percentile(decodeMs, 0.5)));
  std::printf(
      "  parts (p50 / p95 ms): load + rasterize + upload %.2f / %.2f, image canvas paint %.2f / "
      "%.2f, "
      "3D view paint %.2f / %.2f\n",
      percentile(updateMs, 0.5), percentile(updateMs, 0.95), percentile(canvasMs, 0.5),
      percentile(canvasMs, 0.95), percentile(viewMs, 0.5), percentile(viewMs, 0.95));
  std::printf("open + evaluate %s: %.0f ms\n", argv[1], openMs);

  if (argc >= 3) {
    const QString big = QString::fromLocal8Bit(argv[2]);
    handalign::MainWindow first, second;
    double evalMs = 0, reopenMs = 0;
    if (!openAndWait(first, big, evalMs)) return 1;
    if (!openAndWait(second, big, reopenMs)) return 1;
    std::printf(
        "%d-sample dataset: first open (evaluate + store) %.0f ms; reopen (stored results) %.0f "
        "ms\n",
        second.sampleModel()->rowCount(), evalMs, reopenMs);
  }
  return 0;
}
