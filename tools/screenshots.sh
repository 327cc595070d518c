#!/usr/bin/env bash
# Screenshots of the studio on the demo data, as a user sees it: light and dark, English and
# Chinese, under Xvfb. Usage: tools/screenshots.sh OUTDIR [SAMPLE]. Needs a build and demo/ (tools/demo.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: tools/screenshots.sh OUTDIR [SAMPLE]}
sample=${2:-7}
mkdir -p "$out"
for palette in light dark; do
  for language in en zh_CN; do
    cfg=$(mktemp -d)  # a fresh user: only these two preferences set
    mkdir -p "$cfg/HandAlign"
    printf '[Interface]\nLanguage=%s\nPalette=%s\n' "$language" "$palette" > "$cfg/HandAlign/HandAlign Studio.conf"
    shot="$out/studio-$palette-$language.png"
    XDG_CONFIG_HOME=$cfg XDG_DATA_HOME=$cfg/data xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
      build/bin/handalign-studio --dataset demo --pred baseline=demo/pred_rough.json \
        --pred ours=demo/pred_refined.json --refines ours=baseline --sample "$1" &
      pid=$!
      for i in $(seq 60); do sleep 1; xdotool search --name "HandAlign Studio — demo" >/dev/null 2>&1 && break; done
      sleep 6
      wid=$(xdotool search --name "HandAlign Studio — demo" | head -1)
      xdotool windowsize "$wid" 1560 960; sleep 3
      import -window root "$2"
      kill $pid' _ "$sample" "$shot"
    rm -rf "$cfg"
    echo "wrote $shot"
  done
done
