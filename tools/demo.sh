#!/usr/bin/env bash
# The main job on the bundled demo data: install, build, synthesize the demo dataset, evaluate it.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
[ -f demo/pred_refined.json ] || build/bin/handalign synth --out demo --count 200 --seed 1
build/bin/handalign eval --dataset demo --pred rough=demo/pred_rough.json --pred refined=demo/pred_refined.json \
  --out demo/eval
