// The stored-runs dialog: one checkable row per run (prediction, file, date, samples, conventions).
#include "StoredRunsDialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace handalign {
namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

StoredRunsDialog::StoredRunsDialog(ProjectStore& store, std::vector<StoredRun> runs,
                                   const std::set<std::int64_t>& shown, QWidget* parent)
    : QDialog(parent), store_(store) {
  setWindowTitle(tr("Compare Stored Runs"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(
      tr("Runs evaluated earlier on this dataset. Checked runs are shown side by side in the "
         "sample browser and the metrics dock."),
      this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  list_ = new QTreeWidget(this);
  list_->setRootIsDecorated(false);
  list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  list_->setHeaderLabels({tr("Prediction"), tr("Role"), tr("File"), tr("Evaluated (UTC)"),
                          tr("Samples"), tr("Split")});
  for (const StoredRun& run : runs) {
    auto* item = new QTreeWidgetItem(list_);
    item->setText(0, QString::fromStdString(run.name));
    // The role declared when it was evaluated (stored with the run, schema 3).
    item->setText(1, run.role == PredictionRole::Refined
                         ? tr("refines %1").arg(QString::fromStdString(run.refines))
                     : run.role == PredictionRole::Rough ? tr("rough")
                                                         : QString());
    const QString file = QString::fromStdString(run.predictionFile);
    item->setText(2, QFileInfo(file).fileName());
    item->setToolTip(2, file);
    item->setText(3, QDateTime::fromString(QString::fromStdString(run.createdAt), Qt::ISODate)
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    item->setText(4, QString::number(run.sampleCount));
    item->setText(5, QString::fromStdString(run.split));
    item->setToolTip(0, QString::fromStdString(run.optionsJson));
    item->setData(0, kIdRole, qint64(run.id));
    item->setCheckState(0, shown.count(run.id) ? Qt::Checked : Qt::Unchecked);
  }
  list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  layout->addWidget(list_);

  auto* buttons = new QDialogButtonBox(this);
  show_ = buttons->addButton(tr("Show Side by Side"), QDialogButtonBox::AcceptRole);
  delete_ = buttons->addButton(tr("Delete Selected…"), QDialogButtonBox::ActionRole);
  delete_->setToolTip(tr("Remove the selected runs from the project (prediction files stay)"));
  buttons->addButton(QDialogButtonBox::Cancel);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(delete_, &QPushButton::clicked, this, &StoredRunsDialog::deleteSelected);
  connect(list_, &QTreeWidget::itemSelectionChanged, this, &StoredRunsDialog::updateButtons);
  layout->addWidget(buttons);
  updateButtons();
  resize(720, 360);
}

std::vector<std::int64_t> StoredRunsDialog::checkedRuns() const {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < list_->topLevelItemCount(); ++i) {
    const QTreeWidgetItem* item = list_->topLevelItem(i);
    if (item->checkState(0) == Qt::Checked) ids.push_back(item->data(0, kIdRole).toLongLong());
  }
  return ids;
}

void StoredRunsDialog::updateButtons() { delete_->setEnabled(!list_->selectedItems().isEmpty()); }

void StoredRunsDialog::deleteSelected() {
  const QList<QTreeWidgetItem*> items = list_->selectedItems();
  if (items.isEmpty()) return;
  if (QMessageBox::question(this, windowTitle(),
                            tr("Delete %n stored run(s) from the project?", nullptr,
                               int(items.size()))) != QMessageBox::Yes)
    return;
  for (QTreeWidgetItem* item : items) {
    const std::int64_t id = item->data(0, kIdRole).toLongLong();
    try {
      store_.deleteRun(id);
    } catch (const std::exception& e) {
      QMessageBox::warning(this, windowTitle(), QString::fromStdString(e.what()));
      return;
    }
    deleted_.push_back(id);
    delete item;
  }
}

}  // namespace handalign
