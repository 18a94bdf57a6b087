#!/usr/bin/env bash
# Nothing from the tests ships: no screenshot driver, recorder or fake engine in the product's binaries and
# libraries, and no environment variable that switches the app into a demo mode.
#   tests/gui/no-test-code.sh FILE...   (executables and static libraries)
# Each FILE must have a symbol table (else the check would pass for nothing): a file with no occ:: symbol fails.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: no-test-code.sh FILE..." >&2; exit 2; }
command -v nm >/dev/null || { echo "missing nm (binutils)" >&2; exit 2; }

forbidden='Screenshot(Mode|Backend)|Recording[A-Za-z]*Runner|Fake(Engine|Docker)|occ::test::'
check() {
    local file=$1 symbols found
    [ -e "$file" ] || { echo "FAIL: $file does not exist" >&2; return 1; }
    symbols=$(nm -C "$file" 2>/dev/null || true)
    grep -q 'occ::' <<<"$symbols" || { echo "FAIL: $file has no occ:: symbols; cannot check it" >&2; return 1; }
    found=$(grep -E "$forbidden" <<<"$symbols" | sort -u | head -5 || true)
    [ -z "$found" ] || { printf 'FAIL: %s contains test code:\n%s\n' "$file" "$found" >&2; return 1; }
    if grep -aq 'OCC_SCREENSHOT' "$file"; then
        echo "FAIL: $file still reads a screenshot-mode environment variable" >&2
        return 1
    fi
    echo "ok: $file"
}

failed=0
for file in "$@"; do
    check "$file" || failed=1
done
exit "$failed"
