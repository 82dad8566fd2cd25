#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What the bridge guarantees and mcsnoop's own replication must keep: the
# bridge still learns the source MAC of a multicast-only sender (mcsnoop
# may take its frames from the bridge), STP state, port isolation and
# hairpin mode hold for the copies, a port whose mcast_flood an admin
# switched back on gets everything once (the bridge floods it), the flag
# comes back on disable, and the bridge device gets registered groups only
# when the host joined them.

ALL_TESTS=(
	source_mac_learnt
	stp_state_respected
	isolation_respected
	hairpin_respected
	admin_mcast_flood
	mcast_flood_restored
	host_gets_joined_only
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.9.9

# fdb_port MAC: the port the bridge in sw learnt MAC on ("" if none).
fdb_port()
{
	bridge -n "$NS_PREFIX-sw" fdb show br br0 |
		awk -v m="$1" '$1 == m && !/permanent/ { print $3; exit }'
}

mac_of()
{
	ipn "$1" -j link show dev eth0 | jq -r '.[0].address'
}

# mcast_flood_of DEV: the bridge port flag in sw (true/false).
mcast_flood_of()
{
	ipn sw -d -j link show dev "$1" | jq -r '.[0].linkinfo.info_slave_data.mcast_flood'
}

source_mac_learnt()
{
	local mac

	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw group add br0 "$G" port p-h2
	mac=$(mac_of h1)
	# Nothing from h1 yet but what setting up sent: forget it.
	bridge -n "$NS_PREFIX-sw" fdb flush dev p-h1 dynamic 2>/dev/null ||
		bridge -n "$NS_PREFIX-sw" fdb del "$mac" dev p-h1 master 2>/dev/null
	check_eq "$(fdb_port "$mac")" "" "h1's MAC unknown before it sends"
	deliver_check h1 "$G" "h2" "h3" "registered group"
	check_eq "$(fdb_port "$mac")" "p-h1" "h1's MAC learnt from multicast alone"
	# A second burst, now taken from the bridge, still arrives once.
	deliver h1 "$G"
	check_eq "${DELIV[h2]:-0}" "$NDATA" "member gets each frame once"
	check_eq "$(fdb_port "$mac")" "p-h1" "h1's MAC still learnt"
}

# stp_settled SENDER GROUP "YES" "NO": one delivery in which every host
# of YES got the group and none of NO. mcsnoop follows a port's STP state
# through the bridge's switchdev event, which the bridge defers to a work
# item (the state itself is only readable under RTNL): a loaded guest may
# run it seconds after the state changed.
stp_settled()
{
	local h

	deliver "$1" "$2"
	for h in $3; do
		[ "${DELIV[$h]:-0}" -ge "$NDATA" ] || return 1
	done
	for h in $4; do
		[ "${DELIV[$h]:-0}" -lt $((NDATA / 2)) ] || return 1
	done
}

stp_state_respected()
{
	local t=$((60 * MCS_SLOW))

	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw group add br0 "$G" port p-h2
	mcs sw group add br0 "$G" port p-h3
	# Without STP only listening and learning stick: the bridge makes
	# disabled and blocking ports forwarding again.
	ipn sw link set dev p-h3 type bridge_slave state 1
	wait_secs 10 port_state_is sw p-h3 listening
	wait_secs "$t" stp_settled h1 "$G" "h2" "h3"
	deliver_check h1 "$G" "h2" "h3" "member port listening (STP state 1)"
	ipn sw link set dev p-h3 type bridge_slave state 3
	wait_secs 10 port_state_is sw p-h3 forwarding
	wait_secs "$t" stp_settled h1 "$G" "h2 h3" ""
	deliver_check h1 "$G" "h2 h3" "" "member port forwarding again"
	ipn sw link set dev p-h1 type bridge_slave state 2
	wait_secs 10 port_state_is sw p-h1 learning
	wait_secs "$t" stp_settled h1 "$G" "" "h2 h3"
	deliver_check h1 "$G" "" "h2 h3" "ingress port learning (STP state 2)"
}

isolation_respected()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw group add br0 "$G" port p-h2
	mcs sw group add br0 "$G" port p-h3
	ipn sw link set dev p-h1 type bridge_slave isolated on
	ipn sw link set dev p-h3 type bridge_slave isolated on
	deliver_check h1 "$G" "h2" "h3" "isolated sender and member"
	ipn sw link set dev p-h3 type bridge_slave isolated off
	deliver_check h1 "$G" "h2 h3" "" "member no longer isolated"
}

hairpin_respected()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw group add br0 "$G" port p-h1
	deliver_check h1 "$G" "" "h1 h2 h3" "member sender, no hairpin"
	ipn sw link set dev p-h1 type bridge_slave hairpin on
	deliver_check h1 "$G" "h1" "h2 h3" "member sender in hairpin mode"
}

admin_mcast_flood()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw group add br0 "$G" port p-h2
	check_eq "$(mcast_flood_of p-h3)" false "mcast_flood off while enabled"
	ipn sw link set dev p-h3 type bridge_slave mcast_flood on
	# The bridge floods that port again, mcsnoop leaves it alone.
	deliver_check h1 "$G" "h2 h3" "" "port with mcast_flood on again"
	check_eq "${DELIV[h2]:-0}" "$NDATA" "member gets each frame once"
	check_eq "${DELIV[h3]:-0}" "$NDATA" "flooded port gets each frame once"
	ipn sw link set dev p-h3 type bridge_slave mcast_flood off
	deliver_check h1 "$G" "h2" "h3" "mcast_flood off again"
}

mcast_flood_restored()
{
	local p

	star 3 v4 snoop || { check_err 1 "setup"; return; }
	for p in p-h1 p-h2 p-h3; do
		check_eq "$(mcast_flood_of $p)" false "$p mcast_flood off while enabled"
	done
	mcs sw bridge disable br0 >/dev/null
	for p in p-h1 p-h2 p-h3; do
		check_eq "$(mcast_flood_of $p)" true "$p mcast_flood back on after disable"
	done
}

# ip_in NS: packets NS's IP stack received (Ip InReceives, counted
# before any routing decision).
ip_in()
{
	in_ns "$1" awk '/^Ip:/ { if (!n++) for (i = 1; i <= NF; i++) k[i] = $i; else for (i = 1; i <= NF; i++) if (k[i] == "InReceives") print $i }' /proc/net/snmp
}

host_gets_joined_only()
{
	local rx

	star 3 v4 snoop || { check_err 1 "setup"; return; }
	ipn sw addr add 10.0.0.254/24 dev br0
	mcs sw group add br0 "$G" port p-h2
	rx=$(ip_in sw)
	deliver_check h1 "$G" "h2" "h3" "registered group"
	check_eq "$(( $(ip_in sw) - rx ))" 0 \
		"the host's IP stack got none of a group it did not join"
	bg_mcast sw join br0 "$G"
	wait_secs 30 host_member "$G"
	rx=$(ip_in sw)
	deliver_check h1 "$G" "h2" "h3" "registered group the host joined"
	check_ge "$(( $(ip_in sw) - rx ))" "$NDATA" \
		"the host's IP stack got the group it joined"
}

# host_member GROUP: the bridge host is a member of GROUP in br0's table.
host_member()
{
	group_json br0 "$1" | jq -e '.[0].members[] | select(.port == "br0")' >/dev/null
}

mcs_run_tests
