// The image canvas's overlays in drawing order, one entry each: the table that builds the
// Overlays dock (visibility, opacity, contour) and the View menu's overlay actions (Alt+1…).
#pragma once

#include "canvas/ImageCanvas.h"

#include <QCoreApplication>
#include <QString>

#include <array>

namespace handalign {

struct OverlayInfo {
  ImageCanvas::Layer layer;
  const char* key;   // QSettings "Overlays/<key>/..."
  const char* name;  // English; shown through tr() in context "Overlay"
  bool contour;      // offers "contour only"
  bool visible;      // by default
  int opacity;       // percent, by default
};

inline const std::array<OverlayInfo, ImageCanvas::kLayerCount>& canvasOverlays() {
  using L = ImageCanvas::Layer;
  static const std::array<OverlayInfo, ImageCanvas::kLayerCount> overlays = {{
      {L::GroundTruth, "GroundTruth", QT_TRANSLATE_NOOP("Overlay", "Ground-truth mask"), true, true,
       50},
      {L::Reference, "Reference", QT_TRANSLATE_NOOP("Overlay", "Reference method"), true, true, 50},
      {L::Shown, "Shown", QT_TRANSLATE_NOOP("Overlay", "Method shown"), true, true, 50},
      {L::Difference, "Difference", QT_TRANSLATE_NOOP("Overlay", "Difference (FP / FN)"), false,
       false, 70},
      {L::Distance, "Distance", QT_TRANSLATE_NOOP("Overlay", "HD95 heat map"), false, false, 100},
      {L::AllMethods, "AllMethods", QT_TRANSLATE_NOOP("Overlay", "All methods (contours)"), false,
       false, 100},
  }};
  return overlays;
}

inline QString overlayName(const OverlayInfo& o) {
  return QCoreApplication::translate("Overlay", o.name);
}

}  // namespace handalign
