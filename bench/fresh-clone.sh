#!/usr/bin/env bash
# The README's first command, timed: from a fresh `git clone` of this repository to the URL that
# scripts/bootstrap.sh prints. Reports the total and each phase (clone, dependencies, build, setup and
# start, which includes building the opencode image).
#
#   bench/fresh-clone.sh [REPO]      REPO: what to clone (default: this checkout)
#
# Isolated from the machine's own service: the clone runs with a temporary HOME/XDG_CONFIG_HOME (its own
# config.json and password) and a unique container, volume and image name; all of it, and the clone, is
# removed at the end unless KEEP=1. The build does not use ccache, so it is the build a new machine does.
# Docker's layer cache is the engine's own: for a first-start number, run it where the opencode image has
# never been built (the result line says whether the base image was already present).
# It builds the real opencode image (minutes, all cores): do not run it while others measure.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

repo="${1:-$BENCH_ROOT}"
work="$(mktemp -d /tmp/occ-fresh-clone.XXXXXX)"
chmod 0755 "$work"
suffix="fresh$$"
log="$work/bootstrap.log"
cleanup() {
    local rc=$?
    if ((rc != 0)) && [[ -f "$log" ]]; then
        cp "$log" /tmp/occ-fresh-clone-failed.log
        echo "bootstrap's log: /tmp/occ-fresh-clone-failed.log" >&2
    fi
    if [[ "${KEEP:-0}" != 1 ]]; then
        if [[ -x "$work/src/build/cli/occ" ]]; then
            HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" "$work/src/build/cli/occ" stop >/dev/null 2>&1 || true
        fi
        docker rm -f "occ-$suffix" >/dev/null 2>&1 || true
        docker volume ls -q --filter "name=^occ-$suffix" | xargs -r docker volume rm >/dev/null 2>&1 || true
        docker image rm "occ-$suffix-opencode" >/dev/null 2>&1 || true
        rm -rf "$work"
    else
        echo "kept $work" >&2
    fi
    exit "$rc"
}
trap cleanup EXIT

mkdir -p "$work/home/.config/opencode-cloud"
# The names this run uses; `occ setup --yes` keeps what a config already says.
cat >"$work/home/.config/opencode-cloud/config.json" <<JSON
{
  "version": 1,
  "service": {"container_name": "occ-$suffix"},
  "volumes": {"prefix": "occ-$suffix"},
  "image": {"name": "occ-$suffix-opencode"}
}
JSON
chmod 0600 "$work/home/.config/opencode-cloud/config.json"

t0=$(now_us)
git clone -q "$repo" "$work/src"
t_clone=$(now_us)
# Everything below is the README's command after `cd`. Phases are read from bootstrap's own log lines.
(
    cd "$work/src" || exit 1
    export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
    unset CMAKE_CXX_COMPILER_LAUNCHER
    export OCC_CCACHE=0
    bash scripts/bootstrap.sh 2>&1 | while IFS= read -r line; do
        printf '%s %s\n' "$(now_us)" "$line"
    done
) >"$log"
t_end=$(now_us)

url="$(sed -n 's/^[0-9]* *URL: *//p' "$log" | head -n 1)"
[[ "$url" == http* ]] || { tail -n 30 "$log" >&2; die "bootstrap printed no URL (log above)"; }
stamp() { awk -v pat="$1" 'index($0, pat) {print $1; exit}' "$log"; }

t_built=$(stamp '[build] built')
t_setup=$(stamp 'occ setup --yes')
ms() { echo "$((($2 - $1) / 1000))"; }
echo "fresh clone to URL: $(($(ms "$t0" "$t_end") / 1000)) s  ($url)"
echo "  clone                 $(ms "$t0" "$t_clone") ms"
echo "  deps + build (occ)    $(ms "$t_clone" "$t_built") ms"
echo "  engine, setup, start  $(ms "$t_built" "$t_end") ms  (image build included; setup began at +$(ms "$t0" "$t_setup") ms)"
