#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Counters, data: N multicast frames sent by one host raise mcast_data by
# exactly N and fwd_copies by N per other port; frames the bridge device
# sends raise host_copies by N per port; broadcast and unicast count
# nothing. IPv6 is off in every namespace (no ND/MLD noise), so the
# counts are exact.
#  - pruned_exact: a registered group's data_pruned is exact per port:
#    each port without a member counts every frame it did not get, the
#    member's port and the sender's none, the bridge their sum; a port
#    that joins later (taking the bit of one that left: replicate.c
#    counts pruned copies per port bit) starts from 0.

ALL_TESTS=(
	ipv4_data_exact
	pruned_exact
	non_ip_multicast_exact
	fwd_copies_follow_ports
	host_copies_exact
	broadcast_not_counted
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

N=20
GROUP=239.1.1.1

ipv4_data_exact()
{
	local b a

	star 3 v4 enable || { check_err 1 "setup"; return; }
	stats_read b
	mcast h1 send eth0 "$GROUP" "$N"
	wait_secs 15 stat_ge sw br0 mcast_data $((b[2] + N))
	sleep 0.3
	stats_read a
	# Each datagram enters once and leaves through the 2 other ports.
	check_delta b a "0 0 $N $((2 * N)) 0" "$N IPv4 datagrams from h1"
}

# pruned_of DEV...: the data_pruned of each port DEV, and the bridge's.
pruned_of()
{
	local d

	for d in "$@"; do
		printf '%s ' "$(pstat "$d" data_pruned)"
	done
	bstat br0 data_pruned
}

# send_counted N: h1 sends N datagrams to G, all processed.
send_counted()
{
	local b

	b=$(mcs_stat sw br0 mcast_data)
	mcast h1 send eth0 "$GROUP" "$1"
	wait_secs 15 stat_ge sw br0 mcast_data $((b + $1))
	sleep 0.3
}

pruned_exact()
{
	local b a

	star 4 v4 enable || { check_err 1 "setup"; return; }
	bg_mcast h2 join eth0 "$GROUP"
	check_ports br0 "$GROUP" "p-h2" "h2 joined"
	read -r -a b <<<"$(pruned_of p-h1 p-h2 p-h3 p-h4)"
	send_counted "$N"
	read -r -a a <<<"$(pruned_of p-h1 p-h2 p-h3 p-h4)"
	check_eq "$((a[0] - b[0])) $((a[1] - b[1])) $((a[2] - b[2])) $((a[3] - b[3])) $((a[4] - b[4]))" \
		"0 0 $N $N $((2 * N))" "data_pruned of p-h1..4 and br0 after $N datagrams to h2's group"
	# p-h4 leaves, p-h5 comes: it takes p-h4's bit, and starts from 0.
	ipn sw link del p-h4
	star_host sw br0 5
	wait_secs 15 port_state_is sw p-h5 forwarding
	check_eq "$(pstat p-h5 data_pruned)" 0 "data_pruned of a new port"
	read -r -a b <<<"$(pruned_of p-h2 p-h3 p-h5)"
	send_counted "$N"
	read -r -a a <<<"$(pruned_of p-h2 p-h3 p-h5)"
	check_eq "$((a[0] - b[0])) $((a[1] - b[1])) $((a[2] - b[2])) $((a[3] - b[3]))" \
		"0 $N $N $((2 * N))" "data_pruned of p-h2, p-h3, p-h5 and br0 after $N more"
	check_eq "$(pstat p-h5 data_pruned)" "$N" "data_pruned of the new port"
}

non_ip_multicast_exact()
{
	local b a

	star 3 v4 enable || { check_err 1 "setup"; return; }
	stats_read b
	mcast h2 raw eth0 01:02:03:04:05:06 "$N"
	wait_secs 15 stat_ge sw br0 mcast_data $((b[2] + N))
	sleep 0.3
	stats_read a
	check_delta b a "0 0 $N $((2 * N)) 0" "$N non-IP multicast frames from h2"
}

# A port whose link is down gets no copy: 1 egress port left.
fwd_copies_follow_ports()
{
	local b a

	star 3 v4 enable || { check_err 1 "setup"; return; }
	ipn h3 link set eth0 down
	wait_secs 15 port_state_is sw p-h3 disabled
	stats_read b
	mcast h1 send eth0 "$GROUP" "$N"
	wait_secs 15 stat_ge sw br0 mcast_data $((b[2] + N))
	sleep 0.3
	stats_read a
	check_delta b a "0 0 $N $N 0" "$N datagrams with one of two other ports down"
	# A fourth host: 3 egress ports.
	ipn h3 link set eth0 up
	star_host sw br0 4
	wait_secs 15 port_state_is sw p-h3 forwarding
	stats_read b
	mcast h1 send eth0 "$GROUP" "$N"
	wait_secs 15 stat_ge sw br0 mcast_data $((b[2] + N))
	sleep 0.3
	stats_read a
	check_delta b a "0 0 $N $((3 * N)) 0" "$N datagrams on a 4-port bridge"
}

# Multicast the bridge device itself sends: one host copy per port, and
# it did not enter from a port.
host_copies_exact()
{
	local b a

	star 3 v4 enable || { check_err 1 "setup"; return; }
	ipn sw addr add 10.0.0.254/24 dev br0
	stats_read b
	mcast sw send br0 "$GROUP" "$N"
	wait_secs 15 stat_ge sw br0 host_copies $((b[4] + 3 * N))
	sleep 0.3
	stats_read a
	check_delta b a "0 0 0 0 $((3 * N))" "$N datagrams sent by br0"
}

# Broadcast (ARP, UDP to 255.255.255.255) and unicast are not multicast.
broadcast_not_counted()
{
	# shellcheck disable=SC2034 # a and b are filled through namerefs
	local b a rx

	star 3 v4 enable || { check_err 1 "setup"; return; }
	stats_read b
	rx=$(rx_packets h3 eth0)
	mcast h1 bcast eth0 "$N"
	# Unicast to h2: an ARP broadcast, its unicast reply, then the data.
	mcast h1 send eth0 10.0.0.2 3
	wait_secs 15 rx_ge h3 eth0 $((rx + N + 1))
	check_err $? "h3 did not receive the broadcasts"
	sleep 0.3
	stats_read a
	check_delta b a "0 0 0 0 0" "broadcast, ARP and unicast"
}

mcs_require
mcs_run_tests "$@"
