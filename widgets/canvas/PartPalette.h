// Colours of the image canvas: one per hand part (label 1..6), per overlay layer, and for errors.
#pragma once

#include <QColor>

#include <array>

namespace handalign {

// Okabe–Ito colour-blind-safe colours, indexed by label value (0 = background, unused).
inline const std::array<QColor, 7> kPartPalette = {QColor(0, 0, 0),
                                                   QColor(230, 159, 0),   // palm
                                                   QColor(86, 180, 233),  // thumb
                                                   QColor(0, 158, 115),   // index
                                                   QColor(240, 228, 66),  // middle
                                                   QColor(0, 114, 178),   // ring
                                                   QColor(213, 94, 0)};   // pinky

// Single-colour mode: ground truth, rough and refined silhouettes.
inline const QColor kGtColor(0, 200, 83);
inline const QColor kRoughColor(255, 145, 0);
inline const QColor kRefinedColor(0, 176, 255);

// Difference map against ground truth, and the distance heat map's "above P95" mark.
inline const QColor kFalsePositiveColor(230, 25, 75);
inline const QColor kFalseNegativeColor(0, 90, 255);
inline const QColor kWrongPartColor(255, 225, 25);
inline const QColor kAboveP95Color(255, 0, 255);
inline const QColor kCanvasBackground(48, 48, 48);

}  // namespace handalign
