// The studio's background evaluation: results, progress, cancel and one-line failures.
#include "EvaluationJob.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace handalign;
namespace fs = std::filesystem;

class TestEvaluationJob : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_;
  EvalRequest request(int resolution = 224) {
    EvalRequest r;
    r.dataset = data_;
    r.predictions = {{"rough", data_ / "pred_rough.json"},
                     {"refined", data_ / "pred_refined.json"}};
    r.options.resolution = resolution;
    r.options.threads = 2;
    r.version = "test";
    return r;
  }

 private Q_SLOTS:
  void initTestCase() { data_ = test::synthDataset(fs::path(tmp_.path().toStdString()), 24, 3); }

  void finishesWithEveryRowAndReportsProgress() {
    EvaluationJob job(request());
    QSignalSpy done(&job, &EvaluationJob::finished), progress(&job, &EvaluationJob::progress);
    job.start();
    QVERIFY(done.wait(120000));
    const auto outcome = done.takeFirst().at(0).value<std::shared_ptr<EvalOutcome>>();
    QVERIFY(outcome);
    QCOMPARE(outcome->result.rows.size(), std::size_t(48));
    QCOMPARE(outcome->session.info.predictionFiles.size(), std::size_t(2));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(24));
    QVERIFY(!job.isRunning() || QTest::qWaitFor([&] { return !job.isRunning(); }, 5000));
  }

  void cancelStopsTheWork() {
    EvaluationJob job(request(2048));  // slow enough to be cancelled mid-way
    QSignalSpy cancelled(&job, &EvaluationJob::cancelled), done(&job, &EvaluationJob::finished);
    job.start();
    QTest::qWait(300);
    job.cancel();
    QVERIFY(cancelled.wait(60000));
    QVERIFY(done.isEmpty());
  }

  void badInputFailsWithTheFileName() {
    EvalRequest r = request();
    r.predictions = {{"x", data_ / "no_such_pred.json"}};
    EvaluationJob job(r);
    QSignalSpy failed(&job, &EvaluationJob::failed);
    job.start();
    QVERIFY(failed.wait(60000));
    QVERIFY2(failed.first().at(0).toString().contains("no_such_pred.json"),
             qPrintable(failed.first().at(0).toString()));
  }
};

QTEST_GUILESS_MAIN(TestEvaluationJob)
#include "TestEvaluationJob.moc"
