#include "MaskHistoryDialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace handalign {

MaskHistoryDialog::MaskHistoryDialog(const QString& sampleId,
                                     const std::vector<JournalEntry>& entries, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Mask History — Sample %1").arg(sampleId));
  auto* layout = new QVBoxLayout(this);
  list_ = new QTreeWidget(this);
  list_->setRootIsDecorated(false);
  list_->setHeaderLabels({tr("#"), tr("Time (UTC)"), tr("User"), tr("Action"), tr("Replaced")});
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {  // newest first
    const JournalEntry& e = *it;
    auto* item = new QTreeWidgetItem(list_);
    item->setText(0, QString::number(e.id));
    item->setText(1, QDateTime::fromString(QString::fromStdString(e.time), Qt::ISODateWithMs)
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    item->setText(2, QString::fromStdString(e.user));
    item->setText(3, QString::fromStdString(e.action));
    item->setText(4, !e.changesMask    ? tr("(review only)")
                     : e.hadCorrection ? tr("a correction")
                                       : tr("the dataset's mask"));
    item->setData(0, Qt::UserRole, qint64(e.id));
    item->setDisabled(!e.changesMask);
  }
  list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  layout->addWidget(list_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  restore_ = buttons->addButton(tr("Restore the Version Before"), QDialogButtonBox::ActionRole);
  restore_->setToolTip(
      tr("Roll the mask back to what it was before the selected change "
         "(the rollback is journaled too)"));
  restore_->setEnabled(false);
  connect(list_, &QTreeWidget::itemSelectionChanged, this, [this] {
    const auto items = list_->selectedItems();
    restore_->setEnabled(!items.isEmpty() && !items.front()->isDisabled());
  });
  connect(restore_, &QPushButton::clicked, this, [this] {
    chosen_ = list_->selectedItems().front()->data(0, Qt::UserRole).toLongLong();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(640, 320);
}

}  // namespace handalign
