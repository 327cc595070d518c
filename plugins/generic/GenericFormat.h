// Dataset plugin for a simple generic layout: one JSON per sample with K, joints and vertices.
#pragma once

#include "dataset/DatasetFormat.h"

#include <QObject>

namespace handalign {

// ROOT/dataset.json                     {"format": "handalign.generic_dataset", "version": 1,
//                                        "hand_model": "hand_model.json" (optional)}
// ROOT/<split>/annotations/<id>.json    {"K": 3×3, "joints": 21×3 (optional),
//                                        "vertices": V×3 (optional),
//                                        "hand": "left" | "right" (optional, default right)}
// ROOT/<split>/images/<id>.jpg|.png     the sample image
// ROOT/<split>/masks/<id>.png|.jpg      optional hand mask (>= 128 is hand)
// Units: metres, camera frame; joints in FreiHAND order. Samples are ordered by id.
class GenericFormat : public QObject, public DatasetFormat {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID HandAlignDatasetFormat_iid FILE "generic.json")
  Q_INTERFACES(handalign::DatasetFormat)

 public:
  std::string id() const override { return "generic"; }
  std::string description() const override;
  bool canOpen(const std::filesystem::path& root) const override;
  std::vector<std::string> splits(const std::filesystem::path& root) const override;
  std::unique_ptr<Dataset> open(const std::filesystem::path& root, const std::string& split,
                                int threads) const override;
};

}  // namespace handalign
