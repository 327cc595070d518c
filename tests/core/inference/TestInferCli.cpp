// `handalign infer` end to end: a TorchScript model built here, its output checked against
// hand-computed pixels and depths, then read by `handalign eval`; bad models and Ctrl-C leave
// nothing in --out.
#include "ScriptModels.h"
#include "TestSupport.h"

#include "dataset/PluginRegistry.h"
#include "dataset/Predictions.h"
#include "hand/HandModel.h"
#include "inference/CropGeometry.h"
#include "io/ImageIO.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <sstream>

using namespace handalign;
namespace fs = std::filesystem;

class TestInferCli : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_;
  std::unique_ptr<Dataset> dataset_;
  int vertices_ = 0;

  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }
  static QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

  fs::path manifest(const std::string& name, const std::string& pt, const std::string& extra,
                    int vertices) {
    const fs::path file = dir() / (name + ".json");
    test::writeText(file,
                    R"({"format": "handalign.model", "version": 1, "checkpoint": ")" + pt +
                        R"(", "hand_model": {"name": "procedural-hand-v1", "vertex_count": )" +
                        std::to_string(vertices) + "}" + extra + "}");
    return file;
  }
  test::CliResult infer(const fs::path& model, const fs::path& out, QStringList extra = {}) {
    return test::runCli(QStringList{"infer", "--model", q(model), "--dataset", q(data_), "--out",
                                    q(out), "--quiet"} +
                        extra);
  }
  void expectBad(const fs::path& model, const std::string& fileName, const std::string& problem) {
    const fs::path out = dir() / ("bad-" + fileName);
    const auto r = infer(model, out);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QString::fromStdString(fileName)), qPrintable(r.err));
    QVERIFY2(r.err.contains(QString::fromStdString(problem)), qPrintable(r.err));
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(!fs::exists(out), qPrintable(r.err));
  }
  // The lixel mesh: vertex 0 at the crop centre and root depth, vertex 1 at the crop's top-left
  // corner and 0.075 m behind the root, the rest at the centre.
  void saveLixelModel(const fs::path& file, int vertices) {
    std::vector<std::vector<float>> mesh(std::size_t(vertices), {32, 32, 32});
    mesh[1] = {0, 0, 48};
    test::saveScriptModule(file, test::constantMeshSource(2.0f), {test::meshBuffer("mesh", mesh)});
  }
  static double csvValue(const std::string& csv, const std::string& sample, const std::string& pred,
                         const std::string& column) {
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    const auto split = [](const std::string& s) {
      std::vector<std::string> cells;
      std::stringstream ss(s);
      for (std::string c; std::getline(ss, c, ',');) cells.push_back(c);
      return cells;
    };
    const std::vector<std::string> header = split(line);
    const auto col = std::size_t(std::find(header.begin(), header.end(), column) - header.begin());
    while (std::getline(in, line)) {
      const auto cells = split(line);
      if (cells.size() > col && cells[0] == sample && cells[1] == pred)
        return std::stod(cells[col]);
    }
    return NAN;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    data_ = test::synthDataset(dir(), 8, 3);
    dataset_ = PluginRegistry::instance().openDataset(data_, "", "", 1);
    vertices_ = loadHandModel(data_ / "hand_model.json").vertexCount;
    saveLixelModel(dir() / "lixel.pt", vertices_);
  }

  void inferOutputIsWhereHandComputedAndEvalReadsIt() {
    const fs::path m = manifest("lixel", "lixel.pt", R"(, "crop": {"source": "joints"},
        "outputs": {"rough": "rough", "refined": "refined"},
        "coordinates": {"frame": "lixel", "root_depth": {"source": "gt", "joint": 0}})",
                                vertices_);
    const fs::path out = dir() / "out";
    auto r = infer(m, out, {"--batch", "3", "--device", "cpu"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(fs::exists(out / "infer.json"));
    const Prediction rough = loadPrediction("rough", out / "pred_rough.json", 8, vertices_, 1);
    const Prediction refined =
        loadPrediction("refined", out / "pred_refined.json", 8, vertices_, 1);
    for (std::size_t i = 0; i < 8; ++i) {
      // The crop: GT joints projected with K, their bounding box, ×1.25 around its centre.
      const Intrinsics k = dataset_->intrinsics(i);
      const PointsView gt = dataset_->joints(i);
      double u0 = 1e9, v0 = 1e9, u1 = -1e9, v1 = -1e9;
      for (int j = 0; j < 21; ++j) {
        const double z = gt(j, 2),
                     u = k.K(0, 0) * gt(j, 0) / z + k.K(0, 1) * gt(j, 1) / z + k.K(0, 2),
                     v = k.K(1, 1) * gt(j, 1) / z + k.K(1, 2);
        u0 = std::min(u0, u), u1 = std::max(u1, u), v0 = std::min(v0, v), v1 = std::max(v1, v);
      }
      const double cu = (u0 + u1) / 2, cv = (v0 + v1) / 2;
      const double half = std::max(u1 - u0, v1 - v0) * 1.25 / 2;
      const PointsView p = rough.vertices.points(i);
      const Eigen::Vector2d centre = k.project(p.row(0).transpose());
      const Eigen::Vector2d corner = k.project(p.row(1).transpose());
      QVERIFY2(std::abs(centre.x() - cu) < 1e-3 && std::abs(centre.y() - cv) < 1e-3,
               qPrintable(QString("sample %1: %2 %3 vs %4 %5")
                              .arg(i)
                              .arg(centre.x())
                              .arg(centre.y())
                              .arg(cu)
                              .arg(cv)));
      QVERIFY(std::abs(corner.x() - (cu - half)) < 1e-3 &&
              std::abs(corner.y() - (cv - half)) < 1e-3);
      QVERIFY(std::abs(p(0, 2) - gt(0, 2)) < 1e-7);
      QVERIFY(std::abs(p(1, 2) - (gt(0, 2) + 0.075)) < 1e-7);
      // Refined = rough + 2 bins in x, y and z: z + 2 bins = + 2/64 · 0.3 m.
      QVERIFY(std::abs(refined.vertices.points(i)(0, 2) - gt(0, 2) - 2 / 64.0 * 0.3) < 1e-7);
    }

    const fs::path eval = dir() / "eval";
    r = test::runCli({"eval", "--dataset", q(data_), "--pred",
                      "rough=" + q(out / "pred_rough.json"), "--pred",
                      "refined=" + q(out / "pred_refined.json"), "--out", q(eval), "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // The evaluation's per-vertex error of sample 3 is the mean distance of the written mesh to GT.
    const PointsView p = rough.vertices.points(3), gt = dataset_->vertices(3);
    const double expected = (p - gt).rowwise().norm().mean() * 1000;
    const double mpvpe =
        csvValue(test::readText(eval / "per_sample.csv"), "00000003", "rough", "mpvpe_mm");
    QVERIFY2(std::abs(mpvpe - expected) < 1e-9 * expected,
             qPrintable(QString("%1 vs %2").arg(mpvpe).arg(expected)));
  }

  void limitedRunIsEvaluatedWithTheSameLimit() {
    const fs::path m = manifest("limited", "lixel.pt", R"(, "crop": {"source": "image"},
        "outputs": {"rough": "rough"}, "coordinates": {"frame": "lixel"})",
                                vertices_);
    const fs::path out = dir() / "limited";
    auto r = infer(m, out, {"--limit", "3"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!fs::exists(out / "pred_refined.json"));  // the manifest names no refined output
    QCOMPARE(loadPrediction("r", out / "pred_rough.json", 8, vertices_, 1, 3).count(),
             std::size_t(3));
    const QStringList eval = {"eval",
                              "--dataset",
                              q(data_),
                              "--pred",
                              q(out / "pred_rough.json"),
                              "--out",
                              q(dir() / "limited-eval"),
                              "--quiet"};
    r = test::runCli(eval + QStringList{"--limit", "3"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = test::runCli(eval);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("has 3 samples, the dataset split has 8"), qPrintable(r.err));
  }

  // --segmentation: the network's classes become segmentation/<id>.png hand masks (and, for the
  // 7 classes of background + parts, segmentation_parts/<id>.png labels) at the image's size.
  // The test model's 2×2 output per crop: class 1 (or part labels 1..4) in its four quarters but
  // background top-left; mapped back over the whole-image crop, each image pixel takes the class
  // of the crop quarter its centre falls in.
  void shardsMergeIntoTheBytesOfOneRun() {
    // Three shards of a run on 7 samples (3 + 2 + 2), merged in any order: the same pred_*.json
    // and infer.json bytes as the whole run; an incomplete set is refused by name.
    const fs::path m = manifest("sharded", "lixel.pt", R"(, "crop": {"source": "joints"},
        "outputs": {"rough": "rough", "refined": "refined"},
        "coordinates": {"frame": "lixel", "root_depth": {"source": "gt", "joint": 0}})",
                                vertices_);
    const QStringList common = {"--device", "cpu", "--limit", "7"};
    const fs::path whole = dir() / "shard-whole";
    auto r = infer(m, whole, common);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList shardDirs;
    for (int k = 2; k >= 0; --k) {  // given to merge in reverse order
      const fs::path out = dir() / ("shard-" + std::to_string(k));
      r = infer(m, out, common + QStringList{"--shard", QString("%1/3").arg(k)});
      QVERIFY2(r.exitCode == 0, qPrintable(r.err));
      QVERIFY(
          test::readText(out / "infer.json").find("\"shard\": \"" + std::to_string(k) + "/3\"") !=
          std::string::npos);
      shardDirs << q(out);
    }
    const fs::path merged = dir() / "shard-merged";
    r = test::runCli(QStringList{"merge", "--out", q(merged), "--quiet"} + shardDirs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char* f : {"pred_rough.json", "pred_refined.json", "infer.json"})
      QVERIFY2(test::readText(merged / f) == test::readText(whole / f), f);
    // Missing shard 1, shard 2 twice, a folder that is no shard output.
    const fs::path refused = dir() / "shard-refused";
    r = test::runCli({"merge", "--out", q(refused), shardDirs[0], shardDirs[2]});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("shard 1/3 is missing"), qPrintable(r.err));
    r = test::runCli({"merge", "--out", q(refused), shardDirs[0], shardDirs[0], shardDirs[1]});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is shard 2/3 again"), qPrintable(r.err));
    fs::create_directories(dir() / "shard-empty");
    r = test::runCli({"merge", "--out", q(refused), shardDirs[0], shardDirs[1],
                      q(dir() / "shard-empty"), shardDirs[2]});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("shard-empty") && r.err.contains("did not finish"), qPrintable(r.err));
    // A shard of another run (other batch size): refused, naming what differs.
    const fs::path other = dir() / "shard-other";
    r = infer(m, other, common + QStringList{"--shard", "1/3", "--batch", "2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = test::runCli({"merge", "--out", q(refused), shardDirs[0], q(other), shardDirs[2]});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("batch size"), qPrintable(r.err));
    QVERIFY(!fs::exists(refused / "pred_rough.json"));
    // A shard made incomplete: its prediction file cut short.
    test::writeText(dir() / "shard-1" / "pred_rough.json", "[[], []]\n");
    r = test::runCli(QStringList{"merge", "--out", q(refused)} + shardDirs);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("shard-1"), qPrintable(r.err));
    QVERIFY(!fs::exists(refused / "pred_rough.json"));
  }
  void segmentationIsWrittenAsMasks() {
    const auto save = [&](const fs::path& file, int classes) {
      std::vector<float> seg(std::size_t(classes) * 4, -10.0f);
      const int quarter[4] = {0, 1, classes == 7 ? 3 : 1, classes == 7 ? 6 : 1};
      for (int q = 0; q < 4; ++q) seg[std::size_t(quarter[q]) * 4 + std::size_t(q)] = 0.0f;
      std::vector<std::vector<float>> mesh(std::size_t(vertices_), {32, 32, 32});
      test::saveScriptModule(file,
                             "def forward(self, x):\n"
                             "    b = x.size(0)\n"
                             "    return {'rough': self.mesh.unsqueeze(0).expand(b, -1, -1), "
                             "'seg': self.seg.unsqueeze(0).expand(b, -1, -1, -1)}\n",
                             {test::meshBuffer("mesh", mesh), {"seg", {classes, 2, 2}, seg}});
    };
    const std::string extra = R"(, "crop": {"source": "image", "enlarge": 1.0},
        "outputs": {"rough": "rough", "segmentation": "seg"}, "coordinates": {"frame": "lixel"})";
    const int w = dataset_->imageWidth(), h = dataset_->imageHeight();
    const CropTransform crop = squareCrop(wholeImage(w, h), 1.0, 256);
    for (const int classes : {2, 7}) {
      const std::string name = "seg" + std::to_string(classes);
      save(dir() / (name + ".pt"), classes);
      const fs::path out = dir() / name;
      const auto r = infer(manifest(name, name + ".pt", extra, vertices_), out,
                           {"--segmentation", "--limit", "2"});
      QVERIFY2(r.exitCode == 0, qPrintable(r.err));
      const QJsonObject declared =
          QJsonDocument::fromJson(QByteArray::fromStdString(test::readText(out / "infer.json")))
              .object()
              .value("segmentation")
              .toObject();
      const fs::path handDir = out / declared.value("hand").toString().toStdString();
      const fs::path partsDir = out / declared.value("parts").toString().toStdString();
      QVERIFY(declared.value("hand").toString().startsWith("segmentation-"));
      QCOMPARE(declared.value("parts").toString().startsWith("segmentation_parts-"), classes == 7);
      QVERIFY(fs::is_directory(handDir));
      for (const std::string id : {"00000000", "00000001"}) {
        const Image<std::uint8_t> hand = readMask8(handDir / (id + ".png"));
        const Image<std::uint8_t> parts =
            classes == 7 ? readMask8(partsDir / (id + ".png")) : Image<std::uint8_t>();
        QCOMPARE(hand.width, w);
        int wrong = 0, inside = 0;
        for (int y = 0; y < h; ++y)
          for (int x = 0; x < w; ++x) {
            const Eigen::Vector2d c = crop.toCrop(Eigen::Vector2d(x, y));
            if (c.x() < -0.5 || c.y() < -0.5 || c.x() >= 255.5 || c.y() >= 255.5) continue;
            ++inside;
            const int q = (c.y() + 0.5 >= 128 ? 2 : 0) + (c.x() + 0.5 >= 128 ? 1 : 0);
            wrong += hand.at(x, y) != (q == 0 ? 0 : 255);
            if (classes == 7) {
              const int label[4] = {0, 1, 3, 6};
              wrong += parts.at(x, y) != label[q];
            }
          }
        QVERIFY(inside > w * h / 2);
        QCOMPARE(wrong, 0);
      }
      std::size_t hidden = 0;
      for (const auto& e : fs::directory_iterator(out))
        hidden += e.path().filename().string()[0] == '.';
      QCOMPARE(hidden, std::size_t(0));  // no staging left
    }
    // A model without a segmentation output is refused by name before any work.
    const fs::path plain = manifest("noseg", "lixel.pt", R"(, "crop": {"source": "image"},
        "outputs": {"rough": "rough"})",
                                    vertices_);
    const auto r = infer(plain, dir() / "noseg", {"--segmentation"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("noseg.json") && r.err.contains("outputs.segmentation"),
             qPrintable(r.err));
    QVERIFY(!fs::exists(dir() / "noseg"));
  }

  void badModelsExitOneAndLeaveNothing() {
    const std::string ok = R"(, "crop": {"source": "image"}, "outputs": {"rough": "rough"})";
    test::writeText(dir() / "garbage.pt", "GIF89a");
    expectBad(manifest("garbage", "garbage.pt", ok, vertices_), "garbage.pt",
              "is not a TorchScript checkpoint");
    expectBad(manifest("mano", "lixel.pt", ok, 778), "mano.json",
              "is for a hand model of 778 vertices");
    saveLixelModel(dir() / "small.pt", 500);
    expectBad(manifest("small", "small.pt", ok, vertices_), "small.pt",
              "output \"rough\" is [1, 500, 3]");
    expectBad(manifest("gone", "gone.pt", ok, vertices_), "gone.pt", "no such file");
    test::writeText(dir() / "alone.pt", "x");
    expectBad(dir() / "alone.pt", "alone.pt", "has no manifest beside it");
    expectBad(manifest("typo", "lixel.pt", ok + R"(, "coordinates": {"frme": "lixel"})", vertices_),
              "typo.json", "unknown key \"coordinates.frme\"");
    // A failing run leaves an existing output folder as it was.
    const fs::path keep = dir() / "keep";
    test::writeText(keep / "old.txt", "old");
    const auto r = infer(dir() / "garbage.json", keep);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(std::distance(fs::directory_iterator(keep), fs::directory_iterator()), 1L);
  }

  void usageErrorsExitTwo() {
    const auto usage = [&](const QStringList& args, const char* fragment) {
      const auto r = test::runCli(QStringList{"infer"} + args);
      QCOMPARE(r.exitCode, 2);
      QVERIFY2(r.err.contains(fragment), qPrintable(r.err));
    };
    const QString model = q(dir() / "lixel.json");
    usage({"--dataset", q(data_), "--out", "x"}, "--model");
    usage({"--model", model, "--dataset", q(data_), "--out", "x", "--device", "gpu"}, "--device");
    usage({"--model", model, "--dataset", q(data_), "--out", "x", "--batch", "0"}, "--batch");
    usage({"--model", model, "--dataset", q(data_), "--out", "x", "--half", "--device", "cpu"},
          "--half");
    usage({"--model", model, "--bogus"}, "unknown option --bogus");
    QVERIFY(test::runCli({"--help"}).out.contains("infer    --model FILE"));
  }

  void interruptLeavesNothing() {
    // A slow model (a chain of 512² matrix products per batch) so that SIGTERM arrives mid-run.
    test::saveScriptModule(dir() / "slow.pt",
                           "def forward(self, x):\n"
                           "    y = self.w\n"
                           "    for i in range(150):\n"
                           "        y = torch.tanh(torch.mm(y, self.w))\n"
                           "    m = self.mesh.unsqueeze(0).expand(x.size(0), -1, -1)\n"
                           "    return m + 0.0 * y.sum()\n",
                           {{"w", {512, 512}, std::vector<float>(512 * 512, 0.001f)},
                            test::meshBuffer("mesh", std::vector<std::vector<float>>(
                                                         std::size_t(vertices_), {0, 0, 0.5f}))});
    const fs::path m = manifest("slow", "slow.pt", R"(, "crop": {"source": "image"},
        "outputs": {"rough": 0})",
                                vertices_);
    const fs::path out = dir() / "interrupted";
    QProcess p;
    p.start(q(test::binDir() / "handalign"),
            {"infer", "--model", q(m), "--dataset", q(data_), "--out", q(out), "--batch", "1"});
    QVERIFY(p.waitForStarted());
    QThread::msleep(1500);
    QCOMPARE(p.state(), QProcess::Running);  // still working
    p.terminate();                           // SIGTERM, handled like Ctrl-C
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(QString(p.readAllStandardError()).contains("interrupted"));
    QVERIFY(!fs::exists(out));
  }
};

QTEST_GUILESS_MAIN(TestInferCli)
#include "TestInferCli.moc"
