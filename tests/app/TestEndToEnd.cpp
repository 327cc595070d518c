// synth → eval → tables: refined beats rough, shards merge to the single run, Ctrl-C writes
// nothing.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace handalign;
namespace fs = std::filesystem;

namespace {
QJsonObject readJson(const fs::path& f) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(test::readText(f))).object();
}
QJsonObject predMeans(const QJsonObject& summary, const QString& name) {
  for (const auto& v : summary["predictions"].toArray())
    if (v.toObject()["name"].toString() == name) return v.toObject();
  return {};
}
QString q(const fs::path& p) { return QString::fromStdString(p.string()); }
}  // namespace

class TestEndToEnd : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_;
  fs::path root() const { return fs::path(tmp_.path().toStdString()); }
  QStringList evalArgs(const fs::path& out) const { return test::evalArgs(data_, out); }

 private Q_SLOTS:
  void initTestCase() { data_ = test::synthDataset(root(), 60, 5); }

  void synthWritesFreihandLayoutDeterministically() {
    for (const char* f : {"training_K.json", "training_xyz.json", "training_verts.json",
                          "hand_model.json", "pred_rough.json", "pred_refined.json",
                          "training/rgb/00000059.jpg", "training/mask/00000000.jpg"})
      QVERIFY2(fs::exists(data_ / f), f);
    const fs::path again = root() / "again";
    QCOMPARE(test::runCli({"synth", "--out", q(again), "--count", "60", "--seed", "5", "--quiet",
                           "--threads", "1"})
                 .exitCode,
             0);
    for (const char* f :
         {"training_verts.json", "pred_rough.json", "training_K.json", "training/rgb/00000007.jpg"})
      QVERIFY2(test::readText(again / f) == test::readText(data_ / f), f);
    // Another seed gives other data (same count, so only the seed differs).
    const fs::path other = root() / "other", sameSeed = root() / "same-seed";
    QCOMPARE(test::runCli({"synth", "--out", q(other), "--count", "3", "--seed", "6", "--quiet"})
                 .exitCode,
             0);
    QCOMPARE(test::runCli({"synth", "--out", q(sameSeed), "--count", "3", "--seed", "5", "--quiet"})
                 .exitCode,
             0);
    QVERIFY(test::readText(other / "training_verts.json") !=
            test::readText(sameSeed / "training_verts.json"));
    QVERIFY(test::readText(other / "training_K.json") !=
            test::readText(sameSeed / "training_K.json"));
    // An existing non-empty folder is not overwritten without --force.
    const auto r = test::runCli({"synth", "--out", q(other), "--count", "3", "--quiet"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("--force"));
  }

  void refinedBeatsRough() {
    const fs::path out = root() / "eval";
    const auto r = test::runCli(evalArgs(out));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char* f :
         {"per_sample.csv", "summary.json", "totals.json", "table.csv", "table.md", "table.tex"})
      QVERIFY2(fs::exists(out / f), f);
    const std::string csv = test::readText(out / "per_sample.csv");
    QVERIFY(
        csv.rfind(
            "sample,pred,hand_iou,hand_miou,hand_hd95,finger_miou,finger_miou_fg,finger_hd95,iou_"
            "palm,"
            "iou_thumb,iou_index,iou_middle,iou_ring,iou_pinky,hd95_palm,hd95_thumb,hd95_index,"
            "hd95_middle,"
            "hd95_ring,hd95_pinky,mpjpe_mm,pa_mpjpe_mm,mpvpe_mm,pa_mpvpe_mm,f5,f15,pa_f5,pa_f15",
            0) == 0);
    QCOMPARE(int(std::count(csv.begin(), csv.end(), '\n')), 1 + 120);
    const QJsonObject s = readJson(out / "summary.json");
    const QJsonObject rough = predMeans(s, "rough")["mean"].toObject(),
                      refined = predMeans(s, "refined")["mean"].toObject();
    QVERIFY(refined["hand_miou"].toDouble() > rough["hand_miou"].toDouble());
    QVERIFY(refined["finger_miou"].toDouble() > rough["finger_miou"].toDouble());
    QVERIFY(refined["hand_hd95"].toDouble() < rough["hand_hd95"].toDouble());
    QVERIFY(refined["finger_hd95"].toDouble() < rough["finger_hd95"].toDouble());
    QVERIFY(refined["mpvpe_mm"].toDouble() < rough["mpvpe_mm"].toDouble());
    QVERIFY(refined["pa_mpjpe_mm"].toDouble() < rough["pa_mpjpe_mm"].toDouble());
    QVERIFY(refined["hand_miou"].toDouble() > 0.8 && refined["hand_miou"].toDouble() < 1.0);
    const QJsonObject auc = predMeans(s, "refined")["auc"].toObject();
    QVERIFY(auc["pa_auc_v"].toDouble() >
            predMeans(s, "rough")["auc"].toObject()["pa_auc_v"].toDouble());
    QCOMPARE(s["conventions"].toObject()["hd_mode"].toString(), QString("max"));
    const std::string md = test::readText(out / "table.md");
    QVERIFY(md.find("| refined |") != std::string::npos && md.find("**") != std::string::npos);
    QVERIFY(r.out.isEmpty());  // --quiet
  }

  // Any names; roles are declared, never read off a name, and recorded in summary.json. The
  // terminal gets plain text, the Markdown goes to table.md.
  void declaredRolesWithArbitraryNames() {
    const fs::path out = root() / "roles";
    const QString d = q(data_);
    auto r = test::runCli({"eval", "--dataset", d, "--out", q(out), "--pred",
                           "baseline=" + q(data_ / "pred_rough.json"), "--pred",
                           "ours=" + q(data_ / "pred_refined.json"), "--refines", "ours=baseline"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!r.out.contains("**") && !r.out.contains("<sub>") && !r.out.contains("|---"));
    QVERIFY2(
        r.out.contains("baseline") && r.out.contains("ours") && r.out.contains("Hand mIoU (%)"),
        qPrintable(r.out));
    const QJsonArray preds =
        readJson(out / "summary.json")["provenance"].toObject()["predictions"].toArray();
    QCOMPARE(preds.size(), 2);
    QCOMPARE(preds[0].toObject()["role"].toString(), QString("rough"));
    QCOMPARE(preds[1].toObject()["role"].toString(), QString("refined"));
    QCOMPARE(preds[1].toObject()["refines"].toString(), QString("baseline"));
    // Without --refines both are plain, whatever they are called.
    r = test::runCli(evalArgs(root() / "plain"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray plain = readJson(root() / "plain" / "summary.json")["provenance"]
                                 .toObject()["predictions"]
                                 .toArray();
    for (const auto& p : plain) QCOMPARE(p.toObject()["role"].toString(), QString("plain"));
    // A role naming an unknown prediction, or a prediction refining itself: usage errors.
    for (const QString& bad :
         {QString("ours=nobody"), QString("baseline=baseline"), QString("x")}) {
      r = test::runCli({"eval", "--dataset", d, "--out", q(root() / "bad-roles"), "--pred",
                        "baseline=" + q(data_ / "pred_rough.json"), "--pred",
                        "ours=" + q(data_ / "pred_refined.json"), "--refines", bad});
      QCOMPARE(r.exitCode, 2);
      QVERIFY2(r.err.contains("--refines") || r.err.contains("refine"), qPrintable(r.err));
      QVERIFY(!fs::exists(root() / "bad-roles"));
    }
  }

  void shardsMergeIntoTheSingleRun() {
    const fs::path single = root() / "eval";
    QVERIFY(fs::exists(single / "per_sample.csv"));
    QStringList shardDirs;
    for (int k = 0; k < 3; ++k) {
      const fs::path out = root() / ("shard" + std::to_string(k));
      QStringList a = evalArgs(out);
      a << "--shard" << QString("%1/3").arg(k);
      const auto r = test::runCli(a);
      QVERIFY2(r.exitCode == 0, qPrintable(r.err));
      shardDirs << q(out);
    }
    const fs::path merged = root() / "merged";
    QStringList m = {"merge", "--out", q(merged), "--quiet"};
    const auto r = test::runCli(m + shardDirs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(test::readText(merged / "per_sample.csv") == test::readText(single / "per_sample.csv"));
    QCOMPARE(readJson(merged / "summary.json")["predictions"],
             readJson(single / "summary.json")["predictions"]);
    QVERIFY(test::readText(merged / "table.csv") == test::readText(single / "table.csv"));
    // Missing a shard, or the same one twice, is refused.
    auto bad = test::runCli({"merge", "--out", q(root() / "bad"), shardDirs[0], shardDirs[1]});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("2 of 3 shards"), qPrintable(bad.err));
    bad = test::runCli(
        {"merge", "--out", q(root() / "bad"), shardDirs[0], shardDirs[0], shardDirs[1]});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(!fs::exists(root() / "bad" / "per_sample.csv"));
  }

  void badInputWritesNothing() {
    const fs::path out = root() / "never";
    test::writeText(root() / "short_pred.json", "[[], [[[0, 0, 1]]]]");
    QStringList a = {"eval",  "--dataset", q(data_), "--pred", "x=" + q(root() / "short_pred.json"),
                     "--out", q(out)};
    auto r = test::runCli(a);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("short_pred.json") && r.err.contains("samples"), qPrintable(r.err));
    QVERIFY(!fs::exists(out / "per_sample.csv"));
    a = QStringList{"eval",  "--dataset", q(data_), "--pred", "x=" + q(root() / "absent.json"),
                    "--out", q(out)};
    r = test::runCli(a);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("absent.json"));
    // A mask of the wrong kind in the dataset names the mask file.
    const fs::path copy = root() / "badmask";
    fs::copy(data_, copy, fs::copy_options::recursive);
    test::writeText(copy / "training" / "mask" / "00000004.jpg", "garbage");
    a = QStringList{"eval",  "--dataset", q(copy), "--pred", "r=" + q(copy / "pred_rough.json"),
                    "--out", q(out)};
    r = test::runCli(a);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("00000004.jpg"), qPrintable(r.err));
    QVERIFY(!fs::exists(out / "per_sample.csv"));
  }

  void interruptLeavesNoPartialOutput() {
    const fs::path out = root() / "interrupted";
    QProcess p;
    QStringList a = evalArgs(out);
    a << "--resolution"
      << "2048"
      << "--threads"
      << "1";
    p.start(q(test::binDir() / "handalign"), a);
    QVERIFY(p.waitForStarted());
    QTest::qWait(1500);
    QVERIFY2(p.state() == QProcess::Running, "eval finished before it could be interrupted");
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains("interrupted"));
    if (fs::exists(out)) QVERIFY(fs::is_empty(out));
  }
};

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "TestEndToEnd.moc"
