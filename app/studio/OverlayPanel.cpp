#include "OverlayPanel.h"

#include "canvas/Overlays.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>

namespace handalign {
namespace {

const char* const kColorModeKey = "Overlays/ColorMode";

const OverlayInfo& infoOf(ImageCanvas::Layer layer) { return canvasOverlays()[std::size_t(layer)]; }

}  // namespace

QString OverlayPanel::settingsKey(Layer layer, const char* key) {
  return QStringLiteral("Overlays/%1/%2").arg(QLatin1String(infoOf(layer).key), QLatin1String(key));
}

OverlayPanel::OverlayPanel(ImageCanvas* canvas, QWidget* parent)
    : QWidget(parent), canvas_(canvas) {
  auto* grid = new QGridLayout(this);
  shownLabel_ = new QLabel;
  referenceLabel_ = new QLabel;
  shown_ = new QComboBox;
  reference_ = new QComboBox;
  shownLabel_->setBuddy(shown_);
  referenceLabel_->setBuddy(reference_);
  grid->addWidget(shownLabel_, 0, 0);
  grid->addWidget(shown_, 0, 1, 1, 3);
  grid->addWidget(referenceLabel_, 1, 0);
  grid->addWidget(reference_, 1, 1, 1, 3);
  for (QComboBox* box : {shown_, reference_})
    connect(box, &QComboBox::activated, this,
            [this] { Q_EMIT methodsChanged(referenceMethod(), shownMethod()); });
  constexpr int top = 2;  // rows above the layers
  opacityHeader_ = new QLabel;
  grid->addWidget(opacityHeader_, top, 1, 1, 2);
  const QSettings settings;
  for (int i = 0; i < ImageCanvas::kLayerCount; ++i) {
    const auto layer = Layer(i);
    Row& row = rows_[std::size_t(i)];
    row.visible = new QCheckBox;
    row.opacity = new QSlider(Qt::Horizontal);
    row.opacity->setRange(0, 100);
    row.opacity->setPageStep(10);
    row.percent = new QLabel;
    row.percent->setMinimumWidth(
        row.percent->fontMetrics().horizontalAdvance(QStringLiteral("100 %")));
    grid->addWidget(row.visible, top + i + 1, 0);
    grid->addWidget(row.opacity, top + i + 1, 1);
    grid->addWidget(row.percent, top + i + 1, 2);
    if (infoOf(layer).contour) {
      row.contour = new QCheckBox;
      grid->addWidget(row.contour, top + i + 1, 3);
    }
    // Stored values first, then the connections: the canvas gets them through the setters below.
    row.visible->setChecked(
        settings.value(settingsKey(layer, "Visible"), infoOf(layer).visible).toBool());
    row.opacity->setValue(
        settings.value(settingsKey(layer, "Opacity"), infoOf(layer).opacity).toInt());
    if (row.contour)
      row.contour->setChecked(settings.value(settingsKey(layer, "ContourOnly"), false).toBool());
    connect(row.visible, &QCheckBox::toggled, this,
            [this, layer](bool on) { setLayerVisible(layer, on); });
    connect(row.opacity, &QSlider::valueChanged, this,
            [this, layer](int percent) { setOpacityPercent(layer, percent); });
    if (row.contour)
      connect(row.contour, &QCheckBox::toggled, this,
              [this, layer](bool on) { setContourOnly(layer, on); });
  }
  colorLabel_ = new QLabel;
  colorMode_ = new QComboBox;
  colorMode_->addItem(QString(), int(ImageCanvas::ColorMode::ByPart));
  colorMode_->addItem(QString(), int(ImageCanvas::ColorMode::Single));
  colorMode_->setCurrentIndex(settings.value(kColorModeKey).toString() == "single" ? 1 : 0);
  colorLabel_->setBuddy(colorMode_);
  const int last = top + ImageCanvas::kLayerCount + 1;
  grid->addWidget(colorLabel_, last, 0);
  grid->addWidget(colorMode_, last, 1, 1, 3);
  grid->setRowStretch(last + 1, 1);
  grid->setColumnStretch(1, 1);
  connect(colorMode_, &QComboBox::currentIndexChanged, this,
          [this](int) { setColorMode(ImageCanvas::ColorMode(colorMode_->currentData().toInt())); });

  for (int i = 0; i < ImageCanvas::kLayerCount; ++i) {
    const Row& row = rows_[std::size_t(i)];
    setLayerVisible(Layer(i), row.visible->isChecked());
    setOpacityPercent(Layer(i), row.opacity->value());
    if (row.contour) setContourOnly(Layer(i), row.contour->isChecked());
  }
  setColorMode(ImageCanvas::ColorMode(colorMode_->currentData().toInt()));
  retranslate();
}

void OverlayPanel::setLayerVisible(Layer layer, bool visible) {
  const Row& row = rows_[idx(layer)];
  row.visible->setChecked(visible);  // no signal when unchanged
  row.opacity->setEnabled(visible);
  if (row.contour) row.contour->setEnabled(visible);
  canvas_->setOverlayVisible(layer, visible);
  QSettings().setValue(settingsKey(layer, "Visible"), visible);
  Q_EMIT layerVisibilityChanged(layer, visible);
}

bool OverlayPanel::layerVisible(Layer layer) const {
  return rows_[idx(layer)].visible->isChecked();
}

void OverlayPanel::setOpacityPercent(Layer layer, int percent) {
  const Row& row = rows_[idx(layer)];
  percent = std::clamp(percent, 0, 100);
  row.opacity->setValue(percent);
  row.percent->setText(tr("%1 %").arg(percent));
  canvas_->setOpacity(layer, float(percent) / 100.0f);
  QSettings().setValue(settingsKey(layer, "Opacity"), percent);
}

int OverlayPanel::opacityPercent(Layer layer) const { return rows_[idx(layer)].opacity->value(); }

void OverlayPanel::setContourOnly(Layer layer, bool contour) {
  const Row& row = rows_[idx(layer)];
  if (!row.contour) return;
  row.contour->setChecked(contour);
  canvas_->setContourOnly(layer, contour);
  QSettings().setValue(settingsKey(layer, "ContourOnly"), contour);
}

void OverlayPanel::setColorMode(ImageCanvas::ColorMode mode) {
  colorMode_->setCurrentIndex(mode == ImageCanvas::ColorMode::Single ? 1 : 0);
  canvas_->setColorMode(mode);
  QSettings().setValue(kColorModeKey, mode == ImageCanvas::ColorMode::Single
                                          ? QStringLiteral("single")
                                          : QStringLiteral("by-part"));
}

void OverlayPanel::setMethods(const QStringList& names, int reference, int shown) {
  for (QComboBox* box : {shown_, reference_}) {
    const QSignalBlocker block(box);
    box->clear();
    box->addItems(names);
    box->setEnabled(!names.isEmpty());
  }
  shown_->setCurrentIndex(shown);
  reference_->setCurrentIndex(reference);
  retranslate();  // the layer names carry the method names
}

int OverlayPanel::referenceMethod() const { return reference_->currentIndex(); }
int OverlayPanel::shownMethod() const { return shown_->currentIndex(); }

void OverlayPanel::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(e);
}

void OverlayPanel::retranslate() {
  const QString shown = shown_->currentText(), reference = reference_->currentText();
  // The table's names, with the method each overlay shows.
  QString names[ImageCanvas::kLayerCount];
  for (const OverlayInfo& o : canvasOverlays()) names[std::size_t(o.layer)] = overlayName(o);
  if (!reference.isEmpty()) names[1] += QStringLiteral(": ") + reference;
  if (!shown.isEmpty())
    for (Layer l : {Layer::Shown, Layer::Difference, Layer::Distance})
      names[std::size_t(l)] += QStringLiteral(": ") + shown;
  shownLabel_->setText(tr("&Method:"));
  shown_->setToolTip(
      tr("The method under study: its overlay, difference map, HD95 heat map and "
         "its mesh in the 3D view"));
  referenceLabel_->setText(tr("Compare &with:"));
  reference_->setToolTip(
      tr("The reference method: its overlay and mesh, and the deltas of the browser and the "
         "metrics dock"));
  opacityHeader_->setText(tr("Opacity"));
  for (int i = 0; i < ImageCanvas::kLayerCount; ++i) {
    Row& row = rows_[std::size_t(i)];
    row.visible->setText(names[i]);
    row.visible->setToolTip(tr("Show or hide the overlay (Alt+%1)").arg(i + 1));
    row.opacity->setToolTip(tr("Opacity of the overlay: %1").arg(names[i]));
    row.percent->setText(tr("%1 %").arg(row.opacity->value()));
    if (row.contour) {
      row.contour->setText(tr("Contour only"));
      row.contour->setToolTip(tr("Draw only the outline of each part"));
    }
  }
  colorLabel_->setText(tr("&Colours:"));
  colorMode_->setItemText(0, tr("By part"));
  colorMode_->setItemText(1, tr("Single colour per layer"));
  colorMode_->setToolTip(
      tr("Colour the label overlays by part (palm, thumb, … pinky) or one colour per layer"));
}

}  // namespace handalign
