#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Counters, data: N multicast frames sent by one host raise mcast_data by
# exactly N and fwd_copies by N per other port; frames the bridge device
# sends raise host_copies by N per port; broadcast and unicast count
# nothing. IPv6 is off in every namespace (no ND/MLD noise), so the
# counts are exact.

ALL_TESTS=(
	ipv4_data_exact
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
