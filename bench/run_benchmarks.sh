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

# 3. Mask editor: brush dab and live metrics on a 1024² image (an X display; Xvfb if none).
if [ -x "$build/bin/bench_editor" ]; then
  echo
  echo "## Mask editor"
  dabs=400; [ -n "$quick" ] && dabs=100
  if [ -n "${DISPLAY:-}" ]; then "$build/bin/bench_editor" $dabs
  elif command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1280x1024x24" "$build/bin/bench_editor" $dabs
  else echo "(skipped: no X display and no xvfb-run)"; fi
fi

# 4. Native HandAR network on the CPU (random weights, official sizes), batch 1 and 32.
if [ -x "$build/bin/bench_handar" ]; then
  echo
  echo "## Native network"
  if [ -n "$quick" ]; then "$build/bin/bench_handar" --iterations 2 --iterations32 1
  else "$build/bin/bench_handar" --iterations 10 --iterations32 2; fi
fi

# 4b. The native network against the PyTorch forward of the same weights (goal: >= 1.3x on CPU).
if [ -x "$build/bin/bench_native_forward" ] && /usr/bin/python3 -c "import torch" 2>/dev/null; then
  echo
  echo "## Native network against PyTorch"
  if [ -n "$quick" ]; then /usr/bin/python3 "$source_dir/bench/bench_native_vs_pytorch.py" "$build" --iterations 2 --iterations32 1
  else /usr/bin/python3 "$source_dir/bench/bench_native_vs_pytorch.py" "$build" --iterations 20 --iterations32 2; fi
fi

# 5. Inference runner: the runner API and `handalign infer` end to end against the bare forward
#    passes of the same TorchScript model in Python and in C++ (same threads, batch, samples).
if [ -x "$build/bin/bench_infer" ] && [ -f "$build/lib/handalign_cli_infer.so" ]; then
  echo
  echo "## Inference runner"
  icount=64; irepeat=3; ibatch=8; ithreads=$(nproc); idevice=${HANDALIGN_BENCH_DEVICE:-cpu}
  [ -n "$quick" ] && icount=16 && irepeat=1
  idata=$work/synth-infer-$icount
  [ -f "$idata/pred_refined.json" ] || "$bin" synth --out "$idata" --count $icount --seed 4 --quiet
  imodel=$work/infer-resnet18
  /usr/bin/python3 "$source_dir/bench/bench_infer.py" make --out "$imodel" \
    --hand-model "$idata/hand_model.json" --model resnet18
  # Rounds interleave the measurements so that load changes on a shared machine hit all alike; each
  # figure is the best over the rounds, in wall and in process CPU seconds.
  declare -A wall cpu
  for k in py cpp runner null cli; do wall[$k]=999; cpu[$k]=999; done
  keep() { wall[$1]=$(best "${wall[$1]}" "$2"); cpu[$1]=$(best "${cpu[$1]}" "$3"); }
  best() { /usr/bin/python3 -c "print(min($1, $2))"; }
  field() { echo "$1" | awk -v k="$2" -v i="$3" '$1 == k {print $i}'; }
  for i in $(seq $irepeat); do
    py=$(/usr/bin/python3 "$source_dir/bench/bench_infer.py" forward --model "$imodel/model.pt" \
      --batch $ibatch --count $icount --threads $ithreads --repeat 1 --device $idevice)
    keep py ${py% *} ${py#* }
    cpp=$("$build/bin/bench_infer" --manifest "$imodel/model.json" --null "$imodel/null.json" \
      --dataset "$idata" --out "$work/infer-api" --batch $ibatch --count $icount \
      --threads $ithreads --repeat 1 --device $idevice)
    for k in cpp runner null; do
      key=$k; [ $k = cpp ] && key=cpp_forward; [ $k = null ] && key=runner_null
      keep $k "$(field "$cpp" $key 2)" "$(field "$cpp" $key 3)"
    done
    rload=$(field "$cpp" runner_load 2)
    /usr/bin/time -f "%e %U %S" -o "$work/infer-cli.time" "$bin" infer --model "$imodel/model.json" \
      --dataset "$idata" --out "$work/infer-cli" --batch $ibatch --threads $ithreads --device $idevice --quiet
    read -r e u s < "$work/infer-cli.time"
    keep cli "$e" "$(/usr/bin/python3 -c "print($u + $s)")"
  done
  pct() { /usr/bin/python3 -c "print(f'{($1 / $2 - 1) * 100:+.1f} %')"; }
  row() { echo "| $1 | ${wall[$2]} | ${cpu[$2]} | $(pct "${wall[$2]}" "${wall[py]}") | $(pct "${cpu[$2]}" "${cpu[py]}") |"; }
  echo "model: ResNet-18 layout (bench/bench_infer.py), 256² crop, lixel outputs, $icount samples, batch $ibatch, $ithreads threads, $idevice, best of $irepeat rounds"
  echo "| run | wall (s) | CPU (s) | wall vs Python | CPU vs Python |"
  echo "|---|---:|---:|---:|---:|"
  echo "| bare forward passes, Python (torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)')) | ${wall[py]} | ${cpu[py]} | | |"
  row "bare forward passes, C++ (torch::jit)" cpp
  row "runner API end to end (read, crop, forward, decode, write both files)" runner
  row "handalign infer, whole process (start-up, model load and check, run, write)" cli
  echo "| runner API with a network that does nothing (its own cost) | ${wall[null]} | ${cpu[null]} | $(/usr/bin/python3 -c "print(f'{${wall[null]} / ${wall[py]} * 100:.1f} %')") | $(/usr/bin/python3 -c "print(f'{${cpu[null]} / ${cpu[py]} * 100:.1f} %')") |"
  echo
  echo "runner over the C++ forward passes: wall $(pct "${wall[runner]}" "${wall[cpp]}"), CPU $(pct "${cpu[runner]}" "${cpu[cpp]}"); model load + check run: $rload s"
fi

# 6. `import handalign`: mask_metrics of 64 label images against the NumPy/SciPy reference.
if [ -d "$build/python/handalign" ]; then
  echo
  echo "## Python module"
  /usr/bin/python3 "$source_dir/bench/bench_python.py" "$build"
fi
