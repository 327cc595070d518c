// Dataset plugins (FreiHAND, generic) and prediction files: reading, and every loader on malformed
// files.
#include "TestSupport.h"

#include "dataset/PluginRegistry.h"
#include "dataset/Predictions.h"
#include "io/JsonWriter.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

using namespace handalign;
namespace fs = std::filesystem;

class TestDatasets : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path synth_;
  fs::path root() const { return fs::path(tmp_.path().toStdString()); }

  // A copy of the synthetic dataset in which `file` is replaced by `text`.
  fs::path brokenCopy(const std::string& name, const std::string& file, const std::string& text) {
    const fs::path dir = root() / name;
    fs::copy(synth_, dir, fs::copy_options::recursive);
    test::writeText(dir / file, text);
    return dir;
  }
  void expectOpenError(const fs::path& dir, const std::string& fileFragment,
                       const std::string& problem) {
    try {
      PluginRegistry::instance().openDataset(dir, "", "", 1);
      QFAIL(("opened a broken dataset: " + dir.string()).c_str());
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find(fileFragment) != std::string::npos, msg.c_str());
      QVERIFY2(msg.find(problem) != std::string::npos, msg.c_str());
    }
  }
  void expectPredError(const std::string& text, const std::string& problem, std::size_t count,
                       int verts) {
    const fs::path file = root() / "pred_bad.json";
    test::writeText(file, text);
    try {
      loadPrediction("bad", file, count, verts, 1);
      QFAIL(("accepted prediction: " + text.substr(0, 60)).c_str());
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find("pred_bad.json") != std::string::npos, msg.c_str());
      QVERIFY2(msg.find(problem) != std::string::npos, msg.c_str());
    }
    fs::remove(file);
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    synth_ = test::synthDataset(root(), 6, 11);
    QVERIFY(PluginRegistry::instance().findFormat("freihand"));
    QVERIFY(PluginRegistry::instance().findFormat("generic"));
  }
  void freihandReadsTheSyntheticLayout() {
    const auto ds = PluginRegistry::instance().openDataset(synth_, "", "", 1);
    QCOMPARE(ds->formatId(), std::string("freihand"));
    QCOMPARE(ds->split(), std::string("training"));
    QCOMPARE(ds->size(), std::size_t(6));
    QCOMPARE(ds->sampleId(3), std::string("00000003"));
    QCOMPARE(ds->imageWidth(), 224);
    QVERIFY(ds->hasJoints() && ds->hasVertices());
    QVERIFY(ds->maskPath(5).has_value());
    QVERIFY(ds->handModelPath().has_value());
    QVERIFY(fs::exists(ds->imagePath(5)));
    QCOMPARE(ds->intrinsics(0).K(2, 2), 1.0);
    QVERIFY(ds->vertices(2).allFinite());
  }
  void freihandRejectsMalformedFiles() {
    expectOpenError(root() / "nothing-here", "nothing-here", "no such dataset folder");
    fs::create_directories(root() / "empty");
    expectOpenError(root() / "empty", "empty", "not a dataset any installed plugin can read");
    const std::string k = test::readText(synth_ / "training_K.json");
    expectOpenError(brokenCopy("truncK", "training_K.json", k.substr(0, k.size() / 2)),
                    "training_K.json", "truncated");
    expectOpenError(brokenCopy("junkK", "training_K.json", "not json at all"), "training_K.json",
                    "JSON");
    expectOpenError(brokenCopy("nanK", "training_K.json", "[[[NaN, 0, 1], [0, 1, 1], [0, 0, 1]]]"),
                    "training_K.json", "");
    expectOpenError(
        brokenCopy("shortXyz", "training_xyz.json", "[[" + std::string("[0,0,1],") + "[0,0,1]]]"),
        "training_xyz.json", "");
    // One fewer sample in the vertices than in K.
    std::string v = test::readText(synth_ / "training_verts.json");
    const std::size_t lastItem = v.rfind(", [[");
    expectOpenError(brokenCopy("fewVerts", "training_verts.json", v.substr(0, lastItem) + "]"),
                    "training_verts.json", "has 5 samples");
    expectOpenError(brokenCopy("notK", "training_K.json", "[[[1, 0], [0, 1], [0, 0]]]"),
                    "training_K.json", "");
  }
  void predictionsAreChecked() {
    const auto ds = PluginRegistry::instance().openDataset(synth_, "", "", 1);
    const int v = ds->vertexCount();
    const Prediction p = loadPrediction("refined", synth_ / "pred_refined.json", 6, v, 1);
    QCOMPARE(p.count(), std::size_t(6));
    QCOMPARE(p.joints.rows(), 21);
    expectPredError("[[], []]", "no predictions", 6, v);
    const std::string good = test::readText(synth_ / "pred_refined.json");
    expectPredError(good, "has 6 samples, the dataset split has 7", 7, v);
    expectPredError(good, "the hand model has", 6, v + 1);
    expectPredError(good.substr(0, good.size() - 10), "truncated", 6, v);
    expectPredError("[[[[0, 0, NaN]]], [[[0,0,1]]]]", "", 1, 1);
    expectPredError("{\"xyz\": []}", "", 6, v);
  }
  void genericLayoutMatchesFreihand() {
    const auto fh = PluginRegistry::instance().openDataset(synth_, "", "freihand", 1);
    const fs::path dir = root() / "generic";
    test::writeText(
        dir / "dataset.json",
        R"({"format": "handalign.generic_dataset", "version": 1, "hand_model": "model.json"})");
    fs::copy_file(synth_ / "hand_model.json", dir / "model.json");
    for (std::size_t i = 0; i < fh->size(); ++i) {
      JsonWriter w(0);
      auto rows = [&](const Eigen::Ref<const Points>& p) {
        w.beginArray();
        for (Eigen::Index r = 0; r < p.rows(); ++r)
          w.array(std::vector<double>{p(r, 0), p(r, 1), p(r, 2)});
        w.endArray();
      };
      w.beginObject().key("K");
      rows(Points(fh->intrinsics(i).K));
      w.key("joints");
      rows(fh->joints(i));
      w.key("vertices");
      rows(fh->vertices(i));
      w.endObject();
      test::writeText(dir / "val" / "annotations" / (fh->sampleId(i) + ".json"), w.str());
      fs::create_directories(dir / "val" / "images");
      fs::copy_file(fh->imagePath(i), dir / "val" / "images" / (fh->sampleId(i) + ".jpg"));
    }
    const auto g = PluginRegistry::instance().openDataset(dir, "", "", 1);
    QCOMPARE(g->formatId(), std::string("generic"));
    QCOMPARE(g->split(), std::string("val"));
    QCOMPARE(g->size(), fh->size());
    QCOMPARE(g->handModelPath().value(), dir / "model.json");
    QVERIFY(!g->maskPath(0).has_value());
    for (std::size_t i = 0; i < g->size(); ++i) {
      QCOMPARE(Points(g->vertices(i)), Points(fh->vertices(i)));
      QCOMPARE(Points(g->joints(i)), Points(fh->joints(i)));
      QCOMPARE(g->intrinsics(i).K, fh->intrinsics(i).K);
      QVERIFY(g->handSide(i) == HandSide::Right);  // no "hand": the right one, as FreiHAND's
      QVERIFY(fh->handSide(i) == HandSide::Right);
    }
    // "hand": "left" marks a left hand; anything else is named.
    const fs::path first = dir / "val" / "annotations" / (fh->sampleId(0) + ".json");
    const std::string original = test::readText(first);
    std::string text = original;
    text.insert(text.rfind('}'), ", \"hand\": \"left\"");
    test::writeText(first, text);
    QVERIFY(PluginRegistry::instance().openDataset(dir, "", "", 1)->handSide(0) == HandSide::Left);
    test::writeText(first, text.replace(text.find("left"), 4, "both"));
    expectOpenError(dir, fh->sampleId(0) + ".json", "\"hand\" must be \"left\" or \"right\"");
    test::writeText(first, original);
    // A sample with 20 joints is named with its file and problem.
    test::writeText(dir / "val" / "annotations" / "00000002.json",
                    R"({"K": [[1,0,0],[0,1,0],[0,0,1]], "joints": [[0,0,1]]})");
    expectOpenError(dir, "00000002.json", "\"joints\" has 1 rows, expected 21");
  }
};

QTEST_GUILESS_MAIN(TestDatasets)
#include "TestDatasets.moc"
