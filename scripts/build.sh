#!/usr/bin/env bash
# Configures and builds opencode-cloud with Ninja.
#
#   BUILD_DIR   build directory (default: build/ in the repository)
#   BUILD_TYPE  CMake build type (default: RelWithDebInfo)
#   JOBS        parallel jobs (default: nproc)
#   TARGETS     build only these targets, space-separated (default: everything configured)
#   OCC_CCACHE  0 to build without ccache even when it is installed
# Extra arguments go to the CMake configure step, e.g. scripts/build.sh -DOCC_BUILD_TESTS=OFF
set -euo pipefail
export OCC_LOG_TAG=build
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/harness/lib.sh"

build_dir="${BUILD_DIR:-$OCC_REPO_ROOT/build}"
build_type="${BUILD_TYPE:-RelWithDebInfo}"
jobs="${JOBS:-$(nproc)}"

occ_require_cmd cmake "Run scripts/install-deps.sh first."
occ_require_cmd ninja "Run scripts/install-deps.sh first."

# CMake refuses to switch generators in an existing build directory; say so instead of failing late.
if [[ -f "$build_dir/CMakeCache.txt" ]] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$build_dir/CMakeCache.txt"; then
    occ_die "$build_dir was configured with another generator; remove it or set BUILD_DIR"
fi

launcher=()
# A developer's ccache (not installed by install-deps, so CI builds stay as they were) makes rebuilds
# in several worktrees cheap; set base_dir and hash_dir=false in ccache.conf to share between them.
if command -v ccache >/dev/null 2>&1 && [[ "${OCC_CCACHE:-1}" != 0 ]]; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

start=$SECONDS
cmake -S "$OCC_REPO_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "${launcher[@]}" "$@"
targets=()
# shellcheck disable=SC2206 # a space-separated list
[[ -n "${TARGETS:-}" ]] && targets=(--target ${TARGETS})
cmake --build "$build_dir" --parallel "$jobs" "${targets[@]}"
occ_log "built $build_type in $build_dir in $((SECONDS - start))s"
