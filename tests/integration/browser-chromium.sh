#!/usr/bin/env bash
# Headless Chromium loads URL (credentials in it) over HTTPS trusting only CA_PEM, which goes into an NSS
# db in a throwaway HOME: no --ignore-certificate-errors. Writes a screenshot and the rendered DOM.
#   browser-chromium.sh CA_PEM URL SCREENSHOT_PNG DOM_HTML
set -euo pipefail
ca="$1" url="$2" shot="$3" dom="$4"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"
mkdir -p "$HOME/.pki/nssdb"
certutil -d "sql:$HOME/.pki/nssdb" -N --empty-password
certutil -d "sql:$HOME/.pki/nssdb" -A -t "C,," -n occ-local-ca -i "$ca"

flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
    --disable-component-update --disable-sync --disable-quic --disable-dev-shm-usage
    --window-size=1280,800 --virtual-time-budget=15000)

# The SPA needs a moment to fetch its data; virtual time lets it settle before the capture.
timeout 120 chromium "${flags[@]}" --user-data-dir="$work/profile-dom" --dump-dom "$url" >"$dom" 2>"$work/dom.log" || {
    cat "$work/dom.log" >&2
    exit 1
}
timeout 120 chromium "${flags[@]}" --user-data-dir="$work/profile-shot" --screenshot="$shot" "$url" \
    >"$work/shot.log" 2>&1 || {
    cat "$work/shot.log" >&2
    exit 1
}
test -s "$shot" || {
    echo "no screenshot written" >&2
    cat "$work/shot.log" >&2
    exit 1
}
echo "dom: $(wc -c <"$dom") bytes, screenshot: $(wc -c <"$shot") bytes"
