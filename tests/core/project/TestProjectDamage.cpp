// ProjectStore against damaged files and other processes: a truncated or damaged file fails
// instead of reading as less data, writers of several processes never see "database is locked",
// and a second studio is refused with a notice naming the first.
#include "project/ProjectStore.h"
#include "util/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <fstream>
#include <vector>

using namespace handalign;
namespace fs = std::filesystem;

namespace {

template <class F>
QString inputError(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

// A project with `n` review states (many pages of the review table).
std::int64_t writeReviews(const fs::path& f, std::size_t n) {
  ProjectStore store;
  store.open(f);
  const std::int64_t id = store.datasetId(DatasetKey{"/data", "freihand", "training", n});
  for (std::size_t i = 0; i < n; ++i)
    store.setReviewState(SampleRef{id, i, "sample-with-a-long-identifier-" + std::to_string(i)},
                         ReviewState::Accepted);
  return id;
}

pid_t forkStudio(const fs::path& f) {  // a child holding the project as a studio does
  int ready[2];
  if (pipe(ready) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(ready[0]);
    ProjectStore store;
    store.open(f, ProjectStore::Access::Studio);
    if (write(ready[1], "1", 1) != 1) _exit(2);
    pause();
    _exit(0);
  }
  close(ready[1]);
  char c = 0;
  if (read(ready[0], &c, 1) != 1) return -1;
  close(ready[0]);
  return pid;
}

}  // namespace

class TestProjectDamage : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  fs::path file(const char* name) const { return fs::path(dir_.path().toStdString()) / name; }

 private Q_SLOTS:
  void truncatedFileIsRefused() {
    const fs::path f = file("truncated.hap");
    writeReviews(f, 1000);
    const auto size = fs::file_size(f);
    QVERIFY(!fs::exists(f.string() + "-wal") || fs::file_size(f.string() + "-wal") == 0);
    fs::resize_file(f, size / 2 / 4096 * 4096);
    ProjectStore store;
    const QString e = inputError([&] { store.open(f); });
    QVERIFY2(e.contains(QString::fromStdString(f.string())) && e.contains("truncated"),
             qPrintable(e));
    QVERIFY(!store.isOpen());
  }

  // A page in the middle of the review table overwritten: the query fails; it never returns the
  // rows before the damage as if they were all.
  void damagedPageFailsTheRead() {
    const fs::path f = file("damaged.hap");
    const std::int64_t id = writeReviews(f, 1000);
    qint64 page = 0;  // a leaf half-way through the review table: rows before it read fine
    {
      QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "raw");
      db.setDatabaseName(QString::fromStdString(f.string()));
      QVERIFY(db.open());
      QSqlQuery q(
          "SELECT pageno FROM dbstat WHERE name = 'review' AND pagetype = 'leaf' "
          "ORDER BY path",
          db);
      std::vector<qint64> leaves;
      while (q.next()) leaves.push_back(q.value(0).toLongLong());
      QVERIFY2(leaves.size() > 10, qPrintable(QString::number(leaves.size())));
      page = leaves[leaves.size() / 2];
    }
    QSqlDatabase::removeDatabase("raw");
    {
      std::fstream io(f, std::ios::in | std::ios::out | std::ios::binary);
      io.seekp(std::streamoff((page - 1) * 4096));
      const std::string garbage(4096, '\xA5');
      io.write(garbage.data(), std::streamsize(garbage.size()));
    }
    ProjectStore store;
    QString e;
    std::size_t read = 0;
    e = inputError([&] {
      store.open(f);
      read = store.reviewRecords(id).size();
    });
    QVERIFY2(!e.isEmpty(),
             qPrintable(QString("read %1 of 1000 records without an error").arg(read)));
    QVERIFY2(e.contains(QString::fromStdString(f.string())), qPrintable(e));
  }

  // Two processes writing review states and datasets at once (the studio saving while
  // `annotations export` runs): every write succeeds, none is lost.
  void concurrentWritersAllSucceed() {
    const fs::path f = file("busy.hap");
    writeReviews(f, 1);
    const pid_t pid = fork();
    if (pid == 0) {
      try {
        ProjectStore store;
        store.open(f);
        for (std::size_t i = 0; i < 150; ++i) {
          const std::int64_t id = store.datasetId(DatasetKey{"/child", "freihand", "training", i});
          store.setReviewState(SampleRef{id, i, "c" + std::to_string(i)},
                               ReviewState::NeedsAnotherLook);
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "child: %s\n", e.what());
        _exit(1);
      }
      _exit(0);
    }
    QString e = inputError([&] {
      ProjectStore store;
      store.open(f);
      for (std::size_t i = 0; i < 150; ++i) {
        const std::int64_t id = store.datasetId(DatasetKey{"/parent", "freihand", "training", i});
        store.setReviewState(SampleRef{id, i, "p" + std::to_string(i)}, ReviewState::Accepted);
      }
    });
    int status = 0;
    QCOMPARE(waitpid(pid, &status, 0), pid);
    QVERIFY2(e.isEmpty(), qPrintable(e));
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    ProjectStore store;
    store.open(f);
    const std::int64_t child = store.datasetId(DatasetKey{"/child", "freihand", "training", 149});
    const std::int64_t parent = store.datasetId(DatasetKey{"/parent", "freihand", "training", 149});
    QCOMPARE(store.reviewRecords(child).size(), std::size_t(150));
    QCOMPARE(store.reviewRecords(parent).size(), std::size_t(150));
  }

  void secondStudioIsRefused() {
    const fs::path f = file("studio.hap");
    writeReviews(f, 1);
    const pid_t pid = forkStudio(f);
    QVERIFY(pid > 0);
    ProjectStore second;
    const QString e = inputError([&] { second.open(f, ProjectStore::Access::Studio); });
    QVERIFY2(e.contains(QString::fromStdString(f.string())) &&
                 e.contains("another HandAlign Studio") && e.contains(QString("pid %1").arg(pid)),
             qPrintable(e));
    QVERIFY(!second.isOpen());
    // A command-line writer is not a studio: it still opens (SQLite serialises the writes).
    ProjectStore cli;
    cli.open(f);
    QVERIFY(cli.isOpen());
    cli.close();
    // The first studio dies: its lock is stale and the next studio opens the project.
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    second.open(f, ProjectStore::Access::Studio);
    QVERIFY(second.isOpen());
    // Within one studio, a second store of the same project is no second writer.
    ProjectStore again;
    again.open(f, ProjectStore::Access::Studio);
    QVERIFY(again.isOpen());
  }
};

QTEST_GUILESS_MAIN(TestProjectDamage)
#include "TestProjectDamage.moc"
