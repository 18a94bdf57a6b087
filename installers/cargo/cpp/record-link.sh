#!/bin/sh
# RULE_LAUNCH_LINK for occ_cargo_probe: records the link command (one argument per line, run from the
# build directory) for build.rs, then links as usual.
out="$1"
shift
pwd >"$out"
for a in "$@"; do printf '%s\n' "$a"; done >>"$out"
exec "$@"
