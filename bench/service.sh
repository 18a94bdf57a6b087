#!/usr/bin/env bash
# Issue "the service itself" benchmark, with the real opencode image and binary:
#   start overhead  occ start (image present, container stopped) → first authenticated 200, minus the time
#                   opencode itself takes from exec to its first authenticated 200 (measured directly)  ≤ 1 s
#   stop            occ stop                                                                            ≤ 1 s
#   update downtime old container stopped → new one answering (occ update, image present)             ≤ 5 s
#   image size
# Builds the image once if missing (minutes on vfs). Needs a running engine, a built occ, and the
# harness's base image and opencode binary (made on demand).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_engine
RUNS="${RUNS:-5}"

base="$(bash "$BENCH_ROOT/tests/harness/base-image.sh" | tail -n 1)"
binary="$(bash "$BENCH_ROOT/tests/harness/opencode-binary.sh" | tail -n 1)"
suffix="bench$$"
export OCC_CONFIG="$(mktemp -d)/config.json"
cleanup() {
    docker rm -f "occ-$suffix" >/dev/null 2>&1 || true
    docker volume rm "occ-$suffix-data" "occ-$suffix-config" "occ-$suffix-state" "occ-$suffix-workspace" >/dev/null 2>&1 || true
    [[ -n "${oc_pid:-}" ]] && kill "$oc_pid" 2>/dev/null || true
    rm -rf "$(dirname "$OCC_CONFIG")"
}
trap cleanup EXIT

port="$(free_port)"
"$OCC" setup --yes --no-install-docker --port "$port" >/dev/null
for kv in "image.name occ-e2e-opencode" "image.base $base" "image.opencode_binary $binary" \
    "service.container_name occ-$suffix" "volumes.prefix occ-$suffix"; do
    # shellcheck disable=SC2086
    "$OCC" config set $kv >/dev/null
done
pw="$("$OCC" password show)"
"$OCC" start >/dev/null || die "occ start failed"

# opencode's own start: exec → first authenticated 200, on the host, same binary.
own_start_ms() {
    local p t0 t1 home
    p="$(free_port)"
    home="$(mktemp -d)"
    t0=$(now_ns)
    HOME="$home" OPENCODE_SERVER_PASSWORD="$pw" "$binary" serve --hostname 127.0.0.1 --port "$p" >/dev/null 2>&1 &
    oc_pid=$!
    # Short timeouts: a request in opencode's first second can hang forever.
    until curl -fsS -m 0.5 -u "opencode:$pw" "http://127.0.0.1:$p/global/health" >/dev/null 2>&1; do sleep 0.02; done
    t1=$(now_ns)
    kill "$oc_pid"; wait "$oc_pid" 2>/dev/null || true; oc_pid=
    rm -rf "$home"
    echo $(((t1 - t0) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

own=(); starts=(); stops=()
for ((i = 0; i < RUNS; i++)); do
    own+=("$(own_start_ms)")
    t0=$(now_ns); "$OCC" stop >/dev/null; t1=$(now_ns); stops+=($(((t1 - t0) / 1000000)))
    t0=$(now_ns); "$OCC" start >/dev/null; t1=$(now_ns); starts+=($(((t1 - t0) / 1000000)))
    curl -fsS -m 3 -u "opencode:$pw" "http://127.0.0.1:$port/global/health" >/dev/null || die "not answering after occ start"
done
own_ms=$(printf '%s\n' "${own[@]}" | median)
start_ms=$(printf '%s\n' "${starts[@]}" | median)
stop_ms=$(printf '%s\n' "${stops[@]}" | median)
downtime=$("$OCC" update 2>&1 | sed -n 's/.*downtime \([0-9.]*\) s.*/\1/p')
size=$(docker image inspect -f '{{.Size}}' "occ-e2e-opencode:$("$OCC" config get image.opencode_version)")

echo "opencode-cloud service benchmark (median of $RUNS runs, $(nproc) cores, storage $(docker info -f '{{.Driver}}'))"
printf '%-44s %10s %s\n' "what" "value" "target"
printf '%-44s %8s ms\n' "opencode's own start (exec -> 200)" "$own_ms"
printf '%-44s %8s ms\n' "occ start, image present (-> 200)" "$start_ms"
printf '%-44s %8s ms %s\n' "occ overhead over opencode's own start" "$((start_ms - own_ms))" "<= 1000"
printf '%-44s %8s ms %s\n' "occ stop" "$stop_ms" "<= 1000"
printf '%-44s %8s s  %s\n' "update downtime (stop old -> new answers)" "${downtime:-?}" "<= 5"
printf '%-44s %8s MB\n' "image size" "$((size / 1000000))"
