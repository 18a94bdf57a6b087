#!/usr/bin/env bash
# Idle cost of the tray app: RSS and CPU over 60 s, under Xvfb with trayer as the tray host, with a
# config file present (so the monitor runs: events stream plus a slow probe).
#   bench/gui/tray_idle.sh BUILD_DIR [SECONDS]
set -euo pipefail
build=${1:?usage: tray_idle.sh BUILD_DIR [SECONDS]}
secs=${2:-60}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
display=120
while [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 & pids+=($!)
export DISPLAY=":$display" QT_QPA_PLATFORM=xcb
sleep 1
trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 & pids+=($!)
sleep 1
export HOME=$work XDG_CONFIG_HOME=$work/.config OCC_CONFIG=$work/.config/opencode-cloud/config.json
mkdir -p "$(dirname "$OCC_CONFIG")"
# OCC_BENCH_CONFIG: an existing setup (with its credentials.json beside it) whose service is running,
# to measure the app idle while it watches a live service. Default: a fresh config (nothing to watch).
if [[ -n "${OCC_BENCH_CONFIG:-}" ]]; then
    cp "$OCC_BENCH_CONFIG" "$OCC_CONFIG"
    cp "$(dirname "$OCC_BENCH_CONFIG")/credentials.json" "$(dirname "$OCC_CONFIG")/"
else
    echo '{"version": 1}' >"$OCC_CONFIG"
fi
"$build/app/opencode-cloud" --autostart >"$work/app.log" 2>&1 & app=$!; pids+=($app)
sleep 5 # start-up is not idle
ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); r0=$(awk '/VmRSS/{print $2}' "/proc/$app/status")
sleep "$secs"
t1=$(ticks); r1=$(awk '/VmRSS/{print $2}' "/proc/$app/status"); hwm=$(awk '/VmHWM/{print $2}' "/proc/$app/status")
cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$secs" 'BEGIN{printf "%.2f", (b-a)/hz/s*100}')
echo "idle RSS: start $((r0 / 1024)) MB, after ${secs}s $((r1 / 1024)) MB, peak $((hwm / 1024)) MB (target <= 40 MB)"
echo "idle CPU: ${cpu}% over ${secs}s ($((t1 - t0)) ticks at ${hz} Hz) (target ~0%)"
