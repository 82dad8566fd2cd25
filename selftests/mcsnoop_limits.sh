#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Static state and limits: static (*,G) and (S,G) entries outlive the
# membership timeout and go with group del / group flush (by port, by VID);
# max-groups per bridge and per port: the group that does not fit floods,
# table_full counts it, the others stay pruned; lowered below the count,
# learnt state goes until it fits, static entries stay; a port that goes
# down or leaves the bridge loses its dynamic memberships and router
# state; ports and bridges removed while traffic flows (the kernel log is
# checked after every test).
#
#  - max_groups_actions: a port's limit-action (the issue "beyond peers"),
#    max-groups 1 on p-h2, flood-unknown off: deny refuses h2's second
#    group (table_full counts it, h2 gets none of it, its first stays);
#    replace makes the second take the place of the first (a removal of
#    reason limit, the second reaches h2, the first no longer); port show
#    says limit-action (text, JSON); flood is the default.
#  - vlan_max_groups: a port's max-groups on one VLAN (port set DEV vid
#    VID max-groups N, the bridge's per port-VLAN mcast_max_groups): h2's
#    stack joins groups on eth0.10 and eth0.20 of trunk port p-h2. Set
#    where a group exists, the limit counts it; deny refuses the group
#    beyond it (counted on the port and the VLAN, h2 gets none of it);
#    VLAN 20 of the same port is not limited; flood lets the next one
#    reach h2 (and h3, as it floods); replace makes the next one take
#    the place of the first (which no longer reaches h2), and a static
#    group over the limit is refused naming the port and VLAN; lowered
#    below the count, learnt groups of that VLAN go; 0 removes the limit;
#    text and JSON.
#  - table_memory: what bridge show says the table takes (table_bytes,
#    the issue "scale"): it grows with groups, memberships and sources
#    (h2's stack joins G for three sources, p-h3 has static entries), and
#    after every way they go (h2 leaves: its sources time out; group del
#    of a source; group flush) it is what it was before, to the byte: the
#    second time round, as the first may shrink the hash table, and the
#    same groups take the same bytes both times.
#  - table_memory_traffic: a group's traffic counters are made with its
#    first frame, 32 bytes per possible CPU in table_bytes; once the group
#    went, they are kept for a membership interval (2 s here), and then
#    table_bytes is what it was before the group.

ALL_TESTS=(
	static_entries
	table_memory
	table_memory_traffic
	static_flush_vid
	max_groups_bridge
	max_groups_port
	max_groups_actions
	port_down_and_removal
	removal_during_traffic
	vlan_max_groups
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.2.3
G2=239.1.2.4

static_entries()
{
	star 4 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 membership-timeout 20
	mcs sw group add br0 "$G" port p-h2
	check_err $? "group add (*,G)"
	mcs sw group add br0 "$G2" port p-h3 source 10.0.0.1
	check_err $? "group add (S,G)"
	check_ports br0 "$G" "p-h2" "static (*,G)"
	check_eq "$(member_get br0 "$G" p-h2 .static)" true "static flag"
	check_eq "$(member_get br0 "$G2" p-h3 '[.sources[].source] | join(" ")')" \
		10.0.0.1 "source of the static (S,G)"
	# A dynamic member of G2 times out after 20 s, the static ones stay.
	frames h4 eth0 "report2,group=$G2"
	check_ports br0 "$G2" "p-h3 p-h4" "dynamic member of $G2"
	check_ports br0 "$G2" "p-h3" "after the membership timeout" "" 120
	check_eq "$(group_ports br0 "$G")" "p-h2" "static (*,G) after the timeout"
	deliver_check h1 "$G" "h2" "h3 h4" "static (*,G)"
	deliver_check h1 "$G2" "h3" "h2 h4" "static (h1,G2)"
	deliver_check h4 "$G2" "" "h1 h2 h3" "static (h1,G2), data from h4"
	# group del: the (S,G) entry needs its source.
	mcs sw group del br0 "$G" port p-h2
	check_err $? "group del (*,G)"
	check_ports br0 "$G" "" "after group del" "" 10
	mcs sw group del br0 "$G2" port p-h3 source 10.0.0.1
	check_err $? "group del (S,G)"
	check_ports br0 "$G2" "" "after group del of the (S,G)" "" 10
	# flush by port takes static and dynamic memberships of that port only.
	mcs sw bridge set br0 membership-timeout 60
	mcs sw group add br0 "$G" port p-h2 && mcs sw group add br0 "$G" port p-h3
	frames h4 eth0 "report2,group=$G"
	check_ports br0 "$G" "p-h2 p-h3 p-h4" "static h2 h3, dynamic h4"
	mcs sw group flush br0 port p-h4
	check_ports br0 "$G" "p-h2 p-h3" "after group flush port p-h4" "" 10
	mcs sw group flush br0 port p-h3
	check_ports br0 "$G" "p-h2" "after group flush port p-h3" "" 10
	mcs sw group flush br0
	check_ports br0 "$G" "" "after group flush" "" 10
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].group_count')" 0 "group_count after flush"
}

table_empty()
{
	[ "$(mcsj sw bridge show br0 | jq -r '.[0].group_count')" = 0 ]
}

# memory_cycle: fill the table and empty it again; TABLE_FULL gets the
# table_bytes of the full table.
memory_cycle()
{
	local pid

	bg_mcast h2 sjoin eth0 "$G" 10.0.0.7/10.0.0.8/10.0.0.9
	pid=${BG_PIDS[-1]}
	mcs sw group add br0 "$G2" port p-h3 source 10.0.0.1 &&
		mcs sw group add br0 "$G2" port p-h3 source 10.0.0.2 &&
		mcs sw group add br0 239.1.2.5 port p-h3
	check_err $? "group add"
	check_ports br0 "$G" "p-h2" "h2 joined for three sources"
	wait_secs 10 eval '[ "$(member_get br0 "$G" p-h2 ".sources | length")" = 3 ]'
	check_err $? "h2's sources: $(member_get br0 "$G" p-h2 '.sources')"
	TABLE_FULL=$(table_bytes)
	# h2 leaves (BLOCK of its sources): they time out, so does G.
	stop_pids "$pid"
	check_ports br0 "$G" "" "after h2 left" "" 30
	mcs sw group del br0 "$G2" port p-h3 source 10.0.0.1
	check_err $? "group del of one source"
	mcs sw group flush br0
	check_err $? "group flush"
	wait_secs 10 table_empty
	check_err $? "groups left after the flush"
}

table_memory()
{
	local b0 b1 full

	star 3 v4 snoop || { check_err 1 "setup"; return; }
	b0=$(table_bytes)
	check_ge "$b0" 1 "table_bytes of an empty table (its hash buckets)"
	memory_cycle
	full=$TABLE_FULL
	check_ge "$full" $((b0 + 1)) "table_bytes with 3 groups, 3 memberships, 5 sources ($b0 empty)"
	# The hash table may have shrunk meanwhile (it does so in a worker).
	wait_steady 10 1 table_bytes >/dev/null
	b1=$(table_bytes)
	memory_cycle
	check_eq $((TABLE_FULL - b1)) $((full - b0)) "what the same groups take, the second time"
	wait_secs 10 eval '[ "$(table_bytes)" = "$b1" ]'
	check_err $? "table_bytes after the second cycle: $(table_bytes), after the first $b1"
	log_info "figure: table_bytes empty $b0, with 3 groups $full, empty again $b1"
}

group_in_packets()
{
	json_value "$(mcsj sw group show br0 group "$1" 2>/dev/null)" packets
}

table_memory_traffic()
{
	local g=239.1.2.5 empty b0 b1 per_cpu=32 cpus

	star 2 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 membership-timeout 2
	# A group without traffic first: its removal shrinks the hash table
	# to its smallest, which it then keeps.
	mcs sw group add br0 "$g" port p-h2 && mcs sw group del br0 "$g" port p-h2
	check_err $? "group add and del of a group without traffic"
	wait_steady 10 1 table_bytes >/dev/null
	empty=$(table_bytes)
	mcs sw group add br0 "$g" port p-h2
	check_err $? "group add"
	b0=$(table_bytes)
	mcast h1 send eth0 "$g" 5
	wait_secs 15 eval '[ "$(group_in_packets "$g")" = 5 ]'
	check_err $? "packets in: $(group_in_packets "$g") of 5"
	b1=$(table_bytes)
	cpus=$(possible_cpus)
	check_eq $((b1 - b0)) $((per_cpu * cpus)) \
		"table_bytes of the group's counters ($cpus possible CPUs)"
	mcs sw group del br0 "$g" port p-h2
	check_err $? "group del"
	wait_secs 15 eval '[ "$(table_bytes)" = "$empty" ]'
	check_err $? "table_bytes once the kept counters expired: $(table_bytes), before the group $empty"
	log_info "figure: table_bytes empty $empty, group $b0, with its counters $b1"
}

static_flush_vid()
{
	star 2 bare vlan || { check_err 1 "setup"; return; }
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF
		vlan add dev p-h1 vid 10
		vlan add dev p-h1 vid 20
		vlan add dev p-h2 vid 10
		vlan add dev p-h2 vid 20
	EOF
	mcs sw bridge enable br0 >/dev/null
	mcs sw group add br0 "$G" port p-h1 vid 10 &&
		mcs sw group add br0 "$G" port p-h2 vid 20 &&
		mcs sw group add br0 ff0e::5 port p-h1 vid 10
	check_err $? "group add with vid"
	check_ports br0 "$G" "p-h1" "VID 10" 10 10
	check_ports br0 "$G" "p-h2" "VID 20" 20 10
	mcs sw group flush br0 vid 10
	check_err $? "group flush vid 10"
	check_ports br0 "$G" "" "VID 10 after flush vid 10" 10 10
	check_ports br0 ff0e::5 "" "VID 10 (IPv6) after flush vid 10" 10 10
	check_ports br0 "$G" "p-h2" "VID 20 after flush vid 10" 20 10
}

# join_all HOST GROUP...: HOST joins the groups with IGMPv2 one by one.
join_v2()
{
	igmp_version "$1" 2
	bg_mcast "$1" join eth0 "$2"
}

max_groups_bridge()
{
	local tf

	star 4 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 max-groups 2
	join_v2 h2 239.1.1.1
	check_ports br0 239.1.1.1 "p-h2" "first group"
	join_v2 h2 239.1.1.2
	check_ports br0 239.1.1.2 "p-h2" "second group"
	tf=$(bstat br0 table_full)
	join_v2 h3 239.1.1.3
	wait_secs 30 bstat_ge br0 table_full $((tf + 1))
	check_err $? "table_full did not count the third group"
	check_ge "$(pstat p-h3 table_full)" 1 "table_full of p-h3"
	check_eq "$(group_ports br0 239.1.1.3)" "" "the third group in the table"
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].group_count')" 2 "group_count"
	# The overflowing group floods, the others stay pruned.
	deliver_check h1 239.1.1.3 "h2 h3 h4" "" "overflowing group"
	deliver_check h1 239.1.1.1 "h2" "h3 h4" "first group"
	# Static entries are refused too.
	mcs sw group add br0 239.1.1.4 port p-h4 2>/dev/null
	check_fail $? "group add beyond max-groups"
	# Room again: the group is learnt on its next report.
	mcs sw bridge set br0 max-groups 3
	frames h3 eth0 "report2,group=239.1.1.3"
	check_ports br0 239.1.1.3 "p-h3" "third group after raising max-groups"
	deliver_check h1 239.1.1.3 "h3" "h2 h4" "third group registered"
	# Lowered below the count: learnt groups go until it fits; a static
	# one stays, even over the limit.
	mcs sw bridge set br0 max-groups 4
	mcs sw group add br0 239.1.1.4 port p-h4
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].group_count')" 4 \
		"group_count with the static group"
	mcs sw bridge set br0 max-groups 2
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].group_count')" 2 \
		"group_count after max-groups 2"
	mcs sw bridge set br0 max-groups 1
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].group_count')" 1 \
		"group_count after max-groups 1"
	check_eq "$(group_ports br0 239.1.1.4)" "p-h4" "the static group"
}

max_groups_port()
{
	star 4 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw port set p-h2 max-groups 1
	check_eq "$(port_get p-h2 max_groups)" 1 "max_groups of p-h2"
	join_v2 h2 239.1.1.1
	check_ports br0 239.1.1.1 "p-h2" "first group of h2"
	join_v2 h2 239.1.1.2
	wait_secs 30 pstat_ge p-h2 table_full 1
	check_err $? "table_full of p-h2 did not count the second group"
	check_eq "$(group_ports br0 239.1.1.2)" "" "second group of h2 in the table"
	check_eq "$(port_get p-h2 group_count)" 1 "group_count of p-h2"
	deliver_check h1 239.1.1.2 "h2 h3 h4" "" "overflowing group of p-h2"
	deliver_check h1 239.1.1.1 "h2" "h3 h4" "first group of h2"
	# Other ports are not limited.
	join_v2 h3 239.1.1.5
	join_v2 h4 239.1.1.6
	check_ports br0 239.1.1.5 "p-h3" "group of h3"
	check_ports br0 239.1.1.6 "p-h4" "group of h4"
	check_eq "$(pstat p-h3 table_full)" 0 "table_full of p-h3"
	# Lowered to what its static membership needs: the learnt one goes.
	mcs sw group add br0 239.1.1.7 port p-h3
	mcs sw port set p-h3 max-groups 1
	check_eq "$(port_get p-h3 group_count)" 1 "group_count of p-h3 at 1"
	check_eq "$(group_ports br0 239.1.1.5)" "" "learnt group of p-h3 at 1"
	check_eq "$(group_ports br0 239.1.1.7)" "p-h3" "static group of p-h3"
	check_eq "$(group_ports br0 239.1.1.6)" "p-h4" "group of h4 at 1"
}

max_groups_actions()
{
	star 4 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	# No querier: h2's stack reports a group when it joins, and repeats
	# that within 0.1 s, then says nothing more.
	agent sysctl h2 net.ipv4.conf.eth0.igmpv2_unsolicited_report_interval=100
	check_eq "$(port_get p-h2 limit_action)" flood "limit_action by default"
	mcs sw port set p-h2 max-groups 1 limit-action deny
	check_err $? "port set p-h2 max-groups 1 limit-action deny"
	check_eq "$(port_get p-h2 limit_action)" deny "limit_action of p-h2"
	check_match "$(mcs sw port show p-h2)" "max-groups 1 limit-action deny " \
		"port show text"
	join_v2 h2 239.1.1.1
	check_ports br0 239.1.1.1 "p-h2" "first group of h2"
	join_v2 h2 239.1.1.2
	wait_secs 30 pstat_ge p-h2 table_full 1
	check_err $? "table_full of p-h2 did not count the denied group"
	deliver_check h1 239.1.1.2 "" "h2 h3 h4" "the denied group"
	deliver_check h1 239.1.1.1 "h2" "h3 h4" "h2's first group"

	nap 1	# the denied group's last repeat
	mcs sw port set p-h2 limit-action replace
	check_err $? "port set p-h2 limit-action replace"
	join_v2 h2 239.1.1.3
	check_ports br0 239.1.1.3 "p-h2" "the group that replaced the first"
	check_ports br0 239.1.1.1 "" "the first group, replaced"
	check_eq "$(mcsj sw -s port show p-h2 |
		jq -r '[.[0].removals[] | "\(.group):\(.reason)"] | join(" ")')" \
		"239.1.1.1:limit" "removals of p-h2"
	check_eq "$(port_get p-h2 group_count)" 1 "group_count of p-h2"
	deliver_check h1 239.1.1.3 "h2" "h3 h4" "the replacing group"
	deliver_check h1 239.1.1.1 "" "h2 h3 h4" "the replaced group"
}

not_member()
{
	[[ " $(group_ports br0 "$1") " != *" $2 "* ]]
}

port_down_and_removal()
{
	star 4 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	join_v2 h2 "$G"
	join_v2 h3 "$G"
	frames h4 eth0 "query4,src=10.0.0.4"
	check_ports br0 "$G" "p-h2 p-h3" "joins of h2 and h3"
	check_port p-h4 router_ipv4 query "router port h4"
	# Down: p-h3's membership and p-h4's router state go.
	ipn sw link set p-h3 down
	check_ports br0 "$G" "p-h2" "after p-h3 went down" "" 20
	ipn sw link set p-h4 down
	check_port p-h4 router_ipv4 none "router state after p-h4 went down" 20
	# Back up: they start clean.
	ipn sw link set p-h3 up
	ipn sw link set p-h4 up
	wait_secs 30 port_state_is sw p-h3 forwarding
	wait_secs 30 port_state_is sw p-h4 forwarding
	check_eq "$(port_get p-h4 router_ipv4)" none "router state after p-h4 came back"
	# (h3's stack may report again when its link comes back: not judged.)
	deliver_check h1 "$G" "h2" "h4" "after the ports came back"
	# Leaving the bridge.
	ipn sw link set p-h2 nomaster
	wait_secs 30 not_member "$G" p-h2
	check_err $? "p-h2 still a member after it left the bridge"
	ipn sw link set p-h2 master br0
	not_member "$G" p-h2
	check_err $? "p-h2 a member when back in the bridge"
	check_eq "$(port_get p-h2 group_count)" 0 "group_count of p-h2 back in the bridge"
}

removal_during_traffic()
{
	star 4 v4 snoop || { check_err 1 "setup"; return; }
	join_v2 h2 "$G"
	join_v2 h3 "$G"
	check_ports br0 "$G" "p-h2 p-h3" "joins of h2 and h3"
	bg_mcast h1 blast eth0 "$G" 8
	bg_mcast h4 blast eth0 239.1.1.9 8
	bg h4 "$PYTHON" -S "$FRAMES_PY" eth0 count=200 gap=0.02 \
		"query4,src=10.0.0.4" "report2,group=$G2"
	wait_secs 30 rx_ge sw p-h1 200
	ipn sw link del p-h3
	check_ports br0 "$G" "p-h2" "after p-h3 was deleted" "" 20
	ipn sw link set p-h2 nomaster
	mcs sw group flush br0
	sleep 0.5
	ipn sw link del br0
	check_err $? "delete br0 during traffic"
	sleep 1
	mcs_enabled sw br0
	check_fail $? "br0 still listed after its deletion"
	# The module still works: a new bridge snoops.
	br_create sw br1 0 && ipn sw link set p-h4 master br1 &&
		ipn sw link set p-h1 master br1
	mcs sw bridge enable br1 >/dev/null
	check_err $? "enable a new bridge"
	bg_stop_all
}

# vlan_limit DEV VID KEY: KEY of VID's object in DEV's vlan_limits.
vlan_limit()
{
	mcsj sw port show "$1" |
		jq -r ".[0].vlan_limits[] | select(.vid == $2) | .$3"
}

vlan_limit_ge()
{
	[ "$(vlan_limit "$1" "$2" "$3")" -ge "$4" ] 2>/dev/null
}

vlan_max_groups()
{
	local out tf

	star 0 vlan && trunk_host h1 1 igmpv2 && trunk_host h2 2 igmpv2 &&
		host_add sw br0 h3 10.10.0.3/24 noipv6 &&
		bridge -n "$NS_PREFIX-sw" -b - <<-EOF &&
			vlan del dev p-h3 vid 1
			vlan add dev p-h3 vid 10 pvid untagged
		EOF
		mcs sw bridge enable br0 >/dev/null && snoop_timers &&
		mcs sw bridge set br0 flood-unknown off ||
		{ check_err 1 "setup"; return; }
	check_eq "$(mcsj sw port show p-h2 | jq -c '.[0].vlan_limits')" "[]" \
		"vlan_limits before any is set"
	# Set where h2 is in a group already: that one counts.
	bg_mcast h2 join eth0.10 239.1.1.1
	check_ports br0 239.1.1.1 "p-h2" "h2's first group in VLAN 10" 10
	mcs sw port set p-h2 vid 10 max-groups 1
	check_err $? "port set p-h2 vid 10 max-groups 1"
	mcs sw port set p-h2 limit-action deny
	check_eq "$(mcsj sw port show p-h2 | jq -c '.[0].vlan_limits')" \
		'[{"vid":10,"max_groups":1,"group_count":1,"table_full":0}]' \
		"vlan_limits of p-h2, counted when set"
	check_eq "$(port_get p-h2 max_groups)" 16384 "the port's own max_groups"

	# deny: the second group of VLAN 10 is refused.
	bg_mcast h2 join eth0.10 239.1.1.2
	wait_secs 30 vlan_limit_ge p-h2 10 table_full 1
	check_err $? "the VLAN 10 limit did not count the denied group"
	check_ge "$(pstat p-h2 table_full)" 1 "table_full of p-h2"
	check_eq "$(group_ports br0 239.1.1.2 10)" "" "the denied group in VLAN 10"
	deliver h1 239.1.1.2 "$NDATA" eth0.10
	check_deliv "" "h2 h3" "the denied group in VLAN 10"
	deliver h1 239.1.1.1 "$NDATA" eth0.10
	check_deliv "h2" "h3" "h2's first group in VLAN 10"

	# VLAN 20 of the same port has no limit.
	bg_mcast h2 join eth0.20 239.1.1.2
	bg_mcast h2 join eth0.20 239.1.1.3
	check_ports br0 239.1.1.2 "p-h2" "h2's first group in VLAN 20" 20
	check_ports br0 239.1.1.3 "p-h2" "h2's second group in VLAN 20" 20
	check_eq "$(port_get p-h2 group_count)" 3 "group_count of p-h2"
	deliver h1 239.1.1.3 "$NDATA" eth0.20
	check_deliv "h2" "h3" "h2's second group in VLAN 20"

	# flood: the next group of VLAN 10 floods, h2 gets it.
	nap 1	# the denied group's last repeat
	tf=$(vlan_limit p-h2 10 table_full)
	mcs sw port set p-h2 limit-action flood
	bg_mcast h2 join eth0.10 239.1.1.4
	wait_secs 30 vlan_limit_ge p-h2 10 table_full $((tf + 1))
	check_err $? "the VLAN 10 limit did not count the flooded group"
	check_eq "$(group_ports br0 239.1.1.4 10)" "" "the flooded group in VLAN 10"
	deliver h1 239.1.1.4 "$NDATA" eth0.10
	check_deliv "h2 h3" "" "the flooded group in VLAN 10"
	check_match "$(mcs sw port show p-h2)" \
		"vid 10 max-groups 1 groups 1 table-full [0-9]+" "port show text"

	# replace: the next group of VLAN 10 takes the place of the one there.
	nap 1	# the flooded group's last repeat
	mcs sw port set p-h2 limit-action replace
	bg_mcast h2 join eth0.10 239.1.1.5
	check_ports br0 239.1.1.5 "p-h2" "the replacing group in VLAN 10" 10
	check_ports br0 239.1.1.1 "" "the replaced group in VLAN 10" 10
	check_eq "$(vlan_limit p-h2 10 group_count)" 1 "group_count of VLAN 10 after replace"
	deliver h1 239.1.1.5 "$NDATA" eth0.10
	check_deliv "h2" "h3" "the replacing group in VLAN 10"
	deliver h1 239.1.1.1 "$NDATA" eth0.10
	check_deliv "" "h2 h3" "the replaced group in VLAN 10"
	# A static entry over it is refused, naming the port and VLAN.
	out=$(mcs sw group add br0 239.1.1.6 port p-h2 vid 10 2>&1)
	check_fail $? "a static group over p-h2's limit on VLAN 10"
	check_match "$out" "max-groups of port p-h2 on VLAN 10 reached" \
		"the error of the static group: $out"

	# Lowered below the count: learnt groups of that VLAN go until it fits.
	mcs sw port set p-h2 vid 20 max-groups 1
	check_err $? "port set p-h2 vid 20 max-groups 1"
	check_eq "$(vlan_limit p-h2 20 group_count)" 1 "group_count of VLAN 20 at 1"
	check_eq "$(port_get p-h2 group_count)" 2 "group_count of p-h2 after the eviction"
	check_ports br0 239.1.1.5 "p-h2" "the group of VLAN 10 after VLAN 20's eviction" 10
	# 0: no limit of its own any more.
	mcs sw port set p-h2 vid 10 max-groups 0
	check_err $? "port set p-h2 vid 10 max-groups 0"
	check_eq "$(mcsj sw port show p-h2 | jq -c '[.[0].vlan_limits[].vid]')" "[20]" \
		"vlan_limits after vid 10 max-groups 0"
	out=$(mcs sw port set p-h2 vid 10 max-groups 1048577 2>&1)
	check_fail $? "vid 10 max-groups 1048577 accepted"
	check_match "$out" "^Error: max_groups: out of range" "the error of max-groups 1048577"
}

mcs_require
mcs_run_tests "$@"
