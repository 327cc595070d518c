// Flood fill: the connected region under the click takes the label (right-click erases it).
#pragma once

#include "EditorTool.h"

namespace handalign {

class FloodFillTool : public EditorTool {
 public:
  using EditorTool::EditorTool;
  std::string id() const override { return "flood_fill"; }
  QString name() const override;
  QString help() const override;
  QString editName(bool erase) const override;
  QCursor cursor() const override { return Qt::PointingHandCursor; }
  bool press(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) override;
};

}  // namespace handalign
