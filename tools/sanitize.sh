#!/usr/bin/env bash
# ASan+UBSan build (clang) in build-asan/: the unit tests, then every fuzz target for
# ${HANDALIGN_FUZZ_SECONDS:-60} s from a copy of its seed corpus. Any sanitizer report, crash, leak,
# timeout or OOM fails it. docs/reliability.md, "Fuzzing and sanitizers".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${HANDALIGN_ASAN_DIR:-build-asan}
seconds=${HANDALIGN_FUZZ_SECONDS:-60}
start=$(date +%s)
mkdir -p "$build"
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHANDALIGN_WITH_GUI=OFF \
  -DHANDALIGN_WITH_INFERENCE=OFF -DHANDALIGN_WITH_BENCHMARKS=OFF -DHANDALIGN_SANITIZE=ON \
  -DHANDALIGN_FUZZ=ON > "$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
cmake --build "$build" -j"$(nproc)"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
echo "sanitize: unit tests under ASan/UBSan"
(cd "$build" && ctest -L unit -j"$(nproc)" --output-on-failure --timeout 1500)

base=/tmp
[ -w /dev/shm ] && base=/dev/shm  # the targets write files and fsync them: tmpfs is faster
work=$(mktemp -d "$base/handalign-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work  # each target's scratch folder goes there too
failed=0
for target in "$build"/fuzz/fuzz_*; do
  name=$(basename "$target")
  mkdir -p "$work/$name"
  cp tests/fuzz/corpus/"$name"/* "$work/$name/"
  log=$work/$name.log
  if "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/$name-" "$work/$name" > "$log" 2>&1; then
    echo "sanitize: $name: $(sed -n 's/^stat::number_of_executed_units: *//p' "$log") executions, ok"
  else
    failed=1
    echo "sanitize: $name FAILED" && grep -E -A30 '^==[0-9]+==|runtime error|deadly|timeout|out-of-memory' "$log" | head -60
    for a in "$work/$name"-*; do [ -e "$a" ] && cp "$a" "$root/$build/" && echo "input: $build/${a##*/}"; done
  fi
done
echo "sanitize: done in $(( $(date +%s) - start )) s"
exit $failed
