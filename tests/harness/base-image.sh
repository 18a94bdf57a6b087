#!/usr/bin/env bash
# Builds the Debian bookworm base image the opencode image tests build FROM (occ-test-base:bookworm):
# debootstrap minbase plus what docker/Dockerfile would otherwise install with apt, imported as a
# single layer (the vfs storage driver copies every layer). No registry needed, only deb.debian.org.
# Another suite (OCC_BASE_SUITE=trixie) gives occ-test-base:<suite>; qt68-check.sh builds on that.
#
#   base-image.sh [--force]   prints the image name; skips when the image exists
#
# The rootfs tarball is cached under $OCC_HARNESS_CACHE, keyed by suite, mirror and package list, so
# a rerun after `docker rmi` takes seconds. debootstrap needs root.
#
#   OCC_BASE_SUITE     Debian suite (default bookworm)
#   OCC_BASE_IMAGE     image name (default occ-test-base:<suite>)
#   OCC_BASE_INCLUDE   packages on top of minbase (default ca-certificates,curl,git,ripgrep,tini,procps)
#   OCC_DEBIAN_MIRROR  default http://deb.debian.org/debian (plain HTTP: apt verifies signatures)
set -euo pipefail
export OCC_LOG_TAG=base-image
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SUITE="${OCC_BASE_SUITE:-bookworm}"
IMAGE="${OCC_BASE_IMAGE:-occ-test-base:$SUITE}"
MIRROR="${OCC_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# procps: ps/pgrep for debugging and the tests' process checks; bash, coreutils, passwd (useradd)
# and libc-bin (getent) are in minbase already.
INCLUDE="${OCC_BASE_INCLUDE:-ca-certificates,curl,git,ripgrep,tini,procps}"
KEY_LABEL=org.opencode-cloud.harness.rootfs-key
FORCE=0
[[ "${1:-}" == --force ]] && FORCE=1

occ_engine_ping "$DOCKER_SOCK" || occ_die "no engine: $(occ_engine_diagnose "$DOCKER_SOCK"). Run tests/harness/engine.sh up first."

key="$(printf '%s\n' "rev=1" "$SUITE" "$MIRROR" "$INCLUDE" | sha256sum | cut -c1-16)"
if ((FORCE == 0)) && occ_image_exists "$IMAGE"; then
    have="$(occ_image_label "$IMAGE" "$KEY_LABEL")"
    if [[ "$have" == "$key" ]]; then
        occ_log "$IMAGE is up to date"
        echo "$IMAGE"
        exit 0
    elif [[ -z "$have" ]]; then
        occ_log "$IMAGE exists and was not built by this script; keeping it (--force rebuilds it)"
        echo "$IMAGE"
        exit 0
    fi
    occ_log "$IMAGE was built from other inputs; rebuilding"
fi

cache="$(occ_cache_dir)"
tarball="$cache/rootfs-$SUITE-$key.tar"
if [[ ! -s "$tarball" ]]; then
    occ_is_root || occ_die "debootstrap needs root; run as root once (the rootfs is cached in $cache)"
    occ_require_cmd debootstrap "Run scripts/install-deps.sh (Debian/Ubuntu package debootstrap)."
    exec 9>"$cache/rootfs-$SUITE.lock"
    flock -w 900 9 || occ_die "another base-image.sh holds $cache/rootfs-$SUITE.lock"
fi
if [[ ! -s "$tarball" ]]; then
    root="$(mktemp -d "$cache/rootfs-$SUITE.XXXXXX")"
    trap 'rm -rf "$root" "$tarball.tmp"' EXIT
    occ_log "debootstrap $SUITE (minbase + $INCLUDE) from $MIRROR"
    start=$SECONDS
    if ! debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$root" "$MIRROR" \
        >"$cache/debootstrap-$SUITE.log" 2>&1; then
        tail -n 30 "$cache/debootstrap-$SUITE.log" >&2
        occ_die "debootstrap failed (log: $cache/debootstrap-$SUITE.log)"
    fi
    # What an image does not need: package lists, caches, logs, and debootstrap's leftovers.
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
        "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/debootstrap
    chmod 755 "$root"
    tar --numeric-owner -C "$root" -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"
    rm -rf "$root"
    occ_log "rootfs cached as $tarball ($(du -m "$tarball" | cut -f1) MB) in $((SECONDS - start))s"
fi

start=$SECONDS
occ_docker import \
    --change 'CMD ["/bin/bash"]' \
    --change 'ENV LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "LABEL $KEY_LABEL=$key" \
    "$tarball" "$IMAGE" >/dev/null
occ_log "imported $IMAGE in $((SECONDS - start))s"
echo "$IMAGE"
