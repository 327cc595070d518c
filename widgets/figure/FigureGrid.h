// A comparison figure: one row per sample, columns input | each prediction | GT | 3D, painted with
// QPainter onto any device (PNG, SVG, PDF) at a physical width.
#pragma once

#include "FigureCells.h"

#include "eval/SampleResult.h"

#include <QSizeF>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

class QPainter;

namespace handalign {

struct FigureOptions {
  double widthInches = 3.33;  // a paper column; 6.9 for the text width
  int dpi = 300;              // of the PNG, and of the cell images in SVG and PDF
  double cropMargin = 0.15;
  double viewYawDegrees = 60.0;
};

// "column" (3.33 in), "text" (6.9 in) or a number of inches in [1, 40]. False otherwise.
bool parseFigureWidth(const std::string& text, double& inches);

class FigureGrid {
 public:
  // Painter coordinates of paint(): 1/720 inch (a tenth of a point).
  static constexpr double kUnitsPerInch = 720.0;

  // Renders the cells of every sample. `metrics`, when given, holds [row][prediction] and adds
  // hand mIoU / HD95 captions. Throws InputError for an unreadable image or mask.
  FigureGrid(const FigureSource& source, std::vector<std::size_t> samples, FigureOptions options,
             std::vector<std::vector<SampleMetrics>> metrics = {});

  const FigureOptions& options() const { return options_; }
  const std::vector<std::size_t>& samples() const { return samples_; }
  const std::vector<std::string>& sampleIds() const { return sampleIds_; }
  int rowCount() const { return int(rows_.size()); }
  int columnCount() const { return int(titles_.size()); }
  const QStringList& columnTitles() const { return titles_; }
  const FigureRowImages& rowImages(int row) const { return rows_[std::size_t(row)]; }

  QSizeF sizeUnits() const { return {width_, height_}; }
  QSizeF sizeInches() const { return sizeUnits() / kUnitsPerInch; }
  // Pixel size at `dpi` (the PNG's size).
  QSize pixelSize(int dpi) const;
  // Where the picture of a cell lies, in paint() coordinates.
  QRectF cellRect(int row, int column) const;

  // Paints the figure with its top-left corner at the origin, in 1/720-inch units.
  void paint(QPainter& painter) const;

 private:
  void paintCaption(QPainter& painter, int row, int column, const QRectF& box) const;
  const QImage& cellImage(int row, int column) const;

  FigureOptions options_;
  std::vector<std::size_t> samples_;
  std::vector<std::string> sampleIds_;
  std::vector<QString> predictionNames_;
  std::vector<std::vector<SampleMetrics>> metrics_;
  std::vector<FigureRowImages> rows_;
  QStringList titles_;
  double width_ = 0, height_ = 0, gap_ = 0, cell_ = 0, titleHeight_ = 0, captionHeight_ = 0;
  double titleFont_ = 0, captionFont_ = 0;
};

}  // namespace handalign
