// Outputs that cannot lie: merge refuses shards whose rows and totals disagree, outputs never
// replace or land inside their inputs, and a failed run leaves nothing behind.
#include "TestSupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace handalign;
namespace fs = std::filesystem;

namespace {
QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

// Replaces the first match of `pattern` in `file` with `replacement`.
void edit(const fs::path& file, const QString& pattern, const QString& replacement) {
  QString text = QString::fromStdString(test::readText(file));
  const QRegularExpression re(pattern);
  QVERIFY2(re.match(text).hasMatch(), qPrintable(pattern));
  text.replace(text.indexOf(re), re.match(text).capturedLength(), replacement);
  test::writeText(file, text.toStdString());
}
}  // namespace

class TestOutputIntegrity : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_, single_;
  std::vector<fs::path> shards_;
  fs::path root() const { return fs::path(tmp_.path().toStdString()); }

  // Fresh copies of the three shard folders, to be damaged by one test.
  std::vector<fs::path> shardCopies(const std::string& name) {
    std::vector<fs::path> out;
    for (std::size_t k = 0; k < shards_.size(); ++k) {
      const fs::path d = root() / name / std::to_string(k);
      fs::create_directories(d);
      fs::copy(shards_[k], d, fs::copy_options::recursive);
      out.push_back(d);
    }
    return out;
  }
  test::CliResult merge(const std::vector<fs::path>& dirs, const fs::path& out) {
    QStringList a = {"merge", "--out", q(out), "--quiet"};
    for (const fs::path& d : dirs) a << q(d);
    return test::runCli(a);
  }
  // The merge of `dirs` is refused with a message naming `file` and containing `words`.
  void refused(const std::vector<fs::path>& dirs, const fs::path& file, const QString& words) {
    const fs::path out = root() / "refused";
    const auto r = merge(dirs, out);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(q(file)) && r.err.contains(words), qPrintable(r.err));
    QCOMPARE(r.err.trimmed().count('\n'), 0);
    QVERIFY(!fs::exists(out));
  }

 private Q_SLOTS:
  void initTestCase() {
    data_ = test::synthDataset(root(), 20, 3);
    single_ = root() / "single";
    auto r = test::runCli(test::evalArgs(data_, single_));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (int k = 0; k < 3; ++k) {
      shards_.push_back(root() / ("shard" + std::to_string(k)));
      r = test::runCli(test::evalArgs(data_, shards_.back())
                       << "--shard" << QString("%1/3").arg(k));
      QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
  }

  void mergedFilesAreThoseOfASingleRun() {
    const fs::path out = root() / "merged";
    const auto r = merge(shards_, out);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char* f :
         {"per_sample.csv", "summary.json", "totals.json", "table.csv", "table.md", "table.tex"})
      QVERIFY2(test::readText(out / f) == test::readText(single_ / f), f);
  }

  void headerOnlyShardIsRefused() {
    const auto dirs = shardCopies("header-only");
    const fs::path csv = dirs[1] / "per_sample.csv";
    const std::string text = test::readText(csv);
    test::writeText(csv, text.substr(0, text.find('\n') + 1));
    refused(dirs, csv, "no row for sample 1");
  }

  void duplicatedRowIsRefused() {
    const auto dirs = shardCopies("duplicate");
    const fs::path csv = dirs[0] / "per_sample.csv";
    std::string text = test::readText(csv);
    const std::size_t first = text.find('\n') + 1, second = text.find('\n', first) + 1;
    text += text.substr(first, second - first);
    test::writeText(csv, text);
    refused(dirs, csv, "duplicate row for sample 0");
  }

  void rowOfAnotherShardIsRefused() {
    const auto dirs = shardCopies("foreign-row");
    const fs::path csv = dirs[0] / "per_sample.csv";
    std::string text = test::readText(csv);
    const std::string other = test::readText(dirs[1] / "per_sample.csv");
    const std::size_t first = other.find('\n') + 1;
    text += other.substr(first, other.find('\n', first) + 1 - first);
    test::writeText(csv, text);
    refused(dirs, csv, "is not in shard 0/3");
  }

  void inconsistentTotalsAreRefused() {
    {  // more samples claimed than evaluated
      const auto dirs = shardCopies("count");
      edit(dirs[2] / "totals.json", "\"sample_count\": \\d+", "\"sample_count\": 70");
      refused(dirs, dirs[2] / "totals.json", "sample_count 70");
    }
    {  // a histogram that counts samples twice (AUC above 1)
      const auto dirs = shardCopies("histogram");
      edit(dirs[0] / "totals.json", "\"samples\": (\\d+)", "\"samples\": 2");
      refused(dirs, dirs[0] / "totals.json", "histogram sums to");
    }
    {  // negative pooled counts
      const auto dirs = shardCopies("negative");
      edit(dirs[1] / "totals.json", "\"hand_intersection\": \\[\\s*(\\d+)",
           "\"hand_intersection\": [-5");
      refused(dirs, dirs[1] / "totals.json", "negative");
    }
    {  // pooled counts that are not those of the rows
      const auto dirs = shardCopies("pooled");
      edit(dirs[1] / "totals.json", "\"finger_union\": \\[\\s*(\\d+)", "\"finger_union\": [1");
      refused(dirs, dirs[1] / "totals.json", "finger counts");
    }
  }

  void outputsOverInputsAreRefused() {
    const std::string before = test::readText(data_ / "pred_rough.json");
    const fs::path inside = data_ / "eval";
    for (const fs::path& out : {data_, inside, root()}) {
      const auto r = test::runCli(test::evalArgs(data_, out));
      QCOMPARE(r.exitCode, 1);
      QVERIFY2(r.err.contains(q(out)) && r.err.contains("input"), qPrintable(r.err));
    }
    QVERIFY(!fs::exists(inside));
    QVERIFY(test::readText(data_ / "pred_rough.json") == before);
    // merge --out one of its shards
    const auto dirs = shardCopies("over-shard");
    const std::string shard = test::readText(dirs[0] / "per_sample.csv");
    const auto r = merge(dirs, dirs[0]);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is an input"), qPrintable(r.err));
    QVERIFY(test::readText(dirs[0] / "per_sample.csv") == shard);
  }

  // An output folder is replaced as a whole, so one that holds anything else is refused, before
  // any evaluation, and its files stay.
  void folderWithOtherFilesIsRefused() {
    const fs::path out = root() / "notes";
    test::writeText(out / "my-notes.txt", "keep me");
    const auto r = test::runCli(test::evalArgs(data_, out));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("my-notes.txt"), qPrintable(r.err));
    QCOMPARE(test::readText(out / "my-notes.txt"), std::string("keep me"));
    QVERIFY(!fs::exists(out / "per_sample.csv"));
    // An earlier output of eval is replaced.
    const fs::path again = root() / "again";
    QCOMPARE(test::runCli(test::evalArgs(data_, again) << "--limit"
                                                       << "4")
                 .exitCode,
             0);
    QCOMPARE(test::runCli(test::evalArgs(data_, again)).exitCode, 0);
    QVERIFY(test::readText(again / "per_sample.csv") == test::readText(single_ / "per_sample.csv"));
  }

  // A write that fails (here: the file size limit) leaves nothing: no output folder, no parents
  // it created, no staging folder.
  void failedWriteLeavesNothing() {
    const fs::path parent = root() / "new-parent", out = parent / "deeper" / "out";
    QStringList a = test::evalArgs(data_, out);
    const QString bin = q(test::binDir() / "handalign");
    QProcess p;
    p.start("/bin/bash",
            QStringList{"-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" \"$@\"", bin} + a);
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains("cannot write"), qPrintable(err));
    QVERIFY2(!fs::exists(parent), qPrintable(err));
  }

  // kill -9 at every file operation of eval's commit: the output folder always holds the old
  // run's files or the new run's, never a mix; the next run removes what a killed one left.
  void killedCommitLeavesAllOldOrAllNew() {
    const fs::path out = root() / "killed" / "out";
    QCOMPARE(test::runCli(test::evalArgs(data_, out) << "--limit"
                                                     << "5")
                 .exitCode,
             0);
    std::map<std::string, std::string> oldFiles, newFiles;
    for (const auto& e : fs::directory_iterator(out))
      oldFiles[e.path().filename().string()] = test::readText(e.path());
    for (const auto& e : fs::directory_iterator(single_))
      newFiles[e.path().filename().string()] = test::readText(e.path());
    bool finished = false;
    int killedRuns = 0;
    for (int step = 1; step < 40 && !finished; ++step) {
      qputenv("HANDALIGN_KILL_AT", QByteArray::number(step));
      const auto r = test::runCli(test::evalArgs(data_, out));
      qunsetenv("HANDALIGN_KILL_AT");
      finished = r.exitCode == 0;
      killedRuns += r.exitCode == -1;
      QVERIFY2(finished || r.exitCode == -1, qPrintable(r.err));
      std::map<std::string, std::string> now;
      for (const auto& e : fs::directory_iterator(out))
        now[e.path().filename().string()] = test::readText(e.path());
      QVERIFY2(now == oldFiles || now == newFiles, qPrintable(QString("step %1").arg(step)));
      if (!finished) QVERIFY(now == oldFiles || step > 7);  // killed before the swap: all old
    }
    QVERIFY(finished);
    QVERIFY2(killedRuns >= 8, qPrintable(QString::number(killedRuns)));
    QCOMPARE(test::runCli(test::evalArgs(data_, out)).exitCode, 0);
    for (const auto& e : fs::directory_iterator(out.parent_path()))
      QVERIFY2(e.path().filename() == "out", qPrintable(q(e.path())));  // no staging folder left
  }
};

QTEST_GUILESS_MAIN(TestOutputIntegrity)
#include "TestOutputIntegrity.moc"
