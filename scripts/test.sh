#!/usr/bin/env bash
# Installs the dependencies, builds with the tests, and runs the whole CTest suite. This is what CI
# runs (.ci/run). Extra arguments go to ctest, e.g. `scripts/test.sh -L unit` or `-R TestConfig`.
#
#   BUILD_DIR        build directory (default build/)
#   CTEST_JOBS       parallel tests (default 2; engine tests serialise on RESOURCE_LOCK docker anyway)
#   OCC_SKIP_DEPS=1  do not run install-deps.sh
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
bash "$OCC_REPO_ROOT/scripts/build.sh" -DOCC_BUILD_TESTS=ON

cleanup() { bash "$OCC_REPO_ROOT/tests/harness/engine.sh" down -q || true; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# No `exec`: the trap must run after ctest. Nothing prints after ctest's summary unless the trap
# has to stop a dockerd that an interrupted run left behind.
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j "${CTEST_JOBS:-2}" "$@"
