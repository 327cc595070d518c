#include "ImageCanvas.h"

#include "PartPalette.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QOpenGLPaintDevice>
#include <QOpenGLPixelTransferOptions>
#include <QOpenGLShaderProgram>
#include <QOpenGLTexture>
#include <QPainter>
#include <QPixmap>
#include <QVector3D>
#include <QVector4D>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

// A static library's resources are dropped by the linker unless referenced: pull them in here
// (Q_INIT_RESOURCE must be called outside any namespace).
static void initShaderResources() { Q_INIT_RESOURCE(shaders); }

namespace handalign {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::unique_ptr<QOpenGLTexture> makeTexture(int w, int h, QOpenGLTexture::TextureFormat format,
                                            QOpenGLTexture::PixelFormat pixelFormat,
                                            QOpenGLTexture::PixelType type, const void* data) {
  auto t = std::make_unique<QOpenGLTexture>(QOpenGLTexture::Target2D);
  t->setFormat(format);
  t->setSize(w, h);
  t->setMipLevels(1);
  t->allocateStorage(pixelFormat, type);
  QOpenGLPixelTransferOptions options;
  options.setAlignment(1);  // label rows are w bytes, not padded to 4
  t->setData(pixelFormat, type, data, &options);
  t->setMinMagFilters(QOpenGLTexture::Nearest, QOpenGLTexture::Nearest);
  t->setWrapMode(QOpenGLTexture::ClampToEdge);
  return t;
}

// Empty layers get a 1×1 zero texture so every sampler is always complete.
std::unique_ptr<QOpenGLTexture> labelTexture(const LabelImage& l) {
  static const std::uint8_t zero = 0;
  if (l.empty())
    return makeTexture(1, 1, QOpenGLTexture::R8_UNorm, QOpenGLTexture::Red, QOpenGLTexture::UInt8,
                       &zero);
  return makeTexture(l.width, l.height, QOpenGLTexture::R8_UNorm, QOpenGLTexture::Red,
                     QOpenGLTexture::UInt8, l.pixels.data());
}

QVector3D rgb(const QColor& c) { return QVector3D(c.redF(), c.greenF(), c.blueF()); }

// The edit layer's value of one pixel: 0 none, 1..6 its part, 7 hand without a part.
void composeEdit(const MaskAnnotation& m, QRect r, LabelImage& out) {
  for (int y = r.top(); y <= r.bottom(); ++y)
    for (int x = r.left(); x <= r.right(); ++x) {
      const std::uint8_t part = m.hasParts() ? m.parts.at(x, y) : 0;
      out.at(x, y) = m.hand.at(x, y) == 0 ? 0 : (part >= 1 && part <= 6 ? part : 7);
    }
}

int labelUnder(const LabelImage& l, QPointF normalized) {
  if (l.empty()) return -1;
  const int x = int(std::floor(normalized.x() * l.width)),
            y = int(std::floor(normalized.y() * l.height));
  if (x < 0 || y < 0 || x >= l.width || y >= l.height) return -1;
  return l.at(x, y);
}

}  // namespace

ImageCanvas::ImageCanvas(QWidget* parent) : QOpenGLWidget(parent) {
  initShaderResources();
  setMouseTracking(true);  // the inspector follows the cursor without a button held
  setFocusPolicy(Qt::StrongFocus);
  setUpdateBehavior(QOpenGLWidget::PartialUpdate);  // paintGL may redraw only a damaged rectangle
}

ImageCanvas::~ImageCanvas() {
  // The context outlives this part of the object: its aboutToBeDestroyed must not call back here.
  if (context()) disconnect(context(), nullptr, this, nullptr);
  makeCurrent();
  releaseGl();
  doneCurrent();
}

void ImageCanvas::releaseGl() {
  program_.reset();
  for (auto& t : textures_) t.reset();
  if (vao_.isCreated()) vao_.destroy();
  if (quad_.isCreated()) quad_.destroy();
}

QSize ImageCanvas::frameSize() const {
  if (!image_.isNull()) return image_.size();
  for (const LabelImage& l : labels_)
    if (!l.empty()) return QSize(l.width, l.height);
  if (!distance_.distance.empty())
    return QSize(distance_.distance.width, distance_.distance.height);
  if (!editMask_.empty()) return QSize(editMask_.width, editMask_.height);
  return {};
}

void ImageCanvas::setImage(const QImage& image) {
  const QSize before = frameSize();
  image_ = image.convertToFormat(QImage::Format_RGBA8888);
  dirty_ = true;
  if (autoFit_ || frameSize() != before) resetView();
  updateAll();
}

void ImageCanvas::setLabels(Layer layer, const LabelImage& labels) {
  if (idx(layer) > idx(Layer::Shown)) return;
  const QSize before = frameSize();
  labels_[std::size_t(idx(layer))] = labels;
  dirty_ = true;
  if (legendVisible_) updateLegend();
  if (frameSize() != before) resetView();
  updateAll();
}

void ImageCanvas::setMethodContours(const QImage& contours,
                                    const std::vector<std::pair<QString, QColor>>& legend) {
  methodContours_ =
      contours.isNull() ? QImage() : contours.convertToFormat(QImage::Format_RGBA8888);
  allMethodsLegend_ = legend;
  dirty_ = true;
  updateLegend();
  updateAll();
}

void ImageCanvas::setDistanceMap(const BoundaryDistanceMap& map) {
  distance_ = map;
  dirty_ = true;
  updateAll();
}

void ImageCanvas::clear() {
  image_ = QImage();
  for (auto& l : labels_) l = LabelImage();
  distance_ = BoundaryDistanceMap();
  editMask_ = LabelImage();
  dirty_ = true;
  resetView();
}

void ImageCanvas::setOverlayVisible(Layer layer, bool visible) {
  visible_[std::size_t(idx(layer))] = visible;
  if (layer == Layer::AllMethods) updateLegend();
  updateAll();
}

void ImageCanvas::setOpacity(Layer layer, float opacity) {
  opacity_[std::size_t(idx(layer))] = std::clamp(opacity, 0.0f, 1.0f);
  updateAll();
}

void ImageCanvas::setContourOnly(Layer layer, bool contour) {
  if (idx(layer) > idx(Layer::Shown)) return;
  contour_[std::size_t(idx(layer))] = contour;
  updateAll();
}

void ImageCanvas::setColorMode(ColorMode mode) {
  colorMode_ = mode;
  updateLegend();
  updateAll();
}

void ImageCanvas::setDifferenceSource(Layer prediction) {
  if (prediction == Layer::Reference || prediction == Layer::Shown) diffSource_ = prediction;
  updateAll();
}

void ImageCanvas::zoomAround(double factor, QPointF widgetPoint) {
  view_.zoomAround(factor, widgetPoint);
  autoFit_ = false;
  updateAll();
}

void ImageCanvas::panBy(QPointF delta) {
  view_.panBy(delta);
  autoFit_ = false;
  updateAll();
}

void ImageCanvas::resetView() {
  view_.fit(QSizeF(frameSize()), QSizeF(size()));
  autoFit_ = true;
  updateAll();
}

void ImageCanvas::showActualSize() {
  zoomAround(1.0 / view_.zoom(), QPointF(width() / 2.0, height() / 2.0));
}

QImage ImageCanvas::renderToImage() { return grabFramebuffer(); }

void ImageCanvas::setMarker(std::optional<QPointF> imagePoint) {
  if (imagePoint == marker_) return;
  marker_ = imagePoint;
  updateAll();
}

void ImageCanvas::setEditMask(const MaskAnnotation& mask) {
  const QSize before = frameSize();
  editMask_.reset(mask.width(), mask.height(), 0);
  composeEdit(mask, QRect(0, 0, mask.width(), mask.height()), editMask_);
  dirty_ = true;
  if (frameSize() != before) resetView();
  updateAll();
}

void ImageCanvas::updateEditMask(const MaskAnnotation& mask, QRect dirty) {
  if (mask.width() != editMask_.width || mask.height() != editMask_.height) {
    setEditMask(mask);
    return;
  }
  const QRect r = dirty & QRect(0, 0, mask.width(), mask.height());
  if (r.isEmpty()) return;
  composeEdit(mask, r, editMask_);
  editPending_ |= r;
  updateDamage(QRectF(view_.toWidget(QPointF(r.topLeft())),
                      view_.toWidget(QPointF(r.topLeft() + QPoint(r.width(), r.height())))));
}

void ImageCanvas::setEditMaskStyle(const QColor& handColor, float opacity) {
  editColor_ = handColor;
  editOpacity_ = std::clamp(opacity, 0.0f, 1.0f);
  updateAll();
}

void ImageCanvas::setBrushCursor(std::optional<QPointF> centre, double radius) {
  if (centre == brushCentre_ && radius == brushRadius_) return;
  const QRectF before = guideBounds();
  brushCentre_ = centre;
  brushRadius_ = radius;
  updateDamage(before | guideBounds());
}

void ImageCanvas::setRubberBand(const QPolygonF& points, bool closed, double width) {
  const QRectF before = guideBounds();
  rubberBand_ = points;
  rubberClosed_ = closed;
  rubberWidth_ = width;
  updateDamage(before | guideBounds());
}

void ImageCanvas::updateAll() {
  fullDamage_ = true;
  update();
}

void ImageCanvas::updateDamage(const QRectF& widgetRect) {
  damage_ |= widgetRect.adjusted(-1, -1, 1, 1);
  update();
}

QRectF ImageCanvas::guideBounds() const {
  QRectF r;
  if (brushCentre_) {
    const double radius = std::max(1.0, brushRadius_ * view_.zoom()) + 3;
    r = QRectF(view_.toWidget(*brushCentre_) - QPointF(radius, radius), QSizeF(2, 2) * radius);
  }
  if (!rubberBand_.isEmpty()) {
    QPolygonF band;
    for (const QPointF& p : rubberBand_) band << view_.toWidget(p);
    const double pad = rubberWidth_ * view_.zoom() / 2 + 5;
    r |= band.boundingRect().adjusted(-pad, -pad, pad, pad);
  }
  return r;
}

void ImageCanvas::initializeGL() {
  initializeOpenGLFunctions();
  // The context can be recreated (e.g. the widget moves to another top-level window).
  connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, [this] {
    makeCurrent();
    releaseGl();
    dirty_ = true;
    fullDamage_ = true;
    doneCurrent();
  });
  program_ = std::make_unique<QOpenGLShaderProgram>();
  if (!program_->addShaderFromSourceFile(QOpenGLShader::Vertex, ":/shaders/canvas.vert") ||
      !program_->addShaderFromSourceFile(QOpenGLShader::Fragment, ":/shaders/canvas.frag") ||
      !program_->link()) {
    qWarning("ImageCanvas: shader build failed: %s", qPrintable(program_->log()));
    program_.reset();
    return;
  }
  static const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};  // triangle strip
  vao_.create();
  QOpenGLVertexArrayObject::Binder binder(&vao_);
  quad_.create();
  quad_.bind();
  quad_.allocate(quad, sizeof quad);
  program_->bind();
  program_->enableAttributeArray("aPos");
  program_->setAttributeBuffer("aPos", GL_FLOAT, 0, 2);
  program_->release();
  dirty_ = true;
}

void ImageCanvas::resizeGL(int, int) {
  fullDamage_ = true;  // a new framebuffer
  if (autoFit_) view_.fit(QSizeF(frameSize()), QSizeF(size()));
}

void ImageCanvas::uploadTextures() {
  static const std::uint8_t black[4] = {0, 0, 0, 255};
  textures_[0] = image_.isNull()
                     ? makeTexture(1, 1, QOpenGLTexture::RGBA8_UNorm, QOpenGLTexture::RGBA,
                                   QOpenGLTexture::UInt8, black)
                     : makeTexture(image_.width(), image_.height(), QOpenGLTexture::RGBA8_UNorm,
                                   QOpenGLTexture::RGBA, QOpenGLTexture::UInt8, image_.constBits());
  for (std::size_t i = 0; i < 3; ++i) textures_[i + 1] = labelTexture(labels_[i]);
  // NaN (off the boundary) becomes -1: NaN handling in shaders is not guaranteed.
  const Image<float>& d = distance_.distance;
  std::vector<float> values(d.empty() ? 1 : d.pixels.size(), -1.0f);
  for (std::size_t i = 0; i < d.pixels.size(); ++i)
    if (std::isfinite(d.pixels[i])) values[i] = d.pixels[i];
  textures_[4] =
      makeTexture(d.empty() ? 1 : d.width, d.empty() ? 1 : d.height, QOpenGLTexture::R32F,
                  QOpenGLTexture::Red, QOpenGLTexture::Float32, values.data());
  textures_[5] = labelTexture(editMask_);
  static const std::uint8_t clear[4] = {0, 0, 0, 0};
  const QImage& m = methodContours_;
  textures_[6] = m.isNull()
                     ? makeTexture(1, 1, QOpenGLTexture::RGBA8_UNorm, QOpenGLTexture::RGBA,
                                   QOpenGLTexture::UInt8, clear)
                     : makeTexture(m.width(), m.height(), QOpenGLTexture::RGBA8_UNorm,
                                   QOpenGLTexture::RGBA, QOpenGLTexture::UInt8, m.constBits());
  editPending_ = QRect();
  dirty_ = false;
}

void ImageCanvas::uploadEditRect() {
  const QRect r = editPending_;
  editPending_ = QRect();
  QOpenGLPixelTransferOptions options;
  options.setAlignment(1);
  options.setRowLength(editMask_.width);  // the rectangle's rows lie inside the full image rows
  textures_[5]->setData(r.x(), r.y(), 0, r.width(), r.height(), 1, QOpenGLTexture::Red,
                        QOpenGLTexture::UInt8, &editMask_.at(r.x(), r.y()), &options);
}

void ImageCanvas::setUniforms() {
  QOpenGLShaderProgram& p = *program_;
  const double dpr = devicePixelRatioF();  // the view is logical; fragments are device pixels
  const QSize frame = frameSize();
  p.setUniformValue("uImage", 0);
  p.setUniformValue("uGt", 1);
  p.setUniformValue("uReference", 2);
  p.setUniformValue("uShown", 3);
  p.setUniformValue("uDistance", 4);
  p.setUniformValue("uEdit", 5);
  p.setUniformValue("uMethods", 6);
  p.setUniformValue("uEditOpacity", editMask_.empty() ? GLfloat(0) : GLfloat(editOpacity_));
  p.setUniformValue("uEditColor", rgb(editColor_));
  p.setUniformValue("uHasImage", image_.isNull() ? 0 : 1);
  // Fragment rows count from the framebuffer's bottom; at fractional ratios its height is not
  // exactly height() * dpr, so ask GL.
  GLint viewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, viewport);
  p.setUniformValue("uViewportHeight", GLfloat(viewport[3]));
  const QPointF origin = view_.origin() * dpr;
  const double scale = view_.zoom() * dpr;
  p.setUniformValue("uOrigin", QVector2D(origin));
  p.setUniformValue("uScale", GLfloat(scale));
  // The quad covers the image rectangle, one device pixel wider on every side and clipped to the
  // viewport: the fragment shader still decides each edge pixel exactly as over a full-viewport
  // quad, and the rest keeps the clear colour (the same background the shader would write).
  const double vw = std::max(1, viewport[2]), vh = std::max(1, viewport[3]);
  const double x0 = std::clamp(origin.x() - 1, 0.0, vw),
               x1 = std::clamp(origin.x() + frame.width() * scale + 1, 0.0, vw),
               y0 = std::clamp(origin.y() - 1, 0.0, vh),
               y1 = std::clamp(origin.y() + frame.height() * scale + 1, 0.0, vh);
  // Device rows count down from the top, NDC up from the bottom.
  p.setUniformValue("uRect", QVector4D(float(2 * x0 / vw - 1), float(1 - 2 * y1 / vh),
                                       float(2 * x1 / vw - 1), float(1 - 2 * y0 / vh)));
  p.setUniformValue("uFrameSize", QVector2D(frame.width(), frame.height()));

  GLfloat opacity[kLayerCount];
  for (int i = 0; i < kLayerCount; ++i)
    opacity[i] = visible_[std::size_t(i)] ? opacity_[std::size_t(i)] : 0;
  for (int i = 0; i < 3; ++i)
    if (labels_[std::size_t(i)].empty()) opacity[i] = 0;
  if (labels_[0].empty() || labels_[std::size_t(idx(diffSource_))].empty()) opacity[3] = 0;
  if (distance_.distance.empty()) opacity[4] = 0;
  if (methodContours_.isNull()) opacity[5] = 0;
  p.setUniformValueArray("uOpacity", opacity, kLayerCount, 1);
  const GLint contour[3] = {contour_[0], contour_[1], contour_[2]};
  p.setUniformValueArray("uContour", contour, 3);
  p.setUniformValue("uByPart", colorMode_ == ColorMode::ByPart ? 1 : 0);
  p.setUniformValue("uDiffSource", diffSource_ == Layer::Reference ? 1 : 2);

  QVector3D palette[7], layer[3] = {rgb(kGtColor), rgb(methodColors_[0]), rgb(methodColors_[1])};
  for (int i = 0; i < 7; ++i) palette[i] = rgb(kPartPalette[std::size_t(i)]);
  p.setUniformValueArray("uPalette", palette, 7);
  p.setUniformValueArray("uLayerColor", layer, 3);
  p.setUniformValue("uFpColor", rgb(kFalsePositiveColor));
  p.setUniformValue("uFnColor", rgb(kFalseNegativeColor));
  p.setUniformValue("uWrongPartColor", rgb(kWrongPartColor));
  p.setUniformValue("uAboveP95Color", rgb(kAboveP95Color));
  p.setUniformValue("uBackground", rgb(kCanvasBackground));

  float maxDistance = 0;
  for (float v : distance_.distance.pixels)
    if (std::isfinite(v)) maxDistance = std::max(maxDistance, v);
  p.setUniformValue("uDistMax", maxDistance);
  p.setUniformValue("uP95", std::isfinite(distance_.p95) ? GLfloat(distance_.p95) : GLfloat(-1));
}

void ImageCanvas::paintGL() {
  // The framebuffer keeps its picture between frames (PartialUpdate): when only the edited mask
  // or the guides changed, just their rectangle is drawn again, which matters with software GL.
  const bool full = fullDamage_ || dirty_ || !textures_[0];
  const QRectF damage = full ? QRectF(rect()) : damage_ & QRectF(rect());
  fullDamage_ = false;
  damage_ = QRectF();
  if (damage.isEmpty()) return;  // the kept picture is current
  const double dpr = devicePixelRatioF();
  GLint viewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, viewport);
  if (!full) {
    const int x0 = int(std::floor(damage.left() * dpr)), x1 = int(std::ceil(damage.right() * dpr));
    const int y0 = int(std::floor(damage.top() * dpr)), y1 = int(std::ceil(damage.bottom() * dpr));
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, viewport[3] - y1, x1 - x0, y1 - y0);  // GL rows count from the bottom
  }
  glClearColor(kCanvasBackground.redF(), kCanvasBackground.greenF(), kCanvasBackground.blueF(), 1);
  glClear(GL_COLOR_BUFFER_BIT);
  if (program_ && !frameSize().isEmpty()) {  // else nothing but background
    if (dirty_ || !textures_[0])
      uploadTextures();
    else if (!editPending_.isEmpty())
      uploadEditRect();
    program_->bind();
    setUniforms();
    for (std::size_t i = 0; i < textures_.size(); ++i) textures_[i]->bind(GLuint(i));
    QOpenGLVertexArrayObject::Binder binder(&vao_);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    binder.release();
    program_->release();
    for (std::size_t i = 0; i < textures_.size(); ++i) textures_[i]->release(GLuint(i));
  }
  glDisable(GL_SCISSOR_TEST);
  if (program_ && !frameSize().isEmpty() && (marker_ || brushCentre_ || !rubberBand_.isEmpty()))
    paintGuides(damage);
}

QRectF ImageCanvas::legendRect() const {
  const QFontMetrics fm(font());
  const QStringList lines = legendLines();
  int w = 0;
  for (const QString& l : lines) w = std::max(w, fm.horizontalAdvance(l));
  const int row = fm.height() + 2;
  return QRectF(8, 8, w + row + 16, row * lines.size() + 8);
}

bool ImageCanvas::legendShowsAllMethods() const {
  return visible_[std::size_t(idx(Layer::AllMethods))] && !methodContours_.isNull() &&
         !allMethodsLegend_.empty();
}

QStringList ImageCanvas::legendLines() const {
  if (legendShowsAllMethods()) {
    QStringList lines;
    for (const auto& [name, colour] : allMethodsLegend_) lines << name;
    return lines;
  }
  if (colorMode_ == ColorMode::ByPart)
    return {tr("palm"), tr("thumb"), tr("index"), tr("middle"), tr("ring"), tr("pinky")};
  QStringList lines{tr("ground truth")};
  for (int i = 0; i < 2; ++i)
    if (!legendNames_[std::size_t(i)].isEmpty() && !labels_[std::size_t(i + 1)].empty())
      lines << legendNames_[std::size_t(i)];
  return lines;
}

QImage ImageCanvas::legendImage() const {
  // What the colours mean, where they are: parts in by-part mode, GT and the methods otherwise.
  const QRectF box = legendRect();
  const double dpr = devicePixelRatioF();
  QImage image((box.size() * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(dpr);
  image.fill(Qt::transparent);
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  p.setFont(font());
  const QFontMetrics fm(font());
  const int row = fm.height() + 2;
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(0, 0, 0, 160));
  p.drawRoundedRect(QRectF(QPointF(0, 0), box.size()), 4, 4);
  const QStringList lines = legendLines();
  std::vector<QColor> colours;
  if (legendShowsAllMethods()) {
    for (const auto& [name, colour] : allMethodsLegend_) colours.push_back(colour);
  } else if (colorMode_ == ColorMode::ByPart) {
    colours.assign(kPartPalette.begin() + 1, kPartPalette.end());
  } else {
    colours.push_back(kGtColor);
    for (int i = 0; i < 2; ++i)
      if (!legendNames_[std::size_t(i)].isEmpty() && !labels_[std::size_t(i + 1)].empty())
        colours.push_back(methodColors_[std::size_t(i)]);
  }
  for (int i = 0; i < lines.size(); ++i) {
    const QRectF swatch(6, 4 + i * row + 2, row - 4, row - 4);
    p.setPen(Qt::NoPen);
    p.setBrush(colours[std::size_t(i)]);
    p.drawRect(swatch);
    p.setPen(Qt::white);
    p.drawText(QPointF(swatch.right() + 6, 4 + i * row + fm.ascent() + 1), lines[i]);
  }
  return image;
}

void ImageCanvas::updateLegend() {
  // A child widget over the GL picture (text through the GL paint engine leaves glyph caches that
  // outlive the context); grab() of the window shows it, renderToImage() of the picture does not.
  if (!legend_) {
    legend_ = new QLabel(this);
    legend_->setAttribute(Qt::WA_TransparentForMouseEvents);
  }
  legend_->setVisible(legendVisible_ && !frameSize().isEmpty());
  if (!legend_->isVisible()) return;
  // Drawn again only when what it says changed (not on every sample switch).
  QString key = QString::number(int(colorMode_)) + (legendShowsAllMethods() ? "all" : "");
  for (const QString& line : legendLines()) key += '|' + line;
  for (const QColor& c : methodColors_) key += '|' + c.name();
  if (key == legendKey_) return;
  legendKey_ = key;
  legend_->setPixmap(QPixmap::fromImage(legendImage()));
  legend_->setGeometry(legendRect().toAlignedRect());
}

void ImageCanvas::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) updateLegend();  // the part names
  QOpenGLWidget::changeEvent(e);
}

void ImageCanvas::setLegendVisible(bool visible) {
  legendVisible_ = visible;
  updateLegend();
}

void ImageCanvas::setMethodColors(const QColor& reference, const QColor& shown,
                                  const QString& referenceName, const QString& shownName) {
  methodColors_ = {reference, shown};
  legendNames_ = {referenceName, shownName};
  updateLegend();
  updateAll();
}

void ImageCanvas::paintGuides(const QRectF& clip) {
  // Painted into the bound framebuffer, not through QPainter(this): QWidget::grab() redirects a
  // widget painter to its pixmap, where the framebuffer's picture then covers the ring. The device
  // takes logical coordinates. The view's image coordinates have pixel edges at integers: a camera
  // coordinate u lies at u + 0.5.
  const double dpr = devicePixelRatioF();
  QOpenGLPaintDevice device(
      QSize(int(std::lround(width() * dpr)), int(std::lround(height() * dpr))));
  device.setDevicePixelRatio(dpr);
  QPainter painter(&device);
  painter.setClipRect(clip);  // guides outside it are already in the kept picture
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setBrush(Qt::NoBrush);
  if (marker_) {
    const QPointF centre = view_.toWidget(*marker_ + QPointF(0.5, 0.5));
    painter.setPen(QPen(QColor(0, 0, 0, 210), 4.0));
    painter.drawEllipse(centre, 7.0, 7.0);
    painter.setPen(QPen(QColor(255, 235, 59), 2.0));
    painter.drawEllipse(centre, 7.0, 7.0);
  }
  if (!rubberBand_.isEmpty()) {
    QPolygonF band;
    for (const QPointF& p : rubberBand_) band << view_.toWidget(p);
    if (rubberWidth_ > 0) {  // a scribble: the brush's footprint, see-through
      painter.setPen(QPen(QColor(255, 235, 59, 110), rubberWidth_ * view_.zoom(), Qt::SolidLine,
                          Qt::RoundCap, Qt::RoundJoin));
      painter.drawPolyline(band);
    } else {
      for (const auto& [pen, width] :
           {std::pair(QColor(0, 0, 0, 210), 3.0), std::pair(QColor(255, 235, 59), 1.5)}) {
        painter.setPen(QPen(pen, width));
        rubberClosed_ ? painter.drawPolygon(band) : painter.drawPolyline(band);
      }
      painter.setPen(Qt::NoPen);
      painter.setBrush(QColor(255, 235, 59));
      for (const QPointF& p : band) painter.drawEllipse(p, 2.5, 2.5);
      painter.setBrush(Qt::NoBrush);
    }
  }
  if (brushCentre_) {
    const QPointF c = view_.toWidget(*brushCentre_);
    const double r = std::max(1.0, brushRadius_ * view_.zoom());
    painter.setPen(QPen(QColor(0, 0, 0, 200), 3.0));
    painter.drawEllipse(c, r, r);
    painter.setPen(QPen(QColor(255, 255, 255), 1.2));
    painter.drawEllipse(c, r, r);
  }
}

void ImageCanvas::inspect(QPointF widgetPoint) {
  const QSize frame = frameSize();
  if (frame.isEmpty()) return;
  const QPointF img = view_.toImage(widgetPoint);
  const QPoint pixel(int(std::floor(img.x())), int(std::floor(img.y())));
  const bool inside =
      pixel.x() >= 0 && pixel.y() >= 0 && pixel.x() < frame.width() && pixel.y() < frame.height();
  const QPointF normalized(img.x() / frame.width(), img.y() / frame.height());
  int labels[3] = {-1, -1, -1};
  float distance = kNaN;
  if (inside) {
    for (int i = 0; i < 3; ++i) labels[i] = labelUnder(labels_[std::size_t(i)], normalized);
    const Image<float>& d = distance_.distance;
    if (!d.empty())
      distance = d.at(std::min(d.width - 1, int(normalized.x() * d.width)),
                      std::min(d.height - 1, int(normalized.y() * d.height)));
  }
  Q_EMIT pixelInspected(pixel, labels[0], labels[1], labels[2], distance);
}

void ImageCanvas::mousePressEvent(QMouseEvent* e) {
  if (e->button() == Qt::LeftButton || e->button() == Qt::MiddleButton) {
    dragging_ = true;
    lastMouse_ = e->position();
  }
  QOpenGLWidget::mousePressEvent(e);
}

void ImageCanvas::mouseMoveEvent(QMouseEvent* e) {
  if (dragging_) {
    panBy(e->position() - lastMouse_);
    lastMouse_ = e->position();
  }
  inspect(e->position());
}

void ImageCanvas::mouseReleaseEvent(QMouseEvent* e) {
  dragging_ = false;
  QOpenGLWidget::mouseReleaseEvent(e);
}

void ImageCanvas::wheelEvent(QWheelEvent* e) {
  // One notch (120) zooms by 1.25; trackpads send smaller steps.
  const double factor = std::pow(1.25, e->angleDelta().y() / 120.0);
  if (factor != 1.0) zoomAround(factor, e->position());
  e->accept();
}

}  // namespace handalign
