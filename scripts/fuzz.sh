#!/usr/bin/env bash
# Fuzzes every file loader and class mode's message parser: builds the libFuzzer targets with clang (ASan + UBSan) into
# build/fuzz and runs each for SECONDS (default 30). Fails on any crash, hang (an input taking
# more than 10 s), sanitizer report, check failure or memory above 2048 MB.
#   scripts/fuzz.sh [SECONDS] [TARGET…]     e.g. scripts/fuzz.sh 600 csv
# Seeds: fuzz/corpus/<target> (read-only); inputs found during the run go to
# build/fuzz/corpus/<target>; a crashing input is saved as build/fuzz/artifacts/<target>/crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(csv idx idx_gz gunzip model npy session headers options class_message); fi

# clang and its libFuzzer/sanitizer runtimes, installed like scripts/deps.sh does when missing.
if ! command -v clang++ >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null |
    grep -q "install ok installed"; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "fuzz.sh: installing clang and libclang-rt-14-dev" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev
fi
CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release -DBP_FUZZ=ON \
  -DBP_BUILD_UI=OFF -DBP_BUILD_TESTS=OFF -DBP_BUILD_BENCH=OFF >/dev/null
cmake --build build/fuzz -j 2 --target "${targets[@]/#/fuzz_}"

status=0
for t in "${targets[@]}"; do
  work=build/fuzz/corpus/$t
  artifacts=build/fuzz/artifacts/$t
  mkdir -p "$work" "$artifacts"
  dict=()
  seeds=("fuzz/corpus/$t")
  limits=()
  case $t in
    csv) dict=(-dict=fuzz/csv.dict) ;;
    model) dict=(-dict=fuzz/model.dict) ;;
    npy) dict=(-dict=fuzz/npy.dict) ;;
    session) dict=(-dict=fuzz/session.dict) ;;
    class_message) dict=(-dict=fuzz/class_message.dict) ;;
    # The file loaders of models, sessions and .npy, seeded from their corpora; no single
    # allocation above 64 MB for an input of at most 16 KiB (see fuzz_headers.cpp).
    headers)
      dict=(-dict=fuzz/headers.dict)
      seeds=(fuzz/corpus/model fuzz/corpus/session fuzz/corpus/npy)
      limits=(-malloc_limit_mb=64)
      ;;
  esac
  log=build/fuzz/$t.log
  echo "== fuzz_$t for ${seconds} s (log: $log)"
  if build/fuzz/fuzz/fuzz_"$t" "$work" "${seeds[@]}" "${dict[@]}" "${limits[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$log" | tr '\n' ' '
    echo "corpus: $(ls "$work" | wc -l) inputs"
  else
    status=1
    echo "fuzz_$t FAILED:" >&2
    grep -E -A30 'ERROR: |runtime error|fuzz check failed|Test unit written' "$log" | head -60 >&2
  fi
done
exit $status
