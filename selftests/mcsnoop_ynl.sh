#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The family through the kernel's own generic netlink client: cli.py of
# tools/net/ynl (linux-source-6.12) reads Documentation/netlink/specs/
# mcsnoop.yaml, validated against the kernel's genetlink-legacy schema,
# and talks to the live module in namespace sw (br0, hosts h1 and h2).
#
#  - ynl_do: bridge-get decodes (names, enums, the stats nest), bridge-set
#    changes what the tool then shows, a value out of range gets the
#    handler's message, a read-only attribute is refused by the generated
#    policy with the offset that the client turns back into its name,
#    querier-get as a do (and its refusal of an unknown family).
#  - ynl_dump: group-get with the members nest of a host's real join,
#    port-get filtered by bridge, querier-get of both families.
#  - ynl_big_groups: a group larger than a page and one whose members
#    fill more than a netlink attribute's 64 KiB: a dump splits a group
#    between messages at its members, and the tool prints one group; a
#    do answers the first and refuses the second with a message.
#  - ynl_notify: --subscribe events sees member-add (report, static) and
#    member-del (static) events decoded by their enum names.
#
# cli.py comes from build/ynl, which scripts/ynl-regen.sh extracts (make
# check runs it first); YNL_KSRC points at another extracted tree.

ALL_TESTS=(
	ynl_do
	ynl_dump
	ynl_big_groups
	ynl_notify
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

YNL_KSRC=${YNL_KSRC:-$MCS_DIR/../build/ynl/linux-source-6.12}
YNL_CLI=$YNL_KSRC/tools/net/ynl/cli.py
YNL_SCHEMA=$YNL_KSRC/Documentation/netlink/genetlink-legacy.yaml
YNL_SPEC=$MCS_DIR/../Documentation/netlink/specs/mcsnoop.yaml

# A cli.py run takes 10 to 20 s in a loaded TCG guest (Python, YAML).
YNL_TIMEOUT=$((120 * MCS_SLOW))

# ynl NS ARGS...: cli.py in namespace NS with our spec, JSON output; its
# stderr goes to $MCS_TMP/ynl.err. Not "python3 -S": it needs yaml and
# jsonschema from dist-packages. The spec is validated against the
# kernel's schema by ynl_do's first call (and by make ynl-check): the
# others skip that.
ynl()
{
	local ns=$1

	shift
	timeout "$YNL_TIMEOUT" ip netns exec "$NS_PREFIX-$ns" "$PYTHON" \
		"$YNL_CLI" --spec "$YNL_SPEC" --output-json "$@" \
		2>"$MCS_TMP/ynl.err"
}

# ynl_err: the end of the last cli.py's stderr, for failure messages.
ynl_err()
{
	tail -c 400 "$MCS_TMP/ynl.err" 2>/dev/null
}

ynl_setup()
{
	star 2 v4 snoop
}

ynl_do()
{
	local out

	ynl_setup || { check_err 1 "setup"; return; }

	out=$(ynl sw --schema "$YNL_SCHEMA" --do bridge-get \
		--json '{"ifname": "br0"}')
	check_err $? "bridge-get: $out $(ynl_err)"
	check_eq "$(jq -r '[.ifname, .querier, ."query-interval",
		(.stats.igmp | type)] | join(" ")' <<<"$out")" \
		"br0 off 1000 number" "bridge-get decoded"

	out=$(ynl sw --no-schema --do bridge-set \
		--json '{"ifname": "br0", "max-groups": 77, "querier": 1}')
	check_err $? "bridge-set: $out $(ynl_err)"
	out=$(mcsj sw bridge show br0)
	check_eq "$(jq -r '.[0] | "\(.max_groups) \(.querier)"' <<<"$out")" \
		"77 proxy" "the tool after a bridge-set through ynl: $out"

	# Out of range: the handler's message names the attribute.
	out=$(ynl sw --no-schema --do bridge-set \
		--json '{"ifname": "br0", "query-interval": 5}')
	check_fail $? "query-interval 5 accepted: $out"
	out+=$(ynl_err)
	check_match "$out" "query_interval: out of range" \
		"extack of query-interval 5"

	# Read-only in a request: the generated policy refuses it, and the
	# offset names it (the client prints it as .group-count).
	out=$(ynl sw --no-schema --do bridge-set \
		--json '{"ifname": "br0", "group-count": 1}')
	check_fail $? "group-count accepted in bridge-set: $out"
	out+=$(ynl_err)
	check_match "$out" "'bad-attr': '\\.group-count'" \
		"extack offset of group-count"

	out=$(ynl sw --no-schema --do querier-get \
		--json '{"bridge-ifname": "br0", "vid": 0, "family": 2}')
	check_err $? "querier-get: $out $(ynl_err)"
	check_eq "$(jq -r '"\(."bridge-ifname") \(.family) \(.mode) \(.role)"' \
		<<<"$out")" "br0 2 proxy proxy" "querier-get do"

	out=$(ynl sw --no-schema --do querier-get \
		--json '{"bridge-ifname": "br0", "family": 7}')
	check_fail $? "querier-get of family 7 accepted: $out"
	out+=$(ynl_err)
	check_match "$out" "family: not AF_INET" "extack of querier-get family 7"
}

# has_member GROUP PORT: the tool shows PORT as a member of GROUP on br0.
has_member()
{
	local out

	out=$(mcsj sw group show br0 group "$1") &&
		[[ $out == *"\"$2\""* ]]
}

ynl_dump()
{
	local out

	ynl_setup || { check_err 1 "setup"; return; }
	bg_mcast h1 join eth0 239.1.1.1
	wait_secs 60 has_member 239.1.1.1 p-h1
	check_err $? "h1's join never reached the table"

	out=$(ynl sw --no-schema --dump group-get \
		--json '{"bridge-ifname": "br0"}')
	check_err $? "group-get dump: $out $(ynl_err)"
	check_eq "$(jq -r '.[] | select(.addr == "ef010101") |
		[.members.member[]."port-ifname"] | join(",")' <<<"$out")" \
		"p-h1" "members of 239.1.1.1 in the dump"

	out=$(ynl sw --no-schema --dump port-get \
		--json '{"bridge-ifname": "br0"}')
	check_err $? "port-get dump: $out $(ynl_err)"
	check_eq "$(jq -r '[.[].ifname] | sort | join(",")' <<<"$out")" \
		"p-h1,p-h2" "ports of br0 in the dump"

	out=$(ynl sw --no-schema --dump querier-get)
	check_err $? "querier-get dump: $out $(ynl_err)"
	check_eq "$(jq -r '[.[] | "\(.vid)/\(.family)/\(.mode)"] | sort |
		join(",")' <<<"$out")" "0/10/off,0/2/off" "queriers in the dump"
}

# big_group_check GROUP MEMBERS: the tool's JSON shows GROUP once on br0,
# with MEMBERS members of 64 sources each.
big_group_check()
{
	local out

	out=$(mcsj sw group show br0)
	check_err $? "group show: $out"
	check_eq "$(jq -r --arg g "$1" '[.[] | select(.group == $g) |
		"\(.members | length)x\([.members[].sources | length] | unique |
		join(","))"] | join(" ")' <<<"$out")" "${2}x64" \
		"$1 in group show (members x sources)"
}

ynl_big_groups()
{
	local i j out batch=$MCS_TMP/big.batch
	local G1=239.9.0.1 G2=239.9.0.2

	ynl_setup || { check_err 1 "setup"; return; }
	for i in $(seq 1 30); do
		echo "link add d$i type dummy"
		echo "link set d$i master br0 up"
	done | ipn sw -b -
	check_err $? "30 dummy ports"
	# G1 on 3 ports (7 KiB), G2 on 30 (70 KiB), 64 sources each.
	for i in $(seq 1 30); do
		for j in $(seq 1 64); do
			[ "$i" -gt 3 ] ||
				echo "group add br0 $G1 port d$i source 10.9.$i.$j"
			echo "group add br0 $G2 port d$i source 10.9.$i.$j"
		done
	done >"$batch"
	mcs sw -b "$batch"
	check_err $? "mcsnoopctl -b: $(wc -l <"$batch") static sources"
	big_group_check "$G1" 3
	big_group_check "$G2" 30

	# A dump's first part on a socket that has not read yet is a page.
	out=$(ynl sw --no-schema --dump group-get \
		--json '{"bridge-ifname": "br0"}')
	check_err $? "group-get dump: $out $(ynl_err)"
	check_eq "$(jq -r '[.[] | select(.addr == "ef090001") |
		.members.member[]."port-ifname"] | length' <<<"$out")" 3 \
		"members of $G1 in a dump of cli.py"

	out=$(ynl sw --no-schema --do group-get \
		--json '{"bridge-ifname": "br0", "addr": "ef090001"}')
	check_err $? "group-get do of $G1: $out $(ynl_err)"
	check_eq "$(jq -r '[.members.member[] | .sources.source | length] |
		join(",")' <<<"$out")" "64,64,64" "sources of $G1's members (do)"

	out=$(ynl sw --no-schema --do group-get \
		--json '{"bridge-ifname": "br0", "addr": "ef090002"}')
	check_fail $? "group-get do of $G2 (70 KiB) answered: ${out:0:200}"
	out+=$(ynl_err)
	check_match "$out" "do not fit in one message" "extack of the do of $G2"
}

# A static membership added and removed, and a report from h1, every
# second until cli.py ends: some of them fall in its listening window
# whatever its start-up takes.
ynl_notify_traffic()
{
	local pid=$1 i=0

	while kill -0 "$pid" 2>/dev/null; do
		i=$((i + 1))
		mcs sw group add br0 239.2.0.1 port p-h2
		mcs sw group del br0 239.2.0.1 port p-h2
		frames h1 eth0 "report2,group=239.3.0.$((i % 250 + 1))"
		sleep 1
	done
}

ynl_notify()
{
	local f=$MCS_TMP/ntf.json pid

	ynl_setup || { check_err 1 "setup"; return; }
	YNL_TIMEOUT=$((YNL_TIMEOUT + 20 * MCS_SLOW)) \
		ynl sw --no-schema --subscribe events \
		--sleep $((20 * MCS_SLOW)) >"$f" &
	pid=$!
	ynl_notify_traffic "$pid"
	wait "$pid"
	check_err $? "cli.py --subscribe: $(head -c 300 "$f") $(ynl_err)"

	check_eq "$(jq -r '[.[] | select(.name == "event") | .msg |
		select(.type == "member-add" and .reason == "static" and
		       ."port-ifname" == "p-h2" and .group == "ef020001")] |
		length > 0' "$f")" true "member-add (static) notification"
	check_eq "$(jq -r '[.[] | select(.name == "event") | .msg |
		select(.type == "member-del" and .reason == "static" and
		       ."bridge-ifname" == "br0")] | length > 0' "$f")" true \
		"member-del (static) notification"
	check_eq "$(jq -r '[.[] | select(.name == "event") | .msg |
		select(.type == "member-add" and .reason == "report" and
		       ."port-ifname" == "p-h1" and
		       (.group | startswith("ef03")))] | length > 0' "$f")" true \
		"member-add (report) notification"
}

[ -f "$YNL_CLI" ] && [ -f "$YNL_SCHEMA" ] ||
	mcs_skip_all "no $YNL_CLI (scripts/ynl-regen.sh --check extracts it)"
mcs_require
mcs_run_tests "$@"
