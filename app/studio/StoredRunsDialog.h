// Lists the evaluation runs stored in the project for the open dataset; the chosen ones are shown
// side by side in the browser and the metrics dock, and unwanted ones can be deleted.
#pragma once

#include "project/ProjectStore.h"

#include <QDialog>

#include <cstdint>
#include <set>
#include <vector>

class QTreeWidget;
class QPushButton;

namespace handalign {

class StoredRunsDialog : public QDialog {
  Q_OBJECT

 public:
  // `runs`: the project's runs of this dataset; `shown`: ids already in the browser (pre-checked).
  StoredRunsDialog(ProjectStore& store, std::vector<StoredRun> runs,
                   const std::set<std::int64_t>& shown, QWidget* parent = nullptr);
  // Ids of the checked runs, in list order (oldest first).
  std::vector<std::int64_t> checkedRuns() const;
  // Ids deleted while the dialog was open.
  const std::vector<std::int64_t>& deletedRuns() const { return deleted_; }

 private:
  void deleteSelected();
  void updateButtons();

  ProjectStore& store_;
  QTreeWidget* list_ = nullptr;
  QPushButton* show_ = nullptr;
  QPushButton* delete_ = nullptr;
  std::vector<std::int64_t> deleted_;
};

}  // namespace handalign
