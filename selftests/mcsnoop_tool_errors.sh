#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Refused requests through the tool: exit status 1, "Error: <extack>" on
# stderr, nothing on stdout, nothing changed; usage errors exit 1.

ALL_TESTS=(
	tool_kernel_errors
	tool_usage_errors
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

mcs_require
mcs_run_tests "$@"
