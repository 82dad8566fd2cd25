#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fast leave and the last-member grace period, against real host stacks.
# br0 in namespace sw with hosts h1 h2 (receivers), h3 (sender of a steady
# stream) and a port p-hub to a plain flooding bridge (namespace hub) with
# two hosts h4 h5 behind it. The querier of br0 is active (proxy or auto),
# flood-unknown is off, the query interval long so that no general query
# happens during a test: reports that follow a leave answer our
# group-specific queries.
#
# What the bridge sends to and receives from each port is counted by a
# packet socket in sw (sniff below: data frames, general and
# group-specific queries, reports and leaves per port and direction, with
# kernel timestamps), so that queries never count as data.
#
#  - fast_leave_{igmpv2,mldv1,igmpv3} (IGMPv2 leave, MLDv1 done, IGMPv3
#    TO_IN({})): (1) h1's stack leaves (fast-leave port): once the
#    membership is gone p-h1 gets no data frame at all, h2 keeps
#    receiving, last-member-count group-specific queries went to p-h1;
#    (2) h5 leaves (crafted, from h5's own MAC) from behind p-hub (fast
#    leave): host tracking removes only h5's membership, h4's (its stack,
#    its MAC) keeps p-hub a member: p-hub stays in the group and, once the
#    stream has gone on for two seconds' worth of frames after the leave
#    and stops, p-hub got exactly as many data frames as p-h2 (a member
#    throughout): not one lost.
#  - normal_leave_igmpv2: no fast leave, last-member 2 x 1 s: right after
#    the leave was seen p-h1 is still a member; it is pruned ~2 s after the
#    leave and not before.

ALL_TESTS=(
	fast_leave_igmpv2
	normal_leave_igmpv2
	fast_leave_mldv1
	fast_leave_igmpv3
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G4=239.1.2.3
G6=ff0e::9
# Stream rate (datagrams per second): low enough for a TCG guest, lower
# on a slower one (MCS_SLOW, lib.sh), where the sniffer must keep up.
PPS=${PPS:-$((100 / MCS_SLOW))}
# last-member-interval (s) and count used throughout: the window between
# a leave and the prune must outlast a few tool calls.
LMI=$MCS_SLOW
LMC=2

# ------------------------------------------------------------ helpers

# qget FAMILY KEY: KEY of br0's querier show row of FAMILY (inet|inet6).
qget()
{
	querier_get sw br0 "$1" "$2" any
}

q_active()
{
	local r

	r=$(qget "$1" role)
	[ "$r" = querier ] || [ "$r" = proxy ]
}

# fl_setup FAM QUERIER: sw/br0 with hosts h1 h2 h3 (v4: 10.0.0.i, v6:
# fe80::i) and a port p-hub to bridge hb0 in namespace hub (own snooping
# off: it floods) with hosts h4 h5. br0 enabled with QUERIER (proxy|auto),
# flood-unknown off (a group whose last member left is not flooded back),
# a long query interval, one startup query, last member 2 x 1 s. Counters
# run in sw.
fl_setup()
{
	local fam=$1 querier=$2 i qaddr=()

	ns_create sw noipv6 && br_create sw br0 0 || return 1
	ns_create hub noipv6 && br_create hub hb0 0 || return 1
	ipn sw link add p-hub type veth peer name up0 \
		netns "$NS_PREFIX-hub" || return 1
	ipn sw link set p-hub master br0 up || return 1
	ipn hub link set up0 master hb0 up || return 1
	for i in 1 2 3; do
		star_host sw br0 "$i" "$fam" || return 1
	done
	for i in 4 5; do
		star_host hub hb0 "$i" "$fam" || return 1
	done
	if [ "$querier" = auto ]; then
		qaddr=(querier-address 10.0.0.254 querier-address fe80::fe)
	fi
	mcs sw bridge enable br0 querier "$querier" "${qaddr[@]}" \
		flood-unknown off \
		query-interval 100 query-response-interval 1 robustness 2 \
		startup-query-count 1 last-member-interval "$LMI" \
		last-member-count "$LMC" membership-timeout 600 \
		router-timeout 600 >/dev/null || return 1
	sniff sw
}

# member_ports GROUP: the member ports of GROUP in br0, sorted, each once
# (with host tracking each host behind p-hub is a member of its own).
member_ports()
{
	local p last='' ports=()

	for p in $(group_ports br0 "$1"); do
		[ "$p" = "$last" ] || ports+=("$p")
		last=$p
	done
	echo "${ports[*]}"
}

member_ports_are()
{
	[ "$(member_ports "$1")" = "$2" ]
}

# check_member_ports GROUP "WANT" WHAT: wait (60 s) for member_ports.
check_member_ports()
{
	wait_secs 60 member_ports_are "$1" "$2"
	check_err $? "$3: members of $1 are '$(member_ports "$1")', expected '$2'"
}

# fam_of PROTO / group_of PROTO / version_set HOST PROTO
fam_of()
{
	case $1 in
	mld*) echo v6 ;;
	*) echo v4 ;;
	esac
}

group_of()
{
	case $1 in
	mld*) echo "$G6" ;;
	*) echo "$G4" ;;
	esac
}

version_set()
{
	case $2 in
	igmpv2) igmp_version "$1" 2 ;;
	igmpv3) igmp_version "$1" 3 ;;
	mldv1) mld_version "$1" 1 ;;
	esac
}

# leave_counter PROTO: the port counter key of the leave message of PROTO.
leave_counter()
{
	case $1 in
	igmpv2) echo igmp_v2_leave ;;
	igmpv3) echo igmp_v3_report ;;
	mldv1) echo mld_v1_done ;;
	esac
}

# ------------------------------------------------------------- tests

# fast_leave PROTO QUERIER: fast leave on p-h1 and p-hub. Members: h1, h2
# (host stacks), behind p-hub h4 (host stack) and h5 (crafted frames);
# h3 streams. First h1's stack leaves, then h5 (crafted).
fast_leave()
{
	local proto=$1 fam grp inet=inet pid a1 a2 b1 b2 qs0 qs1 lat t
	local join leave spid n0 tohub toh2

	fam=$(fam_of "$proto")
	grp=$(group_of "$proto")
	[ "$fam" = v6 ] && inet=inet6
	case $proto in
	igmpv2) join="report2,group=$grp" leave="leave2,group=$grp" ;;
	igmpv3) join="report3,rec=4:$grp" leave="report3,rec=3:$grp" ;;
	mldv1) join="report6v1,group=$grp" leave="done6,group=$grp" ;;
	esac
	fl_setup "$fam" "$2" || { check_err 1 "setup"; return; }
	version_set h1 "$proto" && version_set h2 "$proto" &&
		version_set h4 "$proto"
	mcs sw port set p-h1 fast-leave on && mcs sw port set p-hub fast-leave on
	check_eq "$(port_get p-h1 fast_leave)" true "fast_leave of p-h1"
	check_eq "$(port_get p-h2 fast_leave)" false "fast_leave of p-h2"
	wait_secs 30 q_active "$inet"
	check_err $? "$inet querier of br0 not active: role '$(qget "$inet" role)'"
	sniff h4 || { check_err 1 "counter in h4"; return; }
	bg_mcast h2 join eth0 "$grp"
	bg_mcast h4 join eth0 "$grp"
	bg_mcast h1 join eth0 "$grp"
	pid=${BG_PIDS[-1]}
	frames h5 eth0 "$join"
	check_member_ports "$grp" "p-h1 p-h2 p-hub" "$proto joins of h1, h2, h4, h5"
	wait_secs 60 cnt_ge h4 eth0.tx.rep 1
	check_err $? "h4's stack sent no report"
	stream h3 "$grp"
	spid=${BG_PIDS[-1]}
	wait_secs 60 cnt_ge sw p-h1.tx.data 20 && wait_secs 60 cnt_ge sw p-h2.tx.data 20 &&
		wait_secs 60 cnt_ge h4 eth0.rx.data 20
	check_err $? "the stream does not reach all members: p-h1 $(cnt sw p-h1.tx.data) p-h2 $(cnt sw p-h2.tx.data) h4 $(cnt h4 eth0.rx.data)"
	qs0=$(qget "$inet" queries_sent)

	# 1. h1's stack leaves.
	kill "$pid"
	wait_secs 60 no_member sw br0 "$grp" p-h1
	check_err $? "$proto leave of h1 (fast leave): members still '$(members sw br0 "$grp")'"
	sniff_sync sw
	check_ge "$(cnt sw p-h1.rx.leave)" 1 "leaves of h1 seen on p-h1"
	# Baseline once the membership is gone: not one more frame.
	a1=$(cnt sw p-h1.tx.data)
	b1=$(cnt sw p-h2.tx.data)
	nap 2
	sniff_sync sw
	a2=$(cnt sw p-h1.tx.data)
	b2=$(cnt sw p-h2.tx.data)
	check_eq "$((a2 - a1))" 0 "data frames to p-h1 in 2 s after its membership vanished"
	check_ge "$((b2 - b1))" $((PPS / 10)) "data frames to p-h2 in those 2 s"
	# The stream was cut when the leave came in, not a last-member time
	# later (time of the last data frame to p-h1 after the first leave).
	lat=$(( $(cnt sw t.p-h1.tx.data) - $(cnt sw tl.p-h1) ))
	log_info "$proto: last data frame to p-h1 $lat ms after the leave came in, $(( $(cnt sw p-h1.tx.data) - $(cnt sw dl.p-h1) )) frames after it"
	[ "$lat" -lt $((300 * MCS_SLOW)) ]
	check_err $? "p-h1 still got data $lat ms after the leave (fast leave)"
	check_eq "$(member_ports "$grp")" "p-h2 p-hub" "members after h1 left"
	# Group-specific queries to p-h1 (their number: below).
	wait_secs 30 cnt_ge sw p-h1.tx.gsq 1
	check_err $? "no group-specific query to p-h1"

	# 2. Two hosts behind p-hub: h5 leaves (from its own MAC); h4's
	# membership (its stack, its MAC) keeps p-hub forwarding, without a
	# gap: the stream goes on for two seconds' worth of frames, stops,
	# and p-hub got every frame p-h2 (a member throughout) got.
	frames h5 eth0 "$leave"
	wait_secs 60 cnt_ge sw p-hub.rx.leave 1
	check_err $? "h5's leave not seen on p-hub"
	sniff_sync sw
	n0=$(cnt sw p-h3.rx.data)
	wait_secs 60 cnt_ge sw p-h3.rx.data $((n0 + 2 * PPS))
	check_eq "$(member_ports "$grp")" "p-h2 p-hub" "$proto: members after h5 left (h4 behind p-hub still joined)"
	stop_pids "$spid"
	sniff_sync sw
	tohub=$(cnt sw p-hub.tx.data)
	toh2=$(cnt sw p-h2.tx.data)
	log_info "$proto: p-hub: $tohub data frames, p-h2 $toh2; after h5's leave $(cnt sw p-hub.tx.gsq) group-specific queries to p-hub, $(cnt h4 eth0.tx.rep) reports from h4, data_pruned $(pstat p-hub data_pruned)"
	check_eq "$((toh2 - tohub))" 0 "$proto: data frames p-hub missed (p-h2 got $toh2) when h5 left (fast leave, h4 joined)"

	# last-member-count group-specific queries to p-h1, LMI apart.
	sniff_sync sw
	check_eq "$(cnt sw p-h1.tx.gsq)" "$LMC" "group-specific queries to p-h1"
	t=$(( $(cnt sw t.p-h1.tx.gsq) - $(cnt sw t1.p-h1.tx.gsq) ))
	awk -v t="$t" -v w=$(((LMC - 1) * LMI * 1000)) \
		'BEGIN { exit !(t >= w * 0.9 && t <= w + 3000) }'
	check_err $? "group-specific queries to p-h1 $t ms apart, expected $(((LMC - 1) * LMI * 1000))"
	log_info "group-specific queries to p-h2: $(cnt sw p-h2.tx.gsq), general queries to p-h1: $(cnt sw p-h1.tx.gq)"
	qs1=$(qget "$inet" queries_sent)
	check_ge "$((qs1 - qs0))" "$LMC" "queries_sent increase of the $inet querier"
	check_ge "$(pstat p-h1 "$(leave_counter "$proto")")" 1 "$(leave_counter "$proto") of p-h1"
}

fast_leave_igmpv2()
{
	fast_leave igmpv2 proxy
}

fast_leave_igmpv3()
{
	fast_leave igmpv3 auto
}

fast_leave_mldv1()
{
	fast_leave mldv1 auto
}

# Without fast leave: last-member-count x last-member-interval (2 s).
normal_leave_igmpv2()
{
	local pid lat n0 n1 n2 member

	fl_setup v4 auto || { check_err 1 "setup"; return; }
	version_set h1 igmpv2 && version_set h2 igmpv2
	check_eq "$(port_get p-h1 fast_leave)" false "fast_leave of p-h1 by default"
	wait_secs 30 q_active inet
	check_err $? "querier of br0 not active: role '$(qget inet role)'"
	bg_mcast h2 join eth0 "$G4"
	bg_mcast h1 join eth0 "$G4"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$G4" "p-h1 p-h2" "IGMPv2 joins of h1 and h2" "" 60
	stream h3 "$G4"
	wait_secs 60 cnt_ge sw p-h1.tx.data 20 && wait_secs 60 cnt_ge sw p-h2.tx.data 20
	check_err $? "the stream does not reach both members: p-h1 $(cnt sw p-h1.tx.data) p-h2 $(cnt sw p-h2.tx.data)"
	kill "$pid"
	# Right after the leave came in, p-h1 is still a member.
	wait_secs 60 cnt_ge sw p-h1.rx.leave 1
	check_err $? "no leave from h1 seen on p-h1"
	member=$(members sw br0 "$G4")
	n0=$(cnt sw p-h1.tx.data)
	log_info "members right after the leave: '$member'"
	[[ " $member " == *" p-h1 "* ]]
	check_err $? "p-h1 no longer a member right after the leave (no fast leave): '$member'"
	# Pruned after the last-member time.
	wait_secs 60 no_member sw br0 "$G4" p-h1
	check_err $? "p-h1 never pruned: members '$(members sw br0 "$G4")'"
	sniff_sync sw
	n1=$(cnt sw p-h1.tx.data)
	nap 2
	sniff_sync sw
	n2=$(cnt sw p-h1.tx.data)
	check_eq "$((n2 - n1))" 0 "data frames to p-h1 in 2 s after it was pruned"
	lat=$(( $(cnt sw t.p-h1.tx.data) - $(cnt sw tl.p-h1) ))
	log_info "last data frame to p-h1 $lat ms after the leave came in ($(( $(cnt sw p-h1.tx.data) - $(cnt sw dl.p-h1) )) frames after it, $((n1 - n0)) after the member check)"
	# 2 s of grace: not cut before 1.5 s (stream gaps), nor kept long.
	[ "$lat" -ge $((LMC * LMI * 1000 * 3 / 4)) ]
	check_err $? "p-h1 pruned $lat ms after the leave, before the last-member time ($((LMC * LMI)) s)"
	[ "$lat" -le $((LMC * LMI * 1000 + 8000 * MCS_SLOW)) ]
	check_err $? "p-h1 pruned $lat ms after the leave, long after the last-member time"
	check_eq "$(cnt sw p-h1.tx.gsq)" "$LMC" "group-specific queries to p-h1"
	check_eq "$(group_ports br0 "$G4")" "p-h2" "members after h1 was pruned"
	nap 1
	sniff_sync sw
	check_ge "$(( $(cnt sw p-h2.tx.data) - n2 ))" $((PPS / 10)) "data frames to p-h2 after p-h1 was pruned"
}

mcs_require
mcs_run_tests "$@"
