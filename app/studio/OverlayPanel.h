// The "Overlays" dock's contents: per-layer visibility, opacity and contour-only switches and the
// colour mode of the image canvas, remembered in QSettings ("Overlays/<Layer>/Opacity", ...).
#pragma once

#include "canvas/ImageCanvas.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

namespace handalign {

class OverlayPanel : public QWidget {
  Q_OBJECT

 public:
  using Layer = ImageCanvas::Layer;

  // Reads the stored settings and applies them to `canvas` at once.
  explicit OverlayPanel(ImageCanvas* canvas, QWidget* parent = nullptr);

  // Each setter updates its control, the canvas and the settings.
  void setLayerVisible(Layer layer, bool visible);
  bool layerVisible(Layer layer) const;
  void setOpacityPercent(Layer layer, int percent);
  int opacityPercent(Layer layer) const;
  void setContourOnly(Layer layer, bool contour);  // GT / rough / refined only
  void setColorMode(ImageCanvas::ColorMode mode);

  QCheckBox* visibleBox(Layer layer) const { return rows_[idx(layer)].visible; }
  QSlider* opacitySlider(Layer layer) const { return rows_[idx(layer)].opacity; }
  QCheckBox* contourBox(Layer layer) const { return rows_[idx(layer)].contour; }  // null: none
  QComboBox* colorModeBox() const { return colorMode_; }

  static QString settingsKey(Layer layer, const char* key);

 Q_SIGNALS:
  void layerVisibilityChanged(handalign::ImageCanvas::Layer layer, bool visible);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  struct Row {
    QCheckBox* visible = nullptr;
    QSlider* opacity = nullptr;
    QLabel* percent = nullptr;
    QCheckBox* contour = nullptr;
  };
  static std::size_t idx(Layer l) { return std::size_t(l); }
  void retranslate();

  ImageCanvas* canvas_;
  std::array<Row, ImageCanvas::kLayerCount> rows_;
  QLabel* opacityHeader_ = nullptr;
  QLabel* colorLabel_ = nullptr;
  QComboBox* colorMode_ = nullptr;
};

}  // namespace handalign
