# Shared helpers for the benchmark scripts (sourced).
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OCC="${OCC:-$BENCH_ROOT/build/cli/occ}"
RUNS="${RUNS:-15}"

die() { echo "bench: $*" >&2; exit 1; }
now_ns() { date +%s%N; }

# median_ms CMD...: runs CMD $RUNS times (output discarded), prints the median wall time in ms.
median_ms() {
    local times=() t0 t1 i
    for ((i = 0; i < RUNS; i++)); do
        t0=$(now_ns)
        "$@" >/dev/null 2>&1 || true
        t1=$(now_ns)
        times+=($(((t1 - t0) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
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
