#!/usr/bin/env bash
# Makes the npm tarballs: opencode-cloud (the launcher) and @opencode-cloud/<os>-<cpu> (the native occ
# of this machine). Prints the two .tgz paths.
#
#   installers/npm/pack.sh OCC_BINARY OUT_DIR
#
# Linux: the shared libraries occ needs beyond glibc and libstdc++ (Qt, ICU, libcrypto, ...) go into
# lib/ and occ's RUNPATH is set to $ORIGIN/../lib (patchelf), so it runs on machines without Qt 6 and
# nothing leaks into the environment of programs occ starts (ssh, docker, xdg-open). Without patchelf,
# or with OCC_NPM_BUNDLE_LIBS=0, occ uses the system's Qt 6. macOS/Windows: run macdeployqt/windeployqt
# output through this script's layout by hand (not automated here).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
occ="${1:?usage: pack.sh OCC_BINARY OUT_DIR}"
out="${2:?usage: pack.sh OCC_BINARY OUT_DIR}"
log() { printf '[npm-pack] %s\n' "$*" >&2; }

version="$(node -p "require('$here/opencode-cloud/package.json').version")"
case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os=win32 ;; esac
case "$(uname -m)" in x86_64 | amd64) cpu=x64 ;; aarch64 | arm64) cpu=arm64 ;; *) cpu="$(uname -m)" ;; esac
platform="$os-$cpu"

mkdir -p "$out"
out="$(cd "$out" && pwd)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

# The platform package.
p="$stage/platform"
mkdir -p "$p/bin"
sed -e "s/@PLATFORM@/$platform/g" -e "s/@VERSION@/$version/g" -e "s/@OS@/$os/g" -e "s/@CPU@/$cpu/g" \
    "$here/platform/package.json.in" >"$p/package.json"
printf '# @opencode-cloud/%s\n\nThe native `occ` for %s, installed by the `opencode-cloud` package.\n' \
    "$platform" "$platform" >"$p/README.md"
install -m 755 "$occ" "$p/bin/occ"
if [[ "$os" == linux && "${OCC_NPM_BUNDLE_LIBS:-1}" == 1 ]]; then
    if command -v patchelf >/dev/null 2>&1; then
        mkdir -p "$p/lib"
        # glibc and the toolchain runtime stay the system's: they are everywhere, backwards compatible,
        # and must match the dynamic loader.
        ldd "$occ" | awk '/=> \// {print $3}' |
            grep -Ev '/(libc|libm|libdl|libpthread|librt|libresolv|libutil|ld-linux[^/]*|libstdc\+\+|libgcc_s)\.so' |
            while read -r lib; do
                cp -L "$lib" "$p/lib/"
                patchelf --set-rpath '$ORIGIN' "$p/lib/$(basename "$lib")"
            done
        patchelf --set-rpath '$ORIGIN/../lib' "$p/bin/occ"
        log "bundled $(ls "$p/lib" | wc -l) libraries ($(du -sh "$p/lib" | cut -f1))"
    else
        log "patchelf not found: occ will need the system's Qt 6 (apt install libqt6network6)"
    fi
fi
strip "$p/bin/occ" 2>/dev/null || true
(cd "$p" && npm pack --silent --pack-destination "$out" >/dev/null)

# The launcher, pinned to the platform packages of the same version.
l="$stage/launcher"
cp -r "$here/opencode-cloud" "$l"
(cd "$l" && npm pack --silent --pack-destination "$out" >/dev/null)

ls "$out/opencode-cloud-$version.tgz" "$out/opencode-cloud-$platform-$version.tgz"
