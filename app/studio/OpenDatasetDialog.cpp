#include "OpenDatasetDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>

#include <algorithm>

namespace handalign {

OpenDatasetDialog::OpenDatasetDialog(QWidget* parent) : QDialog(parent) {
  datasetLabel_ = new QLabel(this);
  handModelLabel_ = new QLabel(this);
  predictionsLabel_ = new QLabel(this);
  dataset_ = new QLineEdit(this);
  handModel_ = new QLineEdit(this);
  browseDataset_ = new QPushButton(this);
  browseHandModel_ = new QPushButton(this);
  predictions_ = new QTableWidget(0, 3, this);
  predictions_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  predictions_->verticalHeader()->hide();
  predictions_->setSelectionBehavior(QAbstractItemView::SelectRows);
  add_ = new QPushButton(this);
  remove_ = new QPushButton(this);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);

  auto* grid = new QGridLayout(this);
  grid->addWidget(datasetLabel_, 0, 0);
  grid->addWidget(dataset_, 0, 1);
  grid->addWidget(browseDataset_, 0, 2);
  grid->addWidget(handModelLabel_, 1, 0);
  grid->addWidget(handModel_, 1, 1);
  grid->addWidget(browseHandModel_, 1, 2);
  grid->addWidget(predictionsLabel_, 2, 0, Qt::AlignTop);
  grid->addWidget(predictions_, 2, 1);
  auto* side = new QVBoxLayout;
  side->addWidget(add_);
  side->addWidget(remove_);
  side->addStretch();
  grid->addLayout(side, 2, 2);
  grid->addWidget(buttons_, 3, 0, 1, 3);

  connect(browseDataset_, &QPushButton::clicked, this, &OpenDatasetDialog::browseDataset);
  connect(browseHandModel_, &QPushButton::clicked, this, &OpenDatasetDialog::browseHandModel);
  connect(add_, &QPushButton::clicked, this, &OpenDatasetDialog::browsePredictions);
  connect(remove_, &QPushButton::clicked, this, [this] {
    predictions_->removeRow(predictions_->currentRow());
    updateOk();
  });
  connect(dataset_, &QLineEdit::textChanged, this, &OpenDatasetDialog::updateOk);
  connect(predictions_, &QTableWidget::itemChanged, this, &OpenDatasetDialog::updateOk);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  retranslate();
  updateOk();
  resize(720, 360);
}

void OpenDatasetDialog::retranslate() {
  setWindowTitle(tr("Open Dataset"));
  datasetLabel_->setText(tr("&Dataset folder:"));
  datasetLabel_->setBuddy(dataset_);
  handModelLabel_->setText(tr("&Hand model:"));
  handModelLabel_->setBuddy(handModel_);
  predictionsLabel_->setText(tr("Predictions:"));
  handModel_->setPlaceholderText(tr("Optional: the dataset's own hand model"));
  browseDataset_->setText(tr("Browse…"));
  browseHandModel_->setText(tr("Browse…"));
  add_->setText(tr("&Add…"));
  remove_->setText(tr("&Remove"));
  predictions_->setHorizontalHeaderLabels({tr("Name"), tr("File"), tr("Refines")});
  predictions_->setToolTip(
      tr("Each prediction file is evaluated under the name you give it. \"Refines\": the name of "
         "the prediction this one refines (its rough mesh), or empty; the studio draws the "
         "offsets ΔM between such a pair."));
}

void OpenDatasetDialog::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QDialog::changeEvent(e);
}

QString OpenDatasetDialog::defaultName(const QString& file) {
  QString stem = QFileInfo(file).completeBaseName();
  if (stem.startsWith(QLatin1String("pred_")) && stem.size() > 5) stem = stem.mid(5);
  return stem;
}

std::vector<std::pair<QString, QString>> OpenDatasetDialog::proposedPredictions(
    const QString& dataset) {
  std::vector<std::pair<QString, QString>> proposed;
  try {  // files the folder declares, in their order and under their names
    for (const DeclaredPrediction& p : readDeclaredPredictions(dataset.toStdString()))
      proposed.emplace_back(QString::fromStdString(p.name),
                            QString::fromStdString(p.file.string()));
  } catch (const std::exception&) {
    proposed.clear();  // a broken declaration: the files themselves are still proposed
  }
  if (!proposed.empty()) return proposed;
  const QStringList files = QDir(dataset).entryList({"pred*.json"}, QDir::Files, QDir::Name);
  for (const QString& f : files) proposed.emplace_back(defaultName(f), QDir(dataset).filePath(f));
  return proposed;
}

std::vector<Refinement> OpenDatasetDialog::proposedRoles(const QString& dataset) {
  try {
    return refinementsOf(readDeclaredPredictions(dataset.toStdString()));
  } catch (const std::exception&) {
    return {};
  }
}

void OpenDatasetDialog::setDataset(const QString& dir) {
  dataset_->setText(QDir::toNativeSeparators(dir));
  predictions_->setRowCount(0);
  const std::vector<Refinement> roles = proposedRoles(dir);
  for (const auto& [name, file] : proposedPredictions(dir))
    addPrediction(name, file, QString::fromStdString(refinedFrom(roles, name.toStdString())));
}

void OpenDatasetDialog::addPrediction(const QString& name, const QString& file,
                                      const QString& refines) {
  const int row = predictions_->rowCount();
  predictions_->insertRow(row);
  predictions_->setItem(row, 0, new QTableWidgetItem(name));
  auto* fileItem = new QTableWidgetItem(QDir::toNativeSeparators(file));
  fileItem->setToolTip(file);
  predictions_->setItem(row, 1, fileItem);
  predictions_->setItem(row, 2, new QTableWidgetItem(refines));
  updateOk();
}

void OpenDatasetDialog::setOpening(const DatasetOpening& opening) {
  dataset_->setText(QDir::toNativeSeparators(opening.dataset));
  handModel_->setText(QDir::toNativeSeparators(opening.handModel));
  predictions_->setRowCount(0);
  for (const auto& [name, file] : opening.predictions)
    addPrediction(name, file,
                  QString::fromStdString(refinedFrom(opening.refinements, name.toStdString())));
}

DatasetOpening OpenDatasetDialog::opening() const {
  DatasetOpening o;
  o.dataset = QDir::fromNativeSeparators(dataset_->text().trimmed());
  o.handModel = QDir::fromNativeSeparators(handModel_->text().trimmed());
  for (int r = 0; r < predictions_->rowCount(); ++r) {
    const QString file = QDir::fromNativeSeparators(predictions_->item(r, 1)->text().trimmed());
    QString name = predictions_->item(r, 0)->text().trimmed();
    if (name.isEmpty()) name = defaultName(file);
    if (file.isEmpty()) continue;
    o.predictions.emplace_back(name, file);
    const QTableWidgetItem* refines = predictions_->item(r, 2);
    if (refines && !refines->text().trimmed().isEmpty())
      o.refinements.push_back({name.toStdString(), refines->text().trimmed().toStdString()});
  }
  return o;
}

void OpenDatasetDialog::browseDataset() {
  const QString dir =
      QFileDialog::getExistingDirectory(this, tr("Choose the dataset folder"), dataset_->text());
  if (!dir.isEmpty()) setDataset(dir);
}

void OpenDatasetDialog::browseHandModel() {
  const QString file =
      QFileDialog::getOpenFileName(this, tr("Choose the hand model"), dataset_->text(),
                                   tr("Hand models (*.json);;All files (*)"));
  if (!file.isEmpty()) handModel_->setText(QDir::toNativeSeparators(file));
}

void OpenDatasetDialog::browsePredictions() {
  const QStringList files =
      QFileDialog::getOpenFileNames(this, tr("Choose prediction files"), dataset_->text(),
                                    tr("Predictions (*.json);;All files (*)"));
  for (const QString& f : files) addPrediction(defaultName(f), f);
}

void OpenDatasetDialog::updateOk() {
  bool ok = !dataset_->text().trimmed().isEmpty() && predictions_->rowCount() > 0;
  buttons_->button(QDialogButtonBox::Open)->setEnabled(ok);
}

std::optional<DatasetOpening> OpenDatasetDialog::ask(QWidget* parent) {
  OpenDatasetDialog dialog(parent);
  const std::vector<DatasetOpening> recent = RecentDatasets::load();
  if (!recent.empty()) dialog.setOpening(recent.front());
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  return dialog.opening();
}

std::optional<DatasetOpening> OpenDatasetDialog::forFolder(const QString& dir, QWidget* parent) {
  const auto predictions = proposedPredictions(dir);
  if (!predictions.empty()) return DatasetOpening{dir, {}, predictions, proposedRoles(dir)};
  OpenDatasetDialog dialog(parent);  // no prediction file in the folder: let the user name them
  dialog.setOpening({dir, {}, {}, {}});
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  return dialog.opening();
}

QString OpenDatasetDialog::droppedFolder(const QMimeData* mime) {
  if (!mime || !mime->hasUrls()) return {};
  for (const QUrl& url : mime->urls())
    if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir()) return url.toLocalFile();
  return {};
}

}  // namespace handalign
