#!/usr/bin/env bash
# One fuzz target's CTest test: replay every input that ever crashed it, then fuzz for a bounded time
# from the committed seeds. Exits non-zero (and libFuzzer prints the stack and writes the input to
# WORK_DIR/crash-*) when the target crashes, leaks, or times out on one input.
#
#   run-fuzzer.sh TARGET SECONDS SEED_DIR CRASH_DIR WORK_DIR
set -euo pipefail
target="$1" seconds="$2" seeds="$3" crashes="$4" work="$5"

mkdir -p "$work/corpus"
# New inputs go to the first directory, in the build tree; the seeds in the tree are only read.
# -timeout: one input taking longer than 10 s is a hang, reported as a crash.
# -rss_limit_mb/-malloc_limit_mb: a parser asked to allocate more than this for hostile input is a bug.
common=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -artifact_prefix="$work/")

if compgen -G "$crashes/*" >/dev/null; then
    echo "replaying $(find "$crashes" -type f | wc -l) past crash input(s) from $crashes"
    "$target" "${common[@]}" "$crashes"/*
fi
exec "$target" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 "$work/corpus" "$seeds"
