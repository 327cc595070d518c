#include "ExportController.h"

#include "StoredRunsDialog.h"
#include "StudioSession.h"

#include "FigureExport.h"
#include "FigureSelection.h"
#include "eval/Summary.h"
#include "eval/Tables.h"
#include "io/AtomicFile.h"
#include "project/ProjectStore.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

#include <cmath>

namespace handalign {
namespace fs = std::filesystem;
namespace {
struct WaitCursor {
  WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
  ~WaitCursor() { QApplication::restoreOverrideCursor(); }
};
}  // namespace

ExportController::ExportController(StudioSession* session, QWidget* dialogParent)
    : QObject(dialogParent), session_(session), parent_(dialogParent) {}

bool ExportController::exportFigure(const FigureExportSettings& settings, int currentSample) {
  if (!session_->isOpen() || session_->runs().empty()) {
    Q_EMIT error(tr("Open and evaluate a dataset first"));
    return false;
  }
  const fs::path file = settings.file.toStdString();
  if (!figureFormatFromPath(file)) {
    Q_EMIT error(tr("A figure file must end in .png, .svg or .pdf: %1").arg(settings.file));
    return false;
  }
  const EvalSession& session = session_->session();
  try {
    std::vector<std::size_t> samples;
    if (settings.worst) {
      const std::string pred = settings.prediction.empty()
                                   ? session_->runs().back().name.toStdString()
                                   : settings.prediction;
      samples = worstSamples(session_->resultFromRows(), pred, settings.metric,
                             std::size_t(settings.count));
    } else if (currentSample >= 0) {
      samples.push_back(std::size_t(currentSample));
    }
    if (samples.empty()) {
      Q_EMIT error(tr("No sample to draw"));
      return false;
    }
    // Captions from the stored rows, [row][prediction] in the session's prediction order.
    std::vector<std::vector<SampleMetrics>> metrics;
    const auto& runs = session_->runs();
    for (std::size_t s : samples) {
      std::vector<SampleMetrics> row(session.predictions.size());
      for (std::size_t p = 0; p < session.predictions.size(); ++p)
        for (std::size_t r = 0; r < runs.size(); ++r)
          if (runs[r].name.toStdString() == session.predictions[p].name)
            if (const SampleMetrics* m = session_->metrics(int(r), s)) row[p] = *m;
      metrics.push_back(std::move(row));
    }
    FigureOptions options;
    options.widthInches = settings.widthInches;
    options.dpi = settings.dpi;
    const WaitCursor wait;
    const FigureSource source{*session.dataset, session.model, session.predictions};
    const FigureGrid grid(source, samples, options, std::move(metrics));
    const fs::path json = writeFigure(grid, session.info, file);
    lastFigure_ = settings;
    Q_EMIT message(tr("Wrote %1 (%2 rows) and %3")
                       .arg(settings.file)
                       .arg(grid.rowCount())
                       .arg(QString::fromStdString(json.string())),
                   10000);
    return true;
  } catch (const std::exception& e) {
    Q_EMIT error(tr("Cannot export the figure: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

void ExportController::showFigureDialog(int currentSample) {
  if (!session_->isOpen() || session_->runs().empty()) {
    Q_EMIT message(tr("Open a dataset first"), 5000);
    return;
  }
  QStringList names;
  for (const RunSamples& run : session_->runs()) names << run.name;
  FigureExportDialog dialog(names, parent_);
  FigureExportSettings settings = lastFigure_;
  if (settings.file.isEmpty())
    settings.file = QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                        .filePath(session_->datasetName() + QStringLiteral("-figure.png"));
  dialog.setSettings(settings);
  if (dialog.exec() == QDialog::Accepted) exportFigure(dialog.settings(), currentSample);
}

bool ExportController::exportTables(const QString& dir) {
  if (session_->runs().empty()) {
    Q_EMIT error(tr("Open and evaluate a dataset first"));
    return false;
  }
  if (dir.isEmpty() || !QDir(dir).exists()) {
    Q_EMIT error(tr("No such folder: %1").arg(dir));
    return false;
  }
  EvalResult result = session_->resultFromRows();
  // Runs stored without PCK histograms (older projects): AUCs unknown (NaN, a dash in the tables).
  const bool stored = result.totals.size() != result.predictionNames.size();
  if (stored) result.totals.assign(result.predictionNames.size(), PredictionTotals{});
  std::vector<PredictionSummary> summaries = summarize(result);
  if (stored)
    for (PredictionSummary& s : summaries) {
      s.aucJ = s.paAucJ = s.aucV = s.paAucV = std::nan("");
      s.pckJ.clear(), s.paPckJ.clear(), s.pckV.clear(), s.paPckV.clear();
    }
  RunInfo info = session_->session().info;
  info.refinements = session_->declaredRoles();
  try {
    StagedOutputs out(fs::path(dir.toStdString()));
    out.add("table.csv", tableCsv(info, summaries));
    out.add("table.md", tableMarkdown(info, summaries));
    out.add("table.tex", tableLatex(info, summaries));
    out.commit();
  } catch (const std::exception& e) {
    Q_EMIT error(tr("Cannot export the tables: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  lastTablesDir_ = dir;
  Q_EMIT message(
      tr("Wrote table.csv, table.md and table.tex to %1").arg(QDir::toNativeSeparators(dir)),
      10000);
  return true;
}

void ExportController::showTablesDialog() {
  if (session_->runs().empty()) {
    Q_EMIT message(tr("Open a dataset first"), 5000);
    return;
  }
  const QString start = lastTablesDir_.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                            : lastTablesDir_;
  const QString dir =
      QFileDialog::getExistingDirectory(parent_, tr("Export Tables to Folder"), start);
  if (!dir.isEmpty()) exportTables(dir);
}

void ExportController::showStoredRunsDialog() {
  ProjectStore* store = session_->project();
  if (!store || !session_->isOpen()) {
    Q_EMIT error(tr("Open a dataset first"));
    return;
  }
  const std::string root = fs::absolute(session_->request().dataset).lexically_normal().string();
  std::vector<StoredRun> runs;
  try {
    for (StoredRun& run : store->runs())
      if (run.datasetRoot == root) runs.push_back(std::move(run));
  } catch (const std::exception& e) {
    Q_EMIT error(QString::fromStdString(e.what()));
    return;
  }
  const std::vector<std::int64_t> shown = session_->shownRunIds();
  StoredRunsDialog dialog(*store, std::move(runs), {shown.begin(), shown.end()}, parent_);
  dialog.setProperty(kHoldsSession, true);  // the project stays while the dialog uses it
  const bool accepted = dialog.exec() == QDialog::Accepted;
  session_->forgetStoredRuns(dialog.deletedRuns());  // deleted runs leave the browser at once
  if (accepted)
    session_->showStoredRuns(dialog.checkedRuns());
  else if (!dialog.deletedRuns().empty())
    session_->showStoredRuns(session_->extraRunIds());
}

}  // namespace handalign
