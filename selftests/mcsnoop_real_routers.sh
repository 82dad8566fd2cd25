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
#    is 5 s, ours 4.5 s: without that both would lapse within seconds).
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
#    within 3 s and keep coming in every window of a query interval for
#    more than three router timeouts. Without that retention (an older
#    module) p-r1 lapsed 4.5 s after the query, the join never reached
#    igmpproxy and h1 got none of the stream (0 of 110 datagrams).

ALL_TESTS=(
	frr_pim_holdtime
	frr_querier_yields
	smcroute_host_router
	igmpproxy_upstream_stream
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
	if wait_secs $((3 * s)) burst_reaches_h1 1; then
		log_info "first datagrams at h1 $((SECONDS - t0)) s after its join"
	else
		check_err 1 "the stream did not reach h1 within $((3 * s)) s of its join; p-r1 router_ipv4 $(port_get p-r1 router_ipv4)"
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

mcs_require
mcs_run_tests "$@"
