#include "SamplePresenter.h"

#include "StudioSession.h"

#include "canvas/ImageCanvas.h"
#include "canvas/PartPalette.h"
#include "metrics/MetricsPanel.h"
#include "render/SampleViews.h"
#include "vtk/MeshView3D.h"

#include <QImage>

#include <algorithm>
#include <cmath>
#include <limits>

namespace handalign {

SamplePresenter::SamplePresenter(StudioSession* session, ImageCanvas* canvas, MeshView3D* meshView,
                                 MetricsPanel* metrics, QObject* parent)
    : QObject(parent), session_(session), canvas_(canvas), meshView_(meshView), metrics_(metrics) {
  connect(meshView_, &MeshView3D::vertexHovered, this, &SamplePresenter::onVertexHovered);
  connect(canvas_, &ImageCanvas::pixelInspected, this,
          [this](QPoint p, int gt, int reference, int shown, float distance) {
            onPixelInspected(p);
            Q_EMIT inspected(inspectorText(p, gt, reference, shown, distance));
          });
}

void SamplePresenter::showNetworkSegmentation(const QString& shownName, std::size_t sample,
                                              int width, int height) {
  network_ = LabelImage();
  networkNote_ =
      tr("The shown method's predictions do not come from a run that wrote a "
         "segmentation (handalign infer --segmentation, or Preferences → Inference "
         "for the studio's model runs)");
  const std::string id = session_->session().dataset->sampleId(sample);
  if (const LabelImage* run = session_->modelSegmentation(shownName.toStdString(), sample);
      run && run->width == width && run->height == height) {
    network_ = *run;  // a model run in the studio on this sample
    networkNote_.clear();
    return;
  }
  for (const auto& [name, file] : session_->request().predictions) {
    if (QString::fromStdString(name) != shownName) continue;
    try {
      const std::filesystem::path dir = file.parent_path();
      auto known = declared_.find(dir);
      if (known == declared_.end())
        known = declared_.emplace(dir, readDeclaredSegmentation(dir)).first;
      if (known->second.empty()) return;
      network_ = readNetworkSegmentation(known->second, id, width, height);
      networkNote_ = network_.empty()
                         ? tr("The shown method's run has no segmentation of sample "
                              "%1 (%2)")
                               .arg(QString::fromStdString(id),
                                    QString::fromStdString(known->second.hand.string()))
                         : QString();
    } catch (const std::exception& e) {
      networkNote_ = QString::fromStdString(e.what());
      Q_EMIT message(networkNote_, 8000);
    }
  }
}

void SamplePresenter::clear() {
  current_ = -1;
  labels_ = {};
  network_ = LabelImage();
  networkNote_.clear();
  declared_.clear();  // another dataset comes next
  canvas_->clear();
}

void SamplePresenter::setOffsetsWanted(bool on) {
  offsetsWanted_ = on;
  show(current_);
}

void SamplePresenter::show(int index) {
  if (!session_->isOpen()) return;
  const EvalSession& s = session_->session();
  const Dataset& ds = *s.dataset;
  if (index < 0 || std::size_t(index) >= ds.size()) return;
  const std::size_t i = std::size_t(index);
  current_ = index;
  canvas_->setMarker(std::nullopt);
  meshView_->highlightVertex(-1, -1);
  const QImage image(QString::fromStdString(ds.imagePath(i).string()));
  if (image.isNull())
    Q_EMIT message(tr("Cannot read %1").arg(QString::fromStdString(ds.imagePath(i).string())),
                   5000);
  canvas_->setImage(image);
  // Overlays at the image's own size, by the same rasterizer as the metrics (SampleViews).
  const int w = ds.imageWidth(), h = ds.imageHeight();
  intrinsics_ = ds.intrinsics(i);
  SampleViews views(ds, s.model);
  labels_ = {views.groundTruth(i, w, h), LabelImage(), LabelImage()};
  canvas_->setLabels(ImageCanvas::Layer::GroundTruth, labels_[0]);
  meshView_->setMesh(MeshKind::GroundTruth, ds.hasVertices() ? Points(ds.vertices(i)) : Points());
  // The two methods the user picked (Overlays dock): the one under study and its reference.
  const auto& runs = session_->runs();
  const int shown = session_->shownRun(), reference = session_->referenceRun();
  const QString shownName = shown >= 0 ? runs[std::size_t(shown)].name : QString();
  const QString referenceName =
      reference >= 0 && reference != shown ? runs[std::size_t(reference)].name : QString();
  meshView_->setMesh(MeshKind::Reference, Points());
  meshView_->setMesh(MeshKind::Shown, Points());
  for (const Prediction& p : s.predictions) {
    const QString name = QString::fromStdString(p.name);
    const bool isShown = name == shownName, isReference = name == referenceName;
    if ((!isShown && !isReference) || !SampleViews::hasMesh(p, i)) continue;
    labels_[isShown ? 2 : 1] = views.prediction(p, i, w, h);
    meshView_->setMesh(isShown ? MeshKind::Shown : MeshKind::Reference,
                       Points(p.vertices.points(i)));
  }
  // Each method in its own colour (render/Palette.h), the same as in the charts and figures.
  canvas_->setMethodColors(methodColor(std::size_t(std::max(reference, 0))),
                           methodColor(std::size_t(std::max(shown, 0))), referenceName, shownName);
  canvas_->setLabels(ImageCanvas::Layer::Reference, labels_[1]);
  canvas_->setLabels(ImageCanvas::Layer::Shown, labels_[2]);
  showNetworkSegmentation(shownName, i, w, h);
  showAllMethods(views, i, w, h);
  canvas_->setDistanceMap(!labels_[0].empty() && !labels_[2].empty()
                              ? SampleViews::distanceMap(labels_[2], labels_[0])
                              : BoundaryDistanceMap());
  // Offsets ΔM only where the shown method is declared the refinement of the reference.
  meshView_->setOffsetsVisible(offsetsWanted_ && !referenceName.isEmpty() &&
                               refinedFrom(session_->declaredRoles(), shownName.toStdString()) ==
                                   referenceName.toStdString());
  meshView_->setImageCamera(intrinsics_, image);
  meshView_->resetCamera();
  refreshMetrics();
}

void SamplePresenter::showAllMethods(SampleViews& views, std::size_t sample, int w, int h) {
  // Only while the layer is shown: each method's silhouette is rendered (about 0.5 ms each).
  if (!canvas_->overlayVisible(ImageCanvas::Layer::AllMethods)) {
    canvas_->setMethodContours({}, {});
    return;
  }
  QImage contours(w, h, QImage::Format_RGBA8888);
  contours.fill(Qt::transparent);
  std::vector<std::pair<QString, QColor>> legend{{tr("ground truth"), kGtColor}};
  // The boundary rule of docs/metrics.md: inside, with a 4-neighbour outside or at the border.
  auto onEdge = [w, h](const LabelImage& l, int x, int y) {
    return l.at(x, y) && (x == 0 || y == 0 || x == w - 1 || y == h - 1 || !l.at(x - 1, y) ||
                          !l.at(x + 1, y) || !l.at(x, y - 1) || !l.at(x, y + 1));
  };
  const auto& runs = session_->runs();
  for (const Prediction& p : session_->session().predictions) {
    if (!SampleViews::hasMesh(p, sample)) continue;
    const QString name = QString::fromStdString(p.name);
    std::size_t run = 0;
    while (run < runs.size() && runs[run].name != name) ++run;
    const QColor colour = methodColor(run);  // the method's colour in the charts and figures
    const LabelImage labels = views.prediction(p, sample, w, h);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        if (onEdge(labels, x, y)) contours.setPixelColor(x, y, colour);
    legend.emplace_back(name, colour);
  }
  // The GT contour too, in its colour, so every method is seen against it.
  const LabelImage& gt = labels_[0];
  for (int y = 0; y < gt.height && gt.width == w && gt.height == h; ++y)
    for (int x = 0; x < w; ++x)
      if (onEdge(gt, x, y) && contours.pixelColor(x, y).alpha() == 0)
        contours.setPixelColor(x, y, kGtColor);
  canvas_->setMethodContours(contours, legend);
}

void SamplePresenter::refreshAllMethods() {
  if (!session_->isOpen() || current_ < 0) return;
  const Dataset& ds = *session_->session().dataset;
  SampleViews views(ds, session_->session().model);
  showAllMethods(views, std::size_t(current_), ds.imageWidth(), ds.imageHeight());
}

void SamplePresenter::refreshMetrics() {
  if (!session_->isOpen() || current_ < 0) return;
  metrics_->setSample(
      QString::fromStdString(session_->session().dataset->sampleId(std::size_t(current_))),
      session_->sampleMetrics(std::size_t(current_)), session_->referenceRun(),
      session_->shownRun());
}

QString SamplePresenter::partText(int label) {
  const QString names[] = {tr("background"), tr("palm"), tr("thumb"), tr("index"),
                           tr("middle"),     tr("ring"), tr("pinky")};
  if (label < 0) return QStringLiteral("–");
  return label < 7 ? names[label] : tr("label %1").arg(label);
}

QString SamplePresenter::inspectorText(QPoint p, int gt, int reference, int shown,
                                       float distance) const {
  const auto& runs = session_->runs();
  auto name = [&runs](int run) {
    return run >= 0 && run < int(runs.size()) ? runs[std::size_t(run)].name : QString();
  };
  const int ref = session_->referenceRun(), cur = session_->shownRun();
  QString text = tr("pixel (%1, %2)  GT %3").arg(p.x()).arg(p.y()).arg(partText(gt));
  if (ref >= 0 && ref != cur) text += QStringLiteral("  %1 %2").arg(name(ref), partText(reference));
  if (cur >= 0) text += QStringLiteral("  %1 %2").arg(name(cur), partText(shown));
  return text +
         tr("  boundary distance %1 px")
             .arg(std::isnan(distance) ? QStringLiteral("–") : QString::number(distance, 'f', 2));
}

void SamplePresenter::onVertexHovered(int mesh, int vertex) {
  std::optional<QPointF> marker;
  if (current_ >= 0 && mesh >= 0 && mesh < kMeshKindCount && vertex >= 0) {
    const Points& points = meshView_->scene().mesh(MeshKind(mesh));
    if (vertex < points.rows()) {
      const Eigen::Vector3d p = points.row(vertex).transpose();
      if (p.z() > 0) {  // in front of the camera
        const Eigen::Vector2d uv = intrinsics_.project(p);
        marker = QPointF(uv.x(), uv.y());
      }
    }
  }
  canvas_->setMarker(marker);
}

void SamplePresenter::onPixelInspected(QPoint pixel) {
  if (current_ < 0) return;
  // The shown mesh, else the ground truth: of its vertices projecting within 3 px of the pixel's
  // centre, the one nearest the camera, i.e. on the surface the cursor points at.
  MeshKind kind = MeshKind::Shown;
  if (meshView_->scene().mesh(kind).rows() == 0) kind = MeshKind::GroundTruth;
  const Points& points = meshView_->scene().mesh(kind);
  const Eigen::Vector2d centre(pixel.x(), pixel.y());
  int best = -1;
  double bestDepth = std::numeric_limits<double>::infinity();
  for (Eigen::Index v = 0; v < points.rows(); ++v) {
    const Eigen::Vector3d p = points.row(v).transpose();
    if (!(p.z() > 0) || p.z() >= bestDepth) continue;
    if ((intrinsics_.project(p) - centre).squaredNorm() <= 9.0) best = int(v), bestDepth = p.z();
  }
  const std::pair<int, int> highlight{best < 0 ? -1 : int(kind), best};
  if (meshView_->scene().highlightedVertex() != highlight)
    meshView_->highlightVertex(highlight.first, highlight.second);
}

}  // namespace handalign
