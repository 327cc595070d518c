// One mask-editing tool of the canvas (3D Slicer's segment-editor effects, MeshLab's EditPlugin):
// its stable id (the project's resume point; equal to MaskEditor::toolId, a test checks it), name,
// help, cursor, its input and the guides it draws. MaskEditor owns one of each (tools/) and
// forwards the canvas's events to the active one. A new tool: a class in tools/, its Tool value and
// id, a line in MaskEditor's table and a friend line (docs/architecture.md).
#pragma once

#include "annotation/MaskOps.h"

#include <QCursor>
#include <QPointF>
#include <QString>

#include <string>

class QKeyEvent;

namespace handalign {

class ImageCanvas;
class MaskEditor;

class EditorTool {
 public:
  explicit EditorTool(MaskEditor& editor) : editor_(editor) {}
  virtual ~EditorTool() = default;
  EditorTool(const EditorTool&) = delete;
  EditorTool& operator=(const EditorTool&) = delete;

  virtual std::string id() const = 0;  // "brush", "polygon", …: stored, never renamed
  virtual QString name() const = 0;    // in the interface language
  virtual QString help() const = 0;    // the action's tooltip
  // The undo record's name of an edit (`erase`: the right button or the eraser).
  virtual QString editName(bool) const { return name(); }
  virtual QCursor cursor() const { return Qt::CrossCursor; }
  virtual bool showsBrushRing() const { return false; }

  // Input in image coordinates (pixel edges at integers). press: false to leave the event to the
  // canvas (it pans and zooms); `erase` is the right button.
  virtual bool press(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) = 0;
  virtual void move(ImagePoint) {}
  virtual bool release(ImagePoint) { return false; }
  virtual bool doubleClick(ImagePoint p, bool erase, Qt::KeyboardModifiers modifiers) {
    return press(p, erase, modifiers);
  }
  virtual bool key(QKeyEvent*) { return false; }

  virtual bool busy() const { return false; }  // a gesture in progress
  virtual void finish() { cancel(); }          // another tool is chosen: keep what the gesture did
  virtual void cancel() {}                     // Esc, undo, another sample: drop the gesture
  // The guides over the canvas at the cursor: brush ring, rubber band.
  virtual void decorate(QPointF cursor);

 protected:
  MaskEditor& editor_;
  ImageCanvas& canvas() const;
  double radius() const;  // the brush's, in image pixels
};

}  // namespace handalign
