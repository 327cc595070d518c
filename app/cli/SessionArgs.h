// What `eval` and `figure` share: opening an evaluation from --dataset/--pred/... and running it
// with a progress bar and Ctrl-C.
#pragma once

#include "Args.h"

#include "eval/EvalSession.h"
#include "eval/Evaluator.h"

namespace handalign::cli {

// --dataset, --split, --format, --hand-model, every --pred NAME=FILE and --refines REFINED=ROUGH
// (UsageError when malformed).
EvalRequest requestFromArgs(const Args& args, const EvalOptions& options);
// openEvalSession, with a request that makes no sense reported as a UsageError.
EvalSession openSession(const EvalRequest& request);
// evaluate() with a progress bar on a terminal (unless quiet); Ctrl-C throws Cancelled.
EvalResult evaluateWithProgress(const EvalContext& context, bool quiet);

}  // namespace handalign::cli
