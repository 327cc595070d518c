// `handalign slurm` on a real single-node Slurm cluster started for the test (tests/slurm/
// cluster.sh, as root): a 4-shard eval and a 2-shard infer merge into the bytes of a single run; a
// cancelled shard makes the merge refuse by name, `status` shows it and `resubmit` completes it.
// Skips, saying why, where Slurm cannot start.
#include "ScriptModels.h"
#include "TestSupport.h"

#include "hand/HandModel.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <chrono>

using namespace handalign;
namespace fs = std::filesystem;

class TestSlurm : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path cluster_, data_;
  bool started_ = false;

  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }
  static QString q(const fs::path& p) { return QString::fromStdString(p.string()); }
  static QString script() { return q(test::sourceDir() / "tests" / "slurm" / "cluster.sh"); }
  QStringList preds() const {
    return {"--pred",    "rough=" + q(data_ / "pred_rough.json"),
            "--pred",    "refined=" + q(data_ / "pred_refined.json"),
            "--refines", "refined=rough"};
  }
  static QString slurmTool(const QStringList& args) {
    QProcess p;
    p.start(args.front(), args.mid(1));
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
  }
  // Waits for the run's merge job to write its exit line; returns its exit code (-1: timeout).
  static int waitForMerge(const fs::path& run, int seconds = 180) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < end) {
      const std::string state = fs::exists(run / "slurm/state/merge")
                                    ? test::readText(run / "slurm/state/merge")
                                    : std::string();
      const std::size_t at = state.find("exit ");
      if (at != std::string::npos) return std::stoi(state.substr(at + 5));
      QThread::msleep(300);
    }
    return -1;
  }
  void expectSameFiles(const fs::path& a, const fs::path& b, const QStringList& files) {
    for (const QString& f : files)
      QVERIFY2(test::readText(a / f.toStdString()) == test::readText(b / f.toStdString()),
               qPrintable(f + " differs between " + q(a) + " and " + q(b)));
  }
  // The merged files equal those of one local `handalign eval` of the same inputs (run once).
  void expectSameAsOneEval(const fs::path& merged) {
    const fs::path single = dir() / "eval-single";
    if (!fs::exists(single / "totals.json")) {
      const auto r = test::runCli(
          QStringList{"eval", "--dataset", q(data_), "--out", q(single), "--quiet"} + preds());
      QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    expectSameFiles(merged, single, evalFiles());
  }
  static const QStringList& evalFiles() {
    static const QStringList f = {"per_sample.csv", "summary.json", "totals.json",
                                  "table.csv",      "table.md",     "table.tex"};
    return f;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    cluster_ = dir() / "cluster";
    fs::create_directories(cluster_);
    QProcess start;
    start.start("bash", {script(), "start", q(cluster_)});
    QVERIFY(start.waitForFinished(180000));
    const QString out = QString::fromUtf8(start.readAllStandardOutput());
    const QString err = QString::fromUtf8(start.readAllStandardError()).trimmed();
    if (start.exitCode() == 77) QSKIP(qPrintable("Slurm cannot start here: " + err));
    QVERIFY2(start.exitCode() == 0, qPrintable(err));
    started_ = true;
    const int at = out.indexOf("export SLURM_CONF=");
    QVERIFY2(at >= 0, qPrintable(out));
    const QString conf = out.mid(at + 18).section('\n', 0, 0).trimmed();
    qputenv("SLURM_CONF", conf.toUtf8());
    data_ = test::synthDataset(dir(), 24, 5);
  }
  void cleanupTestCase() {
    if (!started_) return;
    QProcess stop;
    stop.start("bash", {script(), "stop", q(cluster_)});
    stop.waitForFinished(60000);
  }

  void evalInFourShardsIsOneRun() {
    const fs::path run = dir() / "eval4";
    auto r = test::runCli(QStringList{"slurm", "eval", "--shards", "4", "--out", q(run),
                                      "--dataset", q(data_), "--time", "10"} +
                          preds());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains("submitted 4 shards"), qPrintable(r.out));
    QCOMPARE(waitForMerge(run), 0);
    expectSameAsOneEval(run / "merged");
    r = test::runCli({"slurm", "status", q(run)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.count(QRegularExpression("shard \\d+ +done")), 4);
    QVERIFY2(r.out.contains("merge       done"), qPrintable(r.out));
  }

  void inferInTwoShardsIsOneRun() {
    const int vertices = loadHandModel(data_ / "hand_model.json").vertexCount;
    std::vector<std::vector<float>> mesh(std::size_t(vertices), {32, 32, 32});
    mesh[1] = {0, 0, 48};
    test::saveScriptModule(dir() / "lixel.pt", test::constantMeshSource(2.0f),
                           {test::meshBuffer("mesh", mesh)});
    test::writeText(dir() / "lixel.json",
                    R"({"format": "handalign.model", "version": 1, "checkpoint": "lixel.pt",
        "hand_model": {"name": "procedural-hand-v1", "vertex_count": )" +
                        std::to_string(vertices) + R"(}, "crop": {"source": "joints"},
        "outputs": {"rough": "rough", "refined": "refined"},
        "coordinates": {"frame": "lixel", "root_depth": {"source": "gt", "joint": 0}}})");
    const QStringList model = {
        "--model", q(dir() / "lixel.json"), "--dataset", q(data_), "--device", "cpu"};
    const fs::path run = dir() / "infer2";
    auto r = test::runCli(QStringList{"slurm", "infer", "--shards", "2", "--out", q(run)} + model);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QCOMPARE(waitForMerge(run), 0);
    const fs::path single = dir() / "infer-single";
    r = test::runCli(QStringList{"infer", "--out", q(single), "--quiet"} + model);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    expectSameFiles(run / "merged", single, {"pred_rough.json", "pred_refined.json", "infer.json"});
  }

  void cancelledShardIsRefusedByNameThenResubmitted() {
    // The node drained so that the tasks wait; shard 1 is cancelled before it runs.
    const QString node = slurmTool({"sinfo", "-h", "-o", "%N"});
    QVERIFY(!node.isEmpty());
    slurmTool({"scontrol", "update", "NodeName=" + node, "State=DRAIN", "Reason=handalign-test"});
    const fs::path run = dir() / "eval3";
    auto r = test::runCli(
        QStringList{"slurm", "eval", "--shards", "3", "--out", q(run), "--dataset", q(data_)} +
        preds());
    const QString resume = "State=RESUME";
    if (r.exitCode != 0) slurmTool({"scontrol", "update", "NodeName=" + node, resume});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QString job = r.out.section("as job ", 1).section(' ', 0, 0);
    QVERIFY2(!job.isEmpty(), qPrintable(r.out));
    slurmTool({"scancel", job + "_1"});
    slurmTool({"scontrol", "update", "NodeName=" + node, resume});
    QCOMPARE(waitForMerge(run), 1);
    const std::string log = test::readText(run / "slurm/logs/merge.log");
    QVERIFY2(log.find("shards/1: has no totals.json: not an evaluation output folder, or a shard "
                      "that did not finish") != std::string::npos,
             log.c_str());
    QVERIFY(!fs::exists(run / "merged"));
    r = test::runCli({"slurm", "status", q(run)});
    QVERIFY2(r.out.contains(QRegularExpression("shard 1 +cancelled")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression("shard 0 +done")), qPrintable(r.out));
    QVERIFY2(r.out.contains("merge       refused (exit 1)"), qPrintable(r.out));
    QVERIFY2(r.out.contains("slurm resubmit"), qPrintable(r.out));
    r = test::runCli({"slurm", "resubmit", q(run)});
    QVERIFY2(r.exitCode == 0 && r.out.contains("resubmitted shards 1 as job"),
             qPrintable(r.err + r.out));
    QCOMPARE(waitForMerge(run), 0);
    expectSameAsOneEval(run / "merged");
    r = test::runCli({"slurm", "resubmit", q(run)});
    QVERIFY2(r.out.contains("nothing to resubmit"), qPrintable(r.out));
  }

  void badRequestsAreRefusedBeforeSubmitting() {
    auto r = test::runCli({"slurm", "eval", "--shards", "2", "--out", q(dir() / "bad"), "--dataset",
                           q(dir() / "nowhere"), "--pred", "x.json"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("nowhere") && r.err.contains("no such file"), qPrintable(r.err));
    r = test::runCli(
        QStringList{"slurm", "eval", "--out", q(dir() / "bad"), "--dataset", q(data_)} + preds());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--shards"), qPrintable(r.err));
    r = test::runCli(QStringList{"slurm", "eval", "--shards", "2", "--shard", "0/2", "--out",
                                 q(dir() / "bad"), "--dataset", q(data_)} +
                     preds());
    QCOMPARE(r.exitCode, 2);
    r = test::runCli(QStringList{"slurm", "eval", "--shards", "2", "--hd-mod", "max", "--out",
                                 q(dir() / "bad"), "--dataset", q(data_)} +
                     preds());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("unknown option --hd-mod"), qPrintable(r.err));
    r = test::runCli(QStringList{"slurm", "eval", "--shards", "2", "--out", q(dir() / "bad%j"),
                                 "--dataset", q(data_)} +
                     preds());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("%"), qPrintable(r.err));
    r = test::runCli({"slurm", "status", q(dir() / "bad")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("jobs.json"), qPrintable(r.err));
    QVERIFY(!fs::exists(dir() / "bad" / "slurm" / "jobs.json"));
  }
};

QTEST_GUILESS_MAIN(TestSlurm)
#include "TestSlurm.moc"
