// From mesh: the chosen mesh's rendered silhouette becomes the proposal (right-click erases).
#pragma once

#include "EditorTool.h"

namespace handalign {

class FromMeshTool : public EditorTool {
 public:
  using EditorTool::EditorTool;
  std::string id() const override { return "from_mesh"; }
  QString name() const override;
  QString help() const override;
  bool press(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) override;
};

}  // namespace handalign
