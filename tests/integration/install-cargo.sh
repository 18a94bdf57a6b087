#!/usr/bin/env bash
# The cargo installer, offline: `cargo install --path installers/cargo --root TMP --offline` builds the
# C++ tree with CMake from build.rs and installs occ; then occ --version, occ config path and
# occ completion bash must work, and a missing cmake must give a clear message.
#
#   install-cargo.sh [TARGET_DIR]   TARGET_DIR keeps cargo's build (and CMake's) between runs
#
# Slow on a cold TARGET_DIR (it compiles core/ and cli/ again: ~6 minutes on 2 cores).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$(cd "$here/../.." && pwd)"
say() { printf '[install-cargo] %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
start=$SECONDS
command -v cargo >/dev/null || fail "cargo is not installed"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
target="${1:-$tmp/target}"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" NUM_JOBS="${OCC_JOBS:-2}" CARGO_BUILD_JOBS="${OCC_JOBS:-2}"

nice -n 10 cargo install --path "$src/installers/cargo" --root "$tmp/root" --offline --target-dir "$target" >&2 ||
    fail "cargo install"
occ="$tmp/root/bin/occ"
[[ -x "$occ" ]] || fail "cargo did not install occ"
say "cargo install took $((SECONDS - start))s"

export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
mkdir -p "$HOME"
"$occ" --version | grep -q '^occ ' || fail "occ --version"
say "$("$occ" --version)"
[[ "$("$occ" config path)" == "$tmp/home/"* ]] || fail "occ config path"
"$occ" completion bash | grep -q 'complete -F _occ occ' || fail "occ completion bash"
set +e
"$occ" no-such-verb >/dev/null 2>&1
code=$?
set -e
((code == 2)) || fail "exit code of a usage error came out as $code"

# No cmake on PATH: build.rs must say what to install, not panic. A fresh OUT_DIR forces build.rs to run.
mkdir -p "$tmp/bin"
for t in cargo rustc cc; do ln -s "$(command -v "$t")" "$tmp/bin/$t"; done
set +e
msg="$(PATH="$tmp/bin" cargo build --offline --manifest-path "$src/installers/cargo/Cargo.toml" \
    --target-dir "$tmp/nocmake" 2>&1)"
set -e
grep -q 'cmake was not found' <<<"$msg" || { echo "$msg" >&2; fail "no clear message without cmake"; }
say "without cmake: clear message"

# No Qt: the configure step fails and build.rs says how to install it.
set +e
msg="$(OCC_CMAKE_ARGS=-DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON cargo build --offline \
    --manifest-path "$src/installers/cargo/Cargo.toml" --target-dir "$tmp/noqt" 2>&1)"
set -e
grep -q 'Qt 6.4 or newer (Core, Network) was not found' <<<"$msg" || { echo "$msg" >&2; fail "no clear message without Qt"; }
say "without Qt: clear message"
say "passed in $((SECONDS - start))s"
