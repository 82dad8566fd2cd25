#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The JSON of every show is valid (-j and -j -p) and carries exactly the
# keys mcsnoopctl(8) documents for it, read from the man page itself so
# that the tool and its documentation cannot drift apart; and bridge show
# BRIDGE, the overview, lists fast-leave, router and flooded ports, the
# querier, the groups with their MACs and "N groups, max M, table memory
# SIZE", in text and JSON.

ALL_TESTS=(
	json_keys
	overview
	completion_names
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

MAN8=$MCS_DIR/../Documentation/man/mcsnoopctl.8
G=239.1.2.3
G_MAC=01:00:5e:01:02:03
G6=ff0e::1
G6_MAC=33:33:00:00:00:01

# DOC[SECTION]: the keys mcsnoopctl(8) lists under ".SS SECTION" of JSON
# OUTPUT (".TP"/".TQ" then ".B key"), space-separated; read once.
declare -A DOC
doc_read()
{
	local line prev='' in_json=0 sec=''

	while IFS= read -r line; do
		case $line in
		".SH JSON OUTPUT") in_json=1 ;;
		.SH\ *) in_json=0; sec='' ;;
		.SS\ *) [ "$in_json" = 1 ] && sec=${line#.SS } ;;
		".B "*) if [ -n "$sec" ] &&
				{ [ "$prev" = .TP ] || [ "$prev" = .TQ ]; }; then
				DOC[$sec]+="${line#.B } "
			fi ;;
		esac
		prev=$line
	done <"$MAN8"
}

# doc_keys SECTION [PREFIX]: the keys of SECTION, each with PREFIX, as
# JSON strings followed by commas.
doc_keys()
{
	local key keys

	[ ${#DOC[@]} -gt 0 ] || doc_read
	read -r -a keys <<<"${DOC[$1]}"
	for key in "${keys[@]}"; do
		printf '"%s%s",' "${2:-}" "$key"
	done
}

# The counters of "the stats object" under key stats.
stats_keys()
{
	echo "\"stats\",$(doc_keys "the stats object" stats.)"
}

# The documented keys of a command, as a JSON array.
keys_bridge() { echo "[$(doc_keys "bridge show")\"\"]"; }
keys_overview()
{
	echo "[$(doc_keys "bridge show")$(doc_keys "bridge show BRIDGE")$(
		doc_keys "querier show" "queriers[].")$(
		doc_keys "group show" "groups[].")\"\"]"
}
keys_port() { echo "[$(doc_keys "port show")\"\"]"; }
keys_vlan() { echo "[$(doc_keys "vlan show")\"\"]"; }
keys_group() { echo "[$(doc_keys "group show")\"\"]"; }
keys_querier() { echo "[$(doc_keys "querier show")\"\"]"; }
keys_profile() { echo "[$(doc_keys "profile show")\"\"]"; }
keys_stats() { echo "[$(doc_keys "stats show")$STATS_KEYS\"\"]"; }
# A port's counters: all but the bridge's events_dropped and mac_alias.
port_stats_keys()
{
	local keys=${STATS_KEYS//\"stats.events_dropped\",/}

	echo "${keys//\"stats.mac_alias\",/}"
}
keys_stats_port() { echo "[$(doc_keys "stats show port")$(port_stats_keys)\"\"]"; }
# with_stats KEYS: KEYS plus those of -s (with_port_stats: of a port, with
# its removals, none here).
with_stats() { echo "${1%\"\"]}$STATS_KEYS\"\"]"; }
with_port_stats() { echo "${1%\"\"]}$(port_stats_keys)\"removals\",\"\"]"; }

# key_diff DOC JSON: for each JSON document of the stream JSON (arrays of
# objects), what it lacks of the keys DOC lists and what it has beyond
# them, as "a[].b" paths; nothing if every document has exactly DOC's.
key_diff()
{
	jq -r -s --argjson doc "$1" '
		($doc - [""] | unique) as $want
		| to_entries[]
		| "document \(.key + 1): " as $which
		| .value
		| if type != "array" or length == 0 then
			$which + "not a non-empty array"
		  else
			([.[] | paths | select(.[-1] | type == "string")
			  | map(if type == "number" then "[]" else "." + . end)
			  | join("") | ltrimstr(".")] | unique) as $have
			| (($want - $have) | select(length > 0)
			   | $which + "missing: " + join(" ")),
			  (($have - $want) | select(length > 0)
			   | $which + "undocumented: " + join(" "))
		  end' <<<"$2"
}

# check_keys DOC ARGS...: mcsnoopctl -j ARGS and -j -p ARGS in sw both
# parse and print exactly the keys DOC lists (one jq for both).
check_keys()
{
	local doc=$1 out pretty diff

	shift
	out=$(mcs sw -j "$@")
	check_err $? "mcsnoopctl -j $*"
	pretty=$(mcs sw -j -p "$@")
	check_err $? "mcsnoopctl -j -p $*"
	diff=$(key_diff "$doc" "$out$pretty" 2>&1)
	[ -z "$diff" ]
	check_err $? "mcsnoopctl -j [-p] $*: keys differ from mcsnoopctl(8): $diff"
}

# br0 with hosts h1..h3 and what the overview lists: fast leave and
# mcast_to_unicast on p-h1, p-h2 a static router port left to the
# bridge's flooding (neigh_suppress), p-h3 not flooded and a learnt router
# port (h3 queries as 10.0.0.3), h1 a member of G, static G6 and a static
# source on p-h2; br1 filters VLANs (for vlan show).
json_setup()
{
	star 3 v4 snoop || return 1
	br_create sw br1 0 && ipn sw link set br1 type bridge vlan_filtering 1 &&
		mcs sw bridge enable br1 >/dev/null || return 1
	ipn sw link set dev p-h1 type bridge_slave mcast_to_unicast on &&
		ipn sw link set dev p-h2 type bridge_slave neigh_suppress on &&
		mcs sw port set p-h1 fast-leave on &&
		mcs sw port set p-h2 router static &&
		mcs sw port set p-h3 flood-unknown off &&
		mcs sw group add br0 "$G6" port p-h2 &&
		mcs sw group add br0 239.1.2.4 port p-h2 source 10.0.0.9 &&
		frames h3 eth0 "query4,src=10.0.0.3" &&
		frames h1 eth0 "report2,group=$G" &&
		mcs sw profile add iptv permit 239.0.0.0/8 \
			permit 232.1.1.0/24 source 10.0.0.0/24
}

json_keys()
{
	json_setup || { check_err 1 "setup"; return; }
	doc_read
	STATS_KEYS=$(stats_keys)
	check_ports br0 "$G" p-h1 "report of h1"
	check_keys "$(keys_bridge)" bridge show
	check_keys "$(with_stats "$(keys_bridge)")" -s bridge show
	check_keys "$(keys_overview)" bridge show br0
	check_keys "$(with_stats "$(keys_overview)")" -s bridge show br0
	check_keys "$(keys_port)" port show
	check_keys "$(keys_port)" port show p-h1
	check_keys "$(keys_port)" port show bridge br0
	check_keys "$(with_port_stats "$(keys_port)")" -s port show bridge br0
	check_keys "$(keys_vlan)" vlan show
	check_keys "$(keys_group)" group show
	check_keys "$(keys_group)" group show br0 group 239.1.2.4
	check_keys "$(keys_querier)" querier show
	check_keys "$(keys_profile)" profile show
	check_keys "$(keys_stats)" stats show
	check_keys "$(keys_stats)" stats show br0
	check_keys "$(keys_stats_port)" stats show port p-h1
}

# querier_is ADDR: br0's IPv4 querier is ADDR (for wait_secs).
querier_is()
{
	[[ $(mcs sw querier show br0) == *" inet mode "*" querier $1 "* ]]
}

overview()
{
	local out n mac1 mac3 line

	json_setup || { check_err 1 "setup"; return; }
	check_ports br0 "$G" p-h1 "report of h1"
	wait_secs 30 querier_is 10.0.0.3
	check_err $? "querier 10.0.0.3 not elected: $(mcs sw querier show br0)"
	[[ $(ipn h3 link show eth0) =~ link/ether\ ([0-9a-f:]+) ]]
	mac3=${BASH_REMATCH[1]}
	[[ $(ipn h1 link show eth0) =~ link/ether\ ([0-9a-f:]+) ]]
	mac1=${BASH_REMATCH[1]}

	out=$(mcs sw bridge show br0)
	check_err $? "bridge show br0"
	while IFS= read -r line; do
		log_info "| $line"
	done <<<"$out"
	check_match "$out" "^br0: ifindex [0-9]+ " "bridge line"
	check_match "$out" "^    snooping on flood-unknown on " "settings"
	check_match "$out" "^    fast-leave ports: p-h1\$" "fast-leave ports"
	check_match "$out" "^    router ports: .*p-h2 inet static, p-h2 inet6 static" \
		"static router port"
	check_match "$out" "^    router ports: .*p-h3 inet learnt \\(query\\) timer [0-9.]+" \
		"learnt router port"
	check_match "$out" "^    flood ports: p-h1 p-h2\$" "flood ports"
	check_match "$out" "^    ports flooded by the bridge: p-h2 \\(neigh-suppress\\)\$" \
		"ports flooded by the bridge"
	check_match "$out" "^    queriers:\$" "queriers heading"
	check_match "$out" "^        br0 vid 0 inet mode [a-z]+ role [a-z]+ querier 10\\.0\\.0\\.3 port p-h3 mac $mac3 .*interval [0-9.]+ " \
		"querier line"
	check_match "$out" "^    groups:\$" "groups heading"
	check_match "$out" "^        br0 vid 0 $G mac $G_MAC packets [0-9]+ bytes [0-9]+\$" \
		"learnt group and its MAC"
	check_match "$out" "^            port p-h1 host $mac1 host-address 10\\.0\\.0\\.1 exclude timer [0-9.]+( host-compat igmpv2)?\$" \
		"learnt member, its host (mcast_to_unicast) and its timer"
	check_match "$out" "^        br0 vid 0 $G6 mac $G6_MAC " "IPv6 group and its MAC"
	check_match "$out" "^            port p-h2 [a-z]+ static timer [0-9.]+\$" \
		"static member"
	n=$(mcsj sw group show br0 | jq length)
	check_match "$out" "^    $n groups, max 16384, table memory [0-9.]+ (bytes|KiB|MiB)\$" \
		"N groups, max M, table memory SIZE"
	out=$(mcs sw bridge show)
	[[ $'\n'$out$'\n' == *$'\n'"    $n groups, max 16384, table memory "* ]]
	check_err $? "bridge show without a name lacks '$n groups, max 16384, table memory'"

	out=$(mcsj sw bridge show br0)
	check_err $? "bridge show -j br0"
	jq -e --arg mac1 "$mac1" --arg mac3 "$mac3" --arg g "$G" \
		--arg gmac "$G_MAC" \
		--arg g6 "$G6" --arg g6mac "$G6_MAC" '
		length == 1 and (.[0] |
		.ifname == "br0" and
		.fast_leave_ports == ["p-h1"] and
		.flood_ports == ["p-h1", "p-h2"] and
		.fallback_ports == [{"port": "p-h2",
				     "fallback": ["neigh_suppress"]}] and
		any(.router_ports[]; .port == "p-h2" and .family == "inet" and
				     .kind == "static") and
		any(.router_ports[]; .port == "p-h2" and .family == "inet6" and
				     .kind == "static") and
		any(.router_ports[]; .port == "p-h3" and .family == "inet" and
				     .kind == "learnt" and .timer > 0) and
		any(.queriers[]; .family == "inet" and .querier == "10.0.0.3"
				 and .port == "p-h3" and .mac == $mac3) and
		any(.groups[]; .group == $g and .mac == $gmac and
			       .members[0].port == "p-h1" and
			       .members[0].host == $mac1 and
			       .members[0].timer > 0) and
		any(.groups[]; .group == $g6 and .mac == $g6mac) and
		.group_count == (.groups | length) and .max_groups == 16384)' \
		<<<"$out" >/dev/null
	check_err $? "bridge show -j br0 lacks what it should list: $out"
}

# The bash completion offers the bridges and ports of the namespace of -n
# (tools/completion/test.sh tests the rest without a VM).
completion_names()
{
	local ns

	ns=$(nsname sw)
	ns_create sw && br_create sw br0 0 && br_create sw br1 0 &&
		host_add sw br0 h1 && host_add sw br1 h2 ||
		{ check_err 1 "setup"; return; }
	# shellcheck source=../tools/completion/mcsnoopctl
	source "$MCS_DIR/../tools/completion/mcsnoopctl"
	COMP_WORDS=(mcsnoopctl -n "$ns" bridge show "")
	COMP_CWORD=5
	_mcsnoopctl
	check_eq "${COMPREPLY[*]}" "br0 br1" "bridges offered"
	COMP_WORDS=(mcsnoopctl -n "$ns" port set "")
	_mcsnoopctl
	check_eq "${COMPREPLY[*]}" "p-h1 p-h2" "ports offered"
	COMP_WORDS=(mcsnoopctl -n "$ns" group add br0 239.1.1.1 port p-)
	COMP_CWORD=8
	_mcsnoopctl
	check_eq "${COMPREPLY[*]}" "p-h1 p-h2" "ports offered after port"
}

mcs_require
mcs_run_tests "$@"
