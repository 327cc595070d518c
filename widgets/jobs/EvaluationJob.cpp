#include "EvaluationJob.h"

#include <QMetaObject>

#include <exception>

namespace handalign {

EvaluationJob::EvaluationJob(EvalRequest request, QObject* parent)
    : QObject(parent), request_(std::move(request)) {
  qRegisterMetaType<std::shared_ptr<handalign::EvalOutcome>>();
}

EvaluationJob::~EvaluationJob() {
  if (thread_) {
    token_.cancel();
    thread_->wait();
  }
}

bool EvaluationJob::isRunning() const { return thread_ && thread_->isRunning(); }

void EvaluationJob::cancel() { token_.cancel(); }

void EvaluationJob::start() {
  if (isRunning()) return;
  // The worker only reads request_ and token_; results travel back as queued signals, so every
  // slot runs on the thread that owns this job.
  thread_ = QThread::create([this] {
    try {
      auto outcome = std::make_shared<EvalOutcome>();
      outcome->session = openEvalSession(request_);
      if (token_.isCancelled()) throw Cancelled{};
      if (!loadOnly_)
        outcome->result = evaluate(
            outcome->session.context(),
            [this](std::size_t done, std::size_t total) {
              QMetaObject::invokeMethod(
                  this, [this, done, total] { Q_EMIT progress(qint64(done), qint64(total)); },
                  Qt::QueuedConnection);
            },
            &token_);
      for (const Prediction& p : outcome->session.predictions)
        if (loadOnly_) outcome->result.predictionNames.push_back(p.name);
      QMetaObject::invokeMethod(
          this, [this, outcome] { Q_EMIT finished(outcome); }, Qt::QueuedConnection);
    } catch (const Cancelled&) {
      QMetaObject::invokeMethod(
          this, [this] { Q_EMIT cancelled(); }, Qt::QueuedConnection);
    } catch (const std::exception& e) {
      const QString message = QString::fromStdString(e.what());
      QMetaObject::invokeMethod(
          this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
    }
  });
  thread_->setParent(this);
  thread_->start();
}

}  // namespace handalign
