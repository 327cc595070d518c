// The runner on small TorchScript modules the test builds itself: coordinate conversions against
// hand-computed pixels, crop round trip, batching, outputs, cancellation, prediction files, and one
// clear error per bad checkpoint or manifest.
#include "ScriptModels.h"
#include "TestSupport.h"

#include "dataset/PluginRegistry.h"
#include "inference/ModelRunner.h"
#include "inference/PredictionFiles.h"
#include "io/ImageIO.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace handalign;
namespace fs = std::filesystem;

namespace {

// Four vertices; joint j = the mean of vertices j % 4 and (j + 1) % 4.
HandModel tinyHand() {
  HandModel h;
  h.name = "tiny";
  h.vertexCount = 4;
  h.faces = {{0, 1, 2}, {0, 2, 3}};
  h.vertexParts = {Part::Palm, Part::Thumb, Part::Index, Part::Middle};
  for (int j = 0; j < kJointCount; ++j)
    h.jointRegressor[std::size_t(j)] = {{j % 4, 0.5}, {(j + 1) % 4, 0.5}};
  return h;
}

// Images (and masks) written by the test, one camera.
class MemoryDataset : public Dataset {
 public:
  fs::path dir;
  std::vector<fs::path> images, masks;
  Intrinsics K;
  Points gtJoints = Points::Constant(kJointCount, 3, 0.5);
  int width = 0, height = 0;

  std::string formatId() const override { return "memory"; }
  fs::path root() const override { return dir; }
  std::string split() const override { return "test"; }
  std::size_t size() const override { return images.size(); }
  std::string sampleId(std::size_t i) const override { return "m" + std::to_string(i); }
  Intrinsics intrinsics(std::size_t) const override { return K; }
  bool hasJoints() const override { return true; }
  PointsView joints(std::size_t) const override { return viewOf(gtJoints); }
  bool hasVertices() const override { return false; }
  int vertexCount() const override { return 0; }
  PointsView vertices(std::size_t) const override { return viewOf(gtJoints); }
  fs::path imagePath(std::size_t i) const override { return images[i]; }
  int imageWidth() const override { return width; }
  int imageHeight() const override { return height; }
  std::optional<fs::path> maskPath(std::size_t i) const override {
    return i < masks.size() ? std::optional<fs::path>(masks[i]) : std::nullopt;
  }
  std::optional<fs::path> handModelPath() const override { return std::nullopt; }
};

double maxDiff(const Points& a, const Points& b) { return (a - b).cwiseAbs().maxCoeff(); }

}  // namespace

class TestModelRunner : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path synth_;
  std::unique_ptr<Dataset> dataset_;
  const HandModel hand_ = tinyHand();

  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }

  // A manifest for checkpoint `pt` with the given sections after the common ones.
  fs::path manifest(const std::string& name, const std::string& pt, const std::string& extra,
                    int vertices = 4) {
    const fs::path file = dir() / (name + ".json");
    test::writeText(file, R"({"format": "handalign.model", "version": 1, "checkpoint": ")" + pt +
                              R"(", "hand_model": {"name": "tiny", "vertex_count": )" +
                              std::to_string(vertices) + "}" + extra + "}");
    return file;
  }
  // The constant lixel mesh of the hand-computed cases.
  void saveLixelMesh(const std::string& pt) {
    test::saveScriptModule(
        dir() / pt, test::constantMeshSource(1.0f),
        {test::meshBuffer("mesh", {{32, 32, 32}, {0, 0, 48}, {16, 8, 16}, {64, 64, 0}})});
  }
  std::vector<SampleInference> run(const fs::path& model, const std::vector<std::size_t>& samples,
                                   RunnerOptions options = {}, const Dataset* data = nullptr) {
    options.device = InferenceDevice::Cpu;
    ModelRunner runner(loadModelManifest(model), hand_, options);
    return runner.run(data ? *data : *dataset_, samples);
  }
  void expectError(const fs::path& model, const std::string& file, const std::string& problem,
                   const Dataset* data = nullptr) {
    try {
      run(model, {0}, {}, data);
      QFAIL(("accepted: " + problem).c_str());
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find(file) != std::string::npos, msg.c_str());
      QVERIFY2(msg.find(problem) != std::string::npos, msg.c_str());
      QVERIFY2(msg.find('\n') == std::string::npos, msg.c_str());
    }
  }
  static bool projectsTo(const Intrinsics& k, const Points& p, int row, double u, double v) {
    const Eigen::Vector2d uv = k.project(p.row(row).transpose());
    return std::abs(uv.x() - u) < 1e-3 && std::abs(uv.y() - v) < 1e-3;  // 0.1 µm rounding
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    synth_ = test::synthDataset(dir(), 6, 5);
    dataset_ = PluginRegistry::instance().openDataset(synth_, "", "", 1);
    QCOMPARE(dataset_->size(), std::size_t(6));
    saveLixelMesh("lixel.pt");
    std::string boxes = "[[20, 30, 40, 40]";
    for (int i = 1; i < 6; ++i) boxes += ", [50, 60, 80, 40]";
    test::writeText(dir() / "boxes.json", boxes + "]");
  }

  void lixelVerticesLandOnKnownPixels() {
    const fs::path m = manifest("lixel", "lixel.pt", R"(,
        "crop": {"source": "box", "box_file": "boxes.json", "enlarge": 1.25},
        "outputs": {"rough": "rough", "refined": "refined"},
        "coordinates": {"frame": "lixel", "root_depth": {"source": "fixed", "value": 0.5}})");
    const auto r = run(m, {1, 0});
    QCOMPARE(r.size(), std::size_t(2));
    QCOMPARE(r[0].sample, std::size_t(1));
    const Intrinsics k1 = dataset_->intrinsics(1), k0 = dataset_->intrinsics(0);
    // Sample 1: box (50, 60, 80, 40) ×1.25 → square of 100 px around (90, 80), 2.56 crop px / px.
    const Points& p = r[0].roughVertices;
    QVERIFY(projectsTo(k1, p, 0, 90, 80));    // bin 32 = crop 128 = the box centre
    QVERIFY(projectsTo(k1, p, 1, 40, 30));    // bin 0 = crop 0 = centre − 50
    QVERIFY(projectsTo(k1, p, 2, 65, 42.5));  // crop (64, 32)
    QVERIFY(projectsTo(k1, p, 3, 140, 130));  // crop (256, 256)
    QVERIFY(std::abs(p(0, 2) - 0.5) < 1e-9);  // z bin 32: the root
    QVERIFY(std::abs(p(1, 2) - ((48 / 64.0 * 2 - 1) * 0.15 + 0.5)) < 1e-9);  // 0.575
    QVERIFY(std::abs(p(2, 2) - 0.425) < 1e-9);
    QVERIFY(std::abs(p(3, 2) - 0.35) < 1e-9);
    // Refined = every lixel coordinate + 1: crop 132 → 90 + 4 / 2.56.
    QVERIFY(projectsTo(k1, r[0].refinedVertices, 0, 91.5625, 81.5625));
    QVERIFY(std::abs(r[0].refinedVertices(0, 2) - (33 / 32.0 - 1) * 0.15 - 0.5) < 1e-9);
    // Sample 0: box (20, 30, 40, 40) → square of 50 around (40, 50).
    QVERIFY(projectsTo(k0, r[1].roughVertices, 0, 40, 50));
    QVERIFY(projectsTo(k0, r[1].roughVertices, 1, 15, 25));
    // Joints regressed from each mesh with the hand model.
    QVERIFY(maxDiff(r[0].roughJoints, hand_.regressJoints(viewOf(r[0].roughVertices))) < 1e-7);
    QVERIFY(maxDiff(r[0].refinedJoints, hand_.regressJoints(viewOf(r[0].refinedVertices))) < 1e-7);
  }

  void rootDepthFromGroundTruthOrFile() {
    const fs::path gt = manifest("gtroot", "lixel.pt", R"(, "crop": {"source": "joints"},
        "outputs": {"rough": "rough"},
        "coordinates": {"frame": "lixel", "root_depth": {"source": "gt", "joint": 9}})");
    auto r = run(gt, {2});
    QVERIFY(std::abs(r[0].roughVertices(0, 2) - dataset_->joints(2)(9, 2)) < 1e-7);
    QVERIFY(r[0].refinedVertices.rows() == 0);  // the manifest names no refined output
    test::writeText(dir() / "roots.json", "[0.1, 0.2, [0.0, 0.1, 0.65], 0.4, 0.5, 0.6]");
    const fs::path file = manifest("fileroot", "lixel.pt", R"(, "crop": {"source": "image"},
        "outputs": {"rough": "rough"},
        "coordinates": {"frame": "lixel", "root_depth": {"source": "file", "file": "roots.json"}})");
    r = run(file, {2, 3});
    QVERIFY(std::abs(r[0].roughVertices(0, 2) - 0.65) < 1e-9);
    QVERIFY(std::abs(r[1].roughVertices(0, 2) - 0.4) < 1e-9);
    // The whole 224² image: bin 32 → its centre, (111.5, 111.5).
    QVERIFY(projectsTo(dataset_->intrinsics(2), r[0].roughVertices, 0, 111.5, 111.5));
  }

  void cameraFrameOffsetsVertexOrderAndJoints() {
    const std::vector<std::vector<float>> mesh = {
        {0, 0, 0.5f}, {0.1f, 0, 0.5f}, {0, 0.1f, 0.6f}, {0.2f, 0.2f, 0.7f}};
    const std::vector<std::vector<float>> offsets = {
        {0.001f, 0, 0}, {0, 0.002f, 0}, {0, 0, 0.003f}, {0.004f, 0, 0}};
    std::vector<std::vector<float>> joints(kJointCount, {0.01f, 0.02f, 0.55f});
    joints[20] = {0.03f, 0.04f, 0.6f};
    test::saveScriptModule(dir() / "camera.pt",
                           "def forward(self, x):\n"
                           "    b = x.size(0)\n"
                           "    m = self.mesh.unsqueeze(0).expand(b, -1, -1)\n"
                           "    d = self.offsets.unsqueeze(0).expand(b, -1, -1)\n"
                           "    j = self.joints.unsqueeze(0).expand(b, -1, -1)\n"
                           "    return (m, d, j)\n",
                           {test::meshBuffer("mesh", mesh), test::meshBuffer("offsets", offsets),
                            test::meshBuffer("joints", joints)});
    const fs::path m = manifest("camera", "camera.pt", R"(, "crop": {"source": "image"},
        "vertex_order": [3, 0, 1, 2], "outputs": {"rough": 0, "refined_offsets": 1})");
    auto r = run(m, {0, 5}, {}, nullptr);
    const std::vector<int> order = {3, 0, 1, 2};  // hand vertex i = network vertex order[i]
    for (int i = 0; i < 4; ++i)
      for (int c = 0; c < 3; ++c) {
        const auto n = std::size_t(order[std::size_t(i)]);
        QCOMPARE(r[1].roughVertices(i, c),
                 std::round(double(mesh[n][std::size_t(c)]) / 1e-7) * 1e-7);
        QVERIFY(std::abs(r[1].refinedVertices(i, c) - mesh[n][std::size_t(c)] -
                         offsets[n][std::size_t(c)]) < 1e-7);
      }
    QVERIFY(maxDiff(r[1].roughJoints, hand_.regressJoints(viewOf(r[1].roughVertices))) < 1e-7);
    // With a joints output, both files take it.
    const fs::path withJoints = manifest("camjoints", "camera.pt", R"(, "crop": {"source": "image"},
        "outputs": {"rough": 0, "refined_offsets": 1, "joints": 2})");
    r = run(withJoints, {0});
    QVERIFY(std::abs(r[0].roughJoints(20, 1) - 0.04) < 1e-7);
    QVERIFY(std::abs(r[0].refinedJoints(3, 2) - 0.55) < 1e-7);
  }

  void cropWarpMapsOutputsBackToTheSamePixel() {
    // One white pixel at (97, 41) on black; the model puts every vertex on the brightest crop
    // pixel. Mask box x 70..133, y 30..69: side 64 (enlarge 1) around (101.5, 49.5), 4 crop px
    // per px, so the white pixel is crop pixel (4·(97 − 101.5) + 128, 4·(41 − 49.5) + 128) =
    // (110, 94) and must come back to (97, 41).
    MemoryDataset data;
    data.dir = dir() / "memory";
    data.width = 160, data.height = 120;
    data.K.K << 300, 0, 80, 0, 300, 60, 0, 0, 1;
    fs::create_directories(data.dir);
    cv::Mat image(120, 160, CV_8UC3, cv::Scalar::all(0));
    image.at<cv::Vec3b>(41, 97) = cv::Vec3b(255, 255, 255);
    cv::Mat mask(120, 160, CV_8UC1, cv::Scalar(0));
    mask(cv::Rect(70, 30, 64, 40)).setTo(255);
    data.images = {data.dir / "0.png"};
    data.masks = {data.dir / "0_mask.png"};
    QVERIFY(cv::imwrite(data.images[0].string(), image));
    QVERIFY(cv::imwrite(data.masks[0].string(), mask));
    test::saveScriptModule(dir() / "spot.pt", test::brightestPixelSource(4, 64));
    const fs::path m = manifest("spot", "spot.pt", R"(, "crop": {"source": "mask", "enlarge": 1},
        "outputs": {"rough": 0},
        "coordinates": {"frame": "lixel", "root_depth": {"source": "fixed", "value": 0.4}})");
    const auto r = run(m, {0}, {}, &data);
    QVERIFY(projectsTo(data.K, r[0].roughVertices, 0, 97, 41));
    QVERIFY(std::abs(r[0].roughVertices(0, 2) - 0.4) < 1e-9);

    data.masks.clear();  // no mask for the sample: one error naming the manifest
    expectError(m, "spot.json", "crop source \"mask\" needs masks, sample m0", &data);
  }

  void batchesGiveTheSameResultsInTheGivenOrder() {
    test::saveScriptModule(dir() / "spot4.pt", test::brightestPixelSource(4, 64));
    const fs::path m = manifest("spot4", "spot4.pt", R"(, "crop": {"source": "joints"},
        "outputs": {"rough": 0}, "coordinates": {"frame": "lixel"})");
    const std::vector<std::size_t> samples = {4, 1, 3, 0, 5};
    RunnerOptions one, three;
    one.batchSize = 1;
    three.batchSize = 3;
    const auto a = run(m, samples, one), b = run(m, samples, three);
    QCOMPARE(a.size(), samples.size());
    bool differs = false;
    for (std::size_t i = 0; i < samples.size(); ++i) {
      QCOMPARE(a[i].sample, samples[i]);
      QCOMPARE(b[i].sample, samples[i]);
      QCOMPARE(maxDiff(a[i].roughVertices, b[i].roughVertices), 0.0);
      differs = differs || maxDiff(a[i].roughVertices, a[0].roughVertices) > 1e-3;
    }
    QVERIFY(differs);  // the outputs depend on each sample's image
  }

  void segmentationComesBackInImagePixels() {
    test::saveScriptModule(
        dir() / "seg.pt",
        "def forward(self, x):\n"
        "    b = x.size(0)\n"
        "    s = torch.zeros(b, 2, 8, 8)\n"
        "    s[:, 1] = 1.0\n"
        "    return {'mesh': self.mesh.unsqueeze(0).expand(b, -1, -1), 'seg': s}\n",
        {test::meshBuffer("mesh", {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}, {0, 0, 1}})});
    const fs::path m = manifest("seg", "seg.pt", R"(,
        "crop": {"source": "box", "box_file": "boxes.json"},
        "outputs": {"rough": "mesh", "segmentation": "seg"})");
    RunnerOptions o;
    o.segmentation = true;
    const auto r = run(m, {1}, o);
    const LabelImage& s = r[0].segmentation;
    QCOMPARE(s.width, dataset_->imageWidth());
    QCOMPARE(s.at(90, 80), std::uint8_t(1));  // inside the crop square 40..140 × 30..130
    QCOMPARE(s.at(139, 129), std::uint8_t(1));
    QCOMPARE(s.at(10, 10), std::uint8_t(0));  // outside it
    QCOMPARE(s.at(150, 80), std::uint8_t(0));
    QVERIFY(run(m, {1})[0].segmentation.empty());  // not asked for
  }

  void cancellationStopsBetweenBatches() {
    const fs::path m = manifest("cancel", "lixel.pt", R"(, "crop": {"source": "image"},
        "outputs": {"rough": "rough"})");
    RunnerOptions o;
    o.batchSize = 2;
    o.device = InferenceDevice::Cpu;
    ModelRunner runner(loadModelManifest(m), hand_, o);
    CancellationToken token;
    std::size_t received = 0, reports = 0;
    QVERIFY_THROWS_EXCEPTION(
        Cancelled, runner.run(
                       *dataset_, {0, 1, 2, 3, 4, 5}, [&](SampleInference&&) { ++received; },
                       [&](std::size_t done, std::size_t total) {
                         ++reports;
                         QCOMPARE(total, std::size_t(6));
                         if (done == 2) token.cancel();
                       },
                       &token));
    QCOMPARE(received, std::size_t(2));
    QCOMPARE(reports, std::size_t(1));
  }

  void inMemoryPredictionsMatchTheWrittenFiles() {
    const fs::path m = manifest("files", "lixel.pt", R"(, "crop": {"source": "joints"},
        "outputs": {"rough": "rough", "refined": "refined"}, "coordinates": {"frame": "lixel"})");
    RunnerOptions o;
    o.device = InferenceDevice::Cpu;
    ModelRunner runner(loadModelManifest(m), hand_, o);
    QVERIFY(runner.hasRefined());
    QCOMPARE(runner.deviceName(), std::string("cpu"));
    const auto results = runner.run(*dataset_, {0, 1, 2, 3});
    const std::vector<Prediction> memory = toPredictions(results, 6);
    QCOMPARE(memory.size(), std::size_t(2));
    QCOMPARE(memory[1].name, std::string("refined"));
    QCOMPARE(memory[0].count(), std::size_t(6));
    QVERIFY(std::isnan(memory[0].vertices.item(5)[0]));  // not run
    QCOMPARE(memory[1].vertices.points(2)(3, 1), results[2].refinedVertices(3, 1));

    const fs::path out = dir() / "files-out";
    writePredictionFiles(out, results, makeProvenance(runner, *dataset_, hand_, "", "test"));
    for (const Prediction& mem : memory) {
      const Prediction file =
          loadPrediction(mem.name, out / ("pred_" + mem.name + ".json"), 6, 4, 1, 4);
      QCOMPARE(file.count(), std::size_t(4));
      for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(maxDiff(Points(file.vertices.points(i)), Points(mem.vertices.points(i))), 0.0);
        QCOMPARE(maxDiff(Points(file.joints.points(i)), Points(mem.joints.points(i))), 0.0);
      }
    }
    const std::string info = test::readText(out / "infer.json");
    QVERIFY(info.find("\"samples\": 4") != std::string::npos);
    QVERIFY(info.find("files.json") != std::string::npos);

    // Out of order: refused, and the writer leaves nothing behind (not even the folder it made).
    const fs::path bad = dir() / "bad-out";
    {
      PredictionFileWriter writer(bad);
      writer.add(results[0]);
      QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writer.add(results[2]));
    }
    QVERIFY(!fs::exists(bad));
  }

  void badCheckpointsGetOneErrorNamingTheFile() {
    const std::string lixel = R"(, "crop": {"source": "image"}, "outputs": {"rough": "rough"})";
    test::writeText(dir() / "garbage.pt", "not a checkpoint at all");
    expectError(manifest("garbage", "garbage.pt", lixel), "garbage.pt",
                "is not a TorchScript checkpoint");
    test::saveScriptModule(
        dir() / "five.pt", test::constantMeshSource(0),
        {test::meshBuffer("mesh", {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}, {0, 0, 1}, {0, 0, 1}})});
    expectError(manifest("five", "five.pt", lixel), "five.pt",
                "output \"rough\" is [1, 5, 3], expected [1, 4, 3]");
    expectError(
        manifest("nokey", "lixel.pt",
                 R"(, "crop": {"source": "image"}, "outputs": {"rough": "mesh_coord_img"})"),
        "lixel.pt", "has no output \"mesh_coord_img\"");
    expectError(manifest("notuple", "lixel.pt",
                         R"(, "crop": {"source": "image"}, "outputs": {"rough": 1})"),
                "lixel.pt", "forward() returns a dict: name its outputs by key");
    test::saveScriptModule(
        dir() / "tuple.pt",
        "def forward(self, x):\n"
        "    return (self.mesh.unsqueeze(0).expand(x.size(0), -1, -1), 3)\n",
        {test::meshBuffer("mesh", {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}, {0, 0, 1}})});
    expectError(manifest("tuple3", "tuple.pt",
                         R"(, "crop": {"source": "image"}, "outputs": {"rough": 0, "refined": 2})"),
                "tuple.pt", "returns a tuple of 2");
    expectError(manifest("tupleint", "tuple.pt",
                         R"(, "crop": {"source": "image"}, "outputs": {"rough": 0, "refined": 1})"),
                "tuple.pt", "not a tensor");
    // Weights for another architecture: a first convolution for one input channel.
    test::saveScriptModule(dir() / "gray.pt",
                           "def forward(self, x):\n"
                           "    return torch.conv2d(x, self.w).mean().expand(x.size(0), 4, 3)\n",
                           {{"w", {4, 1, 3, 3}, std::vector<float>(36, 0.1f)}});
    expectError(
        manifest("gray", "gray.pt", R"(, "crop": {"source": "image"}, "outputs": {"rough": 0})"),
        "gray.pt", "failed on a [1, 3, 256, 256] input");
    test::saveScriptModule(
        dir() / "nan.pt", test::constantMeshSource(0),
        {test::meshBuffer("mesh", {{0, 0, 1}, {0, NAN, 1}, {0, 0, 1}, {0, 0, 1}})});
    expectError(manifest("nan", "nan.pt", lixel), "nan.pt",
                "gave a non-finite coordinate for sample 00000000");
    // Manifests that do not fit the hand model or the dataset.
    expectError(manifest("count", "lixel.pt", lixel, 5), "count.json",
                "is for a hand model of 5 vertices, the hand model tiny has 4");
    expectError(manifest("order", "lixel.pt", lixel + R"(, "vertex_order": [0, 1, 2, 2])"),
                "order.json", "not a permutation");
    test::writeText(dir() / "fewboxes.json", "[[0, 0, 10, 10]]");
    expectError(manifest("fewboxes-model", "lixel.pt", R"(, "outputs": {"rough": "rough"},
                         "crop": {"source": "box", "box_file": "fewboxes.json"})"),
                "fewboxes.json", "has 1 entries, the dataset split has 6 samples");
    test::writeText(dir() / "badroots.json", "[0.5, 0.5, -1, 0.5, 0.5, 0.5]");
    expectError(manifest("badroots-model", "lixel.pt", R"(, "outputs": {"rough": "rough"},
                         "crop": {"source": "image"}, "coordinates": {"frame": "lixel",
                         "root_depth": {"source": "file", "file": "badroots.json"}})"),
                "badroots.json", "entry 2 is not a depth > 0");
    // A TorchScript file given as native weights.
    expectError(manifest("native", "lixel.pt", R"(, "architecture": "handar")"), "lixel.pt",
                "not a weights file");
  }

  void optionsThatCannotBeMet() {
    const fs::path m = manifest("opts", "lixel.pt", R"(, "crop": {"source": "image"},
        "outputs": {"rough": "rough"})");
    RunnerOptions o;
    o.device = InferenceDevice::Cpu;
    o.half = true;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ModelRunner(loadModelManifest(m), hand_, o));
    o.half = false;
    o.batchSize = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ModelRunner(loadModelManifest(m), hand_, o));
    if (!cudaAvailable()) {
      o.batchSize = 1;
      o.device = InferenceDevice::Cuda;
      QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ModelRunner(loadModelManifest(m), hand_, o));
      o.device = InferenceDevice::Auto;
      QCOMPARE(ModelRunner(loadModelManifest(m), hand_, o).deviceName(), std::string("cpu"));
    }
  }
};

QTEST_GUILESS_MAIN(TestModelRunner)
#include "TestModelRunner.moc"
