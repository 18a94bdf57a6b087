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
# Exits with ctest's status. A dockerd that the harness started is stopped by the engine_down
# fixture; the trap below also covers an interrupted run, and does nothing (silently) otherwise.
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
# Warnings are errors here (CI); a developer's scripts/build.sh keeps them warnings.
export OCC_WERROR="${OCC_WERROR:-ON}"
bash "$OCC_REPO_ROOT/scripts/build.sh" -DOCC_BUILD_TESTS=ON -DOCC_WERROR="$OCC_WERROR"
if [[ "$checks" != 0 ]]; then
    bash "$OCC_REPO_ROOT/scripts/tidy.sh"
    # Before the main suite, so CTest's summary of the main suite stays the last thing printed.
    bash "$OCC_REPO_ROOT/scripts/sanitize.sh"
fi

cleanup() { bash "$OCC_REPO_ROOT/tests/harness/engine.sh" down -q || true; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# No `exec`: the trap must run after ctest. Nothing prints after ctest's summary unless the trap
# has to stop a dockerd that an interrupted run left behind.
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j "${CTEST_JOBS:-2}" "$@"
