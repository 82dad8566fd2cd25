#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mcsnoopctl -b FILE: one command a line, split like a shell splits words
# (quotes, backslash, comments), with the command line's -n and -j for
# every line; the first failing line stops the run and is named
# (FILE:N), the lines before it are done and the ones after it are not;
# "-" reads standard input.

ALL_TESTS=(
	batch_configures
	batch_netns_every_line
	batch_stops_at_usage_error
	batch_stops_at_kernel_error
	batch_stdin_quotes
	batch_json_per_line
	batch_bad_invocation
	example_conf_valid
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# sw with bridges br0 and br1, host h1 on br0 (port p-h1), IPv6 off.
setup()
{
	ns_create sw noipv6 && br_create sw br0 && br_create sw br1 &&
		host_add sw br0 h1 "" noipv6
}

# batch NS FILE [OPTS...]: the tool with -b FILE in NS; stdout in $OUT,
# stderr in $ERR, the exit status returned.
batch()
{
	local ns=$1 file=$2 rc

	shift 2
	timeout "$CMD_TIMEOUT" "$MCSNOOPCTL" -n "$NS_PREFIX-$ns" "$@" \
		-b "$file" >"$MCS_TMP/out" 2>"$MCS_TMP/err"
	rc=$?
	OUT=$(<"$MCS_TMP/out")
	ERR=$(<"$MCS_TMP/err")
	return $rc
}

# jq_check NS WHAT JQ-FILTER SHOW-ARGS...: the filter is true on show -j.
jq_check()
{
	local ns=$1 what=$2 filter=$3 json

	shift 3
	json=$(mcs "$ns" -j "$@")
	check_err $? "$what: show -j $*"
	jq -e "$filter" >/dev/null <<<"$json"
	check_err $? "$what: $filter on $json"
}

is_enabled()
{
	[ -n "$(mcs "$1" bridge show "$2" 2>/dev/null)" ]
}

batch_configures()
{
	local f=$MCS_TMP/conf

	setup || { check_err 1 "setup"; return; }
	# Comments, blank lines, indentation, quotes, a continued line,
	# unique prefixes, a DOS line end.
	cat >"$f" <<-'EOF'
	# mcsnoop at boot

	bridge enable br0 querier off   # no queries from us
	   bridge set br0 query-interval 60 robustness 3
	br set 'br0' last-member-interval "0.5"
	bridge enable br1 querier off
	bridge set br1 \
	    max-groups 7
	port set p-h1 fast-leave on router static	# tab before the comment
	group add br0 239.1.2.3 port "p-h1"
	bridge set br1 flood-unknown off
	EOF
	printf 'bridge set br1 igmp-version 2\r\n\n#last\n' >>"$f"
	batch sw "$f"
	check_err $? "batch failed: $ERR"
	check_eq "$ERR" "" "batch stderr"

	jq_check sw "br0" '.[0] | .ifname == "br0" and .query_interval == 60 and
		.robustness == 3 and .last_member_interval == 0.5 and
		.mcast_snooping == false' bridge show br0
	jq_check sw "br1" '.[0] | .ifname == "br1" and .max_groups == 7 and
		.flood_unknown == false and .igmp_version == 2' bridge show br1
	jq_check sw "p-h1" '.[0] | .fast_leave == true and .router == "static"' \
		port show p-h1
	jq_check sw "group" 'any(.[]; .group == "239.1.2.3" and
		any(.members[]; .port == "p-h1" and .static == true))' \
		group show br0
}

# -n applies to every line: bridges of the same names elsewhere stay
# untouched.
batch_netns_every_line()
{
	local f=$MCS_TMP/conf

	setup || { check_err 1 "setup"; return; }
	ns_create other noipv6 && br_create other br0 && br_create other br1 ||
		{ check_err 1 "setup other"; return; }
	printf '%s\n' "bridge enable br0 querier off" \
		"bridge enable br1 querier off" \
		"bridge set br1 robustness 5" >"$f"
	batch sw "$f"
	check_err $? "batch in sw: $ERR"
	is_enabled sw br0 && is_enabled sw br1
	check_err $? "br0 and br1 of sw enabled"
	check_eq "$(mcs_count other)" 0 "bridges enabled in namespace other"
	jq_check sw "br1 robustness" '.[0].robustness == 5' bridge show br1

	# And the other way round: -n other enables other's br0 only.
	printf 'bridge enable br0 querier off\n' >"$f"
	batch other "$f"
	check_err $? "batch in other: $ERR"
	check_eq "$(mcs_count other)" 1 "bridges enabled in namespace other"
	check_eq "$(mcs_count sw)" 2 "bridges enabled in namespace sw"
}

# Line 5 is a usage error: lines 1-4 done, 6 not; the tool's own error
# then "Error: FILE:5: command failed".
batch_stops_at_usage_error()
{
	local f=$MCS_TMP/stops

	setup || { check_err 1 "setup"; return; }
	cat >"$f" <<-'EOF'
	bridge enable br0 querier off
	bridge set br0 robustness 4
	# a comment

	bridge set br0 robustnes-typo 5
	bridge enable br1 querier off
	EOF
	batch sw "$f"
	check_eq "$?" 1 "exit status"
	check_match "$ERR" "robustnes-typo" "the command's own error"
	check_eq "${ERR##*$'\n'}" "Error: $f:5: command failed" \
		"last line of stderr"
	jq_check sw "line 2 done" '.[0].robustness == 4' bridge show br0
	! is_enabled sw br1
	check_err $? "line 6 ran after the failing line 5"
}

# A command the kernel refuses (no such bridge) stops the run the same way.
batch_stops_at_kernel_error()
{
	local f=$MCS_TMP/kernel

	setup || { check_err 1 "setup"; return; }
	printf '%s\n' "bridge enable br0 querier off" "" \
		"bridge enable nosuchbr0" "bridge enable br1 querier off" >"$f"
	batch sw "$f"
	check_eq "$?" 1 "exit status"
	check_match "$ERR" "nosuchbr0" "the command's own error names the bridge"
	check_eq "${ERR##*$'\n'}" "Error: $f:3: command failed" \
		"last line of stderr"
	[ "$(grep -c '^Error: ' <<<"$ERR")" -eq 2 ]
	check_err $? "two error lines: $ERR"
	is_enabled sw br0
	check_err $? "line 1 not done"
	! is_enabled sw br1
	check_err $? "line 4 ran after the failing line 3"
}

# "-" reads standard input; an unterminated quote is an error of its line.
batch_stdin_quotes()
{
	local rc out err

	setup || { check_err 1 "setup"; return; }
	out=$(timeout "$CMD_TIMEOUT" "$MCSNOOPCTL" -n "$NS_PREFIX-sw" -b - \
		2>&1 <<-'EOF'
	bridge enable "br0" querier 'off'  # comment with 'quotes"
	bridge set br0 query-interval 90\
	 robustness 6
	EOF
	)
	check_err $? "stdin batch: $out"
	jq_check sw "from stdin" '.[0] | .query_interval == 90 and
		.robustness == 6' bridge show br0

	err=$(printf '%s\n' "bridge set br0 robustness 3" \
		"bridge set br0 'robustness 2" "bridge set br0 robustness 4" |
		timeout "$CMD_TIMEOUT" "$MCSNOOPCTL" -n "$NS_PREFIX-sw" -b - 2>&1)
	rc=$?
	check_eq "$rc" 1 "unterminated quote: exit status"
	check_match "$err" "quote" "unterminated quote: message"
	check_eq "${err##*$'\n'}" "Error: stdin:2: command failed" \
		"unterminated quote: last line"
	jq_check sw "line 1 done, line 3 not" '.[0].robustness == 3' \
		bridge show br0
}

# -j: every show line prints a JSON document of its own. (bridge enable
# says what it did to the bridge's snooping in text, -j or not: not here.)
batch_json_per_line()
{
	local f=$MCS_TMP/json

	setup || { check_err 1 "setup"; return; }
	printf '%s\n' "bridge enable br0 querier off" \
		"bridge enable br1 querier off" >"$f"
	batch sw "$f"
	check_err $? "batch: $ERR"
	printf '%s\n' "bridge show br0" "port show p-h1" "bridge set br0 robustness 3" \
		"bridge show" >"$f"
	batch sw "$f" -j
	check_err $? "batch -j: $ERR"
	jq -e -s 'length == 3 and .[0][0].ifname == "br0" and
		.[1][0].ifname == "p-h1" and (.[2] | length) == 2' \
		>/dev/null <<<"$OUT"
	check_err $? "three JSON documents: $OUT"
}

batch_bad_invocation()
{
	local out

	out=$(timeout "$CMD_TIMEOUT" "$MCSNOOPCTL" -b "$MCS_TMP/nonexistent" 2>&1)
	check_eq "$?" 1 "missing file: exit status"
	check_match "$out" "nonexistent" "missing file: message names it"
	: >"$MCS_TMP/empty"
	timeout "$CMD_TIMEOUT" "$MCSNOOPCTL" -b "$MCS_TMP/empty"
	check_err $? "an empty file is nothing to do"
	out=$(timeout "$CMD_TIMEOUT" "$MCSNOOPCTL" -b "$MCS_TMP/empty" \
		bridge show 2>&1)
	check_eq "$?" 1 "-b FILE and a command: exit status"
	check_match "$out" "unexpected argument" "-b FILE and a command: message"
}

# The example /etc/mcsnoop.conf (packaging/mcsnoop.conf) runs as it is
# (everything commented out: nothing to do), and its recipe, uncommented,
# runs on a bridge with the ports it names.
example_conf_valid()
{
	local example=$MCS_DIR/../packaging/mcsnoop.conf f=$MCS_TMP/recipe

	ns_create sw noipv6 && br_create sw vmbr0 &&
		host_add sw vmbr0 h1 "" noipv6 && ipn sw link set p-h1 down &&
		ipn sw link set p-h1 name eno1 up ||
		{ check_err 1 "setup"; return; }
	batch sw "$example"
	check_err $? "the example as installed: $ERR"
	check_eq "$(mcs_count sw)" 0 "bridges enabled by the commented example"

	# "#word" lines are the commands; "# text" lines stay comments; a VM
	# port is not there at boot, and the recipe does not name one.
	sed 's/^#\([a-z]\)/\1/' "$example" >"$f"
	batch sw "$f"
	check_err $? "the recipe uncommented: $ERR"
	jq_check sw "vmbr0" '.[0] | .ifname == "vmbr0" and .querier == "auto" and
		.querier_address == "192.0.2.11" and .query_interval == 60' \
		bridge show vmbr0
	jq_check sw "eno1" '.[0].router == "static" and .[0].max_groups == 256' \
		port show eno1
	jq_check sw "templates" '[.[] | .template] == ["*", "tap*", "tap101i0"] and
		.[2].static_groups == [{"group": "239.1.1.1", "vid": 0,
		"source": null}]' port template show vmbr0
	jq_check sw "corosync group" 'any(.[]; .group == "239.192.105.237" and
		any(.members[]; .port == "eno1" and .static == true))' \
		group show vmbr0
}

mcs_require
mcs_run_tests "$@"
