#!/usr/bin/env bash
# Fetches the pinned opencode binary from npm (package opencode-linux-<arch>), caches it, checks that
# it runs and reports the expected version, and prints its path on stdout.
#
#   OPENCODE_VERSION   default 1.18.33 (the version CMake pins as OCC_OPENCODE_VERSION)
#   OCC_HARNESS_CACHE  cache root; the binary lands in <cache>/opencode-linux-<arch>-<version>/opencode
#                      (the same place tests/integration/image-smoke.sh looks)
set -euo pipefail
export OCC_LOG_TAG=opencode-binary
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERSION="${OPENCODE_VERSION:-1.18.33}"
case "$(uname -m)" in
x86_64 | amd64) ARCH=x64 ;;
aarch64 | arm64) ARCH=arm64 ;;
*) occ_die "opencode publishes no Linux build for $(uname -m)" ;;
esac
PKG="opencode-linux-$ARCH"
DIR="$(occ_cache_dir)/$PKG-$VERSION"
BIN="$DIR/opencode"

if [[ ! -x "$BIN" ]]; then
    occ_require_cmd npm "Run scripts/install-deps.sh (it installs nodejs and npm when missing)."
    work="$(mktemp -d "${TMPDIR:-/tmp}/occ-opencode.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    occ_log "npm pack $PKG@$VERSION"
    if ! (cd "$work" && npm pack --loglevel=error "$PKG@$VERSION" >npm.out 2>npm.err); then
        cat "$work/npm.err" >&2
        occ_die "npm pack $PKG@$VERSION failed (registry unreachable, or no such version?)"
    fi
    tar -xzf "$work/$PKG-$VERSION.tgz" -C "$work" package/bin/opencode ||
        occ_die "$PKG-$VERSION.tgz has no package/bin/opencode"
    mkdir -p "$DIR"
    install -m 0755 "$work/package/bin/opencode" "$BIN.tmp"
    mv "$BIN.tmp" "$BIN" # atomic: a concurrent caller sees either nothing or the whole binary
fi

# A throwaway HOME: opencode may create its data and cache directories even for --version.
home="$(mktemp -d "${TMPDIR:-/tmp}/occ-opencode-home.XXXXXX")"
got="$(HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state" timeout 60 "$BIN" --version 2>&1)" || {
    rm -rf "$home"
    occ_die "$BIN --version failed: $got"
}
rm -rf "$home"
[[ "$got" == "$VERSION" ]] || occ_die "$BIN reports version '$got', expected $VERSION"
occ_log "opencode $got at $BIN"
echo "$BIN"
