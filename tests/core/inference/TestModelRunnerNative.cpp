// The runner with the native HandAR network ("architecture": "handar"): a small network's weights
// run through the runner give what the network itself gives on the same crops, decoded from the
// lixel frame; weights that disagree with the manifest get one error naming the file.
#include "TestSupport.h"

#include "dataset/PluginRegistry.h"
#include "inference/ModelRunner.h"
#include "inference/SamplePreparation.h"
#include "inference/net/Folding.h"
#include "inference/net/HandArNet.h"
#include "inference/net/MeshEdges.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

using namespace handalign;
namespace fs = std::filesystem;

class TestModelRunnerNative : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::unique_ptr<Dataset> dataset_;
  HandModel hand_;
  inference::HandArNet net_{nullptr};

  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }
  fs::path manifest(const std::string& name, const std::string& extra) {
    const fs::path file = dir() / (name + ".json");
    test::writeText(file, R"({"format": "handalign.model", "version": 1, "architecture": "handar",
        "checkpoint": "native.pt", "crop": {"source": "joints"},
        "hand_model": {"name": ")" +
                              hand_.name + R"(", "vertex_count": )" +
                              std::to_string(hand_.vertexCount) + "}" + extra + "}");
    return file;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    const fs::path data = test::synthDataset(dir(), 4, 9);
    dataset_ = PluginRegistry::instance().openDataset(data, "", "", 1);
    hand_ = loadHandModel(data / "hand_model.json");
    // 64² input, 16 bins, width 8: the official layout at 1/8 of its channels.
    inference::HandArConfig c;
    c.vertexCount = hand_.vertexCount;
    c.inputSize = 64;
    c.lixelBins = 16;
    c.width = 8;
    c.edges = inference::meshEdges(hand_.faces);
    torch::manual_seed(3);
    net_ = inference::HandArNet(c);
    net_->eval();
    inference::saveWeights(net_, (dir() / "native.pt").string());
  }

  void runnerGivesWhatTheNetworkGives() {
    const fs::path m = manifest("native", R"(, "input": {"size": 64},
        "coordinates": {"bins": 16, "root_depth": {"source": "gt"}})");
    const ModelManifest manifest = loadModelManifest(m);
    RunnerOptions one, two;
    one.device = two.device = InferenceDevice::Cpu;
    one.batchSize = 1;
    two.batchSize = 2;
    ModelRunner runner(manifest, hand_, one), batched(manifest, hand_, two);
    QVERIFY(runner.hasRefined());
    const std::vector<std::size_t> samples = {3, 0, 2};
    const auto results = runner.run(*dataset_, samples);
    const auto batches = batched.run(*dataset_, samples);
    QCOMPARE(results.size(), samples.size());

    // The runner runs the network prepared for inference (net/Folding.h), the same function.
    inference::HandArConfig edges;
    edges.edges = inference::meshEdges(hand_.faces);
    inference::HandArNet prepared = inference::loadHandArNet((dir() / "native.pt").string(), edges);
    prepared->eval();
    inference::net::prepareForInference(*prepared);
    const SamplePreparer preparer(*dataset_, manifest);
    for (std::size_t k = 0; k < samples.size(); ++k) {
      std::vector<float> input(3 * 64 * 64);
      const SampleFrame frame = preparer.prepare(samples[k], input.data());
      inference::HandArOutput out, plain;
      {
        c10::InferenceMode guard;
        out = prepared->forward(torch::from_blob(input.data(), {1, 3, 64, 64}));
        plain = net_->forward(torch::from_blob(input.data(), {1, 3, 64, 64}));
      }
      // Folding changes only float32 rounding (exact in float64: TestHandArNet), which ~110
      // layers of an untrained network amplify to at most ~15 µm here.
      const torch::Tensor p = plain.refined.contiguous();
      const double folding =
          (decodePoints(p.data_ptr<float>(), hand_.vertexCount, manifest, frame) -
           results[k].refinedVertices)
              .cwiseAbs()
              .maxCoeff();
      qInfo("sample %zu: folding moved the refined mesh by at most %.3g m", samples[k], folding);
      QVERIFY(folding < 5e-5);
      const torch::Tensor rough = out.rough.contiguous(), refined = out.refined.contiguous();
      const Points r = decodePoints(rough.data_ptr<float>(), hand_.vertexCount, manifest, frame);
      const Points f = decodePoints(refined.data_ptr<float>(), hand_.vertexCount, manifest, frame);
      // One sample per batch: the same numbers up to the 0.1 µm rounding of the results.
      QVERIFY((r - results[k].roughVertices).cwiseAbs().maxCoeff() <= 0.5e-7 + 1e-12);
      QVERIFY((f - results[k].refinedVertices).cwiseAbs().maxCoeff() <= 0.5e-7 + 1e-12);
      // Batches of two: float32 kernels chosen per batch size differ by a few µm at most.
      QVERIFY((f - batches[k].refinedVertices).cwiseAbs().maxCoeff() < 1e-5);
      QVERIFY((results[k].refinedVertices - results[k].roughVertices).cwiseAbs().maxCoeff() > 1e-4);
    }
  }

  void weightsThatDisagreeWithTheManifest() {
    const fs::path m = manifest("wrongsize", R"(, "coordinates": {"bins": 64})");
    try {
      ModelRunner runner(loadModelManifest(m), hand_);
      QFAIL("accepted weights for a 64² input as a 256² network");
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find("native.pt") != std::string::npos, e.what());
      QVERIFY2(msg.find("holds weights for 64 pixels of input, wrongsize.json says 256") !=
                   std::string::npos,
               e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestModelRunnerNative)
#include "TestModelRunnerNative.moc"
