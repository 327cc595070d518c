// The studio's main window: sample browser, image canvas and 3D view over one evaluated dataset.
#pragma once

#include "eval/EvalSession.h"

#include <QMainWindow>
#include <QStringList>

#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace handalign {

class EvaluationJob;
class ImageCanvas;
class MeshView3D;
class ProjectStore;
class SampleFilterProxy;
class SampleTableModel;
struct EvalOutcome;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a dataset with prediction files and evaluates them in the background; `sample` (a
  // sample id) is selected once results are there.
  void openDataset(const QString& dataset,
                   const std::vector<std::pair<QString, QString>>& predictions,
                   const QString& sample = {});
  // The dataset sample shown (-1: none).
  int currentSample() const { return current_; }
  const SampleTableModel* sampleModel() const { return model_; }
  ImageCanvas* canvas() const { return canvas_; }
  MeshView3D* meshView() const { return meshView_; }

 public Q_SLOTS:
  void showSample(int datasetIndex);
  void nextSample();
  void previousSample();

 Q_SIGNALS:
  void evaluationFinished();
  void evaluationFailed(const QString& message);

 protected:
  void closeEvent(QCloseEvent* e) override;

 private:
  void buildActions();
  void buildDocks();
  void startEvaluation();
  void onEvaluated(std::shared_ptr<EvalOutcome> outcome);
  void applyFilter();
  void selectRow(int proxyRow);
  void showError(const QString& message);
  std::filesystem::path projectFileFor(const QString& dataset) const;

  ImageCanvas* canvas_ = nullptr;
  MeshView3D* meshView_ = nullptr;
  QTableView* table_ = nullptr;
  QLineEdit* filter_ = nullptr;
  SampleTableModel* model_ = nullptr;
  SampleFilterProxy* proxy_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QLabel* inspector_ = nullptr;

  EvalRequest request_;
  QString pendingSample_;
  std::unique_ptr<EvaluationJob> job_;
  std::shared_ptr<EvalOutcome> outcome_;
  std::unique_ptr<ProjectStore> store_;
  int current_ = -1;
};

}  // namespace handalign
