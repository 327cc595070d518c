// Brush and eraser: round dabs along the stroke; a stroke is one undo record.
#pragma once

#include "EditorTool.h"

namespace handalign {

class BrushTool : public EditorTool {
 public:
  BrushTool(MaskEditor& editor, bool eraser) : EditorTool(editor), eraser_(eraser) {}
  std::string id() const override { return eraser_ ? "eraser" : "brush"; }
  QString name() const override;
  QString help() const override;
  QString editName(bool erase) const override;
  bool showsBrushRing() const override { return true; }
  bool press(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) override;
  void move(ImagePoint p) override;
  bool release(ImagePoint p) override;
  bool busy() const override { return painting_; }
  void finish() override;
  void cancel() override;

 private:
  bool eraser_;
  bool painting_ = false, erase_ = false;
  ImagePoint last_;
};

}  // namespace handalign
