// Output conventions of other model families on small TorchScript modules the test builds: a
// weak-perspective crop camera (HaMeR / WiLoR: focal 5000 over a 256² crop, pred_cam s, tx, ty),
// and MANO parameter outputs (axis-angle, rotation matrices, PCA) turned into vertices by the hand
// model's MANO layer (a synthetic MANO-like model; no MANO data).
#include "ScriptModels.h"
#include "TestSupport.h"

#include "dataset/PluginRegistry.h"
#include "hand/HandModel.h"
#include "inference/CropGeometry.h"
#include "inference/ModelRunner.h"
#include "util/Error.h"

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
                    const std::string& extra) {
    const fs::path file = dir() / (name + ".json");
    test::writeText(file, R"({"format": "handalign.model", "version": 1, "checkpoint": ")" + name +
                              R"(.pt", "hand_model": {"name": ")" + hand +
                              R"(", "vertex_count": )" + std::to_string(vertices) +
                              R"(}, "crop": {"source": "image", "enlarge": 1.0})" + extra + "}");
    return file;
  }
  std::vector<SampleInference> run(const fs::path& model, const HandModel& hand) {
    RunnerOptions o;
    o.device = InferenceDevice::Cpu;
    ModelRunner runner(loadModelManifest(model), hand, o);
    return runner.run(*dataset_, {0, 1});
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
};

QTEST_GUILESS_MAIN(TestOutputConventions)
#include "TestOutputConventions.moc"
