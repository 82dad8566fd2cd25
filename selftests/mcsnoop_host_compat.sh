#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host compatibility per group and port (RFC 3376 7.3.2, RFC 3810 8.3.2):
# older hosts (IGMPv1/v2, MLDv1) that report a group behind a port put that
# group on that port into their compatibility mode for a membership
# interval. Meanwhile BLOCK(x) is ignored and TO_EX(x) is TO_EX({}) (an
# older host wants every source), and with IGMPv1 hosts an IGMPv2 leave is
# ignored (a v1 host answers no group-specific query in time). Other ports
# and groups keep the newest version's rules, and our queries stay in the
# querier's version (a v3 host that heard a v2 query would drop its
# source filters for every group).
#
# Older hosts are real host stacks with a forced version; the newer host
# behind the same port is, in the first three tests, crafted records sent
# from that port (frames.py), so that each record type is exact; in the
# last test it is a real IGMPv3 stack behind a plain bridge.
#
#  - igmpv2_host_block_ignored: h2's IGMPv2 stack joined G; BLOCK(h1) and
#    TO_EX({h1}) from p-h2 leave h1's stream flowing to p-h2 (host_compat
#    igmpv2 in group show); the same records on p-h3 (an IGMPv3 stack)
#    prune h1 there.
#  - igmpv1_host_leave_ignored: h2's IGMPv1 stack joined G on a fast-leave
#    port; an IGMPv2 leave from p-h2 is ignored (the stream goes on);
#    on p-h3 (an IGMPv2 stack) the same leave prunes at once.
#  - mldv1_host_block_ignored: as the first, for MLDv1 behind p-h2.
#  - igmpv2_host_timer: behind p-hub, a plain bridge, an IGMPv2 stack (a)
#    and an IGMPv3 stack (b) join G under our querier (1 s queries): b
#    keeps answering in IGMPv3 (its reports stay v3: queries were not
#    downgraded for the port), host_compat stays igmpv2 while a is joined,
#    and ends within the older host present interval (robustness x query
#    interval + response interval, RFC 9776 8.13) after a left; b stays.

ALL_TESTS=(
	igmpv2_host_block_ignored
	igmpv1_host_leave_ignored
	mldv1_host_block_ignored
	igmpv2_host_timer
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.2.3
G6=ff0e::9

# compat PORT [GROUP]: host_compat of PORT's membership (null: none).
compat()
{
	member_get br0 "${2:-$G}" "$1" .host_compat
}

compat_is()
{
	[ "$(compat "$1" "${3:-$G}")" = "$2" ]
}

# blocked PORT [GROUP]: the sources PORT's membership blocks.
blocked()
{
	member_get br0 "${2:-$G}" "$1" \
		'[.sources[]? | select(.blocked) | .source] | join(" ")'
}

# records_from HOST KEY N FRAME...: crafted frames from HOST's eth0, then
# wait until p-HOST counted N more of KEY.
records_from()
{
	local host=$1 key=$2 n=$3 before

	shift 3
	before=$(pstat "p-$host" "$key")
	frames "$host" eth0 "$@"
	wait_secs 30 pstat_ge "p-$host" "$key" $((before + n))
	check_err $? "p-$host did not count the crafted $key"
	# Past the last-member time (0.1 s): a lowered timer has run out.
	nap 0.5
}

igmpv2_host_block_ignored()
{
	star 3 v4 snoop && mcs sw bridge set br0 querier off ||
		{ check_err 1 "setup"; return; }
	igmp_version h2 2 && igmp_version h3 3
	bg_mcast h2 join eth0 "$G"
	bg_mcast h3 join eth0 "$G"
	check_ports br0 "$G" "p-h2 p-h3" "joins of h2 (v2) and h3 (v3)"
	wait_secs 30 compat_is p-h2 igmpv2
	check_err $? "host_compat of p-h2 is '$(compat p-h2)', expected igmpv2"
	check_eq "$(compat p-h3)" null "host_compat of p-h3 (IGMPv3 only)"
	# Another host behind p-h2, of IGMPv3, blocks h1; then excludes it.
	records_from h2 igmp_v3_report 1 "report3,rec=6:$G:10.0.0.1"
	deliver_check h1 "$G" "h2 h3" "" "BLOCK(h1) from p-h2 with an IGMPv2 host"
	records_from h2 igmp_v3_report 1 "report3,rec=4:$G:10.0.0.1"
	check_eq "$(blocked p-h2)" "" "sources blocked on p-h2 after TO_EX({h1})"
	deliver_check h1 "$G" "h2 h3" "" "TO_EX({h1}) from p-h2 with an IGMPv2 host"
	# Where only IGMPv3 hosts are, the same records are honoured.
	records_from h3 igmp_v3_report 1 "report3,rec=4:$G:10.0.0.1"
	check_eq "$(blocked p-h3)" 10.0.0.1 "sources blocked on p-h3 after TO_EX({h1})"
	deliver_check h1 "$G" "h2" "h3" "TO_EX({h1}) from p-h3, IGMPv3 hosts only"
}

igmpv1_host_leave_ignored()
{
	star 3 v4 snoop && mcs sw bridge set br0 querier off &&
		mcs sw port set p-h2 fast-leave on flood-unknown off &&
		mcs sw port set p-h3 fast-leave on flood-unknown off ||
		{ check_err 1 "setup"; return; }
	igmp_version h2 1 && igmp_version h3 2
	bg_mcast h2 join eth0 "$G"
	bg_mcast h3 join eth0 "$G"
	check_ports br0 "$G" "p-h2 p-h3" "joins of h2 (v1) and h3 (v2)"
	wait_secs 30 compat_is p-h2 igmpv1
	check_err $? "host_compat of p-h2 is '$(compat p-h2)', expected igmpv1"
	check_eq "$(compat p-h3)" igmpv2 "host_compat of p-h3"
	# An IGMPv2 host behind p-h2 leaves: the v1 host still wants G.
	records_from h2 igmp_v2_leave 1 "leave2,group=$G"
	check_eq "$(group_ports br0 "$G")" "p-h2 p-h3" "members after a leave behind p-h2"
	deliver_check h1 "$G" "h2 h3" "" "IGMPv2 leave from p-h2 with an IGMPv1 host"
	# With IGMPv2 hosts only, a leave on a fast-leave port prunes.
	records_from h3 igmp_v2_leave 1 "leave2,group=$G"
	check_ports br0 "$G" "p-h2" "fast leave on p-h3 (IGMPv2 hosts)"
	deliver_check h1 "$G" "h2" "h3" "IGMPv2 leave from p-h3"
}

mldv1_host_block_ignored()
{
	star 3 v6 snoop && mcs sw bridge set br0 querier off ||
		{ check_err 1 "setup"; return; }
	mld_version h2 1 && mld_version h3 2
	bg_mcast h2 join eth0 "$G6"
	bg_mcast h3 join eth0 "$G6"
	check_ports br0 "$G6" "p-h2 p-h3" "joins of h2 (MLDv1) and h3 (MLDv2)"
	wait_secs 30 compat_is p-h2 mldv1 "$G6"
	check_err $? "host_compat of p-h2 is '$(compat p-h2 "$G6")', expected mldv1"
	check_eq "$(compat p-h3 "$G6")" null "host_compat of p-h3 (MLDv2 only)"
	records_from h2 mld_v2_report 1 "report6v2,rec=6:$G6@fe80::1"
	deliver_check h1 "$G6" "h2 h3" "" "BLOCK(h1) from p-h2 with an MLDv1 host"
	records_from h2 mld_v2_report 1 "report6v2,rec=4:$G6@fe80::1"
	check_eq "$(blocked p-h2 "$G6")" "" "sources blocked on p-h2 after TO_EX({h1})"
	deliver_check h1 "$G6" "h2 h3" "" "TO_EX({h1}) from p-h2 with an MLDv1 host"
	records_from h3 mld_v2_report 1 "report6v2,rec=4:$G6@fe80::1"
	check_eq "$(blocked p-h3 "$G6")" fe80::1 "sources blocked on p-h3 after TO_EX({h1})"
	deliver_check h1 "$G6" "h2" "h3" "TO_EX({h1}) from p-h3, MLDv2 hosts only"
}

igmpv2_host_timer()
{
	local v2 v3 pid ohpi t0 secs

	ns_create sw noipv6 && br_create sw br0 0 &&
		ns_create hub noipv6 && br_create hub br1 0 &&
		host_add hub br1 a 10.0.0.1/24 noipv6 &&
		host_add hub br1 b 10.0.0.2/24 noipv6 &&
		ipn sw link add p-hub type veth peer name up0 \
			netns "$(nsname hub)" &&
		ipn sw link set p-hub master br0 up &&
		ipn hub link set up0 master br1 up &&
		mcs sw bridge enable br0 querier auto querier-address 10.0.0.254 \
			query-interval 1 query-response-interval 0.5 \
			robustness 2 ||
		{ check_err 1 "setup"; return; }
	# Older host present interval: robustness x query interval + response
	# interval.
	ohpi=2.5
	igmp_version a 2 && igmp_version b 3
	bg_mcast a join eth0 "$G"
	pid=${BG_PIDS[-1]}
	bg_mcast b join eth0 "$G"
	check_ports br0 "$G" "p-hub" "joins behind p-hub"
	wait_secs 30 compat_is p-hub igmpv2
	check_err $? "host_compat of p-hub is '$(compat p-hub)', expected igmpv2"
	# Both answer our queries, each in its own version, for 3 s; the
	# v2 host keeps the group in IGMPv2 compatibility all along.
	v2=$(pstat p-hub igmp_v2_report)
	v3=$(pstat p-hub igmp_v3_report)
	t0=$SECONDS
	while [ $((SECONDS - t0)) -lt 3 ]; do
		compat_is p-hub igmpv2 ||
			check_err 1 "host_compat lapsed while the IGMPv2 host was joined"
		nap 0.5
	done
	check_ge $(($(pstat p-hub igmp_v2_report) - v2)) 2 \
		"IGMPv2 reports of a in 3 s of 1 s queries"
	check_ge $(($(pstat p-hub igmp_v3_report) - v3)) 2 \
		"IGMPv3 reports of b in 3 s (queries to p-hub stayed IGMPv3)"
	# a leaves; b stays: the older host timer runs out.
	kill "$pid"
	t0=$SECONDS
	wait_secs $((10 * MCS_SLOW)) compat_is p-hub null
	check_err $? "host_compat still '$(compat p-hub)' $((SECONDS - t0)) s after the IGMPv2 host left (older host present interval ${ohpi} s)"
	secs=$((SECONDS - t0))
	log_info "host_compat ended ${secs} s after the IGMPv2 host left"
	check_eq "$(group_ports br0 "$G")" "p-hub" "b is still a member"
}

mcs_require
mcs_run_tests "$@"
