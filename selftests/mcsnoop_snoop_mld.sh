#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Snooping, MLD: hosts h1..h4 (IPv6 only, fe80::1-4, no DAD) behind br0
# join groups with their own MLDv1/v2 stacks (crafted reports only where
# records with chosen sources are needed); data sent by h1 (or h4) reaches
# the member ports only, dones prune after the last-member time,
# memberships time out.

ALL_TESTS=(
	mldv1_join_done
	mldv2_join_leave
	mldv2_include_allow_block
	mldv2_exclude_sources
	mld_ssm
	mld_membership_timeout
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=ff0e::1:2:3

mldv1_join_done()
{
	local pid

	star 4 v6 snoop || { check_err 1 "setup"; return; }
	mld_version h2 1 && mld_version h3 1
	bg_mcast h2 join eth0 "$G"
	bg_mcast h3 join eth0 "$G"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$G" "p-h2 p-h3" "MLDv1 joins of h2 and h3"
	check_eq "$(member_get br0 "$G" p-h2 .mode)" exclude "mode of an MLDv1 member"
	deliver_check h1 "$G" "h2 h3" "h4" "two MLDv1 members"
	check_ge "$(pstat p-h2 mld_v1_report)" 1 "mld_v1_report of p-h2"
	kill "$pid"
	check_ports br0 "$G" "p-h2" "MLDv1 done of h3" "" 20
	check_ge "$(pstat p-h3 mld_v1_done)" 1 "mld_v1_done of p-h3"
	deliver_check h1 "$G" "h2" "h3 h4" "one MLDv1 member left"
}

mldv2_join_leave()
{
	local pid

	star 4 v6 snoop || { check_err 1 "setup"; return; }
	mld_version h2 2 && mld_version h3 2
	bg_mcast h2 join eth0 "$G"
	bg_mcast h3 join eth0 "$G"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$G" "p-h2 p-h3" "MLDv2 joins of h2 and h3"
	check_ge "$(pstat p-h3 mld_v2_report)" 1 "mld_v2_report of p-h3"
	deliver_check h1 "$G" "h2 h3" "h4" "two MLDv2 members"
	kill "$pid"
	check_ports br0 "$G" "p-h2" "MLDv2 leave of h3" "" 20
	deliver_check h1 "$G" "h2" "h3 h4" "one MLDv2 member left"
}

active_sources()
{
	member_get br0 "${2:-$G}" "$1" \
		'[.sources[]? | select(.blocked | not) | .source] | sort | join(" ")'
}

sources_are()
{
	[ "$(active_sources "$1" "${3:-}")" = "$2" ]
}

mldv2_include_allow_block()
{
	local pid

	star 4 v6 snoop || { check_err 1 "setup"; return; }
	mld_version h2 2 && mld_version h3 2
	bg_mcast h2 sjoin eth0 "$G" fe80::1
	bg_mcast h3 sjoin eth0 "$G" fe80::4
	check_ports br0 "$G" "p-h2 p-h3" "MLDv2 INCLUDE joins"
	check_eq "$(member_get br0 "$G" p-h2 .mode)" include "mode of h2"
	check_eq "$(active_sources p-h2)" fe80::1 "sources of h2"
	deliver_check h1 "$G" "h2" "h3 h4" "INCLUDE({h1}) and INCLUDE({h4})"
	deliver_check h4 "$G" "h3" "h1 h2" "INCLUDE({h1}) and INCLUDE({h4})"
	bg_mcast h2 sjoin eth0 "$G" fe80::4
	pid=${BG_PIDS[-1]}
	wait_secs 30 sources_are p-h2 "fe80::1 fe80::4"
	check_err $? "ALLOW: sources of h2 are '$(active_sources p-h2)'"
	deliver_check h4 "$G" "h2 h3" "h1" "after ALLOW(h4) from h2"
	kill "$pid"
	wait_secs 30 sources_are p-h2 fe80::1
	check_err $? "BLOCK: sources of h2 are '$(active_sources p-h2)'"
	deliver_check h4 "$G" "h3" "h1 h2" "after BLOCK(h4) from h2"
}

mldv2_exclude_sources()
{
	local G2=ff0e::1:2:4

	star 4 v6 snoop || { check_err 1 "setup"; return; }
	frames h2 eth0 count=2 gap=0.1 "report6v2,rec=4:$G@fe80::4"
	check_ports br0 "$G" "p-h2" "TO_EX({h4}) from h2"
	check_eq "$(member_get br0 "$G" p-h2 .mode)" exclude "mode after TO_EX"
	check_eq "$(member_get br0 "$G" p-h2 \
		'[.sources[] | select(.blocked) | .source] | join(" ")')" \
		fe80::4 "blocked sources after TO_EX({h4})"
	deliver_check h1 "$G" "h2" "h3 h4" "EXCLUDE({h4})"
	deliver_check h4 "$G" "" "h1 h2 h3" "EXCLUDE({h4})"
	frames h2 eth0 "report6v2,rec=5:$G@fe80::4"
	wait_secs 30 sources_are p-h2 fe80::4
	deliver_check h4 "$G" "h2" "h1 h3" "EXCLUDE after ALLOW(h4)"
	# IS_IN with sources, then BLOCK of all of them; MLDv2 reports may
	# come from :: too.
	frames h3 eth0 "report6v2,src=::,rec=1:$G2@fe80::1/fe80::2"
	check_ports br0 "$G2" "p-h3" "IS_IN({h1,h2}) from h3 (source ::)"
	deliver_check h1 "$G2" "h3" "h2 h4" "INCLUDE({h1,h2})"
	frames h3 eth0 "report6v2,rec=6:$G2@fe80::1/fe80::2"
	check_ports br0 "$G2" "" "BLOCK of every source" "" 20
}

mld_ssm()
{
	local S=ff3e::8000:1

	star 4 v6 snoop || { check_err 1 "setup"; return; }
	mld_version h2 1 && mld_version h3 2
	bg_mcast h2 join eth0 "$S"
	bg_mcast h3 sjoin eth0 "$S" fe80::1
	check_ports br0 "$S" "p-h3" "SSM: only the (S,G) join of h3"
	wait_secs 30 pstat_ge p-h2 mld_v1_report 1
	check_err $? "the MLDv1 report of h2 was not counted"
	sleep 0.5
	check_eq "$(group_ports br0 "$S")" "p-h3" "SSM: MLDv1 report learnt"
	deliver_check h1 "$S" "h3" "h2 h4" "SSM (h1,$S)"
	deliver_check h4 "$S" "" "h1 h2 h3" "SSM (h4,$S)"
	frames h4 eth0 count=2 gap=0.1 "report6v2,rec=4:ff3e::8000:2"
	wait_secs 30 pstat_ge p-h4 mld_v2_report 2
	sleep 0.5
	check_eq "$(group_ports br0 ff3e::8000:2)" "" "SSM: TO_EX({}) learnt"
}

mld_membership_timeout()
{
	star 3 v6 snoop || { check_err 1 "setup"; return; }
	# 30 s: a loaded guest may take 10 s to see the membership.
	mcs sw bridge set br0 membership-timeout 30 flood-unknown off
	mld_version h2 2
	bg_mcast h2 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "MLDv2 join of h2"
	check_ports br0 "$G" "" "membership after the timeout" "" 120
	deliver_check h1 "$G" "" "h2 h3" "after the timeout, flood-unknown off"
}

mcs_require
mcs_run_tests "$@"
