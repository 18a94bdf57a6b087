#!/usr/bin/env bash
# The npm installer, offline: `npm pack` the launcher and this platform's package, install both
# tarballs into a temporary prefix with an empty cache and --offline (so nothing can come from a
# registry), then run occ through npx and through the launcher:
#   npx opencode-cloud --version, npx opencode-cloud status (its exit code must come through),
#   SIGTERM to the launcher reaches occ, and a missing platform package gives a clear message.
#
#   install-npm.sh OCC_BINARY
set -euo pipefail
occ="$(realpath "${1:?usage: install-npm.sh OCC_BINARY}")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
say() { printf '[install-npm] %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
start=$SECONDS
command -v npm >/dev/null || fail "npm is not installed"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mapfile -t tarballs < <("$here/../../installers/npm/pack.sh" "$occ" "$tmp/out")
say "packed: $(cd "$tmp/out" && ls) ($(du -sh "$tmp/out" | cut -f1))"
export npm_config_cache="$tmp/cache" npm_config_offline=true npm_config_audit=false npm_config_fund=false \
    npm_config_update_notifier=false npm_config_loglevel=error
# Platform package first, then the launcher; the other platforms' optional packages are skipped.
npm install --prefix "$tmp/prefix" "${tarballs[1]}" "${tarballs[0]}" >&2
[[ -x "$tmp/prefix/node_modules/.bin/opencode-cloud" ]] || fail "no opencode-cloud bin"

# Linux: occ must load the Qt the package bundles (RUNPATH $ORIGIN/../lib), not the system's.
native="$tmp/prefix/node_modules/@opencode-cloud/$(node -p 'process.platform + "-" + process.arch')"
if [[ -d "$native/lib" ]]; then
    ldd "$native/bin/occ" | grep -q 'not found' && fail "unresolved libraries: $(ldd "$native/bin/occ" | grep 'not found')"
    qtcore="$(ldd "$native/bin/occ" | awk '/libQt6Core/ {print $3}')"
    [[ "$(realpath "$qtcore")" == "$(realpath "$native/lib")"/* ]] || fail "occ loads $qtcore, not the bundled Qt"
    say "occ runs on the bundled libraries ($(ls "$native/lib" | wc -l) in lib/)"
fi

# A user with no config, so `status` has a known answer (5: not set up) without any engine.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
mkdir -p "$HOME"
cd "$tmp/prefix"
version="$(npx opencode-cloud --version)" || fail "npx opencode-cloud --version"
[[ "$version" == "$("$occ" --version)" ]] || fail "npx printed '$version'"
say "npx opencode-cloud --version: $version"
set +e
npx opencode-cloud status >"$tmp/status.out" 2>&1
code=$?
"$occ" status >/dev/null 2>&1
want=$?
set -e
((code == want)) || { cat "$tmp/status.out" >&2; fail "npx opencode-cloud status exited $code, occ itself $want"; }
say "npx opencode-cloud status: exit $code, as occ itself ($(head -n1 "$tmp/status.out"))"

# Signals: SIGTERM to the launcher must reach occ (here a long `occ logs --follow`-like wait is not
# available without an engine, so OCC_BINARY points at sleep to watch the forwarding itself).
OCC_BINARY="$(command -v sleep)" node_modules/.bin/opencode-cloud 30 &
launcher=$!
sleep 1
kill -TERM "$launcher"
set +e
wait "$launcher"
code=$?
set -e
((code == 143)) || fail "launcher exited $code after SIGTERM, expected 143 (terminated by SIGTERM)"
pgrep -f "^$(command -v sleep) 30$" >/dev/null && fail "the child survived SIGTERM"
say "SIGTERM forwarded (exit 143)"

# Without the platform package: a message that says what to do, not a stack trace.
rm -rf node_modules/@opencode-cloud
set +e
msg="$(node_modules/.bin/opencode-cloud --version 2>&1)"
code=$?
set -e
((code == 1)) && [[ "$msg" == *"is not installed"* && "$msg" != *"at "*"("* ]] ||
    fail "missing platform package: exit $code, '$msg'"
say "missing platform package: clear message"
say "passed in $((SECONDS - start))s"
