#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Snooping, IGMP: hosts h1..h4 (10.0.0.1-4) behind br0 join groups with
# their own IGMPv1/v2/v3 stacks (crafted reports only where records with
# chosen sources are needed); data sent by h1 (or h4) reaches the member
# ports only, leaves prune after the last-member time, memberships time out.
# Forwarding is judged by what the bridge sent to each host (port TX).

ALL_TESTS=(
	igmpv2_join_leave
	igmpv1_join
	igmpv3_join_leave
	igmpv3_include_allow_block
	igmpv3_exclude_sources
	igmp_ssm
	igmp_membership_timeout
	igmp_host_membership
	igmp_host_joins_in_a_row
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.2.3

# Two receivers on different ports and a non-member; a leave of one prunes
# only that one.
igmpv2_join_leave()
{
	local pid

	star 4 v4 snoop || { check_err 1 "setup"; return; }
	igmp_version h2 2 && igmp_version h3 2
	bg_mcast h2 join eth0 "$G"
	bg_mcast h3 join eth0 "$G"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$G" "p-h2 p-h3" "IGMPv2 joins of h2 and h3"
	check_eq "$(member_get br0 "$G" p-h2 .mode)" exclude "mode of a v2 member"
	deliver_check h1 "$G" "h2 h3" "h4" "two v2 members"
	check_ge "$(bstat br0 igmp_v2_report)" 2 "igmp_v2_report"
	check_ge "$(pstat p-h3 igmp_v2_report)" 1 "igmp_v2_report of p-h3"
	check_eq "$(pstat p-h4 igmp_v2_report)" 0 "igmp_v2_report of p-h4"
	# h3 leaves: pruned after last-member-count x interval (0.1 s).
	kill "$pid"
	check_ports br0 "$G" "p-h2" "IGMPv2 leave of h3" "" 20
	check_ge "$(pstat p-h3 igmp_v2_leave)" 1 "igmp_v2_leave of p-h3"
	deliver_check h1 "$G" "h2" "h3 h4" "one v2 member left"
	check_ge "$(pstat p-h3 data_pruned)" 1 "data_pruned of p-h3"
	check_ge "$(pstat p-h2 data_forwarded)" "$NDATA" "data_forwarded of p-h2"
}

igmpv1_join()
{
	star 4 v4 snoop || { check_err 1 "setup"; return; }
	igmp_version h2 1
	bg_mcast h2 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "IGMPv1 join of h2"
	check_ge "$(pstat p-h2 igmp_v1_report)" 1 "igmp_v1_report of p-h2"
	deliver_check h1 "$G" "h2" "h3 h4" "one v1 member"
	# v1 has no leave: the membership stays until it times out.
	bg_stop_all
	sleep 1
	check_eq "$(group_ports br0 "$G")" "p-h2" "v1 member after the host left"
}

igmpv3_join_leave()
{
	local pid

	star 4 v4 snoop || { check_err 1 "setup"; return; }
	igmp_version h2 3 && igmp_version h3 3
	bg_mcast h2 join eth0 "$G"
	bg_mcast h3 join eth0 "$G"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$G" "p-h2 p-h3" "IGMPv3 joins of h2 and h3"
	check_eq "$(member_get br0 "$G" p-h3 .mode)" exclude "mode of a v3 (*,G) member"
	check_ge "$(pstat p-h2 igmp_v3_report)" 1 "igmp_v3_report of p-h2"
	deliver_check h1 "$G" "h2 h3" "h4" "two v3 members"
	# TO_IN({}) from h3.
	kill "$pid"
	check_ports br0 "$G" "p-h2" "IGMPv3 leave of h3" "" 20
	deliver_check h1 "$G" "h2" "h3 h4" "one v3 member left"
}

# active_sources PORT: the sources PORT's member forwards (not blocked).
active_sources()
{
	member_get br0 "$G" "$1" \
		'[.sources[]? | select(.blocked | not) | .source] | sort | join(" ")'
}

sources_are()
{
	[ "$(active_sources "$1")" = "$2" ]
}

# Host stacks in INCLUDE mode: h2 wants h1's traffic, h3 wants h4's; a
# second socket of h2 allows h4 (ALLOW), closing it blocks h4 again (BLOCK).
igmpv3_include_allow_block()
{
	local pid

	star 4 v4 snoop || { check_err 1 "setup"; return; }
	igmp_version h2 3 && igmp_version h3 3
	bg_mcast h2 sjoin eth0 "$G" 10.0.0.1
	bg_mcast h3 sjoin eth0 "$G" 10.0.0.4
	check_ports br0 "$G" "p-h2 p-h3" "IGMPv3 INCLUDE joins"
	check_eq "$(member_get br0 "$G" p-h2 .mode)" include "mode of h2"
	check_eq "$(active_sources p-h2)" 10.0.0.1 "sources of h2"
	deliver_check h1 "$G" "h2" "h3 h4" "INCLUDE({h1}) and INCLUDE({h4})"
	deliver_check h4 "$G" "h3" "h1 h2" "INCLUDE({h1}) and INCLUDE({h4})"
	# ALLOW(h4) from h2.
	bg_mcast h2 sjoin eth0 "$G" 10.0.0.4
	pid=${BG_PIDS[-1]}
	wait_secs 30 sources_are p-h2 "10.0.0.1 10.0.0.4"
	check_err $? "ALLOW: sources of h2 are '$(active_sources p-h2)'"
	deliver_check h4 "$G" "h2 h3" "h1" "after ALLOW(h4) from h2"
	# BLOCK(h4) from h2: pruned after the last-member time.
	kill "$pid"
	wait_secs 30 sources_are p-h2 10.0.0.1
	check_err $? "BLOCK: sources of h2 are '$(active_sources p-h2)'"
	deliver_check h4 "$G" "h3" "h1 h2" "after BLOCK(h4) from h2"
	deliver_check h1 "$G" "h2" "h3 h4" "after BLOCK(h4) from h2"
}

# EXCLUDE with sources (crafted records from h2; its own stack stays out).
igmpv3_exclude_sources()
{
	star 4 v4 snoop || { check_err 1 "setup"; return; }
	# TO_EX({h4}): everything but h4.
	frames h2 eth0 count=2 gap=0.1 "report3,rec=4:$G:10.0.0.4"
	check_ports br0 "$G" "p-h2" "TO_EX({h4}) from h2"
	check_eq "$(member_get br0 "$G" p-h2 .mode)" exclude "mode after TO_EX"
	check_eq "$(member_get br0 "$G" p-h2 \
		'[.sources[] | select(.blocked) | .source] | join(" ")')" \
		10.0.0.4 "blocked sources after TO_EX({h4})"
	deliver_check h1 "$G" "h2" "h3 h4" "EXCLUDE({h4})"
	deliver_check h4 "$G" "" "h1 h2 h3" "EXCLUDE({h4})"
	# ALLOW(h4) in EXCLUDE mode lets h4 through again.
	frames h2 eth0 "report3,rec=5:$G:10.0.0.4"
	wait_secs 30 sources_are p-h2 10.0.0.4
	deliver_check h4 "$G" "h2" "h1 h3" "EXCLUDE after ALLOW(h4)"
	# IS_IN({h1}) of another group with a source list, then TO_IN({})
	# leaves it.
	frames h3 eth0 "report3,rec=1:239.1.2.4:10.0.0.1/10.0.0.2"
	check_ports br0 239.1.2.4 "p-h3" "IS_IN({h1,h2}) from h3"
	check_eq "$(member_get br0 239.1.2.4 p-h3 '[.sources[].source] | sort | join(" ")')" \
		"10.0.0.1 10.0.0.2" "sources after IS_IN({h1,h2})"
	deliver_check h1 239.1.2.4 "h3" "h2 h4" "INCLUDE({h1,h2})"
	frames h3 eth0 "report3,rec=6:239.1.2.4:10.0.0.1/10.0.0.2"
	check_ports br0 239.1.2.4 "" "BLOCK of every source" "" 20
}

# SSM (232/8): v1/v2 reports and leaves and EXCLUDE records are ignored;
# (S,G) joins work.
igmp_ssm()
{
	local S=232.1.1.1

	star 4 v4 snoop || { check_err 1 "setup"; return; }
	igmp_version h2 2 && igmp_version h3 3
	bg_mcast h2 join eth0 "$S"
	bg_mcast h3 sjoin eth0 "$S" 10.0.0.1
	check_ports br0 "$S" "p-h3" "SSM: only the (S,G) join of h3"
	wait_secs 30 pstat_ge p-h2 igmp_v2_report 1
	check_err $? "the v2 report of h2 was not counted"
	sleep 0.5
	check_eq "$(group_ports br0 "$S")" "p-h3" "SSM: v2 report learnt"
	deliver_check h1 "$S" "h3" "h2 h4" "SSM (h1,$S)"
	deliver_check h4 "$S" "" "h1 h2 h3" "SSM (h4,$S)"
	# So is an IGMPv2 leave (RFC 9776 6.4): h3's (S,G) membership stays,
	# even on a fast-leave port.
	mcs sw port set p-h3 fast-leave on
	frames h3 eth0 "leave2,group=$S"
	wait_secs 30 pstat_ge p-h3 igmp_v2_leave 1
	check_err $? "the v2 leave from p-h3 was not counted"
	sleep 0.5
	check_eq "$(group_ports br0 "$S")" "p-h3" "SSM: v2 leave taken"
	# An EXCLUDE record for an SSM group is ignored.
	frames h4 eth0 count=2 gap=0.1 "report3,rec=4:232.1.1.2"
	wait_secs 30 pstat_ge p-h4 igmp_v3_report 2
	sleep 0.5
	check_eq "$(group_ports br0 232.1.1.2)" "" "SSM: TO_EX({}) learnt"
}

# With short timers and no querier, a membership ends after the Group
# Membership Interval; the group then is unregistered (flood-unknown off:
# nobody gets it).
igmp_membership_timeout()
{
	local t

	star 3 v4 snoop || { check_err 1 "setup"; return; }
	# 30 s: a loaded guest may take 10 s from the join to the timer.
	mcs sw bridge set br0 membership-timeout 30 flood-unknown off
	igmp_version h2 2
	bg_mcast h2 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "IGMPv2 join of h2"
	t=$(member_get br0 "$G" p-h2 .timer)
	[[ $t =~ ^[0-9.]+$ ]] && awk -v t="$t" 'BEGIN { exit !(t > 0 && t <= 30) }'
	check_err $? "membership timer '$t' not in (0, 30]"
	# The host stays joined but never reports again (no queries).
	check_ports br0 "$G" "" "membership after the timeout" "" 120
	deliver_check h1 "$G" "" "h2 h3" "after the timeout, flood-unknown off"
	# Robustness x query interval + 2 x response interval when auto
	# (RFC 9776 8.4): 2 x 1 + 2 x 0.5.
	mcs sw bridge set br0 membership-timeout auto robustness 2
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].membership_timeout')" 3 \
		"membership_timeout auto"
}

# The bridge host's own membership: member "port" br0.
igmp_host_membership()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	ipn sw addr add 10.0.0.254/24 dev br0
	ipn sw addr add "$G/32" dev br0 autojoin
	check_ports br0 "$G" "br0" "autojoin on br0"
	deliver_check h1 "$G" "" "h2 h3" "the host is the only member"
	ipn sw addr del "$G/32" dev br0
	check_ports br0 "$G" "" "the host left" "" 20
}

# The host joins six groups, half a second apart: each report is a new
# frame, often in the memory of the one just freed (joins learnt by the
# data's address alone went missing that way, one in three); every one is
# learnt, the copies of one report (one per port) only once.
igmp_host_joins_in_a_row()
{
	local i n

	star 3 v4 snoop || { check_err 1 "setup"; return; }
	ipn sw addr add 10.0.0.254/24 dev br0
	for i in 1 2 3 4 5 6; do
		ipn sw addr add "239.1.3.$i/32" dev br0 autojoin
		nap 0.5
	done
	for i in 1 2 3 4 5 6; do
		check_ports br0 "239.1.3.$i" "br0" "the host's join $i of 6" "" 5
	done
	# Learnt once, not once per port: 6 joins sent twice each (and
	# answers to a query, if one came), not three times that.
	n=$(bstat br0 igmp_v3_report)
	[ "$n" -le 24 ] 2>/dev/null
	check_err $? "igmp_v3_report '$n': the host's reports counted per port"
}

mcs_require
mcs_run_tests "$@"
