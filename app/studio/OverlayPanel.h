// The "Overlays" dock's contents: which two methods the canvas shows (the one under study and the
// reference it is compared with), per-layer visibility, opacity and contour-only switches and the
// colour mode of the image canvas, remembered in QSettings ("Overlays/<Layer>/Opacity", ...).
#pragma once

#include "canvas/ImageCanvas.h"

#include <QStringList>
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
  void setContourOnly(Layer layer, bool contour);  // GT / reference / shown only
  void setColorMode(ImageCanvas::ColorMode mode);
  // The methods to choose from (the open runs, by name) and the chosen pair; no signal.
  void setMethods(const QStringList& names, int reference, int shown);
  int referenceMethod() const;
  int shownMethod() const;
  QComboBox* shownBox() const { return shown_; }
  QComboBox* referenceBox() const { return reference_; }

  QCheckBox* visibleBox(Layer layer) const { return rows_[idx(layer)].visible; }
  QSlider* opacitySlider(Layer layer) const { return rows_[idx(layer)].opacity; }
  QCheckBox* contourBox(Layer layer) const { return rows_[idx(layer)].contour; }  // null: none
  QComboBox* colorModeBox() const { return colorMode_; }

  static QString settingsKey(Layer layer, const char* key);

 Q_SIGNALS:
  void layerVisibilityChanged(handalign::ImageCanvas::Layer layer, bool visible);
  // The user picked another method to show or to compare with (indices of setMethods' names).
  void methodsChanged(int reference, int shown);

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
  QLabel* shownLabel_ = nullptr;
  QLabel* referenceLabel_ = nullptr;
  QComboBox* shown_ = nullptr;
  QComboBox* reference_ = nullptr;
};

}  // namespace handalign
