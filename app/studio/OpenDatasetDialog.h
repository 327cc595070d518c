// "Open Dataset…": a dataset folder, an optional hand model and NAME=FILE prediction files, each
// with the prediction it refines, if any (its declared role).
#pragma once

#include "RecentDatasets.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QMimeData;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace handalign {

class OpenDatasetDialog : public QDialog {
  Q_OBJECT

 public:
  explicit OpenDatasetDialog(QWidget* parent = nullptr);

  // The prediction files of a dataset folder: those it declares (predictions.json, infer.json:
  // readDeclaredPredictions), else every pred*.json by file name, named after the file stem
  // without its "pred_" prefix. proposedRoles: the roles the folder declares (none are guessed).
  static std::vector<std::pair<QString, QString>> proposedPredictions(const QString& dataset);
  static std::vector<Refinement> proposedRoles(const QString& dataset);
  // A prediction's default name: the file stem, without a "pred_" prefix.
  static QString defaultName(const QString& file);

  // The dialog, primed with the most recent dataset; nullopt when cancelled.
  static std::optional<DatasetOpening> ask(QWidget* parent);
  // A folder dropped on the window: its prediction files (and declared roles) when it has some,
  // else the dialog to name them.
  static std::optional<DatasetOpening> forFolder(const QString& dir, QWidget* parent);
  // The first local folder among dropped URLs; empty if there is none.
  static QString droppedFolder(const QMimeData* mime);

  void setOpening(const DatasetOpening& opening);
  DatasetOpening opening() const;

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();
  void setDataset(const QString& dir);
  void addPrediction(const QString& name, const QString& file, const QString& refines = {});
  void browseDataset();
  void browseHandModel();
  void browsePredictions();
  void updateOk();

  QLabel* datasetLabel_ = nullptr;
  QLabel* handModelLabel_ = nullptr;
  QLabel* predictionsLabel_ = nullptr;
  QLineEdit* dataset_ = nullptr;
  QLineEdit* handModel_ = nullptr;
  QPushButton* browseDataset_ = nullptr;
  QPushButton* browseHandModel_ = nullptr;
  QTableWidget* predictions_ = nullptr;
  QPushButton* add_ = nullptr;
  QPushButton* remove_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace handalign
