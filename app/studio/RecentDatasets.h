// The "Open Recent" list: datasets with their hand model and prediction files, kept in QSettings.
#pragma once

#include "dataset/Predictions.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <utility>
#include <vector>

class QMenu;

namespace handalign {

// What is needed to open a dataset again.
struct DatasetOpening {
  QString dataset;
  QString handModel;                                     // empty: the dataset's own
  std::vector<std::pair<QString, QString>> predictions;  // name, file
  std::vector<Refinement> refinements;                   // declared roles
};

// QSettings `Studio/RecentDatasets`: most recent first, at most kMax entries, one per folder.
class RecentDatasets {
 public:
  static constexpr int kMax = 8;
  static constexpr const char* kKey = "Studio/RecentDatasets";

  static std::vector<DatasetOpening> load();
  static void save(const std::vector<DatasetOpening>& entries);
  // Puts `opening` first (replacing an entry for the same folder) and saves.
  static void add(const DatasetOpening& opening);
  // Drops entries whose folder no longer exists; returns the folders dropped.
  static QStringList pruneMissing();
  // Fills File → Open Recent: one action per entry (calling `open`), then Clear List.
  static void fillMenu(QMenu* menu, const std::function<void(const DatasetOpening&)>& open);
};

}  // namespace handalign
