#include "tools/FloodFillTool.h"

#include "MaskEditor.h"

#include <cmath>

namespace handalign {

QString FloodFillTool::name() const { return MaskEditor::tr("Flood fill"); }

QString FloodFillTool::help() const {
  return MaskEditor::tr("Fill the connected region under the click; right-click erases it");
}

QString FloodFillTool::editName(bool erase) const {
  return erase ? MaskEditor::tr("Flood erase") : MaskEditor::tr("Flood fill");
}

bool FloodFillTool::press(ImagePoint p, bool erase, Qt::KeyboardModifiers) {
  const int x = int(std::floor(p.x)), y = int(std::floor(p.y));
  MaskAnnotation& mask = editor_.mask_;
  if (x < 0 || y < 0 || x >= mask.width() || y >= mask.height()) return true;
  const MaskBrush b = editor_.brush(erase);
  editor_.beginEdit(b);
  editor_.commitEdit(editName(erase), floodFill(mask, x, y, b));
  return true;
}

}  // namespace handalign
