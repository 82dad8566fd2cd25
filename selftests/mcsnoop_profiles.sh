#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Filtering profiles (the issue "beyond peers"): named rules of the
# namespace that permit or deny groups, and sources of source-specific
# memberships, for the ports and VLANs that name them. br0 in namespace
# sw with hosts h1..hN behind ports p-hN (star), mcsnoop enabled with
# short leave timers and flood-unknown off; the hosts' own stacks join.
#
#  - profile_ports: profile iptv permits 239.1.0.0/16, denies the rest
#    (default). On p-h1, h1's joins of 239.1.1.1 and 239.2.2.2: only the
#    first is learnt, p-h1 and the bridge count denied, data of 239.2.2.2
#    reaches h3 (a member without profile) and not h1. iptv on p-h3 ends
#    its 239.2.2.2 (a removal of reason filter). A static 239.3.3.3 on p-h1
#    is refused naming the profile and the port. iptv changed to permit
#    239.9.0.0/16 only: p-h1's 239.1.1.1 ends (filter). profile del of a
#    profile in use fails naming the port; detached (none), it works.
#    profile show (text, JSON) and port show say what is set.
#  - profile_sources: profile ssm permits 232.1.1.0/24 from 10.0.0.1
#    only; h1's stack joins 232.1.1.1 from 10.0.0.2 and 10.0.0.3: denied
#    (counted), nothing learnt; then from 10.0.0.1 and 10.0.0.2: p-h1 is
#    a member for 10.0.0.1 alone, and data from h2 (10.0.0.2) does not
#    reach h1. A crafted report of 65 permitted sources leaves p-h1 a
#    member for 64 of them (INCLUDE), not one of any source: h2's data
#    still does not reach h1.
#  - profile_vlan: on a VLAN-filtering bridge, a profile on VLAN 1 (the
#    hosts' PVID) denies h2's 239.2.2.2 though p-h2 has none; vlan show
#    says it; none detaches it and h2's next join is learnt.
#  - profile_template: a template 'tap*' gives profile iptv: tap101i0 has
#    it as it joins and again once re-created (a VM restart), its VM's
#    denied join is not learnt, template show says it; with the profile
#    deleted, a re-created tap101i0 joins without one.

ALL_TESTS=(
	profile_ports
	profile_sources
	profile_vlan
	profile_template
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# removals DEV: DEV's removals as "GROUP:REASON" words, newest first.
removals()
{
	mcsj sw -s port show "$1" 2>/dev/null |
		jq -r '[.[0].removals[] | "\(.group):\(.reason)"] | join(" ")' \
			2>/dev/null
}

# joined HOST GROUP: HOST's stack joins GROUP (IGMPv2: no source state).
joined()
{
	igmp_version "$1" 2
	bg_mcast "$1" join eth0 "$2"
}

profile_ports()
{
	local out pid3

	star 4 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	mcs sw profile add iptv permit 239.1.0.0/16
	check_err $? "profile add iptv"
	mcs sw port set p-h1 profile iptv
	check_err $? "port set p-h1 profile iptv"
	check_eq "$(port_get p-h1 profile)" iptv "port show p-h1 profile"
	check_eq "$(port_get p-h2 profile)" null "port show p-h2 profile"

	joined h1 239.1.1.1
	joined h1 239.2.2.2
	joined h3 239.2.2.2
	pid3=${BG_PIDS[-1]}
	check_ports br0 239.1.1.1 p-h1 "h1's permitted group"
	check_ports br0 239.2.2.2 p-h3 "h1's denied group, h3's"
	wait_secs 15 pstat_ge p-h1 denied 1
	check_err $? "denied of p-h1 is '$(pstat p-h1 denied)'"
	check_ge "$(bstat br0 denied)" 1 "denied of br0"
	check_eq "$(pstat p-h3 denied)" 0 "denied of p-h3"
	deliver_check h2 239.2.2.2 "h3" "h1 h4" "the group denied to h1"
	deliver_check h2 239.1.1.1 "h1" "h3 h4" "the group permitted to h1"

	# Attached where a denied membership is: it ends.
	mcs sw port set p-h3 profile iptv
	check_ports br0 239.2.2.2 "" "239.2.2.2 once p-h3 has iptv" "" 10
	check_eq "$(removals p-h3)" "239.2.2.2:filter" "removals of p-h3"
	kill "$pid3"

	# Static entries are refused.
	out=$(mcs sw group add br0 239.3.3.3 port p-h1 2>&1)
	check_fail $? "group add of a denied group"
	check_match "$out" "denied by profile iptv of port p-h1" \
		"message of the refused group add"
	mcs sw group add br0 239.1.3.3 port p-h1
	check_err $? "group add of a permitted group"

	# Changed: what it no longer permits ends.
	mcs sw profile add iptv permit 239.9.0.0/16
	check_err $? "profile add iptv again"
	check_ports br0 239.1.1.1 "" "239.1.1.1 once iptv denies it" "" 10
	check_eq "$(removals p-h1)" "239.1.1.1:filter" "removals of p-h1"
	check_ports br0 239.1.3.3 p-h1 "the static entry that was permitted"

	out=$(mcs sw profile show iptv)
	check_match "$out" "^profile iptv default deny users 2" \
		"profile show text: $out"
	check_match "$out" "permit 239\.9\.0\.0-239\.9\.255\.255" \
		"profile show text rule: $out"
	out=$(mcsj sw profile show)
	check_eq "$(jq -r '.[0] | "\(.name) \(.default) \(.users) \(.rules[0].action) \(.rules[0].group_min) \(.rules[0].group_max) \(.rules[0].source_min)"' \
		<<<"$out" 2>/dev/null)" \
		"iptv deny 2 permit 239.9.0.0 239.9.255.255 null" "profile show JSON"

	out=$(mcs sw profile del iptv 2>&1)
	check_fail $? "profile del of a profile in use"
	check_match "$out" "profile iptv is used by port p-h[13]" \
		"message of the refused profile del"
	mcs sw port set p-h1 profile none
	mcs sw port set p-h3 profile none
	check_eq "$(port_get p-h1 profile)" null "p-h1's profile after none"
	mcs sw profile del iptv
	check_err $? "profile del once unused"
	check_eq "$(mcsj sw profile show)" "[]" "profile show after del"
}

profile_sources()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	mcs sw profile add ssm permit 232.1.1.0/24 source 10.0.0.1
	mcs sw port set p-h1 profile ssm
	igmp_version h1 3
	bg_mcast h1 sjoin eth0 232.1.1.1 10.0.0.2/10.0.0.3
	wait_secs 15 pstat_ge p-h1 denied 1
	check_err $? "denied of p-h1 is '$(pstat p-h1 denied)'"
	check_eq "$(group_ports br0 232.1.1.1)" "" "232.1.1.1 from denied sources"
	bg_stop_all
	bg_mcast h1 sjoin eth0 232.1.1.1 10.0.0.1/10.0.0.2
	check_ports br0 232.1.1.1 p-h1 "232.1.1.1 from 10.0.0.1 and 10.0.0.2"
	check_eq "$(member_get br0 232.1.1.1 p-h1 '[.sources[].source] | join(" ")')" \
		10.0.0.1 "the sources learnt"
	deliver_check h2 232.1.1.1 "" "h1 h3" "a denied source"
	bg_stop_all

	# More permitted sources than a member lists (64): it stays INCLUDE,
	# rather than become a member of any source, h2's among them.
	mcs sw profile add ssm permit 232.1.1.0/24 source 10.0.0.100-10.0.0.200
	frames h1 eth0 "report3,rec=5:232.1.1.2:$(seq -s/ -f '10.0.0.%g' 100 164)"
	check_ports br0 232.1.1.2 p-h1 "232.1.1.2 from 65 permitted sources"
	check_eq "$(member_get br0 232.1.1.2 p-h1 '"\(.mode) \(.sources | length)"')" \
		"include 64" "p-h1's membership of 232.1.1.2"
	deliver_check h2 232.1.1.2 "" "h1 h3" "a denied source of a full member"
}

profile_vlan()
{
	local out

	star 3 v4 vlan snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	mcs sw profile add iptv permit 239.1.0.0/16
	mcs sw vlan set br0 vid 1 profile iptv
	check_err $? "vlan set br0 vid 1 profile iptv"
	out=$(mcsj sw vlan show br0)
	check_eq "$(jq -r '.[] | select(.vid == 1) | .profile' <<<"$out" 2>/dev/null)" \
		iptv "vlan show JSON profile"
	joined h2 239.2.2.2
	joined h2 239.1.1.1
	check_ports br0 239.1.1.1 p-h2 "the group VLAN 1 permits" 1
	wait_secs 15 pstat_ge p-h2 denied 1
	check_err $? "denied of p-h2 is '$(pstat p-h2 denied)'"
	check_eq "$(group_ports br0 239.2.2.2 1)" "" "the group VLAN 1 denies"
	bg_stop_all
	mcs sw vlan set br0 vid 1 profile none
	check_eq "$(jq -r '.[] | select(.vid == 1) | .profile' \
		<<<"$(mcsj sw vlan show br0)" 2>/dev/null)" null \
		"vlan show JSON profile after none"
	joined h2 239.2.2.2
	check_ports br0 239.2.2.2 p-h2 "239.2.2.2 once VLAN 1 has no profile" 1
	bg_stop_all
	# A bridge mcsnoop is not enabled on: refused, named (the netlink
	# stress campaign found this request oopsing, holding RTNL).
	br_create sw br1 0 vlan_filtering 1
	out=$(mcs sw vlan set br1 vid 1 profile iptv 2>&1)
	check_fail $? "vlan set on a bridge not enabled"
	check_match "$out" "br1|not enabled|bridge" "its message: $out"
	mcs sw bridge show br0 >/dev/null
	check_err $? "mcsnoopctl answers after it"
}

# tap_port: tap101i0 in br0 of sw, its peer eth0 (10.0.0.101) in vm101.
tap_port()
{
	if [ ! -e "/run/netns/$NS_PREFIX-vm101" ]; then
		ns_create vm101 noipv6 || return 1
	fi
	ipn sw -b - <<-EOF || return 1
		link add tap101i0 type veth peer name eth0 netns $NS_PREFIX-vm101
		link set tap101i0 master br0 up
	EOF
	ipn vm101 -b - <<-EOF
		link set eth0 up
		addr add 10.0.0.101/24 dev eth0
	EOF
}

profile_template()
{
	star 1 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw profile add iptv permit 239.1.0.0/16
	mcs sw port template add br0 'tap*' profile iptv
	check_err $? "port template add br0 tap* profile iptv"
	check_match "$(mcs sw port template show br0)" "template tap\* .*profile iptv" \
		"port template show"
	tap_port || { check_err 1 "tap101i0"; return; }
	check_port tap101i0 profile iptv "tap101i0 as it joined"
	ipn sw link del tap101i0
	tap_port || { check_err 1 "tap101i0 again"; return; }
	check_port tap101i0 profile iptv "tap101i0 re-created"
	joined vm101 239.2.2.2
	wait_secs 15 pstat_ge tap101i0 denied 1
	check_err $? "denied of tap101i0 is '$(pstat tap101i0 denied)'"
	check_eq "$(group_ports br0 239.2.2.2)" "" "the group iptv denies"
	bg_stop_all

	mcs sw port set tap101i0 profile none
	mcs sw profile del iptv
	check_err $? "profile del iptv"
	ipn sw link del tap101i0
	tap_port || { check_err 1 "tap101i0 once more"; return; }
	check_port tap101i0 profile null "tap101i0 after the profile went"
}

mcs_require
mcs_run_tests "$@"
