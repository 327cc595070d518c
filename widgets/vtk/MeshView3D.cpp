#include "MeshView3D.h"

#include <QMouseEvent>
#include <QWheelEvent>

namespace handalign {

MeshView3D::MeshView3D(QWidget* parent)
    : VtkRenderWidget(parent), scene_(std::make_unique<MeshView3DScene>(renderer())) {}

MeshView3D::~MeshView3D() = default;

void MeshView3D::setHandModel(const HandModel& model) {
  scene_->setHandModel(model);
  update();
}

void MeshView3D::setMesh(MeshKind kind, const Points& vertices) {
  scene_->setMesh(kind, vertices);
  update();
}

void MeshView3D::setMeshVisible(MeshKind kind, bool visible) {
  scene_->setMeshVisible(kind, visible);
  update();
}

void MeshView3D::setColorMode(ColorMode mode) {
  scene_->setColorMode(mode);
  update();
}

void MeshView3D::setColorRange(ColorMode mode, double lowMm, double highMm) {
  scene_->setColorRange(mode, lowMm, highMm);
  update();
}

void MeshView3D::setOffsetsVisible(bool visible) {
  scene_->setOffsetsVisible(visible);
  update();
}

void MeshView3D::setImageCamera(const Intrinsics& intrinsics, const QImage& image) {
  scene_->setImageCamera(intrinsics, image);
  update();
}

void MeshView3D::setCameraVisible(bool visible) {
  scene_->setCameraVisible(visible);
  update();
}

void MeshView3D::resetCamera() {
  cameraFromImage_ = true;
  scene_->resetCamera();
  update();
}

void MeshView3D::highlightVertex(int mesh, int vertex) {
  scene_->highlightVertex(mesh, vertex);
  update();
}

std::pair<int, int> MeshView3D::pickAt(const QPointF& widgetPos) {
  const QPointF d = widgetToDisplay(widgetPos);
  return scene_->pick(d.x(), d.y());
}

void MeshView3D::mousePressEvent(QMouseEvent* e) {
  cameraFromImage_ = false;  // the user navigates: a resize must not undo it
  VtkRenderWidget::mousePressEvent(e);
}

void MeshView3D::wheelEvent(QWheelEvent* e) {
  cameraFromImage_ = false;
  VtkRenderWidget::wheelEvent(e);
}

void MeshView3D::mouseMoveEvent(QMouseEvent* e) {
  VtkRenderWidget::mouseMoveEvent(e);
  // Picking while dragging would fire for every frame of a rotation and mean nothing.
  if (e->buttons() == Qt::NoButton) setHovered(pickAt(e->position()));
}

void MeshView3D::leaveEvent(QEvent* e) {
  VtkRenderWidget::leaveEvent(e);
  setHovered({-1, -1});
}

void MeshView3D::resizeGL(int w, int h) {
  VtkRenderWidget::resizeGL(w, h);
  if (cameraFromImage_) scene_->resetCamera();  // the fitted view angle depends on the aspect
}

void MeshView3D::setHovered(std::pair<int, int> hovered) {
  if (hovered == hovered_) return;
  hovered_ = hovered;
  Q_EMIT vertexHovered(hovered.first, hovered.second);
}

}  // namespace handalign
