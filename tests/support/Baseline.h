// Render baselines for GUI tests: compare a rendering with a stored PNG within a tolerance.
#pragma once

#include <QImage>
#include <QString>

namespace handalign::test {

// Compares `actual` with tests/<folder>/<name>.png of the source tree. Fails the current test
// (QFAIL) when more than `maxFraction` of the pixels differ by more than `tolerance` in some
// channel, after writing <name>-actual.png and <name>-diff.png (magenta = differing pixel) to the
// working folder. HANDALIGN_UPDATE_BASELINES=1 rewrites the baseline instead (review before
// committing) and skips the test.
void compareWithBaseline(const QImage& actual, const QString& folder, const QString& name,
                         int tolerance = 3, double maxFraction = 0.002);

// Fraction of pixels differing by more than `tolerance` in some channel; `diff` shows them.
double baselineDifference(const QImage& actual, const QImage& expected, int tolerance,
                          QImage& diff);

}  // namespace handalign::test
