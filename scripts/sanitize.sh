#!/usr/bin/env bash
# Builds the unit and engine-free integration tests with AddressSanitizer + UndefinedBehaviorSanitizer
# (clang, so the libFuzzer targets in tests/fuzz are built too) and runs them, then each fuzz target
# for OCC_FUZZ_SECONDS on its committed seeds. Any sanitizer report or fuzzer crash fails a test.
# scripts/test.sh runs this before the main suite; extra arguments go to ctest (e.g. -L fuzz).
#
#   ASAN_BUILD_DIR    build directory (default build-asan/)
#   OCC_FUZZ_SECONDS  how long each fuzz target runs (default 20)
#   JOBS              parallel build jobs (default: nproc); CTEST_JOBS parallel tests (default 2)
set -euo pipefail
export OCC_LOG_TAG=sanitize
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/harness/lib.sh"

build_dir="${ASAN_BUILD_DIR:-$OCC_REPO_ROOT/build-asan}"
cxx="$(command -v clang++ || command -v clang++-14 || true)"
[[ -n "$cxx" ]] || occ_die "clang++ not found. Run scripts/install-deps.sh first."
occ_require_cmd cmake "Run scripts/install-deps.sh first."
occ_require_cmd ninja "Run scripts/install-deps.sh first."

# A unity build, like scripts/bootstrap.sh's: faster, and it proves that no two sources of a library
# define the same name (which would break the README's first command).
args=(-DCMAKE_CXX_COMPILER="$cxx" -DOCC_SANITIZE=ON -DOCC_BUILD_TESTS=ON -DOCC_BUILD_GUI=OFF -DCMAKE_UNITY_BUILD=ON
    -DOCC_FUZZ_SECONDS="${OCC_FUZZ_SECONDS:-20}" -DOCC_WERROR="${OCC_WERROR:-OFF}")
if command -v ccache >/dev/null 2>&1; then
    args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
start=$SECONDS
cmake -S "$OCC_REPO_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug "${args[@]}" >/dev/null
cmake --build "$build_dir" --parallel "${JOBS:-$(nproc)}"
occ_log "built in $build_dir in $((SECONDS - start))s"

# halt_on_error/abort: the first report fails the test with its stack. detect_leaks: LeakSanitizer too.
# No suppressions: if Qt itself ever trips one, suppress that one frame in a file here, with the reason.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
start=$SECONDS
ctest --test-dir "$build_dir" -L sanitize --output-on-failure --no-tests=error -j "${CTEST_JOBS:-2}" "$@"
occ_log "sanitizer tests and fuzzing passed in $((SECONDS - start))s"
