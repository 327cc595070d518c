// The worker-thread plumbing of the studio's long jobs: start, progress, cancel, failure.
#pragma once

#include "util/Cancellation.h"
#include "util/Progress.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>

namespace handalign {

// A job runs its work once on its own thread; every signal arrives on the thread owning the job,
// so slots never race the GUI. Subclasses add a `finished` signal carrying their result and must
// call stopWorker() in their destructor (the work reads their members).
class BackgroundJob : public QObject {
  Q_OBJECT

 public:
  ~BackgroundJob() override;
  void cancel() { token_.cancel(); }
  bool isRunning() const { return thread_ && thread_->isRunning(); }

 Q_SIGNALS:
  void progress(qint64 done, qint64 total);
  void failed(const QString& message);  // one line naming the file and the problem
  void cancelled();

 protected:
  explicit BackgroundJob(QObject* parent = nullptr) : QObject(parent) {}
  // Runs `work` on a new thread: Cancelled becomes cancelled(), any other exception failed().
  void startWorker(std::function<void()> work);
  // Cancels and waits for the worker.
  void stopWorker();
  // A progress callback for core code that emits progress() on the job's thread.
  ProgressCallback progressReporter();
  // Runs `f` on the job's thread (to emit a result).
  void post(std::function<void()> f);

  CancellationToken token_;

 private:
  QThread* thread_ = nullptr;
};

}  // namespace handalign
