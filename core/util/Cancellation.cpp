#include "util/Cancellation.h"

#include <csignal>

namespace handalign {
namespace {
CancellationToken gInterrupt;
extern "C" void onInterrupt(int) { gInterrupt.cancel(); }  // lock-free atomic store: signal-safe
}  // namespace

CancellationToken& interruptToken() { return gInterrupt; }

void installInterruptHandler() {
  struct sigaction sa {};
  sa.sa_handler = onInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

}  // namespace handalign
