// The studio's image canvas: a sample image under GT / reference / shown overlays, a difference map
// and a boundary-distance heat map, with zoom, pan and a pixel inspector (OpenGL 3.2 core); above
// them a mask being edited, with the editor's brush ring and rubber band. The framebuffer is kept
// between frames, so an edit or a guide moving redraws only its rectangle.
#pragma once

#include "CanvasView.h"
#include "PartPalette.h"
#include "annotation/MaskAnnotation.h"
#include "metrics/BoundaryDistanceMap.h"
#include "raster/LabelImage.h"

#include <QColor>
#include <QImage>
#include <QOpenGLBuffer>
#include <QOpenGLFunctions>
#include <QOpenGLVertexArrayObject>
#include <QOpenGLWidget>
#include <QPolygonF>
#include <QRect>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QLabel;
class QOpenGLShaderProgram;
class QOpenGLTexture;

namespace handalign {

class ImageCanvas : public QOpenGLWidget, protected QOpenGLFunctions {
  Q_OBJECT
 public:
  // Drawing order, bottom to top, above the image.
  // Reference and Shown: two methods the user picks (any of the open predictions); AllMethods:
  // the contours of every method at once, each in its colour (drawn above the others).
  enum class Layer { GroundTruth = 0, Reference, Shown, Difference, Distance, AllMethods };
  static constexpr int kLayerCount = 6;
  enum class ColorMode { ByPart, Single };

  explicit ImageCanvas(QWidget* parent = nullptr);
  ~ImageCanvas() override;

  void setImage(const QImage& image);
  // Label images (0 background, 1..6 parts) of GT / reference / shown; stretched over the image
  // when their size differs from it (e.g. the 224² evaluation grid over a larger photo).
  void setLabels(Layer layer, const LabelImage& labels);
  void setDistanceMap(const BoundaryDistanceMap& map);
  // Every method's contour (the AllMethods layer): an image of the labels' size, transparent but
  // for the contour pixels in each method's colour; `legend`: the methods and their colours.
  void setMethodContours(const QImage& contours,
                         const std::vector<std::pair<QString, QColor>>& legend);
  void clear();

  void setOverlayVisible(Layer layer, bool visible);
  bool overlayVisible(Layer layer) const { return visible_[idx(layer)]; }
  void setOpacity(Layer layer, float opacity);  // 0..1
  float opacity(Layer layer) const { return opacity_[idx(layer)]; }
  void setContourOnly(Layer layer, bool contour);  // GT / reference / shown only
  void setColorMode(ColorMode mode);
  ColorMode colorMode() const { return colorMode_; }
  void setDifferenceSource(Layer prediction);  // Reference or Shown, compared with GroundTruth
  // The methods' colours (PartPalette.h methodColor) in single-colour and contour modes, and
  // their names in the legend.
  void setMethodColors(const QColor& reference, const QColor& shown,
                       const QString& referenceName = {}, const QString& shownName = {});
  // A legend in the top-left corner: the parts in by-part mode, GT and the methods otherwise.
  void setLegendVisible(bool visible);
  bool legendVisible() const { return legendVisible_; }
  QRectF legendRect() const;   // logical pixels
  QImage legendImage() const;  // what the legend shows

  // View: logical widget pixels per image pixel, and the image's top-left corner in the widget.
  double zoom() const { return view_.zoom(); }
  QPointF imageOrigin() const { return view_.origin(); }
  void zoomAround(double factor, QPointF widgetPoint);
  void panBy(QPointF delta);
  void resetView();       // fit the image, centred; refits on resize until the user zooms or pans
  void showActualSize();  // one image pixel per logical pixel, around the canvas centre
  QPointF mapToImage(QPointF widgetPoint) const { return view_.toImage(widgetPoint); }
  QPointF mapFromImage(QPointF imagePoint) const { return view_.toWidget(imagePoint); }
  QSize frameSize() const;  // the image's size in image pixels (or the labels' if no image)

  QImage renderToImage();  // device pixels

  // A small ring drawn over everything at an image position in the camera's convention (pixel
  // centres at integer coordinates, as Intrinsics::project gives them); nullopt hides it.
  void setMarker(std::optional<QPointF> imagePoint);
  std::optional<QPointF> marker() const { return marker_; }

  // The mask being edited, drawn above every other layer: hand pixels in the edit colour, pixels
  // with a part in that part's palette colour. updateEditMask copies only `dirty` (image pixels)
  // and re-uploads only that rectangle, so a brush dab costs little; an empty mask hides the layer.
  void setEditMask(const MaskAnnotation& mask);
  void updateEditMask(const MaskAnnotation& mask, QRect dirty);
  void setEditMaskStyle(const QColor& handColor, float opacity);
  QColor editMaskColor() const { return editColor_; }
  float editMaskOpacity() const { return editOpacity_; }
  // Editing guides in the view's image coordinates (pixel edges at integers): a brush ring of
  // `radius` image pixels (nullopt hides it), and a rubber band — a polygon being drawn, a box,
  // or a stroke of `width` image pixels (0: a thin line); an empty polygon hides it.
  void setBrushCursor(std::optional<QPointF> centre, double radius);
  void setRubberBand(const QPolygonF& points, bool closed, double width = 0);

 Q_SIGNALS:
  // The pixel under the cursor; a label is -1 where that layer is absent or outside the image,
  // distance is NaN off the boundary.
  void pixelInspected(QPoint imagePixel, int gtLabel, int referenceLabel, int shownLabel,
                      float distance);

 protected:
  void initializeGL() override;
  void resizeGL(int w, int h) override;
  void paintGL() override;
  void mousePressEvent(QMouseEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void mouseReleaseEvent(QMouseEvent* e) override;
  void wheelEvent(QWheelEvent* e) override;
  void changeEvent(QEvent* e) override;

 private:
  static int idx(Layer l) { return static_cast<int>(l); }
  void uploadTextures();
  void setUniforms();
  void inspect(QPointF widgetPoint);
  void paintGuides(const QRectF& clip);
  void updateLegend();
  QStringList legendLines() const;
  bool legendShowsAllMethods() const;
  QRectF guideBounds() const;  // logical pixels under the brush ring and the rubber band
  void updateAll();            // everything changed
  void updateDamage(const QRectF& widgetRect);  // only these logical pixels changed
  void uploadEditRect();
  void releaseGl();

  // CPU copies: kept so data may be set before the GL context exists, and for the inspector.
  QImage image_;
  std::array<LabelImage, 3> labels_;
  BoundaryDistanceMap distance_;
  bool dirty_ = true;
  bool fullDamage_ = true;  // else only damage_ needs drawing (the framebuffer is kept)
  QRectF damage_;
  std::optional<QPointF> marker_;
  LabelImage editMask_;  // 0 none, 1..6 part, 7 hand without a part
  QRect editPending_;    // image pixels changed since the last upload
  QColor editColor_{255, 64, 129};
  float editOpacity_ = 0.5f;
  std::optional<QPointF> brushCentre_;
  double brushRadius_ = 0;
  QPolygonF rubberBand_;
  bool rubberClosed_ = false;
  double rubberWidth_ = 0;

  std::array<bool, kLayerCount> visible_{true, true, true, false, false, false};
  std::array<float, kLayerCount> opacity_{0.5f, 0.5f, 0.5f, 0.7f, 1.0f, 1.0f};
  QImage methodContours_;  // RGBA, the AllMethods layer
  std::vector<std::pair<QString, QColor>> allMethodsLegend_;
  std::array<bool, 3> contour_{false, false, false};
  ColorMode colorMode_ = ColorMode::ByPart;
  std::array<QColor, 2> methodColors_{methodColor(0), methodColor(1)};
  std::array<QString, 2> legendNames_;
  bool legendVisible_ = false;  // the studio turns it on (View → Legend)
  QLabel* legend_ = nullptr;
  QString legendKey_;  // what the legend shows now
  Layer diffSource_ = Layer::Shown;

  CanvasView view_;
  bool autoFit_ = true;
  bool dragging_ = false;
  QPointF lastMouse_;

  std::unique_ptr<QOpenGLShaderProgram> program_;
  // 0 image, 1..3 labels, 4 distance, 5 edited mask, 6 every method's contour.
  std::array<std::unique_ptr<QOpenGLTexture>, 7> textures_;
  QOpenGLVertexArrayObject vao_;
  QOpenGLBuffer quad_;
};

}  // namespace handalign
