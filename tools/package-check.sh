#!/usr/bin/env bash
# Builds the Debian package, checks it with lintian (no errors) and runs it from an unpacked root:
# --version, an evaluation of synthetic data, `import handalign`. Usage: tools/package-check.sh [BUILD]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
rm -f "$build"/handalign_*.deb
cmake --build "$build" --target package -- -j2 > "$build/package.log" 2>&1 ||
  { tail -30 "$build/package.log"; exit 1; }
deb=$(ls "$build"/handalign_*.deb)
echo "package-check: $deb ($(du -h "$deb" | cut -f1))"
lintian --fail-on error "$deb" 2>&1 | tee "$build/lintian.txt"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
for f in usr/bin/handalign usr/bin/handalign-studio usr/share/applications/org.handalign.Studio.desktop \
         usr/share/metainfo/org.handalign.Studio.metainfo.xml usr/share/man/man1/handalign.1.gz \
         usr/share/man/man1/handalign-studio.1.gz usr/share/bash-completion/completions/handalign \
         usr/share/icons/hicolor/scalable/apps/org.handalign.Studio.svg; do
  [ -e "$root/$f" ] || { echo "package-check: $f is missing from the package" >&2; exit 1; }
done
export HANDALIGN_CACHE_DIR=$root/cache
unset HANDALIGN_PLUGIN_PATH HANDALIGN_BIN_DIR
"$root/usr/bin/handalign" --version
"$root/usr/bin/handalign" synth --out "$root/data" --count 6 --seed 1 --quiet
"$root/usr/bin/handalign" eval --dataset "$root/data" --pred "rough=$root/data/pred_rough.json" \
  --out "$root/eval" --format json > "$root/summary.json"
/usr/bin/python3 -c "import json, sys; s = json.load(open(sys.argv[1])); assert s['predictions'][0]['samples'] == 6" "$root/summary.json"
PYTHONPATH="$root/usr/lib/python3/dist-packages" /usr/bin/python3 -c "
import handalign, sys
assert handalign.__file__.startswith(sys.argv[1]), handalign.__file__
r = handalign.evaluate(sys.argv[1] + '/data', {'rough': sys.argv[1] + '/data/pred_rough.json'})
print('package-check: import handalign', handalign.__version__, 'from the package:', len(r['per_sample']['sample']), 'rows')
" "$root"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/handalign-studio" --version
echo "package-check: ok (lintian: $(grep -c '^E:' "$build/lintian.txt" || true) errors, $(grep -c '^W:' "$build/lintian.txt" || true) warnings)"
