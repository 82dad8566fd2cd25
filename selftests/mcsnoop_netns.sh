#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Network namespaces: every request acts on the bridges of the caller's
# namespace only; same-name bridges in two namespaces are independent.

ALL_TESTS=(
	invisible_from_other_netns
	ifindex_from_other_netns
	same_name_independent
	tool_netns_option
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

invisible_from_other_netns()
{
	ns_create n1 && ns_create n2 && br_create n1 br0 1 ||
		{ check_err 1 "setup"; return; }
	mcs n1 bridge enable br0 >/dev/null
	check_err $? "enable br0 in n1"
	check_eq "$(mcs n1 -j bridge show | jq -c '[.[].ifname]')" '["br0"]' "show in n1"
	check_eq "$(mcs n2 -j bridge show | jq -c .)" "[]" "show in n2"
	check_eq "$(mcs n2 bridge show)" "" "text show in n2"
	check_eq "$(genl_ns n2 dump)" "" "raw dump in n2"
	# By name: br0 does not exist in n2.
	check_eq "$(field "$(genl_ns n2 get ifname=br0)" errno)" ENODEV "get br0 in n2"
	check_eq "$(field "$(genl_ns n2 disable ifname=br0)" errno)" ENODEV "disable br0 in n2"
	mcs_enabled n1 br0
	check_err $? "br0 in n1 lost by a request in n2"
}

# The enabled bridge's ifindex used in another namespace: no such device
# there, or a device there that is not enabled.
ifindex_from_other_netns()
{
	local idx i out

	ns_create n1 && ns_create n2 && ns_create n3 || { check_err 1 "setup"; return; }
	# n1: dummies first so that br0's ifindex is unused in n2.
	for i in 1 2 3 4 5 6; do
		ipn n1 link add "dummy$i" type dummy
	done
	br_create n1 br0 0 && br_create n3 br0 0 || { check_err 1 "setup"; return; }
	mcs n1 bridge enable br0 >/dev/null
	check_err $? "enable br0 in n1"
	idx=$(ifindex_of n1 br0)
	out=$(genl_ns n2 get "ifindex=$idx")
	check_eq "$(field "$out" errno)" ENODEV "get n1's br0 ifindex in n2"
	check_eq "$(field "$out" msg)" "ifindex: no such device" "extack in n2"
	out=$(genl_ns n2 disable "ifindex=$idx")
	check_eq "$(field "$out" errno)" ENODEV "disable n1's br0 ifindex in n2"
	# n3 has its own bridge at some ifindex; ask for n1's br0 there.
	out=$(genl_ns n3 get "ifindex=$idx")
	case $(field "$out" errno) in
	ENODEV|ENOENT|EOPNOTSUPP) ;;
	*) check_err 1 "get n1's br0 ifindex $idx in n3: $out" ;;
	esac
	idx=$(ifindex_of n3 br0)
	out=$(genl_ns n3 get "ifindex=$idx")
	check_eq "$(field "$out" errno)" ENOENT "get n3's own br0 (not enabled)"
	mcs_enabled n1 br0
	check_err $? "br0 in n1 lost"
}

same_name_independent()
{
	ns_create n1 && ns_create n2 && br_create n1 br0 1 && br_create n2 br0 0 ||
		{ check_err 1 "setup"; return; }
	mcs n1 bridge enable br0 >/dev/null
	check_err $? "enable br0 in n1"
	mcs n2 bridge enable br0 >/dev/null
	check_err $? "enable br0 in n2 (same name as an enabled bridge in n1)"
	check_eq "$(mcs n1 -j bridge show | jq -c '[.[] | [.ifname, .saved_mcast_snooping]]')" \
		'[["br0",true]]' "show in n1"
	check_eq "$(mcs n2 -j bridge show | jq -c '[.[] | [.ifname, .saved_mcast_snooping]]')" \
		'[["br0",false]]' "show in n2"
	mcs n1 bridge disable br0 >/dev/null
	check_err $? "disable br0 in n1"
	check_eq "$(mcs_count n1)" 0 "bridges enabled in n1 after disable"
	check_eq "$(br_snooping n1 br0)" 1 "n1 br0 own snooping restored"
	mcs_enabled n2 br0
	check_err $? "disabling in n1 disabled n2's br0"
	check_eq "$(br_snooping n2 br0)" 0 "n2 br0 own snooping"
	# Enable again in n1 while n2's stays; then disable n2's.
	mcs n1 bridge enable br0 >/dev/null
	check_err $? "re-enable br0 in n1"
	mcs n2 bridge disable br0 >/dev/null
	check_err $? "disable br0 in n2"
	mcs_enabled n1 br0
	check_err $? "disabling in n2 disabled n1's br0"
	check_eq "$(mcs_count n2)" 0 "bridges enabled in n2 after disable"
}

tool_netns_option()
{
	local n1 out

	ns_create n1 && br_create n1 br0 1 || { check_err 1 "setup"; return; }
	n1=$(nsname n1)
	out=$("$MCSNOOPCTL" -n "$n1" bridge enable br0)
	check_err $? "mcsnoopctl -n $n1 bridge enable br0"
	check_match "$out" "^mcsnoop enabled on br0; " "enable message"
	check_eq "$(br_snooping n1 br0)" 0 "own snooping after enable with -n"
	check_eq "$("$MCSNOOPCTL" -n "$n1" -j bridge show | jq -c '[.[].ifname]')" \
		'["br0"]' "show with -n"
	check_eq "$("$MCSNOOPCTL" -n "$n1" bridge show)" "$(mcs n1 bridge show)" \
		"show with -n and with ip netns exec"
	# The caller's own namespace saw nothing of it.
	"$MCSNOOPCTL" -j bridge show | jq -e 'all(.[]; .ifname != "br0" or
		.ifindex != '"$(ifindex_of n1 br0)"')' >/dev/null
	check_err $? "br0 of $n1 shown in the caller's namespace"
	"$MCSNOOPCTL" --netns "$n1" bridge disable br0 >/dev/null
	check_err $? "mcsnoopctl --netns $n1 bridge disable br0"
	check_eq "$(br_snooping n1 br0)" 1 "own snooping after disable with --netns"
}

mcs_require
mcs_run_tests "$@"
