#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Snooping, IGMP: hosts h1..h4 (10.0.0.1-4) behind br0 join groups with
# their own IGMPv1/v2/v3 stacks (crafted reports only where records with
# chosen sources are needed); data sent by h1 (or h4) reaches the member
# ports only, leaves prune after the last-member time, memberships time out.
# Forwarding is judged by what the bridge sent to each host (port TX). The
# bodies shared with MLD are in snoop_family.sh.

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
# shellcheck source=snoop_family.sh
source "$(dirname "$0")/snoop_family.sh"
snoop_family v4

igmpv2_join_leave() { snoop_old_join_leave; }
igmpv3_join_leave() { snoop_new_join_leave; }
igmpv3_include_allow_block() { snoop_include_allow_block; }
igmpv3_exclude_sources() { snoop_exclude_sources; }
igmp_ssm() { snoop_ssm; }
igmp_membership_timeout() { snoop_membership_timeout; }

# IGMPv1 has no leave: the membership stays until it times out.
igmpv1_join()
{
	star 4 v4 snoop || { check_err 1 "setup"; return; }
	igmp_version h2 1
	bg_mcast h2 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "IGMPv1 join of h2"
	check_ge "$(pstat p-h2 igmp_v1_report)" 1 "igmp_v1_report of p-h2"
	deliver_check h1 "$G" "h2" "h3 h4" "one v1 member"
	bg_stop_all
	sleep 1
	check_eq "$(group_ports br0 "$G")" "p-h2" "v1 member after the host left"
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
