#!/usr/bin/env bash
# Before `cargo publish` / `cargo package`: copies the C++ sources occ needs into cpp/src, so the crate
# builds without the repository around it (build.rs prefers cpp/src when present).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rm -rf "$here/cpp/src"
mkdir -p "$here/cpp/src/installers"
cp -r "$root/CMakeLists.txt" "$root/core" "$root/cli" "$root/docker" "$here/cpp/src/"
cp -r "$root/installers/CMakeLists.txt" "$root/installers/cmake" "$root/installers/linux" \
    "$root/installers/macos" "$root/installers/windows" "$here/cpp/src/installers/"
echo "vendored into $here/cpp/src"
