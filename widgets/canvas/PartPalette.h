// The core palette (render/Palette.h) as QColors for the widgets: parts, methods, GT, errors.
#pragma once

#include "render/Palette.h"

#include <QColor>

#include <array>

namespace handalign {

inline QColor toQColor(Rgb8 c) { return QColor(c.r, c.g, c.b); }

inline const std::array<QColor, 7> kPartPalette = {
    toQColor(palette::kParts[0]), toQColor(palette::kParts[1]), toQColor(palette::kParts[2]),
    toQColor(palette::kParts[3]), toQColor(palette::kParts[4]), toQColor(palette::kParts[5]),
    toQColor(palette::kParts[6])};

inline const QColor kGtColor = toQColor(palette::kGroundTruth);
inline QColor methodColor(std::size_t run) { return toQColor(palette::method(run)); }

inline const QColor kFalsePositiveColor = toQColor(palette::kFalsePositive);
inline const QColor kFalseNegativeColor = toQColor(palette::kFalseNegative);
inline const QColor kWrongPartColor = toQColor(palette::kWrongPart);
inline const QColor kAboveP95Color = toQColor(palette::kAboveP95);
inline const QColor kCanvasBackground = toQColor(palette::kCanvasBackground);

}  // namespace handalign
