#!/usr/bin/env bash
# From a fresh Debian 12 / Ubuntu 24.04 machine to a running opencode service:
#   1. install the dependencies (scripts/install-deps.sh)
#   2. build `occ`, and only `occ`, (scripts/build.sh) into $BUILD_DIR (default build/); the desktop app
#      is `bash scripts/build.sh`, the tests `bash scripts/test.sh`
#   3. make sure a Docker engine answers: `systemctl enable --now docker` under systemd, otherwise
#      start dockerd in the background (log /var/log/occ-dockerd.log)
#   4. occ setup --yes, occ start; print the URL and how to read the password
# Safe to rerun. Uses sudo for the steps that need root when not run as root.
#
#   OCC_DOCKERD_STORAGE_DRIVER  storage driver for a dockerd started here without systemd
#                               (default: dockerd's own choice; vfs works everywhere but is slow)
set -euo pipefail
export OCC_LOG_TAG=bootstrap
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/harness/lib.sh"

build_dir="${BUILD_DIR:-$OCC_REPO_ROOT/build}"
export BUILD_DIR="$build_dir"
occ="$build_dir/cli/occ"

# Only what this script needs: no test tools (scripts/test.sh installs those).
OCC_DEPS_FOR=run bash "$OCC_REPO_ROOT/scripts/install-deps.sh"
# Only what this script runs: the tests are off by default, and the desktop app is not needed here.
# A unity build: each library's sources compiled in a few batches parse Qt, spdlog and nlohmann-json
# once per batch instead of once per file. scripts/sanitize.sh builds the same way in CI, so a name
# that two sources of one library both define cannot break this command unnoticed.
TARGETS=occ bash "$OCC_REPO_ROOT/scripts/build.sh" -DCMAKE_UNITY_BUILD=ON
[[ -x "$occ" ]] || occ_die "the build did not produce $occ"

start_engine() {
    if [[ "$(cat /proc/1/comm 2>/dev/null)" == systemd && -d /run/systemd/system ]]; then
        occ_log "starting Docker with systemd (enabled at boot from now on)"
        occ_as_root systemctl enable --now docker.service ||
            occ_die "systemctl enable --now docker failed; see: journalctl -u docker"
    else
        # Two daemons on one data root corrupt each other: never start a second one.
        if pgrep -x dockerd >/dev/null 2>&1; then
            occ_die "a dockerd is running but does not answer at $DOCKER_SOCK ($(occ_engine_diagnose "$DOCKER_SOCK")); \
fix or stop it (its log tells why), or point DOCKER_SOCK at its socket"
        fi
        occ_log "no systemd here: starting dockerd in the background (log: /var/log/occ-dockerd.log)."
        occ_log "It will not come back after a reboot; rerun this script or start dockerd yourself."
        local args=()
        [[ -n "${OCC_DOCKERD_STORAGE_DRIVER:-}" ]] && args+=(--storage-driver="$OCC_DOCKERD_STORAGE_DRIVER")
        # shellcheck disable=SC2016 # expanded by the root shell
        occ_as_root bash -c 'source "$1"; shift; occ_start_dockerd "$@" >/dev/null' _ \
            "$OCC_REPO_ROOT/tests/harness/lib.sh" "$DOCKER_SOCK" /var/run/docker.pid /var/log/occ-dockerd.log \
            "${args[@]}"
    fi
    occ_wait_for 60 engine_up_or_not_ours ||
        occ_die "Docker did not come up within 60 s: $(occ_engine_diagnose "$DOCKER_SOCK")"
}

# Answers, or (as a user outside the docker group) at least has its socket up; that is handled below.
engine_up_or_not_ours() {
    occ_engine_ping "$DOCKER_SOCK" || { [[ -S "$DOCKER_SOCK" && ! -w "$DOCKER_SOCK" ]] && ! occ_is_root; }
}

if occ_engine_ping "$DOCKER_SOCK"; then
    occ_log "Docker answers at $DOCKER_SOCK"
elif ! engine_up_or_not_ours; then
    start_engine
fi

# A user outside the docker group: add them, and use the group for the rest of this run through sg
# (the new membership applies to new logins only).
use_sg=0
if ! occ_is_root && [[ ! -w "$DOCKER_SOCK" ]]; then
    user="$(id -un)"
    if ! id -nG "$user" | tr ' ' '\n' | grep -qx docker; then
        occ_log "adding $user to the docker group (log out and in again for it to apply everywhere)"
        occ_as_root usermod -aG docker "$user"
    fi
    use_sg=1
fi
occ_cmd() {
    if ((use_sg)); then
        sg docker -c "$(printf '%q ' "$occ" "$@")"
    else
        "$occ" "$@"
    fi
}
occ_engine_ping "$DOCKER_SOCK" || ((use_sg)) ||
    occ_die "Docker does not answer: $(occ_engine_diagnose "$DOCKER_SOCK")"

occ_log "occ setup --yes"
occ_cmd setup --yes

# Offline or registry-less hosts: the default base (ubuntu:24.04) comes from a registry. When it cannot be
# pulled, build a Debian base locally with debootstrap (needs only the Debian archive) and use that.
base="$(occ_cmd config get image.base)"
if ! occ_as_root docker image inspect "$base" >/dev/null 2>&1 && ! occ_as_root docker pull -q "$base" >/dev/null 2>&1; then
    occ_log "cannot pull $base: building a Debian base image locally instead (tests/harness/base-image.sh)"
    base="$(occ_as_root bash "$OCC_REPO_ROOT/tests/harness/base-image.sh" | tail -n 1)"
    occ_cmd config set image.base "$base" >/dev/null
fi
# TLS-intercepting networks (a corporate proxy): the certificates this host trusts go into the image
# before opencode is downloaded.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    occ_log "adding this host's extra CA certificates (/usr/local/share/ca-certificates) to the image"
    occ_cmd config set image.extra_ca_certs true >/dev/null
fi
occ_log "occ start (the first start builds the opencode image; this takes a few minutes)"
occ_cmd start

url="$(occ_cmd status --json 2>/dev/null | sed -n 's/.*"url" *: *"\([^"]*\)".*/\1/p' | head -n 1 || true)"
cat <<MSG

opencode-cloud is running.
  URL:       ${url:-printed by \`occ start\` above; \`$occ status\` shows it again}
  Password:  $occ password show
  Stop:      $occ stop      Status: $occ status      Logs: $occ logs
MSG
