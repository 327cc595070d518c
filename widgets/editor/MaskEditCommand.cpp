#include "MaskEditCommand.h"

#include "MaskEditor.h"

#include <utility>

namespace handalign {

MaskEditCommand::MaskEditCommand(MaskEditor* editor, MaskEdit edit, const QString& name)
    : QUndoCommand(name), editor_(editor), edit_(std::move(edit)) {}

void MaskEditCommand::undo() { editor_->applyRecord(edit_, true); }

void MaskEditCommand::redo() {
  if (!pushed_) {
    pushed_ = true;
    return;
  }
  editor_->applyRecord(edit_, false);
}

}  // namespace handalign
