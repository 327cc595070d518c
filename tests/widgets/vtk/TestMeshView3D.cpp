// MeshView3D rendered for real (Xvfb + Mesa): pixels, toggles, colour modes, image plane, picking.
#include "Baseline.h"
#include "GlFormat.h"
#include "MeshView3D.h"
#include "hand/ProceduralHand.h"
#include "render/Palette.h"

#include <QApplication>
#include <QColor>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTest>

#include <vtkRenderer.h>

#include <cmath>
#include <memory>

using namespace handalign;

namespace {

constexpr int kWidth = 400, kHeight = 300;

bool isBackground(QRgb c) {
  // MeshView3DScene's background (0.13, 0.14, 0.16).
  return std::abs(qRed(c) - 33) <= 3 && std::abs(qGreen(c) - 36) <= 3 &&
         std::abs(qBlue(c) - 41) <= 3;
}

// Fraction of non-background pixels in a square of half-size r around (x, y).
double coverage(const QImage& img, int x, int y, int r) {
  int hit = 0, all = 0;
  for (int j = y - r; j <= y + r; ++j)
    for (int i = x - r; i <= x + r; ++i, ++all) hit += !isBackground(img.pixel(i, j));
  return double(hit) / all;
}

// Hues (degrees) of saturated pixels left of the colour bar.
std::vector<int> saturatedHues(const QImage& img) {
  std::vector<int> hues;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width() * 78 / 100; ++x) {
      const QColor c = QColor::fromRgb(img.pixel(x, y));
      if (c.hsvSaturationF() > 0.35 && c.valueF() > 0.15) hues.push_back(c.hsvHue());
    }
  return hues;
}

int differingPixels(const QImage& a, const QImage& b) {
  int n = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) n += a.pixel(x, y) != b.pixel(x, y);
  return n;
}

}  // namespace

class TestMeshView3D : public QObject {
  Q_OBJECT

 private:
  ProceduralHand hand_;
  Points gt_, rough_, refined_;
  Intrinsics K_;
  std::unique_ptr<MeshView3D> view_;

  QImage render() {
    const QImage img = view_->renderToImage().convertToFormat(QImage::Format_RGB32);
    // For looking at the view: HANDALIGN_VTK_SCREENSHOT=/tmp/view-%1.png numbers every render.
    static int count = 0;
    if (const QByteArray path = qgetenv("HANDALIGN_VTK_SCREENSHOT"); !path.isEmpty())
      img.save(QString::fromLocal8Bit(path).arg(count++));
    return img;
  }
  void showOnly(MeshKind kind) {
    for (MeshKind k : {MeshKind::Reference, MeshKind::Shown, MeshKind::GroundTruth})
      view_->setMeshVisible(k, k == kind);
  }
  QPointF widgetPosOf(const Points& mesh, int vertex) {
    vtkRenderer* ren = view_->renderer();
    ren->SetWorldPoint(mesh(vertex, 0), mesh(vertex, 1), mesh(vertex, 2), 1.0);
    ren->WorldToDisplay();
    const double* d = ren->GetDisplayPoint();
    return view_->displayToWidget(d[0], d[1]);
  }

 private Q_SLOTS:
  void initTestCase() {
    // A flat hand, palm towards the camera, fingers up in the image, centred 0.45 m ahead.
    HandPose pose;
    pose.globalRotation = Eigen::AngleAxisd(M_PI, Eigen::Vector3d::UnitX()).toRotationMatrix();
    gt_ = hand_.pose(pose).vertices;
    const Eigen::RowVector3d shift = Eigen::RowVector3d(0, 0, 0.45) - gt_.colwise().mean();
    gt_.rowwise() += shift;
    // Rough: up to 12 mm off, varying along the hand; refined: a fifth of that.
    rough_ = gt_;
    refined_ = gt_;
    const Eigen::RowVector3d dir(0.6, 0.0, 0.8);
    for (Eigen::Index i = 0; i < gt_.rows(); ++i) {
      const double mag = 0.012 * (0.5 + 0.5 * std::sin(40.0 * gt_(i, 1)));
      rough_.row(i) += mag * dir;
      refined_.row(i) += 0.2 * mag * dir;
    }
    K_.K << 400, 0, 111.5, 0, 400, 111.5, 0, 0, 1;
  }

  void init() {
    view_ = std::make_unique<MeshView3D>();
    view_->resize(kWidth, kHeight);
    view_->show();
    QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
    view_->setHandModel(hand_.model());
    view_->setMesh(MeshKind::GroundTruth, gt_);
    view_->setMesh(MeshKind::Reference, rough_);
    view_->setMesh(MeshKind::Shown, refined_);
    view_->setImageCamera(K_, QImage());
    view_->resetCamera();
  }

  void cleanup() { view_.reset(); }

  void testMeshCoversCentreBackgroundElsewhere() {
    const QImage img = render();
    QVERIFY(img.width() >= kWidth && img.height() >= kHeight);
    const int w = img.width(), h = img.height();
    QVERIFY2(coverage(img, w / 2, h / 2, 10) > 0.95, "the hand should cover the view's centre");
    for (const QPoint p : {QPoint(3, 3), QPoint(3, h - 4), QPoint(w / 2, 3)})
      QVERIFY2(isBackground(img.pixel(p)),
               qPrintable(QString("pixel %1,%2").arg(p.x()).arg(p.y())));
  }

  void testByPartShowsSeveralPartColours() {
    view_->setColorMode(ColorMode::ByPart);
    // Nearest hue of the shared palette (render/Palette.h) per saturated pixel; parts whose
    // Okabe–Ito colours share a hue (thumb and ring: light and dark blue) count as one.
    std::vector<int> paletteHues;
    for (int p = 0; p < kPartCount; ++p) {
      const Rgb8 c = palette::part(Part(p));
      const int hue = QColor(c.r, c.g, c.b).hue();
      bool known = false;
      for (int h : paletteHues) known = known || std::abs(h - hue) < 6;
      if (!known) paletteHues.push_back(hue);
    }
    std::vector<int> counts(paletteHues.size(), 0);
    for (int hue : saturatedHues(render())) {
      int best = 0, bestDist = 360;
      for (std::size_t p = 0; p < paletteHues.size(); ++p) {
        const int d = std::abs(hue - paletteHues[p]);
        const int dist = std::min(d, 360 - d);
        if (dist < bestDist) bestDist = dist, best = int(p);
      }
      if (bestDist <= 6) ++counts[std::size_t(best)];
    }
    int partsSeen = 0;
    for (int c : counts) partsSeen += c > 40;
    QVERIFY2(
        partsSeen >= 4,
        qPrintable(QString("part hues seen: %1 of %2").arg(partsSeen).arg(paletteHues.size())));
  }

  void testTogglingMeshesChangesImage() {
    const QImage all = render();
    showOnly(MeshKind::GroundTruth);
    const QImage gtOnly = render();
    showOnly(MeshKind::Reference);
    const QImage roughOnly = render();
    QVERIFY(differingPixels(gtOnly, roughOnly) > 200);
    QVERIFY(differingPixels(all, gtOnly) > 50);
    view_->setMeshVisible(MeshKind::Reference, false);
    const QImage none = render();
    QCOMPARE(coverage(none, none.width() / 2, none.height() / 2, 10), 0.0);
  }

  void testByErrorColoursFollowTheError() {
    showOnly(MeshKind::Shown);
    const QImage byPart = render();
    view_->setColorMode(ColorMode::ByError);  // 0..20 mm, blue (0) to red (20)
    const QImage refinedErr = render();
    QVERIFY(differingPixels(byPart, refinedErr) > 2000);
    // Refined is at most 2.4 mm off: all blue.
    const std::vector<int> refinedHues = saturatedHues(refinedErr);
    QVERIFY(refinedHues.size() > 2000);
    int blue = 0;
    for (int h : refinedHues) blue += h >= 200 && h <= 250;
    QVERIFY2(blue > 0.95 * refinedHues.size(), "refined error should be near the bar's low end");
    // Rough is up to 12 mm off: a good share is past cyan, towards green and yellow.
    showOnly(MeshKind::Reference);
    const std::vector<int> roughHues = saturatedHues(render());
    int warm = 0;
    for (int h : roughHues) warm += h < 170;
    QVERIFY2(warm > 0.2 * roughHues.size(), "rough error should reach the middle of the bar");
    // The GT has no error of its own: drawn plain (unsaturated).
    showOnly(MeshKind::GroundTruth);
    QVERIFY(saturatedHues(render()).size() < 200);
  }

  void testOffsetGlyphsAndOffsetColours() {
    showOnly(MeshKind::Reference);
    view_->setMeshVisible(MeshKind::Reference, false);
    view_->setOffsetsVisible(true);
    auto yellowPixels = [](const QImage& img) {
      int n = 0;
      for (int h : saturatedHues(img)) n += h >= 35 && h <= 60;
      return n;
    };
    QVERIFY(yellowPixels(render()) > 100);  // the M_r -> M_f segments, meshes hidden
    view_->setOffsetsVisible(false);
    QCOMPARE(yellowPixels(render()), 0);

    // |dM| = 0.8 |M_r - GT| here, on its own 0..10 mm range: not the error colours.
    view_->setMeshVisible(MeshKind::Reference, true);
    view_->setColorMode(ColorMode::ByError);
    const QImage byError = render();
    view_->setColorMode(ColorMode::ByOffset);
    const QImage byOffset = render();
    QVERIFY(differingPixels(byError, byOffset) > 2000);
    // A wider fixed range pushes every vertex towards the low (blue) end.
    view_->setColorRange(ColorMode::ByOffset, 0.0, 1000.0);
    int blue = 0;
    const std::vector<int> hues = saturatedHues(render());
    for (int h : hues) blue += h >= 200 && h <= 250;
    QVERIFY(blue > 0.95 * hues.size());
  }

  void testImagePlaneShowsImageUpright() {
    QImage image(224, 224, QImage::Format_RGB888);
    const QColor quadrants[4] = {Qt::red, Qt::green, Qt::blue, Qt::white};  // TL TR BL BR
    for (int y = 0; y < 224; ++y)
      for (int x = 0; x < 224; ++x)
        image.setPixelColor(x, y, quadrants[(y >= 112) * 2 + (x >= 112)]);
    view_->setImageCamera(K_, image);
    showOnly(MeshKind::Shown);
    view_->setMeshVisible(MeshKind::Shown, false);
    view_->resetCamera();
    const QImage img = render();
    const int w = img.width(), h = img.height();
    // Seen from the image camera the plane fills the view's height, centred.
    const QPoint probes[4] = {{w / 2 - h / 4, h / 4},
                              {w / 2 + h / 4, h / 4},
                              {w / 2 - h / 4, 3 * h / 4},
                              {w / 2 + h / 4, 3 * h / 4}};
    for (int q = 0; q < 4; ++q) {
      const QColor got = QColor::fromRgb(img.pixel(probes[q]));
      const QColor want = quadrants[q];
      QVERIFY2(std::abs(got.red() - want.red()) < 30 && std::abs(got.green() - want.green()) < 30 &&
                   std::abs(got.blue() - want.blue()) < 30,
               qPrintable(QString("quadrant %1: got %2").arg(q).arg(got.name())));
    }
  }

  // Whole renderings against stored PNGs (Mesa llvmpipe under Xvfb; text of the colour bar
  // anti-aliased, hence a looser tolerance than the canvas's).
  void testRenderingMatchesBaselines() {
    showOnly(MeshKind::Shown);
    view_->setMeshVisible(MeshKind::GroundTruth, true);
    view_->setColorMode(ColorMode::ByPart);
    test::compareWithBaseline(render(), "widgets/vtk/baselines", "by-part", 8, 0.005);
    showOnly(MeshKind::Reference);
    view_->setColorMode(ColorMode::ByError);
    view_->setOffsetsVisible(true);
    test::compareWithBaseline(render(), "widgets/vtk/baselines", "error-offsets", 8, 0.005);
  }

  void testHoverReportsVertexUnderCursor() {
    showOnly(MeshKind::GroundTruth);
    render();  // sets the renderer's aspect used by WorldToDisplay
    // The vertex nearest the camera is in front of everything else.
    Eigen::Index target = 0;
    gt_.col(2).minCoeff(&target);
    const QPointF pos = widgetPosOf(gt_, int(target));
    QSignalSpy spy(view_.get(), &MeshView3D::vertexHovered);
    QMouseEvent move(QEvent::MouseMove, pos, view_->mapToGlobal(pos), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(view_.get(), &move);
    QCOMPARE(spy.count(), 1);
    const int mesh = spy.at(0).at(0).toInt(), vertex = spy.at(0).at(1).toInt();
    QCOMPARE(mesh, int(MeshKind::GroundTruth));
    QVERIFY(vertex >= 0 && vertex < gt_.rows());
    const double mm = (gt_.row(vertex) - gt_.row(target)).norm() * 1000;
    QVERIFY2(mm < 5.0,
             qPrintable(QString("picked %1, %2 mm from %3").arg(vertex).arg(mm).arg(target)));

    // Off the hand: (-1, -1), once.
    QMouseEvent away(QEvent::MouseMove, QPointF(3, 3), view_->mapToGlobal(QPointF(3, 3)),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view_.get(), &away);
    QCoreApplication::sendEvent(view_.get(), &away);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), -1);
    QCOMPARE(spy.at(1).at(1).toInt(), -1);
  }

  void testHighlightVertexDrawsMarker() {
    showOnly(MeshKind::GroundTruth);
    const QImage before = render();
    Eigen::Index target = 0;
    gt_.col(2).minCoeff(&target);
    view_->highlightVertex(int(MeshKind::GroundTruth), int(target));
    const QImage after = render();
    const QPointF p = widgetPosOf(gt_, int(target)) * view_->devicePixelRatioF();
    auto cyanNear = [&](const QImage& img) {
      int n = 0;
      for (int y = int(p.y()) - 6; y <= int(p.y()) + 6; ++y)
        for (int x = int(p.x()) - 6; x <= int(p.x()) + 6; ++x) {
          const QColor c = QColor::fromRgb(img.pixel(x, y));
          n += c.hsvSaturationF() > 0.5 && std::abs(c.hsvHue() - 180) <= 10;
        }
      return n;
    };
    QCOMPARE(cyanNear(before), 0);
    QVERIFY(cyanNear(after) >= 5);
    view_->highlightVertex(-1, -1);
    QCOMPARE(cyanNear(render()), 0);
  }
};

int main(int argc, char** argv) {
  // VTK needs a core 3.2 context with depth; it must be the default before QApplication exists.
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  TestMeshView3D test;
  return QTest::qExec(&test, argc, argv);
}

#include "TestMeshView3D.moc"
