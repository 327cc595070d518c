// Output conventions of other model families on small TorchScript modules the test builds: a
// weak-perspective crop camera (HaMeR / WiLoR: focal 5000 over a 256² crop, pred_cam s, tx, ty),
// MANO parameter outputs (axis-angle, rotation matrices, PCA) turned into vertices by the hand
// model's MANO layer (a synthetic MANO-like model; no MANO data), root-relative outputs placed at
// the GT / file / fixed root, and left hands mirrored in and out. Expected pixels are computed by
// hand from the conventions in docs/models.md.
#include "ScriptModels.h"
#include "TestSupport.h"

#include "dataset/PluginRegistry.h"
#include "hand/HandModel.h"
#include "inference/CropGeometry.h"
#include "inference/ModelRunner.h"
#include "util/Error.h"

#include <opencv2/imgcodecs.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace handalign;
namespace fs = std::filesystem;

namespace {
std::string list(const std::vector<double>& v) {
  std::string s;
  for (double x : v) s += (s.empty() ? "" : ", ") + std::to_string(x);
  return "[" + s + "]";
}
}  // namespace

class TestOutputConventions : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::unique_ptr<Dataset> dataset_;
  HandModel tiny_, mano_;
  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }

  fs::path manifest(const std::string& name, const std::string& hand, int vertices,
                    const std::string& extra,
                    const std::string& crop = R"({"source": "image", "enlarge": 1.0})") {
    const fs::path file = dir() / (name + ".json");
    test::writeText(file, R"({"format": "handalign.model", "version": 1, "checkpoint": ")" + name +
                              R"(.pt", "hand_model": {"name": ")" + hand +
                              R"(", "vertex_count": )" + std::to_string(vertices) +
                              R"(}, "crop": )" + crop + extra + "}");
    return file;
  }
  std::vector<SampleInference> run(const fs::path& model, const HandModel& hand,
                                   const Dataset* dataset = nullptr) {
    RunnerOptions o;
    o.device = InferenceDevice::Cpu;
    ModelRunner runner(loadModelManifest(model), hand, o);
    return runner.run(dataset ? *dataset : *dataset_, {0, 1});
  }

  // A generic-format dataset of two 64×64 samples: "a" a right hand, "b" a left one, both black
  // with a white 2×2 block at columns 10–11, rows 20–21; K: f = 500, centre (31.5, 31.5); GT
  // joints: the root joint 0 at kRoot, joint j 1 mm · j further in X (so a wrong root joint shows).
  static constexpr double kRoot[3] = {0.01, 0.02, 0.5};
  std::unique_ptr<Dataset> sides_;
  const Dataset& twoSides() {
    if (sides_) return *sides_;
    const fs::path root = dir() / "sides";
    test::writeText(root / "dataset.json", R"({"format": "handalign.generic_dataset"})");
    std::string joints;
    for (int j = 0; j < kJointCount; ++j)
      joints += (j ? ", [" : "[") + std::to_string(kRoot[0] + 0.001 * j) + ", " +
                std::to_string(kRoot[1]) + ", " + std::to_string(kRoot[2]) + "]";
    fs::create_directories(root / "test" / "images");
    cv::Mat image(64, 64, CV_8UC3, cv::Scalar(0, 0, 0));
    image(cv::Rect(10, 20, 2, 2)).setTo(cv::Scalar(255, 255, 255));
    for (const char* side : {"a", "b"}) {
      test::writeText(root / "test" / "annotations" / (std::string(side) + ".json"),
                      R"({"K": [[500, 0, 31.5], [0, 500, 31.5], [0, 0, 1]], "hand": ")" +
                          std::string(side[0] == 'a' ? "right" : "left") + R"(", "joints": [)" +
                          joints + "]}");
      cv::imwrite((root / "test" / "images" / (std::string(side) + ".png")).string(), image);
    }
    sides_ = PluginRegistry::instance().openDataset(root, "test", "", 1);
    return *sides_;
  }
  // The image pixel of a camera-frame point of the two-sided dataset.
  static Eigen::Vector2d pixelOf(const Points& p, int row) {
    return {500 * p(row, 0) / p(row, 2) + 31.5, 500 * p(row, 1) / p(row, 2) + 31.5};
  }
  void expectManifestError(const fs::path& model, const Dataset& dataset,
                           const std::string& problem) {
    try {
      run(model, tiny_, &dataset);
      QFAIL(("accepted " + model.filename().string()).c_str());
    } catch (const InputError& e) {
      const std::string what = e.what();
      QVERIFY2(what.find(model.filename().string()) != std::string::npos &&
                   what.find(problem) != std::string::npos && what.find('\n') == std::string::npos,
               e.what());
    }
  }

 private Q_SLOTS:
  void initTestCase() {
    dataset_ = PluginRegistry::instance().openDataset(test::synthDataset(dir(), 2, 9), "", "", 1);
    tiny_.name = "tiny";
    tiny_.vertexCount = 3;
    tiny_.faces = {{0, 1, 2}};
    tiny_.vertexParts = {Part::Palm, Part::Thumb, Part::Index};
    for (int j = 0; j < kJointCount; ++j) tiny_.jointRegressor[std::size_t(j)] = {{j % 3, 1.0}};
    const QString src = QString::fromStdString(test::sourceDir().string());
    const fs::path pkl = dir() / "MANO_RIGHT.pkl", json = dir() / "mano.json";
    const auto made = test::runPython(
        {"-c", QString("import sys; sys.path[:0] = ['%1/tests/tools', '%1/tools']\n"
                       "from test_mano_converter import make_fake_mano\n"
                       "import mano_to_handmodel as conv\n"
                       "make_fake_mano('%2')\n"
                       "sys.exit(conv.main(['%2', '--out', '%3', '--name', 'mano-right']))")
                   .arg(src, QString::fromStdString(pkl.string()),
                        QString::fromStdString(json.string()))});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    mano_ = loadHandModel(json);
    QVERIFY(mano_.mano);
  }

  // Crop camera → image camera: every vertex projects (through the dataset's K) onto the image
  // point of its crop-camera pixel, at the depth that makes the two focal lengths agree.
  void cropCameraLandsOnTheCropPixels() {
    const std::vector<std::vector<float>> verts = {
        {0, 0, 0}, {0.03f, -0.01f, 0.02f}, {-0.02f, 0.04f, -0.01f}};
    test::saveScriptModule(dir() / "hamer.pt",
                           "def forward(self, x):\n"
                           "    b = x.size(0)\n"
                           "    v = self.verts.unsqueeze(0).expand(b, -1, -1)\n"
                           "    c = self.cam.unsqueeze(0).expand(b, -1)\n"
                           "    return {'pred_vertices': v, 'pred_cam': c}\n",
                           {test::meshBuffer("verts", verts), {"cam", {3}, {0.9f, 0.01f, -0.02f}}});
    const fs::path m = manifest("hamer", "tiny", 3, R"(, "outputs": {"rough": "pred_vertices",
        "camera": "pred_cam"}, "coordinates": {"frame": "crop_camera", "focal": 5000,
        "crop_size": 256})");
    const auto r = run(m, tiny_);
    const Intrinsics K = dataset_->intrinsics(0);
    const CropTransform crop =
        squareCrop(wholeImage(dataset_->imageWidth(), dataset_->imageHeight()), 1.0, 256);
    const double tz = 2 * 5000 / (256 * 0.9);
    for (int i = 0; i < 3; ++i) {
      const Eigen::Vector3d pc(double(verts[std::size_t(i)][0]) + 0.01f,
                               double(verts[std::size_t(i)][1]) - 0.02f,
                               double(verts[std::size_t(i)][2]) + tz);
      const Eigen::Vector2d expected =
          crop.toImage(Eigen::Vector2d(5000 * pc.x() / pc.z() + 128, 5000 * pc.y() / pc.z() + 128));
      const Eigen::Vector2d got = K.project(r[0].roughVertices.row(i).transpose());
      QVERIFY2((got - expected).norm() < 1e-3, qPrintable(QString("vertex %1").arg(i)));
      const double focalInImage = 5000 / crop.scale, fK = (K.K(0, 0) + K.K(1, 1)) / 2;
      QVERIFY(std::abs(r[0].roughVertices(i, 2) - pc.z() * fK / focalInImage) < 1e-6);
    }
    // A camera scale s <= 0 is an error naming the checkpoint and the sample.
    test::saveScriptModule(dir() / "flat.pt",
                           "def forward(self, x):\n"
                           "    b = x.size(0)\n"
                           "    return {'v': self.verts.unsqueeze(0).expand(b, -1, -1), "
                           "'c': torch.zeros(b, 3)}\n",
                           {test::meshBuffer("verts", verts)});
    const fs::path bad = manifest("flat", "tiny", 3, R"(, "outputs": {"rough": "v",
        "camera": "c"}, "coordinates": {"frame": "crop_camera"})");
    try {
      run(bad, tiny_);
      QFAIL("accepted s = 0");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("flat.pt") != std::string::npos &&
                   std::string(e.what()).find("scale s of 0") != std::string::npos,
               e.what());
    }
  }

  // MANO parameters as axis-angle, as rotation matrices and as PCA coefficients: the hand
  // model's MANO layer makes the mesh, the same for the same pose.
  void manoParametersBecomeTheLayersMesh() {
    std::mt19937 rng(3);
    std::normal_distribution<double> n(0.0, 0.4);
    std::vector<double> pose(48), shape(10), trans = {0.02, -0.01, 0.6};
    for (double& x : pose) x = n(rng);
    for (double& x : shape) x = n(rng);
    ManoParameters p;
    p.globalRotation = {pose[0], pose[1], pose[2]};
    p.hand.assign(pose.begin() + 3, pose.end());
    p.shape = shape;
    p.translation = {trans[0], trans[1], trans[2]};
    // float32 round trip, as the network's outputs are
    for (double& x : p.hand) x = double(float(x));
    for (double& x : p.shape) x = double(float(x));
    p.globalRotation = p.globalRotation.cast<float>().cast<double>();
    p.translation = p.translation.cast<float>().cast<double>();
    const ManoMesh expected = manoForward(*mano_.mano, p);

    const std::string body =
        "    b = x.size(0)\n"
        "    return {'pose': self.pose.expand([b] + self.pose.size()), "
        "'betas': self.betas.unsqueeze(0).expand(b, -1), "
        "'transl': self.transl.unsqueeze(0).expand(b, -1)}\n";
    const auto buffers = [&](const std::vector<double>& poseValues,
                             std::vector<std::int64_t> poseShape) {
      return std::vector<test::ScriptBuffer>{
          {"pose", poseShape, std::vector<float>(poseValues.begin(), poseValues.end())},
          {"betas", {10}, std::vector<float>(shape.begin(), shape.end())},
          {"transl", {3}, std::vector<float>(trans.begin(), trans.end())}};
    };
    test::saveScriptModule(dir() / "aa.pt", "def forward(self, x):\n" + body, buffers(pose, {48}));
    const std::string outputs = R"(, "outputs": {"mano": {"pose": "pose", "shape": "betas",
        "translation": "transl")";
    auto r = run(manifest("aa", "mano-right", 778, outputs + "}}"), mano_);
    QVERIFY((r[1].roughVertices - expected.vertices).cwiseAbs().maxCoeff() < 2e-7);
    QVERIFY(
        (r[1].roughJoints - mano_.regressJoints(viewOf(r[1].roughVertices))).cwiseAbs().maxCoeff() <
        2e-7);

    // The same pose as 16 rotation matrices (HaMeR's pred_mano_params).
    std::vector<double> rotations;
    for (int j = 0; j < 16; ++j) {
      const Eigen::Matrix3d R = axisAngleToMatrix(Eigen::Vector3d(
          double(float(pose[std::size_t(3 * j)])), double(float(pose[std::size_t(3 * j + 1)])),
          double(float(pose[std::size_t(3 * j + 2)]))));
      for (int i = 0; i < 9; ++i) rotations.push_back(R(i / 3, i % 3));
    }
    test::saveScriptModule(dir() / "rotmat.pt", "def forward(self, x):\n" + body,
                           buffers(rotations, {16, 3, 3}));
    r = run(manifest("rotmat", "mano-right", 778, outputs + R"(, "pose_format": "rotmat"}})"),
            mano_);
    QVERIFY2((r[0].roughVertices - expected.vertices).cwiseAbs().maxCoeff() < 1e-5,
             qPrintable(
                 QString::number((r[0].roughVertices - expected.vertices).cwiseAbs().maxCoeff())));

    // PCA: 3 + 12 coefficients against the layer given the same coefficients.
    std::vector<double> pca(15);
    for (double& x : pca) x = double(float(n(rng)));
    ManoParameters q = p;
    q.pca = true;
    q.globalRotation = {pca[0], pca[1], pca[2]};
    q.hand.assign(pca.begin() + 3, pca.end());
    test::saveScriptModule(dir() / "pca.pt", "def forward(self, x):\n" + body, buffers(pca, {15}));
    r = run(manifest("pca", "mano-right", 778, outputs + R"(, "pose_format": "pca"}})"), mano_);
    QVERIFY((r[0].roughVertices - manoForward(*mano_.mano, q).vertices).cwiseAbs().maxCoeff() <
            2e-7);

    // A hand model without a MANO section cannot take MANO outputs.
    HandModel plain = mano_;
    plain.mano.reset();
    try {
      run(manifest("aa", "mano-right", 778, outputs + "}}"), plain);
      QFAIL("accepted a hand model without MANO");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("no \"mano\" section") != std::string::npos, e.what());
    }
    // Wrong pose sizes are named.
    test::saveScriptModule(dir() / "short.pt", "def forward(self, x):\n" + body,
                           buffers(std::vector<double>(47, 0.0), {47}));
    try {
      run(manifest("short", "mano-right", 778, outputs + "}}"), mano_);
      QFAIL("accepted 47 pose values");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("48 axis-angle values") != std::string::npos, e.what());
    }
  }

  // Lixel frame (I2L-MeshNet, HandAR): a left sample's crop is given mirrored (columns reversed)
  // and the output's u mirrored back (u_crop = S − 1 − x / bins · S), so a network that finds
  // the white block lands on it for both hands, and a constant output lands mirrored.
  void leftHandsAreMirroredInAndOut() {
    const Dataset& d = twoSides();
    const std::string lixel = R"(, "outputs": {"rough": 0}, "input": {"size": 64},
        "coordinates": {"frame": "lixel", "bins": 64, "root_depth": {"source": "fixed",
        "value": 0.5}})";
    test::saveScriptModule(dir() / "bright.pt", test::brightestPixelSource(3, 64));
    auto r = run(manifest("bright", "tiny", 3, lixel + R"(, "handedness": {"mirror_other": true})"),
                 tiny_, &d);
    // The block's centre (10.5, 20.5): crop = image + ½, its brightest crop pixel (11, 21).
    for (int s = 0; s < 2; ++s)
      QVERIFY2(
          (pixelOf(r[std::size_t(s)].roughVertices, 0) - Eigen::Vector2d(10.5, 20.5)).norm() < 1e-3,
          qPrintable(QString("sample %1 at %2, %3")
                         .arg(s)
                         .arg(pixelOf(r[std::size_t(s)].roughVertices, 0).x())
                         .arg(pixelOf(r[std::size_t(s)].roughVertices, 0).y())));
    // A constant lixel point (16, 8, 32): right → crop (16, 8) → image (15.5, 7.5); left: the
    // mirrored image's (15.5, 7.5) → x = 63 − 15.5 = 47.5; depth 0.5 m either way.
    test::saveScriptModule(dir() / "still.pt",
                           "def forward(self, x):\n"
                           "    return self.p.unsqueeze(0).expand(x.size(0), -1, -1)\n",
                           {test::meshBuffer("p", {{16, 8, 32}, {16, 8, 32}, {16, 8, 32}})});
    r = run(manifest("still", "tiny", 3, lixel + R"(, "handedness": {"mirror_other": true})"),
            tiny_, &d);
    QVERIFY((pixelOf(r[0].roughVertices, 0) - Eigen::Vector2d(15.5, 7.5)).norm() < 1e-6);
    QVERIFY((pixelOf(r[1].roughVertices, 0) - Eigen::Vector2d(47.5, 7.5)).norm() < 1e-6);
    QVERIFY(std::abs(r[1].roughVertices(0, 2) - 0.5) < 1e-9);
    // A left-hand model mirrors the right sample instead.
    r = run(manifest("still", "tiny", 3,
                     lixel + R"(, "handedness": {"model": "left", "mirror_other": true})"),
            tiny_, &d);
    QVERIFY((pixelOf(r[0].roughVertices, 0) - Eigen::Vector2d(47.5, 7.5)).norm() < 1e-6);
    QVERIFY((pixelOf(r[1].roughVertices, 0) - Eigen::Vector2d(15.5, 7.5)).norm() < 1e-6);
    // Without mirroring declared, the other hand is refused before any work, naming the sample.
    expectManifestError(manifest("still", "tiny", 3, lixel), d,
                        "is a right-hand model without \"handedness\": {\"mirror_other\": true}, "
                        "but sample b");
    expectManifestError(
        manifest("still", "tiny", 3, lixel + R"(, "handedness": {"model": "left"})"), d,
        "is a left-hand model without");
    // A camera-frame model cannot mirror: the message says so (not "add mirror_other").
    expectManifestError(manifest("still", "tiny", 3, R"(, "outputs": {"rough": 0})"), d,
                        "in the camera frame, which cannot mirror the other hand, but sample b");
  }

  // Crop camera (HaMeR / WiLoR): a network that puts its point on the crop-camera ray of the
  // brightest crop pixel lands on the white block for both hands (the left one mirrored in and
  // out), and a constant output lands mirrored: x → W − 1 − x (HaMeR's X and tx negation).
  void leftHandsInTheCropCameraAreMirroredBack() {
    const Dataset& d = twoSides();
    // s = 1, tx = ty = 0 over a 256 crop at focal 5000: tz = 2f / 256; crop-camera pixel
    // col · 256 / 64 is X = (col · 4 − 128) · tz / f.
    test::saveScriptModule(
        dir() / "hamer-bright.pt",
        "def forward(self, x):\n"
        "    b = x.size(0)\n"
        "    s = x.size(3)\n"
        "    idx = torch.argmax(x[:, 0].reshape(b, -1), dim=1)\n"
        "    row = torch.div(idx, s, rounding_mode='floor').float()\n"
        "    col = (idx - torch.div(idx, s, rounding_mode='floor') * s).float()\n"
        "    tz = 2.0 * 5000.0 / 256.0\n"
        "    p = torch.stack([(col * 4.0 - 128.0) * tz / 5000.0, "
        "(row * 4.0 - 128.0) * tz / 5000.0, torch.zeros_like(col)], dim=1)\n"
        "    v = p.unsqueeze(1).expand(b, 3, 3)\n"
        "    c = torch.tensor([1.0, 0.0, 0.0]).unsqueeze(0).expand(b, 3)\n"
        "    return {'v': v, 'c': c}\n");
    const std::string frame = R"(, "input": {"size": 64}, "outputs": {"rough": "v", "camera":
        "c"}, "coordinates": {"frame": "crop_camera", "focal": 5000, "crop_size": 256},
        "handedness": {"mirror_other": true})";
    auto r = run(manifest("hamer-bright", "tiny", 3, frame), tiny_, &d);
    for (int s = 0; s < 2; ++s)
      QVERIFY2(
          (pixelOf(r[std::size_t(s)].roughVertices, 0) - Eigen::Vector2d(10.5, 20.5)).norm() < 1e-3,
          qPrintable(QString("sample %1 at %2")
                         .arg(s)
                         .arg(pixelOf(r[std::size_t(s)].roughVertices, 0).x())));
    // A constant point and camera: the right sample by the crop-camera formula, the left one at
    // x → 63 − x (the whole-image crop is its own mirror), at the same depth.
    test::saveScriptModule(dir() / "hamer-left.pt",
                           "def forward(self, x):\n"
                           "    b = x.size(0)\n"
                           "    return {'v': self.v.unsqueeze(0).expand(b, -1, -1), "
                           "'c': self.c.unsqueeze(0).expand(b, -1)}\n",
                           {test::meshBuffer("v", {{0.03f, -0.01f, 0.02f}, {0, 0, 0}, {0, 0, 0}}),
                            {"c", {3}, {0.9f, 0.01f, -0.02f}}});
    r = run(manifest("hamer-left", "tiny", 3, frame), tiny_, &d);
    const double tz = 2 * 5000 / (256 * 0.9), v[3] = {0.03f, -0.01f, 0.02f};
    const Eigen::Vector3d pc(v[0] + 0.01f, v[1] - 0.02f, v[2] + tz);
    // crop-camera pixel over 256, to the 64 px network crop (/ 4), to the image (− ½)
    const Eigen::Vector2d right((5000 * pc.x() / pc.z() + 128) / 4 - 0.5,
                                (5000 * pc.y() / pc.z() + 128) / 4 - 0.5);
    QVERIFY((pixelOf(r[0].roughVertices, 0) - right).norm() < 1e-3);
    QVERIFY((pixelOf(r[1].roughVertices, 0) - Eigen::Vector2d(63 - right.x(), right.y())).norm() <
            1e-3);
    QVERIFY(std::abs(r[1].roughVertices(0, 2) - r[0].roughVertices(0, 2)) < 1e-9);
  }

  // Segmentation of a left sample: the network labels the left column of its 2×2 map over the crop
  // it sees (the mirrored image's). Crop = image + ½ (the box centre 31.5 lands on 32), label
  // column round((crop + ½) · 2/64 − ½): image columns 0..30 for the right sample, and mirrored
  // back, 63 − (0..30) = 33..63 for the left one (row and column 63 lie outside the crop).
  void leftHandSegmentationIsMirroredBack() {
    const Dataset& d = twoSides();
    std::vector<float> seg = {-9, 0, -9, 0, 0, -9, 0, -9};  // class 1 in column 0 of a 2×2 map
    test::saveScriptModule(
        dir() / "seg-left.pt",
        "def forward(self, x):\n"
        "    b = x.size(0)\n"
        "    return {'v': self.v.unsqueeze(0).expand(b, -1, -1), "
        "'s': self.s.unsqueeze(0).expand(b, -1, -1, -1)}\n",
        {test::meshBuffer("v", {{16, 8, 32}, {16, 8, 32}, {16, 8, 32}}), {"s", {2, 2, 2}, seg}});
    RunnerOptions o;
    o.device = InferenceDevice::Cpu;
    o.segmentation = true;
    ModelRunner runner(loadModelManifest(manifest("seg-left", "tiny", 3, R"(, "input":
        {"size": 64}, "outputs": {"rough": "v", "segmentation": "s"}, "coordinates": {"frame":
        "lixel", "bins": 64, "root_depth": {"source": "fixed", "value": 0.5}}, "handedness":
        {"mirror_other": true})")),
                       tiny_, o);
    const auto r = runner.run(d, {0, 1});
    for (int s = 0; s < 2; ++s) {
      const LabelImage& l = r[std::size_t(s)].segmentation;
      QCOMPARE(l.width, 64);
      for (int y = 0; y < 63; y += 9)  // row 63 is at crop 63.5: outside the crop
        for (int x = 0; x < 64; ++x)
          QCOMPARE(int(l.at(x, y)), (s == 0 ? x <= 30 : x >= 33) ? 1 : 0);
    }
  }

  // Root-relative metres (MeshGraphormer-style): P − the output's root joint + the sample's root:
  // the GT root joint, a file of [X, Y, Z] or depths, or a fixed depth on the ray through the
  // crop's centre; a left sample's offsets have X negated.
  void rootRelativeOutputsArePlacedAtTheRoot() {
    const Dataset& d = twoSides();
    test::saveScriptModule(
        dir() / "rel.pt",
        "def forward(self, x):\n"
        "    b = x.size(0)\n"
        "    return self.v.unsqueeze(0).expand(b, -1, -1)\n",
        {test::meshBuffer("v", {{0.1f, 0.1f, 0.1f}, {0.13f, 0.09f, 0.12f}, {0.1f, 0.15f, 0.1f}})});
    const auto expectAt = [&](const std::vector<SampleInference>& r, const Eigen::Vector3d& root,
                              bool mirroredB) {
      for (int s = 0; s < 2; ++s) {
        Eigen::Vector3d rel(double(0.13f) - double(0.1f), double(0.09f) - double(0.1f),
                            double(0.12f) - double(0.1f));
        if (s == 1 && mirroredB) rel.x() = -rel.x();
        const Eigen::Vector3d got = r[std::size_t(s)].roughVertices.row(1).transpose();
        QVERIFY2((got - (root + rel)).norm() < 1e-6,
                 qPrintable(
                     QString("sample %1: %2 %3 %4").arg(s).arg(got.x()).arg(got.y()).arg(got.z())));
        // the root vertex (joint 0 of the tiny model is vertex 0) lands on the root itself
        QVERIFY((r[std::size_t(s)].roughVertices.row(0).transpose() - root).norm() < 1e-6);
        QVERIFY((r[std::size_t(s)].roughJoints.row(0).transpose() - root).norm() < 1e-6);
      }
    };
    const std::string rel =
        R"(, "input": {"size": 64}, "outputs": {"rough": 0}, "coordinates": {"frame":
        "root_relative", "root_depth": )";
    const Eigen::Vector3d gt(kRoot[0], kRoot[1], kRoot[2]);
    expectAt(run(manifest("rel", "tiny", 3,
                          rel + R"({"source": "gt"}}, "handedness": {"mirror_other": true})"),
                 tiny_, &d),
             gt, true);
    test::writeText(dir() / "roots.json", "[[0.05, -0.02, 0.7], [0.05, -0.02, 0.7]]");
    expectAt(run(manifest("rel", "tiny", 3,
                          rel + R"({"source": "file", "file": "roots.json"}}, "handedness":
                          {"mirror_other": true})"),
                 tiny_, &d),
             Eigen::Vector3d(0.05, -0.02, 0.7), true);
    // Another root joint: the GT joint 3 (1 mm · 3 further in X) and the output's joint 3.
    expectAt(run(manifest("rel", "tiny", 3, rel + R"({"source": "gt", "joint": 3}}, "handedness":
                          {"mirror_other": true})"),
                 tiny_, &d),
             gt + Eigen::Vector3d(0.003, 0, 0), true);
    // A depth only: on the ray through the crop's centre, here the box (10, 5, 20, 20)'s centre
    // (20, 15) (the left sample's too: the root is placed in the sample's own image).
    test::writeText(dir() / "relbox.json", "[[10, 5, 20, 20], [10, 5, 20, 20]]");
    expectAt(
        run(manifest("rel", "tiny", 3, rel + R"({"source": "fixed", "value": 0.8}}, "handedness":
                          {"mirror_other": true})",
                     R"({"source": "box", "box_file": "relbox.json", "enlarge": 1.0})"),
            tiny_, &d),
        0.8 * Eigen::Vector3d((20 - 31.5) / 500, (15 - 31.5) / 500, 1), true);
    test::writeText(dir() / "badroots.json", "[[0.05, -0.02, 0.7], [0.05, null, 0.7]]");
    try {
      run(manifest("rel", "tiny", 3,
                   rel + R"({"source": "file", "file": "badroots.json"}}, "handedness":
                   {"mirror_other": true})"),
          tiny_, &d);
      QFAIL("accepted a root with a null Y");
    } catch (const InputError& e) {
      QVERIFY2(
          std::string(e.what()).find("badroots.json: entry 1 is not a depth") != std::string::npos,
          e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestOutputConventions)
#include "TestOutputConventions.moc"
