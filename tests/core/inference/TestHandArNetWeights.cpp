// Weights of the native network in the official key layout: round trip, one clear error per bad
// file, the Python converter on an official-style snapshot, and equivalence with a TorchScript
// export of tools/handar/model.py holding the same weights.
#include "TestHandArNetSupport.h"
#include "TestSupport.h"

#include "hand/HandModel.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

#include <torch/script.h>

#include <fstream>

using namespace handalign;
using namespace handalign::inference;
namespace fs = std::filesystem;

namespace {
using Dict = c10::Dict<std::string, torch::Tensor>;

Dict stateDict(const HandArNet& net) {
  Dict d;
  for (const auto& p : net->named_parameters()) d.insert(p.key(), p.value().detach().clone());
  for (const auto& b : net->named_buffers()) d.insert(b.key(), b.value().clone());
  return d;
}

void writeIValue(const fs::path& file, const c10::IValue& value) {
  const auto bytes = torch::pickle_save(value);
  std::ofstream(file, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

bool sameState(const HandArNet& a, const HandArNet& b) {
  const Dict da = stateDict(a), db = stateDict(b);
  if (da.size() != db.size()) return false;
  for (const auto& item : da) {
    if (!db.contains(item.key()) || !torch::equal(item.value(), db.at(item.key()))) return false;
  }
  return true;
}

bool pythonHasTorch() { return test::runPython({"-c", "import torch"}, 120000).exitCode == 0; }
}  // namespace

class TestHandArNetWeights : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  fs::path path(const std::string& name) { return fs::path(dir_.path().toStdString()) / name; }

  // Loading `file` into a fresh small network throws an InputError naming it and `fragment`.
  void expectError(const fs::path& file, const std::string& fragment) {
    HandArNet net = test::makeTestNet(test::smallConfig(), 5);
    const Dict before = stateDict(net);
    try {
      loadWeights(net, file.string());
      QFAIL(("accepted " + file.string()).c_str());
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find(file.string()) != std::string::npos, msg.c_str());
      QVERIFY2(msg.find(fragment) != std::string::npos, msg.c_str());
    }
    const Dict after = stateDict(net);
    for (const auto& item : before) {  // nothing half loaded
      QVERIFY(torch::equal(item.value(), after.at(item.key())));
    }
  }

  void runConverter(const QStringList& args) {
    const auto script = test::sourceDir() / "tools/handar/convert_checkpoint.py";
    const test::CliResult r =
        test::runPython(QStringList{QString::fromStdString(script.string())} + args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
  }

 private Q_SLOTS:
  void roundTripKeepsEveryTensor() {
    const HandArNet a = test::makeTestNet(test::smallConfig(), 1);
    HandArNet b = test::makeTestNet(test::smallConfig(), 2);
    QVERIFY(!sameState(a, b));
    saveWeights(a, path("a.pt").string());
    loadWeights(b, path("a.pt").string());
    QVERIFY(sameState(a, b));

    // loadHandArNet reads the sizes from the file; edges and switches come from the caller.
    HandArConfig wanted = test::smallConfig();
    wanted.runSegmentation = true;
    HandArNet c = loadHandArNet(path("a.pt").string(), wanted);
    QCOMPARE(c->config().width, 8);
    QCOMPARE(c->config().inputSize, 64);
    QCOMPARE(c->config().lixelBins, 16);
    QCOMPARE(c->config().vertexCount, 800);
    QCOMPARE(c->config().jointCount, 21);
    QCOMPARE(c->config().segmentationClasses, 2);
    QVERIFY(c->config().runSegmentation);
    QVERIFY(sameState(a, c));
    c->eval();
    torch::InferenceMode inference;
    const auto image = test::testImages(2, 64);
    QVERIFY(torch::equal(b->forward(image).refined, c->forward(image).refined));
  }

  void prefixesAliasesAndDefaultedBuffersLoad() {
    const HandArNet a = test::makeTestNet(test::smallConfig(), 1);
    Dict renamed;
    for (const auto& item : stateDict(a)) {
      std::string key = item.key();
      if (key.rfind("posenet.", 0) == 0) key = "pose_net." + key.substr(8);
      if (key.find("num_batches_tracked") != std::string::npos) continue;
      if (key == "gcn.res1.conv1.eps") continue;
      renamed.insert("module." + key, item.value());
    }
    writeIValue(path("renamed.pt"), renamed);
    HandArNet b = test::makeTestNet(test::smallConfig(), 2);
    loadWeights(b, path("renamed.pt").string());
    QCOMPARE(b->named_buffers()["gcn.res1.conv1.eps"].item<float>(), 0.1f);  // kept its own
    QVERIFY(torch::equal(b->named_parameters()["posenet.conv.0.weight"],
                         a->named_parameters()["posenet.conv.0.weight"]));
  }

  void badFilesGetOneClearMessage() {
    const HandArNet a = test::makeTestNet(test::smallConfig(), 1);
    expectError(path("absent.pt"), "no such weights file");
    test::writeText(path("text.pt"), "hello");
    expectError(path("text.pt"), "not a weights file");
    writeIValue(path("list.pt"), c10::List<torch::Tensor>({torch::ones(2)}));
    expectError(path("list.pt"), "not a flat {name: tensor} dict");
    c10::Dict<std::string, Dict> nested;
    nested.insert("pose_backbone", stateDict(a));
    writeIValue(path("nested.pt"), nested);
    expectError(path("nested.pt"), "tools/handar/convert_checkpoint.py");

    Dict missing = stateDict(a);
    QCOMPARE(int(missing.erase("mesh_net.conv_x.0.weight")), 1);
    writeIValue(path("missing.pt"), missing);
    expectError(path("missing.pt"), "1 missing (mesh_net.conv_x.0.weight)");
    Dict extra = stateDict(a);
    extra.insert("param_regressor.fc.0.weight", torch::ones({3}));
    writeIValue(path("extra.pt"), extra);
    expectError(path("extra.pt"), "1 unexpected (param_regressor.fc.0.weight)");
    Dict nan = stateDict(a);
    nan.at("gcn.tail.conv.nn.2.bias")[0] = NAN;
    writeIValue(path("nan.pt"), nan);
    expectError(path("nan.pt"), "gcn.tail.conv.nn.2.bias holds NaN");

    HandArConfig wide = test::smallConfig();
    wide.width = 16;
    saveWeights(HandArNet(wide), path("wide.pt").string());
    expectError(path("wide.pt"),
                "weights of another architecture: pose_backbone.conv1.weight is "
                "16×3×7×7, expected 8×3×7×7");

    HandArConfig otherHand = test::smallConfig();
    otherHand.vertexCount = 900;
    otherHand.edges.push_back({850, 899});
    saveWeights(a, path("a.pt").string());
    try {
      loadHandArNet(path("a.pt").string(), otherHand);
      QFAIL("accepted edges beyond the network's vertices");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("mesh edges reach vertex 899") != std::string::npos,
               e.what());
    }
  }

  void converterReadsAnOfficialStyleSnapshot() {
    if (!pythonHasTorch()) QSKIP("/usr/bin/python3 cannot import torch (Debian: python3-torch)");
    const HandArNet a = test::makeTestNet(test::smallConfig(), 1);
    saveWeights(a, path("flat.pt").string());
    // The training snapshot layout: {'network': DataParallel state dict, 'epoch', 'optimizer'},
    // the release's attribute name pose_net, and a group that is not part of the network.
    const std::string make = R"(
import sys, torch
flat = torch.load(sys.argv[1])
net = {'module.' + k.replace('posenet.', 'pose_net.', 1): v for k, v in flat.items()}
net['module.param_regressor.fc.0.weight'] = torch.zeros(4)
torch.save({'network': net, 'epoch': 24, 'optimizer': {'param_groups': [{'lr': 1e-4}]}}, sys.argv[2])
)";
    const test::CliResult r = test::runPython(
        {"-c", QString::fromStdString(make), QString::fromStdString(path("flat.pt").string()),
         QString::fromStdString(path("snapshot_24.pth.tar").string())});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    runConverter({QString::fromStdString(path("snapshot_24.pth.tar").string()), "--out",
                  QString::fromStdString(path("converted.pt").string()), "--quiet"});
    HandArNet b = test::makeTestNet(test::smallConfig(), 2);
    loadWeights(b, path("converted.pt").string());
    QVERIFY(sameState(a, b));
  }

  void torchScriptExportOfTheSameWeightsAgrees() {
    if (!pythonHasTorch()) QSKIP("/usr/bin/python3 cannot import torch (Debian: python3-torch)");
    HandArConfig config = test::smallConfig();
    config.runJointHead = config.runSegmentation = true;
    HandArNet net = test::makeTestNet(config, 7);
    saveWeights(net, path("weights.pt").string());
    saveHandModel(test::proceduralHandModel(), path("hand_model.json"));
    runConverter({QString::fromStdString(path("weights.pt").string()), "--export-torchscript",
                  QString::fromStdString(path("scripted.pt").string()), "--hand-model",
                  QString::fromStdString(path("hand_model.json").string()), "--with-joints",
                  "--with-segmentation", "--quiet"});

    torch::jit::Module scripted = torch::jit::load(path("scripted.pt").string());
    scripted.eval();
    torch::InferenceMode inference;
    const auto image = test::testImages(2, 64, 21);
    const HandArOutput native = net->forward(image);
    const auto outputs = scripted.forward({image}).toTuple()->elements();
    QCOMPARE(int(outputs.size()), 4);
    const std::vector<std::pair<const char*, torch::Tensor>> pairs{
        {"rough", native.rough},
        {"refined", native.refined},
        {"joints", native.joints},
        {"segmentation", native.segmentation}};
    for (size_t i = 0; i < pairs.size(); ++i) {
      const torch::Tensor expected = outputs[i].toTensor();
      const torch::Tensor& got = pairs[i].second;
      QCOMPARE(got.sizes(), expected.sizes());
      const double worst = (got - expected).abs().max().item<double>();
      QVERIFY2(
          torch::allclose(got, expected, 1e-4, 1e-5),
          (std::string(pairs[i].first) + ": max |difference| " + std::to_string(worst)).c_str());
    }
    // The comparison means something: the refine stage moved the mesh, vertices spread out.
    QVERIFY((native.refined - native.rough).abs().mean().item<double>() > 0.01);
    QVERIFY(native.rough.select(2, 0).std().item<double>() > 0.1);
  }
};

QTEST_APPLESS_MAIN(TestHandArNetWeights)
#include "TestHandArNetWeights.moc"
