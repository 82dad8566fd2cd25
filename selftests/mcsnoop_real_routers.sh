#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mcsnoop among real multicast routers: Debian's FRR (zebra and pimd),
# smcroute and igmpproxy, each instance in the namespace of a host on the
# bridge (or the bridge's own), started by the test and stopped by its
# cleanup (routers.sh).
#
#  - a port learnt from PIM hellos lasts for the hellos' holdtime, not the
#    IGMP router timeout: FRR's hellos every 6 s with holdtime 21 s keep
#    its port a router port without a gap while the router timeout is
#    4.5 s; when pimd stops, its goodbye (holdtime 0) ends the router
#    port at once.
#  - FRR's IGMP querier (10.0.0.9) loses the election to ours (10.0.0.2)
#    and falls silent, as RFC 3376 wants; its port stays a router port
#    while FRR's host stack answers our queries, so h1's reports keep
#    reaching FRR and FRR keeps h1's group (its own membership interval
#    is 5 s, ours 5 s: without that both would lapse within seconds).
#  - FRR's IGMP querier at a lower address (10.0.0.9 < 10.0.0.100),
#    started after ours: ours yields to it (role other, FRR's address and
#    port shown); when pimd stops, ours takes over within the other
#    querier present interval FRR's queries set (2 x 2 s + 1 s / 2), the
#    seconds measured and printed.
#  - smcroute on the bridge's own host routes a group from br0 to another
#    interface: the host, made a multicast router by it (mc_forwarding),
#    gets the group although it joined nothing (host-router auto); off
#    cuts the routed stream, static gives it back.
#  - igmpproxy (Debian's 0.3) in r1 routes a stream from an upstream
#    network (up) to the bridge, its downstream interface being a port
#    host. What it does on the wire (tcpdump in r1): its stack joins
#    224.0.0.2 and 224.0.0.22, igmpproxy sends one IGMPv2 general query
#    (10.0.0.9, max response 10 s) at start, the next 31 s later (its
#    startup query interval, 125 s / 4) and, by its source, every 125 s
#    after; it takes no part in the election (it neither yields nor
#    counts ours), so ours (10.0.0.2) stays the querier.
#    What keeps p-r1 a router port between its queries is r1's stack:
#    it answers our queries (every 2 s) with reports for 224.0.0.2 and
#    224.0.0.22 from 10.0.0.9, the address of igmpproxy's query. h1
#    joins two router timeouts after igmpproxy's query: its report must
#    still reach igmpproxy (through p-r1 only), the stream must reach h1
#    within 5 s and keep coming in every window of a query interval for
#    more than three router timeouts. Without that retention (an older
#    module) p-r1 lapsed 4.5 s after the query, the join never reached
#    igmpproxy and h1 got none of the stream (0 of 110 datagrams).
#  - a Linux bridge's own querier (fq) started after ours is the querier
#    (mcsnoop_querier.sh's election tests start it before): with a lower
#    address (10.0.0.50 < 10.0.0.100) it queries at once when linked,
#    ours yields (role other, fq's address and port shown) well within
#    the other-querier-present interval, h2's stream to h1 goes on in
#    every second while fq rules (h1's membership lives on its answers
#    to fq), and when fq's querier is switched off ours takes over 4.5 s
#    after fq's last query (measured and printed), the stream still
#    unbroken. With a higher address (10.0.0.200) ours stays the querier
#    however often fq queries.

ALL_TESTS=(
	frr_pim_holdtime
	frr_querier_yields
	frr_querier_wins
	smcroute_host_router
	igmpproxy_upstream_stream
	bridge_querier_after
	bridge_querier_after_higher
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=routers.sh
source "$(dirname "$0")/routers.sh"

frr_pim_holdtime()
{
	local end gaps=0 n=0

	frr_require || return
	ns_create sw noipv6 && br_create sw br0 0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		host_add sw br0 r1 10.0.0.9/24 noipv6 &&
		mcs sw bridge enable br0 query-interval 2 \
			query-response-interval 1 ||
		{ check_err 1 "setup"; return; }
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].router_timeout')" \
		4.5 "router timeout"
	frr_start r1 zebra "" &&
		frr_start r1 pimd $'interface eth0\n ip pim\n ip pim hello 6 21' ||
		{ check_err 1 "FRR did not start"; return; }
	check_port p-r1 router_ipv4 pim "FRR's first PIM hello"
	# Three router timeouts and more: the port never lapses between
	# two hellos.
	end=$((SECONDS + 15))
	while [ "$SECONDS" -lt "$end" ]; do
		n=$((n + 1))
		[ "$(port_get p-r1 router_ipv4)" = pim ] || gaps=$((gaps + 1))
		nap 0.5
	done
	check_eq "$gaps" 0 "samples (of $n in 15 s) in which p-r1 was no router port"
	check_ge "$(pstat p-r1 pim_hello)" 3 "PIM hellos from FRR"
	frr_stop r1 pimd
	check_err $? "pimd did not stop"
	check_port p-r1 router_ipv4 none "after pimd stopped (its goodbye)" 3
	frr_cleanup
}

# frr_has_group NS GROUP: FRR's IGMP state in NS holds GROUP.
frr_has_group()
{
	frr_vtysh "$1" 'show ip igmp groups' | grep -qF "$2"
}

frr_querier_yields()
{
	local end gaps=0 n=0 g=239.1.2.3

	frr_require || return
	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.2/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		host_add sw br0 r1 10.0.0.9/24 noipv6 &&
		mcs sw bridge enable br0 querier off query-interval 2 \
			query-response-interval 1 ||
		{ check_err 1 "setup"; return; }
	frr_start r1 zebra "" &&
		frr_start r1 pimd $'interface eth0\n ip igmp\n ip igmp query-max-response-time 10\n ip igmp query-interval 2' ||
		{ check_err 1 "FRR did not start"; return; }
	check_port p-r1 router_ipv4 query "FRR's first query"
	bg_mcast h1 join eth0 "$g"
	wait_secs 30 frr_has_group r1 "$g"
	check_err $? "FRR never learnt h1's group"
	# Ours wins (10.0.0.2 < 10.0.0.9): FRR stops querying.
	mcs sw bridge set br0 querier auto
	wait_secs 30 eval '[ "$(querier_get sw br0 inet role any)" = querier ]'
	check_err $? "ours never became the querier: $(querier_get sw br0 inet role any)"
	end=$((SECONDS + 15))
	while [ "$SECONDS" -lt "$end" ]; do
		n=$((n + 1))
		[ "$(port_get p-r1 router_ipv4)" = query ] || gaps=$((gaps + 1))
		nap 0.5
	done
	check_eq "$gaps" 0 "samples (of $n in 15 s) in which p-r1 was no router port"
	frr_has_group r1 "$g"
	check_err $? "FRR lost h1's group: $(frr_vtysh r1 'show ip igmp groups')"
	log_info "FRR: $(frr_vtysh r1 'show ip igmp interface' | grep eth0)"
	log_info "FRR: $(frr_vtysh r1 'show running-config' | grep igmp)"
	log_info "FRR: $(grep -i 'error' "$(frr_dir r1)"/pimd.err | head -5)"
	frr_cleanup
}

q_role()
{
	querier_get sw br0 inet role any
}

frr_querier_wins()
{
	local t0 el

	frr_require || return
	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.100/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		host_add sw br0 r1 10.0.0.9/24 noipv6 &&
		mcs sw bridge enable br0 querier auto query-interval 2 \
			query-response-interval 1 ||
		{ check_err 1 "setup"; return; }
	wait_secs 30 eval '[ "$(q_role)" = querier ]'
	check_err $? "ours never became the querier: $(q_role)"
	frr_start r1 zebra "" &&
		frr_start r1 pimd $'interface eth0\n ip igmp\n ip igmp query-max-response-time 10\n ip igmp query-interval 2' ||
		{ check_err 1 "FRR did not start"; return; }
	wait_secs 30 eval '[ "$(querier_get sw br0 inet querier any)" = 10.0.0.9 ]'
	check_err $? "FRR (10.0.0.9) not elected: '$(querier_get sw br0 inet querier any)'"
	check_eq "$(q_role)" other "our role under FRR's querier"
	check_eq "$(querier_get sw br0 inet port any)" p-r1 "port of the elected querier"
	frr_stop r1 pimd
	check_err $? "pimd did not stop"
	t0=$SECONDS
	wait_secs 30 eval '[ "$(q_role)" = querier ]'
	check_err $? "no takeover after pimd stopped: $(q_role)"
	el=$((SECONDS - t0))
	log_info "ours took over ${el} s after pimd stopped (other querier present interval 4.5 s)"
	check_ge "$el" 2 "seconds before the takeover (FRR's last query at most 2 s old)"
	[ "$el" -le $((6 * MCS_SLOW)) ]
	check_err $? "takeover after $el s, beyond the other querier present interval"
	frr_cleanup
}

host_router_ipv4()
{
	json_value "$(mcsj sw bridge show br0)" host_router_ipv4
}

host_router_is()
{
	[ "$(host_router_ipv4)" = "$1" ]
}

# dn_got N: dn's eth0 received at least N frames.
dn_got()
{
	[ "$(rx_packets dn eth0)" -ge "$1" ]
}

smcroute_host_router()
{
	local g=239.1.5.1 r

	if ! command -v smcrouted >/dev/null; then
		skip_test "smcroute not installed"
		return
	fi
	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.254/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		host_add sw br0 h2 10.0.0.2/24 noipv6 &&
		ns_create dn noipv6 &&
		ipn sw -b - <<-EOF &&
			link add up0 type veth peer name eth0 netns $(nsname dn)
			link set up0 up
			addr add 10.1.0.254/24 dev up0
		EOF
		ipn dn -b - <<-EOF &&
			link set eth0 up
			addr add 10.1.0.1/24 dev eth0
		EOF
		mcs sw bridge enable br0 ||
		{ check_err 1 "setup"; return; }
	# h2 joins: the group is registered, and the host is no member.
	bg_mcast h2 join eth0 "$g"
	check_ports br0 "$g" "p-h2" "h2's join"
	smcroute_start sw "phyint br0 enable
phyint up0 enable
mroute from br0 group $g to up0" || { check_err 1 "smcroute"; return; }
	# mc_forwarding is read every second.
	wait_secs 10 host_router_is mc_forwarding
	check_err $? "host_router_ipv4 with smcroute: $(host_router_ipv4)"
	# The first datagrams wait for smcroute to install the route.
	r=$(rx_packets dn eth0)
	for _ in 1 2 3 4 5; do
		mcast h1 send eth0 "$g" 10 8
		wait_secs 2 dn_got $((r + 1)) && break
	done
	nap 0.5
	r=$(rx_packets dn eth0)
	mcast h1 send eth0 "$g" 100 8
	wait_secs 10 dn_got $((r + 90))
	check_err $? "routed by smcroute: dn got $(($(rx_packets dn eth0) - r)) of 100"
	mcs sw bridge set br0 host-router off
	r=$(rx_packets dn eth0)
	mcast h1 send eth0 "$g" 100 8
	nap 1
	check_eq "$(($(rx_packets dn eth0) - r))" 0 "routed with host-router off"
	mcs sw bridge set br0 host-router static
	r=$(rx_packets dn eth0)
	mcast h1 send eth0 "$g" 100 8
	wait_secs 10 dn_got $((r + 90))
	check_err $? "host-router static: dn got $(($(rx_packets dn eth0) - r)) of 100"
}

# ------------------------------------------------------------- igmpproxy
# up (10.1.0.1) -- eth1 [r1: igmpproxy] eth0 (10.0.0.9) -- p-r1 [br0] p-h1 -- h1

# up_burst N: N datagrams (TTL 8: igmpproxy routes them) from up to G_UP.
G_UP=239.1.7.1
up_burst()
{
	mcast up send eth0 "$G_UP" "$1" 8
}

# burst_reaches_h1 MIN: a burst of 5, then h1 has received MIN in all.
burst_reaches_h1()
{
	up_burst 5
	nap 0.3
	cnt_ge h1 eth0.rx.data "$1"
}

igmpproxy_upstream_stream()
{
	local s=$MCS_SLOW rt10 t0 w wins c0 d end sent=0 got=0 empty=0 \
		n=0 gaps=0 el

	igmpproxy_require || return
	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.2/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		host_add sw br0 r1 10.0.0.9/24 noipv6 &&
		ns_create up noipv6 &&
		ipn r1 link add eth1 type veth peer name eth0 \
			netns "$(nsname up)" &&
		ipn r1 -b - <<-EOF &&
			link set eth1 up
			addr add 10.1.0.254/24 dev eth1
		EOF
		ipn up -b - <<-EOF &&
			link set eth0 up
			addr add 10.1.0.1/24 dev eth0
		EOF
		mcs sw bridge enable br0 querier auto \
			query-interval $((2 * s)) query-response-interval "$s" \
			flood-unknown off ||
		{ check_err 1 "setup"; return; }
	# Router timeout: robustness 2 x query interval + half the response
	# interval, in tenths of a second.
	rt10=$((45 * s))
	log_info "router timeout $(json_value "$(mcsj sw bridge show br0)" router_timeout) s"
	wait_secs 30 eval '[ "$(querier_get sw br0 inet role any)" = querier ]'
	check_err $? "ours never became the querier"
	sniff h1 || { check_err 1 "sniff h1"; return; }
	igmpproxy_start r1 "quickleave
phyint eth1 upstream ratelimit 0 threshold 1
	altnet 10.1.0.0/24
phyint eth0 downstream ratelimit 0 threshold 1" ||
		{ check_err 1 "igmpproxy did not start"; return; }
	check_port p-r1 router_ipv4 query "igmpproxy's first query" 10
	t0=$SECONDS
	# Two router timeouts with nobody joined: igmpproxy's query is long
	# past, and the stream reaches nobody (no listener, no route).
	end=$((t0 + (2 * rt10 + 9) / 10))
	while [ "$SECONDS" -lt "$end" ]; do
		up_burst 5
		n=$((n + 1))
		[ "$(port_get p-r1 router_ipv4)" = query ] || gaps=$((gaps + 1))
		nap 0.5
	done
	sniff_sync h1
	check_eq "$(cnt h1 eth0.rx.data)" 0 "datagrams at h1 before its join"
	check_eq "$(querier_get sw br0 inet role any)" querier \
		"our role next to igmpproxy (10.0.0.9)"
	# h1 joins: its report must reach igmpproxy through p-r1 at once.
	bg_mcast h1 join eth0 "$G_UP"
	t0=$SECONDS
	if wait_secs $((5 * s)) burst_reaches_h1 1; then
		log_info "first datagrams at h1 $((SECONDS - t0)) s after its join"
	else
		check_err 1 "the stream did not reach h1 within $((5 * s)) s of its join; p-r1 router_ipv4 $(port_get p-r1 router_ipv4)"
	fi
	# More than three router timeouts in windows of one query
	# interval: each must bring h1 datagrams.
	wins=$(((3 * rt10 + 20 * s - 1) / (20 * s) + 1))
	sniff_sync h1 5
	c0=$(cnt h1 eth0.rx.data)
	for ((w = 1; w <= wins; w++)); do
		end=$((SECONDS + 2 * s))
		while [ "$SECONDS" -lt "$end" ]; do
			up_burst 5
			sent=$((sent + 5))
			n=$((n + 1))
			[ "$(port_get p-r1 router_ipv4)" = query ] ||
				gaps=$((gaps + 1))
			nap 0.4
		done
		sniff_sync h1 5
		d=$(($(cnt h1 eth0.rx.data) - c0))
		c0=$((c0 + d))
		got=$((got + d))
		if [ "$d" -eq 0 ]; then
			empty=$((empty + 1))
			log_info "window $w ($((SECONDS - t0)) s after the join): no datagram at h1"
		fi
	done
	el=$((SECONDS - t0))
	check_eq "$empty" 0 "windows (of $wins, $el s) without datagrams at h1"
	check_ge $((got * 10)) $((sent * 9)) "h1 received $got of $sent datagrams x10"
	check_eq "$gaps" 0 "samples (of $n) in which p-r1 was no router port"
	log_info "h1 received $got of $sent datagrams in $wins windows ($el s after its join)"
	log_info "r1: $(in_ns r1 ip mroute show)"
	igmpproxy_stop r1
	check_err $? "igmpproxy did not stop"
	igmpproxy_cleanup
}

# ------------------------------------------- a Linux bridge's querier
# br0 (10.0.0.100, ours) with h1 (receiver) and h2 (sender, 20 datagrams
# a second); fq: a plain Linux bridge brf with its own snooping and
# querier (query interval 2 s, response 1 s: it tells QRV 2 and QQIC 2,
# so our other-querier-present interval is 2 x 2 + 1 / 2 = 4.5 s),
# linked to br0's port p-fq once ours is the querier.

G_LB=239.1.8.1

# lbq_setup: sw, h1, h2 and ours the querier; h1 joined and getting h2's
# stream; sniff h1 counts it.
lbq_setup()
{
	local s=$MCS_SLOW

	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.100/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		host_add sw br0 h2 10.0.0.2/24 noipv6 &&
		mcs sw bridge enable br0 querier auto \
			query-interval $((2 * s)) query-response-interval "$s" \
			membership-timeout auto flood-unknown off || return 1
	wait_secs 30 eval '[ "$(querier_get sw br0 inet role any)" = querier ]' ||
		{ log_info "ours never became the querier"; return 1; }
	sniff h1 || return 1
	bg_mcast h1 join eth0 "$G_LB"
	stream h2 "$G_LB" 20
	wait_secs 30 cnt_ge h1 eth0.rx.data 1 ||
		{ log_info "h2's stream never reached h1"; return 1; }
}

# lbq_start ADDR [BRIDGE_OPTS...]: fq's bridge with its querier, address
# ADDR, then up (so that its first query, sent on its own stack, already
# has ADDR: a Linux bridge elects against the address it last queried
# from), then linked to br0 in two steps: p-fq joins br0 and gets the
# query of ours that a new port brings while fq's eth0 is no bridge port
# yet, then eth0 joins brf, which queries on it at once. In one step the
# two queries race: when fq's comes first, ours has yielded and sends a
# 0.0.0.0 query for the new port, to p-fq too, and a Linux bridge yields
# to a 0.0.0.0 query (so fq fell silent, and ours took over, in one run
# of three). LBQ_LINKED: the time of the second step, in ms.
LBQ_LINKED=
lbq_start()
{
	local a=$1 sent

	shift
	ns_create fq noipv6 &&
		ipn fq link add brf type bridge mcast_snooping 1 \
			mcast_querier 1 mcast_query_use_ifaddr 1 \
			mcast_query_interval 200 \
			mcast_query_response_interval 100 \
			mcast_startup_query_interval 100 \
			mcast_querier_interval 600 mcast_igmp_version 3 "$@" &&
		ipn fq addr add "$a/24" dev brf &&
		ipn fq link set brf up &&
		ipn sw link add p-fq type veth peer name eth0 \
			netns "$(nsname fq)" || return 1
	sent=$(q4 queries_sent)
	ipn fq link set eth0 up && ipn sw link set p-fq master br0 up ||
		return 1
	wait_secs 10 q_sent_gt "$sent" ||
		log_info "no query of ours for the new port p-fq"
	nap 0.5
	LBQ_LINKED=$(ms_now)
	ipn fq link set eth0 master brf
}

ms_now()
{
	local t=${EPOCHREALTIME/./}

	echo "${t:0:13}"
}

# Stream windows: flow_window ends one (at least a second long) and
# counts it as empty when h1 got no datagram in it.
FLOW_C=0
FLOW_T=0
FLOW_WINS=0
FLOW_EMPTY=0
flow_start()
{
	sniff_sync h1 5
	FLOW_C=$(cnt h1 eth0.rx.data) FLOW_T=$(ms_now) FLOW_WINS=0
	FLOW_EMPTY=0 FLOW_T0=$SECONDS FLOW_RX=$(rx_packets sw p-h2)
	FLOW_GOT0=$FLOW_C
}

flow_window()
{
	local c

	[ $(($(ms_now) - FLOW_T)) -ge 1000 ] || return 0
	sniff_sync h1 5
	c=$(cnt h1 eth0.rx.data)
	FLOW_WINS=$((FLOW_WINS + 1))
	if [ "$c" = "$FLOW_C" ]; then
		FLOW_EMPTY=$((FLOW_EMPTY + 1))
		log_info "no datagram at h1 in the second before $((SECONDS - FLOW_T0)) s ($1)"
	fi
	FLOW_C=$c FLOW_T=$(ms_now)
}

# flow_watch SECS WHAT CMD...: up to SECS seconds, until CMD succeeds
# (false: the whole time), the stream windows run.
flow_watch()
{
	local secs=$1

	shift
	wait_secs "$secs" flow_step "$@"
}

# flow_step WHAT CMD...: end a stream window if one is due, then CMD.
flow_step()
{
	flow_window "$1"
	shift
	"$@"
}

# flow_check WHAT: no empty window, and h1 got 95 % of what h2 sent.
flow_check()
{
	local got sent

	sniff_sync h1 5
	got=$(($(cnt h1 eth0.rx.data) - FLOW_GOT0))
	sent=$(($(rx_packets sw p-h2) - FLOW_RX))
	check_eq "$FLOW_EMPTY" 0 "$1: one-second windows (of $FLOW_WINS) without datagrams at h1"
	check_ge $((got * 100)) $((sent * 95)) "$1: h1 got $got of $sent datagrams x100"
	log_info "$1: h1 got $got of $sent datagrams in $((SECONDS - FLOW_T0)) s, $FLOW_EMPTY of $FLOW_WINS windows empty"
}

q4()
{
	querier_get sw br0 inet "$1"
}

q4_is()
{
	[ "$(q4 "$1")" = "$2" ]
}

# A Linux bridge's querier with a lower address (10.0.0.50) comes after
# ours: we yield at its first query, the stream goes on while it rules
# (h1 answers its queries), and when its querier is switched off we take
# over again within the other-querier-present interval (4.5 s after its
# last query, which was at most 2 s before). It comes as a new bridge,
# querier on, linked: switching mcast_querier on in a bridge that has
# heard ours already does nothing while ours queries (tried: no query
# of it in 12 s), since a Linux bridge elects against the querier it
# recorded last, which is then ours, not against its own address.
bridge_querier_after()
{
	local t el sent heard lastq

	lbq_setup || { check_err 1 "setup"; return; }
	flow_start
	flow_watch 2 "ours the querier" false
	lbq_start 10.0.0.50 || { check_err 1 "the foreign bridge"; return; }
	if flow_watch 10 "fq linked" q4_is role other; then
		el=$(($(ms_now) - LBQ_LINKED))
		[ "$el" -le 4500 ]
		check_err $? "we yielded $el ms after fq was linked: more than the other-querier-present interval (4500 ms)"
		log_info "yielded to 10.0.0.50 $el ms after it was linked"
	else
		check_err 1 "our role 10 s after fq (10.0.0.50) came: '$(q4 role)', expected 'other'"
	fi
	check_eq "$(q4 querier)" 10.0.0.50 "elected querier"
	check_eq "$(q4 port)" p-fq "port of the elected querier"
	check_match "$(mcs sw querier show br0)" \
		'inet mode auto role other querier 10\.0\.0\.50 port p-fq' \
		"querier show text"
	# Two membership intervals under its queries: ours silent, h1's
	# membership lives on its answers to fq.
	sent=$(q4 queries_sent) heard=$(q4 queries_heard)
	flow_watch 10 "fq the querier" false
	check_eq "$(q4 queries_sent)" "$sent" "our queries_sent while fq rules"
	check_ge "$(q4 queries_heard)" $((heard + 4)) "fq's queries heard in 10 s"
	check_eq "$(q4 role)" other "our role after 10 s of fq's queries"
	check_eq "$(group_ports br0 "$G_LB")" p-h1 "members of $G_LB while fq rules"
	# fq's querier stops.
	ipn fq link set brf type bridge mcast_querier 0
	t=$(ms_now)
	sniff_sync h1 5
	lastq=$(cnt h1 t.eth0.rx.gq)
	flow_watch 15 "fq stopped" q4_is role querier
	check_err $? "no takeover: role '$(q4 role)'"
	el=$(($(ms_now) - t))
	# 4.5 s after its last query, which was at most 2 s before (and
	# the polling's lag under TCG).
	[ "$el" -ge 2000 ] && [ "$el" -le $((4500 + 1500 * MCS_SLOW)) ]
	check_err $? "takeover $el ms after fq's querier stopped, expected 2500-4500 ms"
	log_info "took over $el ms after fq's querier stopped, $(($(ms_now) - lastq)) ms after its last query reached h1"
	sent=$(q4 queries_sent)
	flow_watch 10 "after the takeover" q_sent_gt "$sent"
	check_err $? "no query of ours after the takeover"
	check_eq "$(q4 querier)" 10.0.0.100 "elected querier after the takeover"
	flow_watch 2 "after the takeover" false
	flow_check "bridge_querier_after"
}

q_sent_gt()
{
	[ "$(q4 queries_sent)" -gt "$1" ] 2>/dev/null
}

# The same with a higher address (10.0.0.200): ours stays the querier
# for three other-querier-present intervals, the stream never stops.
# A Linux bridge that hears a lower querier before its own first query
# never sends one (in a race with our query to the new port, it lost
# about every other time): fq's other-querier interval is 1 s, less than
# our query interval, so that it tries again a second after each of our
# queries, and ours must ignore every such query.
bridge_querier_after_higher()
{
	local n=0 other=0 heard sent end

	lbq_setup || { check_err 1 "setup"; return; }
	flow_start
	flow_watch 2 "ours the querier" false
	sent=$(q4 queries_sent) heard=$(q4 queries_heard)
	lbq_start 10.0.0.200 mcast_querier_interval 100 ||
		{ check_err 1 "the foreign bridge"; return; }
	end=$((SECONDS + 14))
	while [ "$SECONDS" -lt "$end" ]; do
		flow_window "fq linked"
		n=$((n + 1))
		[ "$(q4 role)" = querier ] || other=$((other + 1))
		nap 0.3
	done
	check_eq "$other" 0 "samples (of $n in 14 s) in which ours was not the querier"
	check_eq "$(q4 querier)" 10.0.0.100 "elected querier"
	check_ge "$(q4 queries_sent)" $((sent + 6)) "our queries in 14 s"
	heard=$(($(q4 queries_heard) - heard))
	check_ge "$heard" 4 "fq's queries heard in 14 s"
	log_info "fq's queries heard in 14 s: $heard"
	flow_check "bridge_querier_after_higher"
}

mcs_require
mcs_run_tests "$@"
