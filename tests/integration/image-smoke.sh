#!/usr/bin/env bash
# End-to-end proof of docker/ (the opencode image) against a real engine, driven with the docker CLI.
#
#  1. context mode: builds from occ-test-base:bookworm with the opencode binary from `npm pack`, with
#     no network at all (the air-gapped path), reusing the image when its inputs did not change;
#  2. runs it the way occ does: create, put the password file through the archive API (a tar entry
#     with mode 0400, uid 1000), start; named volumes on the data and config paths;
#     checks health, 401 without or with wrong credentials, 200 with the right ones on / and
#     /global/health, the password absent from `docker inspect` and from every process's argv,
#     the volumes owned by the user, `docker stop` under 3 s (the init forwards SIGTERM);
#  3. refuses to start without a password file (exit 78, message on stderr);
#  4. npm mode: without the host's extra CA certificates the download fails with a clear message
#     (this network intercepts TLS); with EXTRA_CA_CERTS=1 it succeeds and the sha512 matches.
#
# The HTTP checks run inside the container (docker exec curl against 127.0.0.1:4096), so the test
# needs no bridge network and no free host port. Set OCC_IMAGE_SMOKE_SKIP_NPM=1 to skip step 4
# (no registry access), OCC_IMAGE_SMOKE_KEEP=1 to keep the context-mode image for the next run.
set -euo pipefail
export OCC_LOG_TAG=image-smoke
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../harness/lib.sh"

VERSION="${OCC_OPENCODE_VERSION:-1.18.33}"
BASE="${OCC_IMAGE_SMOKE_BASE:-occ-test-base:bookworm}"
IMAGE=occ-img-smoke:ctx
NPM_IMAGE=occ-img-smoke:npm
RUN_ID="$$"
C="occ-img-smoke-$RUN_ID"
C2="occ-img-smoke-nopw-$RUN_ID"
VOL_DATA="occ-img-smoke-data-$RUN_ID"
VOL_CONFIG="occ-img-smoke-config-$RUN_ID"
# The x64 tarball's sha512 from the registry's dist.integrity (ImageContext pins the same value).
SHA512_X64=abfb7fde9d824f1393f72da4be37ac6ff2d969bdbed5eaa5861580d3605eea68d3b6662d341701b2b239c83a38170ed948f056da8c8c20630d46a88a4238805b
WORK="$(mktemp -d "${TMPDIR:-/tmp}/occ-img-smoke.XXXXXX")"
FAILURES=0

cleanup() {
    occ_docker rm -f "$C" "$C2" >/dev/null 2>&1 || true
    occ_docker volume rm "$VOL_DATA" "$VOL_CONFIG" >/dev/null 2>&1 || true
    occ_docker rmi "$NPM_IMAGE" >/dev/null 2>&1 || true
    [[ "${OCC_IMAGE_SMOKE_KEEP:-0}" == 1 ]] || occ_docker rmi "$IMAGE" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

pass() { occ_log "ok: $*"; }
fail() {
    occ_log "FAIL: $*"
    FAILURES=$((FAILURES + 1))
}
check() { # description command...
    local what="$1"
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

occ_engine_ping || occ_die "no engine: $(occ_engine_diagnose)"
if ! occ_image_exists "$BASE"; then
    if [[ -x "$OCC_REPO_ROOT/tests/harness/base-image.sh" ]]; then
        bash "$OCC_REPO_ROOT/tests/harness/base-image.sh" || occ_die "tests/harness/base-image.sh failed"
    fi
    occ_image_exists "$BASE" || occ_die "$BASE is missing; build it with tests/harness/base-image.sh"
fi

# ---- the opencode binary, from npm, cached between runs
CACHE="$(occ_cache_dir)/opencode-linux-x64-$VERSION"
if [[ ! -x "$CACHE/opencode" ]]; then
    occ_require_cmd npm "Install npm, or put a Linux opencode binary at $CACHE/opencode."
    mkdir -p "$CACHE"
    (cd "$WORK" && npm pack --silent "opencode-linux-x64@$VERSION" >/dev/null) || occ_die "npm pack opencode-linux-x64@$VERSION failed"
    tar -xzf "$WORK/opencode-linux-x64-$VERSION.tgz" -C "$WORK" package/bin/opencode
    install -m 0755 "$WORK/package/bin/opencode" "$CACHE/opencode"
fi

# ---- 1. context mode, offline
ctx="$WORK/ctx"
mkdir -p "$ctx"
cp "$OCC_REPO_ROOT"/docker/{Dockerfile,occ-entrypoint,occ-healthcheck} "$ctx/"
cp "$CACHE/opencode" "$ctx/opencode"
hash="$( (cd "$ctx" && sha256sum Dockerfile occ-entrypoint occ-healthcheck opencode && echo "$BASE") | sha256sum | cut -c1-64)"
if [[ "$(occ_image_label "$IMAGE" org.opencode-cloud.context-hash)" == "$hash" ]]; then
    occ_log "$IMAGE is up to date; not rebuilding"
else
    t0="$(now)"
    occ_docker build --force-rm -q --network none --label "org.opencode-cloud.context-hash=$hash" \
        --build-arg "BASE_IMAGE=$BASE" --build-arg "OPENCODE_VERSION=$VERSION" --build-arg OPENCODE_SOURCE=context \
        -t "$IMAGE" "$ctx" >"$WORK/build-ctx.log" 2>&1 || {
        cat "$WORK/build-ctx.log" >&2
        occ_die "context-mode build failed"
    }
    occ_log "measure: context-mode build $(elapsed "$t0" "$(now)") s"
fi
occ_log "measure: image size $(occ_docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{ printf "%.0f MB", $1 / 1e6 }'), \
$(occ_docker history -q "$IMAGE" | wc -l) history entries"
check "image labels" test "$(occ_image_label "$IMAGE" org.opencode-cloud.opencode-version)/$(occ_image_label "$IMAGE" org.opencode-cloud.managed)" == "$VERSION/true"
check "image user is opencode" test "$(occ_docker image inspect -f '{{.Config.User}}' "$IMAGE")" == opencode

# ---- 2. run it the way occ does
password="$(head -c 18 /dev/urandom | base64 | tr '+/' '._')\"\\ x" # quotes, a backslash and a space too
mkdir -p "$WORK/pw"
printf '%s' "$password" >"$WORK/pw/password"
tar --numeric-owner --owner=1000 --group=1000 --mode=0400 -C "$WORK/pw" -cf "$WORK/pw.tar" password
rm -f "$WORK/pw/password"

occ_docker volume create "$VOL_DATA" >/dev/null
occ_docker volume create "$VOL_CONFIG" >/dev/null
occ_docker create --name "$C" --network none \
    -v "$VOL_DATA:/home/opencode/.local/share/opencode" -v "$VOL_CONFIG:/home/opencode/.config/opencode" \
    "$IMAGE" >/dev/null
occ_docker cp - "$C:/run/opencode-cloud" <"$WORK/pw.tar"
t0="$(now)"
occ_docker start "$C" >/dev/null

# curl inside the container; the credentials go through stdin as a curl config, never argv.
http_code() { # path [user:password]
    local cfg=""
    if [[ $# -gt 1 ]]; then
        local creds="${2//\\/\\\\}"
        cfg="user = \"${creds//\"/\\\"}\""
    fi
    printf '%s\n' "$cfg" | occ_docker exec -i "$C" curl -s -m 3 -o /dev/null -w '%{http_code}' --config - \
        "http://127.0.0.1:4096$1" || true
}
answered() { [[ "$(http_code /global/health)" == 401 ]]; }
occ_wait_for 60 answered || fail "opencode did not answer within 60 s"
occ_log "measure: first HTTP answer $(elapsed "$t0" "$(now)") s after start"
healthy() { [[ "$(occ_docker inspect -f '{{.State.Health.Status}}' "$C")" == healthy ]]; }
deadline=$((SECONDS + 90))
until healthy; do
    if ((SECONDS > deadline)) || [[ "$(occ_docker inspect -f '{{.State.Running}}' "$C")" != true ]]; then
        occ_docker inspect -f '{{json .State}}' "$C" >&2
        occ_docker logs "$C" >&2 || true
        occ_die "the container did not become healthy"
    fi
    sleep 0.5
done
occ_log "measure: healthy $(elapsed "$t0" "$(now)") s after start (first probe runs after the 10 s interval)"

check "401 on / without credentials" test "$(http_code /)" == 401
check "401 on /global/health without credentials" test "$(http_code /global/health)" == 401
check "401 with a wrong password" test "$(http_code /global/health "opencode:wrong")" == 401
check "401 with a wrong user" test "$(http_code /global/health "admin:$password")" == 401
check "200 on /global/health with the password" test "$(http_code /global/health "opencode:$password")" == 200
check "200 on / (web UI) with the password" test "$(http_code / "opencode:$password")" == 200

printf '%s' "$password" >"$WORK/needle"
not_in_inspect() { ! occ_docker inspect "$C" | grep -qFf "$WORK/needle"; }
no_password_env() { ! occ_docker inspect -f '{{json .Config.Env}}' "$C" | grep -q PASSWORD; }
not_in_argv() {
    ! occ_docker exec "$C" sh -c 'for f in /proc/[0-9]*/cmdline; do tr "\0" " " <"$f"; echo; done' |
        grep -qFf "$WORK/needle"
}
check "password not in docker inspect" not_in_inspect
check "no password variable in the container config" no_password_env
check "password not in any process's argv" not_in_argv
rm -f "$WORK/needle"
check "the health log holds no body" test "$(occ_docker inspect -f '{{range .State.Health.Log}}{{.Output}}{{end}}' "$C")" == ""
check "opencode runs as uid 1000 under tini" test "$(occ_docker exec "$C" sh -c 'id -u; tr "\0" " " </proc/1/cmdline')" \
    == "1000
/usr/bin/tini -- /usr/local/bin/occ-entrypoint "
owners="$(occ_docker exec "$C" stat -c '%U:%G %n' /home/opencode/.local/share/opencode /home/opencode/.config/opencode \
    /home/opencode/.local/state/opencode /home/opencode/workspace /run/opencode-cloud/password)"
check "volume paths owned by opencode" test "$(grep -c '^opencode:opencode ' <<<"$owners")" == 5
check "opencode.db lands in the data volume" occ_docker exec "$C" test -s /home/opencode/.local/share/opencode/opencode.db
check "password file mode 0400" test "$(occ_docker exec "$C" stat -c %a /run/opencode-cloud/password)" == 400

t0="$(now)"
occ_docker stop "$C" >/dev/null
stop_s="$(elapsed "$t0" "$(now)")"
occ_log "measure: docker stop $stop_s s, exit code $(occ_docker inspect -f '{{.State.ExitCode}}' "$C")"
check "docker stop under 3 s" awk -v s="$stop_s" 'BEGIN { exit !(s < 3) }'

# ---- 3. no password file: refuse
occ_docker create --name "$C2" --network none "$IMAGE" >/dev/null
occ_docker start "$C2" >/dev/null
code="$(occ_docker wait "$C2")"
check "no password file: exit 78" test "$code" == 78
says_why() { occ_docker logs "$C2" 2>&1 | grep -q 'refusing to start opencode without authentication'; }
check "no password file: says why" says_why
occ_docker rm -f "$C2" >/dev/null

# ---- 4. npm mode, through this network's TLS-intercepting proxy
if [[ "${OCC_IMAGE_SMOKE_SKIP_NPM:-0}" == 1 ]]; then
    occ_log "skipping the npm-mode builds (OCC_IMAGE_SMOKE_SKIP_NPM=1)"
else
    npm_ctx="$WORK/npm"
    mkdir -p "$npm_ctx"
    cp "$OCC_REPO_ROOT"/docker/{Dockerfile,occ-entrypoint,occ-healthcheck} "$npm_ctx/"
    npm_args=(--network host --build-arg "BASE_IMAGE=$BASE" --build-arg "OPENCODE_VERSION=$VERSION"
        --build-arg OPENCODE_SOURCE=npm --build-arg "OPENCODE_SHA512_X64=$SHA512_X64")
    extra_cas=(/usr/local/share/ca-certificates/*.crt)
    if [[ ! -e "${extra_cas[0]}" ]]; then
        occ_log "no extra CA certificates on this host; building npm mode once without them"
        check "npm-mode build" occ_docker build --force-rm --no-cache -q "${npm_args[@]}" -t "$NPM_IMAGE" "$npm_ctx"
    else
        if occ_docker build --force-rm --no-cache "${npm_args[@]}" --build-arg EXTRA_CA_CERTS=0 -t "$NPM_IMAGE" "$npm_ctx" \
            >"$WORK/build-npm-noca.log" 2>&1; then
            occ_log "the npm download worked without the extra CAs: this network does not intercept TLS"
        else
            check "without the extra CA the download fails clearly" \
                grep -q 'TLS certificate of registry.npmjs.org is not trusted.*EXTRA_CA_CERTS=1' "$WORK/build-npm-noca.log"
        fi
        mkdir -p "$npm_ctx/ca-certificates"
        cp "${extra_cas[@]}" "$npm_ctx/ca-certificates/"
        t0="$(now)"
        if occ_docker build --force-rm --no-cache "${npm_args[@]}" --build-arg EXTRA_CA_CERTS=1 -t "$NPM_IMAGE" "$npm_ctx" \
            >"$WORK/build-npm.log" 2>&1; then
            occ_log "measure: npm-mode build with EXTRA_CA_CERTS=1 $(elapsed "$t0" "$(now)") s"
            check "npm-mode build installed opencode $VERSION" grep -q "opencode $VERSION from npm" "$WORK/build-npm.log"
            check "npm-mode build trusted the extra CAs" grep -q 'trusting [0-9]* extra CA' "$WORK/build-npm.log"
        else
            tail -n 20 "$WORK/build-npm.log" >&2
            fail "npm-mode build with EXTRA_CA_CERTS=1"
        fi
    fi
fi

if ((FAILURES > 0)); then
    occ_die "$FAILURES check(s) failed"
fi
occ_log "all checks passed"
