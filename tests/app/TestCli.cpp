// The `handalign` command line: metrics on PNG masks, usage errors and exit codes.
#include "TestSupport.h"

#include "io/ImageIO.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace handalign;
namespace fs = std::filesystem;

class TestCli : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  QString path(const char* name) { return dir_.path() + "/" + name; }
  void writeMask(const char* name, int w, int h, int x0, int y0, int x1, int y1, std::uint8_t v) {
    Image<std::uint8_t> img(w, h, 0);
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x) img.at(x, y) = v;
    writeGrayImage(path(name).toStdString(), img);
  }

 private Q_SLOTS:
  void metricsOnBinaryMasks() {
    writeMask("a.png", 64, 64, 10, 10, 19, 19, 255);
    writeMask("b.png", 64, 64, 13, 10, 22, 19, 255);
    const auto r = test::runCli({"metrics", path("a.png"), path("b.png")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o["mode"].toString(), QString("binary"));
    const QJsonObject hand = o["classes"].toObject()["hand"].toObject();
    QCOMPARE(hand["hd95"].toDouble(), 3.0);
    QCOMPARE(hand["iou"].toDouble(), 70.0 / 130.0);
    QVERIFY(o["classes"].toObject().contains("background"));
    QCOMPARE(o["miou_fg"].toDouble(), 70.0 / 130.0);
    QCOMPARE(o["hd95_mean"].toDouble(), 3.0);
  }
  void metricsOnLabelImagesWritesNullForMissingClasses() {
    writeMask("la.png", 32, 32, 4, 4, 9, 9, 2);  // thumb only
    writeMask("lb.png", 32, 32, 4, 4, 9, 9, 2);
    const auto r = test::runCli({"metrics", path("la.png"), path("lb.png"), "--hd-mode", "pooled"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o["mode"].toString(), QString("labels"));
    QCOMPARE(o["hd_mode"].toString(), QString("pooled"));
    QVERIFY(o["classes"].toObject()["pinky"].toObject()["iou"].isNull());
    QCOMPARE(o["classes"].toObject()["thumb"].toObject()["iou"].toDouble(), 1.0);
    QCOMPARE(o["miou_fg"].toDouble(), 1.0);
  }
  void badInputGetsOneLineAndExitCodeOne() {
    writeMask("small.png", 16, 16, 1, 1, 2, 2, 255);
    writeMask("a2.png", 64, 64, 10, 10, 19, 19, 255);
    auto r = test::runCli({"metrics", path("a2.png"), path("small.png")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is 64x64") && r.err.contains("small.png"), qPrintable(r.err));
    QCOMPARE(r.err.count('\n'), 1);
    r = test::runCli({"metrics", path("missing.png"), path("a2.png")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("missing.png: no such file"));
    test::writeText(path("trunc.png").toStdString(),
                    test::readText(path("a2.png").toStdString()).substr(0, 40));
    r = test::runCli({"metrics", path("trunc.png"), path("a2.png")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("trunc.png"), qPrintable(r.err));
  }
  void usageErrorsExitTwo() {
    QCOMPARE(test::runCli({}).exitCode, 2);
    QCOMPARE(test::runCli({"frobnicate"}).exitCode, 2);
    auto r = test::runCli({"metrics", "only-one.png"});
    QCOMPARE(r.exitCode, 2);
    r = test::runCli({"eval", "--dataset", "x", "--out", "y"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--pred"));
    r = test::runCli({"eval", "--dataset", "x", "--out", "y", "--pred", "a=b", "--shard", "3/3"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--shard"));
    r = test::runCli({"eval", "--bogus"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown option --bogus"));
    QCOMPARE(test::runCli({"--help"}).exitCode, 0);
  }
  // Every subcommand answers --help with its own usage on stdout and exit 0.
  void everySubcommandAnswersHelp() {
    for (const char* cmd : {"eval", "metrics", "synth", "merge", "annotations", "plugins", "slurm",
                            "infer", "figure"}) {
      for (const char* flag : {"--help", "-h"}) {
        const auto r = test::runCli({cmd, flag});
        QVERIFY2(r.exitCode == 0, qPrintable(QString(cmd) + " " + flag + ": " + r.err));
        QVERIFY2(r.out.startsWith(QString("usage: handalign ") + cmd), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
      }
    }
    const auto r = test::runCli({"eval", "--dataset", "x", "--help"});  // anywhere on the line
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--refines REFINED=ROUGH"));
  }

  // For scripts: --format json puts summary.json, and only it, on stdout; --version; --format
  // naming a dataset plugin still picks it, a wrong one is a usage error.
  void evalFormatJsonAndVersion() {
    const fs::path data = test::synthDataset(fs::path(dir_.path().toStdString()), 4, 2);
    const QString ds = QString::fromStdString(data.string());
    const QString pred = "rough=" + ds + "/pred_rough.json";
    auto r = test::runCli(
        {"eval", "--dataset", ds, "--pred", pred, "--out", path("json-out"), "--format", "json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
    QCOMPARE(doc.object().value("format").toString(), QString("handalign.eval_summary"));
    QCOMPARE(r.out.toStdString(),
             test::readText(fs::path(path("json-out").toStdString()) / "summary.json"));
    r = test::runCli({"eval", "--dataset", ds, "--pred", pred, "--out", path("json-out2"),
                      "--format", "freihand", "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = test::runCli({"eval", "--dataset", ds, "--pred", pred, "--out", path("json-out3"),
                      "--format", "xml", "--dataset-format", "freihand"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("text or json"), qPrintable(r.err));
    r = test::runCli({"--version"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("handalign 0."), qPrintable(r.out));
  }

  // The dataset's own JPEG masks are read as the evaluator reads them (>= 128 is the hand).
  void metricsReadsJpegMasks() {
    Image<std::uint8_t> a(64, 64, 0), b(64, 64, 0);
    for (int y = 10; y < 20; ++y)
      for (int x = 10; x < 20; ++x) a.at(x, y) = 255, b.at(x + 3, y) = 255;
    writeGrayImage(path("a.jpg").toStdString(), a);
    writeGrayImage(path("b.jpg").toStdString(), b);
    const auto r = test::runCli({"metrics", path("a.jpg"), path("b.jpg")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o["mode"].toString(), QString("binary"));
    const QJsonObject hand = o["classes"].toObject()["hand"].toObject();
    // JPEG ringing stays below 128 around a clean square: the same 70/130 as the PNG masks.
    QCOMPARE(hand["iou"].toDouble(), 70.0 / 130.0);
    QCOMPARE(hand["hd95"].toDouble(), 3.0);
  }

  void pluginsAreListed() {
    const auto r = test::runCli({"plugins"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("freihand") && r.out.contains("generic"));
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
