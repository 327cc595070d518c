// One stroke of the mask editor on its undo stack, named by the action ("Brush", "GrabCut", ...).
#pragma once

#include "annotation/MaskEdit.h"

#include <QUndoCommand>

namespace handalign {

class MaskEditor;

// The edit is already applied when the command is pushed: the first redo() does nothing.
class MaskEditCommand : public QUndoCommand {
 public:
  MaskEditCommand(MaskEditor* editor, MaskEdit edit, const QString& name);
  void undo() override;
  void redo() override;
  const MaskEdit& edit() const { return edit_; }

 private:
  MaskEditor* editor_;
  MaskEdit edit_;
  bool pushed_ = false;
};

}  // namespace handalign
