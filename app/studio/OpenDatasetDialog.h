// "Open Dataset…": a dataset folder, an optional hand model and NAME=FILE prediction files, each
// with the prediction it refines, if any (its declared role).
#pragma once

#include "RecentDatasets.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace handalign {

class OpenDatasetDialog : public QDialog {
  Q_OBJECT

 public:
  explicit OpenDatasetDialog(QWidget* parent = nullptr);

  // The prediction files found in a dataset folder (pred_rough.json, pred_refined.json, other
  // pred*.json), named after the file stem without its "pred_" prefix; rough before refined.
  static std::vector<std::pair<QString, QString>> proposedPredictions(const QString& dataset);
  // A prediction's default name: the file stem, without a "pred_" prefix.
  static QString defaultName(const QString& file);

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
