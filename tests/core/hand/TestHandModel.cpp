// The hand-model file: round trip, and one clear error per malformed file.
#include "TestSupport.h"

#include "hand/HandModel.h"
#include "hand/ProceduralHand.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

using namespace handalign;
namespace fs = std::filesystem;

class TestHandModel : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  fs::path path(const char* name) { return fs::path(dir_.path().toStdString()) / name; }

  void expectError(const std::string& text, const std::string& fragment) {
    const fs::path file = path("bad.json");
    test::writeText(file, text);
    try {
      loadHandModel(file);
      QFAIL(("accepted: " + text.substr(0, 80)).c_str());
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find(file.string()) != std::string::npos, msg.c_str());
      QVERIFY2(msg.find(fragment) != std::string::npos, msg.c_str());
    }
  }

 private Q_SLOTS:
  void roundTripKeepsEverything() {
    const ProceduralHand hand;
    const HandModel& m = hand.model();
    saveHandModel(m, path("model.json"));
    const HandModel back = loadHandModel(path("model.json"));
    QCOMPARE(back.vertexCount, m.vertexCount);
    QCOMPARE(back.faces, m.faces);
    QCOMPARE(back.vertexParts, m.vertexParts);
    QCOMPARE(back.name, m.name);
    QVERIFY((back.restVertices - m.restVertices).cwiseAbs().maxCoeff() ==
            0.0);  // shortest round-trip text
    for (int j = 0; j < kJointCount; ++j) {
      QCOMPARE(back.jointRegressor[j].size(), m.jointRegressor[j].size());
      for (std::size_t k = 0; k < m.jointRegressor[j].size(); ++k) {
        QCOMPARE(back.jointRegressor[j][k].vertex, m.jointRegressor[j][k].vertex);
        QCOMPARE(back.jointRegressor[j][k].weight, m.jointRegressor[j][k].weight);
      }
    }
    QCOMPARE(back.regressJoints(viewOf(back.restVertices)),
             m.regressJoints(viewOf(m.restVertices)));
  }
  void malformedFilesAreNamed() {
    const std::string head =
        R"({"format": "handalign.hand_model", "version": 1, "vertex_count": 3, )";
    std::string names;
    for (auto n : kJointNames)
      names += std::string(names.empty() ? "" : ",") + "\"" + std::string(n) + "\"";
    const std::string parts =
        R"("part_names": ["palm","thumb","index","middle","ring","pinky"], )" +
        std::string("\"joint_names\": [") + names + "], ";
    const std::string noNames =
        R"("part_names": ["palm","thumb","index","middle","ring","pinky"], )";
    std::string rows;
    for (int j = 0; j < 21; ++j) rows += std::string(j ? "," : "") + "[[0, 1.0]]";
    const std::string reg = R"("joint_regressor": [)" + rows + "]";
    expectError("", "not valid JSON");
    expectError(
        "{\"format\": \"handalign.hand_model\", \"version\": 1, \"vertex_count\": 3, \"faces\": "
        "[[0,1,2]]",
        "not valid JSON");
    expectError("[1, 2]", "top level must be an object");
    expectError(R"({"format": "something.else"})", "\"format\" must be");
    expectError(R"({"format": "handalign.hand_model", "version": 2})", "version");
    expectError(
        head + R"("faces": [[0,1,5]], )" + parts + R"("vertex_parts": [0,0,0], )" + reg + "}",
        "a face index 5 is out of range 0..2");
    // Integers are never wrapped into range: 2^32 + 3 is not 3.
    expectError(R"({"format": "handalign.hand_model", "version": 1, "vertex_count": 4294967299, )"
                R"("faces": [[0,1,2]], )" +
                    parts + R"("vertex_parts": [0,0,0], )" + reg + "}",
                "\"vertex_count\" 4294967299 is out of range");
    expectError(head + R"("faces": [[0,1,4294967298]], )" + parts + R"("vertex_parts": [0,0,0], )" +
                    reg + "}",
                "a face index 4294967298 is out of range 0..2");
    expectError(head + R"("faces": [[0,1,2]], )" + parts + R"("vertex_parts": [0,0,0], )" +
                    R"("joint_regressor": [[[4294967296, 1.0]])" + rows.substr(10) + "]}",
                "a regressor vertex 4294967296 is out of range 0..2");
    // The joints must be FreiHAND's, in FreiHAND's order.
    expectError(
        head + R"("faces": [[0,1,2]], )" + noNames + R"("vertex_parts": [0,0,0], )" + reg + "}",
        "missing key \"joint_names\"");
    std::string swapped = parts;
    swapped.replace(swapped.find("thumb_mcp"), 9, "index_mcp");
    expectError(
        head + R"("faces": [[0,1,2]], )" + swapped + R"("vertex_parts": [0,0,0], )" + reg + "}",
        "entry 1 is not \"thumb_mcp\"");
    expectError(head + R"("faces": [[0,1]], )" + parts + R"("vertex_parts": [0,0,0], )" + reg + "}",
                "does not have 3");
    expectError(head + R"("faces": [[0,1,2]], )" + parts + R"("vertex_parts": [0,0], )" + reg + "}",
                "\"vertex_parts\" has 2");
    expectError(
        head + R"("faces": [[0,1,2]], )" + parts + R"("vertex_parts": [0,0,9], )" + reg + "}",
        "not in 0..5");
    expectError(head + R"("faces": [[0,1,2]], )" + parts +
                    R"("vertex_parts": [0,0,0], "joint_regressor": [[[0, 1.0]]]})",
                "21 rows");
    expectError(head + R"("faces": [[0,1,2]], )" + parts + R"("vertex_parts": [0,0,0], )" + reg +
                    R"(, "rest_vertices": [[0,0,0],[1,1,1]]})",
                "\"rest_vertices\" has 2");
    expectError(head + R"("faces": [[0,1,2]], "vertex_parts": [0,0,0], )" + reg + "}",
                "missing key \"part_names\"");
    // And a minimal valid one loads.
    test::writeText(path("ok.json"), head + R"("faces": [[0,1,2]], )" + parts +
                                         R"("vertex_parts": [0,1,1], )" + reg + "}");
    const HandModel m = loadHandModel(path("ok.json"));
    QCOMPARE(int(m.faceLabels()[0]), int(labelOf(Part::Thumb)));
  }
  void missingFileIsNamed() {
    try {
      loadHandModel(path("nope.json"));
      QFAIL("accepted a missing file");
    } catch (const InputError& e) {
      QVERIFY(std::string(e.what()).find("no such file") != std::string::npos);
    }
  }
};

QTEST_APPLESS_MAIN(TestHandModel)
#include "TestHandModel.moc"
