#include "tools/FromMeshTool.h"

#include "MaskEditor.h"

namespace handalign {

QString FromMeshTool::name() const { return MaskEditor::tr("From mesh"); }

QString FromMeshTool::help() const {
  return MaskEditor::tr(
      "Click to take the chosen mesh's rendered silhouette (or the network's segmentation) as the "
      "proposal");
}

bool FromMeshTool::press(ImagePoint, bool erase, Qt::KeyboardModifiers) {
  editor_.applyMeshProposal(editor_.meshSource(), erase);
  return true;
}

}  // namespace handalign
