#!/usr/bin/env bash
# The README's screenshots, taken of the shipped app driving a real service: build/app/opencode-cloud under
# Xvfb with trayer as the system tray host, driven only from outside (xdotool keys and clicks, the app's
# documented options), against the real engine and the project's real opencode image (occ-e2e-opencode:<pinned>,
# the image TestServiceE2E builds and the front door tests share; built here the same way when missing).
#
#   1. First run as root: the wizard as a new user sees it; the detection page shows what it really found.
#   2. A config with names of its own (container, volumes), the tray icon, the wizard run again from the tray
#      menu: Apply starts the real service. Then the tray menu of the running service; two restarts from it
#      (opencode prints one line per start, nothing else at its default level) and the log viewer with those
#      lines; settings; then, with the tray host gone, the status window.
#   3. As `nobody` (outside the docker group), from a copy of the binary in a 0755 folder: the detection page
#      with the permission error.
#
# Nothing outside a temporary HOME is read or written; the service's container and volumes are removed at
# the end, the shared image is kept. Fails when a window does not appear (checked by title with xdotool),
# a key press does not change the page, or a screenshot is missing, uniform or of an unexpected size.
#
#   tests/gui/screenshots.sh BUILD_DIR [OUT_DIR]   (OUT_DIR defaults to docs/screenshots)
#
# Environment: DOCKER_SOCK (default /var/run/docker.sock), OCC_SHOTS_KEEP=1 keeps the work folder (logs).
# shellcheck disable=SC2119 # lib.sh functions take an optional socket, defaulting to $DOCKER_SOCK
set -euo pipefail
export OCC_LOG_TAG=screenshots
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/harness/lib.sh
source "$here/../harness/lib.sh"

build=$(cd "${1:?usage: screenshots.sh BUILD_DIR [OUT_DIR]}" && pwd)
out=${2:-$here/../../docs/screenshots}
app=$build/app/opencode-cloud
occ=$build/cli/occ
mkdir -p "$out"
out=$(cd "$out" && pwd)

for tool in Xvfb trayer xdotool import identify convert compare xdpyinfo setpriv python3; do
    occ_require_cmd "$tool" "Run scripts/install-deps.sh (xvfb trayer xdotool imagemagick x11-utils)."
done
[[ -x "$app" ]] || occ_die "no app at $app (build the opencode-cloud target)"
[[ -x "$occ" ]] || occ_die "no occ at $occ (build the occ target)"
occ_is_root || occ_die "run as root: the permission shot runs the app as nobody"
occ_engine_ping || occ_die "no engine: $(occ_engine_diagnose). Run tests/harness/engine.sh up first."

work=$(mktemp -d "${TMPDIR:-/tmp}/occ-shots.XXXXXX")
chmod 0755 "$work"
suffix=$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
name=occ-shots-$suffix
pids=()
cleanup() {
    local rc=$? pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ -s "$work/svc/.config/opencode-cloud/config.json" ]]; then
        HOME=$work/svc XDG_CONFIG_HOME=$work/svc/.config "$occ" -q stop >/dev/null 2>&1 || true
    fi
    # An app killed during Apply may leave the engine creating the container: remove until nothing is left.
    local _
    for _ in $(seq 20); do
        occ_docker rm -f "$name" >/dev/null 2>&1 || true
        occ_docker volume ls -q --filter "name=^$name-" | xargs -r docker -H "unix://$DOCKER_SOCK" volume rm \
            >/dev/null 2>&1 || true
        [[ -z "$(occ_docker ps -aq --filter "name=^$name\$")$(occ_docker volume ls -q --filter "name=^$name-")" ]] &&
            break
        sleep 1
    done
    if ((rc != 0)); then
        for log in "$work"/*.log; do
            [[ -s "$log" ]] || continue
            echo "---- $log (last lines) ----" >&2
            tail -n 20 "$log" >&2
        done
    fi
    if [[ "${OCC_SHOTS_KEEP:-0}" == 1 ]]; then occ_log "kept $work"; else rm -rf "$work"; fi
    exit "$rc"
}
trap cleanup EXIT

# ---- the display -------------------------------------------------------------------------------------------
display=99
while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
screen_w=1280 screen_h=800
Xvfb ":$display" -screen 0 "${screen_w}x${screen_h}x24" -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=:$display
occ_wait_for 10 xdpyinfo >/dev/null 2>&1 || occ_die "Xvfb did not start (log: $work/xvfb.log)"
# A desktop colour instead of black, so the tray menu's edges show (-noreset: X keeps it between clients).
display -window root -size "${screen_w}x${screen_h}" xc:'#3c6e91' >/dev/null 2>&1 || true

start_trayer() {
    trayer --edge top --align right --widthtype request --height 32 --SetDockType true --transparent false \
        --tint 0x303030 >>"$work/trayer.log" 2>&1 &
    trayer_pid=$!
    pids+=("$trayer_pid")
    occ_wait_for 10 xdotool search --onlyvisible --pid "$trayer_pid" >/dev/null 2>&1 ||
        occ_wait_for 10 xdotool search --onlyvisible --class trayer >/dev/null 2>&1 ||
        occ_die "trayer showed no panel"
}
start_trayer

# What every run of the app gets: the display, English, no session bus of the caller's (so Qt uses the
# XEmbed tray that trayer hosts), no engine or config from outside.
unset DBUS_SESSION_BUS_ADDRESS DOCKER_HOST DOCKER_CONTEXT OCC_CONFIG XDG_CURRENT_DESKTOP LANGUAGE LC_ALL
# The engine the harness uses, when it is not the default one the app would find by itself.
[[ "$DOCKER_SOCK" == "$OCC_DEFAULT_SOCK" ]] || export DOCKER_HOST=unix://$DOCKER_SOCK
export QT_QPA_PLATFORM=xcb LANG=en_US.UTF-8

# ---- helpers -----------------------------------------------------------------------------------------------
# A fresh home for one user of the app (owner: $2, default root).
make_home() { # dir [user]
    mkdir -p "$1/.config" "$1/.local/share" "$1/.cache" "$1/runtime"
    chmod 0700 "$1/runtime"
    [[ -z "${2:-}" ]] || chown -R "$2" "$1"
}

# Starts the app for HOME=$1 (as $2 through setpriv when given) with the remaining arguments; sets app_pid.
start_app() { # home user|"" [app arguments...]
    local home=$1 user=$2 binary=$app
    shift 2
    local env=(env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
        XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/runtime")
    if [[ -n "$user" ]]; then
        binary=$work/bin/opencode-cloud
        env+=(USER="$user" LOGNAME="$user")
        setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups -- "${env[@]}" "$binary" "$@" \
            >>"$work/app-$user.log" 2>&1 &
    else
        env+=(USER=root LOGNAME=root)
        "${env[@]}" "$binary" "$@" >>"$work/app.log" 2>&1 &
    fi
    app_pid=$!
    pids+=("$app_pid")
}

app_gone() { ! kill -0 "$app_pid" 2>/dev/null; }

stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
}

# The id of the app's visible top-level window titled exactly TITLE; fails after SECONDS.
wait_window() { # title [seconds]
    local title=$1 deadline=$((SECONDS + ${2:-30})) id pattern
    # shellcheck disable=SC2001 # a character class, which ${var//...} cannot do
    pattern="^$(sed 's/[][()\.^$*+?{}|]/\\&/g' <<<"$title")\$"
    while ((SECONDS < deadline)); do
        id=$(xdotool search --all --onlyvisible --pid "$app_pid" --name "$pattern" 2>/dev/null | head -n 1 || true)
        if [[ -n "$id" ]]; then
            echo "$id"
            return 0
        fi
        kill -0 "$app_pid" 2>/dev/null || occ_die "the app exited while we waited for the window \"$title\""
        sleep 0.2
    done
    occ_die "the app showed no window titled \"$title\" within ${2:-30}s; visible windows: $(visible_titles)"
}

visible_titles() {
    local id
    for id in $(xdotool search --onlyvisible --name '.' 2>/dev/null); do
        printf '"%s" ' "$(xdotool getwindowname "$id" 2>/dev/null)"
    done
}

# The largest visible window of the app that is not in EXCEPT (window ids separated by spaces).
largest_window() { # except
    local id best="" area best_area=0 WIDTH HEIGHT
    for id in $(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null); do
        [[ " $1 " == *" $id "* ]] && continue
        eval "$(xdotool getwindowgeometry --shell "$id" | grep -E '^(WIDTH|HEIGHT)=')"
        area=$((WIDTH * HEIGHT))
        ((area > best_area)) && best=$id best_area=$area
    done
    echo "$best"
}

focus() { # window
    xdotool windowmove --sync "$1" 40 60 2>/dev/null || xdotool windowmove "$1" 40 60
    xdotool windowfocus --sync "$1" 2>/dev/null || xdotool windowfocus "$1"
    sleep 0.2
}

# Waits until the window's image stops changing (a finished check, a drawn page); a blinking text cursor
# alternates between two images, so "same as one of the last two" counts as settled. Leaves the image in
# $work/settled.png.
settle() { # window [seconds]
    local deadline=$((SECONDS + ${2:-30})) n=0
    rm -f "$work"/settle-*.png
    while ((SECONDS < deadline)); do
        sleep 0.4
        import -window "$1" "$work/settle-$n.png" 2>/dev/null || continue
        if ((n >= 2)); then
            if same "$work/settle-$n.png" "$work/settle-$((n - 1)).png" ||
                same "$work/settle-$n.png" "$work/settle-$((n - 2)).png"; then
                cp "$work/settle-$n.png" "$work/settled.png"
                return 0
            fi
        fi
        n=$((n + 1))
    done
    occ_die "window $1 (\"$(xdotool getwindowname "$1" 2>/dev/null)\") kept changing for ${2:-30}s"
}

# The same top 56 pixel rows (a wizard page's title and subtitle).
same_header() { # a.png b.png
    convert "$1" -crop x56+0+0 +repage "$work/header-a.png"
    convert "$2" -crop x56+0+0 +repage "$work/header-b.png"
    same "$work/header-a.png" "$work/header-b.png"
}

same() { # a.png b.png
    [[ "$(compare -metric AE "$1" "$2" null: 2>&1 || true)" == 0 ]]
}

# Checks a screenshot and saves it as OUT/NAME.png: not uniform, and its size within the given bounds.
check_shot() { # file name min_w min_h max_w max_h
    local file=$1 shot=$2 w h sd
    read -r w h sd < <(identify -format '%w %h %[fx:standard_deviation]\n' "$file" | head -n 1)
    ((w >= $3 && h >= $4 && w <= $5 && h <= $6)) ||
        occ_die "$shot.png is ${w}x${h}, expected between ${3}x${4} and ${5}x${6}"
    awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || occ_die "$shot.png is (nearly) one colour (deviation $sd)"
    cp "$file" "$out/$shot.png"
    occ_log "saved $shot.png (${w}x${h})"
}

# Settles the window, checks that it differs from the previous shot of the same sequence, saves it.
shot_window() { # window name min_w min_h [seconds to settle]
    settle "$1" "${5:-30}"
    check_shot "$work/settled.png" "$2" "$3" "$4" "$screen_w" "$screen_h"
    if [[ -n "${previous:-}" ]] && same "$work/settled.png" "$previous"; then
        occ_die "$2.png shows the same as the shot before it: the app did not move on"
    fi
    cp "$work/settled.png" "$work/previous.png"
    previous=$work/previous.png
}

# Settles the window, presses KEYS and checks that the window changed (the page moved on, a choice was made).
advance() { # window keys...
    local window=$1
    settle "$window"
    cp "$work/settled.png" "$work/before.png"
    key "$@"
    settle "$window"
    same "$work/settled.png" "$work/before.png" &&
        occ_die "pressing ${*:2} in \"$(xdotool getwindowname "$window")\" changed nothing"
    cp "$work/settled.png" "$work/previous.png"
}

key() { # window keys...
    local window=$1
    shift
    xdotool windowfocus --sync "$window" 2>/dev/null || true
    xdotool key --delay 80 "$@"
    sleep 0.3
}

# The app's icon in the tray: its only small visible window.
tray_icon() {
    local deadline=$((SECONDS + 30)) id WIDTH HEIGHT
    while ((SECONDS < deadline)); do
        for id in $(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null); do
            eval "$(xdotool getwindowgeometry --shell "$id" | grep -E '^(WIDTH|HEIGHT)=')"
            if ((WIDTH <= 64 && HEIGHT <= 64)); then
                echo "$id"
                return 0
            fi
        done
        sleep 0.2
    done
    occ_die "the app put no icon into the tray"
}

# Clicks the tray icon and prints the id of the menu that opens. The click is on the icon's lowest row: the
# menu opens at the pointer, so the icon and the panel stay visible above it.
open_tray_menu() {
    local icon menu deadline before WIDTH HEIGHT
    icon=$(tray_icon)
    before=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | tr '\n' ' ')
    eval "$(xdotool getwindowgeometry --shell "$icon" | grep -E '^(WIDTH|HEIGHT)=')"
    xdotool mousemove --window "$icon" $((WIDTH / 2)) $((HEIGHT - 1)) click 1
    deadline=$((SECONDS + 10))
    while ((SECONDS < deadline)); do
        menu=$(largest_window "$before")
        [[ -n "$menu" ]] && echo "$menu" && return 0
        sleep 0.2
    done
    occ_die "clicking the tray icon opened no menu"
}

# Notifications (the service started, restarted) are balloons beside the icon for a few seconds: waits until
# the tray icon is the app's only visible window.
only_the_icon() { ! xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | grep -qvx "$1"; }
wait_no_popups() {
    occ_wait_for 20 only_the_icon "$(tray_icon)" ||
        occ_die "a window of the app other than its tray icon stays open: $(visible_titles)"
}

# ---- the service's names, the shared image's inputs ----------------------------------------------------------
# The same inputs as TestServiceE2E, so the image is the one it builds (and reused when it is there).
base_image=$(bash "$here/../harness/base-image.sh" 2>>"$work/harness.log" | tail -n 1)
[[ -n "$base_image" ]] || occ_die "tests/harness/base-image.sh failed (log: $work/harness.log)"
opencode_binary=$(bash "$here/../harness/opencode-binary.sh" 2>>"$work/harness.log" | tail -n 1)
[[ -x "$opencode_binary" ]] || occ_die "tests/harness/opencode-binary.sh failed (log: $work/harness.log)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# ---- 1. the first run, as root: the wizard's pages up to Apply ----------------------------------------------
occ_log "first run: the setup wizard"
make_home "$work/first"
start_app "$work/first" ""
wizard=$(wait_window "opencode-cloud setup")
focus "$wizard"
previous=
shot_window "$wizard" wizard-1-welcome 640 520
key "$wizard" alt+n
shot_window "$wizard" wizard-2-detection 640 520
cp "$out/wizard-2-detection.png" "$work/detection-ok.png"
key "$wizard" alt+n
shot_window "$wizard" wizard-3-access 640 520
# The third choice, "behind a proxy", leads to the public address page.
advance "$wizard" Down Down
key "$wizard" alt+n
xdotool type --delay 30 "https://code.example.com"
shot_window "$wizard" wizard-4-proxy 640 520
key "$wizard" alt+n
shot_window "$wizard" wizard-5-credentials 640 520
key "$wizard" alt+n
shot_window "$wizard" wizard-6-persistence 640 520
key "$wizard" alt+n
shot_window "$wizard" wizard-7-restart 640 520
# Not Apply: this run has no names of its own. Cancel, and the app stays in the tray.
key "$wizard" Escape
stop_app

# ---- 2. a service of our own: the wizard's Apply, the tray, the logs, settings, the status window ---------
occ_log "the service: wizard again from the tray, Apply"
svc=$work/svc
make_home "$svc"
mkdir -p "$svc/.config/opencode-cloud"
# The names this run uses (bench/fresh-clone.sh does the same); `occ setup --yes` keeps them.
cat >"$svc/.config/opencode-cloud/config.json" <<JSON
{
  "version": 1,
  "service": {"container_name": "$name"},
  "volumes": {"prefix": "$name"},
  "image": {"name": "occ-e2e-opencode", "base": "$base_image", "opencode_binary": "$opencode_binary"},
  "restart": {"policy": "no"}
}
JSON
chmod 0600 "$svc/.config/opencode-cloud/config.json"
HOME=$svc XDG_CONFIG_HOME=$svc/.config "$occ" setup --yes --port "$port" >"$work/setup.log" 2>&1 ||
    occ_die "occ setup failed (log: $work/setup.log)"

start_app "$svc" ""
menu=$(open_tray_menu)
key "$menu" w
wizard=$(wait_window "opencode-cloud setup (editing your existing setup)")
focus "$wizard"
advance "$wizard" alt+n # detection
advance "$wizard" alt+n # access
advance "$wizard" alt+n # password (kept)
advance "$wizard" alt+n # persistence
advance "$wizard" alt+n # restart and summary
previous=$work/previous.png
key "$wizard" alt+a # Apply: saves, starts the service (builds the image first when it is missing)
# Apply ends when opencode answers; `occ status` (exit 0: healthy) sees the same service.
healthy() { HOME=$svc XDG_CONFIG_HOME=$svc/.config "$occ" -q status >/dev/null 2>&1; }
occ_wait_for 1200 healthy ||
    occ_die "the service the wizard started did not become healthy"
# The page enables Next once it has seen opencode answer too: press it until the page's header changes.
finished=0
for _ in $(seq 30); do
    settle "$wizard"
    cp "$work/settled.png" "$work/apply.png"
    key "$wizard" alt+n
    settle "$wizard"
    if ! same_header "$work/settled.png" "$work/apply.png"; then
        finished=1
        break
    fi
    sleep 1
done
((finished)) || occ_die "the Apply page never let the wizard move on"
check_shot "$work/apply.png" wizard-8-apply 640 520 "$screen_w" "$screen_h"
check_shot "$work/settled.png" wizard-9-finish 640 520 "$screen_w" "$screen_h"
key "$wizard" alt+f

occ_log "the tray menu"
wait_no_popups
menu=$(open_tray_menu)
settle "$menu"
eval "$(xdotool getwindowgeometry --shell "$menu" | sed 's/^/MENU_/')"
import -window root "$work/root.png"
# From the menu's left edge (at least 200 pixels) to the screen's right edge, from the panel to below the menu.
x0=$((MENU_X - 16 < screen_w - 216 ? MENU_X - 16 : screen_w - 216))
((x0 < 0)) && x0=0
h=$((MENU_Y + MENU_HEIGHT + 16 < screen_h ? MENU_Y + MENU_HEIGHT + 16 : screen_h))
convert "$work/root.png" -crop "$((screen_w - x0))x${h}+${x0}+0" +repage "$work/tray-menu.png"
check_shot "$work/tray-menu.png" tray-menu 200 200 "$screen_w" "$screen_h"
key "$menu" Escape

occ_log "the log viewer"
# opencode says little while it serves; each start adds its line. Restart twice from the tray menu.
starts() { occ_docker logs "$name" 2>&1 | grep -c 'opencode server listening' || true; }
started_at_least() { (($(starts) >= $1)); }
# The menu's Restart is disabled while the app's previous operation still waits for opencode: try again then.
restart_from_tray() { # starts expected afterwards
    local attempt menu
    for attempt in 1 2 3 4; do
        occ_wait_for 120 healthy || occ_die "the service did not come back after a restart"
        wait_no_popups
        menu=$(open_tray_menu)
        key "$menu" r
        if xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | grep -qx "$menu"; then
            key "$menu" Escape # a disabled item leaves the menu open
        fi
        occ_wait_for 30 started_at_least "$1" && return 0
        occ_log "Restart did not start opencode again (attempt $attempt)"
    done
    occ_die "Restart in the tray menu did not start opencode again (starts: $(starts))"
}
restart_from_tray 2
restart_from_tray 3
occ_wait_for 120 healthy || occ_die "the service did not come back after the restarts"
wait_no_popups
menu=$(open_tray_menu)
key "$menu" l
logs=$(wait_window "opencode-cloud logs")
focus "$logs"
previous=
shot_window "$logs" log-viewer 600 400

occ_log "settings"
menu=$(open_tray_menu)
key "$menu" e
settings=$(wait_window "opencode-cloud settings")
xdotool windowmove "$settings" 200 120
focus "$settings"
previous=
shot_window "$settings" settings 300 200
key "$settings" Escape

occ_log "the status window (no tray)"
menu=$(open_tray_menu)
key "$menu" q
occ_wait_for 10 app_gone || occ_die "Quit in the tray menu did not end the app"
kill "$trayer_pid"
wait "$trayer_pid" 2>/dev/null || true
start_app "$svc" ""
status=$(wait_window "opencode-cloud" 60)
focus "$status"
previous=
shot_window "$status" status-window 200 100
stop_app

# ---- 3. a user outside the docker group --------------------------------------------------------------------
occ_log "as nobody: permission denied"
mkdir -p "$work/bin"
cp "$app" "$work/bin/opencode-cloud"
chmod 0755 "$work/bin" "$work/bin/opencode-cloud"
make_home "$work/nobody" nobody
start_app "$work/nobody" nobody
wizard=$(wait_window "opencode-cloud setup")
focus "$wizard"
settle "$wizard"
cp "$work/settled.png" "$work/previous.png"
previous=$work/previous.png
key "$wizard" alt+n
shot_window "$wizard" wizard-2-detection-permission 640 520
same "$out/wizard-2-detection-permission.png" "$work/detection-ok.png" &&
    occ_die "the detection page looks the same for root and for nobody"
stop_app

echo "screenshots in $out"
