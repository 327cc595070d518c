#include "EvaluationJob.h"

namespace handalign {

EvaluationJob::EvaluationJob(EvalRequest request, QObject* parent)
    : BackgroundJob(parent), request_(std::move(request)) {
  qRegisterMetaType<std::shared_ptr<handalign::EvalOutcome>>();
}

EvaluationJob::~EvaluationJob() { stopWorker(); }

void EvaluationJob::start() {
  // The worker only reads request_ and token_.
  startWorker([this] {
    auto outcome = std::make_shared<EvalOutcome>();
    outcome->session = openEvalSession(request_);
    if (token_.isCancelled()) throw Cancelled{};
    if (!loadOnly_)
      outcome->result = evaluate(outcome->session.context(), progressReporter(), &token_);
    for (const Prediction& p : outcome->session.predictions)
      if (loadOnly_) outcome->result.predictionNames.push_back(p.name);
    post([this, outcome] { Q_EMIT finished(outcome); });
  });
}

}  // namespace handalign
