#!/usr/bin/env bash
# Runs the test suite under the sanitizers (see docs/HARDENING.md):
#   1. the `asan` preset (AddressSanitizer + UndefinedBehaviorSanitizer, leak checks on): every
#      test — core, CLI and the GUI tests on the offscreen platform — except the `slow` label;
#   2. the `tsan` preset (ThreadSanitizer): the Qt-free core and CLI tests, which include the
#      trainer's cross-thread learning-rate and cancellation paths.
# Any sanitizer report fails the test that caused it, and so this script. Nothing in our code
# is suppressed; tests/sanitizers/lsan.supp only names leaks inside system libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=${BP_JOBS:-2}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
export QT_QPA_PLATFORM=offscreen

echo "== ASan + UBSan: build (build/asan)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
echo "== ASan + UBSan: tests (slow ones excluded)"
BP_RSS_SLACK=2.5 ctest --preset asan -j "$jobs"

echo "== TSan: build (build/tsan, no Qt)"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs"
echo "== TSan: core and CLI tests"
BP_RSS_SLACK=6 ctest --preset tsan -j "$jobs"
