// AnnotationStore: byte-exact round trips, atomic writes, and every kind of malformed or foreign
// file reported by name without a crash and without deleting anything.
#include "annotation/AnnotationStore.h"
#include "util/Error.h"

#include "TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <random>

using namespace handalign;
namespace fs = std::filesystem;

namespace {

constexpr int kW = 40, kH = 30;  // not square: catches swapped width and height

SampleCatalog catalog(std::size_t n = 12) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08zu", i);
    ids.push_back(buf);
  }
  return SampleCatalog(kW, kH, ids);
}

MaskAnnotation randomAnnotation(unsigned seed, bool parts) {
  std::mt19937 rng(seed);
  MaskAnnotation a;
  a.hand.reset(kW, kH);
  if (parts) a.parts.reset(kW, kH);
  for (std::size_t i = 0; i < a.hand.pixels.size(); ++i) {
    const std::uint8_t label = std::uint8_t(rng() % 7);
    a.hand.pixels[i] = label != 0;
    if (parts) a.parts.pixels[i] = label;
  }
  return a;
}

std::string png(const cv::Mat& m) {
  std::vector<std::uint8_t> buf;
  cv::imencode(".png", m, buf);
  return std::string(buf.begin(), buf.end());
}

cv::Mat grey(int w, int h, std::uint8_t fill) { return cv::Mat(h, w, CV_8UC1, cv::Scalar(fill)); }

// The problem reported for `file`, or "" when none.
std::string problemFor(const std::vector<AnnotationProblem>& problems, const fs::path& file,
                       AnnotationProblem::Kind* kind = nullptr) {
  for (const auto& p : problems)
    if (p.file == file) {
      if (kind) *kind = p.kind;
      return p.message();
    }
  return {};
}

}  // namespace

class TestAnnotationStore : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  fs::path folder(const char* name) const { return fs::path(dir_.path().toStdString()) / name; }

 private Q_SLOTS:
  void roundTripIsByteExact() {
    AnnotationStore store(folder("roundtrip"), catalog());
    const MaskAnnotation a = randomAnnotation(1, false), b = randomAnnotation(2, true);
    store.save(3, a);
    store.save(5, b);
    QVERIFY(fs::is_regular_file(folder("roundtrip") / "mask" / "00000003.png"));
    QVERIFY(!store.hasParts(3));
    QVERIFY(store.hasParts(5));
    QCOMPARE(store.corrected(), (std::vector<std::size_t>{3, 5}));
    const auto la = store.load(3), lb = store.load(5);
    QVERIFY(la && lb);
    QVERIFY(la->hand.pixels == a.hand.pixels);
    QVERIFY(!la->hasParts());
    QVERIFY(lb->hand.pixels == b.hand.pixels);
    QVERIFY(lb->parts.pixels == b.parts.pixels);
    QVERIFY(!store.load(4));
    // The bytes on disk are the encoding, and writing bytes back reproduces them exactly.
    const MaskFiles files = store.readFiles(5);
    QVERIFY(files.hand == encodeMaskAnnotation(b).hand);
    QVERIFY(files.parts == encodeMaskAnnotation(b).parts);
    store.write(7, files);
    QVERIFY(store.readFiles(7).hand == files.hand && store.readFiles(7).parts == files.parts);
    QCOMPARE(store.readFiles(7).hash(), files.hash());
    // FreiHAND's layout: 8-bit grey, 0 and 255.
    const cv::Mat m =
        cv::imread((folder("roundtrip") / "mask" / "00000003.png").string(), cv::IMREAD_UNCHANGED);
    QCOMPARE(m.type(), CV_8UC1);
    double lo, hi;
    cv::minMaxLoc(m, &lo, &hi);
    QCOMPARE(lo, 0.0);
    QCOMPARE(hi, 255.0);
    // A correction without parts drops a stale part layer; remove() goes back to the original.
    store.save(5, a);
    QVERIFY(!store.hasParts(5));
    store.remove(5);
    QVERIFY(!store.hasCorrection(5));
    QCOMPARE(store.corrected(), (std::vector<std::size_t>{3, 7}));
    // No temporary file is left by a save.
    for (const auto& e : fs::directory_iterator(folder("roundtrip") / "mask"))
      QVERIFY2(e.path().filename().string()[0] != '.', e.path().c_str());
  }

  void annotationsThatBreakTheModelAreRefused() {
    AnnotationStore store(folder("refused"), catalog());
    MaskAnnotation wrongSize = randomAnnotation(3, false);
    wrongSize.hand.reset(kH, kW);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store.save(1, wrongSize));
    MaskAnnotation badValue = randomAnnotation(4, true);
    badValue.parts.pixels[10] = 7;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store.save(1, badValue));
    QVERIFY(!store.hasCorrection(1));
  }

  void malformedAndForeignFilesAreReportedByName() {
    const fs::path root = folder("foreign");
    AnnotationStore store(root, catalog());
    store.save(0, randomAnnotation(5, true));  // a good one
    const fs::path mask = root / "mask", parts = root / "parts";
    const std::string good = png(grey(kW, kH, 255));
    test::writeText(mask / "notes.txt", "remember to check sample 4");
    test::writeText(root / "notes.txt", "top-level notes");
    std::vector<std::uint8_t> jpeg;
    cv::imencode(".jpg", grey(kW, kH, 255), jpeg);
    test::writeText(mask / "00000001.jpg", std::string(jpeg.begin(), jpeg.end()));
    test::writeText(mask / "00000002.png", std::string(jpeg.begin(), jpeg.end()));  // JPEG inside
    test::writeText(mask / "hand.png", good);                                       // not an id
    test::writeText(mask / "00099999.png", good);                                   // not in split
    test::writeText(mask / "00000003.png", good.substr(0, good.size() / 2));        // truncated
    test::writeText(mask / "00000004.png", png(cv::Mat(kH, kW, CV_16UC1, cv::Scalar(65535))));
    test::writeText(mask / "00000005.png", png(cv::Mat(kH, kW, CV_8UC3, cv::Scalar(0, 0, 255))));
    test::writeText(mask / "00000006.png", png(grey(kH, kW, 255)));  // transposed size
    cv::Mat half = grey(kW, kH, 0);
    half.at<std::uint8_t>(7, 9) = 128;
    test::writeText(mask / "00000007.png", png(half));
    test::writeText(mask / "00000008.png", png(grey(kW, kH, 1)));  // 0/1 instead of 0/255
    test::writeText(mask / "00000009.png", "");
    fs::create_directories(mask / "00000010.png");
    test::writeText(mask / "00000011.png", good);
    test::writeText(parts / "00000011.png", png(grey(kW, kH, 9)));  // part label out of range
    test::writeText(parts / "00000002.png", png(grey(kW, kH, 1)));  // its mask is the bad JPEG
    test::writeText(parts / "00000001.png", png(grey(kW, kH, 1)));  // no mask: orphan

    using K = AnnotationProblem::Kind;
    const std::vector<AnnotationProblem> problems = store.scan();
    struct Expect {
      fs::path file;
      K kind;
      const char* text;
    };
    const std::vector<Expect> expected = {
        {root / "notes.txt", K::Foreign, "not part of the annotation layout"},
        {mask / "notes.txt", K::Foreign, "not a PNG mask"},
        {mask / "00000001.jpg", K::Foreign, "not a PNG mask"},
        {mask / "00000002.png", K::Invalid, "not a PNG file"},
        {mask / "hand.png", K::Foreign, "not named after a sample"},
        {mask / "00099999.png", K::Foreign, "not named after a sample"},
        {mask / "00000003.png", K::Invalid, "truncated"},
        {mask / "00000004.png", K::Invalid, "16-bit PNG"},
        {mask / "00000005.png", K::Invalid, "an RGB PNG"},
        {mask / "00000006.png", K::Invalid, "is 30x40, the sample image is 40x30"},
        {mask / "00000007.png", K::Invalid, "value 128 at (9, 7)"},
        {mask / "00000008.png", K::Invalid, "value 1 at (0, 0)"},
        {mask / "00000009.png", K::Invalid, "empty file"},
        {mask / "00000010.png", K::Foreign, "not a file"},
        {parts / "00000011.png", K::Invalid, "value 9 at (0, 0); part labels are 0"},
        {parts / "00000001.png", K::Orphan, "a part layer without its hand mask"},
    };
    for (const Expect& e : expected) {
      K kind{};
      const std::string message = problemFor(problems, e.file, &kind);
      QVERIFY2(message.find(e.file.string()) == 0, (e.file.string() + " not reported").c_str());
      QVERIFY2(message.find(e.text) != std::string::npos, message.c_str());
      QVERIFY2(kind == e.kind, message.c_str());
    }
    // Exactly these: the good correction (sample 0) and the part layer of sample 2 are fine.
    QCOMPARE(problems.size(), expected.size());
    QVERIFY(problemFor(problems, mask / "00000000.png").empty());
    // Nothing was deleted, and loading a bad one is an InputError naming the file.
    QVERIFY(fs::exists(mask / "notes.txt") && fs::exists(mask / "00000003.png"));
    try {
      store.load(7);
      QFAIL("no InputError");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find((mask / "00000007.png").string()) == 0, e.what());
    }
    QVERIFY(store.load(0).has_value());
    // corrected() is by name: the bad ones are corrections that fail to load.
    const auto corrected = store.corrected();
    QVERIFY(std::find(corrected.begin(), corrected.end(), 7) != corrected.end());
    QVERIFY(std::find(corrected.begin(), corrected.end(), 1) == corrected.end());
  }

  // Links are never followed: a mask linked to a file elsewhere is not a correction (eval, export
  // and check agree), and a linked mask/ or parts/ folder is refused before anything is written,
  // read or cleaned up in its target.
  void linksAreNeverFollowed() {
    const fs::path root = folder("links"), outside = folder("outside");
    AnnotationStore store(root, catalog());
    store.save(0, randomAnnotation(3, false));
    test::writeText(outside / "00000001.png", png(grey(kW, kH, 255)));
    fs::create_symlink(outside / "00000001.png", root / "mask" / "00000001.png");
    QVERIFY(!store.hasCorrection(1));
    QVERIFY(!store.load(1).has_value());
    QVERIFY(store.readFiles(1).empty());
    const auto corrected = store.corrected();
    QCOMPARE(corrected, std::vector<std::size_t>{0});
    AnnotationProblem::Kind kind{};
    const std::string problem = problemFor(store.scan(), root / "mask" / "00000001.png", &kind);
    QVERIFY2(problem.find("a link; ignored") != std::string::npos, problem.c_str());

    // A 0-byte part layer: ignored by load (the hand mask alone) and reported so by scan.
    test::writeText(root / "parts" / "00000000.png", "");
    QVERIFY(store.load(0).has_value() && !store.load(0)->hasParts());
    QVERIFY(!store.hasParts(0));  // found by fuzz_annotation_scan: hasParts and load disagreed
    const std::string empty = problemFor(store.scan(), root / "parts" / "00000000.png", &kind);
    QVERIFY2(empty.find("empty (0 bytes); ignored") != std::string::npos, empty.c_str());
    QVERIFY(kind == AnnotationProblem::Kind::Foreign);

    const fs::path linked = folder("linked-layer");
    fs::create_directories(linked);
    fs::create_directories(outside / "target");
    const fs::path planted = outside / "target" / ".00000000.png.tmp-999999-00ff";
    test::writeText(planted, "someone else's file");
    fs::create_directory_symlink(outside / "target", linked / "mask");
    for (auto mode : {AnnotationStore::Mode::ReadWrite, AnnotationStore::Mode::ReadOnly}) {
      try {
        AnnotationStore bad(linked, catalog(), mode);
        QFAIL("a linked mask/ folder was accepted");
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("is a link") != std::string::npos, e.what());
      }
    }
    QVERIFY(fs::exists(planted));
  }

  void temporaryFilesOfKilledSavesAreRemovedOnOpen() {
    const fs::path root = folder("temps");
    { AnnotationStore store(root, catalog()); }
    // The pid of a process that has exited: its temporary file is debris.
    const pid_t dead = fork();
    if (dead == 0) _exit(0);
    waitpid(dead, nullptr, 0);
    const fs::path debris = root / "mask" / (".00000001.png.tmp-" + std::to_string(dead));
    const fs::path debrisParts = root / "parts" / (".00000001.png.tmp-" + std::to_string(dead));
    const fs::path live = root / "mask" / (".00000002.png.tmp-" + std::to_string(getppid()));
    test::writeText(debris, "half a png");
    test::writeText(debrisParts, "half a png");
    test::writeText(live, "a save in flight");
    test::writeText(root / "mask" / ".keepme", "not ours");
    AnnotationStore store(root, catalog());
    QCOMPARE(store.removedTemporaryFiles(), std::size_t(2));
    QVERIFY(!fs::exists(debris) && !fs::exists(debrisParts));
    QVERIFY(fs::exists(live));                       // its writer is alive
    QVERIFY(fs::exists(root / "mask" / ".keepme"));  // not a temporary file of ours
    QVERIFY(store.corrected().empty());
    // Read-only opening changes nothing and refuses to write.
    test::writeText(debris, "half a png");
    AnnotationStore readOnly(root, catalog(), AnnotationStore::Mode::ReadOnly);
    QVERIFY(fs::exists(debris));
    QVERIFY_THROWS_EXCEPTION(InputError, readOnly.save(1, randomAnnotation(6, false)));
    QVERIFY_THROWS_EXCEPTION(
        InputError, AnnotationStore(folder("missing"), catalog(), AnnotationStore::Mode::ReadOnly));
  }

  void hashNamesTheVersion() {
    const MaskFiles a = encodeMaskAnnotation(randomAnnotation(7, false));
    const MaskFiles b = encodeMaskAnnotation(randomAnnotation(7, true));
    QCOMPARE(MaskFiles{}.hash(), std::string());
    QVERIFY(a.hash() != b.hash());
    QVERIFY(a.hash().substr(0, 64) == b.hash().substr(0, 64));  // same hand layer
    QVERIFY(a.hash().size() == 64 + 2 && a.hash().back() == '-');
  }
};

QTEST_GUILESS_MAIN(TestAnnotationStore)
#include "TestAnnotationStore.moc"
