#include "MeshView3DScene.h"

#include "render/Palette.h"

#include <Eigen/LU>

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkCellPicker.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkLookupTable.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkSphereSource.h>
#include <vtkTextProperty.h>
#include <vtkTexture.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace handalign {
namespace {

constexpr const char* kPartArray = "part";
constexpr const char* kOffsetArray = "offset_mm";
constexpr const char* kErrorArray = "error_mm";

vtkSmartPointer<vtkActor> makeActor(vtkPolyData* poly) {
  auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  mapper->SetInputData(poly);
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  return actor;
}

vtkSmartPointer<vtkPoints> toVtkPoints(const Points& p) {
  auto pts = vtkSmartPointer<vtkPoints>::New();
  pts->SetDataTypeToDouble();
  pts->SetNumberOfPoints(p.rows());
  for (Eigen::Index i = 0; i < p.rows(); ++i) pts->SetPoint(i, p(i, 0), p(i, 1), p(i, 2));
  return pts;
}

// Per-vertex distance in millimetres; empty when the two meshes do not correspond.
vtkSmartPointer<vtkFloatArray> distanceArray(const char* name, const Points& a, const Points& b) {
  if (a.rows() == 0 || a.rows() != b.rows()) return nullptr;
  auto arr = vtkSmartPointer<vtkFloatArray>::New();
  arr->SetName(name);
  arr->SetNumberOfValues(a.rows());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    arr->SetValue(i, static_cast<float>((a.row(i) - b.row(i)).norm() * 1000.0));
  return arr;
}

vtkSmartPointer<vtkLookupTable> rampLut() {
  auto lut = vtkSmartPointer<vtkLookupTable>::New();
  lut->SetHueRange(0.667, 0.0);  // blue (aligned) to red (far off)
  lut->SetNumberOfTableValues(256);
  lut->Build();
  return lut;
}

}  // namespace

MeshView3DScene::MeshView3DScene(vtkRenderer* renderer)
    : renderer_(renderer), triangles_(vtkSmartPointer<vtkCellArray>::New()) {
  renderer_->SetBackground(0.13, 0.14, 0.16);
  for (int i = 0; i < kMeshKindCount; ++i) {
    polys_[i] = vtkSmartPointer<vtkPolyData>::New();
    // Smooth point normals; no splitting, so point ids stay vertex ids for picking.
    auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
    normals->SetInputData(polys_[i]);
    normals->SplittingOff();
    normals->ConsistencyOff();
    auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
    mapper->SetInputConnection(normals->GetOutputPort());
    actors_[i] = vtkSmartPointer<vtkActor>::New();
    actors_[i]->SetMapper(mapper);
    actors_[i]->VisibilityOff();
    renderer_->AddActor(actors_[i]);
  }

  partLut_ = vtkSmartPointer<vtkLookupTable>::New();
  partLut_->IndexedLookupOn();
  partLut_->SetNumberOfTableValues(kPartCount);
  for (int p = 0; p < kPartCount; ++p) {
    const Rgb8 c = palette::part(static_cast<Part>(p));
    partLut_->SetTableValue(p, c.r / 255.0, c.g / 255.0, c.b / 255.0, 1.0);
    partLut_->SetAnnotation(vtkVariant(double(p + 1)), std::string(kPartNames[p]).c_str());
  }
  offsetLut_ = rampLut();
  errorLut_ = rampLut();
  colorBar_ = vtkSmartPointer<vtkScalarBarActor>::New();
  colorBar_->SetPosition(0.85, 0.08);
  colorBar_->SetWidth(0.14);
  colorBar_->SetHeight(0.8);
  colorBar_->SetNumberOfLabels(5);
  colorBar_->SetMaximumWidthInPixels(90);
  colorBar_->GetTitleTextProperty()->SetFontSize(12);
  colorBar_->UnconstrainedFontSizeOn();
  colorBar_->GetLabelTextProperty()->SetFontSize(11);
  colorBar_->GetAnnotationTextProperty()->SetFontSize(11);
  renderer_->AddViewProp(colorBar_);

  offsetPoly_ = vtkSmartPointer<vtkPolyData>::New();
  offsetActor_ = makeActor(offsetPoly_);
  offsetActor_->GetProperty()->SetColor(1.0, 0.85, 0.2);
  offsetActor_->GetProperty()->SetLineWidth(1.5);
  offsetActor_->GetProperty()->LightingOff();
  offsetActor_->PickableOff();
  offsetActor_->VisibilityOff();
  renderer_->AddActor(offsetActor_);

  frustumPoly_ = vtkSmartPointer<vtkPolyData>::New();
  frustumActor_ = makeActor(frustumPoly_);
  frustumActor_->GetProperty()->SetColor(0.9, 0.9, 0.9);
  frustumActor_->GetProperty()->LightingOff();
  planePoly_ = vtkSmartPointer<vtkPolyData>::New();
  planeActor_ = makeActor(planePoly_);
  planeActor_->GetProperty()->LightingOff();  // show the image's own colours
  texture_ = vtkSmartPointer<vtkTexture>::New();
  texture_->InterpolateOn();
  for (vtkActor* a : {frustumActor_.Get(), planeActor_.Get()}) {
    a->PickableOff();
    a->VisibilityOff();
    renderer_->AddActor(a);
  }

  markerSource_ = vtkSmartPointer<vtkSphereSource>::New();
  markerSource_->SetRadius(0.003);
  markerSource_->SetThetaResolution(16);
  markerSource_->SetPhiResolution(16);
  auto markerMapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  markerMapper->SetInputConnection(markerSource_->GetOutputPort());
  markerActor_ = vtkSmartPointer<vtkActor>::New();
  markerActor_->SetMapper(markerMapper);
  markerActor_->GetProperty()->SetColor(0.0, 1.0, 1.0);
  markerActor_->PickableOff();
  markerActor_->VisibilityOff();
  renderer_->AddActor(markerActor_);

  picker_ = vtkSmartPointer<vtkCellPicker>::New();
  picker_->SetTolerance(0.0);
  picker_->PickFromListOn();
  for (auto& a : actors_) picker_->AddPickList(a);
  updateColors();
}

MeshView3DScene::~MeshView3DScene() {
  // The renderer outlives the scene when the widget is reused; leave it empty.
  for (auto& a : actors_) renderer_->RemoveActor(a);
  for (vtkActor* a :
       {offsetActor_.Get(), frustumActor_.Get(), planeActor_.Get(), markerActor_.Get()})
    renderer_->RemoveActor(a);
  renderer_->RemoveViewProp(colorBar_);
}

void MeshView3DScene::setHandModel(const HandModel& model) {
  model_ = model;
  triangles_ = vtkSmartPointer<vtkCellArray>::New();
  for (const auto& f : model_.faces) {
    const vtkIdType ids[3] = {f[0], f[1], f[2]};
    triangles_->InsertNextCell(3, ids);
  }
  for (int i = 0; i < kMeshKindCount; ++i) rebuildMesh(i);
  updateScalars();
  updateOffsets();
}

void MeshView3DScene::setMesh(MeshKind kind, const Points& vertices) {
  meshes_[index(kind)] = vertices;
  rebuildMesh(index(kind));
  updateScalars();
  updateOffsets();
  updateHighlight();
  if (hasCamera_) updateCameraProps();  // the automatic plane depth follows the meshes
}

void MeshView3DScene::rebuildMesh(int i) {
  const Points& v = meshes_[i];
  // A mesh that does not fit the topology is not drawn rather than drawn wrong.
  const bool usable = v.rows() > 0 && v.rows() == model_.vertexCount && !model_.faces.empty();
  polys_[i]->Initialize();
  if (usable) {
    polys_[i]->SetPoints(toVtkPoints(v));
    polys_[i]->SetPolys(triangles_);
    auto labels = vtkSmartPointer<vtkFloatArray>::New();
    labels->SetName(kPartArray);
    const std::vector<std::uint8_t> faceLabels = model_.faceLabels();
    labels->SetNumberOfValues(static_cast<vtkIdType>(faceLabels.size()));
    for (size_t f = 0; f < faceLabels.size(); ++f) labels->SetValue(f, faceLabels[f]);
    polys_[i]->GetCellData()->AddArray(labels);
  }
  actors_[i]->SetVisibility(usable && visible_[i]);
}

void MeshView3DScene::updateScalars() {
  const Points& rough = meshes_[index(MeshKind::Reference)];
  const Points& refined = meshes_[index(MeshKind::Shown)];
  const Points& gt = meshes_[index(MeshKind::GroundTruth)];
  const auto offset = distanceArray(kOffsetArray, refined, rough);
  for (MeshKind k : {MeshKind::Reference, MeshKind::Shown}) {
    vtkPolyData* poly = polys_[index(k)];
    if (poly->GetNumberOfPoints() == 0) continue;
    if (offset) poly->GetPointData()->AddArray(offset);
    if (auto err = distanceArray(kErrorArray, meshes_[index(k)], gt))
      poly->GetPointData()->AddArray(err);
  }
  updateColors();
}

void MeshView3DScene::setMeshVisible(MeshKind kind, bool visible) {
  visible_[index(kind)] = visible;
  rebuildMesh(index(kind));
  updateScalars();
}

void MeshView3DScene::setColorMode(ColorMode mode) {
  colorMode_ = mode;
  updateColors();
}

void MeshView3DScene::setColorRange(ColorMode mode, double lowMm, double highMm) {
  if (mode == ColorMode::ByPart || !(highMm > lowMm)) return;  // parts have a fixed legend
  ranges_[static_cast<int>(mode)] = {lowMm, highMm};
  updateColors();
}

std::pair<double, double> MeshView3DScene::colorRange(ColorMode mode) const {
  return ranges_[static_cast<int>(mode)];
}

void MeshView3DScene::updateColors() {
  const auto [lo, hi] = colorRange(colorMode_);
  vtkLookupTable* lut = colorMode_ == ColorMode::ByPart     ? partLut_.Get()
                        : colorMode_ == ColorMode::ByOffset ? offsetLut_.Get()
                                                            : errorLut_.Get();
  if (colorMode_ != ColorMode::ByPart) lut->SetTableRange(lo, hi);
  const char* array = colorMode_ == ColorMode::ByPart     ? kPartArray
                      : colorMode_ == ColorMode::ByOffset ? kOffsetArray
                                                          : kErrorArray;
  const bool cellData = colorMode_ == ColorMode::ByPart;
  for (int i = 0; i < kMeshKindCount; ++i) {
    auto* mapper = vtkPolyDataMapper::SafeDownCast(actors_[i]->GetMapper());
    vtkDataSetAttributes* data = cellData
                                     ? static_cast<vtkDataSetAttributes*>(polys_[i]->GetCellData())
                                     : polys_[i]->GetPointData();
    // A mesh without the mode's quantity (the GT has no offset or error) is drawn plain grey.
    const bool has = data->HasArray(array);
    mapper->SetScalarVisibility(has);
    mapper->SetLookupTable(lut);
    mapper->UseLookupTableScalarRangeOn();
    mapper->SetInterpolateScalarsBeforeMapping(!cellData);
    if (cellData)
      mapper->SetScalarModeToUseCellFieldData();
    else
      mapper->SetScalarModeToUsePointFieldData();
    mapper->SelectColorArray(array);
    actors_[i]->GetProperty()->SetColor(0.75, 0.75, 0.75);
  }
  colorBar_->SetLookupTable(lut);
  colorBar_->SetTitle(colorMode_ == ColorMode::ByPart     ? "part"
                      : colorMode_ == ColorMode::ByOffset ? "offset mm"
                                                          : "error mm");
}

vtkScalarBarActor* MeshView3DScene::colorBar() const { return colorBar_; }

void MeshView3DScene::setOffsetsVisible(bool visible) {
  offsetsVisible_ = visible;
  updateOffsets();
}

void MeshView3DScene::updateOffsets() {
  const Points& rough = meshes_[index(MeshKind::Reference)];
  const Points& refined = meshes_[index(MeshKind::Shown)];
  const bool usable = rough.rows() > 0 && rough.rows() == refined.rows();
  offsetPoly_->Initialize();
  if (usable) {
    // One segment per vertex, from M_r to M_f.
    Points ends(rough.rows() * 2, 3);
    auto lines = vtkSmartPointer<vtkCellArray>::New();
    for (Eigen::Index i = 0; i < rough.rows(); ++i) {
      ends.row(2 * i) = rough.row(i);
      ends.row(2 * i + 1) = refined.row(i);
      const vtkIdType ids[2] = {2 * i, 2 * i + 1};
      lines->InsertNextCell(2, ids);
    }
    offsetPoly_->SetPoints(toVtkPoints(ends));
    offsetPoly_->SetLines(lines);
  }
  offsetActor_->SetVisibility(usable && offsetsVisible_);
}

void MeshView3DScene::setImageCamera(const Intrinsics& intrinsics, const QImage& image) {
  intrinsics_ = intrinsics;
  hasCamera_ = intrinsics.isFinite() && std::abs(intrinsics.K.determinant()) > 0;
  if (!image.isNull()) {
    imageWidth_ = image.width();
    imageHeight_ = image.height();
    // Row 0 of the texture is the image's top row; the plane's origin is put there to match.
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    auto data = vtkSmartPointer<vtkImageData>::New();
    data->SetDimensions(rgb.width(), rgb.height(), 1);
    data->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    auto* dst = static_cast<unsigned char*>(data->GetScalarPointer());
    for (int y = 0; y < rgb.height(); ++y)
      std::memcpy(dst + size_t(y) * rgb.width() * 3, rgb.constScanLine(y), size_t(rgb.width()) * 3);
    texture_->SetInputData(data);
    planeActor_->SetTexture(texture_);
  } else {
    imageWidth_ = static_cast<int>(std::lround(2 * intrinsics.K(0, 2) + 1));
    imageHeight_ = static_cast<int>(std::lround(2 * intrinsics.K(1, 2) + 1));
    planeActor_->SetTexture(nullptr);
  }
  hasImage_ = !image.isNull();
  updateCameraProps();
}

void MeshView3DScene::setImagePlaneDepth(double depth) {
  planeDepth_ = depth;
  updateCameraProps();
}

void MeshView3DScene::setCameraVisible(bool visible) {
  cameraVisible_ = visible;
  updateCameraProps();
}

double MeshView3DScene::imagePlaneDepth() const {
  if (planeDepth_ > 0) return planeDepth_;
  double farthest = 0;
  for (const Points& m : meshes_)
    if (m.rows() > 0) farthest = std::max(farthest, m.col(2).maxCoeff());
  return farthest > 0 ? farthest * 1.15 : 1.0;
}

void MeshView3DScene::updateCameraProps() {
  const bool show = hasCamera_ && cameraVisible_ && imageWidth_ > 0 && imageHeight_ > 0;
  frustumActor_->SetVisibility(show);
  planeActor_->SetVisibility(show && hasImage_);
  if (!show) return;
  const double d = imagePlaneDepth();
  const Eigen::Matrix3d Kinv = intrinsics_.K.inverse();
  // Pixel-edge corners (pixel centres are integers): top-left, top-right, bottom-left,
  // bottom-right.
  const double u0 = -0.5, v0 = -0.5, u1 = imageWidth_ - 0.5, v1 = imageHeight_ - 0.5;
  Points corners(5, 3);
  corners.row(0).setZero();
  const double uv[4][2] = {{u0, v0}, {u1, v0}, {u0, v1}, {u1, v1}};
  for (int c = 0; c < 4; ++c) {
    const Eigen::Vector3d ray = Kinv * Eigen::Vector3d(uv[c][0], uv[c][1], 1.0);
    corners.row(c + 1) = (ray * (d / ray.z())).transpose();
  }
  auto lines = vtkSmartPointer<vtkCellArray>::New();
  const vtkIdType segs[8][2] = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}, {2, 4}, {4, 3}, {3, 1}};
  for (const auto& s : segs) lines->InsertNextCell(2, s);
  frustumPoly_->Initialize();
  frustumPoly_->SetPoints(toVtkPoints(corners));
  frustumPoly_->SetLines(lines);

  // A quad with texture coordinates (0,0) at the image's top-left corner (texture row 0).
  planePoly_->Initialize();
  planePoly_->SetPoints(toVtkPoints(corners.bottomRows(4)));
  auto quad = vtkSmartPointer<vtkCellArray>::New();
  const vtkIdType q[4] = {0, 1, 3, 2};
  quad->InsertNextCell(4, q);
  planePoly_->SetPolys(quad);
  auto tc = vtkSmartPointer<vtkFloatArray>::New();
  tc->SetNumberOfComponents(2);
  const float st[4][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
  for (const auto& t : st) tc->InsertNextTuple2(t[0], t[1]);
  planePoly_->GetPointData()->SetTCoords(tc);
}

void MeshView3DScene::resetCamera() {
  vtkCamera* cam = renderer_->GetActiveCamera();
  double focus = 0.5;
  if (hasCamera_) focus = imagePlaneDepth();
  cam->SetPosition(0, 0, 0);
  cam->SetFocalPoint(0, 0, focus);
  cam->SetViewUp(0, -1, 0);
  if (hasCamera_ && imageHeight_ > 0) {
    // Fit the whole image: the vertical angle the image needs, or more if the view is narrower.
    const double fx = intrinsics_.K(0, 0), fy = intrinsics_.K(1, 1);
    const double halfH = std::atan(0.5 * imageHeight_ / fy);
    const double halfW = std::atan(0.5 * imageWidth_ / fx);
    const int* size = renderer_->GetSize();
    const double aspect = size[1] > 0 ? double(size[0]) / size[1] : 1.0;
    const double needed = std::max(halfH, std::atan(std::tan(halfW) / aspect));
    cam->SetViewAngle(2.0 * needed * 180.0 / M_PI);
  }
  renderer_->ResetCameraClippingRange();
}

void MeshView3DScene::highlightVertex(int mesh, int vertex) {
  highlighted_ = {mesh, vertex};
  updateHighlight();
}

void MeshView3DScene::updateHighlight() {
  const auto [mesh, vertex] = highlighted_;
  const bool valid =
      mesh >= 0 && mesh < kMeshKindCount && vertex >= 0 && vertex < meshes_[mesh].rows();
  markerActor_->SetVisibility(valid);
  if (valid) {
    const Points& m = meshes_[mesh];
    markerSource_->SetCenter(m(vertex, 0), m(vertex, 1), m(vertex, 2));
  }
}

std::pair<int, int> MeshView3DScene::pick(double displayX, double displayY) {
  if (!picker_->Pick(displayX, displayY, 0.0, renderer_)) return {-1, -1};
  vtkActor* hit = picker_->GetActor();
  for (int i = 0; i < kMeshKindCount; ++i)
    if (hit == actors_[i].Get() && picker_->GetPointId() >= 0)
      return {i, static_cast<int>(picker_->GetPointId())};
  return {-1, -1};
}

}  // namespace handalign
