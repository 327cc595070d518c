#include "EditorTool.h"

#include "MaskEditor.h"
#include "canvas/ImageCanvas.h"

namespace handalign {

ImageCanvas& EditorTool::canvas() const { return *editor_.canvas(); }
double EditorTool::radius() const { return editor_.brushSize() / 2.0; }

void EditorTool::decorate(QPointF cursor) {
  canvas().setBrushCursor(showsBrushRing() ? std::optional<QPointF>(cursor) : std::nullopt,
                          radius());
}

}  // namespace handalign
