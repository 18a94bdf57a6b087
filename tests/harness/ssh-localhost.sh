#!/usr/bin/env bash
# A throwaway sshd on loopback so the ssh:// transport can be tested against the local engine, the way
# `docker -H ssh://...` reaches a remote one. Touches no system sshd configuration and no system keys.
#   ssh-localhost.sh up DIR    generate keys in DIR, start sshd on a free 127.0.0.1 port, print the port
#   ssh-localhost.sh down DIR  stop the sshd started for DIR
# Runs as root (sshd must be able to switch to the logged-in user). Idempotent: `up` twice restarts.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 up|down DIR" >&2; exit 2; }

stop() {
    if [ -f "$dir/sshd.pid" ]; then
        kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
        rm -f "$dir/sshd.pid"
    fi
}

case "$cmd" in
down)
    stop
    exit 0
    ;;
up) ;;
*)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac

[ "$(id -u)" = 0 ] || { echo "ssh-localhost.sh must run as root" >&2; exit 1; }
if [ ! -x /usr/sbin/sshd ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openssh-server openssh-client >&2
fi
# The privilege separation directory sshd insists on; Debian's package normally creates it at boot.
mkdir -p /run/sshd
chmod 755 /run/sshd

mkdir -p "$dir"
chmod 700 "$dir"
stop
[ -f "$dir/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519" >&2
[ -f "$dir/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/id_ed25519" >&2
cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
chmod 600 "$dir/authorized_keys"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
# The key lives under /tmp, which is world-writable; StrictModes would refuse it.
StrictModes no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowTcpForwarding no
X11Forwarding no
CONF
/usr/sbin/sshd -t -f "$dir/sshd_config" >&2
/usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"
for _ in $(seq 1 50); do
    [ -s "$dir/sshd.pid" ] && break
    sleep 0.1
done
[ -s "$dir/sshd.pid" ] || { echo "sshd did not start; see $dir/sshd.log" >&2; cat "$dir/sshd.log" >&2; exit 1; }
echo "$port"
