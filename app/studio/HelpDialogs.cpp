#include "HelpDialogs.h"

#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QTableWidget>
#include <QUrl>
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

QString openDocumentation() {
  const QString file = documentationFile();
  if (file.isEmpty())
    return QCoreApplication::translate("HelpDialogs", "The documentation is not installed");
  if (!QDesktopServices::openUrl(QUrl::fromLocalFile(file)))
    return QCoreApplication::translate("HelpDialogs", "No program opens %1").arg(file);
  return {};
}

void showAboutDialog(QWidget* window) {
  QMessageBox::about(
      window, QCoreApplication::translate("HelpDialogs", "About HandAlign Studio"),
      QCoreApplication::translate(
          "HelpDialogs",
          "<b>HandAlign Studio</b> %1<br>Hand- and finger-level alignment of 3D hand meshes: "
          "mIoU, HD95 and FreiHAND's 3D metrics, sample by sample.")
          .arg(QCoreApplication::applicationVersion()));
}

}  // namespace handalign
