// Crop boxes, the crop affine, the network input and the lixel → camera conversion, against
// hand-computed cases (docs/models.md).
#include "inference/CropGeometry.h"
#include "inference/OutputDecoding.h"

#include "TestSupport.h"

#include <opencv2/imgcodecs.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <random>

using namespace handalign;
namespace fs = std::filesystem;

namespace {
bool near(const Eigen::Vector2d& a, double x, double y, double tol = 1e-12) {
  return std::abs(a.x() - x) <= tol && std::abs(a.y() - y) <= tol;
}
}  // namespace

class TestInferenceGeometry : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void boxesUsePixelCentres() {
    Image<std::uint8_t> mask(40, 30, 0);
    for (int y = 5; y <= 14; ++y)
      for (int x = 10; x <= 19; ++x) mask.at(x, y) = 200;
    mask.at(25, 20) = 127;  // below the threshold
    const Box b = boxOfMask(mask, 40, 30);
    QCOMPARE(b.x, 9.5);
    QCOMPARE(b.y, 4.5);
    QCOMPARE(b.width, 10.0);
    QCOMPARE(b.height, 10.0);
    // The same mask for an image twice as large: edges e map to 2(e + ½) − ½.
    const Box big = boxOfMask(mask, 80, 60);
    QCOMPARE(big.x, 19.5);
    QCOMPARE(big.width, 20.0);
    QVERIFY(boxOfMask(Image<std::uint8_t>(8, 8, 0), 8, 8).empty());

    const Box w = wholeImage(224, 160);
    QCOMPARE(w.x, -0.5);
    QCOMPARE(w.width, 224.0);
    const Box p = boxOfPoints({{3, 7}, {11, 2}, {5, 5}});
    QCOMPARE(p.x, 3.0);
    QCOMPARE(p.y, 2.0);
    QCOMPARE(p.width, 8.0);
    QCOMPARE(p.height, 5.0);
  }

  void squareCropAffine() {
    // Box 80×40 at (50, 60), ×1.25: side 100 around (90, 80); 256 crop pixels per 100 image
    // pixels.
    const CropTransform t = squareCrop({50, 60, 80, 40}, 1.25, 256);
    QCOMPARE(t.scale, 2.56);
    QVERIFY(near(t.toImage({128, 128}), 90, 80));
    QVERIFY(near(t.toImage({0, 0}), 40, 30));
    QVERIFY(near(t.toImage({256, 0}), 140, 30));
    QVERIFY(near(t.toCrop({65, 42.5}), 64, 32));
    // The whole 224² image into 256²: the image centre 111.5 lands on the crop centre 128.
    const CropTransform whole = squareCrop(wholeImage(224, 224), 1.0, 256);
    QVERIFY(near(whole.toImage({128, 128}), 111.5, 111.5));
    QVERIFY(near(whole.toImage({0, 0}), -0.5, -0.5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, squareCrop({1, 1, 0, 0}, 1.25, 256));
  }

  void networkInputIsTheWarpedNormalisedImage() {
    // 64×48 image, box (0, 0, 64, 48) at 64²: centre (32, 24), scale 1, so crop pixel (i, j)
    // samples image point (i − 32 + 32, j − 32 + 24) = pixel (i, j − 8) exactly.
    cv::Mat bgr(48, 64, CV_8UC3, cv::Scalar(10, 20, 30));
    bgr.at<cv::Vec3b>(5, 7) = cv::Vec3b(200, 100, 50);
    ModelManifest m;
    m.inputSize = 64;
    m.scale = 0.5;
    m.mean = {1, 2, 3};
    m.std = {2, 4, 8};
    const CropTransform t = squareCrop({0, 0, 64, 48}, 1.0, 64);
    QCOMPARE(t.scale, 1.0);
    std::vector<float> x(3 * 64 * 64);
    cropAndNormalise(bgr, t, m, x.data());
    const auto at = [&](int c, int col, int row) {
      return x[std::size_t(c) * 4096 + row * 64 + col];
    };
    // RGB order: channel 0 is red (the image's third byte).
    QCOMPARE(at(0, 7, 13), float((50 * 0.5 - 1) / 2));
    QCOMPARE(at(1, 7, 13), float((100 * 0.5 - 2) / 4));
    QCOMPARE(at(2, 7, 13), float((200 * 0.5 - 3) / 8));
    QCOMPARE(at(0, 0, 8), float((30 * 0.5 - 1) / 2));
    QCOMPARE(at(0, 0, 3), float(-1.0 / 2));  // above the image: black
    m.bgr = true;
    cropAndNormalise(bgr, t, m, x.data());
    QCOMPARE(at(0, 7, 13), float((200 * 0.5 - 1) / 2));
  }

  // The official preprocessing, bit for bit: a NumPy/OpenCV script written from the release's
  // description (float32 image and points, getAffineTransform, float32 matrix, bilinear warp,
  // astype(uint8), / 255 in float32) against cropAndNormalise with Warp::Official.
  void officialWarpIsBitIdenticalToTheRelease() {
    QTemporaryDir dir;
    const fs::path png = fs::path(dir.path().toStdString()) / "image.png";
    cv::Mat bgr(83, 97, CV_8UC3);
    std::mt19937 rng(11);
    for (int y = 0; y < bgr.rows; ++y)
      for (int x = 0; x < bgr.cols; ++x)
        for (int c = 0; c < 3; ++c)
          bgr.at<cv::Vec3b>(y, x)[c] =
              std::uint8_t((x * 5 + y * 3 + c * 70 + int(rng() % 9)) % 256);
    QVERIFY(cv::imwrite(png.string(), bgr));
    const Box box{10.3, 7.7, 61.9, 58.4};
    ModelManifest m;
    m.inputSize = 64;
    m.warp = ModelManifest::Warp::Official;
    const CropTransform t = squareCrop(box, 1.0, 64);
    std::vector<float> ours(3 * 64 * 64);
    cropAndNormalise(bgr, t, m, ours.data());

    const fs::path ref = fs::path(dir.path().toStdString()) / "ref.f32";
    const QString script = QString(R"(
import cv2, numpy as np
img = cv2.imread('%1', cv2.IMREAD_COLOR | cv2.IMREAD_IGNORE_ORIENTATION)[:, :, ::-1].astype(np.float32)
x, y, w, h = %2, %3, %4, %5
side = max(w, h)
c = np.array([x + 0.5 * w, y + 0.5 * h], dtype=np.float32)
down = np.array([0, side * 0.5], dtype=np.float32)
right = np.array([side * 0.5, 0], dtype=np.float32)
src = np.array([c, c + down, c + right], dtype=np.float32)
dst = np.array([[32, 32], [32, 64], [64, 32]], dtype=np.float32)
trans = cv2.getAffineTransform(src, dst).astype(np.float32)
patch = cv2.warpAffine(img, trans, (64, 64), flags=cv2.INTER_LINEAR).astype(np.float32)
x = patch.astype(np.uint8).astype(np.float32) / np.float32(255)
np.ascontiguousarray(x.transpose(2, 0, 1)).astype(np.float32).tofile('%6')
)")
                               .arg(QString::fromStdString(png.string()))
                               .arg(box.x, 0, 'g', 17)
                               .arg(box.y, 0, 'g', 17)
                               .arg(box.width, 0, 'g', 17)
                               .arg(box.height, 0, 'g', 17)
                               .arg(QString::fromStdString(ref.string()));
    const auto r = test::runPython({"-c", script});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const std::string bytes = test::readText(ref);
    QCOMPARE(bytes.size(), ours.size() * sizeof(float));
    std::vector<float> theirs(ours.size());
    std::memcpy(theirs.data(), bytes.data(), bytes.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < ours.size(); ++i)
      differ += std::memcmp(&ours[i], &theirs[i], sizeof(float)) != 0;
    QCOMPARE(differ, std::size_t(0));
    // The 8-bit warp (TorchScript's default) is what the official checkpoint did not see.
    m.warp = ModelManifest::Warp::Uint8;
    std::vector<float> eight(ours.size());
    cropAndNormalise(bgr, t, m, eight.data());
    double shift = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) shift += (eight[i] - ours[i]) * 255.0;
    qInfo("8-bit warp: %.3f grey levels brighter on average than the release's input",
          shift / double(ours.size()));
  }

  void lixelPointLandsOnAKnownPixel() {
    ModelManifest m;
    m.frame = CoordinateFrame::Lixel;
    m.lixelBins = 64;
    m.depthBox = 0.3;
    SampleFrame f;
    f.intrinsics.K << 500, 0, 100, 0, 400, 80, 0, 0, 1;
    f.crop = squareCrop({50, 60, 80, 40}, 1.25, 256);
    f.root = Eigen::Vector3d(0, 0, 0.6);
    // (16, 8, 16): crop (64, 32) → image (65, 42.5); Z = (16/64·2 − 1)·0.15 + 0.6 = 0.525.
    const Eigen::Vector3d p = lixelToCamera({16, 8, 16}, m, f);
    QVERIFY(std::abs(p.z() - 0.525) < 1e-15);
    QVERIFY(std::abs(p.x() - (65 - 100) / 500.0 * 0.525) < 1e-15);
    QVERIFY(std::abs(p.y() - (42.5 - 80) / 400.0 * 0.525) < 1e-15);
    QVERIFY(near(f.intrinsics.project(p), 65, 42.5, 1e-12));
    // The centre bin lands on the box centre at the root depth.
    const Eigen::Vector3d c = lixelToCamera({32, 32, 32}, m, f);
    QVERIFY(near(f.intrinsics.project(c), 90, 80, 1e-12));
    QVERIFY(std::abs(c.z() - 0.6) < 1e-15);

    const float lixel[6] = {16, 8, 16, 32, 32, 32};
    const Points decoded = decodePoints(lixel, 2, m, f);
    QVERIFY((decoded.row(0).transpose() - p).norm() < 1e-15);
    m.frame = CoordinateFrame::Camera;  // taken as given
    const Points camera = decodePoints(lixel, 2, m, f);
    QCOMPARE(camera(0, 1), 8.0);
    QCOMPARE(camera(1, 2), 32.0);
  }

  void vertexOrderAndRounding() {
    Points net(3, 3);
    net << 0, 0, 0, 1, 1, 1, 2, 2, 2;
    const Points hand = toHandModelOrder(net, {2, 0, 1});  // hand vertex i = network vertex o[i]
    QCOMPARE(hand(0, 0), 2.0);
    QCOMPARE(hand(1, 0), 0.0);
    QCOMPARE(hand(2, 0), 1.0);
    QCOMPARE(toHandModelOrder(net, {})(2, 1), 2.0);
    Points r(1, 3);
    r << 0.12345678949, -0.00000004, 1.00000005;
    roundPoints(r, 1e-7);
    QCOMPARE(r(0, 0), 0.1234568);
    QCOMPARE(r(0, 1), -0.0);
    QCOMPARE(r(0, 2), std::round(1.00000005 / 1e-7) * 1e-7);
  }

  void labelsMapBackFromTheCrop() {
    // A 2×2 label map over the crop of box (50, 60, 80, 40) ×1.25 (image square 40..140 × 30..130).
    Image<std::uint8_t> labels(2, 2);
    labels.pixels = {1, 2, 3, 4};
    const CropTransform t = squareCrop({50, 60, 80, 40}, 1.25, 256);
    const Image<std::uint8_t> image = cropLabelsToImage(labels, t, 200, 150);
    QCOMPARE(image.width, 200);
    QCOMPARE(image.at(60, 50), std::uint8_t(1));   // top-left quadrant
    QCOMPARE(image.at(120, 50), std::uint8_t(2));  // top-right
    QCOMPARE(image.at(60, 110), std::uint8_t(3));
    QCOMPARE(image.at(120, 110), std::uint8_t(4));
    QCOMPARE(image.at(20, 50), std::uint8_t(0));    // left of the crop
    QCOMPARE(image.at(120, 140), std::uint8_t(0));  // below it
  }
};

QTEST_GUILESS_MAIN(TestInferenceGeometry)
#include "TestInferenceGeometry.moc"
