#!/usr/bin/env bash
# Screenshots on a real (virtual) display: Xvfb, trayer as the system tray host, the test tool
# occ-screenshots (it runs the app's TrayApp, shows the wizard page by page, the tray menu, the log viewer,
# settings and the status window with sample data and grabs them itself), plus `import -window root` for
# the tray. The shipped opencode-cloud has no screenshot mode.
# Fails when the app does not see a system tray under trayer, or when a screenshot is missing.
#   tests/gui/screenshots.sh BUILD_DIR [OUT_DIR]   (OUT_DIR defaults to docs/screenshots)
set -euo pipefail

build=${1:?usage: screenshots.sh BUILD_DIR [OUT_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here/../../docs/screenshots}
app=$build/app/opencode-cloud
driver=$build/tests/gui/occ-screenshots
mkdir -p "$out"
out=$(cd "$out" && pwd)

for tool in Xvfb trayer import; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install xvfb trayer imagemagick)" >&2; exit 1; }
done
[ -x "$app" ] || { echo "no app at $app" >&2; exit 1; }
[ -x "$driver" ] || { echo "no screenshot tool at $driver (build the occ-screenshots target)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A free display number.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=":$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done 2>/dev/null || sleep 1

trayer --edge top --align right --widthtype request --height 32 --SetDockType true --transparent false \
    --tint 0x303030 >"$work/trayer.log" 2>&1 &
pids+=($!)
sleep 1

# A private HOME and config: nothing of the real user's is read or written.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export OCC_CONFIG=$work/home/.config/opencode-cloud/config.json
export QT_QPA_PLATFORM=xcb LANG=${SCREENSHOT_LANG:-en_US.UTF-8}
mkdir -p "$HOME"

"$app" --print-tray-available | tee "$work/tray.txt"
grep -q 'tray-available=1' "$work/tray.txt" || { echo "FAIL: no system tray under trayer" >&2; exit 1; }

"$driver" "$out" >"$work/app.log" 2>&1 &
apppid=$!
pids+=($apppid)
for _ in $(seq 300); do [ -e "$out/.tray-ready" ] && break; sleep 0.1; done
[ -e "$out/.tray-ready" ] || { cat "$work/app.log" >&2; echo "FAIL: app never showed its tray icon" >&2; exit 1; }
import -window root "$out/desktop-tray.png"
# The tray corner, enlarged, so the icon is visible in the docs.
convert "$out/desktop-tray.png" -crop 160x40+1120+0 +repage -scale 300% "$out/tray-icon.png"
touch "$out/.tray-grabbed"
status=0
wait "$apppid" || status=$?
cat "$work/app.log"
[ "$status" -eq 0 ] || { echo "FAIL: screenshot mode exited with $status" >&2; exit 1; }
grep -q 'tray-available=1' "$work/app.log" || { echo "FAIL: app saw no tray" >&2; exit 1; }
for name in tray-menu wizard-1-welcome wizard-2-detection wizard-3-access wizard-5-credentials \
    wizard-8-apply wizard-9-finish log-viewer settings status-window desktop-tray; do
    [ -s "$out/$name.png" ] || { echo "FAIL: missing $name.png" >&2; exit 1; }
done
echo "screenshots in $out"
