# SPDX-License-Identifier: GPL-2.0
#
# The snooping tests that IGMP and MLD share, one body for both families:
# sourced by mcsnoop_snoop_igmp.sh (snoop_family v4) and
# mcsnoop_snoop_mld.sh (snoop_family v6) after lib.sh. Hosts h1..h4 of a
# star join with their own stacks (crafted reports only where records with
# chosen sources are needed); data from h1 (or h4) must reach the member
# ports only. "old" and "new" are the two versions a family's hosts speak
# here: IGMPv2 and v3, MLDv1 and v2.

# snoop_family v4|v6: the family's words (fam_words) and groups.
snoop_family()
{
	fam_words "$1"
	if [ "$FAM" = v4 ]; then
		G=239.1.2.3 G2=239.1.2.4 S=232.1.1.1 S2=232.1.1.2
	else
		G=ff0e::1:2:3 G2=ff0e::1:2:4 S=ff3e::8000:1 S2=ff3e::8000:2
	fi
}

# active_sources PORT [GROUP]: the sources PORT's member forwards (not
# blocked).
active_sources()
{
	member_get br0 "${2:-$G}" "$1" \
		'[.sources[]? | select(.blocked | not) | .source] | sort | join(" ")'
}

sources_are()
{
	[ "$(active_sources "$1")" = "$2" ]
}

# Old version: two receivers on different ports and a non-member; a leave
# of one prunes only that one, after last-member-count x interval.
snoop_old_join_leave()
{
	local pid

	star 4 "$FAM" snoop || { check_err 1 "setup"; return; }
	fam_version h2 "$OLD" && fam_version h3 "$OLD"
	bg_mcast h2 join eth0 "$G"
	bg_mcast h3 join eth0 "$G"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$G" "p-h2 p-h3" "$OLD_NAME joins of h2 and h3"
	check_eq "$(member_get br0 "$G" p-h2 .mode)" exclude "mode of an $OLD_NAME member"
	deliver_check h1 "$G" "h2 h3" "h4" "two $OLD_NAME members"
	check_ge "$(bstat br0 "$OLD_REPORT")" 2 "$OLD_REPORT"
	check_ge "$(pstat p-h3 "$OLD_REPORT")" 1 "$OLD_REPORT of p-h3"
	check_eq "$(pstat p-h4 "$OLD_REPORT")" 0 "$OLD_REPORT of p-h4"
	kill "$pid"
	check_ports br0 "$G" "p-h2" "$OLD_NAME leave of h3" "" 20
	check_ge "$(pstat p-h3 "$OLD_LEAVE")" 1 "$OLD_LEAVE of p-h3"
	deliver_check h1 "$G" "h2" "h3 h4" "one $OLD_NAME member left"
	check_ge "$(pstat p-h3 data_pruned)" 1 "data_pruned of p-h3"
	check_ge "$(pstat p-h2 data_forwarded)" "$NDATA" "data_forwarded of p-h2"
}

# New version: (*,G) joins are EXCLUDE({}); the leave is TO_IN({}).
snoop_new_join_leave()
{
	local pid

	star 4 "$FAM" snoop || { check_err 1 "setup"; return; }
	fam_version h2 "$NEW" && fam_version h3 "$NEW"
	bg_mcast h2 join eth0 "$G"
	bg_mcast h3 join eth0 "$G"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$G" "p-h2 p-h3" "$NEW_NAME joins of h2 and h3"
	check_eq "$(member_get br0 "$G" p-h3 .mode)" exclude "mode of a $NEW_NAME (*,G) member"
	check_ge "$(pstat p-h2 "$NEW_REPORT")" 1 "$NEW_REPORT of p-h2"
	deliver_check h1 "$G" "h2 h3" "h4" "two $NEW_NAME members"
	kill "$pid"
	check_ports br0 "$G" "p-h2" "$NEW_NAME leave of h3" "" 20
	deliver_check h1 "$G" "h2" "h3 h4" "one $NEW_NAME member left"
}

# Host stacks in INCLUDE mode: h2 wants h1's traffic, h3 wants h4's; a
# second socket of h2 allows h4 (ALLOW), closing it blocks h4 again
# (BLOCK, pruned after the last-member time).
snoop_include_allow_block()
{
	local pid h1 h4

	h1=$(host_ip 1) h4=$(host_ip 4)
	star 4 "$FAM" snoop || { check_err 1 "setup"; return; }
	fam_version h2 "$NEW" && fam_version h3 "$NEW"
	bg_mcast h2 sjoin eth0 "$G" "$h1"
	bg_mcast h3 sjoin eth0 "$G" "$h4"
	check_ports br0 "$G" "p-h2 p-h3" "$NEW_NAME INCLUDE joins"
	check_eq "$(member_get br0 "$G" p-h2 .mode)" include "mode of h2"
	check_eq "$(active_sources p-h2)" "$h1" "sources of h2"
	deliver_check h1 "$G" "h2" "h3 h4" "INCLUDE({h1}) and INCLUDE({h4})"
	deliver_check h4 "$G" "h3" "h1 h2" "INCLUDE({h1}) and INCLUDE({h4})"
	bg_mcast h2 sjoin eth0 "$G" "$h4"
	pid=${BG_PIDS[-1]}
	wait_secs 30 sources_are p-h2 "$h1 $h4"
	check_err $? "ALLOW: sources of h2 are '$(active_sources p-h2)'"
	deliver_check h4 "$G" "h2 h3" "h1" "after ALLOW(h4) from h2"
	kill "$pid"
	wait_secs 30 sources_are p-h2 "$h1"
	check_err $? "BLOCK: sources of h2 are '$(active_sources p-h2)'"
	deliver_check h4 "$G" "h3" "h1 h2" "after BLOCK(h4) from h2"
	deliver_check h1 "$G" "h2" "h3 h4" "after BLOCK(h4) from h2"
}

# EXCLUDE with sources (crafted records from h2; its own stack stays
# out); then IS_IN with sources from the unspecified address (RFC 3376
# 4.2.13, RFC 3810 5.2.13), and BLOCK of all of them.
snoop_exclude_sources()
{
	local h1 h2 h4

	h1=$(host_ip 1) h2=$(host_ip 2) h4=$(host_ip 4)
	star 4 "$FAM" snoop || { check_err 1 "setup"; return; }
	# TO_EX({h4}): everything but h4.
	frames h2 eth0 count=2 gap=0.1 "$NEW_REPORT_FRAME,$(fam_rec 4 "$G" "$h4")"
	check_ports br0 "$G" "p-h2" "TO_EX({h4}) from h2"
	check_eq "$(member_get br0 "$G" p-h2 .mode)" exclude "mode after TO_EX"
	check_eq "$(member_get br0 "$G" p-h2 \
		'[.sources[] | select(.blocked) | .source] | join(" ")')" \
		"$h4" "blocked sources after TO_EX({h4})"
	deliver_check h1 "$G" "h2" "h3 h4" "EXCLUDE({h4})"
	deliver_check h4 "$G" "" "h1 h2 h3" "EXCLUDE({h4})"
	# ALLOW(h4) in EXCLUDE mode lets h4 through again.
	frames h2 eth0 "$NEW_REPORT_FRAME,$(fam_rec 5 "$G" "$h4")"
	wait_secs 30 sources_are p-h2 "$h4"
	deliver_check h4 "$G" "h2" "h1 h3" "EXCLUDE after ALLOW(h4)"
	frames h3 eth0 "$NEW_REPORT_FRAME,src=$ANY,$(fam_rec 1 "$G2" "$h1" "$h2")"
	check_ports br0 "$G2" "p-h3" "IS_IN({h1,h2}) from h3 (source $ANY)"
	check_eq "$(member_get br0 "$G2" p-h3 '[.sources[].source] | sort | join(" ")')" \
		"$h1 $h2" "sources after IS_IN({h1,h2})"
	deliver_check h1 "$G2" "h3" "h2 h4" "INCLUDE({h1,h2})"
	frames h3 eth0 "$NEW_REPORT_FRAME,$(fam_rec 6 "$G2" "$h1" "$h2")"
	check_ports br0 "$G2" "" "BLOCK of every source" "" 20
}

# SSM (232/8, ff3x::/32): old-version reports and leaves and
# EXCLUDE records are ignored (RFC 4604 2.2, RFC 9776 6.4); (S,G) joins
# work. An old leave does not end an (S,G) membership, even on a
# fast-leave port.
snoop_ssm()
{
	star 4 "$FAM" snoop || { check_err 1 "setup"; return; }
	fam_version h2 "$OLD" && fam_version h3 "$NEW"
	bg_mcast h2 join eth0 "$S"
	bg_mcast h3 sjoin eth0 "$S" "$(host_ip 1)"
	check_ports br0 "$S" "p-h3" "SSM: only the (S,G) join of h3"
	wait_secs 30 pstat_ge p-h2 "$OLD_REPORT" 1
	check_err $? "the $OLD_NAME report of h2 was not counted"
	sleep 0.5
	check_eq "$(group_ports br0 "$S")" "p-h3" "SSM: $OLD_NAME report learnt"
	deliver_check h1 "$S" "h3" "h2 h4" "SSM (h1,$S)"
	deliver_check h4 "$S" "" "h1 h2 h3" "SSM (h4,$S)"
	mcs sw port set p-h3 fast-leave on
	frames h3 eth0 "$OLD_LEAVE_FRAME,group=$S"
	wait_secs 30 pstat_ge p-h3 "$OLD_LEAVE" 1
	check_err $? "the $OLD_NAME leave from p-h3 was not counted"
	sleep 0.5
	check_eq "$(group_ports br0 "$S")" "p-h3" "SSM: $OLD_NAME leave taken"
	frames h4 eth0 count=2 gap=0.1 "$NEW_REPORT_FRAME,$(fam_rec 4 "$S2")"
	wait_secs 30 pstat_ge p-h4 "$NEW_REPORT" 2
	sleep 0.5
	check_eq "$(group_ports br0 "$S2")" "" "SSM: TO_EX({}) learnt"
}

# With short timers and no querier, a membership ends after the Group
# Membership Interval; the group then is unregistered (flood-unknown off:
# nobody gets it).
snoop_membership_timeout()
{
	local t

	star 3 "$FAM" snoop || { check_err 1 "setup"; return; }
	# 30 s: a loaded guest may take 10 s from the join to the timer.
	mcs sw bridge set br0 membership-timeout 30 flood-unknown off
	fam_version h2 "$NEW"
	bg_mcast h2 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "$NEW_NAME join of h2"
	t=$(member_get br0 "$G" p-h2 .timer)
	[[ $t =~ ^[0-9.]+$ ]] && awk -v t="$t" 'BEGIN { exit !(t > 0 && t <= 30) }'
	check_err $? "membership timer '$t' not in (0, 30]"
	# The host stays joined but never reports again (no queries).
	check_ports br0 "$G" "" "membership after the timeout" "" 120
	deliver_check h1 "$G" "" "h2 h3" "after the timeout, flood-unknown off"
	# Robustness x query interval + 2 x response interval when auto
	# (RFC 9776 8.4, RFC 3810 9.4): 2 x 1 + 2 x 0.5.
	mcs sw bridge set br0 membership-timeout auto robustness 2
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].membership_timeout')" 3 \
		"membership_timeout auto"
}
