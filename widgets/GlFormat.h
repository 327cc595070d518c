// The OpenGL context every studio view needs (3.2 core, depth 24); set before QApplication exists.
#pragma once

#include <QSurfaceFormat>

namespace handalign {

inline void setDefaultGlFormat() {
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  QSurfaceFormat::setDefaultFormat(format);
}

}  // namespace handalign
