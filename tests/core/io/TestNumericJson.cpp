// readNumericItems / readNumericItemLists: exact values, layouts, threads and every bad-input
// message.
#include "io/NumericJson.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace handalign;

namespace {

std::string format17(double v) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}

// Python json.dump style: "[[[x, y, z], ...], ...]" with ", " separators.
std::string pythonStyle(const std::vector<std::vector<std::vector<double>>>& items) {
  std::string s = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    s += i ? ", [" : "[";
    for (std::size_t r = 0; r < items[i].size(); ++r) {
      s += r ? ", [" : "[";
      for (std::size_t c = 0; c < items[i][r].size(); ++c)
        s += (c ? ", " : "") + format17(items[i][r][c]);
      s += "]";
    }
    s += "]";
  }
  return s + "]";
}

std::vector<std::vector<std::vector<double>>> randomItems(int count, int rows, int cols,
                                                          unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-12, 3);
  std::vector<std::vector<std::vector<double>>> items(count);
  for (auto& item : items) {
    item.assign(rows, std::vector<double>(cols));
    for (auto& row : item)
      for (double& v : row) v = uniform(rng) * std::pow(10.0, exponent(rng));
  }
  return items;
}

bool sameDouble(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

class TestNumericJson : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int fileCounter_ = 0;

  std::filesystem::path write(const std::string& text, const char* name = nullptr) {
    const std::string fileName = name ? name : "input" + std::to_string(fileCounter_++) + ".json";
    const std::filesystem::path file = std::filesystem::path(dir_.path().toStdString()) / fileName;
    std::ofstream out(file, std::ios::binary);
    out << text;
    return file;
  }

  void compare(const NumericArray& array,
               const std::vector<std::vector<std::vector<double>>>& items) {
    QCOMPARE(array.count(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
      for (std::size_t r = 0; r < items[i].size(); ++r)
        for (std::size_t c = 0; c < items[i][r].size(); ++c) {
          const double got = array.item(i)[r * array.cols() + c];
          if (!sameDouble(got, items[i][r][c]))
            QFAIL(qPrintable(QString("item %1 row %2 col %3: %4 != %5")
                                 .arg(i)
                                 .arg(r)
                                 .arg(c)
                                 .arg(QString::fromStdString(format17(got)))
                                 .arg(QString::fromStdString(format17(items[i][r][c])))));
        }
  }

  // The InputError of reading `text` names the file and contains `keyword`.
  void expectError(const std::string& text, ItemShape shape, const QString& keyword) {
    const std::filesystem::path file = write(text);
    try {
      readNumericItems(file, shape, 2);
    } catch (const InputError& e) {
      const QString message = QString::fromUtf8(e.what());
      QVERIFY2(message.contains(QString::fromStdString(file.filename().string())),
               qPrintable(message));
      QVERIFY2(message.contains(keyword), qPrintable(message));
      QCOMPARE(e.file(), file);
      return;
    }
    QFAIL(qPrintable("no InputError for: " + QString::fromStdString(text.substr(0, 80))));
  }

  void expectListsError(const std::string& text, const std::vector<ItemShape>& shapes,
                        const QString& keyword) {
    const std::filesystem::path file = write(text);
    try {
      readNumericItemLists(file, shapes, 2);
    } catch (const InputError& e) {
      const QString message = QString::fromUtf8(e.what());
      QVERIFY2(message.contains(QString::fromStdString(file.filename().string())),
               qPrintable(message));
      QVERIFY2(message.contains(keyword), qPrintable(message));
      return;
    }
    QFAIL("no InputError");
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void exactValuesRoundTrip() {
    auto items = randomItems(40, 778, 3, 1);
    items[0][0] = {5e-324, 2.2250738585072014e-308, 1.7976931348623157e308};
    items[0][1] = {0.1, -0.30000000000000004, 123456789.12345679};
    items[0][2] = {1e-05, -2.5e-10, 0.0};
    compare(readNumericItems(write(pythonStyle(items)), {778, 3}), items);
  }

  void whitespaceVariants() {
    const std::vector<std::vector<std::vector<double>>> items = {{{1.5, -2, 3e2}, {4, 5, 6}},
                                                                 {{7, 8, 9}, {0.25, 0.5, 0.75}}};
    const std::vector<std::string> texts = {
        "[[[1.5,-2,3e2],[4,5,6]],[[7,8,9],[0.25,0.5,0.75]]]",
        "[\n  [\n    [\n      1.5,\n      -2,\n      3e2\n    ],\n    [4, 5, 6]\n  ],\n"
        "  [[7, 8, 9], [0.25, 0.5, 0.75]]\n]\n",
        "\t[ [ [1.5 , -2 , 3e2 ] , [ 4,5,6 ] ] ,\r\n[[7,8,9],[0.25,0.5,0.75]] ]\r\n",
        "\xEF\xBB\xBF[[[1.5, -2, 3E+2], [4.0, 5.0, 6.0]], [[7, 8, 9], [25e-2, 5E-1, 0.75]]]"};
    for (const std::string& text : texts) compare(readNumericItems(write(text), {2, 3}), items);
  }

  void exponentsAndSpecialNumbers() {
    const auto array =
        readNumericItems(write("[[[1e-05, 1E+3, -2.5e-10], [5e-324, 1.7976931348623157e308, "
                               "123456789012345678901234]]]"),
                         {2, 3});
    QCOMPARE(array.item(0)[0], 1e-05);
    QCOMPARE(array.item(0)[1], 1000.0);
    QCOMPARE(array.item(0)[2], -2.5e-10);
    QCOMPARE(array.item(0)[3], 5e-324);
    QCOMPARE(array.item(0)[4], 1.7976931348623157e308);
    QCOMPARE(array.item(0)[5], 1.2345678901234568e+23);
  }

  void longDecimalsAreExact() {
    // More than 19 significant digits after "0." (simdjson 3.0.1 alone gets these wrong).
    const auto array = readNumericItems(
        write("[[[0.95000000000000000000, -0.500022816658020019531, 0.12345678901234567890123],"
              " [123.45678901234567890123, 0.000000000000000000001, 1234567890123456789012e-22]]]"),
        {2, 3});
    QCOMPARE(array.item(0)[0], 0.95);
    QCOMPARE(array.item(0)[1], -0.500022816658020019531);
    QCOMPARE(array.item(0)[2], 0.12345678901234567890123);
    QCOMPARE(array.item(0)[3], 123.45678901234567890123);
    QCOMPARE(array.item(0)[4], 1e-21);
    QCOMPARE(array.item(0)[5], 0.1234567890123456789012);
  }

  void negativeZero() {
    const auto array = readNumericItems(write("[[[-0.0, 0.0, -0]]]"), {1, 3});
    QVERIFY(std::signbit(array.item(0)[0]));
    QVERIFY(!std::signbit(array.item(0)[1]));
    QVERIFY(std::signbit(array.item(0)[2]));
  }

  void cameraMatrices() {
    const auto items = randomItems(25, 3, 3, 2);
    const auto array = readNumericItems(write(pythonStyle(items)), {3, 3});
    QCOMPARE(array.rows(), 3);
    QCOMPARE(array.cols(), 3);
    compare(array, items);
  }

  void predictionTwoLists() {
    const auto xyz = randomItems(30, 21, 3, 3);
    const auto verts = randomItems(30, 50, 3, 4);
    const std::string text = "[" + pythonStyle(xyz) + ", " + pythonStyle(verts) + "]";
    const auto lists = readNumericItemLists(write(text), {{21, 3}, {50, 3}});
    QCOMPARE(lists.size(), std::size_t{2});
    compare(lists[0], xyz);
    compare(lists[1], verts);
    QCOMPARE(lists[1].points(29)(49, 2), verts[29][49][2]);
  }

  void anyRowCount() {
    const auto items = randomItems(12, 17, 3, 5);
    const auto array = readNumericItems(write(pythonStyle(items)), {-1, 3});
    QCOMPARE(array.rows(), 17);
    compare(array, items);
    expectError("[[[1,2,3],[4,5,6]], [[1,2,3]]]", {-1, 3},
                "item 1: expected 2 rows of 3 numbers, found 1 row");
  }

  void emptyLists() {
    const auto empty = readNumericItems(write("[]"), {778, 3});
    QCOMPARE(empty.count(), std::size_t{0});
    QVERIFY(empty.empty());
    QCOMPARE(readNumericItems(write(" [ ]\n"), {-1, 3}).count(), std::size_t{0});
    const auto lists = readNumericItemLists(write("[[], []]"), {{21, 3}, {778, 3}});
    QCOMPARE(lists.size(), std::size_t{2});
    QCOMPARE(lists[0].count(), std::size_t{0});
    QCOMPARE(lists[1].count(), std::size_t{0});
  }

  void multiThreadMatchesSingleThread() {
    // ~13 MB: several read blocks, items cut by block ends, many batches per thread.
    const auto items = randomItems(3000, 100, 3, 6);
    const auto file = write(pythonStyle(items));
    const auto one = readNumericItems(file, {100, 3}, 1);
    const auto four = readNumericItems(file, {100, 3}, 4);
    const auto automatic = readNumericItems(file, {100, 3});
    QCOMPARE(one.count(), std::size_t{3000});
    QCOMPARE(four.count(), one.count());
    const std::size_t bytes = one.count() * one.itemSize() * sizeof(double);
    QVERIFY(std::memcmp(one.item(0), four.item(0), bytes) == 0);
    QVERIFY(std::memcmp(one.item(0), automatic.item(0), bytes) == 0);
    compare(one, items);
  }

  void itemLargerThanReadBlock() {
    // Items of ~11 MB, more than a read block (4 MB), so they are carried over block ends.
    const auto big = randomItems(2, 200000, 3, 8);
    compare(readNumericItems(write(pythonStyle(big)), {-1, 3}, 2), big);
    auto mixed = randomItems(3, 2, 3, 7);
    mixed[1] = big[0];
    expectError(pythonStyle(mixed), {-1, 3},
                "item 1: expected 2 rows of 3 numbers, found 200000 rows");
  }

  void firstErrorWinsWhateverTheThreads() {
    auto items = randomItems(2000, 100, 3, 9);
    items[1500].pop_back();
    items[700][50].pop_back();
    const auto file = write(pythonStyle(items));
    for (int threads : {1, 2, 4}) {
      try {
        readNumericItems(file, {100, 3}, threads);
        QFAIL("no error");
      } catch (const InputError& e) {
        QVERIFY2(QString(e.what()).contains(
                     "item 700: expected rows of 3 numbers, row 50 has 2 numbers"),
                 e.what());
      }
    }
  }

  void missingFile() {
    const std::filesystem::path file =
        std::filesystem::path(dir_.path().toStdString()) / "nope.json";
    try {
      readNumericItems(file, {778, 3});
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY(QString(e.what()).contains("nope.json"));
      QVERIFY(QString(e.what()).contains("not found"));
    }
  }

  void malformed_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("keyword");
    QTest::newRow("empty") << QByteArray("") << 2 << "empty file";
    QTest::newRow("whitespace only") << QByteArray("  \n ") << 2 << "empty file";
    QTest::newRow("not JSON") << QByteArray("hello") << 2 << "not JSON (unexpected 'h' at byte 0)";
    QTest::newRow("object") << QByteArray("{\"a\": 1}") << 2 << "expected a top-level list";
    QTest::newRow("truncated") << QByteArray("[[[1,2,3],[4,5,6]], [[1,2,3]") << 2
                               << "truncated (the top-level list is not closed)";
    QTest::newRow("truncated in number")
        << QByteArray("[[[1,2,3],[4,5,6]], [[1,2,3],[4,5,") << 2 << "truncated";
    QTest::newRow("too few rows") << QByteArray("[[[1,2,3],[4,5,6]], [[1,2,3]]]") << 2
                                  << "item 1: expected 2 rows of 3 numbers, found 1 row";
    QTest::newRow("too many rows") << QByteArray("[[[1,2,3],[4,5,6],[7,8,9]]]") << 2
                                   << "item 0: expected 2 rows of 3 numbers, found 3 rows";
    QTest::newRow("short row") << QByteArray("[[[1,2,3],[4,5]]]") << 2 << "row 1 has 2 numbers";
    QTest::newRow("long row") << QByteArray("[[[1,2,3,4],[4,5,6]]]") << 2 << "row 0 has 4 numbers";
    QTest::newRow("NaN") << QByteArray("[[[1,2,3],[4,5,6]], [[1,NaN,3],[4,5,6]]]") << 2
                         << "item 1: NaN or infinite value";
    QTest::newRow("Infinity") << QByteArray("[[[1,2,Infinity],[4,5,6]]]") << 2
                              << "item 0: NaN or infinite value";
    QTest::newRow("-Infinity") << QByteArray("[[[1,2,3],[-Infinity,5,6]]]") << 2
                               << "NaN or infinite value";
    QTest::newRow("overflow") << QByteArray("[[[1,2,3],[4,1e400,6]]]") << 2
                              << "NaN or infinite value";
    QTest::newRow("string") << QByteArray("[[[1,2,3],[4,\"5\",6]]]") << 2
                            << "strings are not allowed";
    QTest::newRow("string outside")
        << QByteArray("[[[1,2,3],[4,5,6]], \"x\"]") << 2 << "strings are not allowed";
    QTest::newRow("trailing garbage")
        << QByteArray("[[[1,2,3],[4,5,6]]] x") << 2 << "trailing characters";
    QTest::newRow("second value") << QByteArray("[[[1,2,3],[4,5,6]]] []") << 2
                                  << "trailing characters";
    QTest::newRow("missing comma") << QByteArray("[[[1,2,3] [4,5,6]]]") << 2 << "not JSON";
    QTest::newRow("missing comma between items")
        << QByteArray("[[[1,2,3],[4,5,6]] [[1,2,3],[4,5,6]]]") << 2 << "not JSON (unexpected '['";
    QTest::newRow("trailing comma")
        << QByteArray("[[[1,2,3],[4,5,6]],]") << 2 << "not JSON (unexpected ']'";
    QTest::newRow("double comma") << QByteArray("[[[1,,3],[4,5,6]]]") << 2
                                  << "not JSON (unexpected ','";
    QTest::newRow("bad number") << QByteArray("[[[1.,2,3],[4,5,6]]]") << 2
                                << "not JSON (malformed number '1.'";
    QTest::newRow("null") << QByteArray("[[[1,null,3],[4,5,6]]]") << 2
                          << "expected a number, found 'null'";
    QTest::newRow("number as item")
        << QByteArray("[[[1,2,3],[4,5,6]], 7]") << 2 << "item 1: expected a list of rows";
    QTest::newRow("number as row")
        << QByteArray("[[[1,2,3], 4]]") << 2 << "row 1: expected a list of 3 numbers";
    QTest::newRow("binary") << QByteArray("[[[1,2,3],[4,5,\xff]]]") << 2
                            << "not JSON (unexpected byte 0xFF";
  }

  void malformed() {
    QFETCH(QByteArray, text);
    QFETCH(int, rows);
    QFETCH(QString, keyword);
    expectError(text.toStdString(), {rows, 3}, keyword);
  }

  void malformedPredictions() {
    expectListsError("[[[[1,2,3]]]]", {{1, 3}, {1, 3}}, "expected a list of 2 lists, found 1");
    expectListsError("[[[[1,2,3]]], [[[1,2,3]]], []]", {{1, 3}, {1, 3}},
                     "expected a list of 2 lists, found 3");
    expectListsError("[[[[1,2,3]], [[1,2,3]]], [[[1,2,3]]]]", {{1, 3}, {1, 3}},
                     "lists have different lengths (2 vs 1)");
    expectListsError("[[[[1,2,3]]], 5]", {{1, 3}, {1, 3}}, "expected a list of lists");
    expectListsError("[[[[1,2,3]]], [[[1,2]]]]", {{1, 3}, {1, 3}},
                     "list 1, item 0: expected rows of 3 numbers");
  }
};

QTEST_APPLESS_MAIN(TestNumericJson)
#include "TestNumericJson.moc"
