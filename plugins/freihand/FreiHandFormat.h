// Dataset plugin for FreiHAND's published layout (and the synthetic data `handalign synth` writes).
#pragma once

#include "dataset/DatasetFormat.h"

#include <QObject>

namespace handalign {

class FreiHandFormat : public QObject, public DatasetFormat {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID HandAlignDatasetFormat_iid FILE "freihand.json")
  Q_INTERFACES(handalign::DatasetFormat)

 public:
  std::string id() const override { return "freihand"; }
  std::string description() const override;
  bool canOpen(const std::filesystem::path& root) const override;
  // "training", "evaluation" where their *_K.json exist; "training:1".."training:3" for the other
  // three image versions of the training set (file id = id + 32560·k) when present.
  std::vector<std::string> splits(const std::filesystem::path& root) const override;
  std::unique_ptr<Dataset> open(const std::filesystem::path& root, const std::string& split,
                                int threads) const override;
};

}  // namespace handalign
