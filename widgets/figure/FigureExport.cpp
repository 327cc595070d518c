#include "FigureExport.h"

#include "io/AtomicFile.h"
#include "io/JsonWriter.h"
#include "util/Error.h"

#include <QBuffer>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace handalign {
namespace fs = std::filesystem;

std::optional<FigureFormat> figureFormatFromPath(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".png") return FigureFormat::Png;
  if (ext == ".svg") return FigureFormat::Svg;
  if (ext == ".pdf") return FigureFormat::Pdf;
  return std::nullopt;
}

const char* toString(FigureFormat format) {
  switch (format) {
    case FigureFormat::Png:
      return "png";
    case FigureFormat::Svg:
      return "svg";
    case FigureFormat::Pdf:
      return "pdf";
  }
  return "";
}

QByteArray encodeFigure(const FigureGrid& grid, FigureFormat format, const QString& title) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  const QSizeF units = grid.sizeUnits();
  const double unitsPerInch = FigureGrid::kUnitsPerInch;
  if (format == FigureFormat::Png) {
    const int dpi = grid.options().dpi;
    QImage image(grid.pixelSize(dpi), QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(dpi / unitsPerInch, dpi / unitsPerInch);
    grid.paint(painter);
    painter.end();
    image.convertToFormat(QImage::Format_RGB32).save(&buffer, "PNG");
  } else if (format == FigureFormat::Svg) {
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(int(unitsPerInch));  // so that width and height come out in physical units
    svg.setSize(units.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), units));
    svg.setTitle(title);
    QPainter painter(&svg);
    grid.paint(painter);
  } else {
    QPdfWriter pdf(&buffer);
    pdf.setResolution(int(unitsPerInch));
    pdf.setPageSize(
        QPageSize(grid.sizeInches(), QPageSize::Inch, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("handalign"));
    QPainter painter(&pdf);
    grid.paint(painter);
  }
  return bytes;
}

std::string figureProvenanceJson(const FigureGrid& grid, const RunInfo& info,
                                 const fs::path& figureFile, FigureFormat format) {
  const FigureOptions& o = grid.options();
  JsonWriter j;
  j.beginObject();
  j.key("tool").value(info.tool).key("version").value(info.version);
  j.key("figure").beginObject();
  j.key("file").value(figureFile.filename().string()).key("format").value(toString(format));
  j.key("width_in")
      .value(grid.sizeInches().width())
      .key("height_in")
      .value(grid.sizeInches().height());
  j.key("dpi").value(o.dpi);
  j.key("columns").beginArray();
  for (const QString& t : grid.columnTitles()) j.value(t.toStdString());
  j.endArray().endObject();
  j.key("dataset").beginObject();
  j.key("root").value(info.datasetRoot).key("format").value(info.datasetFormat);
  j.key("split").value(info.split).key("size").value(info.datasetSize).endObject();
  j.key("samples").beginArray();
  for (std::size_t r = 0; r < grid.samples().size(); ++r)
    j.beginObject()
        .key("index")
        .value(grid.samples()[r])
        .key("id")
        .value(grid.sampleIds()[r])
        .endObject();
  j.endArray();
  j.key("predictions").beginArray();
  for (std::size_t p = 0; p < info.predictionFiles.size(); ++p) {
    j.beginObject().key("name").value(info.predictionFiles[p].first);
    j.key("file").value(info.predictionFiles[p].second);
    j.key("fingerprint")
        .value(p < info.predictionFingerprints.size() ? info.predictionFingerprints[p] : "");
    j.endObject();
  }
  j.endArray();
  j.key("hand_model").beginObject().key("name").value(info.handModelName);
  j.key("file").value(info.handModelFile).key("fingerprint").value(info.handModelFingerprint);
  j.endObject();
  j.key("conventions").beginObject();
  j.key("resolution").value(info.options.resolution);
  j.key("hd_mode").value(toString(info.options.hd.mode));
  j.key("hd_empty").value(toString(info.options.hd.empty));
  j.key("gt_mask").value(info.options.gtMask == GtMaskSource::Mesh ? "mesh" : "dataset");
  j.key("caption_hand_miou").value("percent, per image");
  j.key("caption_hand_hd95").value("pixels at the evaluation resolution");
  j.key("crop").value(
      "bounding box of all masks and meshes, enlarged, square; same for every column");
  j.key("crop_margin").value(o.cropMargin);
  j.key("view_yaw_deg").value(o.viewYawDegrees);
  j.endObject();
  j.endObject();
  return j.str() + "\n";
}

fs::path writeFigure(const FigureGrid& grid, const RunInfo& info, const fs::path& file) {
  const std::optional<FigureFormat> format = figureFormatFromPath(file);
  if (!format) throw InputError(file, "the figure must be a .png, .svg or .pdf file");
  const QByteArray bytes =
      encodeFigure(grid, *format, QString::fromStdString(file.stem().string()));
  if (bytes.isEmpty()) throw InputError(file, "could not encode the figure");
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  const std::string name = file.filename().string();
  StagedOutputs out(dir);
  out.add(name, bytes.toStdString());
  out.add(name + ".json", figureProvenanceJson(grid, info, file, *format));
  out.commit();
  return dir / (name + ".json");
}

}  // namespace handalign
