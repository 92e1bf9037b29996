#!/usr/bin/env bash
# Configures and builds Backprop Studio (Release, warnings as errors) into build/release.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
