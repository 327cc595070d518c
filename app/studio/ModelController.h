// Models in the studio (the Model menu): open a checkpoint with its manifest (checked at once,
// recent ones remembered) and run it in the background on the current sample or the whole
// dataset; its meshes become runs like any prediction file, with the manifest's declared roles.
#pragma once

#include "RecentDatasets.h"

#include <QObject>
#include <QString>

#include <filesystem>
#include <functional>
#include <memory>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace handalign {

class InferenceJob;
class StudioSession;
struct InferenceOutcome;

class ModelController : public QObject {
  Q_OBJECT
 public:
  ModelController(StudioSession* session, QWidget* dialogParent);
  ~ModelController() override;

  void buildMenu(QMenuBar* bar);
  void retranslate();

  // Checks the manifest (and that its checkpoint is a file) before anything runs: a prediction
  // file or a broken manifest gets a dialog here, not at F6. False when refused.
  bool openModel(const QString& file);
  QString modelFile() const { return modelFile_; }
  // Runs on `sample` (scored at once) or, with `sample` < 0, on the whole dataset (prediction
  // files beside the project, then evaluated like any prediction file).
  bool run(int sample);
  void cancel();
  bool isRunning() const;

 Q_SIGNALS:
  void started(const QString& what);
  void progress(qint64 done, qint64 total);
  void finished();
  void failed(const QString& message);
  void cancelled();
  void message(const QString& text, int ms);
  void error(const QString& message);
  // A whole-dataset run wrote its files: the dataset opens again with them.
  void reopenWith(const QString& sampleToShow);

 private:
  void showOpenDialog();
  void rebuildRecentMenu();
  void onFinished(std::shared_ptr<InferenceOutcome> outcome);

  StudioSession* session_;
  QWidget* parent_;
  QString modelFile_;
  std::unique_ptr<InferenceJob> job_;
  int sample_ = -1;
  std::filesystem::path dataset_;  // the dataset the run was made for
  QMenu* menu_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QAction* openAction_ = nullptr;
  QAction* runSampleAction_ = nullptr;
  QAction* runDatasetAction_ = nullptr;

 public:
  QAction* runSampleAction() const { return runSampleAction_; }
  QAction* runDatasetAction() const { return runDatasetAction_; }
  std::function<int()> currentSample;  // the sample shown (-1: none), set by the window
  // After reopenWith: the dataset with the model's prediction files and roles added.
  const DatasetOpening& pendingOpening() const { return pendingOpening_; }

 private:
  DatasetOpening pendingOpening_;
};

}  // namespace handalign
