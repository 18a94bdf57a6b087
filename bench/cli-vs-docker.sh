#!/usr/bin/env bash
# Issue "backbone" benchmark: occ against the docker CLI on the same container, in one run.
#   occ status            vs  docker inspect            target: occ ≤ 0.5 × docker
#   occ logs -n 100000    vs  docker logs --tail 100000 target: occ ≤ 1.0 × docker
# Medians of $RUNS runs each (default 15), after one untimed run, occ and docker taking turns. Needs a
# running engine and a built occ.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_engine

suffix="bench$$"
export OCC_CONFIG="$(mktemp -d)/config.json"
logs_config="$(dirname "$OCC_CONFIG")/logs.json"
image="occ-bench-svc:0.0.0-bench"
cleanup() {
    docker rm -f "occ-$suffix" "occ-$suffix-logs" >/dev/null 2>&1 || true
    docker volume rm "occ-$suffix-data" "occ-$suffix-config" "occ-$suffix-state" "occ-$suffix-workspace" >/dev/null 2>&1 || true
    rm -rf "$(dirname "$OCC_CONFIG")"
}
trap cleanup EXIT

build_standin "$image"
port="$(free_port)"
"$OCC" setup --yes --no-install-docker --port "$port" >/dev/null
"$OCC" config set image.name occ-bench-svc >/dev/null
"$OCC" config set image.opencode_version 0.0.0-bench >/dev/null
"$OCC" config set service.container_name "occ-$suffix" >/dev/null
"$OCC" config set volumes.prefix "occ-$suffix" >/dev/null
"$OCC" start >/dev/null || die "occ start failed"

# A container that has written 100,000 lines (stdout and stderr interleaved), for the logs comparison.
docker run -d --name "occ-$suffix-logs" occ-test-busybox:latest \
    sh -c 'i=0; while [ $i -lt 100000 ]; do echo "line $i of the benchmark log, some text to make it realistic"; i=$((i+1)); done; sleep 3600' >/dev/null
until [ "$(docker logs --tail 1 "occ-$suffix-logs" 2>/dev/null)" = "line 99999 of the benchmark log, some text to make it realistic" ]; do sleep 0.5; done
cp "$OCC_CONFIG" "$logs_config"
OCC_CONFIG="$logs_config" "$OCC" config set service.container_name "occ-$suffix-logs" >/dev/null

lines_occ=$(OCC_CONFIG="$logs_config" "$OCC" logs -n 100000 | wc -l)
lines_docker=$(docker logs --tail 100000 "occ-$suffix-logs" 2>&1 | wc -l)
[[ "$lines_occ" == "$lines_docker" ]] || die "occ logs printed $lines_occ lines, docker logs $lines_docker"

echo "opencode-cloud benchmark: occ vs the docker CLI (median of $RUNS runs, $(nproc) cores, $(docker version --format '{{.Server.Version}}'))"
# Each comparison takes turns (occ, docker, occ, ...) so the machine's busy moments fall on both sides.
occ_status=("$OCC" status)
docker_inspect=(docker inspect "occ-$suffix")
deb_inspect=(/usr/bin/docker inspect "occ-$suffix")
occ_logs=("$OCC" --config "$logs_config" logs -n 100000)
docker_logs=(docker logs --tail 100000 "occ-$suffix-logs")
deb_logs=(/usr/bin/docker logs --tail 100000 "occ-$suffix-logs")
# The engine's own package (Debian docker.io) ships an older, slower CLI than the one first on PATH.
deb=""
if [[ -x /usr/bin/docker && "$(command -v docker)" != /usr/bin/docker ]]; then
    deb=1
fi
read -r s_occ s_docker s_deb <<<"$(medians_ms occ_status docker_inspect ${deb:+deb_inspect})"
read -r l_occ l_docker l_deb <<<"$(medians_ms occ_logs docker_logs ${deb:+deb_logs})"
printf '%-32s %10s %10s %8s %s\n' "what" "occ ms" "docker ms" "ratio" "target"
printf '%-32s %10s %10s %8s %s\n' "status / inspect" "$s_occ" "$s_docker" "$(ratio "$s_occ" "$s_docker")" "<= 0.50"
printf '%-32s %10s %10s %8s %s\n' "logs -n 100000 ($lines_occ lines)" "$l_occ" "$l_docker" "$(ratio "$l_occ" "$l_docker")" "<= 1.00"
if [[ -n "$deb" ]]; then
    printf '%-32s %10s %10s %8s %s\n' "status / inspect (Debian CLI)" "$s_occ" "$s_deb" "$(ratio "$s_occ" "$s_deb")" "<= 0.50"
    printf '%-32s %10s %10s %8s %s\n' "logs (Debian CLI)" "$l_occ" "$l_deb" "$(ratio "$l_occ" "$l_deb")" "<= 1.00"
fi
echo "(occ status also probes opencode's /global/health over HTTP; docker inspect does not.)"
