// Cooperative cancellation of long work (Ctrl-C in the CLI, a Cancel button in the GUI).
#pragma once

#include <atomic>

namespace handalign {

class CancellationToken {
 public:
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool isCancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

// Thrown by long operations when their token was cancelled; nothing partial has been written.
struct Cancelled {};

// A process-wide token set by SIGINT/SIGTERM once installInterruptHandler() has been called.
CancellationToken& interruptToken();
void installInterruptHandler();

}  // namespace handalign
