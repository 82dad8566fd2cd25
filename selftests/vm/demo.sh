#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mcsnoop demo (`make demo`). Run on the host, it boots the newest 6.1/6.12
# kernel of selftests/vm/kernels.sh (or DEMO_KERNEL=IMAGE DEMO_MODULE=KO) in
# a VM and runs itself there:
#   selftests/vm/run-vm.sh --kernel IMAGE --module build/KVER/kmod/mcsnoop.ko \
#       --tool tools/mcsnoopctl -- selftests/vm/demo.sh
#
# Bridge br0 with three hosts h1 h2 h3 in network namespaces (veth pairs).
# h2 joins 239.1.2.3 (IGMP) and h3 joins ff0e::1:2:3 (MLD), h1 sends
# multicast to both groups, and mcsnoopctl shows the counters moving.

set -eu

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [ -z "${MCSNOOP_VM:-}" ]; then
	cd "$here/../.."
	spec=$("$here/kernels.sh" --latest)
	rest=${spec#*:}
	image=${DEMO_KERNEL:-${rest%:*}}
	ko=${DEMO_MODULE:-${rest##*:}}
	exec "$here/run-vm.sh" --kernel "$image" --module "$ko" \
		--tool tools/mcsnoopctl --timeout 600 -- "$here/demo.sh"
fi
MCSNOOPCTL=${MCSNOOPCTL:-$here/../../tools/mcsnoopctl}
hosts="h1 h2 h3"

step() { printf '\n### %s\n' "$*"; }
run() { printf '$ %s\n' "$*" | sed "s|$MCSNOOPCTL|mcsnoopctl|"; "$@"; }

cleanup() {
	set +e
	for h in $hosts; do ip netns del "$h" 2>/dev/null; done
	ip link del br0 2>/dev/null
}
trap cleanup EXIT

# Send COUNT UDP datagrams from host H to GROUP.
send() { # H GROUP COUNT
	ip netns exec "$1" /usr/bin/python3 - "$2" "$3" <<'EOF'
import socket, sys, time
group, count = sys.argv[1], int(sys.argv[2])
fam = socket.AF_INET6 if ":" in group else socket.AF_INET
s = socket.socket(fam, socket.SOCK_DGRAM)
if fam == socket.AF_INET:
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 4)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, b"eth0")
else:
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF,
                 socket.if_nametoindex("eth0"))
for i in range(count):
    s.sendto(b"mcsnoop demo %d" % i, (group, 5000))
    time.sleep(0.05)
EOF
}

step "Topology: bridge br0, hosts h1 h2 h3 on veth ports"
ip link add br0 type bridge
ip link set br0 up
n=1
for h in $hosts; do
	ip netns add "$h"
	ip link add "veth-$h" type veth peer name eth0 netns "$h"
	ip link set "veth-$h" master br0 up
	ip -n "$h" link set lo up
	ip -n "$h" link set eth0 up
	ip -n "$h" addr add "192.0.2.$n/24" dev eth0
	ip -n "$h" route add 224.0.0.0/4 dev eth0
	n=$((n + 1))
done
run bridge link show

step "Enable mcsnoop on br0 (the module is loaded on demand)"
run "$MCSNOOPCTL" bridge enable br0
run "$MCSNOOPCTL" bridge show
run "$MCSNOOPCTL" -s bridge show

step "h2 joins 239.1.2.3 (IGMP), h3 joins ff0e::1:2:3 (MLD)"
run ip -n h2 addr add 239.1.2.3/32 dev eth0 autojoin
run ip -n h3 addr add ff0e::1:2:3/128 dev eth0 autojoin
sleep 3
run "$MCSNOOPCTL" -s bridge show

step "h1 sends 20 datagrams to each group"
send h1 239.1.2.3 20
send h1 ff0e::1:2:3 20
sleep 1
run "$MCSNOOPCTL" -s bridge show

step "The same as JSON"
run "$MCSNOOPCTL" -j -p -s bridge show

step "Disable mcsnoop on br0"
run "$MCSNOOPCTL" bridge disable br0
run "$MCSNOOPCTL" bridge show
