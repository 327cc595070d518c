// File → Export Tables… (the CLI's paper tables of the runs shown, written together into one
// folder) and File → Compare Stored Runs….
#include "MainWindow.h"
#include "StoredRunsDialog.h"

#include "eval/Summary.h"
#include "eval/Tables.h"
#include "io/AtomicFile.h"
#include "jobs/EvaluationJob.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>
#include <QStatusBar>

#include <algorithm>
#include <cmath>

namespace handalign {
namespace fs = std::filesystem;

bool MainWindow::exportTables(const QString& dir) {
  if (runs_.empty()) {
    showError(tr("Open and evaluate a dataset first"));
    return false;
  }
  if (dir.isEmpty() || !QDir(dir).exists()) {
    showError(tr("No such folder: %1").arg(dir));
    return false;
  }
  EvalResult result = resultFromRows();
  // Runs stored without PCK histograms (older projects): AUCs unknown (NaN, a dash in the tables).
  const bool stored = result.totals.size() != result.predictionNames.size();
  if (stored) result.totals.assign(result.predictionNames.size(), PredictionTotals{});
  std::vector<PredictionSummary> summaries = summarize(result);
  if (stored)
    for (PredictionSummary& s : summaries) {
      s.aucJ = s.paAucJ = s.aucV = s.paAucV = std::nan("");
      s.pckJ.clear(), s.paPckJ.clear(), s.pckV.clear(), s.paPckV.clear();
    }
  RunInfo info;
  if (outcome_) {
    info = outcome_->session.info;
  } else {
    info.version = request_.version;
    info.datasetRoot = request_.dataset.string();
    info.predictionFiles.clear();
    for (const auto& [name, file] : request_.predictions)
      info.predictionFiles.emplace_back(name, file.string());
  }
  try {
    StagedOutputs out(fs::path(dir.toStdString()));
    out.add("table.csv", tableCsv(info, summaries));
    out.add("table.md", tableMarkdown(info, summaries));
    out.add("table.tex", tableLatex(info, summaries));
    out.commit();
  } catch (const std::exception& e) {
    showError(tr("Cannot export the tables: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  lastTablesDir_ = dir;
  statusBar()->showMessage(
      tr("Wrote table.csv, table.md and table.tex to %1").arg(QDir::toNativeSeparators(dir)),
      10000);
  return true;
}

void MainWindow::showExportTablesDialog() {
  if (runs_.empty()) {
    statusBar()->showMessage(tr("Open a dataset first"), 5000);
    return;
  }
  const QString start = lastTablesDir_.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                            : lastTablesDir_;
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Tables to Folder"), start);
  if (!dir.isEmpty()) exportTables(dir);
}

}  // namespace handalign

namespace handalign {

void MainWindow::showStoredRunsDialog() {
  if (!store_ || request_.dataset.empty()) {
    showError(tr("Open a dataset first"));
    return;
  }
  const std::string root = fs::absolute(request_.dataset).lexically_normal().string();
  std::vector<StoredRun> runs;
  try {
    for (StoredRun& run : store_->runs())
      if (run.datasetRoot == root) runs.push_back(std::move(run));
  } catch (const std::exception& e) {
    showError(QString::fromStdString(e.what()));
    return;
  }
  const std::vector<std::int64_t> shown = shownRunIds();
  StoredRunsDialog dialog(*store_, std::move(runs), {shown.begin(), shown.end()}, this);
  const bool accepted = dialog.exec() == QDialog::Accepted;
  for (std::int64_t id : dialog.deletedRuns()) {  // deleted runs leave the browser at once
    extraRunIds_.erase(std::remove(extraRunIds_.begin(), extraRunIds_.end(), id),
                       extraRunIds_.end());
  }
  if (accepted) showStoredRuns(dialog.checkedRuns());
  else if (!dialog.deletedRuns().empty()) showStoredRuns(extraRunIds_);
}

}  // namespace handalign
