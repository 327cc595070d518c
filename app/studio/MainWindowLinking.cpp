// MainWindow's per-run rows and what hangs on them: the metrics dock, hover linking between the 3D
// view and the image canvas, and Go → Jump to Sample.
#include "MainWindow.h"

#include "OverlayPanel.h"

#include "browser/SampleFilterProxy.h"
#include "canvas/ImageCanvas.h"
#include "jobs/EvaluationJob.h"
#include "metrics/MetricsPanel.h"
#include "project/ProjectStore.h"
#include "vtk/MeshView3D.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>
#include <limits>

namespace handalign {

void MainWindow::setRunRows(std::vector<RunSamples> runs,
                            const std::vector<PredictionTotals>& totals) {
  primaryCount_ = runs.size();
  std::vector<PredictionTotals> allTotals =
      totals.size() == runs.size() ? totals : std::vector<PredictionTotals>{};
  // Stored runs chosen for comparison follow the request's own (a run stored without totals gets
  // empty ones: NaN curves are not drawn).
  for (std::int64_t id : extraRunIds_) {
    if (!store_) break;
    try {
      std::vector<SampleRow> rows = store_->loadRun(id);
      QString name;
      for (const StoredRun& r : store_->runs())
        if (r.id == id) name = QString::fromStdString(r.name);
      std::optional<PredictionTotals> t = store_->loadRunTotals(id);
      runs.push_back({QStringLiteral("%1_run%2").arg(name).arg(id), std::move(rows)});
      if (!allTotals.empty()) allTotals.push_back(t ? std::move(*t) : PredictionTotals{});
    } catch (const std::exception& e) {
      statusBar()->showMessage(QString::fromStdString(e.what()), 5000);
    }
  }
  runs_ = std::move(runs);
  // The pair compared: the user's last choice where those methods are still open, else the
  // declared refinement (refined against its rough), else the last method against the first.
  auto find = [this](const QString& name) {
    for (std::size_t i = 0; i < runs_.size(); ++i)
      if (runs_[i].name == name) return int(i);
    return -1;
  };
  int reference = find(referenceName_), shown = find(shownName_);
  if (shown < 0 || reference < 0) {
    reference = runs_.empty() ? -1 : 0;
    shown = int(runs_.size()) - 1;
    for (const Refinement& r : declaredRoles()) {
      const int a = find(QString::fromStdString(r.rough)),
                b = find(QString::fromStdString(r.refined));
      if (a >= 0 && b >= 0) {
        reference = a, shown = b;
        break;
      }
    }
  }
  referenceRun_ = reference, shownRun_ = shown;
  totals_ = std::move(allTotals);
  rowOfSample_.assign(runs_.size(), {});
  for (std::size_t r = 0; r < runs_.size(); ++r) {
    std::vector<int>& rowOf = rowOfSample_[r];
    for (std::size_t i = 0; i < runs_[r].rows.size(); ++i) {
      const std::size_t index = runs_[r].rows[i].index;
      if (index >= rowOf.size()) rowOf.resize(index + 1, -1);
      rowOf[index] = int(i);
    }
  }
  model_->setRuns(runs_, referenceRun_);
  table_->resizeColumnsToContents();  // headers are method over metric: neither is cut
  QStringList names;
  for (const RunSamples& run : runs_) names << run.name;
  overlays_->setMethods(names, referenceRun_, shownRun_);
  // PCK curves need the totals of an evaluation (projects before schema 2 stored none).
  const EvalResult result = resultFromRows();
  metrics_->setRun(totals_.empty() ? std::vector<PredictionSummary>{} : summarize(result), result);
  pckNote_->setVisible(totals_.empty() && !runs_.empty());
}

std::vector<Refinement> MainWindow::declaredRoles() const {
  std::vector<Refinement> all = request_.refinements;
  all.insert(all.end(), modelRefinements_.begin(), modelRefinements_.end());
  return all;
}

void MainWindow::setComparedMethods(int reference, int shown) {
  const int n = int(runs_.size());
  if (reference < 0 || reference >= n || shown < 0 || shown >= n) return;
  referenceRun_ = reference, shownRun_ = shown;
  referenceName_ = runs_[std::size_t(reference)].name, shownName_ = runs_[std::size_t(shown)].name;
  const int sample = current_;
  model_->setReference(reference);  // the delta columns: every method against the reference
  QStringList names;
  for (const RunSamples& run : runs_) names << run.name;
  overlays_->setMethods(names, referenceRun_, shownRun_);
  applyFilter();  // the filter may name delta columns that changed
  if (!selectSampleIndex(sample)) selectRow(0);
  showSample(sample);
}

void MainWindow::showStoredRuns(const std::vector<std::int64_t>& runIds) {
  extraRunIds_.clear();
  for (std::int64_t id : runIds)
    if (std::find(primaryRunIds_.begin(), primaryRunIds_.end(), id) == primaryRunIds_.end() &&
        std::find(extraRunIds_.begin(), extraRunIds_.end(), id) == extraRunIds_.end())
      extraRunIds_.push_back(id);
  const int sample = current_;
  std::vector<PredictionTotals> totals;
  std::vector<RunSamples> primary = primaryRuns(totals);
  setRunRows(std::move(primary), totals);
  if (!selectSampleIndex(sample)) selectRow(0);
}

std::vector<RunSamples> MainWindow::primaryRuns(std::vector<PredictionTotals>& totals) const {
  const auto end = std::ptrdiff_t(primaryCount_);
  totals.clear();
  if (!totals_.empty()) totals.assign(totals_.begin(), totals_.begin() + end);
  return {runs_.begin(), runs_.begin() + end};
}

bool MainWindow::selectSampleIndex(int datasetIndex) {
  for (int r = 0; datasetIndex >= 0 && r < proxy_->rowCount(); ++r)
    if (int(proxy_->index(r, SampleTableModel::IndexColumn).data().toDouble()) == datasetIndex) {
      selectRow(r);
      return true;
    }
  return false;
}

std::vector<std::int64_t> MainWindow::shownRunIds() const {
  std::vector<std::int64_t> ids = primaryRunIds_;
  ids.insert(ids.end(), extraRunIds_.begin(), extraRunIds_.end());
  return ids;
}

EvalResult MainWindow::resultFromRows() const {
  EvalResult result;
  for (const RunSamples& run : runs_) {
    const std::string name = run.name.toStdString();
    result.predictionNames.push_back(name);
    for (SampleRow row : run.rows) {
      row.pred = name;
      result.sampleCount = std::max(result.sampleCount, row.index + 1);
      result.rows.push_back(std::move(row));
    }
  }
  result.totals = totals_;
  return result;
}

void MainWindow::showSampleMetrics() {
  if (!outcome_ || current_ < 0) return;
  std::vector<std::pair<QString, SampleMetrics>> perPrediction;
  for (std::size_t r = 0; r < runs_.size(); ++r) {
    const std::vector<int>& rowOf = rowOfSample_[r];
    const int row = std::size_t(current_) < rowOf.size() ? rowOf[std::size_t(current_)] : -1;
    perPrediction.emplace_back(runs_[r].name,
                               row < 0 ? SampleMetrics{} : runs_[r].rows[std::size_t(row)].m);
  }
  metrics_->setSample(
      QString::fromStdString(outcome_->session.dataset->sampleId(std::size_t(current_))),
      perPrediction, referenceRun_, shownRun_);
}

void MainWindow::onVertexHovered(int mesh, int vertex) {
  std::optional<QPointF> marker;
  if (current_ >= 0 && mesh >= 0 && mesh < kMeshKindCount && vertex >= 0) {
    const Points& points = meshView_->scene().mesh(MeshKind(mesh));
    if (vertex < points.rows()) {
      const Eigen::Vector3d p = points.row(vertex).transpose();
      if (p.z() > 0) {  // in front of the camera
        const Eigen::Vector2d uv = intrinsics_.project(p);
        marker = QPointF(uv.x(), uv.y());
      }
    }
  }
  canvas_->setMarker(marker);
}

void MainWindow::onPixelInspected(QPoint pixel) {
  if (current_ < 0) return;
  // The refined mesh, else the ground truth: of its vertices projecting within 3 px of the pixel's
  // centre, the one nearest the camera, i.e. on the surface the cursor points at.
  MeshKind kind = MeshKind::Shown;
  if (meshView_->scene().mesh(kind).rows() == 0) kind = MeshKind::GroundTruth;
  const Points& points = meshView_->scene().mesh(kind);
  const Eigen::Vector2d centre(pixel.x(), pixel.y());
  int best = -1;
  double bestDepth = std::numeric_limits<double>::infinity();
  for (Eigen::Index v = 0; v < points.rows(); ++v) {
    const Eigen::Vector3d p = points.row(v).transpose();
    if (!(p.z() > 0) || p.z() >= bestDepth) continue;
    if ((intrinsics_.project(p) - centre).squaredNorm() <= 9.0) best = int(v), bestDepth = p.z();
  }
  const std::pair<int, int> highlight{best < 0 ? -1 : int(kind), best};
  if (meshView_->scene().highlightedVertex() != highlight)
    meshView_->highlightVertex(highlight.first, highlight.second);
}

bool MainWindow::jumpToSample(const QString& idOrIndex) {
  const QString text = idOrIndex.trimmed();
  if (text.isEmpty()) return false;
  int source = -1;
  for (int r = 0; r < model_->rowCount() && source < 0; ++r)
    if (model_->index(r, SampleTableModel::SampleColumn).data().toString() == text) source = r;
  bool isNumber = false;
  const int index = text.toInt(&isNumber);
  for (int r = 0; isNumber && r < model_->rowCount() && source < 0; ++r)
    if (int(model_->value(r, SampleTableModel::IndexColumn)) == index) source = r;
  if (source < 0) {
    showError(tr("No sample \"%1\" in the dataset").arg(text));
    return false;
  }
  QModelIndex row = proxy_->mapFromSource(model_->index(source, 0));
  if (!row.isValid()) {  // hidden by the filter
    filter_->clear();
    applyFilter();
    row = proxy_->mapFromSource(model_->index(source, 0));
    statusBar()->showMessage(tr("The filter was cleared to show sample %1").arg(text), 5000);
  }
  selectRow(row.row());
  return true;
}

void MainWindow::showJumpToSampleDialog() {
  bool ok = false;
  const QString text = QInputDialog::getText(this, tr("Jump to Sample"), tr("Sample id or index:"),
                                             QLineEdit::Normal, QString(), &ok);
  if (ok) jumpToSample(text);
}

}  // namespace handalign
