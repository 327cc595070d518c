// The binary cache of parsed numeric JSON: mapped reopen, invalidation, damage, unwritable folders.
#include "io/ArrayCache.h"
#include "util/Error.h"

#include <QTemporaryDir>

#include <unistd.h>
#include <QtTest>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <sys/time.h>

using namespace handalign;

namespace {

// count × rows × 3 values; `salt` changes all of them.
std::vector<double> makeValues(int count, int rows, double salt) {
  std::mt19937_64 rng(static_cast<unsigned>(count * 1000 + rows) + static_cast<unsigned>(salt * 7));
  std::uniform_real_distribution<double> uniform(-0.2, 0.2);
  std::vector<double> values(static_cast<std::size_t>(count) * rows * 3);
  for (double& v : values) v = uniform(rng) + salt;
  return values;
}

std::string listText(const std::vector<double>& values, int count, int rows) {
  std::string s = "[";
  char number[40];
  for (int i = 0; i < count; ++i) {
    s += i ? ", [" : "[";
    for (int r = 0; r < rows; ++r) {
      s += r ? ", [" : "[";
      for (int c = 0; c < 3; ++c) {
        std::snprintf(number, sizeof number, "%s%.17g", c ? ", " : "",
                      values[(static_cast<std::size_t>(i) * rows + r) * 3 + c]);
        s += number;
      }
      s += "]";
    }
    s += "]";
  }
  return s + "]";
}

void writeFile(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

bool equals(const NumericArray& array, const std::vector<double>& values) {
  return array.count() * array.itemSize() == values.size() &&
         (values.empty() ||
          std::memcmp(array.item(0), values.data(), values.size() * sizeof(double)) == 0);
}

std::vector<std::filesystem::path> cacheFiles(const std::filesystem::path& cacheDir) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(cacheDir / "arrays", error))
    files.push_back(entry.path());
  return files;
}

}  // namespace

class TestArrayCache : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> dir_;
  std::filesystem::path root_, cacheDir_, source_;
  static constexpr int kCount = 64;
  static constexpr int kRows = 50;

 private Q_SLOTS:
  void init() {
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    root_ = dir_->path().toStdString();
    cacheDir_ = root_ / "cache";
    qputenv("HANDALIGN_CACHE_DIR", QByteArray::fromStdString(cacheDir_.string()));
    source_ = root_ / "training_verts.json";
    writeFile(source_, listText(makeValues(kCount, kRows, 0), kCount, kRows));
  }

  void cleanup() { dir_.reset(); }

  void cacheDirectoryFollowsEnvironment() {
    QCOMPARE(cacheDirectory(), cacheDir_);
    qunsetenv("HANDALIGN_CACHE_DIR");
    const QByteArray xdg = qgetenv("XDG_CACHE_HOME"), home = qgetenv("HOME");
    qputenv("XDG_CACHE_HOME", "/x/cache");
    QCOMPARE(cacheDirectory(), std::filesystem::path("/x/cache/handalign"));
    qunsetenv("XDG_CACHE_HOME");
    qputenv("HOME", "/home/someone");
    QCOMPARE(cacheDirectory(), std::filesystem::path("/home/someone/.cache/handalign"));
    if (xdg.isNull())
      qunsetenv("XDG_CACHE_HOME");
    else
      qputenv("XDG_CACHE_HOME", xdg);
    qputenv("HOME", home);
  }

  void secondReadIsMapped() {
    const auto values = makeValues(kCount, kRows, 0);
    const NumericArray first = readNumericItemsCached(source_, {kRows, 3});
    QVERIFY(equals(first, values));
    QCOMPARE(cacheFiles(cacheDir_).size(), std::size_t{1});
    const NumericArray second = readNumericItemsCached(source_, {kRows, 3}, 1);
    QVERIFY(second.isMapped());
    QVERIFY(equals(second, values));
    QCOMPARE(second.rows(), kRows);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, const_cast<NumericArray&>(second).mutableItem(0));
    // rows = -1 accepts the cached shape.
    QVERIFY(readNumericItemsCached(source_, {-1, 3}).isMapped());
  }

  void touchingTheSourceInvalidates() {
    QVERIFY(equals(readNumericItemsCached(source_, {kRows, 3}), makeValues(kCount, kRows, 0)));
    // Same size, one digit changed, another modification time.
    std::string text = listText(makeValues(kCount, kRows, 0), kCount, kRows);
    const std::size_t digit = text.find_first_of("123456789", text.size() / 2);
    text[digit] = text[digit] == '9' ? '1' : static_cast<char>(text[digit] + 1);
    writeFile(source_, text);
    struct timeval times[2] = {{1000000000, 0}, {1000000000, 123456}};
    QCOMPARE(::utimes(source_.c_str(), times), 0);
    const NumericArray fresh = readNumericItems(source_, {kRows, 3});
    const std::vector<double> changed(fresh.item(0), fresh.item(0) + kCount * kRows * 3);
    QVERIFY(!equals(fresh, makeValues(kCount, kRows, 0)));
    QVERIFY(equals(readNumericItemsCached(source_, {kRows, 3}), changed));
    // Another size.
    const auto fewer = makeValues(kCount - 1, kRows, 1);
    writeFile(source_, listText(fewer, kCount - 1, kRows));
    const NumericArray reread = readNumericItemsCached(source_, {kRows, 3});
    QCOMPARE(reread.count(), std::size_t{kCount - 1});
    QVERIFY(equals(reread, fewer));
    QVERIFY(readNumericItemsCached(source_, {kRows, 3}).isMapped());
    QCOMPARE(cacheFiles(cacheDir_).size(), std::size_t{1});  // rewritten in place, no leftovers
  }

  void damagedCacheIsRebuilt() {
    const auto values = makeValues(kCount, kRows, 0);
    readNumericItemsCached(source_, {kRows, 3});
    const std::filesystem::path cache = cacheFiles(cacheDir_).at(0);
    const auto fullSize = std::filesystem::file_size(cache);

    {  // a changed byte in the header (in the source path)
      std::fstream f(cache, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(110);
      f.put('#');
    }
    QVERIFY(equals(readNumericItemsCached(source_, {kRows, 3}), values));
    QVERIFY(readNumericItemsCached(source_, {kRows, 3}).isMapped());

    std::filesystem::resize_file(cache, fullSize - 1000);  // truncated
    QVERIFY(equals(readNumericItemsCached(source_, {kRows, 3}), values));
    QCOMPARE(std::filesystem::file_size(cache), fullSize);

    writeFile(cache, "not a cache");  // foreign
    QVERIFY(equals(readNumericItemsCached(source_, {kRows, 3}), values));
    QCOMPARE(std::filesystem::file_size(cache), fullSize);

    std::filesystem::resize_file(cache, 0);
    QVERIFY(equals(readNumericItemsCached(source_, {kRows, 3}), values));
    QVERIFY(readNumericItemsCached(source_, {kRows, 3}).isMapped());
  }

  // Edited payload bytes (a value changed in place, size and header intact) are never served.
  void editedPayloadIsNotServed() {
    const auto values = makeValues(kCount, kRows, 0);
    readNumericItemsCached(source_, {kRows, 3});
    const std::filesystem::path cache = cacheFiles(cacheDir_).at(0);
    const auto size = std::filesystem::file_size(cache);
    {
      std::fstream f(cache, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(std::streamoff(size - 800));  // inside the last items' coordinates
      const double planted = 12345.0;
      f.write(reinterpret_cast<const char*>(&planted), sizeof planted);
    }
    QCOMPARE(std::filesystem::file_size(cache), size);
    const NumericArray again = readNumericItemsCached(source_, {kRows, 3});
    QVERIFY(equals(again, values));
    QVERIFY(equals(readNumericItemsCached(source_, {kRows, 3}), values));  // and rewritten
    QVERIFY(readNumericItemsCached(source_, {kRows, 3}).isMapped());
  }

  // Without HOME the cache is this user's own folder, and a folder others can write is not used.
  void cacheFolderIsPerUser() {
    qunsetenv("HANDALIGN_CACHE_DIR");
    const QByteArray xdg = qgetenv("XDG_CACHE_HOME"), home = qgetenv("HOME");
    qunsetenv("XDG_CACHE_HOME");
    qunsetenv("HOME");
    const std::filesystem::path dir = cacheDirectory();
    if (xdg.isNull())
      qunsetenv("XDG_CACHE_HOME");
    else
      qputenv("XDG_CACHE_HOME", xdg);
    qputenv("HOME", home);
    QCOMPARE(dir.filename().string(), "handalign-cache-" + std::to_string(::geteuid()));
    const std::filesystem::path shared = root_ / "shared";
    std::filesystem::create_directories(shared);
    std::filesystem::permissions(shared, std::filesystem::perms::all);  // 0777
    qputenv("HANDALIGN_CACHE_DIR", QByteArray::fromStdString(shared.string()));
    const auto values = makeValues(kCount, kRows, 0);
    for (int pass = 0; pass < 2; ++pass)
      QVERIFY(equals(readNumericItemsCached(source_, {kRows, 3}), values));
    QVERIFY(cacheFiles(shared).empty());
    QVERIFY(!readNumericItemsCached(source_, {kRows, 3}).isMapped());
  }

  void unwritableCacheFolderStillReads() {
    // A regular file where the folder should be: nothing can be created below it (even as root).
    const std::filesystem::path blocker = root_ / "blocker";
    writeFile(blocker, "x");
    qputenv("HANDALIGN_CACHE_DIR", QByteArray::fromStdString((blocker / "sub").string()));
    const auto values = makeValues(kCount, kRows, 0);
    for (int pass = 0; pass < 2; ++pass) {
      const NumericArray array = readNumericItemsCached(source_, {kRows, 3});
      QVERIFY(!array.isMapped());
      QVERIFY(equals(array, values));
    }
  }

  void verifyingTheChecksumLeavesThePayloadOutOfTheResidentSet() {
    // A 24 MB payload opened from the cache: its checksum reads every byte, which must not leave
    // 24 MB resident (a FreiHAND-size evaluation would be GBs); the numbers are still served.
    const int count = 1000, rows = 1000;
    const auto values = makeValues(count, rows, 3);
    const std::filesystem::path big = root_ / "big.json";
    writeFile(big, listText(values, count, rows));
    readNumericItemsCached(big, {rows, 3});  // parses and writes the cache
    const auto residentBytes = [] {
      std::ifstream statm("/proc/self/statm");
      long size = 0, resident = 0;
      statm >> size >> resident;
      return double(resident) * double(sysconf(_SC_PAGESIZE));
    };
    const double before = residentBytes();
    const NumericArray array = readNumericItemsCached(big, {rows, 3});
    const double grown = residentBytes() - before;
    QVERIFY(array.isMapped());
    QVERIFY2(grown < 8e6, qPrintable(QString("resident set grew by %1 MB").arg(grown / 1e6)));
    QVERIFY(equals(array, values));
  }
  void itemsOfNoRowsAreCached() {
    // A joints-only prediction file: vertex items with no rows. Caching it must not divide by the
    // item size (0 bytes), and it reads back the same.
    const auto joints = makeValues(2, 21, 5);
    const std::filesystem::path file = root_ / "joints_only.json";
    writeFile(file, "[" + listText(joints, 2, 21) + ", [[], []]]");
    for (int pass = 0; pass < 2; ++pass) {  // parses and caches, then reads the cache
      const std::vector<NumericArray> lists =
          readNumericItemListsCached(file, {ItemShape{21, 3}, ItemShape{-1, 3}});
      QCOMPARE(lists.size(), std::size_t(2));
      QVERIFY(equals(lists[0], joints));
      QCOMPARE(lists[1].count(), std::size_t(2));
      QCOMPARE(lists[1].rows(), 0);
    }
  }
  void releaseItemsKeepsDataReadable() {
    const auto values = makeValues(kCount, kRows, 0);
    readNumericItemsCached(source_, {kRows, 3});
    const NumericArray array = readNumericItemsCached(source_, {kRows, 3});
    QVERIFY(array.isMapped());
    QVERIFY(equals(array, values));
    array.releaseItems(0, array.count());
    array.releaseItems(5, 3);                   // empty range: no effect
    array.releaseItems(10, array.count() + 9);  // clamped
    QVERIFY(equals(array, values));
    QCOMPARE(array.points(kCount - 1)(kRows - 1, 2), values.back());
    // Owned arrays ignore it.
    NumericArray owned(4, 2, 3);
    owned.mutableItem(3)[5] = 7.5;
    owned.releaseItems(0, 4);
    QCOMPARE(owned.item(3)[5], 7.5);
    QVERIFY(!owned.isMapped());
  }

  void predictionListsAreCached() {
    const auto xyz = makeValues(10, 21, 2), verts = makeValues(10, 30, 3);
    const std::filesystem::path pred = root_ / "pred.json";
    writeFile(pred, "[" + listText(xyz, 10, 21) + ",\n" + listText(verts, 10, 30) + "]");
    for (int pass = 0; pass < 2; ++pass) {
      const auto lists = readNumericItemListsCached(pred, {{21, 3}, {30, 3}});
      QCOMPARE(lists.size(), std::size_t{2});
      QVERIFY(lists[0].isMapped() && lists[1].isMapped());
      QVERIFY(equals(lists[0], xyz));
      QVERIFY(equals(lists[1], verts));
    }
  }

  void emptyListIsCached() {
    writeFile(source_, "[]");
    QCOMPARE(readNumericItemsCached(source_, {778, 3}).count(), std::size_t{0});
    const NumericArray again = readNumericItemsCached(source_, {778, 3});
    QCOMPARE(again.count(), std::size_t{0});
    QVERIFY(again.isMapped());
  }

  void badInputIsReportedAndNotCached() {
    writeFile(source_, "[[[1, 2, 3]], [[1, 2]]]");
    try {
      readNumericItemsCached(source_, {1, 3});
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY(QString(e.what()).contains("training_verts.json"));
      QVERIFY(QString(e.what()).contains("row 0 has 2 numbers"));
    }
    QVERIFY(cacheFiles(cacheDir_).empty());
    QVERIFY_THROWS_EXCEPTION(InputError, readNumericItemsCached(root_ / "missing.json", {1, 3}));
  }

  void otherShapeReparses() {
    readNumericItemsCached(source_, {kRows, 3});
    try {
      readNumericItemsCached(source_, {kRows + 1, 3});
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY2(QString(e.what()).contains("expected 51 rows of 3 numbers, found 50 rows"),
               e.what());
    }
  }
};

QTEST_APPLESS_MAIN(TestArrayCache)
#include "TestArrayCache.moc"
