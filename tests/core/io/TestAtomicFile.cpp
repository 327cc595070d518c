// Atomic writes cannot be redirected: a link planted under a temporary's name (the old
// predictable `.<name>.tmp-<pid>`) or any other is never followed, and temporaries left by a
// killed writer are removed on the next write, as links, without touching what they point to.
#include "io/AtomicFile.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace handalign;
namespace fs = std::filesystem;

namespace {
std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
int countTemporaries(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    n += e.path().filename().string().find(".tmp-") != std::string::npos;
  return n;
}
}  // namespace

class TestAtomicFile : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void aPlantedLinkIsNeverFollowed() {
    QTemporaryDir dir, outside;
    const fs::path target = fs::path(dir.path().toStdString()) / "summary.json";
    const fs::path victim = fs::path(outside.path().toStdString()) / "victim.txt";
    { std::ofstream(victim) << "keep me"; }
    // The name the old code used for this process's next write.
    const fs::path planted =
        target.parent_path() / (".summary.json.tmp-" + std::to_string(::getpid()));
    fs::create_symlink(victim, planted);
    writeFileAtomically(target, "new contents");
    QCOMPARE(readAll(target), std::string("new contents"));
    QCOMPARE(readAll(victim), std::string("keep me"));  // not written through the link
    QVERIFY(fs::is_symlink(fs::symlink_status(planted)) ||
            !fs::exists(fs::symlink_status(planted)));
    StagedOutputs staged(target.parent_path());
    staged.add("table.csv", "a,b\n");
    staged.commit();
    AtomicWriter w(target.parent_path() / "per_sample.csv");
    w.write("x", 1);
    w.commit();
    QCOMPARE(readAll(victim), std::string("keep me"));
  }

  void twoWritesUseDifferentTemporaries() {
    QTemporaryDir dir;
    const fs::path a = fs::path(dir.path().toStdString()) / "a.txt";
    AtomicWriter first(a), second(a);  // two writers of one file at once: neither clobbers
    first.write("first", 5);
    second.write("second", 6);
    second.commit();
    first.commit();
    QCOMPARE(readAll(a), std::string("first"));
    QCOMPARE(countTemporaries(a.parent_path()), 0);
  }

  void temporariesOfADeadWriterAreRemoved() {
    QTemporaryDir dir, outside;
    const fs::path target = fs::path(dir.path().toStdString()) / "mask.png";
    const fs::path victim = fs::path(outside.path().toStdString()) / "victim.txt";
    { std::ofstream(victim) << "keep me"; }
    // A child that exits: its pid is then dead (and not reused this quickly in practice).
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    const std::string dead = std::to_string(child);
    {
      std::ofstream(target.parent_path() / (".mask.png.tmp-" + dead + "-0123456789abcdef"))
          << "half";
    }
    fs::create_symlink(victim,
                       target.parent_path() / (".mask.png.tmp-" + dead + "-fedcba9876543210"));
    // One of a live process (this one) stays: it may be mid-write.
    {
      std::ofstream(target.parent_path() / (".mask.png.tmp-" + std::to_string(::getpid()) + "-00"))
          << "busy";
    }
    QCOMPARE(countTemporaries(target.parent_path()), 3);
    writeFileAtomically(target, "png");
    QCOMPARE(countTemporaries(target.parent_path()), 1);  // the dead writer's two are gone
    QCOMPARE(readAll(victim), std::string("keep me"));    // the link went, not its target
  }

  void anUnwritableFolderNamesTheFile() {
    const fs::path target = "/proc/handalign-no-such-dir/out.json";
    try {
      writeFileAtomically(target, "x");
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY(std::string(e.what()).find("out.json") != std::string::npos);
    }
  }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "TestAtomicFile.moc"
