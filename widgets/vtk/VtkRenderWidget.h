// A Qt 6 QOpenGLWidget hosting a VTK render window, renderer and trackball interactor.
#pragma once

#include <QImage>
#include <QOpenGLWidget>
#include <QPointF>

#include <vtkSmartPointer.h>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkObject;
class vtkRenderer;

namespace handalign {

// Debian's QVTKOpenGLNativeWidget is built against Qt 5, so this re-implements its mechanism:
// VTK renders into its own framebuffer inside paintGL, which is then blitted into Qt's.
class VtkRenderWidget : public QOpenGLWidget {
  Q_OBJECT

 public:
  explicit VtkRenderWidget(QWidget* parent = nullptr);
  ~VtkRenderWidget() override;

  vtkRenderer* renderer() const;
  vtkGenericOpenGLRenderWindow* renderWindow() const;
  vtkGenericRenderWindowInteractor* interactor() const;

  // Renders now and returns the view (device pixels).
  QImage renderToImage();
  // VTK display coordinates (device pixels, origin bottom-left) <-> widget coordinates.
  QPointF displayToWidget(double x, double y) const;
  QPointF widgetToDisplay(const QPointF& p) const;

 protected:
  void initializeGL() override;
  void resizeGL(int w, int h) override;
  void paintGL() override;

  void mousePressEvent(QMouseEvent* e) override;
  void mouseReleaseEvent(QMouseEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void mouseDoubleClickEvent(QMouseEvent* e) override;
  void wheelEvent(QWheelEvent* e) override;
  void keyPressEvent(QKeyEvent* e) override;
  void keyReleaseEvent(QKeyEvent* e) override;
  void enterEvent(QEnterEvent* e) override;
  void leaveEvent(QEvent* e) override;

 private:
  void onMakeCurrent(vtkObject*, unsigned long, void*);
  void onIsCurrent(vtkObject*, unsigned long, void* callData);
  void onRenderRequest(vtkObject*, unsigned long, void*);
  void cleanupGL();
  // Copies position and modifiers of a Qt event into the interactor (scaled to device pixels).
  void setEventInformation(const QPointF& pos, Qt::KeyboardModifiers mods, int repeat = 0);

  vtkSmartPointer<vtkGenericOpenGLRenderWindow> window_;
  vtkSmartPointer<vtkRenderer> renderer_;
  vtkSmartPointer<vtkGenericRenderWindowInteractor> interactor_;
  unsigned long observerIds_[3] = {0, 0, 0};
  bool glReady_ = false;
};

}  // namespace handalign
