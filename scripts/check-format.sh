#!/usr/bin/env bash
# Fails when a tracked C++ file is not formatted as .clang-format says. Fix one with
# `clang-format -i FILE` (only files you changed: never reformat code you did not touch).
set -euo pipefail
export OCC_LOG_TAG=format
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/harness/lib.sh"

occ_require_cmd clang-format "Run scripts/install-deps.sh first."
cd "$OCC_REPO_ROOT"
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if ! clang-format --dry-run -Werror "${files[@]}"; then
    occ_die "the files above are not clang-format clean (clang-format -i FILE fixes one)"
fi
occ_log "${#files[@]} files are clang-format clean"
