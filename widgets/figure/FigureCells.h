// The pictures of one figure row, all from the same crop: input, prediction and GT overlays, 3D
// view.
#pragma once

#include "dataset/Dataset.h"
#include "dataset/Predictions.h"
#include "hand/HandModel.h"

#include <QColor>
#include <QImage>
#include <QRectF>

#include <vector>

namespace handalign {

// What a figure draws from: an EvalSession's dataset, hand model and predictions.
struct FigureSource {
  const Dataset& dataset;
  const HandModel& model;
  const std::vector<Prediction>& predictions;
};

struct CellOptions {
  int pixels = 256;              // side of every (square) cell image
  double margin = 0.15;          // the crop is the masks' bounding box enlarged by this fraction
  double viewYawDegrees = 60.0;  // 3D view: rotation about the vertical axis through the centroid
};

struct FigureRowImages {
  QImage input;
  std::vector<QImage> predictions;  // one per prediction (the input alone when it has no mesh)
  QImage groundTruth;
  QImage view3d;
  QRectF crop;  // the shared crop, image pixels (edge coordinates: pixel i spans [i, i+1))
};

// Renders the cells of `sample`. Throws InputError for an unreadable image or mask.
FigureRowImages renderFigureRow(const FigureSource& source, std::size_t sample,
                                const CellOptions& options);

// Colour of a mesh in the 3D view: ground truth, then each prediction in order.
QColor groundTruthMeshColor();
QColor predictionMeshColor(std::size_t prediction);

}  // namespace handalign
