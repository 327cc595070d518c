#include "FigureGrid.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace handalign {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("handalign::FigureGrid", text); }

QFont figureFont(double units) {
  QFont font(QStringLiteral("DejaVu Sans"));
  font.setStyleHint(QFont::SansSerif);
  font.setPixelSize(std::max(1, int(std::lround(units))));
  font.setHintingPreference(QFont::PreferNoHinting);
  return font;
}

QString number(double v, int decimals) {
  return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

}  // namespace

bool parseFigureWidth(const std::string& text, double& inches) {
  if (text == "column") return inches = 3.33, true;
  if (text == "text") return inches = 6.9, true;
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used != text.size() || !(v >= 1.0 && v <= 40.0)) return false;
    inches = v;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

FigureGrid::FigureGrid(const FigureSource& source, std::vector<std::size_t> samples,
                       FigureOptions options, std::vector<std::vector<SampleMetrics>> metrics)
    : options_(options), samples_(std::move(samples)), metrics_(std::move(metrics)) {
  titles_ << tr("Input");
  for (const Prediction& p : source.predictions) {
    predictionNames_.push_back(QString::fromStdString(p.name));
    titles_ << predictionNames_.back();
  }
  titles_ << tr("GT") << tr("3D view");

  const int columns = columnCount();
  width_ = options_.widthInches * kUnitsPerInch;
  gap_ = 0.03 * kUnitsPerInch;
  titleFont_ = options_.widthInches < 4.0 ? 70.0 : 80.0;  // 7 pt in a column, 8 pt across the text
  captionFont_ = titleFont_ - 10.0;
  titleHeight_ = titleFont_ * 1.6;
  captionHeight_ = captionFont_ * 2.6;
  cell_ = (width_ - (columns - 1) * gap_) / columns;
  height_ = titleHeight_ + double(samples_.size()) * (cell_ + captionHeight_ + gap_);

  CellOptions cellOptions;
  cellOptions.pixels = std::clamp(int(std::ceil(cell_ / kUnitsPerInch * options_.dpi)), 64, 1024);
  cellOptions.margin = options_.cropMargin;
  cellOptions.viewYawDegrees = options_.viewYawDegrees;
  for (std::size_t s : samples_) {
    sampleIds_.push_back(source.dataset.sampleId(s));
    rows_.push_back(renderFigureRow(source, s, cellOptions));
  }
}

QSize FigureGrid::pixelSize(int dpi) const {
  return {int(std::lround(sizeInches().width() * dpi)),
          int(std::lround(sizeInches().height() * dpi))};
}

QRectF FigureGrid::cellRect(int row, int column) const {
  return {column * (cell_ + gap_), titleHeight_ + row * (cell_ + captionHeight_ + gap_), cell_,
          cell_};
}

const QImage& FigureGrid::cellImage(int row, int column) const {
  const FigureRowImages& r = rows_[std::size_t(row)];
  const int predCount = int(r.predictions.size());
  if (column == 0) return r.input;
  if (column <= predCount) return r.predictions[std::size_t(column - 1)];
  return column == predCount + 1 ? r.groundTruth : r.view3d;
}

void FigureGrid::paint(QPainter& painter) const {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.fillRect(QRectF(QPointF(0, 0), sizeUnits()), Qt::white);

  const QFont titleFont = figureFont(titleFont_);
  painter.setFont(titleFont);
  painter.setPen(Qt::black);
  const QFontMetricsF titleMetrics(titleFont);
  for (int c = 0; c < columnCount(); ++c) {
    const QRectF box(c * (cell_ + gap_), 0, cell_, titleHeight_);
    painter.drawText(box, Qt::AlignHCenter | Qt::AlignVCenter,
                     titleMetrics.elidedText(titles_[c], Qt::ElideRight, cell_));
  }
  for (int r = 0; r < rowCount(); ++r)
    for (int c = 0; c < columnCount(); ++c) {
      const QRectF cell = cellRect(r, c);
      painter.drawImage(cell, cellImage(r, c));
      paintCaption(painter, r, c, QRectF(cell.left(), cell.bottom(), cell_, captionHeight_));
    }
  painter.restore();
}

void FigureGrid::paintCaption(QPainter& painter, int row, int column, const QRectF& box) const {
  const QFont font = figureFont(captionFont_);
  const QFontMetricsF metrics(font);
  painter.setFont(font);
  painter.setPen(Qt::black);
  const double line = captionFont_ * 1.25;
  const QRectF first(box.left(), box.top(), box.width(), line);
  const QRectF second = first.translated(0, line);
  const int predCount = int(predictionNames_.size());
  if (column == 0) {
    painter.drawText(first, Qt::AlignCenter,
                     metrics.elidedText(QString::fromStdString(sampleIds_[std::size_t(row)]),
                                        Qt::ElideMiddle, box.width()));
  } else if (column <= predCount) {
    if (std::size_t(row) >= metrics_.size()) return;
    const SampleMetrics& m = metrics_[std::size_t(row)][std::size_t(column - 1)];
    painter.drawText(first, Qt::AlignCenter, tr("mIoU %1").arg(number(100.0 * m.handMiou, 1)));
    painter.drawText(second, Qt::AlignCenter, tr("HD95 %1").arg(number(m.handHd95, 1)));
  } else if (column == predCount + 2) {
    // Legend of the 3D view: each mesh's name in its colour, wrapped to the cell width.
    std::vector<std::pair<QString, QColor>> items = {{tr("GT"), groundTruthMeshColor()}};
    for (int p = 0; p < predCount; ++p)
      items.emplace_back(predictionNames_[std::size_t(p)], predictionMeshColor(std::size_t(p)));
    QPointF pos(box.left(), box.top());
    const double space = metrics.horizontalAdvance(QLatin1Char(' '));
    for (const auto& [name, colour] : items) {
      const double w = metrics.horizontalAdvance(name);
      if (pos.x() + w > box.right() && pos.x() > box.left())
        pos = QPointF(box.left(), pos.y() + line);
      if (pos.y() + line > box.bottom() + 0.5) break;
      painter.setPen(colour.darker(115));
      painter.drawText(QRectF(pos, QSizeF(w + 1, line)), Qt::AlignLeft | Qt::AlignVCenter, name);
      pos.rx() += w + space;
    }
  }
}

}  // namespace handalign
