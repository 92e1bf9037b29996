#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and start the studio on its embedded data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec build/release/app/backprop-studio "$@"
