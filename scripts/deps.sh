#!/usr/bin/env bash
# Installs the Debian 12 packages Backprop Studio needs to build, test and run, if any is missing.
# Usage: scripts/deps.sh            (build + run + test)
# Uses sudo when not root. Prints what it installs; does nothing when all are present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libeigen3-dev zlib1g-dev
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-websockets-dev libqrencode-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libgl-dev libqt6opengl6-dev
  libgtest-dev libbenchmark-dev
  python3 python3-numpy
  libonnx-dev libprotobuf-dev protobuf-compiler python3-onnx
  jupyter-nbconvert python3-nbconvert python3-ipykernel
  desktop-file-utils
  fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
