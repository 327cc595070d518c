// A network's own segmentation as an editor proposal: infer.json's "segmentation" folders read
// back, hand-only masks as kHandWithoutPart (existing parts kept), bad files named.
#include "TestSupport.h"

#include "annotation/MaskOps.h"
#include "annotation/NetworkSegmentation.h"
#include "io/ImageIO.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

using namespace handalign;
namespace fs = std::filesystem;

class TestNetworkSegmentation : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  fs::path dir(const char* name) const { return fs::path(tmp_.path().toStdString()) / name; }

  static LabelImage halves(int width, int height, std::uint8_t left, std::uint8_t right) {
    LabelImage l(width, height);
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) l.at(x, y) = x < width / 2 ? left : right;
    return l;
  }
  void expectError(const DeclaredSegmentation& s, int width, const char* file,
                   const char* problem) {
    try {
      readNetworkSegmentation(s, "a", width, 6);
      QFAIL("accepted a bad segmentation file");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find(file) != std::string::npos &&
                   std::string(e.what()).find(problem) != std::string::npos,
               e.what());
    }
  }

 private Q_SLOTS:
  void partsAndHandOnlyOutputs() {
    const fs::path run = dir("run");
    test::writeText(run / "infer.json", R"({"format": "handalign.infer", "segmentation":
        {"hand": "segmentation", "parts": "segmentation_parts"}})");
    fs::create_directories(run / "segmentation");
    fs::create_directories(run / "segmentation_parts");
    writeGrayImage(run / "segmentation" / "a.png", halves(8, 6, 255, 0));
    writeGrayImage(run / "segmentation_parts" / "a.png", halves(8, 6, 3, 0));
    writeGrayImage(run / "segmentation" / "b.png", halves(8, 6, 0, 255));  // no parts file
    const DeclaredSegmentation s = readDeclaredSegmentation(run);
    QCOMPARE(s.hand, run / "segmentation");
    QCOMPARE(s.parts, run / "segmentation_parts");
    QVERIFY(readNetworkSegmentation(s, "a", 8, 6).pixels == halves(8, 6, 3, 0).pixels);
    QVERIFY(readNetworkSegmentation(s, "b", 8, 6).pixels ==
            halves(8, 6, 0, kHandWithoutPart).pixels);
    QVERIFY(readNetworkSegmentation(s, "c", 8, 6).empty());  // not segmented: no proposal
    QVERIFY(readDeclaredSegmentation(dir("nothing")).empty());

    // The hand-only proposal keeps the parts already painted inside the hand it proposes.
    MaskAnnotation m;
    m.hand = halves(8, 6, 1, 1);
    m.parts = halves(8, 6, 2, 5);
    applyMeshProposal(m, halves(8, 6, 0, kHandWithoutPart), MaskBrush{0, false, true});
    QVERIFY(m.hand.pixels == halves(8, 6, 0, 1).pixels);
    QVERIFY(m.parts.pixels == halves(8, 6, 0, 5).pixels);
    // A part proposal from a part-level segmentation sets that part.
    applyMeshProposal(m, halves(8, 6, 3, 0), MaskBrush{3, false, true});
    QCOMPARE(int(m.parts.at(0, 0)), 3);

    // Bad files are named: the wrong size (another dataset), a label that is no part.
    expectError(s, 10, "segmentation_parts/a.png", "is 8×6, the sample's image is 10×6");
    writeGrayImage(run / "segmentation_parts" / "a.png", halves(8, 6, 9, 0));
    expectError(s, 8, "segmentation_parts/a.png", "holds the label 9");
  }

  void foldersOutsideTheRunAreRefused() {
    const fs::path run = dir("evil");
    for (const char* hand : {"../elsewhere", "/etc", ".."}) {
      test::writeText(run / "infer.json",
                      std::string(R"({"segmentation": {"hand": ")") + hand + "\"}}");
      try {
        readDeclaredSegmentation(run);
        QFAIL(hand);
      } catch (const InputError& e) {
        QVERIFY2(
            std::string(e.what()).find("infer.json") != std::string::npos &&
                std::string(e.what()).find("must be a folder name inside") != std::string::npos,
            e.what());
      }
    }
    test::writeText(run / "infer.json", R"({"segmentation": {"parts": "p"}})");
    QVERIFY_THROWS_EXCEPTION(InputError, readDeclaredSegmentation(run));
    test::writeText(run / "infer.json", R"({"segmentation": {"hand": "h", "parts": 3}})");
    QVERIFY_THROWS_EXCEPTION(InputError, readDeclaredSegmentation(run));
    // A declared folder that is a link to another place is refused, naming it.
    fs::create_directories(dir("elsewhere"));
    fs::create_directory_symlink(dir("elsewhere"), run / "linked");
    test::writeText(run / "infer.json", R"({"segmentation": {"hand": "linked"}})");
    try {
      readDeclaredSegmentation(run);
      QFAIL("followed a link");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("linked: is a link") != std::string::npos, e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestNetworkSegmentation)
#include "TestNetworkSegmentation.moc"
