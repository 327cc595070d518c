// Polygon fill (right-click vertices: erase): click the vertices, close on the first one, by a
// double-click or Enter; Backspace drops the last vertex.
#pragma once

#include "EditorTool.h"

#include <QPolygonF>

namespace handalign {

class PolygonTool : public EditorTool {
 public:
  using EditorTool::EditorTool;
  std::string id() const override { return "polygon"; }
  QString name() const override;
  QString help() const override;
  QString editName(bool erase) const override;
  bool press(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) override;
  bool doubleClick(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) override;
  bool key(QKeyEvent* e) override;
  bool busy() const override { return !points_.isEmpty(); }
  void cancel() override;
  void decorate(QPointF cursor) override;

 private:
  void close();
  QPolygonF points_;  // image coordinates
  bool erase_ = false;
};

}  // namespace handalign
