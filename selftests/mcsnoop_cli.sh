#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mcsnoopctl bridge enable/disable/show: the bridge's own multicast
# snooping is switched off and restored, the messages, show in text and
# JSON, with and without statistics; the querier settings and querier show.

ALL_TESTS=(
	enable_snooping_on
	enable_snooping_off
	show_empty
	show_text
	show_json
	show_one_bridge
	show_stats
	show_warning_snooping_back_on
	querier_settings
	querier_show
	version_option
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

MSG_ON_NOW_OFF="mcsnoop enabled on br0; the bridge's own multicast snooping was on and is now off"
MSG_ALREADY_OFF="mcsnoop enabled on br0; the bridge's own multicast snooping was already off"
MSG_ON_AGAIN="mcsnoop disabled on br0; the bridge's own multicast snooping is on again"
MSG_STAYS_OFF="mcsnoop disabled on br0; the bridge's own multicast snooping stays off"
STATS_RE='^    stats: igmp [0-9]+ mld [0-9]+ mcast_data [0-9]+ fwd_copies [0-9]+ host_copies [0-9]+$'
# The documented counter names (mcsnoopctl(8), include/uapi/linux/mcsnoop.h).
STATS_KEYS='["igmp","mld","mcast_data","fwd_copies","host_copies",
"igmp_v1_query","igmp_v2_query","igmp_v3_query","igmp_v1_report",
"igmp_v2_report","igmp_v3_report","igmp_v2_leave","mld_v1_query",
"mld_v2_query","mld_v1_report","mld_v2_report","mld_v1_done",
"mrd_advertisement","mrd_solicitation","mrd_termination","pim_hello",
"parse_errors","err_truncated","err_bad_ip","err_fragment","err_bad_ttl",
"err_bad_csum","err_bad_length","err_bad_group","err_bad_source",
"err_bad_records","data_forwarded","data_pruned","table_full","events_dropped",
"mac_alias","denied"]'

setup_sw()
{
	ns_create sw && br_create sw br0 "${1:-1}"
}

enable_snooping_on()
{
	local out

	setup_sw 1 || { check_err 1 "setup"; return; }
	out=$(mcs sw bridge enable br0)
	check_err $? "enable br0"
	check_eq "$out" "$MSG_ON_NOW_OFF" "enable message"
	check_eq "$(br_snooping sw br0)" 0 "mcast_snooping after enable"
	mcs_enabled sw br0
	check_err $? "br0 not listed by show after enable"

	out=$(mcs sw bridge disable br0)
	check_err $? "disable br0"
	check_eq "$out" "$MSG_ON_AGAIN" "disable message"
	check_eq "$(br_snooping sw br0)" 1 "mcast_snooping after disable"
	! mcs_enabled sw br0
	check_err $? "br0 still listed by show after disable"
}

enable_snooping_off()
{
	local out

	setup_sw 0 || { check_err 1 "setup"; return; }
	out=$(mcs sw bridge enable br0)
	check_err $? "enable br0"
	check_eq "$out" "$MSG_ALREADY_OFF" "enable message"
	check_eq "$(br_snooping sw br0)" 0 "mcast_snooping after enable"

	out=$(mcs sw bridge disable br0)
	check_err $? "disable br0"
	check_eq "$out" "$MSG_STAYS_OFF" "disable message"
	check_eq "$(br_snooping sw br0)" 0 "mcast_snooping after disable"

	# With -j, stdout is JSON only: the note goes to stderr.
	out=$(mcs sw -j bridge enable br0 2>"$MCS_TMP/note")
	check_err $? "enable -j br0"
	check_eq "$out" "" "stdout of enable -j"
	check_eq "$(<"$MCS_TMP/note")" "$MSG_ALREADY_OFF" "stderr of enable -j"
	out=$(mcs sw -j bridge disable br0 2>"$MCS_TMP/note")
	check_err $? "disable -j br0"
	check_eq "$out" "" "stdout of disable -j"
	check_eq "$(<"$MCS_TMP/note")" "$MSG_STAYS_OFF" "stderr of disable -j"
}

show_empty()
{
	local out

	setup_sw 1 || { check_err 1 "setup"; return; }
	out=$(mcs sw bridge show)
	check_err $? "show with nothing enabled"
	check_eq "$out" "" "text show with nothing enabled"
	out=$(mcs sw -j bridge show)
	check_err $? "show -j with nothing enabled"
	check_eq "$(jq -c . <<<"$out")" "[]" "JSON show with nothing enabled"
	out=$(mcs sw -j -s bridge show)
	check_eq "$(jq -c . <<<"$out")" "[]" "JSON show -s with nothing enabled"
}

show_text()
{
	local out idx

	setup_sw 1 && br_create sw br1 0 || { check_err 1 "setup"; return; }
	mcs sw bridge enable br0 >/dev/null
	check_err $? "enable br0"
	mcs sw bridge enable br1 >/dev/null
	check_err $? "enable br1"
	out=$(mcs sw bridge show)
	check_err $? "show"
	idx=$(ifindex_of sw br0)
	check_match "$out" "^br0: ifindex $idx saved_mcast_snooping on\$" "show br0"
	idx=$(ifindex_of sw br1)
	check_match "$out" "^br1: ifindex $idx saved_mcast_snooping off\$" "show br1"
	check_eq "$(grep -c '^br[0-9]' <<<"$out")" 2 "bridges in show"
	check_match "$out" "^    snooping on flood-unknown on flood-ambiguous on max-groups 16384 groups 0\$" \
		"settings line of show"
}

show_json()
{
	local out idx

	setup_sw 1 && br_create sw br1 0 || { check_err 1 "setup"; return; }
	mcs sw bridge enable br0 >/dev/null && mcs sw bridge enable br1 >/dev/null
	check_err $? "enable br0 and br1"
	out=$(mcs sw -j bridge show)
	check_err $? "show -j"
	jq -e 'type == "array" and length == 2' <<<"$out" >/dev/null
	check_err $? "show -j is not an array of two: $out"
	# Exactly the documented keys, with the documented types.
	jq -e 'all(.[]; (keys == (["fallback","flood_ambiguous","flood_unknown","group_count",
			"ifindex","ifname","last_member_count","last_member_interval",
			"max_groups","mcast_snooping","membership_timeout",
			"membership_timeout_auto","query_interval",
			"query_response_interval","robustness","router_timeout",
			"router_timeout_auto","saved_mcast_snooping","snooping",
			"querier","querier_address","querier_address6",
			"proxy_query","startup_query_interval",
			"startup_query_interval_auto","startup_query_count",
			"startup_query_count_auto","igmp_version",
			"mld_version","host_router","host_router_ipv4",
			"host_router_ipv6","querier_proxy_only","table_bytes"] | sort))
		and (.ifindex | type == "number") and (.ifname | type == "string")
		and (.mcast_snooping | type == "boolean")
		and (.saved_mcast_snooping | type == "boolean")
		and (.table_bytes | type == "number")
		and .fallback == [])' <<<"$out" >/dev/null
	check_err $? "show -j keys or types: $out"
	idx=$(ifindex_of sw br0)
	jq -e --argjson i "$idx" 'any(.[]; .ifname == "br0" and .ifindex == $i
		and .saved_mcast_snooping == true and .mcast_snooping == false)' \
		<<<"$out" >/dev/null
	check_err $? "show -j br0: $out"
	jq -e 'any(.[]; .ifname == "br1" and .saved_mcast_snooping == false
		and .mcast_snooping == false)' <<<"$out" >/dev/null
	check_err $? "show -j br1: $out"
	out=$(mcs sw -j -p bridge show)
	check_err $? "show -j -p"
	jq -e 'length == 2' <<<"$out" >/dev/null
	check_err $? "show -j -p is not valid JSON with two bridges: $out"
}

show_one_bridge()
{
	local out

	setup_sw 1 && br_create sw br1 1 && br_create sw br2 0 ||
		{ check_err 1 "setup"; return; }
	mcs sw bridge enable br0 >/dev/null && mcs sw bridge enable br1 >/dev/null
	check_err $? "enable br0 and br1"
	out=$(mcs sw bridge show br1)
	check_err $? "show br1"
	check_match "$out" "^br1: ifindex [0-9]+ saved_mcast_snooping on\$" "show br1"
	check_eq "$(grep -c '^br[0-9]' <<<"$out")" 1 "bridges in show br1"
	out=$(mcs sw -j bridge show br1)
	check_err $? "show -j br1"
	jq -e 'length == 1 and .[0].ifname == "br1"' <<<"$out" >/dev/null
	check_err $? "show -j br1: $out"
	# A bridge that is not enabled: an error, exit status 1.
	out=$(mcs sw bridge show br2 2>&1)
	check_eq "$?" 1 "exit status of show of a bridge not enabled"
	check_match "$out" "^Error: " "message of show of a bridge not enabled"
}

show_stats()
{
	local out

	setup_sw 1 || { check_err 1 "setup"; return; }
	mcs sw bridge enable br0 >/dev/null
	check_err $? "enable br0"
	out=$(mcs sw -s bridge show)
	check_err $? "show -s"
	check_match "$(sed -n 1p <<<"$out")" "^br0: ifindex [0-9]+ saved_mcast_snooping on\$" \
		"show -s first line"
	check_eq "$(grep -cE "$STATS_RE" <<<"$out")" 1 "show -s stats line"
	out=$(mcs sw -j -s bridge show br0)
	check_err $? "show -j -s"
	jq -e --argjson k "$STATS_KEYS" '.[0].stats | (keys == ($k | sort))
		and all(.[]; type == "number" and . >= 0)' <<<"$out" >/dev/null
	check_err $? "show -j -s stats object: $out"
	# Without -s there are no stats.
	out=$(mcs sw -j bridge show br0)
	jq -e '.[0] | has("stats") | not' <<<"$out" >/dev/null
	check_err $? "show -j without -s has stats: $out"
}

# Someone switches the bridge's own snooping back on behind mcsnoop's back:
# show warns, and disable still restores the saved value.
show_warning_snooping_back_on()
{
	local out

	setup_sw 0 || { check_err 1 "setup"; return; }
	mcs sw bridge enable br0 >/dev/null
	check_err $? "enable br0"
	# mcsnoop stands aside for the whole bridge (fallback), and says so.
	ipn sw link set br0 type bridge mcast_snooping 1
	out=$(mcs sw bridge show br0)
	check_err $? "show br0"
	check_match "$out" "^br0: ifindex [0-9]+ saved_mcast_snooping off fallback bridge-snooping \\(the bridge's own snooping is on again: mcsnoop stands aside\\)" \
		"show warns when the bridge's own snooping is on"
	out=$(mcs sw -j bridge show br0)
	jq -e '.[0].mcast_snooping == true and .[0].saved_mcast_snooping == false
		and .[0].fallback == ["bridge_snooping"]' <<<"$out" >/dev/null
	check_err $? "show -j mcast_snooping: $out"
	out=$(mcs sw bridge disable br0)
	check_err $? "disable br0"
	check_match "$out" "off again as before enable" "disable message"
	check_eq "$(br_snooping sw br0)" 0 "mcast_snooping after disable"
}

# bridge set's querier words, read back by show in JSON and text.
querier_settings()
{
	local out

	setup_sw 0 || { check_err 1 "setup"; return; }
	mcs_raw sw bridge enable br0 >/dev/null
	check_err $? "enable br0"
	out=$(mcs sw -j bridge show br0)
	jq -e '.[0] | .querier == "auto" and .querier_address == null
		and .querier_address6 == null and .proxy_query == true
		and .startup_query_interval == 31.25
		and .startup_query_interval_auto == true
		and .startup_query_count == 2 and .startup_query_count_auto == true
		and .igmp_version == 3 and .mld_version == 2' <<<"$out" >/dev/null
	check_err $? "querier defaults: $out"
	out=$(mcs sw bridge show br0)
	check_match "$out" "^    querier auto querier-address none proxy-query on igmp-version 3 mld-version 2\$" \
		"querier line of show"
	check_match "$out" "^    startup-query-interval auto \\(31.25\\) startup-query-count auto \\(2\\)\$" \
		"startup line of show"

	mcs sw bridge set br0 querier proxy querier-address 10.0.0.1 \
		querier-address fe80::1 proxy-query off startup-query-interval 2.5 \
		startup-query-count 3 igmp-version 2 mld-version 1
	check_err $? "bridge set querier words"
	out=$(mcs sw -j bridge show br0)
	jq -e '.[0] | .querier == "proxy" and .querier_address == "10.0.0.1"
		and .querier_address6 == "fe80::1" and .proxy_query == false
		and .startup_query_interval == 2.5
		and .startup_query_interval_auto == false
		and .startup_query_count == 3 and .startup_query_count_auto == false
		and .igmp_version == 2 and .mld_version == 1' <<<"$out" >/dev/null
	check_err $? "querier settings read back: $out"
	out=$(mcs sw bridge show br0)
	check_match "$out" "^    querier proxy querier-address 10.0.0.1 querier-address fe80::1 proxy-query off igmp-version 2 mld-version 1\$" \
		"querier line of show after set"

	mcs sw bridge set br0 querier-address none startup-query-interval auto \
		startup-query-count auto
	check_err $? "bridge set querier-address none, startup auto"
	out=$(mcs sw -j bridge show br0)
	jq -e '.[0] | .querier_address == null and .querier_address6 == null
		and .startup_query_interval_auto == true
		and .startup_query_count_auto == true' <<<"$out" >/dev/null
	check_err $? "querier-address none and auto read back: $out"

	# Ranges are the kernel's: its message, exit status 1.
	out=$(mcs sw bridge set br0 igmp-version 4 2>&1)
	check_eq "$?" 1 "exit status of igmp-version 4"
	check_match "$out" "^Error: " "message of igmp-version 4"
	out=$(mcs sw bridge set br0 querier-address 2001:db8::1 2>&1)
	check_eq "$?" 1 "exit status of a querier-address that is not link-local"
	check_match "$out" "^Error: " "message of a querier-address that is not link-local"
}

# querier show: one row per bridge, VID and family, the documented keys.
querier_show()
{
	local out

	setup_sw 0 || { check_err 1 "setup"; return; }
	out=$(mcs sw -j querier show)
	check_err $? "querier show -j with nothing enabled"
	check_eq "$(jq -c . <<<"$out")" "[]" "querier show -j with nothing enabled"
	mcs_raw sw bridge enable br0 >/dev/null
	check_err $? "enable br0"
	out=$(mcs sw -j querier show br0)
	check_err $? "querier show -j br0"
	jq -e 'all(.[]; keys == (["bridge","vid","family","mode","role",
			"own_address","querier","port","mac","interval",
			"response_interval","robustness","version","other_timer",
			"query_timer","queries_sent","queries_heard",
			"proxy_queries_heard","bogus_queries","bogus_address",
			"proxy_only"] | sort))
		and any(.[]; .bridge == "br0" and .vid == 0 and .family == "inet"
			and .mode == "auto")
		and any(.[]; .bridge == "br0" and .vid == 0 and .family == "inet6")
		and all(.[]; .role as $r
			| ["off","querier","proxy","other","idle"] | index($r) != null)' \
		<<<"$out" >/dev/null
	check_err $? "querier show -j keys or rows: $out"
	out=$(mcs sw querier show br0)
	check_err $? "querier show br0"
	check_match "$out" "^br0 vid 0 inet mode auto role [a-z]+ .*sent [0-9]+ heard [0-9]+" \
		"querier show text"
	out=$(mcs sw querier)
	check_err $? "bare querier"
	check_match "$out" "^br0 vid 0 inet6 mode auto " "bare querier lists br0"
}

version_option()
{
	local out

	out=$("$MCSNOOPCTL" -V)
	check_err $? "mcsnoopctl -V"
	[ -n "$out" ]
	check_err $? "mcsnoopctl -V printed nothing"
}

mcs_require
mcs_run_tests "$@"
