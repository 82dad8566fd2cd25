#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A LAN of three mcsnoop bridges in a chain, each in its own namespace with
# its own address on br0 and querier auto (the lowest address, s1's, must
# win LAN-wide), hosts behind each:
#
#   a1 - s1/br0 (10.0.0.251) l12 -- l21 s2/br0 (.252) l23 -- l32 s3/br0 (.253) - a3
#                                       |      |
#                                       a2     b2
#
#  - chain_querier: s1 is the querier, s2 and s3 show role other with s1's
#    address and the port towards it, and stay silent; each learns its
#    router port towards s1 (l21 on s2, l32 on s3), and no router port
#    away from it.
#  - chain_reports_stream: a3's reports cross to the querier and nowhere
#    else (s1 learns the group on l12, s2 on l23; a2, b2, a1 get no
#    report); a stream from a1 crosses only the links that lead to members
#    (no member: not even l12; a3 member: l12 and l23; only a2: l12, not
#    l23). Frames are counted per port and kind by a packet socket in each
#    switch namespace.

ALL_TESTS=(
	chain_querier
	chain_reports_stream
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.2.3
N=50

# ------------------------------------------------------------ helpers

# pget NS DEV KEY: one key of port show -j.
pget()
{
	json_value "$(mcsj "$1" port show "$2")" "$3"
}

pget_is()
{
	[ "$(pget "$1" "$2" "$3")" = "$4" ]
}

# check_pget NS DEV KEY WANT WHAT [SECS]
check_pget()
{
	wait_secs "${6:-60}" pget_is "$1" "$2" "$3" "$4"
	check_err $? "$5: $1 port $2 $3 is '$(pget "$1" "$2" "$3")', expected '$4'"
}

# qrow NS: "role querier port own_address" of NS's br0 (IPv4).
qrow()
{
	local k v=()

	querier_row "$1" br0 inet any
	for k in role querier port own_address; do
		v+=("$(json_value "$QROW" "$k")")
	done
	echo "${v[*]}"
}

qrow_is()
{
	[ "$(qrow "$1")" = "$2" ]
}

qsent()
{
	querier_get "$1" br0 inet queries_sent any
}

# check_members NS GROUP "PORTS" WHAT: wait until the member ports of
# GROUP on NS's br0 are PORTS (in table order compared as a set).
members_are()
{
	local got want=" $3 " p n=0

	got=$(members "$1" br0 "$2")
	for p in $got; do
		[[ $want == *" $p "* ]] || return 1
		n=$((n + 1))
	done
	read -r -a p <<<"$3"
	[ "$n" -eq "${#p[@]}" ]
}

check_members()
{
	wait_secs 60 members_are "$1" "$2" "$3"
	check_err $? "$4: members of $2 on $1 are '$(members "$1" br0 "$2")', expected '$3'"
}

# chain_setup: the three bridges, the links, the hosts; enabled from s3 to
# s1, so that s3 and s2 start as queriers and have to give way.
chain_setup()
{
	local n

	for n in 1 2 3; do
		ns_create "s$n" noipv6 && br_create "s$n" br0 0 &&
			ipn "s$n" addr add "10.0.0.25$n/24" dev br0 || return 1
	done
	ipn s1 link add l12 type veth peer name l21 netns "$NS_PREFIX-s2" &&
		ipn s2 link add l23 type veth peer name l32 netns "$NS_PREFIX-s3" &&
		ipn s1 link set l12 master br0 up &&
		ipn s2 link set l21 master br0 up &&
		ipn s2 link set l23 master br0 up &&
		ipn s3 link set l32 master br0 up || return 1
	host_add s1 br0 a1 10.0.0.11/24 noipv6 &&
		host_add s2 br0 a2 10.0.0.21/24 noipv6 &&
		host_add s2 br0 b2 10.0.0.22/24 noipv6 &&
		host_add s3 br0 a3 10.0.0.31/24 noipv6 || return 1
	for n in 3 2 1; do
		mcs "s$n" bridge enable br0 querier auto query-interval 2 \
			query-response-interval 1 robustness 2 \
			last-member-interval 0.5 last-member-count 2 \
			flood-unknown off >/dev/null || return 1
	done
}

# chain_elected: wait for s1 to be the LAN's querier everywhere.
chain_elected()
{
	wait_secs 90 qrow_is s1 "querier 10.0.0.251 null 10.0.0.251"
	check_err $? "s1: querier row '$(qrow s1)', expected role querier 10.0.0.251"
	wait_secs 90 qrow_is s2 "other 10.0.0.251 l21 10.0.0.252"
	check_err $? "s2: querier row '$(qrow s2)', expected role other 10.0.0.251 port l21"
	wait_secs 90 qrow_is s3 "other 10.0.0.251 l32 10.0.0.253"
	check_err $? "s3: querier row '$(qrow s3)', expected role other 10.0.0.251 port l32"
}

# burst SENDER NS PORT: N datagrams to G from SENDER, then wait until the
# bridge of NS sent all of them out of PORT.
burst_to()
{
	local base

	base=$(cnt "$2" "$3.tx.data")
	mcast "$1" send eth0 "$G" "$N"
	wait_secs 60 cnt_ge "$2" "$3.tx.data" $((base + N))
}

# ------------------------------------------------------------- tests

chain_querier()
{
	local s1a s1b s2a s2b s3a s3b

	chain_setup || { check_err 1 "setup"; return; }
	chain_elected
	# Router ports towards the querier, none away from it (s2's and s3's
	# own startup queries made some for a router timeout: 4.5 s).
	check_pget s2 l21 router_ipv4 query "router port of s2 towards s1"
	check_pget s3 l32 router_ipv4 query "router port of s3 towards s2"
	check_pget s1 l12 router_ipv4 none "s1, port towards s2"
	check_pget s2 l23 router_ipv4 none "s2, port towards s3"
	check_eq "$(pget s2 p-a2 router_ipv4)" none "router_ipv4 of s2's host port p-a2"
	check_eq "$(pget s3 p-a3 router_ipv4)" none "router_ipv4 of s3's host port p-a3"
	# Only s1 queries (interval 2 s).
	s1a=$(qsent s1) s2a=$(qsent s2) s3a=$(qsent s3)
	sleep 5
	s1b=$(qsent s1) s2b=$(qsent s2) s3b=$(qsent s3)
	check_ge "$((s1b - s1a))" 2 "queries sent by s1 in 5 s"
	check_eq "$((s2b - s2a))" 0 "queries sent by s2 in 5 s"
	check_eq "$((s3b - s3a))" 0 "queries sent by s3 in 5 s"
	# Still elected, and the router ports still learnt (refreshed).
	check_eq "$(qrow s3)" "other 10.0.0.251 l32 10.0.0.253" "s3 querier row later"
	check_eq "$(pget s3 l32 router_ipv4)" query "router port of s3 later"
}

chain_reports_stream()
{
	local pid b12 b23 ba2 bb2 ba1

	chain_setup || { check_err 1 "setup"; return; }
	sniff s1 && sniff s2 && sniff s3 || { check_err 1 "counters"; return; }
	chain_elected
	check_pget s1 l12 router_ipv4 none "s1, port towards s2"
	check_pget s2 l23 router_ipv4 none "s2, port towards s3"

	# No member anywhere: the stream stays on s1 (flood-unknown off, no
	# router port there).
	b12=$(cnt s1 l12.tx.data) ba1=$(cnt s1 p-a1.rx.data)
	mcast a1 send eth0 "$G" "$N"
	wait_secs 60 cnt_ge s1 p-a1.rx.data $((ba1 + N))
	check_err $? "s1 did not receive a1's datagrams: $(cnt s1 p-a1.rx.data)"
	sleep 1
	check_eq "$(( $(cnt s1 l12.tx.data) - b12 ))" 0 "data on l12 with no member"

	# a3 joins: its reports travel s3 -> s2 -> s1 and nowhere else.
	bg_mcast a3 join eth0 "$G"
	pid=${BG_PIDS[-1]}
	check_members s3 "$G" "p-a3" "a3's join on s3"
	check_members s2 "$G" "l23" "a3's join on s2"
	check_members s1 "$G" "l12" "a3's join on s1 (the querier)"
	check_ge "$(cnt s3 l32.tx.rep)" 1 "reports s3 sent towards s2"
	check_ge "$(cnt s2 l21.tx.rep)" 1 "reports s2 sent towards s1"
	check_eq "$(cnt s2 p-a2.tx.rep)" 0 "reports to a2 (not a member)"
	check_eq "$(cnt s2 p-b2.tx.rep)" 0 "reports to b2 (not a member)"
	check_eq "$(cnt s1 p-a1.tx.rep)" 0 "reports to a1"
	# The stream crosses l12 and l23 to a3, and nothing goes to a2, b2.
	b12=$(cnt s1 l12.tx.data) b23=$(cnt s2 l23.tx.data)
	ba2=$(cnt s2 p-a2.tx.data) bb2=$(cnt s2 p-b2.tx.data)
	burst_to a1 s3 p-a3
	check_err $? "a3 did not get the $N datagrams: $(cnt s3 p-a3.tx.data)"
	sleep 0.5
	check_ge "$(( $(cnt s1 l12.tx.data) - b12 ))" "$N" "data on l12 (a3 a member)"
	check_ge "$(( $(cnt s2 l23.tx.data) - b23 ))" "$N" "data on l23 (a3 a member)"
	check_eq "$(( $(cnt s2 p-a2.tx.data) - ba2 ))" 0 "data to a2 (not a member)"
	check_eq "$(( $(cnt s2 p-b2.tx.data) - bb2 ))" 0 "data to b2 (not a member)"
	check_eq "$(cnt s1 p-a1.tx.data)" 0 "data back to a1"

	# a2 joins, a3 leaves: l23 is pruned, l12 carries on.
	bg_mcast a2 join eth0 "$G"
	check_members s2 "$G" "l23 p-a2" "a2's join on s2"
	kill "$pid"
	check_members s3 "$G" "" "a3's leave on s3"
	check_members s2 "$G" "p-a2" "a3's leave on s2"
	check_members s1 "$G" "l12" "s1 after a3 left (a2 still a member)"
	check_eq "$(cnt s2 p-b2.tx.rep)" 0 "reports to b2 (not a member)"
	check_eq "$(cnt s2 l23.tx.rep)" 0 "reports s2 sent towards s3 (away from the querier)"
	check_eq "$(cnt s1 p-a1.tx.rep)" 0 "reports to a1"
	b12=$(cnt s1 l12.tx.data) b23=$(cnt s2 l23.tx.data)
	bb2=$(cnt s2 p-b2.tx.data)
	burst_to a1 s2 p-a2
	check_err $? "a2 did not get the $N datagrams: $(cnt s2 p-a2.tx.data)"
	sleep 0.5
	check_ge "$(( $(cnt s1 l12.tx.data) - b12 ))" "$N" "data on l12 (a2 a member)"
	check_eq "$(( $(cnt s2 l23.tx.data) - b23 ))" 0 "data on l23 (no member behind it)"
	check_eq "$(( $(cnt s2 p-b2.tx.data) - bb2 ))" 0 "data to b2 (not a member)"
}

mcs_require
mcs_run_tests "$@"
