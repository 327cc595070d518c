// FigureGrid and its exports (PNG size and DPI, SVG text, PDF embedded fonts, provenance) and the
// `handalign figure` command, offscreen.
#include "FigureExport.h"
#include "FigureSelection.h"

#include "TestSupport.h"

#include "canvas/PartPalette.h"
#include "eval/EvalSession.h"

#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace fs = std::filesystem;
using namespace handalign;

class TestFigureGrid : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void testParseWidth();
  void testWorstSamples();
  void testPngSizeDpiAndColours();
  void testSvgHasTextTitles();
  void testPdfEmbedsTrueType();
  void testProvenance();
  void testCliWorst();
  void testCliBadInput();

 private:
  std::unique_ptr<FigureGrid> makeGrid(double widthInches, int dpi) const;
  QTemporaryDir tmp_;
  fs::path data_, out_;
  EvalSession session_;
};

void TestFigureGrid::initTestCase() {
  QVERIFY(tmp_.isValid());
  data_ = test::synthDataset(fs::path(tmp_.path().toStdString()), 6, 5);
  out_ = fs::path(tmp_.path().toStdString()) / "out";
  EvalRequest r;
  r.dataset = data_;
  r.predictions = {{"rough", data_ / "pred_rough.json"}, {"refined", data_ / "pred_refined.json"}};
  r.version = "test";
  session_ = openEvalSession(r);
}

std::unique_ptr<FigureGrid> TestFigureGrid::makeGrid(double widthInches, int dpi) const {
  FigureOptions o;
  o.widthInches = widthInches;
  o.dpi = dpi;
  const FigureSource source{*session_.dataset, session_.model, session_.predictions};
  const std::vector<std::size_t> samples = {1, 3};
  return std::make_unique<FigureGrid>(source, samples, o, metricsFor(session_.context(), samples));
}

void TestFigureGrid::testParseWidth() {
  double w = 0;
  QVERIFY(parseFigureWidth("column", w) && w == 3.33);
  QVERIFY(parseFigureWidth("text", w) && w == 6.9);
  QVERIFY(parseFigureWidth("5.5", w) && w == 5.5);
  QVERIFY(!parseFigureWidth("5.5in", w));
  QVERIFY(!parseFigureWidth("0.2", w));
  QVERIFY(!parseFigureWidth("wide", w));
}

void TestFigureGrid::testWorstSamples() {
  EvalResult result;
  result.predictionNames = {"a"};
  const double miou[] = {0.9, 0.5, std::nan(""), 0.7}, hd[] = {1.0, 9.0, 3.0, 5.0};
  for (std::size_t i = 0; i < 4; ++i) {
    SampleRow row;
    row.index = i, row.pred = "a", row.m.handMiou = miou[i], row.m.handHd95 = hd[i];
    result.rows.push_back(row);
  }
  QCOMPARE(worstSamples(result, "a", "hand_miou", 2), (std::vector<std::size_t>{1, 3}));
  QCOMPARE(worstSamples(result, "a", "hand_hd95", 3), (std::vector<std::size_t>{1, 3, 2}));
  QCOMPARE(worstSamples(result, "a", "hand_miou", 9).back(), std::size_t(2));  // NaN last
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, worstSamples(result, "a", "nope", 1));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, worstSamples(result, "b", "hand_miou", 1));
}

// Pixels of `cell` that equal the pixel of `input` at the same place blended with part colour `c`
// (the overlay's 70 % alpha), within a tolerance; pixels already close to c do not count.
static int blendMatches(const QImage& image, const QRect& input, const QRect& cell,
                        const QColor& c) {
  int n = 0;
  for (int y = 0; y < std::min(input.height(), cell.height()); ++y)
    for (int x = 0; x < std::min(input.width(), cell.width()); ++x) {
      const QColor i = image.pixelColor(input.left() + x, input.top() + y);
      const QColor o = image.pixelColor(cell.left() + x, cell.top() + y);
      if (std::abs(i.red() - c.red()) + std::abs(i.green() - c.green()) +
              std::abs(i.blue() - c.blue()) <
          90)
        continue;
      const double d = std::abs(o.red() - (0.3 * i.red() + 0.7 * c.red())) +
                       std::abs(o.green() - (0.3 * i.green() + 0.7 * c.green())) +
                       std::abs(o.blue() - (0.3 * i.blue() + 0.7 * c.blue()));
      if (d <= 24) ++n;
    }
  return n;
}

void TestFigureGrid::testPngSizeDpiAndColours() {
  const auto grid = makeGrid(3.33, 300);
  QCOMPARE(grid->columnCount(), 5);  // input | rough | refined | GT | 3D
  QCOMPARE(grid->rowCount(), 2);
  const fs::path file = out_ / "grid.png";
  writeFigure(*grid, session_.info, file);
  QImage png(QString::fromStdString(file.string()));
  QVERIFY(!png.isNull());
  QCOMPARE(png.width(), int(std::lround(3.33 * 300)));
  QCOMPARE(png.size(), grid->pixelSize(300));
  QVERIFY(std::abs(png.dotsPerMeterX() * 0.0254 - 300) < 1.0);
  png.save("/tmp/figure.png");

  const double scale = 300 / FigureGrid::kUnitsPerInch;
  auto cellPixels = [&](int row, int col) {
    const QRectF r = grid->cellRect(row, col);
    return QRectF(r.topLeft() * scale, r.size() * scale).toAlignedRect().adjusted(2, 2, -2, -2);
  };
  for (int row = 0; row < 2; ++row)
    for (int part = 1; part <= kPartCount; ++part) {
      const QColor c = kPartPalette[std::size_t(part)];
      QCOMPARE(blendMatches(png, cellPixels(row, 0), cellPixels(row, 0), c), 0);  // control
      for (int col : {2, 3}) {  // refined and GT show every part
        const int overlay = blendMatches(png, cellPixels(row, 0), cellPixels(row, col), c);
        QVERIFY2(overlay > 50, qPrintable(QStringLiteral("row %1 col %2 part %3: %4 pixels")
                                              .arg(row)
                                              .arg(col)
                                              .arg(part)
                                              .arg(overlay)));
      }
    }
  // The 3D cell is shaded meshes on white: some white background, some GT green-ish pixels.
  const QRect view = cellPixels(0, 4);
  int white = 0, shaded = 0;
  for (int y = view.top(); y <= view.bottom(); ++y)
    for (int x = view.left(); x <= view.right(); ++x)
      (png.pixel(x, y) == qRgb(255, 255, 255) ? white : shaded)++;
  QVERIFY(white > view.width() * view.height() / 10);
  QVERIFY(shaded > view.width() * view.height() / 10);
}

void TestFigureGrid::testSvgHasTextTitles() {
  const auto grid = makeGrid(6.9, 150);
  const fs::path file = out_ / "grid.svg";
  writeFigure(*grid, session_.info, file);
  const QString svg = QString::fromStdString(test::readText(file));
  QVERIFY(svg.startsWith("<?xml") || svg.contains("<svg"));
  for (const QString& title : grid->columnTitles())
    QVERIFY2(
        QRegularExpression("<text[^>]*>\\s*" + QRegularExpression::escape(title) + "\\s*</text>")
            .match(svg)
            .hasMatch(),
        qPrintable(title));
  QVERIFY(svg.contains(QString::fromStdString(session_.dataset->sampleId(3))));
}

void TestFigureGrid::testPdfEmbedsTrueType() {
  const auto grid = makeGrid(3.33, 150);
  const fs::path file = out_ / "grid.pdf";
  writeFigure(*grid, session_.info, file);
  const std::string pdf = test::readText(file);
  QVERIFY(pdf.rfind("%PDF", 0) == 0);
  QVERIFY(pdf.find("/FontFile2") != std::string::npos);
  QVERIFY(pdf.find("/MediaBox") != std::string::npos);
}

void TestFigureGrid::testProvenance() {
  const auto grid = makeGrid(3.33, 100);
  const fs::path file = out_ / "prov.png";
  const fs::path json = writeFigure(*grid, session_.info, file);
  QCOMPARE(json, out_ / "prov.png.json");
  const QJsonObject o =
      QJsonDocument::fromJson(QByteArray::fromStdString(test::readText(json))).object();
  QCOMPARE(o["dataset"].toObject()["format"].toString(), QStringLiteral("freihand"));
  const QJsonArray samples = o["samples"].toArray();
  QCOMPARE(samples.size(), 2);
  QCOMPARE(samples[1].toObject()["id"].toString(),
           QString::fromStdString(session_.dataset->sampleId(3)));
  const QJsonArray preds = o["predictions"].toArray();
  QCOMPARE(preds.size(), 2);
  QCOMPARE(preds[1].toObject()["name"].toString(), QStringLiteral("refined"));
  QCOMPARE(preds[1].toObject()["fingerprint"].toString(),
           QString::fromStdString(session_.info.predictionFingerprints[1]));
  QVERIFY(!preds[1].toObject()["fingerprint"].toString().isEmpty());
  QCOMPARE(o["conventions"].toObject()["hd_mode"].toString(), QStringLiteral("max"));
  QCOMPARE(o["figure"].toObject()["dpi"].toInt(), 100);
}

void TestFigureGrid::testCliWorst() {
  const QString out = QString::fromStdString((out_ / "cli" / "worst.pdf").string());
  const auto r = test::runCli(
      {"figure", "--dataset", QString::fromStdString(data_.string()), "--pred",
       QString::fromStdString("rough=" + (data_ / "pred_rough.json").string()), "--pred",
       QString::fromStdString("refined=" + (data_ / "pred_refined.json").string()), "--out", out,
       "--worst", "2", "--by", "hand_miou", "--of", "refined", "--width", "text", "--quiet"});
  QVERIFY2(r.exitCode == 0, qPrintable(r.err));
  QVERIFY(QFile::exists(out));
  QFile json(out + ".json");
  QVERIFY(json.open(QIODevice::ReadOnly));
  QCOMPARE(QJsonDocument::fromJson(json.readAll()).object()["samples"].toArray().size(), 2);
}

void TestFigureGrid::testCliBadInput() {
  const fs::path dir = out_ / "bad";
  const QString ds = QString::fromStdString(data_.string());
  const QString refined =
      QString::fromStdString("refined=" + (data_ / "pred_refined.json").string());
  const QString out = QString::fromStdString((dir / "f.png").string());
  auto r = test::runCli({"figure", "--dataset", ds, "--pred", refined, "--out", out, "--worst", "2",
                         "--by", "no_such_metric", "--of", "refined"});
  QCOMPARE(r.exitCode, 2);
  QVERIFY(r.err.contains("no_such_metric"));
  r = test::runCli({"figure", "--dataset", ds, "--pred",
                    QString::fromStdString("refined=" + (data_ / "missing.json").string()), "--out",
                    out, "--samples", QString::fromStdString(session_.dataset->sampleId(0))});
  QCOMPARE(r.exitCode, 1);
  QVERIFY(r.err.contains("missing.json"));
  r = test::runCli(
      {"figure", "--dataset", ds, "--pred", refined, "--out", out, "--samples", "no-such-sample"});
  QCOMPARE(r.exitCode, 1);
  QVERIFY(r.err.contains("no-such-sample"));
  QVERIFY(!fs::exists(dir / "f.png"));
  QVERIFY(!fs::exists(dir / "f.png.json"));
}

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  TestFigureGrid test;
  return QTest::qExec(&test, argc, argv);
}

#include "TestFigureGrid.moc"
