// Runs an evaluation off the GUI thread with progress and cancel; the window never freezes.
#pragma once

#include "BackgroundJob.h"
#include "eval/EvalSession.h"
#include "eval/Evaluator.h"

#include <memory>

namespace handalign {

// The outcome of a finished evaluation: what was evaluated and the per-sample results.
struct EvalOutcome {
  EvalSession session;
  EvalResult result;
};

class EvaluationJob : public BackgroundJob {
  Q_OBJECT

 public:
  explicit EvaluationJob(EvalRequest request, QObject* parent = nullptr);
  ~EvaluationJob() override;  // cancels and waits for the worker

  // Only open and check the dataset and predictions (results are already known, e.g. stored in the
  // project): `finished` then carries an empty result.
  void setLoadOnly(bool loadOnly) { loadOnly_ = loadOnly; }
  void start();

 Q_SIGNALS:
  void finished(std::shared_ptr<handalign::EvalOutcome> outcome);

 private:
  EvalRequest request_;
  bool loadOnly_ = false;
};

}  // namespace handalign

Q_DECLARE_METATYPE(std::shared_ptr<handalign::EvalOutcome>)
