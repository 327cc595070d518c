#include "Baseline.h"

#include "TestSupport.h"

#include <QDir>
#include <QTest>

#include <algorithm>
#include <cstdlib>

namespace handalign::test {

double baselineDifference(const QImage& actual, const QImage& expected, int tolerance,
                          QImage& diff) {
  diff = QImage(actual.size(), QImage::Format_RGB32);
  diff.fill(Qt::black);
  int bad = 0;
  for (int y = 0; y < actual.height(); ++y)
    for (int x = 0; x < actual.width(); ++x) {
      const QRgb a = actual.pixel(x, y), e = expected.pixel(x, y);
      const int d = std::max({std::abs(qRed(a) - qRed(e)), std::abs(qGreen(a) - qGreen(e)),
                              std::abs(qBlue(a) - qBlue(e))});
      if (d > tolerance)
        ++bad, diff.setPixel(x, y, qRgb(255, 0, 255));
      else
        diff.setPixel(x, y, qRgb(qGray(e) / 3, qGray(e) / 3, qGray(e) / 3));
    }
  return double(bad) / double(std::max(1, actual.width() * actual.height()));
}

void compareWithBaseline(const QImage& rendered, const QString& folder, const QString& name,
                         int tolerance, double maxFraction) {
  const QImage actual = rendered.convertToFormat(QImage::Format_RGB32);
  const QString baseline = QString::fromStdString(
      (sourceDir() / "tests" / folder.toStdString() / (name.toStdString() + ".png")).string());
  if (qEnvironmentVariableIsSet("HANDALIGN_UPDATE_BASELINES")) {
    QVERIFY(actual.save(baseline));
    QSKIP("baseline rewritten");
  }
  const QImage expected = QImage(baseline).convertToFormat(QImage::Format_RGB32);
  QVERIFY2(!expected.isNull(), qPrintable("missing baseline " + baseline));
  QCOMPARE(actual.size(), expected.size());
  QImage diff;
  const double bad = baselineDifference(actual, expected, tolerance, diff);
  if (bad > maxFraction) {
    const QString out = QDir::currentPath() + "/" + name;
    actual.save(out + "-actual.png");
    diff.save(out + "-diff.png");
    QFAIL(qPrintable(QString("%1: %2 % of pixels differ; see %3-actual.png and %3-diff.png")
                         .arg(name)
                         .arg(bad * 100, 0, 'f', 2)
                         .arg(out)));
  }
}

}  // namespace handalign::test
