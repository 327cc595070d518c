// Every metric of the registry (core/eval/MetricRegistry) reaches every consumer: per_sample.csv,
// the project's columns, the browser (column, header, tooltip, filter keyword), the metrics dock,
// the tables, the worst-by selection and the histogram list; a key that is not in the registry
// reaches none of them.
#include "FigureSelection.h"
#include "browser/SampleFilterProxy.h"
#include "browser/SampleTableModel.h"
#include "eval/MetricRegistry.h"
#include "eval/Tables.h"
#include "metrics/RunChartsView.h"
#include "metrics/SampleMetricsTable.h"
#include "project/ProjectStore.h"

#include <QApplication>
#include <QComboBox>
#include <QSqlDatabase>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace handalign;

class TestMetricRegistry : public QObject {
  Q_OBJECT
  static std::vector<RunSamples> runs() {
    std::vector<RunSamples> r(2);
    r[0].name = "baseline", r[1].name = "ours";
    for (int k = 0; k < 2; ++k)
      for (std::size_t i = 0; i < 3; ++i) {
        SampleRow row;
        row.index = i, row.sample = "s" + std::to_string(i);
        int n = 0;
        for (const MetricInfo& m : metricRegistry())  // a distinct value in every slot
          if (m.perSample()) *m.slot(row.m) = 0.01 * double(++n + 40 * k) + 0.001 * double(i);
        r[std::size_t(k)].rows.push_back(row);
      }
    return r;
  }

 private Q_SLOTS:
  void keysAreUniqueAndDescribed() {
    std::set<std::string> keys;
    std::set<long> offsets;
    for (const MetricInfo& m : metricRegistry()) {
      QVERIFY2(keys.insert(m.key).second, m.key);
      QVERIFY(std::string(m.label).size() > 2 && std::string(m.how).size() > 8);
      QVERIFY(m.decimals >= 0 && m.decimals <= 4);
      if (m.perSample()) QVERIFY2(offsets.insert(m.offset).second, m.key);  // one slot each
      QCOMPARE(findMetric(m.key), &m);
    }
    QVERIFY(keys.size() >= 30);
    QCOMPARE(findMetric("no_such_metric"), nullptr);
  }

  void perSampleCsvAndProjectHaveEveryColumn() {
    const std::vector<std::string>& csv = sampleColumns();
    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("p.handalign").toStdString();
    {
      ProjectStore store;
      store.open(file);
    }
    QStringList projectColumns;
    {
      QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "registry");
      db.setDatabaseName(QString::fromStdString(file.string()));
      QVERIFY(db.open());
      const QSqlRecord r = db.record("sample_metrics");
      for (int i = 0; i < r.count(); ++i) projectColumns << r.fieldName(i);
    }
    QSqlDatabase::removeDatabase("registry");
    for (const MetricInfo& m : metricRegistry()) {
      const bool inCsv = std::find(csv.begin(), csv.end(), m.key) != csv.end();
      QCOMPARE(inCsv, m.perSample());  // the dataset-level AUCs live in summaries only
      QCOMPARE(projectColumns.contains(QString::fromLatin1(m.key)), m.perSample());
    }
  }

  void browserShowsEveryMetricWithHeaderTooltipAndKeyword() {
    SampleTableModel model;
    model.setRuns(runs(), 0);
    SampleFilterProxy proxy;
    proxy.setSourceModel(&model);
    for (const MetricInfo& m : metricRegistry()) {
      if (!m.perSample()) continue;
      for (const char* run : {"baseline", "ours"}) {
        const QString name = QString("%1.%2").arg(run, m.key);
        const int c = model.columnIndex(name);
        QVERIFY2(c >= 0, qPrintable(name));
        QCOMPARE(model.columnMetric(c), &m);
        const QString header = model.headerData(c, Qt::Horizontal).toString();
        QVERIFY2(header.contains(m.label), qPrintable(header));
        const QString tip = model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(name) && tip.contains(m.higherIsBetter ? "higher" : "lower"),
                 qPrintable(tip));
        QVERIFY2(proxy.setFilterExpression(name + " >= 0"), qPrintable(proxy.errorString()));
        QCOMPARE(proxy.rowCount(), 3);  // every value is positive
      }
      QVERIFY(proxy.setFilterExpression(QString("ours worse than baseline on %1").arg(m.key)));
      // ours' values are all larger: worse exactly where lower is better.
      QCOMPARE(proxy.rowCount(), m.higherIsBetter ? 0 : 3);
      const bool delta = model.deltaColumn(1, m.key) >= 0;
      QCOMPARE(delta, m.delta);
    }
    QVERIFY(!proxy.setFilterExpression("ours.no_such_metric > 0"));
  }

  void dockTablesWorstByAndChartsShowEveryMetric() {
    SampleMetricsTable dock;
    const std::vector<RunSamples> r = runs();
    dock.setSample({{"baseline", r[0].rows[0].m}, {"ours", r[1].rows[0].m}}, 0, 1);
    RunChartsView charts;
    EvalResult result;
    result.predictionNames = {"baseline", "ours"};
    for (const RunSamples& run : r)
      for (SampleRow row : run.rows) {
        row.pred = run.name.toStdString();
        result.rows.push_back(row);
      }
    result.sampleCount = 3;
    result.totals.assign(2, PredictionTotals{});
    const std::string csv = tableCsv(RunInfo{}, summarize(result));
    const QStringList header = QString::fromStdString(csv.substr(0, csv.find('\n'))).split(',');
    for (const MetricInfo& m : metricRegistry()) {
      if (m.perSample()) {
        const int row = dock.rowOf(m.key);
        QVERIFY2(row >= 0, m.key);
        QCOMPARE(dock.verticalHeaderItem(row)->text(), SampleMetricsTable::label(m));
        QCOMPARE(dock.item(row, 0)->data(SampleMetricsTable::kValueRole).toDouble(),
                 m.value(r[0].rows[0].m));
        // Worst first by the metric's own direction.
        const auto worst = worstSamples(result, "ours", m.key, 1);
        QCOMPARE(worst.front(), std::size_t(m.higherIsBetter ? 0 : 2));
        charts.setHistogramMetric(m.key);
        QCOMPARE(charts.histogramMetric(), std::string(m.key));
      }
      if (m.level != MetricLevel::Part)
        QVERIFY2(header.contains(QString::fromLatin1(m.key)), m.key);
    }
    QVERIFY_EXCEPTION_THROWN(worstSamples(result, "ours", "no_such_metric", 1),
                             std::invalid_argument);
  }
};

QTEST_MAIN(TestMetricRegistry)
#include "TestMetricRegistry.moc"
