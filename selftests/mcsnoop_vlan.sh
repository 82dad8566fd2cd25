#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Snooping on a VLAN-filtering bridge: one membership table per VID, right
# for tagged and untagged ingress and egress; per-VLAN snooping off floods
# that VLAN only; per-VLAN querier timers: a VLAN's own query interval
# sets the pace of our queries there only, its own robustness, interval
# and membership timeout expire its memberships only, every setting
# follows the bridge's until set and again after inherit; out-of-range
# values and bad inherit words are refused.
#
#   p-h1  trunk, VIDs 10 and 20 tagged (h1: eth0.10, eth0.20)
#   p-h2  access VID 10 (untagged)     p-h3  access VID 20 (untagged)
#   p-h4  trunk, VIDs 10 and 20 tagged p-h5  access VID 10 (untagged)
# Unknown groups are not flooded (bridge flood-unknown off), so every copy
# a port gets is a snooping decision.

ALL_TESTS=(
	vlan_tables
	vlan_snooping_off
	vlan_query_interval
	vlan_membership_timeout
	vlan_inherit
	vlan_timer_errors
	vlan_querier_address_warning
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.2.3
# Timers that must fit between two checks, stretched on a slow guest.
S=$MCS_SLOW

access()
{
	local h=$1 n=$2 vid=$3

	host_add sw br0 "$h" "10.$vid.0.$n/24" noipv6 || return 1
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF
		vlan del dev p-$h vid 1
		vlan add dev p-$h vid $vid pvid untagged
	EOF
}

vlan_setup()
{
	star 0 vlan && trunk_host h1 1 && access h2 2 10 && access h3 3 20 &&
		trunk_host h4 4 && access h5 5 10 || return 1
	mcs sw bridge enable br0 >/dev/null && snoop_timers &&
		mcs sw bridge set br0 flood-unknown off
}

vlan_tables()
{
	local rx

	vlan_setup || { check_err 1 "setup"; return; }
	igmp_version h2 2 && in_ns h4 sysctl -qw net.ipv4.conf.eth0/20.force_igmp_version=2
	bg_mcast h2 join eth0 "$G"
	bg_mcast h4 join eth0.20 "$G"
	check_ports br0 "$G" "p-h2" "VID 10 table (untagged join of h2)" 10
	check_ports br0 "$G" "p-h4" "VID 20 table (tagged join of h4)" 20
	check_eq "$(group_json br0 "$G" | jq -r '[.[].vid] | sort | join(" ")')" \
		"10 20" "VIDs of $G"
	# Tagged ingress, VID 10: untagged egress to h2 only.
	deliver h1 "$G" "$NDATA" eth0.10
	check_deliv "h2" "h3 h4 h5" "$G from h1 in VID 10 (tagged)"
	# Tagged ingress, VID 20: tagged egress to h4 only, on its eth0.20.
	rx=$(rx_packets h4 eth0.20)
	deliver h1 "$G" "$NDATA" eth0.20
	check_deliv "h4" "h2 h3 h5" "$G from h1 in VID 20 (tagged)"
	rx_ge h4 eth0.20 $((rx + NDATA))
	check_err $? "h4's eth0.20 did not get the VID 20 frames"
	# Untagged ingress, VID 10 (h5): h2 only.
	deliver h5 "$G"
	check_deliv "h2" "h1 h3 h4" "$G from h5 in VID 10 (untagged)"
	# Untagged ingress, VID 20 (h3): h4 only.
	deliver h3 "$G"
	check_deliv "h4" "h1 h2 h5" "$G from h3 in VID 20 (untagged)"
	check_eq "$(mcsj sw vlan show br0 | jq -r '.[] | select(.vid == 10) | .group_count')" \
		1 "group_count of VID 10"
}

vlan_snooping_off()
{
	vlan_setup || { check_err 1 "setup"; return; }
	igmp_version h2 2
	bg_mcast h2 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "VID 10 table" 10
	deliver h1 "$G" "$NDATA" eth0.10
	check_deliv "h2" "h3 h4 h5" "VID 10, snooping on"
	mcs sw vlan set br0 vid 10 snooping off
	check_eq "$(mcsj sw vlan show br0 | jq -r '.[] | select(.vid == 10) | .snooping')" \
		false "snooping of VID 10"
	deliver h1 "$G" "$NDATA" eth0.10
	check_deliv "h2 h4 h5" "h3" "VID 10, snooping off"
	deliver h1 239.9.9.9 "$NDATA" eth0.10
	check_deliv "h2 h4 h5" "h3" "VID 10, snooping off, unregistered group"
	# VID 20 still snoops: nobody joined there.
	deliver h1 "$G" "$NDATA" eth0.20
	check_deliv "" "h2 h3 h4 h5" "VID 20, snooping on"
	mcs sw vlan set br0 vid 10 snooping on
	deliver h1 239.9.9.9 "$NDATA" eth0.10
	check_deliv "" "h2 h3 h4 h5" "VID 10, snooping on again"
}

# ------------------------------------------------- per-VLAN querier timers

# vget VID KEY: KEY of VID in vlan show -j of br0 ("own": its words
# joined by commas).
vget()
{
	local f=".$2"

	[ "$2" = own ] && f='.own | join(",")'
	mcsj sw vlan show br0 2>/dev/null |
		jq -r ".[] | select(.vid == $1) | $f" 2>/dev/null
}

# check_vlan VID KEY WANT WHAT
check_vlan()
{
	check_eq "$(vget "$1" "$2")" "$3" "$4: vid $1 $2"
}

# qget VID KEY: KEY of br0's IPv4 querier of VID (querier show -j).
qget()
{
	querier_get sw br0 inet "$2" "$1"
}

q_is()
{
	[ "$(qget "$1" "$2")" = "$3" ]
}

# check_q VID KEY WANT WHAT: wait (30 s) for querier KEY to become WANT.
check_q()
{
	wait_secs 30 q_is "$1" "$2" "$3"
	check_err $? "$4: querier of vid $1 $2 is '$(qget "$1" "$2")', expected '$3'"
}

# timers_setup ARGS...: br0 filters VLANs, h1 is a trunk (eth0.10 and
# eth0.20), br0 enabled with ARGS.
timers_setup()
{
	star 0 vlan && trunk_host h1 1 && mcs sw bridge enable br0 "$@" >/dev/null
}

# The bridge queries every 300 s, VLAN 10 at its own 2 s: proxy queries
# (no addresses) counted where h1's VLAN devices receive them.
vlan_query_interval()
{
	local c20 n1 t1 t2 q='eth0.10.rx.gq'

	star 0 vlan && trunk_host h1 1 && sniff h1 &&
		mcs sw bridge enable br0 querier proxy query-interval 300 \
			startup-query-count 1 >/dev/null ||
		{ check_err 1 "setup"; return; }
	# One startup query each, then none for 300 s.
	wait_secs $((30 * S)) cnt_ge h1 "$q" 1 &&
		wait_secs $((30 * S)) cnt_ge h1 eth0.20.rx.gq 1
	check_err $? "startup queries: vid 10 $(cnt h1 "$q"), vid 20 $(cnt h1 eth0.20.rx.gq)"
	mcs sw vlan set br0 vid 10 query-interval $((2 * S)) \
		query-response-interval "$S"
	check_err $? "vlan set vid 10 query-interval"
	check_q 10 interval $((2 * S)) "VLAN 10's own query interval"
	check_q 20 interval 300 "VLAN 20 inherits"
	sniff_sync h1
	c20=$(cnt h1 eth0.20.rx.gq)
	# From one query of VLAN 10 to the third after it: 3 intervals.
	wait_secs $((30 * S)) cnt_ge h1 "$q" 2
	check_err $? "VLAN 10: no query at its own interval"
	sniff_sync h1
	read -r n1 t1 < <(cnt h1 "$q" "t.$q")
	wait_secs $((60 * S)) cnt_ge h1 "$q" $((n1 + 3))
	check_err $? "VLAN 10: $(($(cnt h1 "$q") - n1)) queries in $((60 * S)) s at its interval of $((2 * S)) s, expected 3"
	sniff_sync h1
	t2=$(cnt h1 "t.$q")
	# 3 x 2 s; a query never comes early (a slow guest only delays them).
	[ "$(cnt h1 "$q")" -ge $((n1 + 3)) ] && [ $((t2 - t1)) -ge $((4500 * S)) ]
	check_err $? "VLAN 10: $(($(cnt h1 "$q") - n1)) queries in $((t2 - t1)) ms, expected 3 in 6000 ms or more"
	check_eq "$(cnt h1 eth0.20.rx.gq)" "$c20" "VLAN 20 queries at the bridge's 300 s"
	# Robustness per VLAN: in our queries' parameters (querier show).
	mcs sw vlan set br0 vid 20 robustness 5
	check_q 20 robustness 5 "VLAN 20's own robustness"
	check_q 10 robustness 2 "VLAN 10 inherits robustness"
}

# No querier: memberships last what the VLAN's timers say. VLAN 10:
# robustness 1 x 2 s + 1 s = 3 s (auto); VLAN 20: the bridge's 600 s.
vlan_membership_timeout()
{
	ns_create sw noipv6 &&
		ipn sw link add br0 up type bridge mcast_snooping 0 vlan_filtering 1 &&
		access h2 2 10 && access h3 3 20 &&
		mcs sw bridge enable br0 >/dev/null && snoop_timers ||
		{ check_err 1 "setup"; return; }
	mcs sw vlan set br0 vid 10 robustness 1 query-interval $((2 * S)) \
		query-response-interval "$S" membership-timeout auto
	check_err $? "vlan set vid 10"
	check_vlan 10 membership_timeout $((4 * S)) "auto from the VLAN's own timers (1 x 2S + 2 x S)"
	check_vlan 10 membership_timeout_auto true "auto"
	check_vlan 20 membership_timeout 600 "the bridge's"
	check_vlan 20 own "" "inherits all"
	igmp_version h2 2 && igmp_version h3 2
	bg_mcast h2 join eth0 "$G"
	bg_mcast h3 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "VID 10 joined" 10
	check_ports br0 "$G" "p-h3" "VID 20 joined" 20
	# The unsolicited reports stop within 10 s; 3 s later VID 10's is gone.
	check_ports br0 "$G" "" "VID 10 membership expired" 10 $((60 * S))
	check_eq "$(group_ports br0 "$G" 20)" "p-h3" "VID 20 membership of $G"
	check_eq "$(member_get br0 "$G" p-h3 '.timer > 500' 20)" true \
		"VID 20 membership timer from the bridge's 600 s"
}

# Every setting follows the bridge's until set; inherit returns to it.
vlan_inherit()
{
	timers_setup querier proxy query-interval 100 ||
		{ check_err 1 "setup"; return; }
	check_vlan 10 querier proxy "before any vlan set"
	# A querier address of its own: the querier mode stays the bridge's.
	mcs sw vlan set br0 vid 10 query-interval 20 querier-address 10.10.0.254
	check_err $? "vlan set vid 10"
	check_vlan 10 own "querier-address,query-interval" "own settings"
	check_vlan 10 query_interval 20 "own"
	check_vlan 10 querier_address 10.10.0.254 "own"
	check_vlan 20 own "" "nothing set"
	check_vlan 20 query_interval 100 "the bridge's"
	mcs sw bridge set br0 query-interval 50 querier off
	check_err $? "bridge set"
	check_vlan 10 query_interval 20 "own, after bridge set"
	check_vlan 10 querier off "the bridge's, after bridge set"
	check_vlan 20 query_interval 50 "the bridge's, after bridge set"
	check_vlan 20 querier off "the bridge's, after bridge set"
	check_q 10 role off "VLAN 10 follows bridge querier off"
	check_q 20 role off "VLAN 20 follows bridge querier off"
	mcs sw bridge set br0 querier proxy
	check_q 10 role proxy "VLAN 10 follows bridge querier proxy"
	check_q 20 role proxy "VLAN 20 follows bridge querier proxy"
	check_q 10 interval 20 "VLAN 10's own interval"
	check_q 20 interval 50 "VLAN 20, the bridge's interval"
	mcs sw vlan set br0 vid 10 inherit query-interval
	check_err $? "vlan set inherit query-interval"
	check_vlan 10 own "querier-address" "after inherit query-interval"
	check_vlan 10 query_interval 50 "inherited again"
	check_q 10 interval 50 "VLAN 10's querier, inherited again"
	mcs sw vlan set br0 vid 10 querier off robustness 4
	check_q 10 role off "VLAN 10's own querier off"
	check_q 20 role proxy "VLAN 20 still"
	mcs sw vlan set br0 vid 10 inherit all
	check_err $? "vlan set inherit all"
	check_vlan 10 own "" "after inherit all"
	check_vlan 10 querier_address null "after inherit all"
	check_vlan 10 robustness 2 "after inherit all"
	check_q 10 role proxy "VLAN 10 inherits the querier again"
}

# vlan_err WHAT ONELINE WANT ARGS...: vlan set br0 vid 10 ARGS fails
# (exit 1, nothing on stdout) with "Error: WANT" first on stderr, and
# nothing else there when ONELINE is 1 (the kernel's refusals).
vlan_err()
{
	local what=$1 oneline=$2 want=$3 out rc lines

	shift 3
	out=$(mcs sw vlan set br0 vid 10 "$@" 2>"$MCS_TMP/stderr")
	rc=$?
	mapfile -t lines <"$MCS_TMP/stderr"
	check_eq "$rc" 1 "$what: exit status"
	check_eq "$out" "" "$what: stdout"
	check_eq "${lines[0]:-}" "Error: $want" "$what: stderr"
	[ "$oneline" = 0 ] || check_eq "${#lines[@]}" 1 "$what: lines on stderr"
}

vlan_timer_errors()
{
	timers_setup querier proxy || { check_err 1 "setup"; return; }
	vlan_err "query-interval 0.5" 1 \
		"query_interval: out of range (1000-3600000 ms)" query-interval 0.5
	vlan_err "robustness 8" 1 "robustness: out of range (1-7)" robustness 8
	vlan_err "last-member-count 11" 1 \
		"last_member_count: out of range (1-10)" last-member-count 11
	vlan_err "membership-timeout 0.5" 1 \
		"membership_timeout: out of range (0 for auto, or 1000-86400000 ms)" \
		membership-timeout 0.5
	vlan_err "igmp-version 4" 1 "igmp_version: out of range (2-3)" \
		igmp-version 4
	# Against the bridge's 125 s the VLAN inherits.
	vlan_err "query-response-interval 200" 1 \
		"query_response_interval: must be below query_interval" \
		query-response-interval 200
	vlan_err "set and inherit robustness" 1 \
		"inherit: a setting cannot be set and inherited at once" \
		robustness 3 inherit robustness
	vlan_err "inherit bogus" 0 \
		'invalid inherit "robustness,bogus" (expected setting keywords separated by commas, or all)' \
		inherit robustness,bogus
	vlan_err "inherit without a value" 0 'missing value for "inherit"' \
		inherit
	# Bits outside enum mcsnoop_vlan_setting (VLAN_SET 8, INHERIT 22):
	# the generated policy's mask refuses them.
	expect_err "inherit unknown bit" EINVAL "reserved bit set" - -- \
		cmd=8 attr=2:str:br0 attr=3:u16:10 attr=22:u32:32768
	# The bridge's interval against a VLAN's own response interval.
	mcs sw vlan set br0 vid 20 query-response-interval 50
	check_err $? "vlan set vid 20 query-response-interval 50"
	mcs sw bridge set br0 query-interval 40 2>"$MCS_TMP/stderr"
	check_eq "$?" 1 "bridge query-interval 40: exit status"
	check_eq "$(<"$MCS_TMP/stderr")" \
		"Error: query_interval: must be above the query_response_interval of every VLAN that inherits it" \
		"bridge query-interval 40 below VLAN 20's response interval"
	check_vlan 20 query_interval 125 "after the refused bridge set"
	# Nothing of the refused requests stuck.
	check_vlan 10 own "" "after the refused requests"
	check_vlan 10 robustness 2 "after the refused requests"
	# Without VLAN filtering the settings stay, and the bridge's rule.
	mcs sw vlan set br0 vid 10 query-interval 30
	check_err $? "vlan set query-interval 30"
	check_q 10 interval 30 "with VLAN filtering: VLAN 10's own"
	ipn sw link set br0 type bridge vlan_filtering 0
	check_q 0 interval 125 "without VLAN filtering: the bridge's"
}

# A VLAN's querier-address off the subnets of its VLAN device is taken,
# with a warning naming the VLAN; on them, or where the VLAN has no device
# of the bridge to judge by, without one.
vlan_querier_address_warning()
{
	local out rc

	ns_create sw noipv6 &&
		ipn sw link add br0 up type bridge mcast_snooping 0 vlan_filtering 1 &&
		bridge -n "$NS_PREFIX-sw" vlan add dev br0 vid 10 self &&
		ipn sw link add link br0 name br0.10 up type vlan id 10 &&
		ipn sw addr add 10.10.0.254/24 dev br0.10 &&
		access h2 2 10 && access h3 3 20 &&
		mcs sw bridge enable br0 >/dev/null ||
		{ check_err 1 "setup"; return; }
	out=$(mcs sw vlan set br0 vid 10 querier-address 10.10.0.253 2>&1)
	check_eq "$?:$out" "0:" "vid 10, on br0.10's subnet"
	out=$(mcs sw vlan set br0 vid 10 querier-address 192.168.5.5 2>&1)
	rc=$?
	check_eq "$rc" 0 "vid 10, off br0.10's subnet: status"
	check_match "$out" '^Warning: querier_address: 192\.168\.5\.5 is on no IPv4 subnet of br0 vid 10' \
		"vid 10, off br0.10's subnet: warning"
	out=$(mcs sw vlan set br0 vid 20 querier-address 192.168.5.5 2>&1)
	check_eq "$?:$out" "0:" "vid 20, no VLAN device to judge by"
}

mcs_require
mcs_run_tests "$@"
