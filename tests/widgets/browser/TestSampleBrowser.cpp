// Sample browser: columns, numeric sort with NaN last, filter expressions, the refined-worse
// filter, errors, and a QTableView over 32,560 rows.
#include "browser/SampleFilterProxy.h"
#include "browser/SampleTableModel.h"

#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <random>

using namespace handalign;

namespace {
constexpr double kNaN = SampleMetrics::kNaN;

// Run `name` over samples 0..n-1 with finger_miou / finger_hd95 from the lists (others NaN).
RunSamples run(const QString& name, const std::vector<double>& fingerMiou,
               const std::vector<double>& fingerHd) {
  RunSamples r{name, {}};
  for (std::size_t i = 0; i < fingerMiou.size(); ++i) {
    SampleRow row;
    row.index = i;
    row.sample = "s" + std::to_string(i);
    row.pred = name.toStdString();
    row.m.fingerMiou = fingerMiou[i];
    row.m.fingerHd95 = fingerHd[i];
    r.rows.push_back(row);
  }
  return r;
}

// rough / refined over 5 samples: refined improves sample 0 and 2, worsens 1 and 3, 4 is missing.
void fill(SampleTableModel& model) {
  std::vector<RunSamples> runs;
  runs.push_back(run("rough", {0.70, 0.80, 0.50, 0.90, kNaN}, {9.0, 5.0, 12.0, 3.0, kNaN}));
  runs.push_back(run("refined", {0.75, 0.78, 0.60, 0.85, 0.40}, {7.0, 6.0, 8.5, 4.0, kNaN}));
  model.setRuns(std::move(runs), 0);
}

std::vector<int> sampleOrder(const QAbstractItemModel& proxy) {
  std::vector<int> order;
  for (int r = 0; r < proxy.rowCount(); ++r)
    order.push_back(proxy.index(r, SampleTableModel::IndexColumn).data(Qt::UserRole).toInt());
  return order;
}
}  // namespace

class TestSampleBrowser : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void columnsPerRunAndDeltas() {
    SampleTableModel model;
    fill(model);
    QCOMPARE(model.rowCount(), 5);
    const int perRun = int(metricColumns().size());
    QCOMPARE(model.columnCount(), 2 + 2 * perRun + int(SampleTableModel::deltaMetrics().size()));
    const int refinedMiou = model.columnIndex("refined.finger_miou");
    QVERIFY(refinedMiou > 1);
    QString why;  // two methods: a bare name could mean either, so it names none
    QCOMPARE(model.columnIndex("finger_miou", &why), -1);
    QVERIFY2(why.contains("ambiguous") && why.contains("rough.finger_miou"), qPrintable(why));
    QCOMPARE(model.columnIndex("nope.finger_miou"), -1);
    const int delta = model.deltaColumn("finger_miou");
    QCOMPARE(model.columnName(delta), QString("delta.refined.finger_miou"));
    QCOMPARE(model.columnIndex("delta.finger_miou"), delta);  // one delta run: unambiguous
    QCOMPARE(model.columnMetric(delta), findMetric("finger_miou"));
    QVERIFY(std::abs(model.value(0, delta) - 0.05) < 1e-12);
    QVERIFY(std::isnan(model.value(4, delta)));
    QCOMPARE(model.index(1, delta).data().toString(), QString("-0.0200"));
    QCOMPARE(model.index(0, delta).data().toString(), QString("+0.0500"));
    QCOMPARE(model.index(4, delta).data().toString(), QString("—"));
    QCOMPARE(model.index(3, SampleTableModel::SampleColumn).data().toString(), QString("s3"));
  }

  void missingSamplesAreNaN() {
    SampleTableModel model;
    std::vector<RunSamples> runs;
    runs.push_back(run("a", {0.1, 0.2}, {1, 2}));
    RunSamples b = run("b", {0.3, 0.4, 0.5}, {3, 4, 5});
    b.rows.erase(b.rows.begin());  // b lacks sample 0, a lacks sample 2
    runs.push_back(b);
    model.setRuns(std::move(runs));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.deltaColumn("finger_miou"), -1);
    QVERIFY(std::isnan(model.value(0, model.columnIndex("b.finger_miou"))));
    QVERIFY(std::isnan(model.value(2, model.columnIndex("a.finger_miou"))));
    QCOMPARE(model.index(2, 1).data().toString(), QString("s2"));
  }

  void sortIsNumericWithNaNLast() {
    SampleTableModel model;
    fill(model);
    SampleFilterProxy proxy;
    proxy.setSourceModel(&model);
    const int col = model.columnIndex("rough.finger_hd95");
    proxy.sort(col, Qt::AscendingOrder);
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{3, 1, 0, 2, 4}));
    proxy.sort(col, Qt::DescendingOrder);
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{2, 0, 1, 3, 4}));
    proxy.sort(model.deltaColumn("finger_miou"), Qt::AscendingOrder);
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{3, 1, 0, 2, 4}));
  }

  void filterExpressions() {
    SampleTableModel model;
    fill(model);
    SampleFilterProxy proxy;
    proxy.setSourceModel(&model);
    QVERIFY(!proxy.setFilterExpression("finger_hd95 > 6.5"));  // which method? never guessed
    QVERIFY(proxy.errorString().contains("ambiguous"));
    QVERIFY(proxy.setFilterExpression("refined.finger_hd95 > 6.5"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{0, 2}));
    QVERIFY(proxy.setFilterExpression("rough.finger_hd95 >= 9 and refined.finger_miou < 0.7"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{2}));
    QVERIFY(proxy.setFilterExpression("refined.finger_miou <= 0.6 or rough.finger_hd95 == 3"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{2, 3, 4}));
    // Sample 4 has no finger_hd95: `not` does not bring it back.
    QVERIFY(proxy.setFilterExpression("not (refined.finger_hd95 != 6) AND index < 1e1"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{1}));
    QVERIFY(proxy.setFilterExpression("not refined.finger_hd95 > 6 or index == 4"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{1, 3, 4}));
    // NaN satisfies no comparison, in either direction.
    QVERIFY(proxy.setFilterExpression("rough.finger_miou < 0.75 or rough.finger_miou >= 0.75"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{0, 1, 2, 3}));
    QVERIFY(proxy.setFilterExpression("delta.finger_hd95 > -2.5"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{0, 1, 3}));
    QVERIFY(proxy.setFilterExpression("  "));
    QCOMPARE(proxy.rowCount(), 5);
  }

  void reviewStatesColumnAndFilter() {
    SampleTableModel model;
    fill(model);
    SampleFilterProxy proxy;
    proxy.setSourceModel(&model);
    QCOMPARE(model.reviewColumn(), -1);
    QVERIFY(!proxy.setFilterExpression("review == accepted"));  // no such column yet
    model.setReviewStates({0, 2, 2, 3, 1});
    const int col = model.reviewColumn();
    QCOMPARE(col, model.columnCount() - 1);
    QCOMPARE(model.columnName(col), QString("review"));
    QCOMPARE(model.index(3, col).data().toString(), QString("needs another look"));
    QVERIFY(proxy.setFilterExpression("review == accepted"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{1, 2}));
    QVERIFY(proxy.setFilterExpression("review != TODO and refined.finger_hd95 < 8"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{1, 3}));
    model.setReviewState(1, 3);  // one sample changes: the filter follows at once
    QVERIFY(proxy.setFilterExpression("review == accepted"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{2}));
    fill(model);  // new runs keep the states
    QCOMPARE(model.value(2, model.reviewColumn()), 2.0);
    QVERIFY(!proxy.setFilterExpression("review == approved"));
    model.setReviewStates({});
    QCOMPARE(model.reviewColumn(), -1);
  }

  void liveMetricsUpdateOneRowAndItsDeltas() {
    SampleTableModel model;
    fill(model);
    SampleMetrics m;
    m.fingerMiou = 0.95, m.fingerHd95 = 2.0;
    model.setSampleMetrics(1, 3, m);  // refined, sample 3
    QCOMPARE(model.value(3, model.columnIndex("refined.finger_miou")), 0.95);
    QVERIFY(std::abs(model.value(3, model.deltaColumn("finger_miou")) - 0.05) < 1e-12);
    QCOMPARE(model.value(2, model.columnIndex("refined.finger_miou")), 0.60);  // others unchanged
    QCOMPARE(model.rowOfIndex(4), 4);
    QCOMPARE(model.rowOfIndex(9), -1);
  }

  void methodWorseThanMethod() {
    SampleTableModel model;
    fill(model);
    SampleFilterProxy proxy;
    proxy.setSourceModel(&model);
    QVERIFY(proxy.setFilterExpression("refined worse than rough"));  // default: finger mIoU
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{1, 3}));
    QVERIFY(proxy.setFilterExpression("rough worse than refined"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{0, 2}));
    QVERIFY(proxy.setFilterExpression("refined better than rough"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{0, 2}));
    // HD95: lower is better, so worse means larger (sample 1: 6 > 5, sample 3: 4 > 3).
    QVERIFY(proxy.setFilterExpression("refined worse than rough on finger_hd95"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{1, 3}));
    proxy.setWorseMetric("finger_hd95");
    QVERIFY(proxy.setFilterExpression("Refined Worse Than Rough and rough.finger_hd95 < 4"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{3}));
    QVERIFY(!proxy.setFilterExpression("ours worse than rough"));
    QVERIFY(proxy.errorString().contains("no method named 'ours'"));
    QVERIFY(!proxy.setFilterExpression("refined worse than rough on bogus"));
    QVERIFY(proxy.errorString().contains("unknown metric 'bogus'"));
  }

  // Any number of methods with any names: every method gets its columns and, against the
  // reference the user picks, its delta columns; the reference can change.
  void sixMethodsAgainstAPickedReference() {
    SampleTableModel model;
    std::vector<RunSamples> runs;
    const char* names[] = {"baseline", "ours", "i2l", "handar", "hamer", "wilor"};
    for (int k = 0; k < 6; ++k)
      runs.push_back(run(names[k], {0.5 + 0.05 * k, 0.6}, {9.0 - k, 5.0}));
    model.setRuns(std::move(runs), 1);
    QCOMPARE(model.referenceRun(), 1);
    const int perRun = int(metricColumns().size());
    const int deltas = int(SampleTableModel::deltaMetrics().size());
    QCOMPARE(model.columnCount(), 2 + 6 * perRun + 5 * deltas);
    QCOMPARE(model.deltaColumn(1, "finger_miou"), -1);  // the reference has none
    QVERIFY(std::abs(model.value(0, model.columnIndex("delta.wilor.finger_miou")) - 0.20) < 1e-12);
    QVERIFY(std::abs(model.value(0, model.columnIndex("delta.baseline.finger_hd95")) - 1.0) <
            1e-12);
    QCOMPARE(model.deltaColumn("finger_miou"), -1);  // five delta runs: ambiguous
    model.setReference(0);
    QCOMPARE(model.columnCount(), 2 + 6 * perRun + 5 * deltas);
    QVERIFY(std::abs(model.value(0, model.columnIndex("delta.ours.finger_miou")) - 0.05) < 1e-12);
    QCOMPARE(model.columnIndex("delta.baseline.finger_miou"), -1);
    SampleFilterProxy proxy;
    proxy.setSourceModel(&model);
    QVERIFY(proxy.setFilterExpression("wilor worse than i2l on finger_hd95"));
    QCOMPARE(proxy.rowCount(), 0);  // wilor's HD95 is lower on sample 0, equal on 1
    QVERIFY(proxy.setFilterExpression("i2l worse than wilor on finger_hd95"));
    QCOMPARE(sampleOrder(proxy), (std::vector<int>{0}));
    // Headers: method over metric with its unit; the filter name in the tooltip.
    const int c = model.columnIndex("hamer.hand_hd95");
    QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), QString("hamer\nHand HD95 (px)"));
    QVERIFY(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains("hamer.hand_hd95"));
    QVERIFY(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains("lower is better"));
  }

  void invalidExpressionsReportErrors() {
    SampleTableModel model;
    fill(model);
    SampleFilterProxy proxy;
    proxy.setSourceModel(&model);
    QVERIFY(proxy.setFilterExpression("refined.finger_hd95 > 8"));
    const struct {
      const char* text;
      const char* error;
    } cases[] = {
        {"bogus > 3", "unknown column 'bogus'"},
        {"rough.finger_hd95 8", "expected a comparison"},
        {"rough.finger_hd95 >", "expected a number"},
        {"rough.finger_hd95 > 8 and", "unexpected end"},
        {"(rough.finger_hd95 > 8", "missing ')'"},
        {"rough.finger_hd95 > 8 )", "unexpected ')'"},
        {"rough.finger_hd95 # 8", "unexpected '#'"},
        {"rough.finger_hd95 ! 8", "did you mean '!='"},
        {"\"refined.finger_hd95 > 8", "unterminated"},
    };
    for (const auto& c : cases) {
      QVERIFY2(!proxy.setFilterExpression(c.text), c.text);
      QVERIFY2(proxy.errorString().contains(c.error), qPrintable(proxy.errorString()));
      QCOMPARE(proxy.filterExpression(), QString("refined.finger_hd95 > 8"));  // the old one stays
      QCOMPARE(sampleOrder(proxy), (std::vector<int>{2}));
    }
    // With one method, the methods compared must exist; a bare name means that method.
    std::vector<RunSamples> one;
    one.push_back(run("only", {0.5}, {1.0}));
    model.setRuns(std::move(one));
    QVERIFY(!proxy.setFilterExpression("refined worse than rough"));
    QVERIFY(proxy.errorString().contains("no method named 'refined'"));
    QVERIFY(proxy.setFilterExpression("\"only.finger_hd95\" < 2"));
    QCOMPARE(proxy.rowCount(), 1);
    QVERIFY(proxy.setFilterExpression("finger_hd95 < 2"));
    QCOMPARE(proxy.rowCount(), 1);
  }

  // The full FreiHAND training split in a real view: order asserted, not time.
  void tableViewSorts32560Rows() {
    const std::size_t n = 32560;
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<double> a(n), b(n), ha(n), hb(n);
    for (std::size_t i = 0; i < n; ++i) {
      a[i] = i % 11 == 0 ? kNaN : u(rng);
      b[i] = u(rng);
      ha[i] = 20 * u(rng);
      hb[i] = 20 * u(rng);
    }
    SampleTableModel model;
    std::vector<RunSamples> runs;
    runs.push_back(run("rough", a, ha));
    runs.push_back(run("refined", b, hb));
    model.setRuns(std::move(runs), 0);
    SampleFilterProxy proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const int delta = model.deltaColumn("finger_miou");
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
      view.sortByColumn(delta, order);
      QCOMPARE(view.horizontalHeader()->sortIndicatorSection(), delta);
      QCOMPARE(proxy.rowCount(), int(n));
      int nanSeen = 0;
      double previous = order == Qt::AscendingOrder ? -INFINITY : INFINITY;
      for (int r = 0; r < proxy.rowCount(); ++r) {
        const double v = proxy.index(r, delta).data(Qt::UserRole).toDouble();
        if (std::isnan(v)) {
          ++nanSeen;
          continue;
        }
        QVERIFY2(nanSeen == 0, "a value after a NaN");
        QVERIFY(order == Qt::AscendingOrder ? v >= previous : v <= previous);
        previous = v;
      }
      QCOMPARE(nanSeen, int((n + 10) / 11));
    }
    // Filtering keeps the sort.
    QVERIFY(proxy.setFilterExpression("refined worse than rough and refined.finger_hd95 > 10"));
    QVERIFY(proxy.rowCount() > 1000 && proxy.rowCount() < int(n) / 2);
    for (int r = 1; r < proxy.rowCount(); ++r)
      QVERIFY(proxy.index(r, delta).data(Qt::UserRole).toDouble() <=
              proxy.index(r - 1, delta).data(Qt::UserRole).toDouble());
    view.scrollToBottom();
    QTest::qWait(10);
  }
};

QTEST_MAIN(TestSampleBrowser)
#include "TestSampleBrowser.moc"
