#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run every test (CTest).
# Set BP_SKIP_SLOW=1 to leave out the real-MNIST tests (label "slow").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
args=(--preset release)
if [ "${BP_SKIP_SLOW:-0}" = 1 ]; then args+=(-LE slow); fi
ctest "${args[@]}" -j 2
