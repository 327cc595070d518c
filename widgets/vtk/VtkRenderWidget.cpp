#include "VtkRenderWidget.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>  // also brings the GL enums (no GLEW: it must not follow gl.h)
#include <QWheelEvent>

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

#include <cmath>

namespace handalign {

VtkRenderWidget::VtkRenderWidget(QWidget* parent)
    : QOpenGLWidget(parent),
      window_(vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New()),
      renderer_(vtkSmartPointer<vtkRenderer>::New()),
      interactor_(vtkSmartPointer<vtkGenericRenderWindowInteractor>::New()) {
  setMouseTracking(true);  // hover picking needs moves without a pressed button
  setFocusPolicy(Qt::StrongFocus);

  window_->AddRenderer(renderer_);
  // Qt owns the context and the default framebuffer; VTK renders only inside paintGL.
  window_->SetOwnContext(false);
  window_->SetReadyForRendering(false);
  window_->SetFrameBlitModeToNoBlit();
  window_->SetMultiSamples(0);
  observerIds_[0] = window_->AddObserver(vtkCommand::WindowMakeCurrentEvent, this,
                                         &VtkRenderWidget::onMakeCurrent);
  observerIds_[1] =
      window_->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkRenderWidget::onIsCurrent);

  vtkNew<vtkInteractorStyleTrackballCamera> style;
  interactor_->SetInteractorStyle(style);
  interactor_->SetRenderWindow(window_);
  // The interactor asks for renders through RenderEvent; they become Qt repaints.
  interactor_->EnableRenderOff();
  observerIds_[2] =
      interactor_->AddObserver(vtkCommand::RenderEvent, this, &VtkRenderWidget::onRenderRequest);
  interactor_->Initialize();
}

VtkRenderWidget::~VtkRenderWidget() {
  // The context outlives this part of the object: its aboutToBeDestroyed must not call back here.
  if (context()) disconnect(context(), nullptr, this, nullptr);
  cleanupGL();
  window_->RemoveObserver(observerIds_[0]);
  window_->RemoveObserver(observerIds_[1]);
  interactor_->RemoveObserver(observerIds_[2]);
}

vtkRenderer* VtkRenderWidget::renderer() const { return renderer_; }
vtkGenericOpenGLRenderWindow* VtkRenderWidget::renderWindow() const { return window_; }
vtkGenericRenderWindowInteractor* VtkRenderWidget::interactor() const { return interactor_; }

QImage VtkRenderWidget::renderToImage() { return grabFramebuffer(); }

QPointF VtkRenderWidget::displayToWidget(double x, double y) const {
  const double dpr = devicePixelRatioF();
  const int deviceHeight = static_cast<int>(std::lround(height() * dpr));
  return {x / dpr, (deviceHeight - 1 - y) / dpr};
}

QPointF VtkRenderWidget::widgetToDisplay(const QPointF& p) const {
  const double dpr = devicePixelRatioF();
  const int deviceHeight = static_cast<int>(std::lround(height() * dpr));
  return {p.x() * dpr, deviceHeight - 1 - p.y() * dpr};
}

void VtkRenderWidget::initializeGL() {
  // A new context (first show, or a reparent) needs VTK's GL resources rebuilt.
  if (glReady_) cleanupGL();
  window_->OpenGLInitContext();
  glReady_ = true;
  connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &VtkRenderWidget::cleanupGL,
          Qt::UniqueConnection);
}

void VtkRenderWidget::resizeGL(int w, int h) {
  const double dpr = devicePixelRatioF();
  const int dw = static_cast<int>(std::lround(w * dpr));
  const int dh = static_cast<int>(std::lround(h * dpr));
  window_->SetSize(dw, dh);
  interactor_->UpdateSize(dw, dh);
}

void VtkRenderWidget::paintGL() {
  if (!glReady_) return;
  const double dpr = devicePixelRatioF();
  const int dw = static_cast<int>(std::lround(width() * dpr));
  const int dh = static_cast<int>(std::lround(height() * dpr));
  if (window_->GetSize()[0] != dw || window_->GetSize()[1] != dh) resizeGL(width(), height());

  // VTK caches GL state; Qt changed it since the last frame, so re-read it and restore it after.
  vtkOpenGLState* state = window_->GetState();
  state->Reset();
  state->Push();
  state->vtkglDepthFunc(GL_LEQUAL);  // Qt leaves GL_LESS; VTK expects GL_LEQUAL
  window_->SetReadyForRendering(true);
  window_->Render();
  window_->SetReadyForRendering(false);
  state->Pop();

  // Rendering may have made another context current (progress events); take ours back.
  makeCurrent();
  state->PushFramebufferBindings();
  state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
  state->vtkglViewport(0, 0, dw, dh);
  state->vtkglScissor(0, 0, dw, dh);
  window_->BlitDisplayFramebuffer(0, 0, 0, dw, dh, 0, 0, dw, dh, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  // Qt composes the widget with its alpha: force it opaque whatever VTK left there.
  state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
  state->vtkglClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  context()->functions()->glClear(GL_COLOR_BUFFER_BIT);
  state->vtkglColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  state->PopFramebufferBindings();
}

void VtkRenderWidget::cleanupGL() {
  if (!glReady_) return;
  makeCurrent();
  window_->ReleaseGraphicsResources(window_);
  doneCurrent();
  glReady_ = false;
}

void VtkRenderWidget::onMakeCurrent(vtkObject*, unsigned long, void*) {
  if (context() && QOpenGLContext::currentContext() != context()) makeCurrent();
}

void VtkRenderWidget::onIsCurrent(vtkObject*, unsigned long, void* callData) {
  *static_cast<bool*>(callData) = context() && QOpenGLContext::currentContext() == context();
}

void VtkRenderWidget::onRenderRequest(vtkObject*, unsigned long, void*) { update(); }

void VtkRenderWidget::setEventInformation(const QPointF& pos, Qt::KeyboardModifiers mods,
                                          int repeat) {
  const QPointF d = widgetToDisplay(pos);
  interactor_->SetEventInformation(
      static_cast<int>(std::lround(d.x())), static_cast<int>(std::lround(d.y())),
      (mods & Qt::ControlModifier) ? 1 : 0, (mods & Qt::ShiftModifier) ? 1 : 0, 0, repeat);
  interactor_->SetAltKey((mods & Qt::AltModifier) ? 1 : 0);
}

static unsigned long pressEventOf(Qt::MouseButton b) {
  switch (b) {
    case Qt::LeftButton:
      return vtkCommand::LeftButtonPressEvent;
    case Qt::MiddleButton:
      return vtkCommand::MiddleButtonPressEvent;
    case Qt::RightButton:
      return vtkCommand::RightButtonPressEvent;
    default:
      return vtkCommand::NoEvent;
  }
}

static unsigned long releaseEventOf(Qt::MouseButton b) {
  switch (b) {
    case Qt::LeftButton:
      return vtkCommand::LeftButtonReleaseEvent;
    case Qt::MiddleButton:
      return vtkCommand::MiddleButtonReleaseEvent;
    case Qt::RightButton:
      return vtkCommand::RightButtonReleaseEvent;
    default:
      return vtkCommand::NoEvent;
  }
}

void VtkRenderWidget::mousePressEvent(QMouseEvent* e) {
  setEventInformation(e->position(), e->modifiers());
  if (const unsigned long id = pressEventOf(e->button())) interactor_->InvokeEvent(id, e);
  e->accept();
}

void VtkRenderWidget::mouseDoubleClickEvent(QMouseEvent* e) {
  setEventInformation(e->position(), e->modifiers(), 1);
  if (const unsigned long id = pressEventOf(e->button())) interactor_->InvokeEvent(id, e);
  e->accept();
}

void VtkRenderWidget::mouseReleaseEvent(QMouseEvent* e) {
  setEventInformation(e->position(), e->modifiers());
  if (const unsigned long id = releaseEventOf(e->button())) interactor_->InvokeEvent(id, e);
  e->accept();
}

void VtkRenderWidget::mouseMoveEvent(QMouseEvent* e) {
  setEventInformation(e->position(), e->modifiers());
  interactor_->InvokeEvent(vtkCommand::MouseMoveEvent, e);
  e->accept();
}

void VtkRenderWidget::wheelEvent(QWheelEvent* e) {
  setEventInformation(e->position(), e->modifiers());
  const int dy = e->angleDelta().y();
  if (dy > 0) interactor_->InvokeEvent(vtkCommand::MouseWheelForwardEvent, e);
  if (dy < 0) interactor_->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, e);
  e->accept();
}

void VtkRenderWidget::keyPressEvent(QKeyEvent* e) {
  const QPointF pos = mapFromGlobal(QCursor::pos());
  setEventInformation(pos, e->modifiers(), e->isAutoRepeat() ? 1 : 0);
  const QByteArray text = e->text().toLatin1();
  const char key = text.isEmpty() ? 0 : text.at(0);
  interactor_->SetKeyCode(key);
  interactor_->SetKeySym(text.isEmpty() ? "" : text.constData());
  interactor_->InvokeEvent(vtkCommand::KeyPressEvent, e);
  interactor_->InvokeEvent(vtkCommand::CharEvent, e);
  e->accept();
}

void VtkRenderWidget::keyReleaseEvent(QKeyEvent* e) {
  const QByteArray text = e->text().toLatin1();
  interactor_->SetKeyCode(text.isEmpty() ? 0 : text.at(0));
  interactor_->InvokeEvent(vtkCommand::KeyReleaseEvent, e);
  e->accept();
}

void VtkRenderWidget::enterEvent(QEnterEvent* e) {
  setEventInformation(e->position(), Qt::NoModifier);
  interactor_->InvokeEvent(vtkCommand::EnterEvent, e);
}

void VtkRenderWidget::leaveEvent(QEvent* e) { interactor_->InvokeEvent(vtkCommand::LeaveEvent, e); }

}  // namespace handalign
