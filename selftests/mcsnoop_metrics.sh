#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mcsnoopctl stats export on a real bridge with traffic: promtool (the
# Prometheus package's checker) accepts the file, and the three series the
# admin guide graphs are there with the values the tool shows: groups per
# bridge, queries sent and heard, frames pruned per port. The file is
# replaced whole, and a failed export leaves the old one.

ALL_TESTS=(
	export_parses
	export_values
	export_atomic
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

PROM=

# sw with br0 and hosts h1..h3, mcsnoop on with the querier (auto, from
# an address of the hosts' subnet); h1 joins 239.1.1.1, h3 sends to it:
# pruned on p-h2.
setup()
{
	star 3 || return 1
	mcs_raw sw bridge enable br0 querier auto querier-address 10.0.0.254 \
		>/dev/null || return 1
	bg_mcast h1 join eth0 239.1.1.1
	wait_secs 20 has_group || return 1
	mcast h3 send eth0 239.1.1.1 5
	PROM=$MCS_TMP/textfile/mcsnoop.prom
	mkdir -p "$MCS_TMP/textfile"
}

has_group()
{
	[ "$(json_value "$(mcsj sw bridge show)" group_count)" -ge 1 ]
}

# metric NAME LABELS: the value of the sample NAME{LABELS} in $PROM.
metric()
{
	local line

	while read -r line; do
		if [ "${line% *}" = "$1{$2}" ]; then
			echo "${line##* }"
			return
		fi
	done <"$PROM"
	echo none
}

export_parses()
{
	local out

	setup || { check_err 1 "setup"; return; }
	out=$(mcs sw stats export "$PROM" 2>&1)
	check_err $? "stats export: $out"
	out=$(promtool check metrics <"$PROM" 2>&1)
	check_err $? "promtool check metrics: $out"
	# Standard output too, and "-".
	out=$(mcs sw stats export - | promtool check metrics 2>&1)
	check_err $? "stats export - | promtool: $out"
}

export_values()
{
	local sent heard pruned

	setup || { check_err 1 "setup"; return; }
	wait_secs 40 querier_sent_ge 1
	mcs sw stats export "$PROM"
	check_err $? "stats export"
	check_eq "$(metric mcsnoop_bridge_groups 'bridge="br0"')" \
		"$(json_value "$(mcsj sw bridge show)" group_count)" "groups of br0"
	check_eq "$(metric mcsnoop_bridge_table_bytes 'bridge="br0"')" \
		"$(json_value "$(mcsj sw bridge show)" table_bytes)" "table bytes of br0"
	sent=$(metric mcsnoop_querier_queries_sent_total 'bridge="br0",vid="0",family="inet"')
	heard=$(metric mcsnoop_querier_queries_heard_total 'bridge="br0",vid="0",family="inet"')
	[ "$sent" != none ] && [ "$sent" -ge 1 ]
	check_err $? "queries sent: '$sent'"
	[ "$heard" != none ]
	check_err $? "queries heard: '$heard'"
	check_eq "$(metric mcsnoop_querier_role 'bridge="br0",vid="0",family="inet",role="querier"')" \
		1 "role querier"
	pruned=$(metric mcsnoop_port_data_pruned_total 'bridge="br0",port="p-h2"')
	check_eq "$pruned" "$(json_value "$(mcsj sw stats show port p-h2)" data_pruned)" \
		"data_pruned of p-h2"
	[ "$pruned" != none ] && [ "$pruned" -ge 1 ]
	check_err $? "nothing pruned on p-h2: '$pruned'"
	check_eq "$(metric mcsnoop_port_groups 'bridge="br0",port="p-h1"')" 1 \
		"groups of p-h1"
}

querier_sent_ge()
{
	local out

	out=$(mcsj sw querier show br0)
	[[ $out =~ \"family\":\"inet\"[^}]*\"queries_sent\":([0-9]+) ]] &&
		[ "${BASH_REMATCH[1]}" -ge "$1" ]
}

export_atomic()
{
	local ino1 ino2 out

	setup || { check_err 1 "setup"; return; }
	mcs sw stats export "$PROM" && ino1=$(stat -c %i "$PROM")
	mcs sw stats export "$PROM" && ino2=$(stat -c %i "$PROM")
	[ -n "$ino1" ] && [ "$ino1" != "$ino2" ]
	check_err $? "the file was not replaced by a new one ($ino1, $ino2)"
	check_eq "$(stat -c %a "$PROM")" 644 "mode of the file"
	out=$(find "$MCS_TMP/textfile" -type f | wc -l)
	check_eq "$out" 1 "files in the directory"
	# Unwritable: an error, the old file stays.
	chmod 0555 "$MCS_TMP/textfile"
	out=$("${NOBODY[@]}" "$MCSNOOPCTL" -n "$NS_PREFIX-sw" stats export "$PROM" 2>&1)
	check_fail $? "export into a directory nobody may write to: $out"
	chmod 0755 "$MCS_TMP/textfile"
	check_eq "$(stat -c %i "$PROM")" "$ino2" "the old file after a failed export"
}

mcs_require
require_cmd promtool stat find
mcs_run_tests
