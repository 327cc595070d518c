#!/usr/bin/env bash
# The main job on the bundled demo data: install, build, synthesize the demo dataset, evaluate it and
# open it in the studio (when a display is available). The build's output goes to build.log.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
echo "demo: building (about 10 minutes the first time on 2 cores; output in build.log)…"
if ! tools/build.sh > build.log 2>&1; then
  tail -n 40 build.log
  echo "demo: the build failed; the whole log is build.log" >&2
  exit 1
fi
[ -f demo/pred_refined.json ] || build/bin/handalign synth --out demo --count 200 --seed 1 --quiet
# Two methods under names of your choosing; --refines declares that one refines the other.
preds=(--pred baseline=demo/pred_rough.json --pred ours=demo/pred_refined.json --refines ours=baseline)
echo "demo: evaluating 200 samples × 2 methods"
build/bin/handalign eval --dataset demo "${preds[@]}" --out demo-eval
if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ] && [ -x build/bin/handalign-studio ]; then
  exec build/bin/handalign-studio --dataset demo "${preds[@]}"
fi
