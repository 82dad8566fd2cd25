#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# One multicast context per VLAN: the querier of a VLAN starts with the
# VLAN and ends with it, at once (the bridge's VLAN events, no periodic
# scan), and each VLAN's memberships follow the querier elected in that
# VLAN (RFC 3376 8.1: its robustness and query interval), whatever the
# queriers of the other VLANs say.
#
# - vlan_querier_follows_vlans: VID 30 added to a port right after enable
#   gets its startup query within seconds, and its querier row goes when
#   the VLAN goes (a periodic scan of the VLANs took up to 10 s for each).
# - adopted_per_vlan: two Linux bridge queriers, one per VLAN (VID 10
#   querying every 1 s, VID 20 every 8 s); a host's membership in VID 20
#   gets the membership interval of VID 20's querier (2 x 8 + 2 x 1 =
#   18 s), though VID 10's is the querier heard last (only the last one
#   heard was remembered: VID 20 fell back to our own 270 s).
# - vlan_flood_unknown: flood-unknown per VLAN (the issue "beyond peers"):
#   VID 10 off while the bridge's is on sends an unregistered group to
#   nobody in VID 10 and to every port of VID 20; a port's own setting
#   goes first; a bridge change reaches the VLANs that inherit it only,
#   until inherit returns VID 10 to it.
# - vlan_max_groups: max-groups per VLAN (the issue "beyond peers"): VID
#   10 at 2 keeps h2's third group out of its table: table_full counts it
#   and the group floods to every port of VID 10 (not lost), while its
#   first two stay pruned; VID 20 (no limit of its own) takes h5's three;
#   vlan show gives each VLAN's limit and count; out of range is refused
#   with a message naming max_groups.
# - vlan_router_ports: router mode per port and VLAN (the issue "beyond
#   peers"): p-h3 is in VID 10 (untagged) and 20 (tagged); h2 joins a
#   group of VID 10, h5 one of VID 20. vid 20 router static on p-h3: VID
#   20's group reaches p-h3 too, VID 10's does not (port show lists the
#   VLAN, text and JSON). Port router static with vid 10 router off: VID
#   10's group still does not reach p-h3, VID 20's does; vid 10 router
#   auto follows the port's static again. A vid out of range, a setting
#   other than router with vid, a missing mode, and (the kernel) a vid on
#   a bridge that does not filter VLANs are refused.

ALL_TESTS=(
	vlan_querier_follows_vlans
	adopted_per_vlan
	vlan_flood_unknown
	vlan_max_groups
	vlan_router_ports
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

S=$MCS_SLOW

q_is()
{
	[ "$(querier_get sw br0 inet "$1" "$3")" = "$2" ]
}

q_gone()
{
	querier_row sw br0 inet "$1"
	[ -z "$QROW" ]
}

# vlan_sw: sw with br0 filtering VLANs (no default PVID), mcsnoop on it.
vlan_sw()
{
	ns_create sw noipv6 &&
		ipn sw link add br0 up type bridge mcast_snooping 0 \
			vlan_filtering 1 vlan_default_pvid 0
}

vlan_querier_follows_vlans()
{
	local r

	vlan_sw && host_add sw br0 h1 "" noipv6 &&
		ipn h1 link add link eth0 name eth0.30 up type vlan id 30 &&
		bridge -n "$(nsname sw)" vlan add dev p-h1 vid 10 pvid untagged &&
		mcs sw bridge enable br0 querier proxy query-interval 300 \
			query-response-interval 1 || { check_err 1 "setup"; return; }
	wait_secs 30 q_is role proxy 10
	check_err $? "VID 10: role '$(querier_get sw br0 inet role 10)', expected proxy"
	r=$(rx_packets h1 eth0.30)
	bridge -n "$(nsname sw)" vlan add dev p-h1 vid 30
	# The startup query: the next general one is 75 s away (300 / 4).
	wait_secs $((5 * S)) rx_ge h1 eth0.30 $((r + 1))
	check_err $? "no query on VID 30 within $((5 * S)) s of its coming"
	check_eq "$(querier_get sw br0 inet role 30)" proxy "VID 30 role"
	bridge -n "$(nsname sw)" vlan del dev p-h1 vid 30
	wait_secs $((5 * S)) q_gone 30
	check_err $? "VID 30's querier still there $((5 * S)) s after the VLAN went"
	check_eq "$(querier_get sw br0 inet role 10)" proxy "VID 10 after VID 30 went"
}

# fq_create NS ADDR QI_CS QRI_CS VID: a Linux bridge querier in NS at ADDR
# (IGMPv3, query and response intervals in centiseconds), linked to an
# access port of VID on br0.
fq_create()
{
	ns_create "$1" noipv6 &&
		ipn "$1" link add brf up type bridge mcast_snooping 1 \
			mcast_querier 1 mcast_query_use_ifaddr 1 \
			mcast_igmp_version 3 mcast_query_interval "$3" \
			mcast_query_response_interval "$4" \
			mcast_startup_query_interval "$4" &&
		ipn "$1" addr add "$2/24" dev brf &&
		ipn sw link add "p-$1" type veth peer name eth0 \
			netns "$(nsname "$1")" &&
		ipn "$1" link set eth0 master brf up &&
		ipn sw link set "p-$1" master br0 up &&
		bridge -n "$(nsname sw)" vlan add dev "p-$1" vid "$5" pvid untagged
}

adopted_per_vlan()
{
	local g=239.1.2.20 i lost=0 t max=0

	vlan_sw && host_add sw br0 h1 10.0.10.1/24 noipv6 &&
		host_add sw br0 h2 10.0.20.2/24 noipv6 &&
		bridge -n "$(nsname sw)" -b - <<-EOF &&
			vlan add dev p-h1 vid 10 pvid untagged
			vlan add dev p-h2 vid 20 pvid untagged
		EOF
		mcs sw bridge enable br0 querier off &&
		fq_create fa 10.0.10.50 $((100 * S)) $((50 * S)) 10 &&
		fq_create fb 10.0.20.50 $((800 * S)) $((100 * S)) 20 ||
		{ check_err 1 "setup"; return; }
	wait_secs 60 q_is querier 10.0.10.50 10
	check_err $? "VID 10 querier '$(querier_get sw br0 inet querier 10)'"
	wait_secs 60 q_is querier 10.0.20.50 20
	check_err $? "VID 20 querier '$(querier_get sw br0 inet querier 20)'"
	bg_mcast h2 join eth0 "$g"
	check_ports br0 "$g" p-h2 "h2's join" 20
	# Over two of VID 20's query intervals (x S).
	for ((i = 0; i < 20; i++)); do
		sleep "$S"
		t=$(member_get br0 "$g" p-h2 .timer 20)
		if [ -z "$t" ] || [ "$t" = null ]; then
			lost=$((lost + 1))
			continue
		fi
		t=${t%.*}
		[ "$t" -gt "$max" ] && max=$t
	done
	check_eq "$lost" 0 "samples without h2's membership in VID 20"
	check_ge "$max" $((4 * S)) "largest membership timer in VID 20 (s)"
	[ "$max" -le $((18 * S)) ]
	check_err $? "membership timer in VID 20 up to $max s, above 18 s"
}

# vlan_json VID KEY: KEY of VID's row of vlan show -j (jq, compact).
vlan_json()
{
	mcsj sw vlan show br0 | jq -c ".[] | select(.vid == $1) | .$2"
}

# star_two_vlans: br0 (VLAN filtering, enabled) with h1-h3 on access
# ports of VID 10 and h4-h6 on access ports of VID 20.
star_two_vlans()
{
	local i cmds=

	star 6 v4 vlan enable || return 1
	for i in 1 2 3 4 5 6; do
		cmds+="vlan del dev p-h$i vid 1"$'\n'
		cmds+="vlan add dev p-h$i vid $((i <= 3 ? 10 : 20)) pvid untagged"$'\n'
	done
	bridge -n "$(nsname sw)" -b - <<<"$cmds"
}

vlan_flood_unknown()
{
	local G=239.1.2.3

	star_two_vlans || { check_err 1 "setup"; return; }
	mcs sw vlan set br0 vid 10 flood-unknown off
	check_err $? "vlan set vid 10 flood-unknown off"
	check_eq "$(vlan_json 10 flood_unknown)" false "vlan show: VID 10's flood_unknown"
	check_eq "$(vlan_json 10 own)" '["flood-unknown"]' "vlan show: VID 10's own"
	check_eq "$(vlan_json 20 flood_unknown)" true "vlan show: VID 20's flood_unknown"
	deliver_check h1 "$G" "" "h2 h3" "VID 10 flood-unknown off"
	deliver_check h4 "$G" "h5 h6" "" "VID 20 as the bridge, on"
	# A port's own setting goes first.
	mcs sw port set p-h3 flood-unknown on
	deliver_check h1 "$G" "h3" "h2" "VID 10 off, p-h3 on"
	# The bridge's default reaches the VLANs that inherit it.
	mcs sw bridge set br0 flood-unknown off
	deliver_check h4 "$G" "" "h5 h6" "VID 20 after the bridge's off"
	mcs sw bridge set br0 flood-unknown on
	deliver_check h1 "$G" "h3" "h2" "VID 10, its own off, after the bridge's on"
	mcs sw vlan set br0 vid 10 inherit flood-unknown
	check_err $? "vlan set vid 10 inherit flood-unknown"
	check_eq "$(vlan_json 10 own)" '[]' "vlan show: VID 10's own after inherit"
	deliver_check h1 "$G" "h2 h3" "" "VID 10 inherits the bridge's on"
}

vlan_max_groups()
{
	local i out

	star_two_vlans || { check_err 1 "setup"; return; }
	mcs sw vlan set br0 vid 10 max-groups 2
	check_err $? "vlan set vid 10 max-groups 2"
	check_eq "$(vlan_json 10 max_groups)" 2 "vlan show: VID 10's max_groups"
	check_eq "$(vlan_json 20 max_groups)" 0 "vlan show: VID 20's max_groups"
	for i in 1 2 3; do
		bg_mcast h5 join eth0 "239.1.20.$i"
	done
	# One after the other: the third is the one over the limit.
	bg_mcast h2 join eth0 239.1.10.1
	check_ports br0 239.1.10.1 p-h2 "h2's first group" 10
	bg_mcast h2 join eth0 239.1.10.2
	check_ports br0 239.1.10.2 p-h2 "h2's second group" 10
	bg_mcast h2 join eth0 239.1.10.3
	for i in 1 2 3; do
		check_ports br0 "239.1.20.$i" p-h5 "h5's group $i in VID 20" 20
	done
	wait_secs 20 eval '[ "$(bstat br0 table_full)" -ge 1 ]'
	check_err $? "table_full after the third group of VID 10: $(bstat br0 table_full)"
	check_ports br0 239.1.10.3 "" "h2's third group, over VID 10's limit" 10
	check_eq "$(vlan_json 10 group_count)" 2 "vlan show: VID 10's groups"
	check_eq "$(vlan_json 20 group_count)" 3 "vlan show: VID 20's groups"
	out=$(mcs sw vlan show br0)
	check_match "$out" "vid 10 .*groups 2 max-groups 2" "vlan show text"
	# Over the limit it floods in its VLAN; within it, it is pruned.
	deliver_check h1 239.1.10.3 "h2 h3" "" "a group over VID 10's limit"
	deliver_check h1 239.1.10.1 "h2" "h3" "a group within VID 10's limit"
	out=$(mcs sw vlan set br0 vid 10 max-groups 1048577 2>&1)
	check_fail $? "max-groups 1048577 accepted"
	check_match "$out" "max_groups: out of range" "max-groups 1048577 message"
}

mcs_require
vlan_router_ports()
{
	local g10=239.1.10.1 g20=239.1.20.1 out

	star_two_vlans &&
		bridge -n "$(nsname sw)" vlan add dev p-h3 vid 20 ||
		{ check_err 1 "setup"; return; }
	bg_mcast h2 join eth0 "$g10"
	bg_mcast h5 join eth0 "$g20"
	check_ports br0 "$g10" p-h2 "h2's group" 10
	check_ports br0 "$g20" p-h5 "h5's group" 20
	deliver_check h4 "$g20" "h5" "h3 h6" "p-h3 no router"

	mcs sw port set p-h3 vid 20 router static
	check_err $? "port set p-h3 vid 20 router static"
	check_eq "$(mcsj sw port show p-h3 | jq -c '.[0].vlan_routers')" \
		'[{"vid":20,"router":"static"}]' "port show -j: vlan_routers of p-h3"
	check_match "$(mcs sw port show p-h3)" "router auto vid 20 router static" \
		"port show: p-h3's router modes"
	deliver_check h4 "$g20" "h5 h3" "h6" "VID 20 router static on p-h3"
	deliver_check h1 "$g10" "h2" "h3" "p-h3 is no router port of VID 10"

	mcs sw port set p-h3 router static && mcs sw port set p-h3 vid 10 router off
	check_err $? "port set p-h3 router static, vid 10 router off"
	deliver_check h1 "$g10" "h2" "h3" "VID 10 router off on a static router port"
	deliver_check h4 "$g20" "h5 h3" "h6" "VID 20 on the static router port"
	mcs sw port set p-h3 vid 10 router auto
	check_err $? "port set p-h3 vid 10 router auto"
	deliver_check h1 "$g10" "h2 h3" "" "VID 10 follows the port's static again"
	check_eq "$(mcsj sw port show p-h3 | jq -c '.[0].vlan_routers')" \
		'[{"vid":20,"router":"static"}]' "vlan_routers after vid 10 router auto"

	out=$(mcs sw port set p-h3 vid 4095 router static 2>&1)
	check_fail $? "vid 4095 accepted"
	check_match "$out" "vid" "the error of vid 4095"
	out=$(mcs sw port set p-h3 vid 10 fast-leave on 2>&1)
	check_fail $? "fast-leave per VLAN accepted"
	check_match "$out" "only .router MODE. and .max-groups N. are set per VLAN" \
		"the error of fast-leave per VLAN"
	out=$(mcs sw port set p-h3 vid 10 router 2>&1)
	check_fail $? "vid 10 router without a mode accepted"
	check_match "$out" "missing value for .router." "the error of a missing mode"
	# The kernel's own check: a bridge that does not filter VLANs.
	ipn sw -b - <<-EOF && mcs sw bridge enable br1 >/dev/null ||
		link add br1 up type bridge mcast_snooping 0
		link add d1 type dummy
		link set d1 master br1 up
	EOF
		{ check_err 1 "br1"; return; }
	out=$(mcs sw port set d1 vid 10 router static 2>&1)
	check_fail $? "vid on a bridge without VLAN filtering accepted"
	check_match "$out" "^Error: vid: the bridge does not filter VLANs" \
		"the error of vid on br1"
}

mcs_run_tests "$@"
