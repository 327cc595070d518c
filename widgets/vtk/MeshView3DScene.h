// The VTK props of the 3D view (meshes, offsets, colour bar, camera frustum, image plane,
// highlight marker) kept in one renderer; no Qt widgets, so MeshView3D stays an adapter.
#pragma once

#include "geometry/Camera.h"
#include "geometry/Points.h"
#include "hand/HandModel.h"

#include <QImage>

#include <vtkSmartPointer.h>

#include <array>
#include <utility>

class vtkActor;
class vtkCellArray;
class vtkCellPicker;
class vtkLookupTable;
class vtkPolyData;
class vtkRenderer;
class vtkScalarBarActor;
class vtkSphereSource;
class vtkTexture;

namespace handalign {

// Index order is the `mesh` argument of MeshView3D's signals and slots.
// Reference: the method compared against; Shown: the method under study (the studio picks both).
enum class MeshKind : int { Reference = 0, Shown = 1, GroundTruth = 2 };
inline constexpr int kMeshKindCount = 3;

enum class ColorMode { ByPart, ByOffset, ByError };

class MeshView3DScene {
 public:
  explicit MeshView3DScene(vtkRenderer* renderer);
  ~MeshView3DScene();
  MeshView3DScene(const MeshView3DScene&) = delete;
  MeshView3DScene& operator=(const MeshView3DScene&) = delete;

  void setHandModel(const HandModel& model);
  // V×3 in metres, camera frame; empty hides the mesh. Rows must match the hand model.
  void setMesh(MeshKind kind, const Points& vertices);
  const Points& mesh(MeshKind kind) const { return meshes_[index(kind)]; }
  void setMeshVisible(MeshKind kind, bool visible);
  bool isMeshVisible(MeshKind kind) const { return visible_[index(kind)]; }

  void setColorMode(ColorMode mode);
  ColorMode colorMode() const { return colorMode_; }
  // Fixed colour-bar range in millimetres, shared by all meshes so that colours compare.
  void setColorRange(ColorMode mode, double lowMm, double highMm);
  std::pair<double, double> colorRange(ColorMode mode) const;
  vtkScalarBarActor* colorBar() const;

  void setOffsetsVisible(bool visible);
  bool offsetsVisible() const { return offsetsVisible_; }

  // The image camera: frustum plus the image as a textured plane at `depth` metres (<= 0: just
  // behind the meshes). A null image keeps the frustum, sized from the principal point.
  void setImageCamera(const Intrinsics& intrinsics, const QImage& image);
  void setImagePlaneDepth(double depth);
  void setCameraVisible(bool visible);
  bool cameraVisible() const { return cameraVisible_; }
  // Looks from the image camera: origin, +z forward, −y up, the whole image in view.
  void resetCamera();

  // A marker on (mesh, vertex); a negative or out-of-range pair hides it.
  void highlightVertex(int mesh, int vertex);
  std::pair<int, int> highlightedVertex() const { return highlighted_; }
  // (mesh, vertex) nearest the first visible surface under a display position (device pixels,
  // origin bottom-left), or (-1, -1).
  std::pair<int, int> pick(double displayX, double displayY);

 private:
  static int index(MeshKind k) { return static_cast<int>(k); }
  void rebuildMesh(int i);
  void updateScalars();
  void updateColors();
  void updateOffsets();
  void updateCameraProps();
  void updateHighlight();
  double imagePlaneDepth() const;

  vtkRenderer* renderer_;  // not owned: the widget's
  HandModel model_;
  vtkSmartPointer<vtkCellArray> triangles_;
  std::array<Points, kMeshKindCount> meshes_;
  std::array<bool, kMeshKindCount> visible_{{true, true, true}};
  std::array<vtkSmartPointer<vtkPolyData>, kMeshKindCount> polys_;
  std::array<vtkSmartPointer<vtkActor>, kMeshKindCount> actors_;

  ColorMode colorMode_ = ColorMode::ByPart;
  std::array<std::pair<double, double>, 3> ranges_{{{1, 6}, {0, 10}, {0, 20}}};
  vtkSmartPointer<vtkLookupTable> partLut_, offsetLut_, errorLut_;
  vtkSmartPointer<vtkScalarBarActor> colorBar_;

  bool offsetsVisible_ = false;
  vtkSmartPointer<vtkPolyData> offsetPoly_;
  vtkSmartPointer<vtkActor> offsetActor_;

  Intrinsics intrinsics_;
  bool hasCamera_ = false;
  bool hasImage_ = false;
  int imageWidth_ = 0, imageHeight_ = 0;
  double planeDepth_ = 0.0;
  bool cameraVisible_ = true;
  vtkSmartPointer<vtkPolyData> frustumPoly_, planePoly_;
  vtkSmartPointer<vtkActor> frustumActor_, planeActor_;
  vtkSmartPointer<vtkTexture> texture_;

  std::pair<int, int> highlighted_{-1, -1};
  vtkSmartPointer<vtkSphereSource> markerSource_;
  vtkSmartPointer<vtkActor> markerActor_;
  vtkSmartPointer<vtkCellPicker> picker_;
};

}  // namespace handalign
