#!/usr/bin/env bash
# The main job on the bundled demo data: install, build, synthesize the demo dataset, evaluate it and
# open it in the studio (when a display is available).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
[ -f demo/pred_refined.json ] || build/bin/handalign synth --out demo --count 200 --seed 1
preds=(--pred rough=demo/pred_rough.json --pred refined=demo/pred_refined.json)
build/bin/handalign eval --dataset demo "${preds[@]}" --out demo/eval
if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ] && [ -x build/bin/handalign-studio ]; then
  exec build/bin/handalign-studio --dataset demo "${preds[@]}"
fi
