// ProjectStore: exact round trips, several runs, reopening, foreign and newer files refused,
// failed, cancelled and killed writes leave nothing behind.
#include "project/ProjectStore.h"
#include "util/Error.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>
#include <cmath>
#include <cstring>
#include <fstream>
#include <random>

using namespace handalign;
namespace fs = std::filesystem;

namespace {

RunInfo runInfo(const std::vector<std::string>& names) {
  RunInfo info;
  info.version = "test";
  info.datasetRoot = "/data/freihand";
  info.datasetFormat = "freihand";
  info.split = "training";
  info.datasetSize = 32560;
  for (const auto& n : names) {
    info.predictionFiles.emplace_back(n, "/preds/" + n + ".json");
    info.predictionFingerprints.push_back("fp-" + n);
  }
  info.options.hd.mode = HdMode::Pooled;
  return info;
}

// Random metrics with a sprinkling of NaN, sample-major like evaluate() returns them.
EvalResult result(const std::vector<std::string>& names, std::size_t samples, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 20.0);
  EvalResult r;
  r.predictionNames = names;
  r.sampleCount = samples;
  for (std::size_t i = 0; i < samples; ++i)
    for (const auto& n : names) {
      SampleRow row;
      row.index = i;
      row.sample = "s" + std::to_string(i);
      row.pred = n;
      for (const auto& c : metricColumns())
        *metricSlot(row.m, c) = (rng() % 7 == 0) ? SampleMetrics::kNaN : u(rng);
      row.m.handHdMissing = int(rng() % 2);
      row.m.fingerHdMissing = int(rng() % 6);
      r.rows.push_back(row);
    }
  return r;
}

bool sameBits(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}

void compareRows(const std::vector<SampleRow>& got, const EvalResult& expected,
                 const std::string& pred) {
  std::vector<const SampleRow*> want;
  for (const auto& r : expected.rows)
    if (r.pred == pred) want.push_back(&r);
  QCOMPARE(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    QCOMPARE(got[i].index, want[i]->index);
    QCOMPARE(got[i].sample, want[i]->sample);
    QCOMPARE(got[i].pred, pred);
    for (const auto& c : metricColumns())
      QVERIFY2(sameBits(metricValue(got[i].m, c), metricValue(want[i]->m, c)), c.c_str());
    QCOMPARE(got[i].m.handHdMissing, want[i]->m.handHdMissing);
    QCOMPARE(got[i].m.fingerHdMissing, want[i]->m.fingerHdMissing);
  }
}

// Runs `sql` on the file through a connection of its own (to tamper with a project as another
// program would).
void execRaw(const fs::path& file, const QStringList& sql) {
  {
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "raw");
    db.setDatabaseName(QString::fromStdString(file.string()));
    QVERIFY(db.open());
    QSqlQuery q(db);
    for (const QString& s : sql) QVERIFY2(q.exec(s), qPrintable(s));
  }
  QSqlDatabase::removeDatabase("raw");
}

int countRows(const fs::path& file, const QString& table) {
  ProjectStore keepOpen;  // makes sure the WAL is recovered by a normal open first
  keepOpen.open(file);
  int n = -1;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "count");
    db.setDatabaseName(QString::fromStdString(file.string()));
    if (db.open()) {
      QSqlQuery q("SELECT count(*) FROM " + table, db);
      if (q.next()) n = q.value(0).toInt();
    }
  }
  QSqlDatabase::removeDatabase("count");
  return n;
}

template <class F>
void expectInputError(F&& f, const fs::path& file, const char* expectedText) {
  try {
    f();
    QFAIL("no InputError");
  } catch (const InputError& e) {
    const std::string what = e.what();
    QVERIFY2(what.find(file.string()) != std::string::npos, e.what());
    QVERIFY2(what.find(expectedText) != std::string::npos, e.what());
  }
}

// A project file exactly as schema 1 wrote it, with one run of two samples.
void writeVersion1(const fs::path& file) {
  QStringList cols, values;
  for (const auto& c : metricColumns()) cols << "\"" + QString::fromStdString(c) + "\" REAL";
  for (std::size_t i = 0; i < metricColumns().size(); ++i) values << "0.5";
  execRaw(file,
          {"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
           "INSERT INTO meta VALUES ('application', 'handalign-studio'), ('schema_version', '1')",
           "CREATE TABLE datasets (id INTEGER PRIMARY KEY, root TEXT NOT NULL, format TEXT NOT "
           "NULL, split TEXT NOT NULL, size INTEGER NOT NULL, UNIQUE (root, format, split))",
           "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
           "dataset_id INTEGER NOT NULL REFERENCES datasets(id), prediction_file TEXT NOT NULL, "
           "fingerprint TEXT NOT NULL, options_json TEXT NOT NULL, created_at TEXT NOT NULL, "
           "sample_count INTEGER NOT NULL)",
           "CREATE TABLE sample_metrics (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE "
           "CASCADE, sample_index INTEGER NOT NULL, sample_id TEXT NOT NULL, " +
               cols.join(", ") +
               ", hand_hd95_missing INTEGER NOT NULL, finger_hd95_missing INTEGER NOT NULL, "
               "PRIMARY KEY (run_id, sample_index)) WITHOUT ROWID",
           "INSERT INTO datasets VALUES (1, '/data/freihand', 'freihand', 'training', 32560)",
           "INSERT INTO runs VALUES (1, 'refined', 1, '/preds/refined.json', 'fp', '{}', "
           "'2026-01-01T00:00:00Z', 2)",
           "INSERT INTO sample_metrics VALUES (1, 0, '00000000', " + values.join(", ") + ", 0, 0)",
           "INSERT INTO sample_metrics VALUES (1, 1, '00000001', " + values.join(", ") + ", 1, 2)",
           "PRAGMA journal_mode = WAL"});
}

QString metaValue(const fs::path& file, const QString& key) {
  QString v;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "meta");
    db.setDatabaseName(QString::fromStdString(file.string()));
    if (db.open()) {
      QSqlQuery q(db);
      q.prepare("SELECT value FROM meta WHERE key = ?");
      q.addBindValue(key);
      if (q.exec() && q.next()) v = q.value(0).toString();
    }
  }
  QSqlDatabase::removeDatabase("meta");
  return v;
}

bool hasTable(const fs::path& file, const QString& table) {
  bool found = false;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "tables");
    db.setDatabaseName(QString::fromStdString(file.string()));
    if (db.open()) found = db.tables().contains(table);
  }
  QSqlDatabase::removeDatabase("tables");
  return found;
}

}  // namespace

class TestProjectStore : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  fs::path file(const char* name) const { return fs::path(dir_.path().toStdString()) / name; }

 private Q_SLOTS:
  void roundTripIsBitExact() {
    const fs::path f = file("roundtrip.hap");
    EvalResult r = result({"rough", "refined"}, 500, 1);
    // PCK histograms and pooled counts: the refined run's totals are kept with it.
    r.totals.assign(2, PredictionTotals(kJointCount, 5));
    std::mt19937_64 rng(9);
    std::uniform_real_distribution<double> err(0.0, 0.06);
    for (int s = 0; s < 40; ++s) {
      std::vector<double> j(kJointCount), v(5);
      for (double& x : j) x = err(rng);
      for (double& x : v) x = err(rng);
      r.totals[1].joints.add(j), r.totals[1].vertices.add(v);
    }
    r.totals[1].handIntersection = {7, 11}, r.totals[1].fingerUnion = {1, 2, 3, 4, 5, 6, 700};
    ProjectStore store;
    store.open(f);
    QVERIFY(fs::exists(f));
    const auto ids = store.saveRun(runInfo({"rough", "refined"}), r);
    QCOMPARE(ids.size(), std::size_t(2));
    const auto runs = store.runs();
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(runs[0].name, std::string("rough"));
    QCOMPARE(runs[1].predictionFile, std::string("/preds/refined.json"));
    QCOMPARE(runs[1].fingerprint, std::string("fp-refined"));
    QCOMPARE(runs[0].sampleCount, std::size_t(500));
    QCOMPARE(runs[0].datasetSize, std::size_t(32560));
    QCOMPARE(runs[0].datasetId, runs[1].datasetId);
    QVERIFY2(runs[0].optionsJson.find("\"hd_mode\":\"pooled\"") != std::string::npos,
             runs[0].optionsJson.c_str());
    QVERIFY(!runs[0].createdAt.empty());
    compareRows(store.loadRun(ids[0]), r, "rough");
    compareRows(store.loadRun(ids[1]), r, "refined");
    const std::optional<PredictionTotals> t = store.loadRunTotals(ids[1]);
    QVERIFY(t);
    QCOMPARE(t->joints.histogram(), r.totals[1].joints.histogram());
    QCOMPARE(t->vertices.samples(), std::int64_t(40));
    QCOMPARE(t->joints.auc(), r.totals[1].joints.auc());
    QVERIFY(t->paJoints.samples() == 0);
    QCOMPARE(t->handIntersection, r.totals[1].handIntersection);
    QCOMPARE(t->fingerUnion, r.totals[1].fingerUnion);
    QVERIFY(store.loadRunTotals(ids[0]));
  }

  void twoRunsSideBySideAndReopen() {
    const fs::path f = file("two.hap");
    const EvalResult a = result({"methodA"}, 300, 2), b = result({"methodB"}, 300, 3);
    std::int64_t idA = 0, idB = 0;
    {
      ProjectStore store;
      store.open(f);
      idA = store.saveRun(runInfo({"methodA"}), a).at(0);
      idB = store.saveRun(runInfo({"methodB"}), b).at(0);
    }
    ProjectStore again;  // a new instance (a new connection) sees both
    again.open(f);
    const auto runs = again.runs();
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(runs[0].datasetId, runs[1].datasetId);  // one dataset entry shared
    compareRows(again.loadRun(idA), a, "methodA");
    compareRows(again.loadRun(idB), b, "methodB");
    again.deleteRun(idA);
    QCOMPARE(again.runs().size(), std::size_t(1));
    expectInputError([&] { again.loadRun(idA); }, f, "no run with id");
    QCOMPARE(countRows(f, "sample_metrics"), 300);  // the cascade removed idA's samples
  }

  // Declared roles are stored with the runs and read back; plain when none is declared.
  void rolesRoundTrip() {
    const fs::path f = file("roles.hap");
    RunInfo info = runInfo({"baseline", "ours", "other"});
    info.refinements = {{"ours", "baseline"}};
    ProjectStore store;
    store.open(f);
    store.saveRun(info, result({"baseline", "ours", "other"}, 5, 4));
    const auto runs = store.runs();
    QCOMPARE(runs.size(), std::size_t(3));
    QCOMPARE(int(runs[0].role), int(PredictionRole::Rough));
    QCOMPARE(int(runs[1].role), int(PredictionRole::Refined));
    QCOMPARE(runs[1].refines, std::string("baseline"));
    QCOMPARE(int(runs[2].role), int(PredictionRole::Plain));
    QVERIFY(runs[2].refines.empty() && runs[0].metricsComplete);
  }

  // A project written before a metric existed opens (no "damaged" error), gains the column and
  // marks its runs incomplete, so the studio re-scores them; the old values are kept.
  void missingMetricColumnIsAdded() {
    const fs::path f = file("old-metrics.hap");
    writeVersion1(f);
    execRaw(f, {"ALTER TABLE sample_metrics DROP COLUMN \"pa_f15\"",
                "ALTER TABLE sample_metrics DROP COLUMN \"hd95_pinky\""});
    {
      ProjectStore store;
      store.open(f);
      const auto runs = store.runs();
      QCOMPARE(runs.size(), std::size_t(1));
      QVERIFY(!runs[0].metricsComplete);
      const auto rows = store.loadRun(runs[0].id);
      QCOMPARE(rows[0].m.handIou, 0.5);
      QVERIFY(std::isnan(rows[0].m.paF15) && std::isnan(rows[0].m.partHd95[5]));
      const std::int64_t fresh = store.saveRun(runInfo({"new"}), result({"new"}, 3, 5)).at(0);
      for (const StoredRun& r : store.runs()) QCOMPARE(r.metricsComplete, r.id == fresh);
    }
    QCOMPARE(metaValue(f, "schema_version"), QString("3"));
    ProjectStore again;  // the columns stay; nothing is marked again
    again.open(f);
    QCOMPARE(int(again.runs().size()), 2);
    QVERIFY(again.runs()[1].metricsComplete);
  }

  void twoInstancesOpenAtOnce() {
    ProjectStore a, b;  // unique connection names: no clash
    a.open(file("a.hap"));
    b.open(file("b.hap"));
    a.saveRun(runInfo({"x"}), result({"x"}, 3, 4));
    QCOMPARE(a.runs().size(), std::size_t(1));
    QCOMPARE(b.runs().size(), std::size_t(0));
  }

  void foreignFilesAreRefused() {
    const fs::path text = file("notes.hap");
    std::ofstream(text) << "hello, this is not a database at all";
    ProjectStore store;
    expectInputError([&] { store.open(text); }, text, "not a SQLite database");
    QVERIFY(!store.isOpen());

    const fs::path other = file("other.sqlite");
    execRaw(other, {"CREATE TABLE t (x INTEGER)"});
    expectInputError([&] { store.open(other); }, other, "not a HandAlign project");

    // A SQLite header followed by garbage: fails on the first read.
    const fs::path corrupt = file("corrupt.hap");
    {
      std::ofstream out(corrupt, std::ios::binary);
      out.write("SQLite format 3\0", 16);
      out << std::string(4096, 'x');
    }
    expectInputError([&] { store.open(corrupt); }, corrupt, "not a HandAlign project");
  }

  void newerSchemaIsRefused() {
    const fs::path f = file("newer.hap");
    {
      ProjectStore store;
      store.open(f);
    }
    execRaw(f, {"UPDATE meta SET value = '99' WHERE key = 'schema_version'"});
    ProjectStore store;
    expectInputError([&] { store.open(f); }, f, "newer HandAlign");
    QVERIFY(!store.isOpen());
  }

  void failedSaveLeavesNothing() {
    const fs::path f = file("failed.hap");
    ProjectStore store;
    store.open(f);
    const auto kept = store.saveRun(runInfo({"kept"}), result({"kept"}, 10, 5));
    // The second prediction repeats a sample index: the primary key fails after the whole first
    // prediction and part of the second were inserted.
    EvalResult bad = result({"p", "q"}, 200, 6);
    for (auto& row : bad.rows)
      if (row.pred == "q" && row.index == 150) row.index = 10;
    try {
      store.saveRun(runInfo({"p", "q"}), bad);
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find(f.string()) != std::string::npos, e.what());
    }
    QCOMPARE(store.runs().size(), std::size_t(1));
    QCOMPARE(store.runs()[0].id, kept[0]);
    QCOMPARE(countRows(f, "sample_metrics"), 10);
    QCOMPARE(countRows(f, "runs"), 1);
    // The store is still usable after the rollback.
    store.saveRun(runInfo({"later"}), result({"later"}, 4, 7));
    QCOMPARE(store.runs().size(), std::size_t(2));
  }

  void cancelledSaveLeavesNothing() {
    const fs::path f = file("cancelled.hap");
    ProjectStore store;
    store.open(f);
    CancellationToken token;
    std::size_t calls = 0;
    auto progress = [&](std::size_t done, std::size_t) {
      if (++calls == 2) token.cancel();  // after 4096 rows went in
      QVERIFY(done <= 10000);
    };
    QVERIFY_THROWS_EXCEPTION(
        Cancelled,
        store.saveRun(runInfo({"a", "b"}), result({"a", "b"}, 5000, 8), progress, &token));
    QCOMPARE(store.runs().size(), std::size_t(0));
    QCOMPARE(countRows(f, "sample_metrics"), 0);
  }

  // Schema 1 files gain the journal and review tables on open; their runs read as before.
  void version1FileIsUpgraded() {
    const fs::path f = file("v1.hap");
    writeVersion1(f);
    QCOMPARE(metaValue(f, "schema_version"), QString("1"));
    {
      ProjectStore store;
      store.open(f);
      const auto runs = store.runs();
      QCOMPARE(runs.size(), std::size_t(1));
      QCOMPARE(runs[0].name, std::string("refined"));
      const auto rows = store.loadRun(runs[0].id);
      QCOMPARE(rows.size(), std::size_t(2));
      QCOMPARE(rows[1].m.handIou, 0.5);
      QCOMPARE(rows[1].m.fingerHdMissing, 2);
      QVERIFY(!store.loadRunTotals(runs[0].id));  // stored by schema 1: no totals
      // The v2 parts work on the upgraded file, against its existing dataset entry.
      const std::int64_t id =
          store.datasetId(DatasetKey{"/data/freihand", "freihand", "training", 32560});
      QCOMPARE(id, runs[0].datasetId);
      store.setReviewState(SampleRef{id, 1, "00000001"}, ReviewState::Accepted);
      QCOMPARE(store.reviewRecords(id).size(), std::size_t(1));
      QCOMPARE(store.journal(id, 1).size(), std::size_t(1));
      store.saveRun(runInfo({"later"}), result({"later"}, 3, 12));
    }
    QCOMPARE(metaValue(f, "schema_version"), QString("3"));
    ProjectStore again;  // and it opens as a current file from now on
    again.open(f);
    QCOMPARE(again.runs().size(), std::size_t(2));
  }

  // The upgrade is one transaction: if any step fails, the file stays a valid schema 1 file.
  void failedUpgradeLeavesVersion1() {
    const fs::path f = file("v1-conflict.hap");
    writeVersion1(f);
    execRaw(f, {"CREATE TABLE review (note TEXT)"});  // a table the upgrade wants to create
    ProjectStore store;
    expectInputError([&] { store.open(f); }, f, "cannot upgrade the project to schema 2");
    QVERIFY(!store.isOpen());
    QCOMPARE(metaValue(f, "schema_version"), QString("1"));
    QVERIFY(!hasTable(f, "journal"));
    QVERIFY(hasTable(f, "runs"));
  }

  // A process killed mid-transaction (no rollback, no close) leaves the file as it was.
  void killedWriterLeavesConsistentFile() {
    const fs::path f = file("killed.hap");
    {
      ProjectStore store;
      store.open(f);
      store.saveRun(runInfo({"kept"}), result({"kept"}, 20, 9));
    }
    const EvalResult big = result({"rough", "refined"}, 20000, 10);
    const pid_t pid = fork();
    QVERIFY(pid >= 0);
    if (pid == 0) {
      ProjectStore store;
      store.open(f);
      store.saveRun(runInfo({"rough", "refined"}), big, [](std::size_t done, std::size_t) {
        if (done >= 36000) _exit(0);  // dies with an open transaction
      });
      _exit(3);  // not reached
    }
    int status = 0;
    QCOMPARE(waitpid(pid, &status, 0), pid);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    ProjectStore store;
    store.open(f);
    QCOMPARE(store.runs().size(), std::size_t(1));
    QCOMPARE(countRows(f, "sample_metrics"), 20);
  }

  // 32,560 samples × 2 predictions in one transaction round-trip (the time is printed for the
  // record; the benchmark is bench_studio's, docs/benchmarks.md).
  void fullDatasetRoundTrips() {
    const fs::path f = file("full.hap");
    const EvalResult r = result({"rough", "refined"}, 32560, 11);
    ProjectStore store;
    store.open(f);
    QElapsedTimer timer;
    timer.start();
    const auto ids = store.saveRun(runInfo({"rough", "refined"}), r);
    const qint64 saveMs = timer.restart();
    const auto rows = store.loadRun(ids[1]);
    const qint64 loadMs = timer.elapsed();
    qInfo("save 65,120 rows: %lld ms, load 32,560 rows: %lld ms", saveMs, loadMs);
    QCOMPARE(rows.size(), std::size_t(32560));
  }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "TestProjectStore.moc"
