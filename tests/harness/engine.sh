#!/usr/bin/env bash
# The Docker engine the integration tests use (the CTest fixture "docker_engine").
#
#   engine.sh up      use the engine at $DOCKER_SOCK if it answers; otherwise start dockerd
#                     (root only) and remember that we did; then build the small test images
#   engine.sh down    stop dockerd only if `up` started it; never touch any other engine
#   engine.sh status  say whether the engine answers and who started it
#
# Environment: DOCKER_SOCK (default /var/run/docker.sock), OCC_HARNESS_STATE (default /tmp/occ-harness),
# OCC_DOCKERD_STORAGE_DRIVER (default vfs: works everywhere, including inside containers),
# OCC_DOCKERD_ARGS (extra dockerd arguments), OCC_ENGINE_WAIT (seconds to wait for /_ping, default 60).
#
# An engine on a socket other than the default gets its own --data-root and --exec-root under the state
# directory, no bridge and no iptables rules, so it can run next to the system's engine without
# disturbing it.
# shellcheck disable=SC2119 # lib.sh functions take an optional socket, defaulting to $DOCKER_SOCK
set -euo pipefail
export OCC_LOG_TAG=engine
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUSYBOX_IMAGE=occ-test-busybox:latest
# Bump when the image's content changes, so `up` rebuilds images made by an older harness.
BUSYBOX_REV=2
HARNESS_LABEL=org.opencode-cloud.harness.rev

STATE_DIR="$(occ_engine_state_dir)"
MARKER="$STATE_DIR/started-by-harness" # "<pid> <socket>" of the dockerd that `up` started
PIDFILE="$STATE_DIR/dockerd.pid"       # written by dockerd itself
LOG="$STATE_DIR/dockerd.log"
WAIT="${OCC_ENGINE_WAIT:-60}"

usage() {
    echo "usage: $0 up|down|status [-q]" >&2
    exit 2
}

lock() {
    mkdir -p "$STATE_DIR"
    exec 9>"$STATE_DIR/lock"
    if ! flock -n 9; then
        occ_log "waiting for another engine.sh (lock $STATE_DIR/lock)"
        flock -w 600 9 || occ_die "another engine.sh held $STATE_DIR/lock for 10 minutes"
    fi
}

marker_pid() { [[ -f "$MARKER" ]] && awk '{print $1; exit}' "$MARKER"; }

# The pid in the marker is still our dockerd (not a recycled pid).
is_our_dockerd() { # pid
    local pid="$1" cmdline
    occ_pid_alive "$pid" || return 1
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
    [[ "$cmdline" == *dockerd* && "$cmdline" == *"$PIDFILE"* ]]
}

log_tail() {
    [[ -f "$LOG" ]] || return 0
    echo "---- last lines of $LOG ----" >&2
    # Only this start attempt: the log is appended to, each start begins with a "==== " line.
    awk '/^==== /{n=0} {line[n++]=$0} END{for(i=(n>25?n-25:0);i<n;i++) print line[i]}' "$LOG" >&2
    echo "----" >&2
}

start_engine() {
    local pid
    # Someone else's dockerd for this socket may still be starting (systemd, a previous shell).
    if occ_foreign_dockerd_for_sock "$DOCKER_SOCK" "$(marker_pid || true)"; then
        occ_log "a dockerd not started by the harness serves $DOCKER_SOCK; waiting up to ${WAIT}s for it"
        occ_wait_for "$WAIT" occ_engine_ping || occ_die "the running dockerd does not answer: $(occ_engine_diagnose)"
        return 0
    fi
    if [[ -S "$DOCKER_SOCK" && ! -w "$DOCKER_SOCK" ]] && ! occ_is_root; then
        occ_die "$(occ_engine_diagnose)"
    fi
    occ_is_root || occ_die "no engine answers at $DOCKER_SOCK and starting dockerd needs root. Start Docker \
(sudo systemctl start docker) or run as root. ($(occ_engine_diagnose))"

    pid="$(marker_pid || true)"
    if [[ -n "$pid" ]] && is_our_dockerd "$pid"; then
        occ_log "dockerd $pid (started by the harness) is running but not answering yet; waiting"
    else
        local args=(--storage-driver="${OCC_DOCKERD_STORAGE_DRIVER:-vfs}")
        if [[ "$DOCKER_SOCK" != "$OCC_DEFAULT_SOCK" && "$DOCKER_SOCK" != /run/docker.sock ]]; then
            args+=(--data-root="$STATE_DIR/data" --exec-root="$STATE_DIR/exec"
                --bridge=none --iptables=false --ip-masq=false)
        fi
        # shellcheck disable=SC2206 # word splitting of extra args is intended
        args+=(${OCC_DOCKERD_ARGS:-})
        occ_log "no engine answers at $DOCKER_SOCK; starting dockerd ${args[*]} (log: $LOG)"
        pid="$(occ_start_dockerd "$DOCKER_SOCK" "$PIDFILE" "$LOG" "${args[@]}")"
        printf '%s %s\n' "$pid" "$DOCKER_SOCK" >"$MARKER"
    fi

    local deadline=$((SECONDS + WAIT))
    until occ_engine_ping; do
        if ! occ_pid_alive "$pid"; then
            rm -f "$MARKER"
            log_tail
            occ_die "dockerd exited during startup (see $LOG)"
        fi
        if ((SECONDS >= deadline)); then
            log_tail
            occ_log "dockerd did not answer within ${WAIT}s; stopping it"
            stop_engine
            exit 1
        fi
        sleep 1
    done
    # dockerd's own pidfile is authoritative (setsid may have forked).
    if [[ -s "$PIDFILE" ]]; then
        pid="$(cat "$PIDFILE")"
        printf '%s %s\n' "$pid" "$DOCKER_SOCK" >"$MARKER"
    fi
    occ_log "dockerd $pid answers at $DOCKER_SOCK after ${SECONDS}s; engine.sh down will stop it"
}

stop_engine() {
    local pid
    pid="$(marker_pid || true)"
    if [[ -z "$pid" ]]; then
        [[ "${QUIET:-0}" == 1 ]] || occ_log "the harness started no engine for $DOCKER_SOCK; leaving any engine alone"
        return 0
    fi
    if ! is_our_dockerd "$pid"; then
        occ_log "dockerd $pid started by the harness is already gone"
        rm -f "$MARKER"
        return 0
    fi
    occ_log "stopping dockerd $pid (started by the harness)"
    local children
    children="$(pgrep -P "$pid" 2>/dev/null || true)" # its supervised containerd
    kill -TERM "$pid" 2>/dev/null || true
    # dockerd gives containers 15 s to stop, then shuts containerd down.
    if ! occ_wait_for 60 bash -c "! kill -0 $pid 2>/dev/null"; then
        occ_warn "dockerd $pid ignored SIGTERM for 60s; killing it and its containerd"
        # shellcheck disable=SC2086
        kill -KILL "$pid" $children 2>/dev/null || true
        occ_wait_for 10 bash -c "! kill -0 $pid 2>/dev/null" || occ_die "cannot stop dockerd $pid"
    fi
    rm -f "$MARKER"
    occ_log "dockerd $pid stopped"
}

# A busybox-static root filesystem: /bin/busybox plus a link per applet, root and a non-root user
# `app` (uid 1000). Built from the host's busybox in a second or two, no registry needed.
build_busybox_image() {
    if [[ "$(occ_image_label "$BUSYBOX_IMAGE" "$HARNESS_LABEL")" == "$BUSYBOX_REV" ]]; then
        occ_log "$BUSYBOX_IMAGE is up to date"
        return 0
    fi
    local bb
    bb="$(command -v busybox || true)"
    [[ -n "$bb" ]] || occ_die "busybox not found; install the Debian/Ubuntu package busybox-static"
    if ldd "$bb" >/dev/null 2>&1; then
        occ_die "$bb is dynamically linked; install busybox-static instead of busybox"
    fi
    local root
    root="$(mktemp -d "${TMPDIR:-/tmp}/occ-busybox.XXXXXX")"
    # shellcheck disable=SC2064
    trap "rm -rf '$root' '$root.tar'" EXIT
    chmod 755 "$root" # mktemp makes it 0700; it becomes the image's /
    mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,root,home/app,tmp,var/tmp,var/www,proc,sys,dev}
    cp "$bb" "$root/bin/busybox"
    local applet
    while read -r applet; do
        [[ -z "$applet" || -e "$root/$applet" ]] && continue
        ln -s /bin/busybox "$root/$applet"
    done < <("$bb" --list-full)
    for applet in sh httpd sleep cat echo nc wget kill id env; do
        [[ -e "$root/bin/$applet" || -e "$root/usr/bin/$applet" || -e "$root/sbin/$applet" ||
            -e "$root/usr/sbin/$applet" ]] || occ_die "$bb lacks the applet '$applet'"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
    printf 'root:x:0:\napp:x:1000:\nnogroup:x:65534:\n' >"$root/etc/group"
    chmod 1777 "$root/tmp" "$root/var/tmp"
    chmod 700 "$root/root"
    # Owners are set in the archive, so this works without root: everything root, then /home/app app.
    tar --numeric-owner --owner=0 --group=0 -C "$root" --exclude=./home/app -cf "$root.tar" .
    tar --numeric-owner --owner=1000 --group=1000 -C "$root" -rf "$root.tar" ./home/app
    occ_docker import \
        --change 'CMD ["/bin/sh"]' \
        --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
        --change "LABEL $HARNESS_LABEL=$BUSYBOX_REV" \
        "$root.tar" "$BUSYBOX_IMAGE" >/dev/null
    rm -rf "$root" "$root.tar"
    occ_log "built $BUSYBOX_IMAGE"
}

cmd="${1:-}"
QUIET=0
[[ "${2:-}" == -q ]] && QUIET=1
case "$cmd" in
up)
    lock
    if occ_engine_ping; then
        occ_log "engine at $DOCKER_SOCK answers; using it"
    else
        start_engine
    fi
    build_busybox_image
    ;;
down)
    lock
    stop_engine
    ;;
status)
    if occ_engine_ping; then echo "answering: $DOCKER_SOCK"; else echo "not answering: $(occ_engine_diagnose)"; fi
    if pid="$(marker_pid)" && is_our_dockerd "$pid"; then
        echo "started by the harness: dockerd $pid (log: $LOG)"
    else
        echo "started by the harness: no"
    fi
    ;;
*) usage ;;
esac
