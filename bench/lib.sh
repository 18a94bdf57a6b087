# Shared helpers for the benchmark scripts (sourced).
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OCC="${OCC:-$BENCH_ROOT/build/cli/occ}"
RUNS="${RUNS:-15}"

die() { echo "bench: $*" >&2; exit 1; }
# Wall clock in µs. Bash 5's $EPOCHREALTIME reads it in the shell; `date` (fork, exec, exit: 1-3 ms here)
# would add its own start-up to every timed command, and more so to the faster one's ratio.
now_us() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        local t="${EPOCHREALTIME/[.,]/}"
        echo "$((10#$t))"
    else
        echo "$(($(date +%s%N) / 1000))"
    fi
}
now_ns() { echo "$(($(now_us) * 1000))"; }

# The wall time of one run of CMD... in µs (output discarded), clock read in this shell: no subshells.
run_us() {
    local t0 t1
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        t0="${EPOCHREALTIME/[.,]/}"
        "$@" >/dev/null 2>&1 || true
        t1="${EPOCHREALTIME/[.,]/}"
        echo "$((10#$t1 - 10#$t0))"
    else
        t0=$(now_us)
        "$@" >/dev/null 2>&1 || true
        t1=$(now_us)
        echo "$((t1 - t0))"
    fi
}

median_of_us() { # µs values, one a line -> median in ms
    sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
}

# median_ms CMD...: runs CMD once untimed (page cache, the engine's first answer), then $RUNS times;
# prints the median wall time in ms.
median_ms() {
    local times=() i
    "$@" >/dev/null 2>&1 || true
    for ((i = 0; i < RUNS; i++)); do
        times+=("$(run_us "$@")")
    done
    printf '%s\n' "${times[@]}" | median_of_us
}

# medians_ms ARRAY...: like median_ms for each command held in the named arrays, but taking turns (A B A B
# ...), so a busy moment on the machine falls on both sides of a comparison; prints the medians in order.
medians_ms() {
    local -a names=("$@") times=()
    local i j
    for ((j = 0; j < ${#names[@]}; j++)); do
        local -n warm="${names[j]}"
        "${warm[@]}" >/dev/null 2>&1 || true
    done
    for ((i = 0; i < RUNS; i++)); do
        for ((j = 0; j < ${#names[@]}; j++)); do
            local -n cmd="${names[j]}"
            times[j]+="$(run_us "${cmd[@]}") "
        done
    done
    for ((j = 0; j < ${#names[@]}; j++)); do
        printf '%s ' "$(printf '%s\n' ${times[j]} | median_of_us)"
    done
    echo
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }

need_engine() {
    curl -fsS -m 5 --unix-socket /var/run/docker.sock http://d/_ping >/dev/null 2>&1 \
        || die "no Docker engine answers at /var/run/docker.sock (bash tests/harness/engine.sh up starts one)"
    [[ -x "$OCC" ]] || die "build occ first (bash scripts/build.sh); looked for $OCC"
    command -v docker >/dev/null || die "the docker CLI is needed for the comparison"
}

# The stand-in service image the CLI tests use (same contract as the opencode image), built once.
build_standin() { # tag
    local tag="$1"
    docker image inspect "$tag" >/dev/null 2>&1 && return 0
    docker image inspect occ-test-busybox:latest >/dev/null 2>&1 || bash "$BENCH_ROOT/tests/harness/engine.sh" up
    docker build -q -t "$tag" "$BENCH_ROOT/tests/harness/standin" >/dev/null 2>&1
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
