// The studio's 3D view: reference, shown and GT hand meshes coloured by part, offset or error,
// offset glyphs, the image camera with its image, and vertex hover / highlight.
#pragma once

#include "MeshView3DScene.h"
#include "VtkRenderWidget.h"

#include <memory>

namespace handalign {

class MeshView3D : public VtkRenderWidget {
  Q_OBJECT

 public:
  explicit MeshView3D(QWidget* parent = nullptr);
  ~MeshView3D() override;

  // All setters repaint; the scene is also reachable for what the widget does not wrap.
  MeshView3DScene& scene() { return *scene_; }
  void setHandModel(const HandModel& model);
  void setMesh(MeshKind kind, const Points& vertices);
  void setMeshVisible(MeshKind kind, bool visible);
  void setColorMode(ColorMode mode);
  void setColorRange(ColorMode mode, double lowMm, double highMm);
  void setOffsetsVisible(bool visible);
  void setImageCamera(const Intrinsics& intrinsics, const QImage& image);
  void setCameraVisible(bool visible);
  void resetCamera();

  // (mesh, vertex) under a widget position, or (-1, -1).
  std::pair<int, int> pickAt(const QPointF& widgetPos);

 public Q_SLOTS:
  // Marks a vertex with a small sphere; (-1, -1) clears it. Emits nothing (no feedback loop
  // with the image canvas, which calls this when its cursor moves).
  void highlightVertex(int mesh, int vertex);

 Q_SIGNALS:
  // The vertex under the cursor changed; (-1, -1) when the cursor left the meshes.
  void vertexHovered(int mesh, int vertex);

 protected:
  void mousePressEvent(QMouseEvent* e) override;
  void wheelEvent(QWheelEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void leaveEvent(QEvent* e) override;
  void resizeGL(int w, int h) override;

 private:
  void setHovered(std::pair<int, int> hovered);

  std::unique_ptr<MeshView3DScene> scene_;
  std::pair<int, int> hovered_{-1, -1};
  bool cameraFromImage_ = true;  // keep the image framing on resize until the user moves
};

}  // namespace handalign
