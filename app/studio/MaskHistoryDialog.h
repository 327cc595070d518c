// The journal of one sample's mask: who changed it, when and how; any version can be rolled back.
#pragma once

#include "project/JournalTypes.h"

#include <QDialog>

#include <cstdint>
#include <vector>

class QPushButton;
class QTreeWidget;

namespace handalign {

class MaskHistoryDialog : public QDialog {
  Q_OBJECT

 public:
  MaskHistoryDialog(const QString& sampleId, const std::vector<JournalEntry>& entries,
                    QWidget* parent = nullptr);
  // The entry chosen for "Restore the Version Before", or 0.
  std::int64_t chosenEntry() const { return chosen_; }

 private:
  QTreeWidget* list_ = nullptr;
  QPushButton* restore_ = nullptr;
  std::int64_t chosen_ = 0;
};

}  // namespace handalign
