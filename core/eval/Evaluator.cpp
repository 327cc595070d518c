#include "eval/Evaluator.h"

#include "util/Cores.h"

#include <algorithm>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace handalign {

namespace {
constexpr std::size_t kChunk =
    32;  // samples per work item: small enough to balance, big enough to release pages
}

std::vector<std::size_t> selectSamples(std::size_t datasetSize, const EvalOptions& options) {
  const std::size_t end = options.limit ? std::min(options.limit, datasetSize) : datasetSize;
  std::vector<std::size_t> samples;
  for (std::size_t i = 0; i < end; ++i)
    if (options.shard.contains(i)) samples.push_back(i);
  return samples;
}

EvalResult evaluate(const EvalContext& context, const ProgressCallback& progress,
                    const CancellationToken* cancel) {
  const std::vector<std::size_t> samples = selectSamples(context.dataset.size(), context.options);
  const std::size_t predCount = context.predictions.size();
  const int vertexCount = context.model.vertexCount;

  std::vector<SampleMetrics> metrics(samples.size() * predCount);
  int threadCount = context.options.threads > 0 ? context.options.threads : usableCores();
  threadCount = int(std::min<std::size_t>(std::size_t(threadCount),
                                          std::max<std::size_t>(1, samples.size() / kChunk + 1)));

  std::atomic<std::size_t> nextChunk{0}, done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr error;
  std::mutex mutex;
  std::condition_variable finished;
  int running = threadCount;
  std::vector<std::vector<PredictionTotals>> totals(
      std::size_t(threadCount),
      std::vector<PredictionTotals>(predCount, PredictionTotals(kJointCount, vertexCount)));

  auto worker = [&](int t) {
    try {
      SampleEvaluator evaluator(context);
      for (;;) {
        const std::size_t begin = nextChunk.fetch_add(1) * kChunk;
        if (begin >= samples.size() || stop.load()) break;
        const std::size_t end = std::min(samples.size(), begin + kChunk);
        for (std::size_t s = begin; s < end; ++s) {
          if (cancel && cancel->isCancelled()) throw Cancelled{};
          evaluator.evaluate(samples[s], &metrics[s * predCount], totals[std::size_t(t)]);
          done.fetch_add(1, std::memory_order_relaxed);
        }
        // Processed samples will not be read again: let memory-mapped data leave the resident set.
        const std::size_t first = samples[begin], last = samples[end - 1] + 1;
        context.dataset.releaseSamples(first, last);
        for (const Prediction& p : context.predictions) {
          p.joints.releaseItems(first, last);
          p.vertices.releaseItems(first, last);
        }
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!error) error = std::current_exception();
      stop.store(true);
    }
    std::lock_guard<std::mutex> lock(mutex);
    if (--running == 0) finished.notify_all();
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < threadCount; ++t) threads.emplace_back(worker, t);
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(100), [&] { return running == 0; })) {
      if (progress) {
        lock.unlock();
        progress(done.load(), samples.size());
        lock.lock();
      }
    }
  }
  for (std::thread& th : threads) th.join();
  if (error) std::rethrow_exception(error);
  if (progress) progress(samples.size(), samples.size());

  EvalResult result;
  for (const Prediction& p : context.predictions) result.predictionNames.push_back(p.name);
  result.sampleCount = samples.size();
  result.totals.assign(predCount, PredictionTotals(kJointCount, vertexCount));
  for (const auto& perThread : totals)
    for (std::size_t p = 0; p < predCount; ++p) result.totals[p].merge(perThread[p]);
  result.rows.reserve(metrics.size());
  for (std::size_t s = 0; s < samples.size(); ++s)
    for (std::size_t p = 0; p < predCount; ++p)
      result.rows.push_back({samples[s], context.dataset.sampleId(samples[s]),
                             context.predictions[p].name, metrics[s * predCount + p]});
  return result;
}

}  // namespace handalign
