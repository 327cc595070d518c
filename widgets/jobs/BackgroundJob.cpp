#include "BackgroundJob.h"

#include <QMetaObject>

#include <exception>

namespace handalign {

BackgroundJob::~BackgroundJob() { stopWorker(); }

void BackgroundJob::stopWorker() {
  if (!thread_) return;
  token_.cancel();
  thread_->wait();
}

void BackgroundJob::post(std::function<void()> f) {
  QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

ProgressCallback BackgroundJob::progressReporter() {
  return [this](std::size_t done, std::size_t total) {
    post([this, done, total] { Q_EMIT progress(qint64(done), qint64(total)); });
  };
}

void BackgroundJob::startWorker(std::function<void()> work) {
  if (isRunning()) return;
  thread_ = QThread::create([this, work = std::move(work)] {
    try {
      work();
    } catch (const Cancelled&) {
      post([this] { Q_EMIT cancelled(); });
    } catch (const std::exception& e) {
      const QString message = QString::fromStdString(e.what());
      post([this, message] { Q_EMIT failed(message); });
    }
  });
  thread_->setParent(this);
  thread_->start();
}

}  // namespace handalign
