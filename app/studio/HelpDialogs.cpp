#include "HelpDialogs.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace handalign {

void showShortcutsDialog(QWidget* window) {
  QDialog dialog(window);
  dialog.setWindowTitle(QCoreApplication::translate("HelpDialogs", "Keyboard Shortcuts"));
  auto* table = new QTableWidget(0, 2, &dialog);
  table->setHorizontalHeaderLabels({QCoreApplication::translate("HelpDialogs", "Action"),
                                    QCoreApplication::translate("HelpDialogs", "Keys")});
  table->horizontalHeader()->setStretchLastSection(true);
  table->verticalHeader()->hide();
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  std::set<QString> seen;  // an action in a menu and a tool bar is listed once
  for (QAction* a : window->findChildren<QAction*>()) {
    if (a->shortcut().isEmpty() || a->text().isEmpty()) continue;
    const QString name = a->text().remove('&');
    const QString keys = a->shortcut().toString(QKeySequence::NativeText);
    if (!seen.insert(name + keys).second) continue;
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(name));
    table->setItem(row, 1, new QTableWidgetItem(keys));
  }
  table->sortItems(0);
  table->resizeColumnsToContents();
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(table);
  layout->addWidget(buttons);
  dialog.resize(560, 600);
  dialog.exec();
}

QString documentationFile() {
  const QDir bin(QCoreApplication::applicationDirPath());
  const QStringList candidates = {
      bin.filePath("../share/doc/handalign-studio/README.md"),
#ifdef HANDALIGN_SOURCE_DIR
      QStringLiteral(HANDALIGN_SOURCE_DIR "/README.md"),
#endif
  };
  for (const QString& c : candidates)
    if (QFileInfo(c).isFile()) return QFileInfo(c).canonicalFilePath();
  return {};
}

}  // namespace handalign
