// GrabCut: drag a rough stroke over the object (or a box: the toolbar's Box, or Shift+drag) and
// OpenCV's GrabCut finds it; right-drag erases what it finds.
#pragma once

#include "EditorTool.h"

#include <QPolygonF>

namespace handalign {

class GrabCutTool : public EditorTool {
 public:
  using EditorTool::EditorTool;
  std::string id() const override { return "grabcut"; }
  QString name() const override;
  QString help() const override;
  QString editName(bool erase) const override;
  bool showsBrushRing() const override;
  bool press(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) override;
  void move(ImagePoint p) override;
  bool release(ImagePoint p) override;
  bool busy() const override { return dragging_; }
  void cancel() override;
  void decorate(QPointF cursor) override;

 private:
  void run(QPointF end);
  QPolygonF points_;  // the stroke, or the box's corners (image coordinates)
  bool dragging_ = false, erase_ = false, box_ = false;
};

}  // namespace handalign
