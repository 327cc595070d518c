#!/usr/bin/env bash
# Installs, builds and runs the whole test suite (GUI tests under Xvfb); the command .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
cd build
xvfb-run -a -s "-screen 0 1280x1024x24" ctest --output-on-failure -j2 -LE bench --timeout 1500
cd ..
tools/package-check.sh build  # the Debian package: lintian, then run from an unpacked root
tools/sanitize.sh  # ASan/UBSan unit tests and 60 s per fuzz target (docs/reliability.md)
