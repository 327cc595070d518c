// Runs an evaluation off the GUI thread with progress and cancel; the window never freezes.
#pragma once

#include "eval/EvalSession.h"
#include "eval/Evaluator.h"
#include "util/Cancellation.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace handalign {

// The outcome of a finished evaluation: what was evaluated and the per-sample results.
struct EvalOutcome {
  EvalSession session;
  EvalResult result;
};

class EvaluationJob : public QObject {
  Q_OBJECT

 public:
  explicit EvaluationJob(EvalRequest request, QObject* parent = nullptr);
  ~EvaluationJob() override;  // cancels and waits for the worker

  // Only open and check the dataset and predictions (results are already known, e.g. stored in the
  // project): `finished` then carries an empty result.
  void setLoadOnly(bool loadOnly) { loadOnly_ = loadOnly; }
  void start();
  void cancel();
  bool isRunning() const;

 Q_SIGNALS:
  void progress(qint64 done, qint64 total);  // from the GUI thread's event loop
  void finished(std::shared_ptr<handalign::EvalOutcome> outcome);
  void failed(const QString& message);  // one line naming the file and the problem
  void cancelled();

 private:
  EvalRequest request_;
  CancellationToken token_;
  QThread* thread_ = nullptr;
  bool loadOnly_ = false;
};

}  // namespace handalign

Q_DECLARE_METATYPE(std::shared_ptr<handalign::EvalOutcome>)
