#!/usr/bin/env bash
# Benchmarks of docs/benchmarks.md. Usage: bench/run_benchmarks.sh BUILD_DIR [--quick]
# Timings are wall-clock on this machine; every figure is compared with a reference measured in the
# same run. Nothing here is a pass/fail test.
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
source_dir=$(cd "$(dirname "$0")/.." && pwd)
quick=${2:-}
bin=$build/bin/handalign
work=${HANDALIGN_BENCH_DIR:-$build/bench-data}
mkdir -p "$work"
export HANDALIGN_CACHE_DIR=$work/cache
now() { date +%s.%N; }
secs() { /usr/bin/python3 -c "print(f'{$2 - $1:.3f}')"; }
rss() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

echo "# HandAlign benchmarks ($(date -u +%Y-%m-%dT%H:%MZ))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo

# 1. handalign eval, 2000 synthetic samples x 2 predictions, against the NumPy/SciPy reference.
n=2000; ref_n=400
[ -n "$quick" ] && n=200 && ref_n=50
data=$work/synth-$n
[ -f "$data/pred_refined.json" ] || "$bin" synth --out "$data" --count $n --seed 1 --quiet
preds=(--pred rough="$data/pred_rough.json" --pred refined="$data/pred_refined.json")
rm -rf "$HANDALIGN_CACHE_DIR"
t0=$(now); "$bin" eval --dataset "$data" "${preds[@]}" --out "$work/eval-cold" --quiet; t1=$(now)
best=999
for i in 1 2 3; do
  t2=$(now); "$bin" eval --dataset "$data" "${preds[@]}" --out "$work/eval-warm" --quiet; t3=$(now)
  best=$(/usr/bin/python3 -c "print(min($best, $t3 - $t2))")
done
t4=$(now); "$bin" eval --dataset "$data" "${preds[@]}" --out "$work/eval-sub" --limit $ref_n --quiet; t5=$(now)
t6=$(now); /usr/bin/python3 "$source_dir/tools/reference/handalign_reference.py" eval --dataset "$data" "${preds[@]}" \
  --out "$work/eval-ref" --limit $ref_n; t7=$(now)
cpp_sub=$(secs "$t4" "$t5"); ref=$(secs "$t6" "$t7")
echo "## eval: $n samples x 2 predictions, all metrics, 224 px"
echo "| run | wall (s) |"
echo "|---|---:|"
echo "| handalign eval, first open (parses JSON, writes cache) | $(secs "$t0" "$t1") |"
echo "| handalign eval, cached (best of 3) | $(printf %.3f "$best") |"
echo "| handalign eval, first $ref_n samples | $cpp_sub |"
echo "| NumPy/SciPy reference, first $ref_n samples | $ref |"
echo
echo "speed-up over the reference on the same $ref_n samples: $(/usr/bin/python3 -c "print(f'{$ref / $cpp_sub:.1f}x')")"
echo

# 2. FreiHAND-size annotations: parse speed, reopen, eval memory.
echo "## FreiHAND-size annotations"
if [ -x "$build/bin/bench_numeric_json" ]; then
  items=32560; [ -n "$quick" ] && items=2000
  "$build/bin/bench_numeric_json" --items $items "$work"
fi
if [ -z "$quick" ]; then
  big=$work/synth-32560
  [ -f "$big/pred_refined.json" ] || "$bin" synth --out "$big" --count 32560 --seed 2 --quiet
  rm -rf "$HANDALIGN_CACHE_DIR"
  bpreds=(--pred rough="$big/pred_rough.json" --pred refined="$big/pred_refined.json")
  t0=$(now); cold_kb=$(rss "$bin" eval --dataset "$big" "${bpreds[@]}" --out "$work/eval-big" --quiet); t1=$(now)
  t2=$(now); warm_kb=$(rss "$bin" eval --dataset "$big" "${bpreds[@]}" --out "$work/eval-big" --quiet); t3=$(now)
  t4=$(now); "$bin" eval --dataset "$big" "${bpreds[@]}" --out "$work/eval-one" --limit 1 --quiet; t5=$(now)
  mb=$(du -cm "$big"/training_*.json "$big"/pred_*.json | tail -1 | cut -f1)
  echo
  echo "| 32,560 samples x 2 predictions ($mb MB of JSON) | wall (s) | peak RSS (MB) |"
  echo "|---|---:|---:|"
  echo "| eval, first open (parse + cache) | $(secs "$t0" "$t1") | $((cold_kb / 1024)) |"
  echo "| eval, cached | $(secs "$t2" "$t3") | $((warm_kb / 1024)) |"
  echo "| reopen from cache + evaluate 1 sample | $(secs "$t4" "$t5") | |"
fi
