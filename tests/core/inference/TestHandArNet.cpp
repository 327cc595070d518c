// The native HandAR network: its building blocks, the official layout, and forward shapes of the
// full 256² ResNet-50 network at batch 1 and 4.
#include "TestHandArNetSupport.h"
#include "inference/net/Folding.h"

#include "inference/net/GraphCnn.h"
#include "inference/net/Layers.h"
#include "inference/net/RefineFeatures.h"

#include <QTest>

#include <stdexcept>

using namespace handalign;
using namespace handalign::inference;

class TestHandArNet : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void meshEdgesAreUniqueUndirectedPairs() {
    // Two triangles sharing the edge 1-2, one written twice with the other orientation.
    const auto edges = meshEdges({{0, 1, 2}, {2, 1, 3}, {1, 2, 0}});
    const std::vector<std::array<int, 2>> expected{{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}};
    QCOMPARE(edges, expected);
    // The procedural hand is a closed genus-0 mesh: E = V + F − 2 (Euler).
    const HandModel& hand = test::proceduralHandModel();
    QCOMPARE(int(meshEdges(hand.faces).size()), hand.vertexCount + int(hand.faces.size()) - 2);
  }

  void softArgmaxIsTheExpectedBin() {
    auto h = torch::full({1, 2, 8}, -1e4);
    h[0][0][5] = 0;    // all mass on bin 5
    h[0][1].fill_(0);  // uniform: (8 − 1) / 2
    const auto c = net::softArgmax1d(h);
    QCOMPARE(c.sizes(), (torch::IntArrayRef{1, 2, 1}));
    QVERIFY(std::abs(c[0][0][0].item<float>() - 5.0f) < 1e-5);
    QVERIFY(std::abs(c[0][1][0].item<float>() - 3.5f) < 1e-5);
  }

  void ginSumsNeighboursAndScaledSelf() {
    // Identity MLP (non-negative input, so ReLU is the identity too): output = aggregation.
    net::GinConv gin(2, 2, 2);
    torch::NoGradGuard noGrad;
    for (auto& p : gin->named_parameters()) {
      if (p.key().find("weight") != std::string::npos)
        p.value().copy_(torch::eye(2));
      else
        p.value().zero_();
    }
    gin->named_buffers()["eps"].fill_(0.5);
    // Path 0 − 1 − 2 (both directions), features (1, 10), (2, 20), (4, 40).
    const net::GraphEdges edges{torch::tensor({0, 1, 1, 2}, torch::kInt64),
                                torch::tensor({1, 0, 2, 1}, torch::kInt64)};
    const auto x = torch::tensor({1.f, 10.f, 2.f, 20.f, 4.f, 40.f}).view({1, 3, 2});
    const auto y = gin(x, edges);
    const auto expected =
        torch::tensor({1.5f + 2, 15.f + 20, 3.f + 1 + 4, 30.f + 10 + 40, 6.f + 2, 60.f + 20})
            .view({1, 3, 2});
    QVERIFY2(torch::allclose(y, expected), c10::str(y).c_str());
  }

  void projectionSamplesLikeGridSampleWithoutAlignedCorners() {
    // A 2-channel 32×32 map holding its own column and row index; 16 lixel bins.
    const auto cols = torch::arange(32, torch::kFloat).view({1, 32}).expand({32, 32});
    const auto map = torch::stack({cols, cols.t()}).unsqueeze(0);
    const auto vertices =
        torch::tensor({8.f, 4.25f, 0.f, 2.f, 15.f, 0.f, -1.f, 8.f, 0.f}).view({1, 3, 3});
    const auto s = net::sampleAtVertices(map, vertices, 16);  // 1×3×2
    QCOMPARE(s.sizes(), (torch::IntArrayRef{1, 3, 2}));
    // Lixel u lands at column u · 32/16 − 0.5.
    QVERIFY(std::abs(s[0][0][0].item<float>() - 15.5f) < 1e-4);
    QVERIFY(std::abs(s[0][0][1].item<float>() - 8.0f) < 1e-4);
    QVERIFY(std::abs(s[0][1][0].item<float>() - 3.5f) < 1e-4);
    QVERIFY(std::abs(s[0][1][1].item<float>() - 29.5f) < 1e-4);
    // Outside the crop (column −2.5): zero padding.
    QVERIFY(std::abs(s[0][2][0].item<float>()) < 1e-4);
  }

  void invalidConfigurationsAreRefused() {
    HandArConfig c = test::smallConfig();
    c.lixelBins = 64;  // not inputSize / 4
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HandArNet{c});
    c = test::smallConfig();
    c.edges.push_back({0, c.vertexCount});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HandArNet{c});
    HandArNet net(test::smallConfig());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net->forward(torch::zeros({1, 3, 32, 32})));
  }

  void officialLayoutAndForwardShapes() {
    HandArConfig c;  // the official sizes: 256² crop, 64 bins, ResNet-50 width 64
    c.vertexCount = test::proceduralHandModel().vertexCount;
    c.edges = meshEdges(test::proceduralHandModel().faces);
    torch::manual_seed(3);
    HandArNet net(c);
    net->eval();

    // Keys and sizes of the official checkpoint groups (tools/handar/model.py has the same 829
    // tensors and 153,347,994 parameters at 800 vertices).
    const auto params = net->named_parameters();
    const auto buffers = net->named_buffers();
    QCOMPARE(int(params.size() + buffers.size()), 829);
    int64_t count = 0;
    for (const auto& p : params) count += p.value().numel();
    QCOMPARE(count, int64_t(153347994));
    const std::vector<std::pair<std::string, std::vector<int64_t>>> expected{
        {"pose_backbone.conv1.weight", {64, 3, 7, 7}},
        {"pose_backbone.layer1.0.downsample.0.weight", {256, 64, 1, 1}},
        {"pose_backbone.layer4.2.conv3.weight", {2048, 512, 1, 1}},
        {"posenet.deconv.0.weight", {2048, 256, 4, 4}},
        {"posenet.conv_z_1.0.weight", {16384, 2048, 1}},
        {"posenet.conv_x.0.weight", {21, 256, 1}},
        {"posenet.conv.0.weight", {64, 256, 3, 3}},
        {"pose2feat.conv.0.weight", {64, 64 + 21 * 64, 3, 3}},
        {"mesh_backbone.layer3.5.bn2.weight", {256}},
        {"mesh_net.conv_x.0.weight", {800, 256, 1}},
        {"gcn.head.conv.nn.0.weight", {256, 902}},
        {"gcn.res3.conv2.nn.2.weight", {64, 64}},
        {"gcn.tail.conv.nn.2.weight", {3, 32}},
        {"global_img_feat.0.0.weight", {512, 2048, 1}},
        {"segmentation_net.fusion1.weight", {1024, 1024, 3, 3}},
        {"segmentation_net.predict_head.1.weight", {2, 16, 1, 1}}};
    for (const auto& [key, shape] : expected) {
      QVERIFY2(params.contains(key), key.c_str());
      QCOMPARE(params[key].sizes().vec(), shape);
    }
    for (const char* key : {"gcn.head.conv.eps", "gcn.tail.bn.running_var",
                            "mesh_backbone.bn1.num_batches_tracked"}) {
      QVERIFY2(buffers.contains(key), key);
    }
    QCOMPARE(params.keys().front(), std::string("pose_backbone.conv1.weight"));

    // Batch 1 with the branches the paper cuts at inference running, batch 4 without them.
    torch::InferenceMode inference;
    net->setTimingEnabled(true);
    net->setRunJointHead(true);
    net->setRunSegmentation(true);
    const auto images = test::testImages(4, 256);
    const HandArOutput one = net->forward(images.slice(0, 0, 1));
    QCOMPARE(one.rough.sizes(), (torch::IntArrayRef{1, 800, 3}));
    QCOMPARE(one.refined.sizes(), (torch::IntArrayRef{1, 800, 3}));
    QCOMPARE(one.joints.sizes(), (torch::IntArrayRef{1, 21, 3}));
    QCOMPARE(one.segmentation.sizes(), (torch::IntArrayRef{1, 2, 128, 128}));
    QVERIFY(torch::allclose(one.segmentation.exp().sum(1), torch::ones({1, 128, 128}), 1e-4, 1e-4));
    for (const auto& t : {one.rough, one.joints}) {
      QVERIFY(t.min().item<float>() >= 0 && t.max().item<float>() <= 63);
    }
    QVERIFY(net->lastTimings().jointStage > 0 && net->lastTimings().meshStage > 0 &&
            net->lastTimings().refineStage > 0);

    net->setRunJointHead(false);
    net->setRunSegmentation(false);
    const HandArOutput four = net->forward(images);
    QCOMPARE(four.rough.sizes(), (torch::IntArrayRef{4, 800, 3}));
    QCOMPARE(four.refined.sizes(), (torch::IntArrayRef{4, 800, 3}));
    QVERIFY(!four.joints.defined() && !four.segmentation.defined());
    QVERIFY(torch::isfinite(four.refined).all().item<bool>());
    // Eval mode: a sample's result does not depend on the rest of the batch (nor on the branches).
    QVERIFY(torch::allclose(four.rough[0], one.rough[0], 1e-4, 1e-4));
    QVERIFY(torch::allclose(four.refined[0], one.refined[0], 1e-4, 1e-4));
  }

  // prepareForInference (batch norms folded, deconvolutions split into phases) changes no output
  // beyond float rounding, with every branch running and non-trivial batch-norm statistics.
  void preparedNetworkGivesTheSameOutputs() {
    torch::manual_seed(2);
    net::Deconv2x deconv(6, 5, true);
    const auto x = torch::randn({2, 6, 7, 9});
    const auto before = deconv->forward(x);
    deconv->split();
    QVERIFY(torch::allclose(deconv->forward(x), before, 1e-5, 1e-6));
    QCOMPARE(deconv->forward(x).sizes(), (torch::IntArrayRef{2, 5, 14, 18}));

    // In float64 the rewrite is exact up to double rounding; float32 differs by its own rounding.
    HandArNet plain = test::makeTestNet(test::smallConfig(), 5);
    HandArNet prepared = test::makeTestNet(test::smallConfig(), 5);
    HandArNet plain64 = test::makeTestNet(test::smallConfig(), 5);
    HandArNet prepared64 = test::makeTestNet(test::smallConfig(), 5);
    plain64->to(torch::kDouble);
    prepared64->to(torch::kDouble);
    for (HandArNet* n : {&plain, &prepared, &plain64, &prepared64}) {
      (*n)->setRunJointHead(true);
      (*n)->setRunSegmentation(true);
    }
    net::prepareForInference(*prepared);
    net::prepareForInference(*prepared64);
    int batchNorms = 0, folded = 0;
    for (const auto& m : prepared->modules())
      if (auto* bn = dynamic_cast<net::FoldableBatchNorm2dImpl*>(m.get())) {
        ++batchNorms;
        folded += bn->folded();
      }
    QVERIFY(batchNorms > 100);
    QCOMPARE(folded, batchNorms);  // every 2-D batch norm follows a convolution
    torch::InferenceMode inference;
    const auto images = test::testImages(2, 64);
    const HandArOutput a = plain->forward(images), b = prepared->forward(images);
    const auto worst = [](const torch::Tensor& x, const torch::Tensor& y) {
      return (x - y).abs().max().item<double>();
    };
    qInfo("largest differences: rough %.2g, refined %.2g, joints %.2g bins, segmentation %.2g",
          worst(a.rough, b.rough), worst(a.refined, b.refined), worst(a.joints, b.joints),
          worst(a.segmentation, b.segmentation));
    QVERIFY(worst(a.rough, b.rough) < 1e-3 && worst(a.refined, b.refined) < 1e-3);
    QVERIFY(worst(a.joints, b.joints) < 1e-3 && worst(a.segmentation, b.segmentation) < 1e-4);
    const auto images64 = images.to(torch::kDouble);
    const HandArOutput a64 = plain64->forward(images64), b64 = prepared64->forward(images64);
    const double exact =
        std::max({worst(a64.rough, b64.rough), worst(a64.refined, b64.refined),
                  worst(a64.joints, b64.joints), worst(a64.segmentation, b64.segmentation)});
    qInfo("float64: largest difference %.2g", exact);
    QVERIFY(exact < 1e-9);
  }
};

QTEST_APPLESS_MAIN(TestHandArNet)
#include "TestHandArNet.moc"
