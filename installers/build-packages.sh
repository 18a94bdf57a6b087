#!/usr/bin/env bash
# Builds the Linux packages with CPack: only the targets the packages contain (not the tests), then
# `cpack`. Prints the paths of the packages it made.
#
#   installers/build-packages.sh [BUILD_DIR] [GENERATOR...]
#     BUILD_DIR   default build-packages (configured here, Release, if it has no CMakeCache.txt)
#     GENERATOR   DEB, RPM (default: DEB, plus RPM when rpmbuild is installed)
#   OCC_JOBS      parallel jobs (default 2)
#
# `cmake --build BUILD_DIR --target package` does the same but builds everything, tests included.
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$src/build-packages}"
shift || true
generators=("$@")
if ((${#generators[@]} == 0)); then
    generators=(DEB)
    command -v rpmbuild >/dev/null 2>&1 && generators+=(RPM)
fi
log() { printf '[build-packages] %s\n' "$*" >&2; }

command -v cmake >/dev/null || { log "cmake is missing: run scripts/install-deps.sh"; exit 1; }
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    log "configuring $build"
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DOCC_BUILD_TESTS=OFF >&2
fi
cmake --build "$build" -j "${OCC_JOBS:-2}" --target occ opencode-cloud occ_shell_integration >&2
rm -rf "$build/packages"
for g in "${generators[@]}"; do
    log "cpack -G $g"
    (cd "$build" && cpack -G "$g" --config CPackConfig.cmake >&2) || {
        log "cpack -G $g failed; see $build/_CPack_Packages/*/$g/*.log"
        exit 1
    }
done
find "$build/packages" -maxdepth 1 -type f \( -name '*.deb' -o -name '*.rpm' \) | sort
