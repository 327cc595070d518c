#!/usr/bin/env bash
# Installs the Debian 12 packages HandAlign Studio builds, runs and tests with (only those missing).
set -euo pipefail
PACKAGES=(
  build-essential cmake pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6opengl6-dev
  qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n  # Qt's own strings (OK, Cancel, file dialogs) in Chinese
  libvtk9-dev libgl-dev libgl1-mesa-dri
  libeigen3-dev libopencv-dev libsimdjson-dev libsqlite3-dev
  python3 python3-numpy python3-scipy python3-opencv
  libtorch-dev python3-torch libopenblas0-pthread  # OpenBLAS: 13× faster CPU inference than the reference BLAS
  xvfb xauth fonts-dejavu-core fonts-wqy-microhei
  libjpeg-dev libpng-dev  # strict mask decoding: libjpeg's warnings are errors, nothing printed
  libxxhash-dev  # the array cache's payload checksum (XXH3)
  clang libclang-rt-14-dev  # tools/sanitize.sh: ASan/UBSan build and libFuzzer targets
  pybind11-dev python3-dev python3-pytest  # `import handalign` (app/python) and its pytest suite
  help2man lintian  # the Debian package: man pages from --help, checked by lintian
  slurm-wlm munge  # TestSlurm: a real single-node cluster (tests/slurm/cluster.sh, as root)
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq < /dev/null
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" < /dev/null
