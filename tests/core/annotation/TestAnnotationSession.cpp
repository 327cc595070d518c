// AnnotationSession: the journal (who, what, the previous version), rollback, review states,
// resume, and the repair of saves that a killed process left pending.
#include "project/AnnotationSession.h"
#include "util/Error.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace handalign;
namespace fs = std::filesystem;

namespace {

constexpr int kW = 36, kH = 28;

SampleCatalog catalog(std::size_t n) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08zu", i);
    ids.push_back(buf);
  }
  return SampleCatalog(kW, kH, ids);
}

const DatasetKey kKey{"/data/freihand", "freihand", "training", 10};

MaskAnnotation annotation(unsigned seed, bool parts = false) {
  std::mt19937 rng(seed);
  MaskAnnotation a;
  a.hand.reset(kW, kH);
  if (parts) a.parts.reset(kW, kH);
  const int x0 = int(rng() % 10), y0 = int(rng() % 10), x1 = x0 + 5 + int(rng() % 20);
  for (int y = y0; y < kH; ++y)
    for (int x = x0; x < std::min(kW, x1); ++x) {
      a.hand.at(x, y) = 1;
      if (parts) a.parts.at(x, y) = std::uint8_t(1 + (x + y) % 6);
    }
  return a;
}

bool same(const std::optional<MaskAnnotation>& a, const MaskAnnotation& b) {
  return a && a->hand.pixels == b.hand.pixels && a->parts.pixels == b.parts.pixels;
}

}  // namespace

class TestAnnotationSession : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  fs::path file(const std::string& name) const {
    return fs::path(dir_.path().toStdString()) / name;
  }

 private Q_SLOTS:
  void folderSitsNextToTheProject() {
    QCOMPARE(annotationFolderFor("/x/projects/3f2a.handalign", "training").string(),
             std::string("/x/projects/3f2a.annotations/training"));
    QCOMPARE(annotationFolderFor("/x/p.handalign", "training:2").string(),
             std::string("/x/p.annotations/training"));  // image versions share the masks
    QCOMPARE(annotationScope("evaluation"), std::string("evaluation"));
  }

  void journalKeepsEveryVersionAndRollsBack() {
    qputenv("USER", "annotator-a");
    ProjectStore project;
    project.open(file("journal.handalign"));
    AnnotationSession session(project, file("journal.annotations"), catalog(10), kKey);
    const MaskAnnotation v1 = annotation(1), v2 = annotation(2, true), v3 = annotation(3);

    const std::int64_t e1 = session.save(4, v1, "brush");
    QVERIFY(e1 > 0);
    QCOMPARE(session.save(4, v1, "save"), std::int64_t(0));  // unchanged: no entry, no write
    const std::int64_t e2 = session.save(4, v2, "polygon fill");
    const std::int64_t e3 = session.save(4, v3, "GrabCut");
    QVERIFY(same(session.load(4), v3));

    const auto journal = session.journal(4);
    QCOMPARE(journal.size(), std::size_t(3));
    QCOMPARE(journal[0].action, std::string("brush"));
    QCOMPARE(journal[0].user, std::string("annotator-a"));
    QVERIFY(!journal[0].hadCorrection);
    QVERIFY(journal[1].hadCorrection && journal[2].hadCorrection);
    QCOMPARE(journal[0].sample.id, std::string("00000004"));
    QVERIFY(journal[0].time.size() >= 20 && journal[0].time.back() == 'Z');  // ISO 8601 UTC
    QCOMPARE(journal[2].newHash, encodeMaskAnnotation(v3).hash());
    for (const auto& e : journal) QVERIFY(e.changesMask);
    QVERIFY(journal[0].applied && journal[1].applied);  // marked by the next save's transaction

    QVERIFY(!session.versionBefore(e1).has_value());
    QVERIFY(same(session.versionBefore(e2), v1));
    QVERIFY(same(session.versionBefore(e3), v2));

    // Rolling back e3 restores v2 (with its parts), and is itself journaled.
    qputenv("USER", "annotator-b");
    const std::int64_t r = session.rollback(e3);
    QVERIFY(same(session.load(4), v2));
    QVERIFY(session.store().hasParts(4));
    const JournalEntry re = project.journalEntry(r);
    QCOMPARE(re.action, "rollback to #" + std::to_string(e3));
    QCOMPARE(re.user, std::string("annotator-b"));
    QVERIFY(same(session.versionBefore(r), v3));  // so the rollback can be undone too
    // Rolling back the first save removes the correction: the original mask applies again.
    session.rollback(e1);
    QVERIFY(!session.store().hasCorrection(4));
    QVERIFY(!session.store().hasParts(4));
    QCOMPARE(session.revert(4), std::int64_t(0));  // nothing to revert
    session.save(4, v1, "brush");
    QVERIFY(session.revert(4) > 0);
    QVERIFY(!session.store().hasCorrection(4));
    QCOMPARE(session.journal(4).size(), std::size_t(7));
    QVERIFY_THROWS_EXCEPTION(InputError, session.rollback(987654));
    const std::int64_t datasetId = session.datasetId();
    {
      QCOMPARE(project.pendingEntries(datasetId).size(), std::size_t(1));  // the last save
      // Opening finds that entry's files on disk and clears it; its own last save stays pending
      // until it closes.
      AnnotationSession closing(project, file("journal.annotations"), catalog(10), kKey);
      closing.save(6, v1, "brush");
      QCOMPARE(project.pendingEntries(datasetId).size(), std::size_t(1));
      QCOMPARE(project.pendingEntries(datasetId)[0].sample.index, std::size_t(6));
    }
    QVERIFY(project.pendingEntries(datasetId).empty());
  }

  void reviewStatesAndResume() {
    ProjectStore project;
    project.open(file("review.handalign"));
    {
      AnnotationSession session(project, file("review.annotations"), catalog(10), kKey);
      std::vector<ReviewState> states = session.reviewStates();
      QCOMPARE(states.size(), std::size_t(10));
      for (ReviewState s : states) QVERIFY(s == ReviewState::Todo);
      session.save(2, annotation(4), "brush");  // editing a "todo" sample starts it
      session.setReviewState(3, ReviewState::Accepted);
      session.setReviewState(5, ReviewState::NeedsAnotherLook);
      session.setReviewState(3, ReviewState::NeedsAnotherLook);
      session.save(3, annotation(5), "brush");  // not "todo": stays as it was
      states = session.reviewStates();
      QVERIFY(states[2] == ReviewState::InProgress);
      QVERIFY(states[3] == ReviewState::NeedsAnotherLook);
      QVERIFY(states[5] == ReviewState::NeedsAnotherLook);
      QVERIFY(states[0] == ReviewState::Todo);
      const auto journal = session.journal(3);
      QCOMPARE(journal.size(), std::size_t(3));
      QCOMPARE(journal[0].action, std::string("review: accepted"));
      QVERIFY(!journal[0].changesMask);
      QVERIFY_THROWS_EXCEPTION(InputError, session.rollback(journal[0].id));
      session.setResume(7, "polygon");
    }
    AnnotationSession again(project, file("review.annotations"), catalog(10), kKey);
    const auto resume = again.resume();
    QVERIFY(resume.has_value());
    QCOMPARE(resume->sampleIndex, std::size_t(7));
    QCOMPARE(resume->sampleId, std::string("00000007"));
    QCOMPARE(resume->tool, std::string("polygon"));
    // Another dataset of the same project does not resume there.
    AnnotationSession other(project, file("other.annotations"), catalog(10),
                            DatasetKey{"/data/other", "generic", "test", 10});
    QVERIFY(!other.resume().has_value());
    QVERIFY(other.reviewStates()[3] == ReviewState::Todo);
    QVERIFY(toString(ReviewState::NeedsAnotherLook) == "needs_another_look");
    ReviewState parsed;
    QVERIFY(parseReviewState("in_progress", parsed) && parsed == ReviewState::InProgress);
    QVERIFY(!parseReviewState("done", parsed));
  }

  // The sample browser reads all 32,560 states of FreiHAND's training split in one query.
  void allReviewStatesAreQuick() {
    const fs::path f = file("many.handalign");
    std::int64_t datasetId = 0;
    {
      ProjectStore project;
      project.open(f);
      datasetId = project.datasetId(DatasetKey{"/data/freihand", "freihand", "training", 32560});
    }
    {
      QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "bulk");
      db.setDatabaseName(QString::fromStdString(f.string()));
      QVERIFY(db.open());
      QSqlQuery q(db);
      QVERIFY(q.exec(
          QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i "
                         "< 32559) INSERT INTO review SELECT %1, i, printf('%08d', i), CASE i % 4 "
                         "WHEN 0 THEN 'todo' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'accepted' "
                         "ELSE 'needs_another_look' END, '2026-01-01T00:00:00Z', 'x' FROM n")
              .arg(datasetId)));
    }
    QSqlDatabase::removeDatabase("bulk");
    ProjectStore project;
    project.open(f);
    QElapsedTimer timer;
    timer.start();
    const auto records = project.reviewRecords(datasetId);
    const qint64 ms = timer.elapsed();
    qInfo("32,560 review states: %lld ms", ms);
    QCOMPARE(records.size(), std::size_t(32560));
    QVERIFY(records[32559].state == ReviewState::NeedsAnotherLook);
    QCOMPARE(records[32559].sampleId, std::string("00032559"));
    QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
  }

  // A save killed after its journal commit: the next open writes the version the entry keeps.
  void pendingSavesAreFinishedOnOpen() {
    ProjectStore project;
    project.open(file("pending.handalign"));
    const fs::path folder = file("pending.annotations");
    const MaskAnnotation v1 = annotation(6, true), v2 = annotation(7, true), v3 = annotation(8);
    std::int64_t datasetId = 0;
    {
      AnnotationSession session(project, folder, catalog(10), kKey);
      datasetId = session.datasetId();
      session.save(1, v1, "brush");
      session.save(2, v1, "brush");
      session.save(3, v1, "brush");
    }
    AnnotationStore store(folder, catalog(10));
    const MaskFiles f1 = encodeMaskAnnotation(v1), f2 = encodeMaskAnnotation(v2),
                    f3 = encodeMaskAnnotation(v3);
    auto ref = [&](std::size_t i) { return SampleRef{datasetId, i, catalog(10).id(i)}; };
    // Sample 1: killed before any file landed. Sample 2: killed between the part layer and the
    // hand mask. Sample 3: killed after both files, before the entry was marked. Sample 4: a first
    // correction that never landed. Sample 5: a revert that never landed.
    const std::int64_t p1 = project.recordSave(ref(1), "brush", store.readFiles(1), f2);
    project.recordSave(ref(2), "brush", store.readFiles(2), f2);
    test::writeText(store.partsPath(2), f2.parts);
    project.recordSave(ref(3), "GrabCut", store.readFiles(3), f3);
    store.write(3, f3);
    project.recordSave(ref(4), "brush", MaskFiles{}, f3);
    store.save(5, v1);
    project.recordSave(ref(5), "revert to original", store.readFiles(5), MaskFiles{});
    QCOMPARE(project.pendingEntries(datasetId).size(), std::size_t(5));
    QVERIFY(!project.journalEntry(p1).applied);

    AnnotationSession session(project, folder, catalog(10), kKey);
    QCOMPARE(session.repairedSaves(), std::size_t(5));
    QVERIFY(project.pendingEntries(datasetId).empty());
    QVERIFY(same(session.load(1), v2));
    QVERIFY(same(session.load(2), v2));
    QVERIFY(same(session.load(3), v3));
    QVERIFY(!session.store().hasParts(3));
    QVERIFY(same(session.load(4), v3));
    QVERIFY(!session.store().hasCorrection(5));
    QVERIFY(same(session.versionBefore(p1), v1));  // the history stays whole
    // Opening again finds nothing to do.
    AnnotationSession third(project, folder, catalog(10), kKey);
    QCOMPARE(third.repairedSaves(), std::size_t(0));
  }

  // A pending entry whose kept bytes are not the version it recorded (a damaged project), or do
  // not decode as a mask of the sample, never replaces a good corrected mask: the files stay, the
  // entry stays pending and is reported.
  void untrustedPendingCopiesAreNotWritten() {
    ProjectStore project;
    project.open(file("untrusted.handalign"));
    const fs::path folder = file("untrusted.annotations");
    const MaskAnnotation good = annotation(11, true), other = annotation(12, true);
    std::int64_t datasetId = 0;
    {
      AnnotationSession session(project, folder, catalog(10), kKey);
      datasetId = session.datasetId();
      session.save(1, good, "brush");
      session.save(2, good, "brush");
    }
    AnnotationStore store(folder, catalog(10));
    const std::string goodBytes = store.readFiles(1).hand;
    auto ref = [&](std::size_t i) { return SampleRef{datasetId, i, catalog(10).id(i)}; };
    // Sample 1: a pending entry for `other`, whose kept copy is then replaced by other bytes.
    const std::int64_t tampered =
        project.recordSave(ref(1), "brush", store.readFiles(1), encodeMaskAnnotation(other));
    {
      QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "tamper");
      db.setDatabaseName(QString::fromStdString(file("untrusted.handalign").string()));
      QVERIFY(db.open());
      QSqlQuery q(db);
      q.prepare("UPDATE journal SET pending_hand = ? WHERE id = ?");
      q.addBindValue(QByteArray("not the recorded version"));
      q.addBindValue(qint64(tampered));
      QVERIFY(q.exec());
    }
    QSqlDatabase::removeDatabase("tamper");
    // Sample 2: a kept copy that is its recorded version but no PNG at all.
    const std::int64_t broken =
        project.recordSave(ref(2), "brush", store.readFiles(2), MaskFiles{"garbage", ""});

    AnnotationSession session(project, folder, catalog(10), kKey);
    QCOMPARE(int(session.unrepairableSaves().size()), 2);
    QVERIFY(session.unrepairableSaves()[0].find("not the version it recorded") !=
            std::string::npos);
    QVERIFY(session.unrepairableSaves()[1].find("does not decode") != std::string::npos);
    QCOMPARE(store.readFiles(1).hand, goodBytes);  // the good correction is untouched
    QVERIFY(same(session.load(1), good));
    QVERIFY(same(session.load(2), good));
    QVERIFY(!project.journalEntry(tampered).applied);  // left pending, for a later look
    QVERIFY(!project.journalEntry(broken).applied);
  }

  // Writes are measured here because the editor saves after every stroke.
  void saveIsQuickEnoughPerStroke() {
    ProjectStore project;
    project.open(file("speed.handalign"));
    AnnotationSession session(project, file("speed.annotations"), catalog(10), kKey);
    QElapsedTimer timer;
    timer.start();
    const int n = 20;
    for (int i = 0; i < n; ++i)
      session.save(std::size_t(i % 10), annotation(100 + i, i % 2), "brush");
    const double ms = double(timer.elapsed()) / n;
    qInfo("save (journal + files + fsyncs), %dx%d: %.1f ms", kW, kH, ms);
    QVERIFY2(ms < 500, qPrintable(QString::number(ms)));
  }
};

QTEST_GUILESS_MAIN(TestAnnotationSession)
#include "TestAnnotationSession.moc"
