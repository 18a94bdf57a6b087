#!/usr/bin/env bash
# The .deb, installed for real: build it, install it with apt into a clean Debian bookworm container
# (dependencies resolved from the Debian archive), then
#   - occ --version, occ config path, the man page, the completions, the desktop entry
#   - the desktop entry's command under Xvfb as a fresh user: the setup wizard's window must appear
#   - apt-get purge: nothing of the package may remain, the user's config and data must.
#
#   install-deb.sh BUILD_DIR
#
# Speed: the container starts from occ-install-test:bookworm, the debootstrapped base plus
# `apt-get update` and the test's own tools (xvfb, xauth, xdotool), rebuilt when the base changes or
# the layer is older than OCC_INSTALL_TEST_MAX_AGE_DAYS (default 7). Downloaded .debs are kept in the
# volume occ-install-test-apt-cache, so a rerun does not download Qt again.
set -euo pipefail
export OCC_LOG_TAG=install-deb
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/harness/lib.sh
source "$here/../harness/lib.sh"
src="$(cd "$here/../.." && pwd)"
build="$(cd "${1:?usage: install-deb.sh BUILD_DIR}" && pwd)"
start=$SECONDS

occ_engine_ping "$DOCKER_SOCK" || occ_die "no engine: $(occ_engine_diagnose "$DOCKER_SOCK")"

# 1. The package (Debian file names: opencode-cloud_VERSION_ARCH.deb).
deb="$("$src/installers/build-packages.sh" "$build" DEB | grep '\.deb$' | head -n1)"
[[ -f "$deb" ]] || occ_die "no .deb was built"
occ_log "built $(basename "$deb") in $((SECONDS - start))s"
dpkg-deb -f "$deb" Depends Recommends >&2

# 2. The clean system.
base="$(bash "$src/tests/harness/base-image.sh")"
image=occ-install-test:bookworm
base_id="$(occ_docker image inspect -f '{{.Id}}' "$base")"
max_age=$((${OCC_INSTALL_TEST_MAX_AGE_DAYS:-7} * 86400))
rebuild=1
if occ_image_exists "$image" && [[ "$(occ_image_label "$image" org.opencode-cloud.install-test.base)" == "$base_id" ]]; then
    created="$(date -d "$(occ_docker image inspect -f '{{.Created}}' "$image")" +%s)"
    (($(date +%s) - created < max_age)) && rebuild=0
fi
if ((rebuild)); then
    occ_log "building $image from $base"
    printf '%s\n' "FROM $base" \
        "LABEL org.opencode-cloud.install-test.base=$base_id" \
        "RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb xauth xdotool >/dev/null && rm -rf /var/cache/apt/archives/*.deb" |
        occ_docker build -q -t "$image" - >/dev/null
fi

name="occ-install-test-$$"
cleanup() { occ_docker rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
occ_docker run -d --name "$name" \
    -v "$(dirname "$deb"):/pkg:ro" \
    -v occ-install-test-apt-cache:/var/cache/apt/archives \
    "$image" sleep 900 >/dev/null

# 3. Install, use, purge. Runs inside the container; fails on the first broken expectation.
occ_docker exec -i -e DEB="/pkg/$(basename "$deb")" "$name" bash -s <<'INNER'
set -euo pipefail
say() { printf '[install-deb:container] %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
t0=$SECONDS
export DEBIAN_FRONTEND=noninteractive
# Only what the package asks for: Depends, not Recommends (docker.io would pull in a whole engine).
apt-get install -y -q --no-install-recommends "$DEB" >/tmp/apt.log 2>&1 || { tail -n 30 /tmp/apt.log; fail "apt-get install"; }
say "installed with $(grep -c '^Setting up' /tmp/apt.log) packages in $((SECONDS - t0))s"
dpkg -L opencode-cloud >/tmp/files.txt

for f in /usr/bin/occ /usr/bin/opencode-cloud \
    /usr/share/applications/org.opencode_cloud.OpencodeCloud.desktop \
    /usr/share/metainfo/org.opencode_cloud.OpencodeCloud.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/org.opencode_cloud.OpencodeCloud.svg \
    /usr/share/bash-completion/completions/occ /usr/share/zsh/vendor-completions/_occ \
    /usr/share/fish/vendor_completions.d/occ.fish; do
    [[ -e "$f" ]] || fail "$f is not installed"
done
ls /usr/share/man/man1/occ.1* >/dev/null 2>&1 || fail "occ(1) is not installed"
command -v occ >/dev/null || fail "occ is not on PATH"

useradd -m alice
as_alice() { su alice -s /bin/bash -c "$*"; }
as_alice occ --version | grep -q '^occ ' || fail "occ --version"
say "$(as_alice occ --version)"
cfg="$(as_alice occ config path)"
[[ "$cfg" == /home/alice/* ]] || fail "occ config path printed '$cfg'"
say "config path: $cfg"
as_alice occ --help | grep -q 'status' || fail "occ --help"
grep -q '^\.SS "status' /usr/share/man/man1/occ.1* 2>/dev/null || zcat /usr/share/man/man1/occ.1.gz | grep -q '^\.SS "status' || fail "man page content"

# The desktop entry's Exec line, as a fresh user with no config: the wizard must open.
exec_line="$(sed -n 's/^Exec=//p' /usr/share/applications/org.opencode_cloud.OpencodeCloud.desktop)"
[[ "$exec_line" == opencode-cloud* ]] || fail "unexpected Exec=$exec_line"
cat >/tmp/gui.sh <<GUI
set -u
$exec_line >/tmp/app.log 2>&1 &
app=\$!
for i in \$(seq 1 60); do
    if xdotool search --name '^opencode-cloud setup\$' >/dev/null 2>&1; then
        echo "wizard window after \$((i / 2))s: \$(xdotool search --name '^opencode-cloud setup\$' getwindowname | head -n1)"
        kill \$app; wait \$app 2>/dev/null
        exit 0
    fi
    kill -0 \$app 2>/dev/null || { echo "app exited:"; cat /tmp/app.log; exit 1; }
    sleep 0.5
done
echo "no wizard window after 30s"; cat /tmp/app.log; xdotool search --name . getwindowname 2>/dev/null; exit 1
GUI
chmod 755 /tmp/gui.sh
as_alice "xvfb-run -a -s '-screen 0 1280x800x24' bash /tmp/gui.sh" >&2 || fail "the app did not open the setup wizard"

# The user's own files, which purge must leave alone. occ writes the config; the app may have
# written logs or state under ~/.local or ~/.cache.
as_alice "mkdir -p \$(dirname '$cfg') && echo '{}' > '$cfg'" 
(cd /home/alice && find . -mindepth 1 | sort) >/tmp/home-before.txt

apt-get purge -y -q opencode-cloud >/tmp/purge.log 2>&1 || { cat /tmp/purge.log; fail "apt-get purge"; }
dpkg-query -W opencode-cloud >/dev/null 2>&1 && [[ "$(dpkg-query -W -f='${db:Status-Status}' opencode-cloud)" != not-installed ]] && fail "still known to dpkg"
left=0
while read -r f; do
    if [[ -f "$f" || -L "$f" ]]; then say "left behind: $f"; left=1; fi
done </tmp/files.txt
stray="$(find / -xdev \( -path /proc -o -path /home -o -path /pkg -o -path /tmp \) -prune -o \
    \( -iname '*opencode*' -o -name 'occ' -o -name 'occ.*' -o -name '_occ' \) -print 2>/dev/null || true)"
[[ -z "$stray" ]] || { say "left behind: $stray"; left=1; }
((left == 0)) || fail "purge left files behind"
(cd /home/alice && find . -mindepth 1 | sort) >/tmp/home-after.txt
diff /tmp/home-before.txt /tmp/home-after.txt >&2 || fail "purge touched the user's files"
[[ -f "$cfg" ]] || fail "purge removed the user's config"
say "purged: no package files left, $(wc -l </tmp/home-after.txt) entries of the user's files kept"
INNER
occ_log "passed in $((SECONDS - start))s"
