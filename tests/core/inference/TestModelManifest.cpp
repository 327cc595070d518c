// The model manifest (docs/models.md): defaults, every field, and one clear error per bad file.
#include "TestSupport.h"

#include "inference/ModelManifest.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace handalign;
namespace fs = std::filesystem;

class TestModelManifest : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }

  // A valid minimal manifest with `extra` spliced in before the closing brace.
  fs::path write(const std::string& extra, const std::string& name = "model.json",
                 const std::string& hand = R"({"vertex_count": 4})") {
    const fs::path file = dir() / name;
    test::writeText(file, R"({"format": "handalign.model", "version": 1, "checkpoint": "model.pt",
                              "hand_model": )" +
                              hand + extra + "}");
    return file;
  }
  void expectError(const std::string& extra, const std::string& problem) {
    const fs::path file = write(extra, "bad.json");
    expectErrorFor(file, "bad.json", problem);
  }
  void expectErrorFor(const fs::path& model, const std::string& fileName,
                      const std::string& problem) {
    try {
      loadModelManifest(model);
      QFAIL(("accepted: " + problem).c_str());
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find(fileName) != std::string::npos, msg.c_str());
      QVERIFY2(msg.find(problem) != std::string::npos, msg.c_str());
      QVERIFY2(msg.find('\n') == std::string::npos, msg.c_str());
    }
  }
  static const char* outputs() { return R"(, "outputs": {"rough": 0})"; }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    test::writeText(dir() / "model.pt", "checkpoint bytes");
  }

  void defaults() {
    const ModelManifest m = loadModelManifest(write(outputs()));
    QCOMPARE(m.architecture, std::string("torchscript"));
    QCOMPARE(m.name, std::string("model"));
    QCOMPARE(m.checkpoint, dir() / "model.pt");
    QCOMPARE(m.vertexCount, 4);
    QVERIFY(m.vertexOrder.empty());
    QCOMPARE(m.inputSize, 256);
    QVERIFY(!m.bgr);
    QCOMPARE(m.scale, 1.0 / 255.0);
    QCOMPARE(m.mean[2], 0.0);
    QCOMPARE(m.std[1], 1.0);
    QVERIFY(m.crop == CropSource::Mask);
    QCOMPARE(m.enlarge, 1.25);
    QCOMPARE(m.rough.index, 0);
    QVERIFY(!m.refined.given() && !m.refinedOffsets.given() && !m.joints.given());
    QVERIFY(m.frame == CoordinateFrame::Camera);
  }

  void everyField() {
    test::writeText(dir() / "order.json", "[3, 2, 1, 0]");
    const ModelManifest m =
        loadModelManifest(write(R"(, "name": "handar-freihand",
        "vertex_order": "order.json",
        "input": {"size": 128, "channels": "bgr", "scale": 1, "mean": [1, 2, 3], "std": 2},
        "crop": {"source": "box", "enlarge": 1.5, "box_file": "boxes.json"},
        "outputs": {"rough": "mesh_coord_img", "refined_offsets": 2, "joints": "joints",
                    "segmentation": "seg"},
        "coordinates": {"frame": "lixel", "bins": 32, "depth_box": 0.4,
                        "root_depth": {"source": "file", "file": "roots.json"}})",
                                "model.json", R"({"name": "tiny", "vertex_count": 4})"));
    QCOMPARE(m.name, std::string("handar-freihand"));
    QCOMPARE(m.handModelName, std::string("tiny"));
    QCOMPARE(m.vertexOrder, (std::vector<int>{3, 2, 1, 0}));
    QCOMPARE(m.inputSize, 128);
    QVERIFY(m.bgr);
    QCOMPARE(m.scale, 1.0);
    QCOMPARE(m.mean[2], 3.0);
    QCOMPARE(m.std[0], 2.0);
    QVERIFY(m.crop == CropSource::Box);
    QCOMPARE(m.enlarge, 1.5);
    QCOMPARE(m.boxFile, dir() / "boxes.json");
    QCOMPARE(m.rough.key, std::string("mesh_coord_img"));
    QCOMPARE(m.refinedOffsets.index, 2);
    QCOMPARE(m.joints.key, std::string("joints"));
    QCOMPARE(m.segmentation.key, std::string("seg"));
    QVERIFY(m.frame == CoordinateFrame::Lixel);
    QCOMPARE(m.lixelBins, 32);
    QCOMPARE(m.depthBox, 0.4);
    QVERIFY(m.rootDepth == RootDepthSource::File);
    QCOMPARE(m.rootDepthFile, dir() / "roots.json");

    const ModelManifest fixed = loadModelManifest(write(R"(, "architecture": "handar",
        "coordinates": {"root_depth": {"source": "fixed", "value": 0.7}})"));
    QVERIFY(fixed.isNative());
    QVERIFY(fixed.frame == CoordinateFrame::Lixel);  // the native network's only frame
    QVERIFY(fixed.rootDepth == RootDepthSource::Fixed);
    QCOMPARE(fixed.rootDepthValue, 0.7);
    QCOMPARE(fixed.rootJoint, 0);
  }

  void checkpointArgumentFindsTheManifestBesideIt() {
    write(outputs());
    QCOMPARE(loadModelManifest(dir() / "model.pt").file, dir() / "model.json");
    test::writeText(dir() / "lonely.pt", "x");
    expectErrorFor(dir() / "lonely.pt", "lonely.pt", "has no manifest beside it");
  }

  void badManifestsGetOneLineNamingTheFile() {
    expectErrorFor(dir() / "missing.json", "missing.json", "no such file");
    test::writeText(dir() / "notjson.json", "{\"format\": ");
    expectErrorFor(dir() / "notjson.json", "notjson.json", "is not valid JSON");
    test::writeText(dir() / "foreign.json", R"({"format": "handalign.hand_model"})");
    expectErrorFor(dir() / "foreign.json", "foreign.json", "is not a HandAlign model manifest");
    expectError(R"(, "version": 2)", "\"version\" must be 1");
    expectError(R"(, "outputs": {"rough": 0}, "crop": {"sorce": "mask"})",
                "unknown key \"crop.sorce\"");
    expectError(R"(, "outputs": {"refined": 1})", "\"outputs.rough\" is required");
    expectError(R"(, "outputs": {"rough": -1})", "\"outputs.rough\" must be a dict key");
    expectError(R"(, "outputs": {"rough": 0, "refined": 1, "refined_offsets": 2})", "give one");
    expectError(R"(, "outputs": {"rough": 0}, "coordinates": {"root_depth": {}})",
                "applies to the lixel and root_relative frames only");
    expectError(R"(, "outputs": {"rough": 0}, "coordinates": {"frame": "weak_perspective"})",
                "must be one of camera, lixel, crop_camera, root_relative");
    // Handedness: mirroring needs a frame tied to the crop; a left-hand MANO model has no layer.
    expectError(R"(, "outputs": {"rough": 0}, "handedness": {"mirror_other": true})",
                "\"handedness.mirror_other\" needs a frame tied to the crop");
    expectError(R"(, "outputs": {"mano": {"pose": "p"}}, "handedness": {"model": "left"})",
                "right-hand MANO layer");
    expectError(R"(, "outputs": {"rough": 0}, "handedness": {"model": "both"})",
                "\"handedness.model\" must be one of right, left");
    expectError(R"(, "outputs": {"rough": 0}, "handedness": {"mirror": true})",
                "unknown key \"handedness.mirror\"");
    expectError(R"(, "outputs": {"rough": 0}, "crop": {"source": "box"})",
                "\"crop.box_file\" is required");
    expectError(R"(, "outputs": {"rough": 0}, "crop": {"source": "joint"})",
                "\"crop.source\" must be one of mask, joints, box, image");
    expectError(R"(, "outputs": {"rough": 0}, "crop": {"enlarge": 0})", "must be > 0");
    expectError(R"(, "outputs": {"rough": 0}, "input": {"std": [1, 0, 1]})", "must not be 0");
    expectError(R"(, "outputs": {"rough": 0}, "input": {"size": 8})", "16..4096");
    expectError(R"(, "outputs": {"rough": 0}, "vertex_order": [0, 1.5, 2, 3])",
                "non-integer at position 1");
    expectError(R"(, "outputs": {"rough": 0}, "coordinates": {"frame": "lixel",
                "root_depth": {"source": "fixed"}})",
                "\"coordinates.root_depth.value\" is required");
    // An empty order is refused (not read as "no permutation"); references name regular files
    // only: /dev/zero would be read without end, a FIFO would block.
    expectError(R"(, "outputs": {"rough": 0}, "vertex_order": [])", "\"vertex_order\" is empty");
    expectError(R"(, "outputs": {"rough": 0}, "crop": {"source": "box", "box_file": "/dev/zero"})",
                "is not a regular file (box_file of");
    QCOMPARE(::mkfifo((dir() / "fifo.json").c_str(), 0600), 0);
    expectError(R"(, "outputs": {"rough": 0}, "crop": {"source": "box", "box_file": "fifo.json"})",
                "is not a regular file (box_file of");
    test::writeText(dir() / "empty-order.json", "[]");
    expectErrorFor(
        write(R"(, "outputs": {"rough": 0}, "vertex_order": "empty-order.json")", "bad.json"),
        "empty-order.json", "non-empty");
    expectError(R"(, "outputs": {"rough": 0}, "coordinates": {"frame": "crop_camera"})",
                "needs \"outputs.camera\"");
    expectError(R"(, "outputs": {"rough": 0, "mano": {"pose": "p"}})", "go without it");
    expectError(R"(, "outputs": {"mano": {"shape": "b"}})", "\"outputs.mano.pose\" is required");
    expectError(R"(, "outputs": {"mano": {"pose": "p", "pose_format": "quat"}})",
                "must be one of axis_angle, rotmat, pca");
    expectError(R"(, "outputs": {"rough": 0}, "coordinates": {"focal": 5000})",
                "applies to the crop_camera frame only");
    expectError(R"(, "architecture": "handar", "outputs": {"rough": 0})",
                "fixed by the native network");
    expectError(R"(, "architecture": "handar", "coordinates": {"frame": "camera"})",
                "must be \"lixel\" for the native network");
    test::writeText(dir() / "nock.json",
                    R"({"format": "handalign.model", "version": 1, "checkpoint": "gone.pt",
                        "hand_model": {"vertex_count": 4}, "outputs": {"rough": 0}})");
    expectErrorFor(dir() / "nock.json", "gone.pt", "the checkpoint named by");
    test::writeText(dir() / "nocount.json",
                    R"({"format": "handalign.model", "version": 1, "checkpoint": "model.pt",
                        "hand_model": {"name": "x"}, "outputs": {"rough": 0}})");
    expectErrorFor(dir() / "nocount.json", "nocount.json",
                   "\"hand_model.vertex_count\" is required");
  }

  void checkedAgainstTheHandModel() {
    const auto expect = [](const ModelManifest& m, const std::string& name, int count,
                           const std::string& problem) {
      try {
        checkManifestAgainstHandModel(m, name, count);
        QFAIL(("accepted: " + problem).c_str());
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find(problem) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("model.json") != std::string::npos, e.what());
      }
    };
    ModelManifest m = loadModelManifest(write(outputs()));
    checkManifestAgainstHandModel(m, "anything", 4);  // no name in the manifest: not checked
    expect(m, "tiny", 5, "hand model of 4 vertices, the hand model tiny has 5");
    m.handModelName = "mano";
    expect(m, "tiny", 4, "is for the hand model \"mano\"");
    m.handModelName.clear();
    m.vertexOrder = {0, 1, 2};
    expect(m, "tiny", 4, "vertex_order has 3 entries");
    m.vertexOrder = {0, 1, 1, 3};
    expect(m, "tiny", 4, "not a permutation (1 appears twice)");
    m.vertexOrder = {0, 1, 4, 3};
    expect(m, "tiny", 4, "vertex_order holds 4, outside 0..3");
    m.vertexOrder = {3, 0, 1, 2};
    checkManifestAgainstHandModel(m, "tiny", 4);
  }
};

QTEST_GUILESS_MAIN(TestModelManifest)
#include "TestModelManifest.moc"
