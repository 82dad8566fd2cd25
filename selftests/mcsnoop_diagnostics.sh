#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Diagnostics: MAC aliasing of groups, and why memberships ended. br0 in
# namespace sw with hosts h1..hN behind ports p-h1..p-hN (star), enabled
# with querier off and short leave timers unless a test says otherwise;
# real host stacks join (mcast.py), events come from `mcsnoopctl -j
# monitor` (and the text monitor) in the background. A probe (a static
# membership of a group of its own, added and deleted) marks a point in
# the event stream: once its member_add is read, every event sent before
# it was read too, so counts of events are exact without sleeping.
#
#  - mac_alias_v4: h1 joins 239.1.1.1, h2 239.129.1.1 (both
#    01:00:5e:01:01:01): one mac_alias event (JSON and text) naming the new
#    group, the one it collides with and the MAC; both groups show
#    mac_alias 1 (JSON, and " mac-alias 1" after the MAC in text), h3's
#    239.1.1.2 shows 0 and no " mac-alias"; the bridge counter mac_alias
#    is 1. A static 225.1.1.1 collides with both: one event (one per new
#    group, naming either), every group of that MAC shows 2, the counter
#    2. Once the static one is deleted and h2 left, 239.1.1.1 shows 0
#    again; removals send no event and the counter stays.
#  - mac_alias_control_block: 239.0.0.5 (h1's stack) aliases 224.0.0.5:
#    an event with address 224.0.0.5 and MAC 01:00:5e:00:00:05,
#    mac_alias 1; a static 239.128.0.5 then collides with 239.0.0.5 and
#    the control block (one event, naming the control block, the worse;
#    mac_alias 2 for both); 239.0.1.5, just
#    outside 224.0.0.0/24's MACs, aliases nothing.
#  - mac_alias_v6: ff0e::1:5 (h1) and ff05::1:5 (h2) share
#    33:33:00:01:00:05: an inet6 event, mac_alias 1 for both, counter 1;
#    ff0e::1 (the MAC of ff02::1) aliases nothing: the control block is
#    IPv4's only.
#  - mac_alias_vlan: on a VLAN-filtering bridge the same MAC in VIDs 10
#    and 20 is no alias (no event, 0, counter 0); a second group of that
#    MAC in VID 10 is (event with vid 10, 1 in VID 10, still 0 in VID 20);
#    239.0.0.5 in VID 20 aliases the control block there too.
#  - mac_alias_limit: h1's stack joins ff0e::N:1:5 for N = 1..65, which
#    all have 33:33:00:01:00:05: 64 are learnt, the last one is refused
#    with a table-full event of reason mac-alias-limit, counts in
#    table_full and floods (h1 and h3 receive it); a learnt one stays
#    pruned (h1 only). The list of a MAC is the packet path's lookup.
#  - removals_timeout_no_querier: querier off, membership timeout 3 s: h1's
#    stack joins and, never queried, falls silent; after the expiry port
#    show -s -j lists one removal (group, vid 0, reason timeout, querier
#    false, no last_query, an age between 0 and the test's run time),
#    port show without -s has no removals key, port show -s (text) names
#    it, group show -s -j has the removal object (bridge, vid, group,
#    port, removed true, reason, querier) and its text says "no querier".
#  - removals_timeout_with_querier: our querier at a short interval (1 s);
#    h1's stack joins and answers queries until nft drops its IGMP: the
#    removal says timeout, querier true, last_query within the membership
#    interval, in port show, group show -s -j and its text ("last query
#    ... s before").
#  - removals_reasons: on p-h1 one removal of each reason, in this order:
#    fast_leave (h1's stack leaves, fast leave on), leave (fast leave
#    off), flush (group flush port p-h1), limit (max-groups 1 with a
#    learnt and a static membership), static (group del), port_down (link
#    down): the ring lists them newest first, querier false, ages in
#    order; group show -s filters by group (and text says fast-leave);
#    p-h2 gets 20 static add/del pairs: its ring keeps the newest 16, newest
#    first, and group show -s no longer has the oldest; a port without
#    removals shows an empty array; the bridge's own host leaving a group
#    is a removal of port br0 in group show -s.
#  - group_traffic: h2 and h3's stacks join 239.1.5.1, h1 sends N
#    datagrams: group show -j counts N packets in and 2N out, the bytes
#    out twice those in, and h2 and h3 each receive N; group show -s
#    prints the "traffic in: ... out: ..." line. Both leave and the group
#    goes; h2 joins again at once: the counters are back (N in, 2N out),
#    and N more datagrams count on (2N, 3N). With a membership timeout of
#    2 s, the group gone for 4 s starts from 0 when h2 joins again. A
#    group of the bridge's own host with traffic, then bridge disable: no
#    crash (the counters are not kept once the contexts are gone).
#  - expiry_walks: the collector walks the table only when a timer may
#    have ended (issue "scale": no periodic walk over all groups). With
#    dynamic debug on its message, h2's membership learnt for 600 s and
#    refreshed by every query: no walk in 5 s (one a second before); h2
#    leaves: its last member query time ends the membership, and a walk
#    removes it.

ALL_TESTS=(
	mac_alias_v4
	mac_alias_control_block
	mac_alias_v6
	mac_alias_vlan
	mac_alias_limit
	removals_timeout_no_querier
	removals_timeout_with_querier
	removals_reasons
	group_traffic
	expiry_walks
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# Timers that must outlast a few tool calls, stretched on a slow guest.
S=$MCS_SLOW

# ---------------------------------------------------------- monitor

# The monitors of the current test (files: *.json for -j, *.txt for text)
# and the port (and VID) the probes use.
MON_FILES=()
MON_PORT=
MON_VID=
PROBE_N=0
PROBE=

# probe: a static membership of a new group 239.255.X.Y (it aliases none
# of the groups of these tests) on MON_PORT, added and deleted.
probe()
{
	PROBE_N=$((PROBE_N + 1))
	PROBE=239.255.$((PROBE_N / 250)).$((PROBE_N % 250 + 1))
	mcs sw group add br0 "$PROBE" port "$MON_PORT" \
		${MON_VID:+vid "$MON_VID"} &&
		mcs sw group del br0 "$PROBE" port "$MON_PORT" \
			${MON_VID:+vid "$MON_VID"}
}

# probe_heard FILE: the monitor writing FILE printed the last probe's
# member_add.
probe_heard()
{
	if [[ $1 == *.json ]]; then
		[ "$(lines_with "$1" '"event":"member_add"' \
			"\"group\":\"$PROBE\"")" -ge 1 ]
	else
		[ "$(lines_with "$1" "member add br0 port $MON_PORT " \
			" group $PROBE ")" -ge 1 ]
	fi
}

# probe_step FILE: for wait_secs (a new probe each time: the first ones
# may come before the monitor listens).
probe_step()
{
	probe && probe_heard "$1"
}

# mon_start FILE: `mcsnoopctl [-j] -n sw monitor` in the background into
# FILE (text unless FILE ends in .json); returns once it hears a probe.
mon_start()
{
	local f=$1 j=

	[[ $f == *.json ]] && j=-j
	: >"$f"
	"$MCSNOOPCTL" ${j:+"$j"} -n "$NS_PREFIX-sw" monitor >"$f" 2>"$f.err" &
	BG_PIDS+=("$!")
	MON_FILES+=("$f")
	WAIT_NAP=0.5 wait_secs 60 probe_step "$f" && return 0
	log_info "monitor: $(cat "$f.err")"
	return 1
}

# mon_sync: every monitor has read every event sent before now.
mon_sync()
{
	local f

	probe || { check_err 1 "probe $PROBE"; return 1; }
	for f in "${MON_FILES[@]}"; do
		wait_secs 30 probe_heard "$f" && continue
		check_err 1 "the monitor ($f) did not print probe $PROBE"
		return 1
	done
}

# lines_with FILE PATTERN...: events (lines) of FILE with every PATTERN.

# alias_event FILE VID FAMILY GROUP ADDRESS MAC: the mac_alias events of
# FILE (JSON) with those keys.
alias_event()
{
	lines_with "$1" '"event":"mac_alias"' '"bridge":"br0"' "\"vid\":$2," \
		"\"family\":\"$3\"" "\"group\":\"$4\"" "\"address\":\"$5\"" \
		"\"mac\":\"$6\""
}

# check_alias_event FILE VID FAMILY GROUP ADDRESS MAC: exactly one such
# event (after mon_sync).
check_alias_event()
{
	local f=$1

	shift
	check_eq "$(alias_event "$f" "$@")" 1 \
		"mac_alias events vid $1 $2 group $3 address $4 mac $5 (last: $(tail -n 3 "$f"))"
}

# static_aliases F GROUP PORT TOTAL MAC OTHER...: a static GROUP on PORT
# aliases the OTHERs: one event, naming one of them; F then holds TOTAL
# mac_alias events.
static_aliases()
{
	local f=$1 g=$2 port=$3 total=$4 m=$5 other n=0

	shift 5
	mcs sw group add br0 "$g" port "$port"
	check_err $? "group add $g"
	mon_sync
	for other in "$@"; do
		n=$((n + $(alias_event "$f" 0 inet "$g" "$other" "$m")))
	done
	check_eq "$n" 1 "mac_alias events of $g naming one of $* (last: $(tail -n 3 "$f"))"
	check_eq "$(lines_with "$f" '"event":"mac_alias"')" "$total" \
		"mac_alias events after $g"
}

# ----------------------------------------------------------- groups

# alias_of GROUP [VID]: mac_alias of GROUP in br0's group show -j (null
# when the key or the group is missing).
alias_of()
{
	json_value "$(group_json br0 "$1" "${2:-}")" mac_alias
}

# check_alias GROUP WANT WHAT [VID]
check_alias()
{
	check_eq "$(alias_of "$1" "${4:-}")" "$2" "$3: mac_alias of $1${4:+ vid $4}"
}

# group_text GROUP: the text of group show br0 group GROUP.
group_text()
{
	mcs sw group show br0 group "$1" 2>/dev/null
}

# check_alias_text GROUP MAC N WHAT: the text has " mac-alias N" right
# after the MAC, or (N 0) no mac-alias at all.
check_alias_text()
{
	local out

	out=$(group_text "$1")
	if [ "$3" = 0 ]; then
		check_match "$out" " $1 mac $2 " "$4: text of $1"
		[[ $out != *mac-alias* ]]
		check_err $? "$4: text of $1 has a mac-alias: $out"
	else
		check_match "$out" " $1 mac $2 mac-alias $3( |\$)" "$4: text of $1"
	fi
}

# alias_stat: the mac_alias counter of br0 (stats show -j).
alias_stat()
{
	bstat br0 mac_alias
}

# --------------------------------------------------------- removals

# port_json DEV: port show -s -j of DEV.
port_json()
{
	mcsj sw -s port show "$1" 2>/dev/null
}

# rm_list DEV: DEV's removals as "GROUP:REASON" words, newest first.
rm_list()
{
	port_json "$1" |
		jq -r '[.[0].removals[] | "\(.group):\(.reason)"] | join(" ")' \
			2>/dev/null
}

# rm_jq DEV FILTER: FILTER applied to DEV's removals array.
rm_jq()
{
	port_json "$1" | jq -r --argjson el "$(elapsed)" \
		".[0].removals | $2" 2>/dev/null
}

# g_removals ARGS...: the removal objects of group show -s -j br0 ARGS
# (vid V, group G), as one compact array.
g_removals()
{
	mcsj sw -s group show br0 "$@" 2>/dev/null |
		jq -c '[.[] | select(.removed == true)]' 2>/dev/null
}

# T0: when the test's bridge was enabled; elapsed: seconds since (no age
# can be more).
T0=0
elapsed()
{
	echo $((SECONDS - T0 + 1))
}

# drop_igmp HOST: HOST's stack sends no IGMP any more (nft, output hook).
drop_igmp()
{
	in_ns "$1" nft -f - <<-EOF
		table inet mcs_diag {
			chain out {
				type filter hook output priority 0; policy accept;
				ip protocol igmp drop
			}
		}
	EOF
}

# q_role_is ROLE: br0's IPv4 querier role is ROLE.
q_role_is()
{
	[ "$(querier_get sw br0 inet role)" = "$1" ]
}

# join_leave HOST GROUP: HOST's stack joins GROUP, then leaves it (an
# IGMPv3 TO_IN({})) once it is a member; waits until it is gone.
join_leave()
{
	local pid dev=eth0 port=p-$1

	# sw: the bridge's own host, a member as port br0.
	[ "$1" = sw ] && dev=br0 port=br0
	bg_mcast "$1" join "$dev" "$2"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$2" "$port" "join of $2 by $1"
	kill "$pid"
	check_ports br0 "$2" "" "leave of $2 by $1" "" 20
}

# ------------------------------------------------------------- tests

mac_alias_v4()
{
	local f=$MCS_TMP/ev.json t=$MCS_TMP/ev.txt pid2 m=01:00:5e:01:01:01

	MON_FILES=() MON_PORT=p-h3 MON_VID=
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mon_start "$f" && mon_start "$t" ||
		{ check_err 1 "the monitor never started"; return; }

	bg_mcast h1 join eth0 239.1.1.1
	check_ports br0 239.1.1.1 p-h1 "join of h1"
	mon_sync
	check_eq "$(lines_with "$f" '"event":"mac_alias"')" 0 \
		"mac_alias events after the first group of its MAC"
	bg_mcast h2 join eth0 239.129.1.1
	pid2=${BG_PIDS[-1]}
	check_ports br0 239.129.1.1 p-h2 "join of h2"
	mon_sync
	check_alias_event "$f" 0 inet 239.129.1.1 239.1.1.1 "$m"
	check_eq "$(lines_with "$f" '"event":"mac_alias"')" 1 \
		"mac_alias events after the second group (its reports repeat)"
	check_eq "$(lines_with "$t" "mac-alias br0 family inet group 239.129.1.1 address 239.1.1.1 mac $m")" \
		1 "text event (last: $(tail -n 2 "$t"))"
	check_alias 239.1.1.1 1 "two groups of $m"
	check_alias 239.129.1.1 1 "two groups of $m"
	check_alias_text 239.1.1.1 "$m" 1 "two groups of $m"
	check_alias_text 239.129.1.1 "$m" 1 "two groups of $m"
	check_eq "$(alias_stat)" 1 "mac_alias counter of br0"

	# Another MAC: no alias.
	bg_mcast h3 join eth0 239.1.1.2
	check_ports br0 239.1.1.2 p-h3 "join of h3"
	check_alias 239.1.1.2 0 "a group of its own MAC"
	check_alias_text 239.1.1.2 01:00:5e:01:01:02 0 "a group of its own MAC"

	# A third group of the MAC: one event and one count per group.
	static_aliases "$f" 225.1.1.1 p-h3 2 "$m" 239.1.1.1 239.129.1.1
	check_alias 225.1.1.1 2 "three groups of $m"
	check_alias 239.1.1.1 2 "three groups of $m"
	check_alias 239.129.1.1 2 "three groups of $m"
	check_alias_text 225.1.1.1 "$m" 2 "three groups of $m"
	check_alias 239.1.1.2 0 "a group of its own MAC, beside three"
	check_eq "$(alias_stat)" 2 "mac_alias counter after a third group"

	# They go: the counts follow, nothing is announced.
	mcs sw group del br0 225.1.1.1 port p-h3
	check_ports br0 225.1.1.1 "" "static group deleted" "" 10
	check_alias 239.1.1.1 1 "after the static group went"
	kill "$pid2"
	check_ports br0 239.129.1.1 "" "leave of h2" "" 20
	check_alias 239.1.1.1 0 "alone again"
	check_alias_text 239.1.1.1 "$m" 0 "alone again"
	check_eq "$(alias_stat)" 2 "mac_alias counter after the removals"
	mon_sync
	check_eq "$(lines_with "$f" '"event":"mac_alias"')" 2 \
		"mac_alias events after the removals"
}

mac_alias_control_block()
{
	local f=$MCS_TMP/ev.json m=01:00:5e:00:00:05

	MON_FILES=() MON_PORT=p-h2 MON_VID=
	star 2 v4 snoop || { check_err 1 "setup"; return; }
	mon_start "$f" || { check_err 1 "the monitor never started"; return; }

	# x.0.0.5 and x.128.0.5 share 224.0.0.5's MAC.
	bg_mcast h1 join eth0 239.0.0.5
	check_ports br0 239.0.0.5 p-h1 "join of h1"
	mon_sync
	check_alias_event "$f" 0 inet 239.0.0.5 224.0.0.5 "$m"
	check_eq "$(lines_with "$f" '"event":"mac_alias"')" 1 "mac_alias events"
	check_alias 239.0.0.5 1 "the control block's MAC"
	check_alias_text 239.0.0.5 "$m" 1 "the control block's MAC"
	check_eq "$(alias_stat)" 1 "mac_alias counter of br0"

	# Aliasing a group and the control block: an event for each.
	static_aliases "$f" 239.128.0.5 p-h2 2 "$m" 224.0.0.5
	check_alias 239.128.0.5 2 "a group and the control block"
	check_alias 239.0.0.5 2 "a group and the control block"
	check_eq "$(alias_stat)" 2 "mac_alias counter after 239.128.0.5"

	# 01:00:5e:00:01:05 is no control block MAC.
	mcs sw group add br0 239.0.1.5 port p-h2
	check_err $? "group add 239.0.1.5"
	mon_sync
	check_eq "$(lines_with "$f" '"event":"mac_alias"' '"group":"239.0.1.5"')" 0 \
		"mac_alias events of 239.0.1.5"
	check_alias 239.0.1.5 0 "just outside the control block"
	check_eq "$(alias_stat)" 2 "mac_alias counter after 239.0.1.5"

	mcs sw group del br0 239.128.0.5 port p-h2
	check_ports br0 239.128.0.5 "" "static group deleted" "" 10
	check_alias 239.0.0.5 1 "the control block stays"
}

mac_alias_v6()
{
	local f=$MCS_TMP/ev.json m=33:33:00:01:00:05

	MON_FILES=() MON_PORT=p-h3 MON_VID=
	star 3 v6 snoop || { check_err 1 "setup"; return; }
	mon_start "$f" || { check_err 1 "the monitor never started"; return; }

	bg_mcast h1 join eth0 ff0e::1:5
	check_ports br0 ff0e::1:5 p-h1 "join of h1"
	bg_mcast h2 join eth0 ff05::1:5
	check_ports br0 ff05::1:5 p-h2 "join of h2"
	mon_sync
	check_alias_event "$f" 0 inet6 ff05::1:5 ff0e::1:5 "$m"
	check_eq "$(lines_with "$f" '"event":"mac_alias"')" 1 "mac_alias events"
	check_alias ff0e::1:5 1 "two groups of $m"
	check_alias ff05::1:5 1 "two groups of $m"
	check_alias_text ff05::1:5 "$m" 1 "two groups of $m"
	check_eq "$(alias_stat)" 1 "mac_alias counter of br0"

	# ff02::1's MAC: IPv6 has no control block of aliases.
	mcs sw group add br0 ff0e::1 port p-h3
	check_err $? "group add ff0e::1"
	mon_sync
	check_eq "$(lines_with "$f" '"event":"mac_alias"')" 1 \
		"mac_alias events after ff0e::1"
	check_alias ff0e::1 0 "33:33:00:00:00:01"
	check_eq "$(alias_stat)" 1 "mac_alias counter after ff0e::1"
}

mac_alias_vlan()
{
	local f=$MCS_TMP/ev.json m=01:00:5e:01:01:01

	MON_FILES=() MON_PORT=p-h3 MON_VID=1
	star 3 bare vlan || { check_err 1 "setup"; return; }
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF || { check_err 1 "VLANs"; return; }
		vlan add dev p-h1 vid 10
		vlan add dev p-h1 vid 20
		vlan add dev p-h2 vid 10
		vlan add dev p-h2 vid 20
	EOF
	mcs sw bridge enable br0 >/dev/null || { check_err 1 "enable"; return; }
	mon_start "$f" || { check_err 1 "the monitor never started"; return; }

	mcs sw group add br0 239.1.1.1 port p-h1 vid 10 &&
		mcs sw group add br0 239.129.1.1 port p-h2 vid 20
	check_err $? "group add in VIDs 10 and 20"
	mon_sync
	check_eq "$(lines_with "$f" '"event":"mac_alias"')" 0 \
		"mac_alias events of one MAC in two VLANs"
	check_alias 239.1.1.1 0 "one MAC in two VLANs" 10
	check_alias 239.129.1.1 0 "one MAC in two VLANs" 20
	check_eq "$(alias_stat)" 0 "mac_alias counter, one MAC in two VLANs"

	mcs sw group add br0 239.129.1.1 port p-h2 vid 10
	check_err $? "group add 239.129.1.1 vid 10"
	mon_sync
	check_alias_event "$f" 10 inet 239.129.1.1 239.1.1.1 "$m"
	check_eq "$(lines_with "$f" '"event":"mac_alias"')" 1 \
		"mac_alias events, two groups of one MAC in VID 10"
	check_alias 239.1.1.1 1 "two groups of one MAC in VID 10" 10
	check_alias 239.129.1.1 1 "two groups of one MAC in VID 10" 10
	check_alias 239.129.1.1 0 "VID 20 beside them" 20
	check_eq "$(alias_stat)" 1 "mac_alias counter, two groups in VID 10"

	# The control block is in every VLAN.
	mcs sw group add br0 239.0.0.5 port p-h1 vid 20
	check_err $? "group add 239.0.0.5 vid 20"
	mon_sync
	check_alias_event "$f" 20 inet 239.0.0.5 224.0.0.5 01:00:5e:00:00:05
	check_alias 239.0.0.5 1 "the control block in VID 20" 20
}

# mac_count MAC: how many groups of br0 have MAC (group show -j).
mac_count()
{
	grep -o "\"mac\":\"$1\"" <<<"$(mcsj sw group show br0 2>/dev/null)" |
		wc -l
}

mac_alias_limit()
{
	local f=$MCS_TMP/ev.json m=33:33:00:01:00:05 i cmds= ev g

	MON_FILES=() MON_PORT=p-h3 MON_VID=
	star 3 v6 snoop || { check_err 1 "setup"; return; }
	mon_start "$f" || { check_err 1 "the monitor never started"; return; }
	for ((i = 1; i <= 65; i++)); do
		cmds+="addr add ff0e::$i:1:5/128 dev eth0 autojoin"$'\n'
	done
	ipn h1 -batch - <<<"$cmds"
	check_err $? "h1 joins ff0e::N:1:5, N = 1..65"
	wait_secs 60 eval '[ "$(lines_with "$f" "\"event\":\"table_full\"" \
		"\"reason\":\"mac_alias_limit\"")" -ge 1 ]'
	check_err $? "no table_full event of reason mac_alias_limit (last: $(tail -n 3 "$f"))"
	ev=$(grep -m1 '"reason":"mac_alias_limit"' "$f")
	g=$(json_value "$ev" group)
	check_match "$g" '^ff0e::[0-9]+:1:5$' "the refused group"
	check_eq "$(mac_count "$m")" 64 "groups of br0 with $m"
	check_eq "$(json_value "$(group_json br0 "$g")" group)" null \
		"the refused $g in group show"
	check_ge "$(bstat br0 table_full)" 1 "table_full of br0"
	deliver_check h2 "$g" "h1 h3" "" "the group over the MAC's limit"
	[ "$g" = ff0e::1:1:5 ] && i=2 || i=1
	deliver_check h2 "ff0e::$i:1:5" "h1" "h3" "a group within the MAC's limit"
}

removals_timeout_no_querier()
{
	local g=239.1.1.1 out mt=$((3 * S))

	star 2 v4 snoop || { check_err 1 "setup"; return; }
	T0=$SECONDS
	mcs sw bridge set br0 querier off membership-timeout "$mt"
	check_err $? "bridge set membership-timeout $mt"
	# IGMPv3: the stack's unsolicited reports, then nothing (no query).
	bg_mcast h1 join eth0 "$g"
	check_ports br0 "$g" p-h1 "join of h1"
	check_ports br0 "$g" "" "expiry without a querier" "" 60

	check_eq "$(rm_list p-h1)" "$g:timeout" "removals of p-h1"
	check_eq "$(rm_jq p-h1 '.[0] | "\(.vid) \(.querier) \(has("last_query"))"')" \
		"0 false false" "vid, querier and last_query of the removal"
	# shellcheck disable=SC2016 # $el is jq's
	check_eq "$(rm_jq p-h1 '.[0].age | type == "number" and . >= 0 and . <= $el')" \
		true "age of the removal (at most $(elapsed) s)"
	check_eq "$(rm_list p-h2)" "" "removals of p-h2"
	out=$(mcsj sw port show p-h1)
	[[ $out != *'"removals"'* ]]
	check_err $? "port show without -s has removals: $out"
	out=$(mcs sw -s port show p-h1)
	[[ $out == *"$g"* && $out == *timeout* ]]
	check_err $? "port show -s (text) does not name the removal: $out"

	out=$(g_removals)
	check_eq "$(jq -r '.[] | "\(.bridge) \(.vid) \(.group) \(.port) \(.removed) \(.reason) \(.querier) \(has("last_query"))"' \
		<<<"$out" 2>/dev/null)" \
		"br0 0 $g p-h1 true timeout false false" "group show -s removals: $out"
	out=$(mcs sw -s group show br0)
	check_match "$out" "^ *removed $g port p-h1 [0-9]+(\.[0-9]+)? s ago: timeout, .*no querier" \
		"group show -s text"
}

removals_timeout_with_querier()
{
	local g=239.1.5.1 out mi qri

	command -v nft >/dev/null || { skip_test "nft not found"; return; }
	star 2 v4 snoop || { check_err 1 "setup"; return; }
	T0=$SECONDS
	ipn sw addr add 10.0.0.254/24 dev br0
	qri=$((S / 2)).$((S % 2 * 5))
	mcs sw bridge set br0 querier auto query-interval "$S" \
		query-response-interval "$qri" robustness 2 \
		membership-timeout auto
	check_err $? "bridge set querier auto, query interval $S"
	mi=$(json_value "$(mcsj sw bridge show br0)" membership_timeout)
	wait_secs 30 q_role_is querier
	check_err $? "our querier does not query: $(querier_get sw br0 inet role)"
	bg_mcast h1 join eth0 "$g"
	check_ports br0 "$g" p-h1 "join of h1"
	# h1 stays joined but its answers to our queries are lost.
	drop_igmp h1 || { check_err 1 "nft in h1"; return; }
	check_ports br0 "$g" "" "expiry of a silent member, queried" "" 60

	check_eq "$(rm_list p-h1)" "$g:timeout" "removals of p-h1"
	check_eq "$(rm_jq p-h1 '.[0].querier')" true "querier of the removal"
	check_eq "$(rm_jq p-h1 ".[0].last_query | type == \"number\" and . >= 0 and . < $mi")" \
		true "last_query of the removal ('$(rm_jq p-h1 '.[0].last_query')', membership interval $mi)"
	out=$(g_removals group "$g")
	check_eq "$(jq -r ".[] | \"\(.port) \(.reason) \(.querier) \(.last_query | type == \"number\" and . < $mi)\"" \
		<<<"$out" 2>/dev/null)" "p-h1 timeout true true" \
		"group show -s removals: $out"
	out=$(mcs sw -s group show br0 group "$g")
	check_match "$out" "^ *removed $g port p-h1 [0-9]+(\.[0-9]+)? s ago: timeout, last query [0-9]+(\.[0-9]+)? s before" \
		"group show -s text"
}

removals_reasons()
{
	local i out ring='' batch=''

	star 4 v4 snoop || { check_err 1 "setup"; return; }
	T0=$SECONDS

	mcs sw port set p-h1 fast-leave on
	join_leave h1 239.1.3.1
	mcs sw port set p-h1 fast-leave off
	join_leave h1 239.1.3.2
	mcs sw group add br0 239.1.3.3 port p-h1
	check_ports br0 239.1.3.3 p-h1 "static 239.1.3.3"
	mcs sw group flush br0 port p-h1
	check_ports br0 239.1.3.3 "" "flush of p-h1" "" 10
	# A learnt and a static membership, room for one: the learnt goes.
	frames h1 eth0 "report2,group=239.1.3.4"
	mcs sw group add br0 239.1.3.5 port p-h1
	check_ports br0 239.1.3.4 p-h1 "report of 239.1.3.4"
	check_ports br0 239.1.3.5 p-h1 "static 239.1.3.5"
	mcs sw port set p-h1 max-groups 1
	check_ports br0 239.1.3.4 "" "max-groups 1 on p-h1" "" 10
	mcs sw group del br0 239.1.3.5 port p-h1
	check_ports br0 239.1.3.5 "" "group del 239.1.3.5" "" 10
	mcs sw port set p-h1 max-groups 16384
	frames h1 eth0 "report2,group=239.1.3.6"
	check_ports br0 239.1.3.6 p-h1 "report of 239.1.3.6"
	ipn sw link set p-h1 down
	check_ports br0 239.1.3.6 "" "p-h1 down" "" 20

	check_eq "$(rm_list p-h1)" \
		"239.1.3.6:port_down 239.1.3.5:static 239.1.3.4:limit 239.1.3.3:flush 239.1.3.2:leave 239.1.3.1:fast_leave" \
		"removals of p-h1, newest first"
	check_eq "$(rm_jq p-h1 'length > 0 and all(.[]; .querier == false and .vid == 0)')" \
		true "querier and vid of p-h1's removals"
	# shellcheck disable=SC2016 # $el is jq's
	check_eq "$(rm_jq p-h1 'length > 0 and ([.[].age] | . == sort) and all(.[]; .age >= 0 and .age <= $el)')" \
		true "ages of p-h1's removals (newest first, at most $(elapsed) s)"
	out=$(g_removals group 239.1.3.2)
	check_eq "$(jq -r '.[] | "\(.bridge) \(.vid) \(.group) \(.port) \(.removed) \(.reason)"' \
		<<<"$out" 2>/dev/null)" "br0 0 239.1.3.2 p-h1 true leave" \
		"group show -s group 239.1.3.2: $out"
	out=$(mcs sw -s group show br0 group 239.1.3.1)
	check_match "$out" "^ *removed 239\.1\.3\.1 port p-h1 [0-9]+(\.[0-9]+)? s ago: fast-leave( |,|\$)" \
		"group show -s text of a fast leave"

	# The ring keeps the newest 16.
	for i in $(seq 1 20); do
		batch+="group add br0 239.1.4.$i port p-h2"$'\n'
		batch+="group del br0 239.1.4.$i port p-h2"$'\n'
	done
	mcs sw -b - <<<"$batch"
	check_err $? "20 static add/del on p-h2"
	for i in $(seq 20 -1 5); do
		ring+="${ring:+ }239.1.4.$i:static"
	done
	check_eq "$(rm_list p-h2)" "$ring" "removals of p-h2 after 20"
	check_eq "$(g_removals group 239.1.4.4)" "[]" \
		"group show -s of a removal out of the ring"
	check_eq "$(g_removals group 239.1.4.5 | jq -r '.[].port' 2>/dev/null)" \
		p-h2 "group show -s of the oldest removal in the ring"
	check_eq "$(port_json p-h3 | jq -c '.[0].removals' 2>/dev/null)" "[]" \
		"removals of p-h3"

	# The bridge's own host keeps its own, shown as port br0.
	join_leave sw 239.1.3.7
	out=$(g_removals group 239.1.3.7)
	check_eq "$(jq -r '.[] | "\(.port) \(.removed) \(.reason)"' \
		<<<"$out" 2>/dev/null)" "br0 true leave" \
		"group show -s of the host's removal: $out"
}

# traffic_is GROUP IN OUT: group show -j says IN packets in, OUT out.
traffic_is()
{
	local out

	out=$(mcsj sw group show br0 group "$1" 2>/dev/null)
	[ "$(json_value "$out" packets) $(json_value "$out" out_packets)" = "$2 $3" ]
}

# check_traffic GROUP IN OUT WHAT
check_traffic()
{
	local out

	wait_secs 15 traffic_is "$1" "$2" "$3"
	out=$(mcsj sw group show br0 group "$1" 2>/dev/null)
	check_err $? "$4: packets in and out are" \
		"'$(json_value "$out" packets) $(json_value "$out" out_packets)'," \
		"expected '$2 $3'"
}

group_traffic()
{
	local g=239.1.5.1 N=20 out in_bytes pid2 pid3 rx2 rx3

	star 4 v4 snoop || { check_err 1 "setup"; return; }
	bg_mcast h2 join eth0 "$g"
	pid2=${BG_PIDS[-1]}
	bg_mcast h3 join eth0 "$g"
	pid3=${BG_PIDS[-1]}
	check_ports br0 "$g" "p-h2 p-h3" "join of $g by h2 and h3"
	rx2=$(rx_packets h2 eth0)
	rx3=$(rx_packets h3 eth0)
	mcast h1 send eth0 "$g" "$N"
	check_traffic "$g" "$N" $((2 * N)) "$N datagrams to 2 members"
	wait_secs 10 rx_ge h2 eth0 $((rx2 + N))
	check_err $? "h2 received $(( $(rx_packets h2 eth0) - rx2 )) of $N"
	wait_secs 10 rx_ge h3 eth0 $((rx3 + N))
	check_err $? "h3 received $(( $(rx_packets h3 eth0) - rx3 )) of $N"
	out=$(mcsj sw group show br0 group "$g")
	in_bytes=$(json_value "$out" bytes)
	check_eq "$(json_value "$out" out_bytes)" $((2 * in_bytes)) \
		"bytes out of $in_bytes in to 2 members"
	[ "$in_bytes" -ge $((N * 28)) ]
	check_err $? "bytes in: $in_bytes for $N IPv4 datagrams"
	out=$(mcs sw -s group show br0 group "$g")
	check_match "$out" "traffic in: packets $N bytes $in_bytes out: packets $((2 * N)) bytes $((2 * in_bytes))" \
		"group show -s text"

	# Gone and back within a membership interval: counted on.
	kill "$pid2" "$pid3"
	check_ports br0 "$g" "" "leave of $g by h2 and h3" "" 20
	bg_mcast h2 join eth0 "$g"
	pid2=${BG_PIDS[-1]}
	check_ports br0 "$g" p-h2 "join of $g by h2 again"
	check_traffic "$g" "$N" $((2 * N)) "the group back"
	mcast h1 send eth0 "$g" "$N"
	check_traffic "$g" $((2 * N)) $((3 * N)) "$N more datagrams to 1 member"

	# Gone for longer than the membership interval: from 0.
	mcs sw bridge set br0 membership-timeout 2
	kill "$pid2"
	check_ports br0 "$g" "" "leave of $g by h2" "" 20
	sleep 4
	bg_mcast h2 join eth0 "$g"
	check_ports br0 "$g" p-h2 "join of $g by h2 after 4 s"
	check_traffic "$g" 0 0 "the group back after its membership interval"

	# The bridge's own host a member, with traffic: disable keeps nothing
	# (its contexts are gone by then).
	bg_mcast sw join br0 239.1.5.9
	check_ports br0 239.1.5.9 br0 "join of 239.1.5.9 by the bridge's host"
	mcast h1 send eth0 239.1.5.9 "$N"
	check_traffic 239.1.5.9 "$N" 0 "$N datagrams to the bridge's host"
	mcs sw bridge disable br0
	check_err $? "bridge disable with the host's group"
}

# walks: the expiry walks of namespace sw in the kernel log so far.
walks()
{
	dmesg | grep -c "mcsnoop: expiry walk in netns $WALKS_NS:"
}

expiry_walks()
{
	local dd=/sys/kernel/debug/dynamic_debug/control g=239.1.6.1 pid w0 w1

	objects_file
	if ! grep -qs 'mcs_table_expire ' "$dd"; then
		skip_test "no dynamic debug of mcs_table_expire"
		return
	fi
	star 2 v4 snoop || { check_err 1 "setup"; return; }
	WALKS_NS=$(stat -L -c %i "/run/netns/$NS_PREFIX-sw")
	echo 'module mcsnoop func mcs_table_expire +p' >"$dd"
	bg_mcast h2 join eth0 "$g"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$g" p-h2 "join of h2"
	# What was due at the start (the enable, the join) is walked by now.
	sleep 2
	w0=$(walks)
	sleep 5
	w1=$(walks)
	check_eq $((w1 - w0)) 0 "expiry walks in 5 s with no timer due"
	stop_pids "$pid"
	check_ports br0 "$g" "" "after h2 left" "" 20
	check_ge $(($(walks) - w1)) 1 "expiry walks that removed h2's membership"
	log_info "figure: expiry walks $w0 until the join was walked, $((w1 - w0)) in 5 s, $(($(walks) - w1)) for the leave"
	echo 'module mcsnoop func mcs_table_expire -p' >"$dd"
}

mcs_require
mcs_run_tests "$@"
