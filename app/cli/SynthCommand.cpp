// handalign synth: write a synthetic FreiHAND-layout dataset (demo and test data).
#include "Args.h"
#include "Commands.h"
#include "Terminal.h"

#include "synth/Synthesizer.h"
#include "util/Cancellation.h"

#include <cstdio>

namespace handalign::cli {

int runSynth(const std::vector<std::string>& argv) {
  const Args args(argv, {"out", "count", "seed", "size", "threads"}, {"force", "quiet"});
  if (!args.positional().empty())
    throw UsageError("unexpected argument \"" + args.positional().front() + "\"");
  SynthOptions o;
  o.out = args.required("out");
  o.count = std::size_t(args.getInt("count", 100, 1, 10'000'000));
  o.seed = std::uint64_t(args.getInt("seed", 1, 0, (1L << 62)));
  o.imageSize = int(args.getInt("size", 224, 32, 4096));
  o.threads = int(args.getInt("threads", 0, 0, 1024));
  o.force = args.has("force");
  ProgressBar bar("synth");
  const bool quiet = args.has("quiet");
  synthesize(
      o,
      [&](std::size_t d, std::size_t t) {
        if (!quiet) bar.update(d, t);
      },
      &interruptToken());
  bar.finish();
  if (!quiet) std::printf("wrote %zu samples to %s\n", o.count, o.out.string().c_str());
  return 0;
}

}  // namespace handalign::cli
