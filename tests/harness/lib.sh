# shellcheck shell=bash
# Shared helpers for tests/harness/*.sh and scripts/*.sh. Source it; it defines functions and
# defaults only and runs nothing.
#
# Environment (all optional):
#   DOCKER_SOCK         engine socket (default: DOCKER_HOST if it is unix://..., else /var/run/docker.sock)
#   OCC_HARNESS_STATE   pidfiles, logs and locks of engines the harness started (default /tmp/occ-harness)
#   OCC_HARNESS_CACHE   downloaded and built artefacts kept between runs (default /var/cache/occ-harness,
#                       or ~/.cache/occ-harness when that is not writable)

OCC_DEFAULT_SOCK=/var/run/docker.sock
if [[ -z "${DOCKER_SOCK:-}" ]]; then
    if [[ "${DOCKER_HOST:-}" == unix://* ]]; then
        DOCKER_SOCK="${DOCKER_HOST#unix://}"
    else
        DOCKER_SOCK="$OCC_DEFAULT_SOCK"
    fi
fi
: "${OCC_HARNESS_STATE:=/tmp/occ-harness}"
OCC_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export OCC_REPO_ROOT

occ_log() { printf '[%s] %s\n' "${OCC_LOG_TAG:-$(basename "$0" .sh)}" "$*" >&2; }
occ_warn() { occ_log "warning: $*"; }
occ_die() {
    occ_log "error: $*"
    exit 1
}

occ_is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Runs a command as root: directly when we are root, through sudo otherwise.
occ_as_root() {
    if occ_is_root; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        occ_die "'$*' needs root and sudo is not installed; run this script as root"
    fi
}

occ_require_cmd() { # name hint
    command -v "$1" >/dev/null 2>&1 || occ_die "'$1' not found. $2"
}

# True when the engine at the socket answers /_ping with OK.
occ_engine_ping() { # [socket]
    local sock="${1:-$DOCKER_SOCK}"
    [[ -S "$sock" ]] || return 1
    [[ "$(curl -s --max-time 5 --unix-socket "$sock" http://d/_ping 2>/dev/null)" == "OK" ]]
}

# Explains why an engine does not answer, for error messages.
occ_engine_diagnose() { # [socket]
    local sock="${1:-$DOCKER_SOCK}"
    if [[ ! -e "$sock" ]]; then
        echo "no socket at $sock"
    elif [[ ! -S "$sock" ]]; then
        echo "$sock exists but is not a socket"
    elif [[ ! -r "$sock" || ! -w "$sock" ]]; then
        echo "permission denied on $sock (add yourself to the 'docker' group and log in again, or run as root)"
    else
        echo "$sock exists but the engine does not answer /_ping"
    fi
}

# The docker CLI pointed at our socket.
occ_docker() {
    command -v docker >/dev/null 2>&1 ||
        occ_die "the docker CLI is not installed; run scripts/install-deps.sh (Debian/Ubuntu package docker.io)"
    docker -H "unix://$DOCKER_SOCK" "$@"
}

occ_image_exists() { occ_docker image inspect "$1" >/dev/null 2>&1; }

occ_image_label() { # image label
    occ_docker image inspect -f "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true
}

# Prints (and creates) the cache directory.
occ_cache_dir() {
    local dir="${OCC_HARNESS_CACHE:-}"
    if [[ -z "$dir" ]]; then
        dir=/var/cache/occ-harness
        if ! mkdir -p "$dir" 2>/dev/null || [[ ! -w "$dir" ]]; then
            dir="${XDG_CACHE_HOME:-$HOME/.cache}/occ-harness"
        fi
    fi
    mkdir -p "$dir" || occ_die "cannot create cache directory $dir"
    printf '%s\n' "$dir"
}

# Polls a command once a second until it succeeds or the timeout (seconds) runs out.
occ_wait_for() { # seconds command...
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 1
    done
}

# The state directory for one engine socket, so engines on different sockets never share pidfiles.
occ_engine_state_dir() { # [socket]
    local sock="${1:-$DOCKER_SOCK}" slug
    slug="$(printf '%s' "$sock" | sed 's|^/||; s|[^A-Za-z0-9._-]|_|g')"
    printf '%s/engine-%s\n' "$OCC_HARNESS_STATE" "$slug"
}

# True if a dockerd we did not start seems to serve this socket (for example one systemd is still
# starting): then we wait for it instead of starting a second daemon on the same data root.
occ_foreign_dockerd_for_sock() { # socket own-pid
    local sock="$1" own="${2:-}" pid cmdline
    for pid in $(pgrep -x dockerd 2>/dev/null || true); do
        [[ "$pid" == "$own" ]] && continue
        cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
        if [[ "$cmdline" == *"unix://$sock"* ]] ||
            { [[ "$sock" == "$OCC_DEFAULT_SOCK" || "$sock" == /run/docker.sock ]] &&
                [[ "$cmdline" != *" -H "* && "$cmdline" != *"--host"* ]]; }; then
            return 0
        fi
    done
    return 1
}

# Starts dockerd in the background, detached from our terminal, process group and stdio (CTest waits
# for the test's output pipes to close, so dockerd must never inherit them). Prints its pid.
# Extra dockerd arguments come after the socket; the log is appended to $log.
occ_start_dockerd() { # socket pidfile log [dockerd args...]
    local sock="$1" pidfile="$2" log="$3"
    shift 3
    occ_require_cmd dockerd "Install Docker first: bash scripts/install-deps.sh (Debian/Ubuntu package docker.io)."
    occ_is_root || occ_die "starting dockerd needs root; run as root or start Docker yourself (sudo systemctl start docker)"
    mkdir -p "$(dirname "$sock")" "$(dirname "$pidfile")" "$(dirname "$log")"
    rm -f "$pidfile"
    printf '\n==== %s dockerd -H unix://%s --pidfile %s %s\n' "$(date -Is)" "$sock" "$pidfile" "$*" >>"$log"
    # 9>&-: never let the daemon inherit the caller's lock (engine.sh holds its flock on fd 9).
    setsid dockerd -H "unix://$sock" --pidfile "$pidfile" "$@" </dev/null >>"$log" 2>&1 9>&- &
    printf '%s\n' "$!"
}

occ_pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
