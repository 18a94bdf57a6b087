#!/usr/bin/env bash
# `occ service install --system` under a real systemd: systemd runs as PID 1 in a (nearly) privileged container
# built from a debootstrapped bookworm rootfs (plus occ's runtime libraries from Debian), with the
# host's Docker socket and the freshly built occ binary mounted in. It proves, with systemctl:
#   1. the unit starts, `occ run` brings the (stand-in) service container up and it answers healthily;
#   2. kill -9 of `occ run` is a failure systemd restarts (NRestarts >= 1) and the service is back;
#   3. `systemctl stop` stops the container (SIGTERM reaches `occ run`, which stops it cleanly);
#   4. a crash loop: `occ run` gives up after restart.max_retries and exits non-zero, systemd restarts it
#      until StartLimitBurst (from the same settings) marks the unit failed;
#   5. `occ service uninstall` removes the unit.
#
#   systemd-real.sh OCC_BINARY
#
# The rootfs is cached under $OCC_HARNESS_CACHE (see tests/harness/lib.sh) keyed by its package list;
# the image imported from it (occ-test-systemd:bookworm) is removed afterwards like everything else it
# creates, unless OCC_KEEP_SYSTEMD_IMAGE=1 (re-importing the cached rootfs takes seconds).
set -euo pipefail
export OCC_LOG_TAG=systemd-real
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/harness/lib.sh
source "$HERE/../harness/lib.sh"

OCC_BIN="$(readlink -f "${1:?usage: systemd-real.sh path/to/occ}")"
[[ -x "$OCC_BIN" ]] || occ_die "not executable: $OCC_BIN"
occ_is_root || occ_die "needs root (debootstrap, a privileged container, kill of a service's process)"
occ_engine_ping "$DOCKER_SOCK" || occ_die "no engine: $(occ_engine_diagnose "$DOCKER_SOCK")"

SYSTEMD_IMAGE="${OCC_SYSTEMD_IMAGE:-occ-test-systemd:bookworm}"
SUITE=bookworm
MIRROR="${OCC_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# systemd as init, dbus for systemctl, occ's runtime libraries (the binary comes from the build tree),
# procps for pgrep.
INCLUDE="systemd,systemd-sysv,dbus,procps,libqt6core6,libqt6network6,libspdlog1.10,libfmt9"
KEY_LABEL=org.opencode-cloud.harness.rootfs-key
SUFFIX="$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
SVC_IMAGE="occ-test-svc-systemd"
SVC_TAG="0.0.0-t$SUFFIX"
SVC_CONTAINER="occ-sd-$SUFFIX"
HOST="occ-systemd-$SUFFIX"
FAILED=0

# --- the systemd image ------------------------------------------------------------------------------
key="$(printf '%s\n' "rev=1" "$SUITE" "$MIRROR" "$INCLUDE" | sha256sum | cut -c1-16)"
if ! occ_image_exists "$SYSTEMD_IMAGE" || [[ "$(occ_image_label "$SYSTEMD_IMAGE" "$KEY_LABEL")" != "$key" ]]; then
    cache="$(occ_cache_dir)"
    tarball="$cache/rootfs-systemd-$SUITE-$key.tar"
    exec 9>"$cache/rootfs-systemd-$SUITE.lock"
    flock -w 900 9 || occ_die "another run holds $cache/rootfs-systemd-$SUITE.lock"
    if [[ ! -s "$tarball" ]]; then
        occ_require_cmd debootstrap "Run scripts/install-deps.sh (Debian/Ubuntu package debootstrap)."
        root="$(mktemp -d "$cache/rootfs-systemd-$SUITE.XXXXXX")"
        start=$SECONDS
        occ_log "debootstrap $SUITE (minbase + $INCLUDE) from $MIRROR"
        if ! debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$root" "$MIRROR" \
            >"$cache/debootstrap-systemd.log" 2>&1; then
            tail -n 30 "$cache/debootstrap-systemd.log" >&2
            rm -rf "$root"
            occ_die "debootstrap failed (log: $cache/debootstrap-systemd.log)"
        fi
        rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
            "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/debootstrap
        # Units that make no sense in a container and only slow the boot down or fail.
        for unit in systemd-udevd.service systemd-udev-trigger.service systemd-modules-load.service \
            systemd-remount-fs.service getty.target console-getty.service systemd-firstboot.service \
            systemd-resolved.service systemd-timesyncd.service apt-daily.timer apt-daily-upgrade.timer; do
            ln -sf /dev/null "$root/etc/systemd/system/$unit"
        done
        : >"$root/etc/machine-id"
        chmod 755 "$root"
        tar --numeric-owner -C "$root" -cf "$tarball.tmp" .
        mv "$tarball.tmp" "$tarball"
        rm -rf "$root"
        occ_log "rootfs cached as $tarball ($(du -m "$tarball" | cut -f1) MB) in $((SECONDS - start))s"
    fi
    t_import=$SECONDS
    occ_docker import \
        --change 'CMD ["/lib/systemd/systemd"]' \
        --change 'ENV container=docker LANG=C.UTF-8' \
        --change "LABEL $KEY_LABEL=$key" \
        "$tarball" "$SYSTEMD_IMAGE" >/dev/null
    occ_log "imported $SYSTEMD_IMAGE in $((SECONDS - t_import))s"
fi

# --- the stand-in service image (tests/harness/standin: the opencode image's contract in busybox) -----
cleanup() {
    set +e
    if ((FAILED)) && occ_docker inspect "$HOST" >/dev/null 2>&1; then
        occ_log "journal of the unit:"
        occ_docker exec "$HOST" journalctl -u opencode-cloud.service --no-pager -n 80 >&2
    fi
    occ_docker rm -f "$HOST" >/dev/null 2>&1
    occ_docker rm -f "$SVC_CONTAINER" >/dev/null 2>&1
    for role in data config state workspace; do occ_docker volume rm -f "$SVC_CONTAINER-$role" >/dev/null 2>&1; done
    occ_docker rmi -f "$SVC_IMAGE:$SVC_TAG-crashy" "$SVC_IMAGE:$SVC_TAG" >/dev/null 2>&1
    [[ "${OCC_KEEP_SYSTEMD_IMAGE:-0}" == 1 ]] || occ_docker rmi -f "$SYSTEMD_IMAGE" >/dev/null 2>&1
}
trap cleanup EXIT
occ_docker build -q -t "$SVC_IMAGE:$SVC_TAG" "$OCC_REPO_ROOT/tests/harness/standin" >/dev/null
printf 'FROM %s\nENV OCC_TEST_CRASH_AFTER=3\n' "$SVC_IMAGE:$SVC_TAG" | occ_docker build -q -t "$SVC_IMAGE:$SVC_TAG-crashy" - >/dev/null

# --- systemd as PID 1 -------------------------------------------------------------------------------
# Not --privileged: that asks for every capability, and this machine's bounding set lacks
# CAP_SYS_RESOURCE, so runc fails with "unable to apply caps: operation not permitted". Every other
# capability, no seccomp/AppArmor filter and unmasked /proc do the same for systemd. The host's cgroup
# tree is mounted read-write in the host cgroup namespace (cgroup v1 / hybrid here): systemd manages the
# sub-tree of its own container's cgroup. Host network: the health probe of `occ run` must reach the
# port the service container publishes on the host's 127.0.0.1.
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
occ_docker run -d --name "$HOST" --network host --stop-signal SIGRTMIN+3 \
    --cap-add ALL --cap-drop SYS_RESOURCE \
    --security-opt seccomp=unconfined --security-opt apparmor=unconfined --security-opt systempaths=unconfined \
    --cgroupns host -v /sys/fs/cgroup:/sys/fs/cgroup:rw \
    --tmpfs /run --tmpfs /run/lock --tmpfs /tmp \
    -v "$DOCKER_SOCK:/var/run/docker.sock" \
    -v "$OCC_BIN:/usr/local/bin/occ:ro" \
    "$SYSTEMD_IMAGE" /lib/systemd/systemd >/dev/null
in_host() { occ_docker exec "$HOST" "$@"; }
fail() {
    FAILED=1
    occ_die "$*"
}

t0=$SECONDS
state=""
for _ in $(seq 1 60); do
    state="$(in_host systemctl is-system-running 2>/dev/null || true)"
    [[ "$state" == running || "$state" == degraded ]] && break
    sleep 1
done
[[ "$state" == running || "$state" == degraded ]] || {
    occ_docker logs "$HOST" 2>&1 | tail -n 40 >&2
    fail "systemd did not boot (state: '${state:-none}')"
}
occ_log "systemd is up as PID 1 ($state) in $((SECONDS - t0))s: $(in_host cat /proc/1/comm)"
[[ "$(in_host cat /proc/1/comm)" == systemd ]] || fail "PID 1 is not systemd"

occ() { in_host /usr/local/bin/occ "$@"; }
occ setup --yes --port "$PORT" >/dev/null || fail "occ setup failed"
occ config set image.name "$SVC_IMAGE" >/dev/null
occ config set image.opencode_version "$SVC_TAG" >/dev/null
occ config set service.container_name "$SVC_CONTAINER" >/dev/null
occ config set volumes.prefix "$SVC_CONTAINER" >/dev/null
occ config set restart.policy on-failure >/dev/null
occ config set restart.delay_seconds 1 >/dev/null
occ config set health.probe_interval_seconds 2 >/dev/null
occ config set health.start_timeout_seconds 60 >/dev/null

# 1. install → active, container healthy.
t0=$SECONDS
occ service install --system || fail "occ service install --system failed"
in_host systemctl is-enabled opencode-cloud.service >/dev/null || fail "the unit is not enabled"
healthy=0
for _ in $(seq 1 60); do
    if in_host systemctl is-active --quiet opencode-cloud.service \
        && occ status 2>/dev/null | grep -q "opencode: healthy"; then
        healthy=1
        break
    fi
    sleep 1
done
((healthy)) || fail "the service did not become active and healthy"
[[ "$(occ_docker inspect -f '{{.State.Running}}' "$SVC_CONTAINER")" == true ]] || fail "container not running"
occ_log "1. active and healthy $((SECONDS - t0))s after install"

# 2. kill -9 of `occ run` → systemd restarts it, the service stays up.
pid1="$(in_host systemctl show -p MainPID --value opencode-cloud.service)"
[[ "$pid1" -gt 0 ]] || fail "no MainPID"
in_host grep -q "occ" "/proc/$pid1/cmdline" || fail "MainPID $pid1 is not occ"
t0=$SECONDS
in_host kill -9 "$pid1"
back=0
for _ in $(seq 1 60); do
    restarts="$(in_host systemctl show -p NRestarts --value opencode-cloud.service)"
    pid2="$(in_host systemctl show -p MainPID --value opencode-cloud.service)"
    if [[ "${restarts:-0}" -ge 1 && "$pid2" -gt 0 && "$pid2" != "$pid1" ]] \
        && in_host systemctl is-active --quiet opencode-cloud.service \
        && occ status 2>/dev/null | grep -q "opencode: healthy"; then
        back=1
        break
    fi
    sleep 1
done
((back)) || fail "systemd did not restart occ run after kill -9 (NRestarts=${restarts:-?})"
occ_log "2. kill -9 $pid1 → restarted as $pid2 (NRestarts=$restarts), healthy again in $((SECONDS - t0))s"

# 3. systemctl stop → the container stops (stopped by occ run, not killed by systemd).
t0=$SECONDS
in_host systemctl stop opencode-cloud.service
[[ "$(occ_docker inspect -f '{{.State.Running}}' "$SVC_CONTAINER")" == false ]] || fail "the container still runs"
result="$(in_host systemctl show -p Result --value opencode-cloud.service)"
[[ "$result" == success ]] || fail "the unit stopped with Result=$result (expected success: occ run exits 0 on SIGTERM)"
in_host journalctl -u opencode-cloud.service --no-pager | grep -q "stop requested" \
    || fail "the journal does not show occ run's own stop"
occ_log "3. systemctl stop → container stopped, Result=$result, in $((SECONDS - t0))s"

# 4. a crash loop: occ run gives up (restart.max_retries) and exits non-zero, systemd restarts it until
#    its start limit (StartLimitBurst from the same setting) marks the unit failed.
occ config set image.opencode_version "$SVC_TAG-crashy" >/dev/null
occ config set restart.max_retries 1 >/dev/null
occ config set restart.window_seconds 120 >/dev/null
occ service install --system >/dev/null || fail "re-install with the new retry settings failed"
in_host grep -q '^StartLimitBurst=2$' /etc/systemd/system/opencode-cloud.service || fail "StartLimitBurst is not 2"
# `install` restarted the changed unit; start from a clean slate: stopped, start-limit counter reset.
in_host systemctl stop opencode-cloud.service
in_host systemctl reset-failed opencode-cloud.service 2>/dev/null || true
since="@$(in_host date +%s)"
t0=$SECONDS
in_host systemctl start opencode-cloud.service
failed=0
for _ in $(seq 1 150); do
    if [[ "$(in_host systemctl show -p ActiveState --value opencode-cloud.service)" == failed ]]; then
        failed=1
        break
    fi
    sleep 1
done
((failed)) || fail "the unit did not end up failed after the crash loop"
journal="$(in_host journalctl -u opencode-cloud.service --no-pager --since "$since")"
gaveup="$(grep -c 'error \[service\].*giving up' <<<"$journal" || true)"
[[ "$gaveup" -ge 2 ]] || fail "occ run gave up $gaveup times, expected >= 2 (once per start, StartLimitBurst=2)"
grep -q 'Start request repeated too quickly' <<<"$journal" || fail "systemd's start limit did not stop the loop"
[[ "$(occ_docker inspect -f '{{.State.Running}}' "$SVC_CONTAINER")" == false ]] || fail "the container still runs"
occ_log "4. crash loop → occ run gave up $gaveup times, then systemd's start limit: unit failed in $((SECONDS - t0))s"

# 5. uninstall removes the unit.
occ service uninstall --system >/dev/null || fail "occ service uninstall failed"
in_host test ! -e /etc/systemd/system/opencode-cloud.service || fail "the unit file is still there"
occ_log "5. uninstalled"
occ_log "PASS"
