#!/usr/bin/env bash
# Installs everything needed to build, test and run opencode-cloud from Debian 12 / Ubuntu 24.04
# packages. Idempotent: packages already installed are skipped, and apt is not touched when nothing
# is missing. Uses sudo when not run as root.
#
#   OCC_DEPS_EXTRA="a b"   more packages to install
#   OCC_DEPS_FOR=run       only what building and running occ needs (scripts/bootstrap.sh); default: test
#   OCC_DEPS_NO_GUI_E2E=1  skip the tools only the GUI end-to-end tests use (Xvfb, trayer, xdotool, ImageMagick)
set -euo pipefail
export OCC_LOG_TAG=install-deps
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/harness/lib.sh"

command -v apt-get >/dev/null 2>&1 ||
    occ_die "this script supports Debian and Ubuntu (apt); install the packages listed in it by hand"

packages=(
    # build
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev libqt6svg6 nlohmann-json3-dev libspdlog-dev libfmt-dev
    # runtime: the engine, and what the CLI uses to reach remote hosts
    docker.io curl ca-certificates openssh-client procps util-linux
    # a Debian base image built locally when the default base cannot be pulled (bootstrap.sh, the harness)
    # (debian-archive-keyring: Ubuntu's debootstrap needs it to verify Debian bookworm)
    debootstrap debian-archive-keyring
)
# OCC_DEPS_FOR=run (scripts/bootstrap.sh): only what building and running `occ` needs.
if [[ "${OCC_DEPS_FOR:-test}" != run ]]; then
    packages+=(
        # checks in scripts/test.sh: formatting, clang-tidy, and clang with its sanitizer and libFuzzer runtimes
        clang-format clang clang-tidy libclang-rt-dev
        # tests/harness/windows-syntax.sh: the Windows sources compiled for Windows
        g++-mingw-w64-x86-64-posix python3
        # test harness: busybox test image, fake engines, ssh transport tests
        busybox-static socat openssh-server xz-utils
        # front door: Caddy (its Caddyfile is validated, and its binary goes into the test image), TLS tests
        caddy openssl
        # browser test: headless Chromium, certutil for its NSS trust store, and ip (iproute2) for the
        # second network namespace it runs in
        chromium libnss3-tools iproute2
        # packaging: the .rpm (rpmbuild) and the npm package's bundled libraries (patchelf)
        rpm patchelf
        # completions and man page are checked by their own tools; systemd-analyze verifies the units
        zsh fish groff systemd
        # GUI tests render text; xdpyinfo waits for Xvfb; appstreamcli validates the metainfo
        fonts-dejavu-core x11-utils appstream
    )
fi
if [[ "${OCC_DEPS_FOR:-test}" != run && "${OCC_DEPS_NO_GUI_E2E:-0}" != 1 ]]; then
    packages+=(xvfb xauth trayer imagemagick xdotool)
fi
# shellcheck disable=SC2206 # a space-separated list
packages+=(${OCC_DEPS_EXTRA:-})
# The harness fetches the pinned opencode binary with npm. Keep a node/npm that is already on PATH
# (for example Node 20 with npm 11); Debian's npm would replace it.
if [[ "${OCC_DEPS_FOR:-test}" != run ]] && { ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; }; then
    packages+=(nodejs npm)
fi

installed() { [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]; }

missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    occ_log "all ${#packages[@]} packages are installed"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
occ_log "installing ${#missing[@]} packages: ${missing[*]}"
occ_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq

unknown=()
for p in "${missing[@]}"; do
    candidate="$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')"
    [[ -n "$candidate" && "$candidate" != "(none)" ]] || unknown+=("$p")
done
((${#unknown[@]} == 0)) ||
    occ_die "not available from your apt sources: ${unknown[*]} (Debian 12 and Ubuntu 24.04 have them all; on Ubuntu enable 'universe')"

# Recommends are left out on purpose: they would add hundreds of MB (docker.io alone recommends
# apparmor, needrestart, ...). Everything we need is listed above.
# apt's and debconf's chatter is kept in a log that is shown only when the install fails.
log="$(mktemp "${TMPDIR:-/tmp}/occ-install-deps.XXXXXX")"
if ! occ_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Use-Pty=0 "${missing[@]}" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    occ_die "apt-get install failed (full log: $log)"
fi
rm -f "$log"
occ_log "installed in ${SECONDS}s"
