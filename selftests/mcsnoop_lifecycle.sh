#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Lifecycle: an enabled bridge, its ports, its namespace and the module go
# away in any order and leave nothing behind: show no longer lists it, the
# links are sane, rmmod succeeds afterwards, and the kernel log stays clean
# (checked after every test by lib.sh).
#
# selftest: exclusive (unloads the module: run_tests.sh -j runs it alone)

ALL_TESTS=(
	delete_enabled_bridge
	delete_port
	delete_port_vlan_limit
	delete_netns
	unload_while_enabled
	unload_during_traffic
	reenable_after_reload
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

GROUP=239.1.2.3

# reload: rmmod must succeed, then load again.
reload()
{
	mcs_unload
	check_err $? "rmmod mcsnoop"
	mcs_load
	check_err $? "modprobe mcsnoop"
}

no_dev()
{
	! ipn "$1" link show dev "$2" >/dev/null 2>&1
}

# rx_grows NS DEV: DEV in NS receives packets (over half a second).
rx_grows()
{
	local a b

	a=$(rx_packets "$1" "$2")
	sleep 0.5
	b=$(rx_packets "$1" "$2")
	[ "$b" -gt "$a" ]
}

delete_enabled_bridge()
{
	star 3 v4 snooping enable || { check_err 1 "setup"; return; }
	ipn sw link del br0
	check_err $? "ip link del br0"
	check_eq "$(mcs sw -j bridge show | jq -c .)" "[]" "show after deleting br0"
	# The ports are free again: enslave them to a new bridge and enable it.
	# (own snooping off from the start: switching it off makes br0
	# leave 224.0.0.106, two IGMP reports that would count as host copies)
	br_create sw br0 0 &&
		ipn sw link set p-h1 master br0 &&
		ipn sw link set p-h2 master br0
	check_err $? "a new br0 with the old ports"
	mcs sw bridge enable br0 >/dev/null
	check_err $? "enable the new br0"
	check_eq "$(mcs_stats sw br0)" "0 0 0 0 0" "counters of the new br0"
	ipn sw link del br0
	reload
}

delete_port()
{
	local out

	star 3 v4 snooping enable || { check_err 1 "setup"; return; }
	ipn sw link del p-h3
	check_err $? "ip link del p-h3"
	mcs_enabled sw br0
	check_err $? "br0 no longer enabled after deleting a port"
	out=$(ipn sw -o link show master br0)
	check_match "$out" "p-h1@" "p-h1 a port of br0"
	check_match "$out" "p-h2@" "p-h2 a port of br0"
	check_eq "$(wc -l <<<"$out")" 2 "ports of br0: $out"
	# Frames still flow and are counted between the remaining ports.
	mcast h1 send eth0 "$GROUP" 5
	wait_secs 10 stat_ge sw br0 mcast_data 5
	check_err $? "mcast_data after deleting a port"
	# A port added back is used, and the bridge still disables cleanly.
	star_host sw br0 4
	check_err $? "add a new port"
	mcs sw bridge disable br0 >/dev/null
	check_err $? "disable br0"
	check_eq "$(br_snooping sw br0)" 1 "own snooping restored"
	check_eq "$(mcs_count sw)" 0 "bridges enabled"
	reload
}

# A port with a max-groups of its own on a VLAN, deleted: its per-VLAN
# limits go with it, and the kernel log stays clean (on the debug kernel,
# lockdep saw their xarray's lock taken with softirqs on by port set and
# in softirq by the port's RCU callback: an inconsistent lock state).
delete_port_vlan_limit()
{
	ns_create sw noipv6 &&
		ipn sw -b - <<-EOF || { check_err 1 "setup"; return; }
		link add br0 up type bridge mcast_snooping 0 vlan_filtering 1
		link add d1 type dummy
		link add d2 type dummy
		link set d1 master br0 up
		link set d2 master br0 up
	EOF
	mcs sw bridge enable br0 >/dev/null
	check_err $? "enable br0"
	mcs sw port set d1 vid 1 max-groups 5 &&
		mcs sw port set d2 vid 1 max-groups 5 &&
		mcs sw port set d2 vid 1 max-groups 0
	check_err $? "port set vid 1 max-groups"
	ipn sw link del d1
	check_err $? "ip link del d1"
	# The port is freed after a grace period: wait for its limits to go.
	if objects_file; then
		wait_secs 30 objects_none port_vlans
		check_err $? "port_vlans left after deleting d1: $(grep port_vlans "$OBJECTS")"
	else
		sleep 2
	fi
	mcs_enabled sw br0
	check_err $? "br0 no longer enabled after deleting d1"
}

delete_netns()
{
	local i

	star 3 v4 snooping enable || { check_err 1 "setup"; return; }
	mcast h1 send eth0 "$GROUP" 5
	ip netns del "$(nsname sw)"
	check_err $? "ip netns del sw"
	# Hosts lost their ports: their veth peers went with the namespace.
	for i in 1 2 3; do
		wait_secs 15 no_dev "h$i" eth0
		check_err $? "eth0 of h$i still exists after deleting sw"
	done
	check_eq "$(mcs_count h1)" 0 "bridges enabled in h1"
	# The namespace is dismantled asynchronously; rmmod must still work,
	# while and after that happens.
	reload
	ns_create sw2 && br_create sw2 br0 1
	mcs sw2 bridge enable br0 >/dev/null
	check_err $? "enable a bridge in a new namespace after netns deletion"
	ip netns del "$(nsname sw2)"
	reload
}

unload_while_enabled()
{
	star 3 v4 snooping enable || { check_err 1 "setup"; return; }
	mcs_unload
	check_err $? "rmmod mcsnoop with br0 enabled"
	# The bridge lives on and still forwards.
	ipn sw link show br0 >/dev/null
	check_err $? "br0 gone after rmmod"
	bg_mcast h1 blast eth0 "$GROUP" 5
	wait_secs 20 rx_grows h2 eth0
	check_err $? "br0 does not forward after rmmod"
	bg_stop_all
	mcs_load
	check_err $? "modprobe mcsnoop"
	check_eq "$(mcs sw -j bridge show | jq -c .)" "[]" "show after reload"
}

unload_during_traffic()
{
	local round

	star 3 v4 snooping enable || { check_err 1 "setup"; return; }
	bg_mcast h1 blast eth0 "$GROUP" 60
	bg_mcast h2 blast eth0 239.1.2.4 60
	wait_secs 15 stat_ge sw br0 mcast_data 100
	check_err $? "no traffic counted before rmmod"
	for round in 1 2 3; do
		mcs_unload
		check_err $? "rmmod during traffic (round $round)"
		mcs_load
		check_err $? "modprobe during traffic (round $round)"
		mcs sw bridge enable br0 >/dev/null
		check_err $? "enable during traffic (round $round)"
		wait_secs 15 stat_ge sw br0 mcast_data 50
		check_err $? "traffic not counted after re-enable (round $round)"
		[ "$RET" -ne 0 ] && break
	done
	mcs_unload
	check_err $? "final rmmod during traffic"
	wait_secs 20 rx_grows h3 eth0
	check_err $? "br0 does not forward after rmmod"
	bg_stop_all
	mcs_load
}

reenable_after_reload()
{
	local out

	star 3 v4 snooping enable || { check_err 1 "setup"; return; }
	mcast h1 send eth0 "$GROUP" 10
	wait_secs 10 stat_ge sw br0 mcast_data 10
	reload
	check_eq "$(mcs_count sw)" 0 "bridges enabled after reload"
	# Whatever the unload did to the bridge's own snooping, enabling
	# again works and counts from zero.
	out=$(mcs sw bridge enable br0)
	check_err $? "enable br0 after reload: $out"
	check_eq "$(mcs_stats sw br0)" "0 0 0 0 0" "counters after re-enable"
	mcast h1 send eth0 "$GROUP" 10
	wait_secs 10 stat_ge sw br0 mcast_data 10
	check_err $? "counting after re-enable"
	mcs sw bridge disable br0 >/dev/null
	check_err $? "disable br0"
}

mcs_require
mcs_run_tests "$@"
