#!/usr/bin/env bash
# A second "machine" on this one: a network namespace joined to the host by a veth pair, so a browser
# can open the service by IP from a non-loopback address, the way a laptop reaches a VPS.
#   remote-host.sh up NAME    create namespace NAME; prints "HOST_IP NS_IP" (a free 10.213.N.0/30)
#   remote-host.sh down NAME  delete the namespace and its veth pair (idempotent)
#   remote-host.sh exec NAME CMD...   run CMD inside the namespace
# Inside the namespace there is loopback and the veth only: no default route, so everything it can
# reach is the host's veth address. Needs root (ip netns).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OCC_LOG_TAG=remote-host

cmd=${1:-}
name=${2:-}
[[ -n "$cmd" && -n "$name" ]] || {
    echo "usage: $0 up|down|exec NAME [CMD...]" >&2
    exit 2
}
[[ "$name" =~ ^[a-zA-Z0-9_-]{1,10}$ ]] || occ_die "NAME must be 1-10 characters of [a-zA-Z0-9_-] (it names interfaces)"
host_if="occh-$name"
ns_if="occn-$name"

down() {
    occ_as_root ip link del "$host_if" 2>/dev/null || true
    occ_as_root ip netns del "$name" 2>/dev/null || true
}

case "$cmd" in
down)
    down
    ;;
exec)
    shift 2
    exec ip netns exec "$name" "$@"
    ;;
up)
    command -v ip >/dev/null || occ_die "ip (iproute2) is not installed"
    down
    used="$(ip -4 -o addr show | awk '{print $4}')"
    subnet=""
    for n in $(seq 1 250); do
        grep -q "^10\.213\.$n\." <<<"$used" || {
            subnet=$n
            break
        }
    done
    [[ -n "$subnet" ]] || occ_die "no free 10.213.N.0/30 subnet"
    host_ip="10.213.$subnet.1"
    ns_ip="10.213.$subnet.2"
    occ_as_root ip netns add "$name"
    occ_as_root ip link add "$host_if" type veth peer name "$ns_if"
    occ_as_root ip link set "$ns_if" netns "$name"
    occ_as_root ip addr add "$host_ip/30" dev "$host_if"
    occ_as_root ip link set "$host_if" up
    occ_as_root ip -n "$name" addr add "$ns_ip/30" dev "$ns_if"
    occ_as_root ip -n "$name" link set "$ns_if" up
    occ_as_root ip -n "$name" link set lo up
    # Wait until both ends of the link are up.
    for _ in $(seq 1 50); do
        if [[ "$(cat "/sys/class/net/$host_if/operstate" 2>/dev/null)" == up ]] &&
            occ_as_root ip -n "$name" link show "$ns_if" | grep -q LOWER_UP; then
            echo "$host_ip $ns_ip"
            exit 0
        fi
        sleep 0.1
    done
    down
    occ_die "the veth pair $host_if/$ns_if did not come up"
    ;;
*)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
