// Durability: a writer saving corrected masks and journal entries in a loop is killed with
// SIGKILL at random moments, 30 times. After every kill, before any repair, each mask file decodes
// and is a journaled version (the new one of its newest entry, or, for a save in flight, each layer
// the old or the new one) and the database passes integrity_check; after reopening, every sample
// is exactly its newest journaled version and nothing is left pending or half written.
#include "project/AnnotationSession.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fstream>
#include <iterator>
#include <random>

using namespace handalign;
namespace fs = std::filesystem;

namespace {

constexpr int kW = 48, kH = 40;  // as in AnnotationCrashWriter.cpp
constexpr std::size_t kSamples = 8;
const DatasetKey kKey{"/crash/dataset", "synthetic", "training", kSamples};

SampleCatalog catalog() {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < kSamples; ++i) ids.push_back("0000000" + std::to_string(i));
  return SampleCatalog(kW, kH, ids);
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string sha(const std::string& bytes) {
  if (bytes.empty()) return "none";
  return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256)
      .toHex()
      .toStdString();
}

// (hand, parts) layer ids of a MaskFiles::hash() string; "none" for a missing layer.
std::pair<std::string, std::string> layersOf(const std::string& hash) {
  if (hash.empty()) return {"none", "none"};
  const std::string parts = hash.substr(hash.find('/') + 1);
  return {hash.substr(0, hash.find('/')), parts == "-" ? "none" : parts};
}

bool integrityOk(const fs::path& file) {
  bool ok = false;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "integrity");
    db.setDatabaseName(QString::fromStdString(file.string()));
    if (db.open()) {
      QSqlQuery q(db);
      ok = q.exec("PRAGMA integrity_check") && q.next() && q.value(0).toString() == "ok";
    }
  }
  QSqlDatabase::removeDatabase("integrity");
  return ok;
}

std::vector<fs::path> temporaryFiles(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;  // a folder not created yet (killed during the first start) has none
  for (const char* sub : {"mask", "parts"})
    for (const auto& e : fs::directory_iterator(folder / sub, ec))
      if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path());
  return out;
}

}  // namespace

class TestAnnotationDurability : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  std::size_t midSave_ = 0;  // kills that left a save whose files had not all landed

  // The state a kill left, before anything repairs it.
  void checkAfterKill(const fs::path& projectFile, const fs::path& folder) {
    if (!fs::exists(projectFile)) return;  // killed before it was created
    QVERIFY2(integrityOk(projectFile), "PRAGMA integrity_check failed");
    ProjectStore project;
    project.open(projectFile);
    const std::int64_t datasetId = project.datasetId(kKey);
    fs::create_directories(folder);  // killed before the writer made it: still nothing in it
    const AnnotationStore store(folder, catalog(), AnnotationStore::Mode::ReadOnly);
    bool interrupted = !temporaryFiles(folder).empty();
    for (std::size_t i = 0; i < kSamples; ++i) {
      const std::string hand = readAll(store.maskPath(i)), parts = readAll(store.partsPath(i));
      // Never a corrupt file: every layer on disk decodes and passes the checks.
      if (fs::exists(store.maskPath(i)))
        decodeMaskLayer(hand, MaskLayer::Hand, kW, kH, store.maskPath(i));
      if (fs::exists(store.partsPath(i)))
        decodeMaskLayer(parts, MaskLayer::Parts, kW, kH, store.partsPath(i));
      const std::vector<JournalEntry> journal = project.journal(datasetId, i);
      const JournalEntry* newest = nullptr;
      for (const JournalEntry& e : journal) {
        if (!e.changesMask) continue;
        newest = &e;
        // Every journaled previous version decodes, so any rollback works.
        const MaskFiles prev = project.previousVersion(e.id);
        if (!prev.hand.empty()) decodeMaskFiles(prev, kW, kH, "prev hand", "prev parts");
      }
      const std::pair<std::string, std::string> disk{sha(hand), sha(parts)};
      const std::string where =
          "sample " + std::to_string(i) + ": files " + disk.first + " / " + disk.second;
      if (!newest) {
        QVERIFY2(disk == std::make_pair(std::string("none"), std::string("none")),
                 (where + " without a journal entry").c_str());
        continue;
      }
      const auto next = layersOf(newest->newHash);
      if (newest->applied) {
        QVERIFY2(disk == next, (where + ", its newest entry " + newest->newHash).c_str());
        continue;
      }
      const MaskFiles prev = project.previousVersion(newest->id);
      const std::pair<std::string, std::string> before{sha(prev.hand), sha(prev.parts)};
      QVERIFY2(disk.first == next.first || disk.first == before.first,
               ("hand mask of sample " + std::to_string(i) + " is no journaled version").c_str());
      QVERIFY2(disk.second == next.second || disk.second == before.second,
               ("part layer of sample " + std::to_string(i) + " is no journaled version").c_str());
      if (disk != next) interrupted = true;
    }
    if (interrupted) ++midSave_;
  }

  // Reopening repairs: every sample is its newest journaled version, nothing pending or temporary.
  void checkAfterReopen(const fs::path& projectFile, const fs::path& folder) {
    ProjectStore project;
    project.open(projectFile);
    AnnotationSession session(project, folder, catalog(), kKey);
    QVERIFY(temporaryFiles(folder).empty());
    QVERIFY(project.pendingEntries(session.datasetId()).empty());
    for (std::size_t i = 0; i < kSamples; ++i) {
      std::string newest;
      for (const JournalEntry& e : session.journal(i))
        if (e.changesMask) newest = e.newHash;
      QCOMPARE(session.store().readFiles(i).hash(), newest);
      QCOMPARE(session.load(i).has_value(), !newest.empty());
    }
    QVERIFY(integrityOk(projectFile));
  }

 private Q_SLOTS:
  void killDuringSavesLosesNothingButTheSaveInFlight() {
    const QString writer = QCoreApplication::applicationDirPath() + "/annotation_crash_writer";
    QVERIFY2(QFile::exists(writer), qPrintable(writer));
    const fs::path projectFile = fs::path(dir_.path().toStdString()) / "crash.handalign";
    const fs::path folder = fs::path(dir_.path().toStdString()) / "crash.annotations" / "training";
    std::mt19937 rng(20261123);
    std::size_t entries = 0;
    const int kills = 30;
    for (int k = 0; k < kills; ++k) {
      QProcess p;
      p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
      p.start(writer, {QString::fromStdString(projectFile.string()),
                       QString::fromStdString(folder.string()), QString::number(k)});
      QVERIFY(p.waitForStarted());
      // Every fifth kill lands anywhere from start-up on (also while it repairs the last kill's
      // save); the others while it is saving.
      if (k % 5 != 0) QVERIFY2(p.waitForReadyRead(10000), "writer did not start");
      QThread::msleep(rng() % (k % 5 == 0 ? 80 : 150));
      p.kill();  // SIGKILL
      QVERIFY(p.waitForFinished(10000));
      if (p.exitStatus() == QProcess::NormalExit)
        QFAIL(qPrintable("the writer stopped by itself: exit " + QString::number(p.exitCode())));
      try {
        checkAfterKill(projectFile, folder);
      } catch (const std::exception& e) {
        QFAIL(qPrintable(QString("after kill %1: %2").arg(k).arg(e.what())));
      }
      if (QTest::currentTestFailed()) return;
      checkAfterReopen(projectFile, folder);
      if (QTest::currentTestFailed()) return;
      ProjectStore project;
      project.open(projectFile);
      std::size_t n = 0;
      for (std::size_t i = 0; i < kSamples; ++i)
        n += project.journal(project.datasetId(kKey), i).size();
      entries = n;
    }
    qInfo("%d kills, %zu journal entries, %zu kills interrupted a save's files", kills, entries,
          midSave_);
    QVERIFY2(entries > std::size_t(kills), "the writer hardly wrote anything");
  }

  // Deterministic: the writer kills itself (HANDALIGN_KILL_AT=N) at the N-th fault point, i.e.
  // before the journal entry, between entry and files, between the part and the hand layer, and
  // after a save, for N = 1..40 (several saves, reverts and rollbacks, every step of each).
  void killAtEveryStepOfASave() {
    const QString writer = QCoreApplication::applicationDirPath() + "/annotation_crash_writer";
    const fs::path projectFile = fs::path(dir_.path().toStdString()) / "steps.handalign";
    const fs::path folder = fs::path(dir_.path().toStdString()) / "steps.annotations" / "training";
    for (int step = 1; step <= 40; ++step) {
      QProcess p;
      p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      env.insert("HANDALIGN_KILL_AT", QString::number(step));
      p.setProcessEnvironment(env);
      p.start(writer, {QString::fromStdString(projectFile.string()),
                       QString::fromStdString(folder.string()), QString::number(step)});
      QVERIFY(p.waitForFinished(30000));
      QCOMPARE(p.exitStatus(), QProcess::CrashExit);  // killed itself at that step
      try {
        checkAfterKill(projectFile, folder);
      } catch (const std::exception& e) {
        QFAIL(qPrintable(QString("after the kill at step %1: %2").arg(step).arg(e.what())));
      }
      if (QTest::currentTestFailed()) return;
      checkAfterReopen(projectFile, folder);
      if (QTest::currentTestFailed()) return;
    }
  }
};

QTEST_GUILESS_MAIN(TestAnnotationDurability)
#include "TestAnnotationDurability.moc"
