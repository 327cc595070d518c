// Shows one sample in the studio's views: the image with the GT, reference and shown method on the
// canvas, the meshes and the image camera in 3D, the sample's metrics in the dock; links a hovered
// vertex to its pixel and an inspected pixel to its vertex.
#pragma once

#include "annotation/NetworkSegmentation.h"
#include "geometry/Camera.h"
#include "raster/LabelImage.h"

#include <QObject>
#include <QPoint>
#include <QString>

#include <array>
#include <filesystem>
#include <map>

namespace handalign {

class ImageCanvas;
class MeshView3D;
class MetricsPanel;
class StudioSession;

class SamplePresenter : public QObject {
  Q_OBJECT
 public:
  SamplePresenter(StudioSession* session, ImageCanvas* canvas, MeshView3D* meshView,
                  MetricsPanel* metrics, QObject* parent = nullptr);

  void show(int sample);     // -1 or out of range: nothing
  void refreshMetrics();     // the dock only (after live re-scoring)
  void refreshAllMethods();  // the "All methods" contours only (the layer was toggled)
  void clear();
  void forgetFolders() { declared_.clear(); }  // what prediction folders declare is read again
  int current() const { return current_; }
  const Intrinsics& intrinsics() const { return intrinsics_; }
  // Rendered at the image's size: GT, reference method, shown method (empty where none).
  const std::array<LabelImage, 3>& labels() const { return labels_; }
  // The shown method's own segmentation output of the sample (`infer --segmentation` beside its
  // prediction file), as proposal labels at the image's size; empty where there is none.
  const LabelImage& networkSegmentation() const { return network_; }
  // Why there is none (for the editor's message); empty when there is one.
  const QString& networkSegmentationNote() const { return networkNote_; }
  // Offsets ΔM in 3D where the shown method is declared the refinement of the reference.
  void setOffsetsWanted(bool on);

  // The status-bar text of an inspected pixel: part names, never label numbers.
  QString inspectorText(QPoint pixel, int gt, int reference, int shown, float distance) const;
  static QString partText(int label);

 Q_SIGNALS:
  void message(const QString& text, int ms);
  void inspected(const QString& text);

 private:
  void onVertexHovered(int mesh, int vertex);
  void showAllMethods(class SampleViews& views, std::size_t sample, int width, int height);
  void onPixelInspected(QPoint pixel);
  void showNetworkSegmentation(const QString& shownName, std::size_t sample, int width, int height);

  StudioSession* session_;
  ImageCanvas* canvas_;
  MeshView3D* meshView_;
  MetricsPanel* metrics_;
  int current_ = -1;
  Intrinsics intrinsics_;
  std::array<LabelImage, 3> labels_;
  LabelImage network_;
  QString networkNote_;
  std::map<std::filesystem::path, DeclaredSegmentation> declared_;  // by prediction folder
  bool offsetsWanted_ = true;
};

}  // namespace handalign
