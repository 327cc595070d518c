// File → Export Figure…: a comparison figure of the current sample or the worst ones, drawn from
// the open session with the metrics already in the table.
#include "MainWindow.h"

#include "FigureExport.h"
#include "FigureSelection.h"
#include "jobs/EvaluationJob.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QStatusBar>

namespace handalign {
namespace fs = std::filesystem;

bool MainWindow::exportFigure(const FigureExportSettings& settings) {
  if (!outcome_ || runs_.empty()) {
    showError(tr("Open and evaluate a dataset first"));
    return false;
  }
  const fs::path file = settings.file.toStdString();
  if (!figureFormatFromPath(file)) {
    showError(tr("A figure file must end in .png, .svg or .pdf: %1").arg(settings.file));
    return false;
  }
  const EvalSession& session = outcome_->session;
  try {
    std::vector<std::size_t> samples;
    if (settings.worst) {
      const std::string pred =
          settings.prediction.empty() ? runs_.back().name.toStdString() : settings.prediction;
      samples = worstSamples(resultFromRows(), pred, settings.metric, std::size_t(settings.count));
    } else if (current_ >= 0) {
      samples.push_back(std::size_t(current_));
    }
    if (samples.empty()) {
      showError(tr("No sample to draw"));
      return false;
    }
    // Captions from the stored rows, [row][prediction] in the session's prediction order.
    std::vector<std::vector<SampleMetrics>> metrics;
    for (std::size_t s : samples) {
      std::vector<SampleMetrics> row(session.predictions.size());
      for (std::size_t p = 0; p < session.predictions.size(); ++p)
        for (std::size_t r = 0; r < runs_.size(); ++r) {
          const std::vector<int>& rowOf = rowOfSample_[r];
          if (runs_[r].name.toStdString() == session.predictions[p].name && s < rowOf.size() &&
              rowOf[s] >= 0)
            row[p] = runs_[r].rows[std::size_t(rowOf[s])].m;
        }
      metrics.push_back(std::move(row));
    }
    FigureOptions options;
    options.widthInches = settings.widthInches;
    options.dpi = settings.dpi;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    struct RestoreCursor {
      ~RestoreCursor() { QApplication::restoreOverrideCursor(); }
    } restore;
    const FigureSource source{*session.dataset, session.model, session.predictions};
    const FigureGrid grid(source, samples, options, std::move(metrics));
    const fs::path json = writeFigure(grid, session.info, file);
    lastFigure_ = settings;
    statusBar()->showMessage(tr("Wrote %1 (%2 rows) and %3")
                                 .arg(settings.file)
                                 .arg(grid.rowCount())
                                 .arg(QString::fromStdString(json.string())),
                             10000);
    return true;
  } catch (const std::exception& e) {
    showError(tr("Cannot export the figure: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

void MainWindow::showExportFigureDialog() {
  if (!outcome_ || runs_.empty()) {
    statusBar()->showMessage(tr("Open a dataset first"), 5000);
    return;
  }
  QStringList names;
  for (const RunSamples& run : runs_) names << run.name;
  FigureExportDialog dialog(names, this);
  FigureExportSettings settings = lastFigure_;
  if (settings.file.isEmpty())
    settings.file = QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                        .filePath(datasetName_ + QStringLiteral("-figure.png"));
  dialog.setSettings(settings);
  if (dialog.exec() == QDialog::Accepted) exportFigure(dialog.settings());
}

}  // namespace handalign
