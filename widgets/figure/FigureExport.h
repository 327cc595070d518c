// Writes a FigureGrid as PNG (with its DPI), SVG or PDF (text as text, TrueType fonts embedded),
// atomically, with a provenance JSON beside it.
#pragma once

#include "FigureGrid.h"

#include "eval/Summary.h"

#include <QByteArray>

#include <filesystem>
#include <optional>
#include <string>

namespace handalign {

enum class FigureFormat { Png, Svg, Pdf };

// From the extension (.png, .svg, .pdf; any case); nullopt for anything else.
std::optional<FigureFormat> figureFormatFromPath(const std::filesystem::path& file);
const char* toString(FigureFormat format);

// The figure file's bytes. `title` becomes the SVG/PDF document title.
QByteArray encodeFigure(const FigureGrid& grid, FigureFormat format, const QString& title = {});

// Provenance of a figure: dataset, samples, predictions with fingerprints, hand model, conventions,
// tool version and the figure's size.
std::string figureProvenanceJson(const FigureGrid& grid, const RunInfo& info,
                                 const std::filesystem::path& figureFile, FigureFormat format);

// Writes `file` and `file` + ".json" together (both or neither). Returns the JSON path. Throws
// InputError when the folder cannot be written or the extension is not png, svg or pdf.
std::filesystem::path writeFigure(const FigureGrid& grid, const RunInfo& info,
                                  const std::filesystem::path& file);

}  // namespace handalign
