// Metrics panel: table cells, best and delta colours; PCK series against the summary curves and
// AUCs; histogram bins against the finite counts; switching metric and curve kind.
#include "metrics/MetricsPanel.h"

#include "metrics/PckAccumulator.h"

#include <QAbstractSeries>
#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QTabWidget>
#include <QTest>

#include <cmath>

using namespace handalign;

namespace {
constexpr double kNaN = SampleMetrics::kNaN;
constexpr int kVertices = 5;

// Two predictions over four samples. Refined is better in hand IoU and MPJPE, worse in hand HD95.
SampleMetrics metrics(int sample, bool refined) {
  SampleMetrics m;
  m.handIou = sample == 3 && !refined ? kNaN : 0.70 + 0.05 * sample + (refined ? 0.05 : 0.0);
  m.handHd95 = refined ? 6.0 + sample : 5.0 + sample;
  m.partIou[std::size_t(Part::Pinky)] = 0.5;  // equal: nothing is best
  m.partIou[std::size_t(Part::Palm)] = refined ? 0.7 : kNaN;
  m.mpjpeMm = refined ? 10.0 + sample : 12.0 + 2 * sample;
  m.f5 = refined ? 0.6 : 0.4;
  return m;
}

EvalResult makeResult() {
  EvalResult r;
  r.predictionNames = {"rough", "refined"};
  r.sampleCount = 4;
  for (int p = 0; p < 2; ++p) r.totals.emplace_back(kJointCount, kVertices);
  for (int s = 0; s < 4; ++s)
    for (int p = 0; p < 2; ++p) {
      SampleRow row;
      row.index = std::size_t(s);
      row.sample = "s" + std::to_string(s);
      row.pred = r.predictionNames[std::size_t(p)];
      row.m = metrics(s, p == 1);
      r.rows.push_back(row);
      const double scale = p == 1 ? 0.6 : 1.0;  // refined is closer
      std::vector<double> j(kJointCount), v(kVertices);
      for (int k = 0; k < kJointCount; ++k) j[std::size_t(k)] = scale * 0.002 * (k + s);
      for (int k = 0; k < kVertices; ++k) v[std::size_t(k)] = scale * 0.009 * (k + 1 + s);
      PredictionTotals& t = r.totals[std::size_t(p)];
      t.joints.add(j), t.paJoints.add(std::vector<double>(j.size(), 0.5 * j[5]));
      t.vertices.add(v), t.paVertices.add(std::vector<double>(v.size(), 0.004 * s));
    }
  return r;
}

std::vector<std::pair<QString, SampleMetrics>> sample0() {
  return {{QStringLiteral("rough"), metrics(0, false)},
          {QStringLiteral("refined"), metrics(0, true)}};
}
}  // namespace

class TestMetricsPanel : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void tableTextAndBest() {
    SampleMetricsTable table;
    table.setSample(sample0());
    QCOMPARE(table.columnCount(), 3);
    QCOMPARE(table.rowCount(), int(SampleMetricsTable::rowMetrics().size()) + 1);  // + exclusions
    QVERIFY(table.horizontalHeaderItem(2)->text().contains(QStringLiteral("refined")));
    const int iou = table.rowOf("hand_iou");
    QCOMPARE(table.item(iou, 0)->text(), QStringLiteral("70.00 %"));
    QCOMPARE(table.item(iou, 1)->text(), QStringLiteral("75.00 %"));
    QCOMPARE(table.item(iou, 2)->text(), QStringLiteral("+5.00 pp"));
    QVERIFY(table.item(iou, 1)->font().bold());
    QVERIFY(!table.item(iou, 0)->font().bold());
    QVERIFY(table.item(iou, 1)->data(SampleMetricsTable::kBestRole).toBool());
    const int hd = table.rowOf("hand_hd95");
    QCOMPARE(table.item(hd, 0)->text(), QStringLiteral("5.00 px"));
    QVERIFY(table.item(hd, 0)->font().bold());  // lower is better
    QVERIFY(!table.item(hd, 1)->font().bold());
    QCOMPARE(table.item(hd, 2)->text(), QStringLiteral("+1.00 px"));
    const int mpjpe = table.rowOf("mpjpe_mm");
    QCOMPARE(table.item(mpjpe, 1)->text(), QStringLiteral("10.00 mm"));
    QVERIFY(table.item(mpjpe, 1)->font().bold());
    QCOMPARE(table.item(mpjpe, 2)->text(), QStringLiteral("-2.00 mm"));
    // Equal values, or a single finite one: nothing highlighted. NaN: a dash, no delta colour.
    const int pinky = table.rowOf("iou_pinky");
    QVERIFY(!table.item(pinky, 0)->font().bold() && !table.item(pinky, 1)->font().bold());
    const int palm = table.rowOf("iou_palm");
    QCOMPARE(table.item(palm, 0)->text(), QStringLiteral("—"));
    QCOMPARE(table.item(palm, 2)->text(), QStringLiteral("—"));
    QCOMPARE(table.item(palm, 1)->text(), QStringLiteral("70.00 %"));
    QVERIFY(!table.item(palm, 1)->font().bold());
    QCOMPARE(table.item(palm, 2)->foreground().style(), Qt::NoBrush);
  }

  void deltaColours() {
    SampleMetricsTable table;
    table.setSample(sample0());
    const QColor better = table.item(table.rowOf("hand_iou"), 2)->foreground().color();
    const QColor worse = table.item(table.rowOf("hand_hd95"), 2)->foreground().color();
    QVERIFY(better.green() > better.red());
    QVERIFY(worse.red() > worse.green());
    QCOMPARE(table.item(table.rowOf("mpjpe_mm"), 2)->foreground().color(), better);  // lower
    QCOMPARE(table.item(table.rowOf("f5"), 2)->foreground().color(), better);
  }

  void singlePredictionHasNoDelta() {
    SampleMetricsTable table;
    table.setSample({{QStringLiteral("rough"), metrics(1, false)}});
    QCOMPARE(table.columnCount(), 1);
    QVERIFY(!table.hasDeltaColumn());
    QVERIFY(!table.item(table.rowOf("hand_iou"), 0)->font().bold());
  }

  void pckSeriesMatchSummary() {
    const EvalResult result = makeResult();
    const auto summaries = summarize(result);
    RunChartsView view;
    view.setRun(summaries, result);
    const std::vector<double>& t = PckAccumulator::thresholds();
    for (int k = 0; k < 4; ++k) {
      const auto kind = RunChartsView::PckKind(k);
      view.setPckKind(kind);
      const QList<QAbstractSeries*> series = view.pckChart()->series();
      QCOMPARE(series.size(), 2);
      for (int p = 0; p < 2; ++p) {
        auto* line = qobject_cast<QLineSeries*>(series[p]);
        QVERIFY(line);
        const auto& s = summaries[std::size_t(p)];
        const std::vector<double>& curve = RunChartsView::curveOf(s, kind);
        QCOMPARE(line->count(), PckAccumulator::kThresholdCount);
        for (int i = 0; i < line->count(); ++i) {
          QCOMPARE(line->at(i).x(), t[std::size_t(i)] * 1000.0);
          QCOMPARE(line->at(i).y(), curve[std::size_t(i)]);
        }
        const QString auc = QString::number(RunChartsView::aucOf(s, kind), 'f', 3);
        QVERIFY2(line->name().contains(QStringLiteral("AUC ") + auc), qPrintable(line->name()));
        QVERIFY(line->name().startsWith(QString::fromStdString(s.name)));
      }
    }
    QVERIFY(summaries[1].aucJ > summaries[0].aucJ);  // the fixture really differs
  }

  void histogramBinsSumToFiniteCount() {
    const EvalResult result = makeResult();
    const auto summaries = summarize(result);
    RunChartsView view;
    view.setRun(summaries, result);
    for (const std::string column : {"hand_iou", "mpjpe_mm", "finger_hd95"}) {
      view.setHistogramMetric(column);
      QCOMPARE(view.histogramMetric(), column);
      QVERIFY(view.histogramChart()->title().contains(findMetric(column)->label));
      QCOMPARE(view.histograms().size(), std::size_t(2));
      QCOMPARE(view.histogramChart()->series().size(), 2);
      for (std::size_t p = 0; p < 2; ++p) {
        const Histogram& h = view.histograms()[p];
        QCOMPARE(int(h.counts.size()), RunChartsView::kHistogramBins);
        QCOMPARE(h.total(), summaries[p].finite.at(column));
      }
      // Shared range across predictions.
      QCOMPARE(view.histograms()[0].lo, view.histograms()[1].lo);
      QCOMPARE(view.histograms()[0].hi, view.histograms()[1].hi);
    }
    view.setHistogramMetric("hand_iou");
    QCOMPARE(view.histograms()[0].total(), std::size_t(3));  // the NaN is skipped
    QCOMPARE(view.histograms()[0].lo, 0.70);
    QCOMPARE(view.histograms()[1].hi, 0.90);
    auto* area = qobject_cast<QAreaSeries*>(view.histogramChart()->series()[0]);
    QVERIFY(area && area->upperSeries());
    QCOMPARE(area->upperSeries()->count(), 2 * RunChartsView::kHistogramBins + 2);
    QVERIFY(area->name().contains(QStringLiteral("n = 3")));
  }

  void histogramHelper() {
    const Histogram h = makeHistogram({0.0, 0.5, 1.0, kNaN, INFINITY, 0.99}, 0.0, 1.0, 4);
    QCOMPARE(h.counts, (std::vector<std::size_t>{1, 0, 1, 2}));
    double lo = 0, hi = 0;
    sharedRange({{kNaN}, {2.0, 2.0}}, lo, hi);
    QCOMPARE(lo, 1.5);
    QCOMPARE(hi, 2.5);
  }

  void panelTabsAndScreenshot() {
    const EvalResult result = makeResult();
    MetricsPanel panel;
    panel.setSample(QStringLiteral("s0"), sample0());
    panel.setRun(summarize(result), result);
    panel.runCharts()->setHistogramMetric("hand_iou");
    QCOMPARE(panel.tabs()->count(), 2);
    QCOMPARE(panel.sampleTable()->columnCount(), 3);
    QCOMPARE(panel.runCharts()->pckChart()->series().size(), 2);
    const QImage charts = panel.runCharts()->renderToImage(QSize(640, 720));
    QCOMPARE(charts.size() / charts.devicePixelRatio(), QSize(640, 720));
    const QByteArray out = qgetenv("HANDALIGN_METRICS_SCREENSHOT");
    if (!out.isEmpty()) {
      panel.resize(560, 720);
      panel.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("-sample.png"));
      charts.save(QString::fromLocal8Bit(out) + QStringLiteral("-run.png"));
    }
  }
};

QTEST_MAIN(TestMetricsPanel)
#include "TestMetricsPanel.moc"
