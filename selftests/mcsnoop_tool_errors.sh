#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Refused requests through the tool: exit status 1, "Error: <extack>" on
# stderr, nothing on stdout, nothing changed; usage errors exit 1.

ALL_TESTS=(
	tool_kernel_errors
	tool_usage_errors
	tool_querier_value_errors
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# sw: br0 (own snooping off), brs (own snooping on), dummy0.
setup()
{
	ns_create sw &&
	br_create sw br0 0 &&
	br_create sw brs 1 &&
	ipn sw link add dummy0 type dummy
}

# expect_tool_err WHAT MSG_ERE -- TOOL_ARGS...: exit 1, "Error: ..." on
# stderr, nothing on stdout.
expect_tool_err()
{
	local what=$1 want=$2 out err rc

	shift 3
	out=$(mcs sw "$@" 2>"$MCS_TMP/stderr")
	rc=$?
	err=$(cat "$MCS_TMP/stderr")
	check_eq "$rc" 1 "$what: exit status"
	check_eq "$out" "" "$what: stdout"
	check_match "$err" "^Error: $want" "$what: stderr"
}

tool_kernel_errors()
{
	setup || { check_err 1 "setup"; return; }
	expect_tool_err "enable nonexist" "" -- bridge enable nonexist
	expect_tool_err "enable dummy0" ".*not a bridge" -- bridge enable dummy0
	expect_tool_err "disable br0 not enabled" \
		"ifname: mcsnoop is not enabled on this bridge" -- bridge disable br0
	expect_tool_err "show br0 not enabled" "" -- bridge show br0
	mcs sw bridge enable brs >/dev/null
	check_err $? "enable brs"
	expect_tool_err "enable brs twice" \
		"ifname: mcsnoop is already enabled on this bridge" -- bridge enable brs
	# The refused second enable left brs enabled with its saved value.
	mcs sw -j bridge show brs | jq -e '.[0].saved_mcast_snooping == true' >/dev/null
	check_err $? "brs lost its saved value after a refused enable"
	check_eq "$(br_snooping sw brs)" 0 "brs own snooping after a refused enable"
	check_eq "$(br_snooping sw br0)" 0 "br0 own snooping after a refused disable"
	check_eq "$(mcs_count sw)" 1 "bridges enabled"
}

# expect_usage WHAT -- TOOL_ARGS...: exit 1 and something on stderr.
expect_usage()
{
	local what=$1 err rc

	shift 2
	err=$(mcs sw "$@" 2>&1 >/dev/null)
	rc=$?
	check_eq "$rc" 1 "$what: exit status"
	[ -n "$err" ]
	check_err $? "$what: nothing on stderr"
}

tool_usage_errors()
{
	setup || { check_err 1 "setup"; return; }
	expect_usage "no arguments" --
	expect_usage "unknown object" -- bogus show
	expect_usage "unknown command" -- bridge bogus
	expect_usage "enable without a bridge" -- bridge enable
	expect_usage "disable without a bridge" -- bridge disable
	expect_usage "unknown option" -- --bogus bridge show
	expect_usage "-n without a name" -- -n
	expect_usage "-n unknown namespace" -- -n "$NS_PREFIX-nosuchns" bridge show
	check_eq "$(mcs_count sw)" 0 "bridges enabled after usage errors"
}

# Malformed querier values are refused by the tool, naming the keyword,
# before anything is sent (the kernel checks the ranges).
tool_querier_value_errors()
{
	setup || { check_err 1 "setup"; return; }
	mcs sw bridge enable br0 >/dev/null
	check_err $? "enable br0"
	expect_tool_err "querier-address notanaddr" \
		'invalid querier-address "notanaddr"' -- \
		bridge set br0 querier-address notanaddr
	expect_tool_err "querier-address 10.0.0" \
		'invalid querier-address "10.0.0"' -- \
		bridge set br0 querier-address 10.0.0
	expect_tool_err "querier maybe" 'invalid querier "maybe"' -- \
		bridge set br0 querier maybe
	expect_tool_err "proxy-query yes" 'invalid proxy-query "yes"' -- \
		bridge set br0 proxy-query yes
	expect_tool_err "startup-query-interval soon" \
		'invalid startup-query-interval "soon"' -- \
		bridge set br0 startup-query-interval soon
	expect_tool_err "startup-query-count x" \
		'invalid startup-query-count "x"' -- \
		bridge set br0 startup-query-count x
	expect_tool_err "igmp-version x" 'invalid igmp-version "x"' -- \
		bridge set br0 igmp-version x
	expect_tool_err "mld-version x" 'invalid mld-version "x"' -- \
		bridge set br0 mld-version x
	expect_tool_err "querier-address without a value" \
		'missing value for "querier-address"' -- \
		bridge set br0 querier-address
	expect_tool_err "vlan querier-address notanaddr" \
		'invalid querier-address "notanaddr"' -- \
		vlan set br0 vid 1 querier-address notanaddr
	expect_tool_err "vlan querier maybe" 'invalid querier "maybe"' -- \
		vlan set br0 vid 1 querier maybe
	# The querier words are settings now, no longer refused as such.
	mcs sw bridge set br0 querier auto 2>"$MCS_TMP/stderr"
	! grep -q "not supported yet" "$MCS_TMP/stderr"
	check_err $? "querier still refused as not supported"
	check_eq "$(mcs_count sw)" 1 "bridges enabled"
}

mcs_require
mcs_run_tests "$@"
