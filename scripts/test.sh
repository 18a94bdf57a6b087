#!/usr/bin/env bash
# Installs the dependencies, checks the formatting, builds with the tests, runs clang-tidy on the
# changed sources, builds and runs the unit and engine-free tests under
# ASan+UBSan with the fuzz targets (scripts/sanitize.sh), and runs the whole CTest suite. This is what CI
# runs (.ci/run). Extra arguments go to the main ctest run, e.g. `scripts/test.sh -L unit` or
# `-R TestConfig`.
#
#   BUILD_DIR        build directory (default build/)
#   CTEST_JOBS       parallel tests (default 2; engine tests serialise on RESOURCE_LOCK docker anyway)
#   OCC_SKIP_DEPS=1  do not run install-deps.sh
#   OCC_CHECKS=0     skip the format check, clang-tidy and the sanitizer build (a quick local run)
#   OCC_WERROR       ON (default here) makes warnings errors in both builds; OFF for a quick local run
#
# The sanitizer step runs in the background beside clang-tidy and the main suite (its log:
# BUILD_DIR/sanitize.log, whose tail is printed when it fails). Exits non-zero when ctest or the sanitizer
# step failed; CTest's summary of the main suite comes last. A dockerd that the harness started is stopped
# by the engine_down fixture; the trap below also covers an interrupted run.
set -euo pipefail
export OCC_LOG_TAG=test
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/harness/lib.sh"

build_dir="${BUILD_DIR:-$OCC_REPO_ROOT/build}"
export BUILD_DIR="$build_dir"

if [[ "${OCC_SKIP_DEPS:-0}" != 1 ]]; then
    bash "$OCC_REPO_ROOT/scripts/install-deps.sh"
fi
checks="${OCC_CHECKS:-1}"
if [[ "$checks" != 0 ]]; then
    bash "$OCC_REPO_ROOT/scripts/check-format.sh"
fi
# Warnings are errors here (CI); a developer's scripts/build.sh keeps them warnings. Line tables (-g1)
# instead of full debug info: backtraces keep file and line, and the build writes far less.
export OCC_WERROR="${OCC_WERROR:-ON}"
# One source per compiler run (not bootstrap's unity build), so a source that misses an include fails here.
bash "$OCC_REPO_ROOT/scripts/build.sh" -DOCC_BUILD_TESTS=ON -DOCC_WERROR="$OCC_WERROR" \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_UNITY_BUILD=OFF

sanitizer_pid=""
sanitizer_log="$build_dir/sanitize.log"
cleanup() {
    # An interrupted run must not leave the sanitizer build or its tests running.
    if [[ -n "$sanitizer_pid" ]] && kill -0 "$sanitizer_pid" 2>/dev/null; then
        kill -- "-$sanitizer_pid" 2>/dev/null || true
    fi
    bash "$OCC_REPO_ROOT/tests/harness/engine.sh" down -q || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ "$checks" != 0 ]]; then
    # The sanitizer build and its tests run beside clang-tidy and the main suite, at a lower priority:
    # the main suite mostly waits on the engine and opencode, so the cores would otherwise idle. Its own
    # process group, so the trap can stop all of it.
    set -m
    nice -n 10 bash "$OCC_REPO_ROOT/scripts/sanitize.sh" >"$sanitizer_log" 2>&1 &
    sanitizer_pid=$!
    set +m
    occ_log "sanitizer build and tests started in the background (log: $sanitizer_log)"
    bash "$OCC_REPO_ROOT/scripts/tidy.sh"
fi

# No `exec`: the trap must run after ctest.
set +e
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j "${CTEST_JOBS:-2}" "$@" 2>&1 |
    tee "$build_dir/ctest.log"
status=${PIPESTATUS[0]}
set -e

if [[ -n "$sanitizer_pid" ]]; then
    sanitizer_status=0
    wait "$sanitizer_pid" || sanitizer_status=$?
    sanitizer_pid=""
    if ((sanitizer_status == 0)); then
        grep -E 'tests passed|passed in' "$sanitizer_log" | sed 's/^/sanitize: /' || true
    else
        tail -n 80 "$sanitizer_log"
        occ_log "the sanitizer build or its tests failed (exit $sanitizer_status); whole log: $sanitizer_log"
        ((status != 0)) || status=$sanitizer_status
    fi
    # CTest's summary of the main suite stays the last thing printed.
    echo
    echo "main suite:"
    sed -n '/tests passed\|tests failed/,$p' "$build_dir/ctest.log"
fi
exit "$status"
