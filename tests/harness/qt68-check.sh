#!/usr/bin/env bash
# Builds the project against Qt 6.8 (Debian trixie's Qt, in a container) and runs the unit tests and the
# transport and Docker tests there against this machine's real engine. Debian 12 (CI) has Qt 6.4, and
# Qt 6.8 behaves differently where the transport cares: QNetworkRequest::rawHeaderList() comes back in
# lower case, and Qt's own unix+http: replies (tried, then dropped: see
# DockerNetworkAccessManager::createRequest()) lose failure causes. Not part of CTest or CI: too long.
#
#   qt68-check.sh [ctest args...]   exit 0 when every selected test passed
#
# What it does:
#   1. occ-test-base:trixie: debootstrap minbase (base-image.sh with OCC_BASE_SUITE=trixie), one layer.
#   2. occ-qt68-build:trixie: that plus the build and test dependencies from apt (plain-HTTP mirror),
#      flattened to one layer again with docker export | docker import (vfs copies every layer).
#   3. In a container on the host's network: the source mounted read-only, the build directory mounted
#      from the host (kept, so a rerun only recompiles what changed), /var/run/docker.sock mounted.
#      cmake + ninja (nice -n 19, -j2: the machine has two cores and may be busy), then
#        ctest -L unit
#        ctest -R '^(TestTransportIntegration|TestHttpIoDeviceReply|TestDockerClient|TestDockerFakeEngine)$'
#      (or, with arguments, ctest with those arguments instead). The docker_engine fixture's cleanup
#      (engine.sh down) is never run: the engine belongs to the host.
#   It prints the Qt version the tests were built with and fails if it is below 6.8.
#
# How long, measured on 2 cores: 6 min the first time (debootstrap 35 s, apt 1 min, compile 4 min at -j2,
# tests 20 s), up to 12 min when the machine is busy; a rerun with nothing changed 35 s.
#
# Needs: root (debootstrap, the engine socket), a Docker engine answering at /var/run/docker.sock
# (tests/harness/engine.sh up starts one), debootstrap, deb.debian.org over HTTP, 1.6 GB under
# /var/lib/docker (two single-layer images), 250 MB of cached rootfs and 100 MB of build directory
# under /var/cache/occ-harness. No registry.
#
# Environment:
#   OCC_QT68_SRC      source tree to build (default: this repository's work tree)
#   OCC_QT68_BUILD    build directory on the host (default $OCC_HARNESS_CACHE/qt68-build)
#   OCC_QT68_IMAGE    image name (default occ-qt68-build:trixie)
#   OCC_QT68_JOBS     compile jobs (default 2)
set -euo pipefail
export OCC_LOG_TAG=qt68-check
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SUITE=trixie
BASE_IMAGE="occ-test-base:$SUITE"
IMAGE="${OCC_QT68_IMAGE:-occ-qt68-build:$SUITE}"
SRC="$(cd "${OCC_QT68_SRC:-$OCC_REPO_ROOT}" && pwd)"
BUILD="${OCC_QT68_BUILD:-$(occ_cache_dir)/qt68-build}"
JOBS="${OCC_QT68_JOBS:-2}"
KEY_LABEL=org.opencode-cloud.harness.qt68-key
# What scripts/install-deps.sh installs on Debian 12, under trixie's names, less what no selected test
# uses (docker.io: only the CLI is needed; chromium, Xvfb, packaging tools). Tests: socat and openssl
# (tcp and TLS relays), docker-cli (TLS cross-check, `docker system dial-stdio` behind ssh), sshd and
# python3 (ssh-localhost.sh), busybox-static (engine.sh up), and the tools unit tests run: caddy, zsh,
# fish, groff, systemd-analyze; fonts for the offscreen GUI tests.
PACKAGES=(cmake ninja-build g++ pkg-config git qt6-base-dev qt6-base-dev-tools qt6-tools-dev
    qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6svg6 nlohmann-json3-dev libspdlog-dev libfmt-dev
    openssl socat docker-cli openssh-server openssh-client python3 busybox-static
    caddy zsh fish groff systemd fonts-dejavu-core)
DEFAULT_TESTS='^(TestTransportIntegration|TestHttpIoDeviceReply|TestDockerClient|TestDockerFakeEngine)$'

occ_is_root || occ_die "run as root (debootstrap, and the tests open the engine socket as root)"
occ_engine_ping "$DOCKER_SOCK" || occ_die "no engine: $(occ_engine_diagnose "$DOCKER_SOCK"). Run tests/harness/engine.sh up first."
[[ "$DOCKER_SOCK" == "$OCC_DEFAULT_SOCK" ]] ||
    occ_die "the tests expect the engine at $OCC_DEFAULT_SOCK (DOCKER_SOCK is $DOCKER_SOCK)"
case "$BUILD" in "$SRC"/build*) occ_die "OCC_QT68_BUILD must not be a build directory of the source tree ($BUILD)" ;; esac
started=$SECONDS

# 1. The trixie base (cached rootfs, seconds when the tarball is there).
OCC_BASE_SUITE=$SUITE OCC_BASE_IMAGE="$BASE_IMAGE" bash "$OCC_REPO_ROOT/tests/harness/base-image.sh" >/dev/null

# 2. The build image, rebuilt when the base or the package list changes.
base_id="$(occ_docker image inspect -f '{{.Id}}' "$BASE_IMAGE")"
key="$(printf '%s\n' "rev=1" "$base_id" "${PACKAGES[@]}" | sha256sum | cut -c1-16)"
if [[ "$(occ_image_label "$IMAGE" "$KEY_LABEL")" == "$key" ]]; then
    occ_log "$IMAGE is up to date"
else
    occ_log "building $IMAGE: apt-get install ${PACKAGES[*]}"
    old_id="$(occ_docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
    t=$SECONDS
    prep="occ-qt68-prep-$$"
    trap 'occ_docker rm -f "$prep" >/dev/null 2>&1 || true' EXIT
    # Plain HTTP: TLS may be re-signed on the way and apt checks the Release signatures anyway.
    occ_docker run --name "$prep" --network host "$BASE_IMAGE" bash -ec "
        sed -i 's|https://|http://|' /etc/apt/sources.list
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends ${PACKAGES[*]} >/dev/null
        apt-get clean
        rm -rf /var/lib/apt/lists/* /var/log/apt/* /var/log/*.log" >&2 ||
        occ_die "apt-get install in $BASE_IMAGE failed"
    occ_docker export "$prep" | occ_docker import \
        --change 'CMD ["/bin/bash"]' \
        --change 'ENV LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change "LABEL $KEY_LABEL=$key" \
        - "$IMAGE" >/dev/null
    occ_docker rm -f "$prep" >/dev/null
    trap - EXIT
    # The image the new one replaced, now untagged: 1.3 GB that vfs would keep.
    if [[ -n "$old_id" && "$old_id" != "$(occ_docker image inspect -f '{{.Id}}' "$IMAGE")" ]]; then
        occ_docker rmi "$old_id" >/dev/null 2>&1 || true
    fi
    occ_log "built $IMAGE in $((SECONDS - t))s"
fi

# 3. Build and test inside it. The engine is the host's. --network host: TestDockerClient::portInUse
# holds a port and expects the engine (which publishes ports on the host) to find it taken; the tests
# themselves only use loopback and the engine's socket.
if (($# > 0)); then
    printf -v ctest_args '%q ' "$@"
    tests="ctest --output-on-failure -FC docker_engine $ctest_args"
else
    tests="set +e
           ctest --output-on-failure -L unit; u=\$?
           ctest --output-on-failure -FC docker_engine -R '$DEFAULT_TESTS'; i=\$?
           [ \$u = 0 ] && [ \$i = 0 ]"
fi
mkdir -p "$BUILD"
occ_log "building $SRC in $BUILD (inside $IMAGE), then running the tests"
t=$SECONDS
rc=0
occ_docker run --rm --network host \
    -v "$SRC:/src:ro" -v "$BUILD:/build" -v "$DOCKER_SOCK:$OCC_DEFAULT_SOCK" \
    -e JOBS="$JOBS" -e CTEST_OUTPUT_ON_FAILURE=1 \
    "$IMAGE" bash -ec "
        qt=\$(dpkg-query -W -f '\${Version}' qt6-base-dev)
        echo \"[qt68-check] Qt \$qt, \$(g++ --version | head -n1)\" >&2
        case \$qt in 6.[0-7].*) echo '[qt68-check] error: Qt is older than 6.8' >&2; exit 1 ;; esac
        cmake -S /src -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DOCC_BUILD_TESTS=ON >/build/configure.log ||
            { tail -n 30 /build/configure.log >&2; exit 1; }
        nice -n 19 cmake --build /build -j \"\$JOBS\" >/build/build.log 2>&1 ||
            { grep -B2 -A12 -m5 'error' /build/build.log >&2 || tail -n 40 /build/build.log >&2; exit 1; }
        echo \"[qt68-check] built; running the tests\" >&2
        cd /build
        $tests" || rc=$?
occ_log "build and tests took $((SECONDS - t))s; whole check $((SECONDS - started))s; exit $rc"
exit "$rc"
