#!/usr/bin/env bash
# Runs clang-tidy (the checks in .clang-tidy) on the C++ sources changed by the last commits, with the
# compile commands of an existing build. Fails on any finding.
#
#   BUILD_DIR          build directory with compile_commands.json (default build/)
#   OCC_TIDY_BASE      compare against this commit (default: HEAD~OCC_TIDY_COMMITS)
#   OCC_TIDY_COMMITS   how many commits back "changed" reaches (default 10; fewer in a shallow clone)
#   JOBS               parallel clang-tidy processes (default: nproc)
# Extra arguments are files to check instead of the changed ones.
set -euo pipefail
export OCC_LOG_TAG=tidy
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/harness/lib.sh"

build_dir="${BUILD_DIR:-$OCC_REPO_ROOT/build}"
tidy="$(command -v clang-tidy || command -v clang-tidy-14 || true)"
[[ -n "$tidy" ]] || occ_die "clang-tidy not found. Run scripts/install-deps.sh first."
[[ -f "$build_dir/compile_commands.json" ]] || occ_die "no $build_dir/compile_commands.json: build first"
cd "$OCC_REPO_ROOT"

if (($# > 0)); then
    files=("$@")
else
    base="${OCC_TIDY_BASE:-}"
    if [[ -z "$base" ]]; then
        # A shallow clone has fewer commits: reach back as far as there is history.
        available=$(($(git rev-list --count HEAD) - 1))
        commits="${OCC_TIDY_COMMITS:-10}"
        ((commits > available)) && commits=$available
        base="HEAD~$commits"
    fi
    # Only sources in this build's compile database (the Windows-only ones are not compiled here).
    mapfile -t files < <(git diff --name-only --diff-filter=d "$base" -- '*.cpp' |
        while read -r f; do grep -q "\"file\": \"$OCC_REPO_ROOT/$f\"" "$build_dir/compile_commands.json" && echo "$f"; done)
fi
if ((${#files[@]} == 0)); then
    occ_log "no changed C++ sources to check"
    exit 0
fi
start=$SECONDS
occ_log "checking ${#files[@]} file(s) with $(basename "$tidy")"
# --quiet drops the "N warnings generated" lines from headers outside HeaderFilterRegex.
printf '%s\n' "${files[@]}" |
    xargs -P "${JOBS:-$(nproc)}" -n 1 "$tidy" --quiet -p "$build_dir" ||
    occ_die "clang-tidy found problems (above)"
occ_log "clean in $((SECONDS - start))s"
