#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Multicast router ports: learnt from IGMP/MLD queries with a non-zero
# source, MRD advertisements and PIM hellos (crafted by frames.py from h4
# or h3; mcsnoop_real_routers.sh has FRR's PIM), never from a 0.0.0.0
# query; they time out (queries: the router
# timeout; MRD and PIM: what the router announced); `port set DEV router
# static|off` overrides. Router ports get every group, registered or not,
# and the reports and leaves of their protocol, which other ports only get
# with flood-reports on. The bridge's flood-unknown is off here, so an
# unregistered group reaches router ports only.
#
# mrd_solicit_smcroute: Debian's smcroute with mrdisc (RFC 4286, IPv4)
# advertises every 60 s here (-m 60) and answers solicitations. Started
# before mcsnoop
# (its first advertisement goes unheard), it becomes a router port within
# seconds of `bridge enable` (querier off: solicitations are snooping's),
# and again within seconds after its port went down (which forgets it)
# and up: both times long before its next advertisement.

ALL_TESTS=(
	router_from_query
	router_not_from_zero_query
	router_from_mrd
	router_from_pim
	router_timeout
	router_lifetime_announced
	router_static_off
	reports_to_router_ports
	mrd_solicit_smcroute
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=routers.sh
source "$(dirname "$0")/routers.sh"

G=239.1.2.3

setup()
{
	star 4 v4 snoop && mcs sw bridge set br0 flood-unknown off
}

router_from_query()
{
	local t

	setup || { check_err 1 "setup"; return; }
	check_eq "$(port_get p-h4 router_ipv4)" none "router_ipv4 before any query"
	check_eq "$(port_get p-h4 router)" auto "router setting by default"
	frames h4 eth0 "query4,src=10.0.0.4"
	check_port p-h4 router_ipv4 query "query from 10.0.0.4"
	check_ge "$(pstat p-h4 igmp_v2_query)" 1 "igmp_v2_query of p-h4"
	check_eq "$(port_get p-h4 router_ipv6)" none "router_ipv6 after an IGMP query"
	t=$(port_get p-h4 router_ipv4_timer)
	awk -v t="$t" 'BEGIN { exit !(t > 0 && t <= 600) }'
	check_err $? "router_ipv4_timer '$t' not in (0, 600]"
	# Unregistered group: router port only.
	deliver_check h1 "$G" "h4" "h2 h3" "unregistered group, router h4"
	# Registered group: members and the router port.
	igmp_version h2 2
	bg_mcast h2 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "join of h2"
	deliver_check h1 "$G" "h2 h4" "h3" "registered group, router h4"
	# A query itself floods.
	measure frames h4 eth0 count="$NDATA" "query4,src=10.0.0.4,ver=3"
	check_deliv "h1 h2 h3" "" "IGMPv3 queries from h4"
	# An IPv6 router port is learnt from an MLD query (h3, fe80::3).
	frames h3 eth0 "query6,src=fe80::3"
	check_port p-h3 router_ipv6 query "MLD query from fe80::3"
	check_eq "$(port_get p-h3 router_ipv4)" none "router_ipv4 after an MLD query"
	check_ge "$(pstat p-h3 mld_v2_query)" 1 "mld_v2_query of p-h3"
}

router_not_from_zero_query()
{
	setup || { check_err 1 "setup"; return; }
	frames h4 eth0 count=3 gap=0.1 "query4,src=0.0.0.0" \
		"query4,src=0.0.0.0,ver=3"
	wait_secs 30 pstat_ge p-h4 igmp_v3_query 3
	check_err $? "the 0.0.0.0 queries were not counted"
	check_ge "$(pstat p-h4 igmp_v2_query)" 3 "igmp_v2_query of p-h4"
	sleep 0.5
	check_eq "$(port_get p-h4 router_ipv4)" none "router_ipv4 after 0.0.0.0 queries"
	deliver_check h1 "$G" "" "h2 h3 h4" "unregistered group, no router"
	# MLD query from :: is no query at all (not link-local).
	frames h4 eth0 "query6,src=::"
	sleep 0.5
	check_eq "$(port_get p-h4 router_ipv6)" none "router_ipv6 after an MLD query from ::"
}

router_from_mrd()
{
	setup || { check_err 1 "setup"; return; }
	frames h4 eth0 "mrd4,src=10.0.0.4"
	check_port p-h4 router_ipv4 mrd "IGMP MRD advertisement"
	check_ge "$(pstat p-h4 mrd_advertisement)" 1 "mrd_advertisement of p-h4"
	deliver_check h1 "$G" "h4" "h2 h3" "unregistered group, MRD router h4"
	frames h3 eth0 "mrd6,src=fe80::3"
	check_port p-h3 router_ipv6 mrd "ICMPv6 MRD advertisement"
	check_eq "$(port_get p-h3 router_ipv4)" none "router_ipv4 after an ICMPv6 MRD advertisement"
}

router_from_pim()
{
	setup || { check_err 1 "setup"; return; }
	frames h4 eth0 "pim4,src=10.0.0.4"
	check_port p-h4 router_ipv4 pim "PIM hello"
	check_ge "$(pstat p-h4 pim_hello)" 1 "pim_hello of p-h4"
	deliver_check h1 "$G" "h4" "h2 h3" "unregistered group, PIM router h4"
	frames h3 eth0 "pim6,src=fe80::3"
	check_port p-h3 router_ipv6 pim "IPv6 PIM hello"
	# PIM hellos flood to every port.
	measure frames h4 eth0 count="$NDATA" "pim4,src=10.0.0.4"
	check_deliv "h1 h2 h3" "" "PIM hellos from h4"
}

router_timeout()
{
	setup || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 router-timeout 8
	frames h4 eth0 "query4,src=10.0.0.4"
	check_port p-h4 router_ipv4 query "query from 10.0.0.4"
	check_port p-h4 router_ipv4 none "router port after its timeout" 90
	deliver_check h1 "$G" "" "h2 h3 h4" "unregistered group, router timed out"
	# auto: robustness x query interval + response interval / 2.
	mcs sw bridge set br0 router-timeout auto robustness 2
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].router_timeout')" 2.25 \
		"router_timeout auto"
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].router_timeout_auto')" true \
		"router_timeout_auto"
}

# A port learnt from MRD lasts robustness x the advertisement interval
# plus half of it (2.5 x 4 s, scaled by MCS_SLOW), from PIM the hello's
# holdtime (10 s, scaled), not the router timeout (2 s); a PIM hello with
# holdtime 0 (goodbye) ends it.
router_lifetime_announced()
{
	local s=${MCS_SLOW:-1}

	setup || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 router-timeout 2
	frames h4 eth0 "mrd4,src=10.0.0.4,interval=$((4 * s))"
	frames h3 eth0 "pim4,src=10.0.0.3,holdtime=$((10 * s))"
	check_port p-h4 router_ipv4 mrd "MRD advertisement, interval $((4 * s)) s"
	check_port p-h3 router_ipv4 pim "PIM hello, holdtime $((10 * s)) s"
	sleep 3
	check_eq "$(port_get p-h4 router_ipv4)" mrd "MRD router port after the router timeout"
	check_eq "$(port_get p-h3 router_ipv4)" pim "PIM router port after the router timeout"
	frames h3 eth0 "pim4,src=10.0.0.3,holdtime=0"
	check_port p-h3 router_ipv4 none "PIM router port after a goodbye" 3
	check_port p-h4 router_ipv4 none "MRD router port after its lifetime" $((15 * s))
}

router_static_off()
{
	setup || { check_err 1 "setup"; return; }
	mcs sw port set p-h4 router static
	check_eq "$(port_get p-h4 router)" static "router setting"
	check_port p-h4 router_ipv4 static "static router port (IPv4)"
	check_port p-h4 router_ipv6 static "static router port (IPv6)"
	deliver_check h1 "$G" "h4" "h2 h3" "unregistered group, static router h4"
	# router off: queries do not make it a router port.
	mcs sw port set p-h3 router off
	frames h3 eth0 count=2 gap=0.1 "query4,src=10.0.0.3" "mrd4,src=10.0.0.3"
	wait_secs 30 pstat_ge p-h3 mrd_advertisement 2
	sleep 0.5
	check_eq "$(port_get p-h3 router_ipv4)" none "router off after a query"
	deliver_check h1 "$G" "h4" "h2 h3" "router off h3"
	# Back to auto: a learnt router port again, static gone.
	mcs sw port set p-h4 router auto
	check_port p-h4 router_ipv4 none "router auto without queries"
	mcs sw port set p-h3 router auto
	frames h3 eth0 "query4,src=10.0.0.3"
	check_port p-h3 router_ipv4 query "router auto after a query"
}

reports_to_router_ports()
{
	setup || { check_err 1 "setup"; return; }
	frames h4 eth0 "query4,src=10.0.0.4"
	check_port p-h4 router_ipv4 query "query from 10.0.0.4"
	measure frames_wait h2 "report2,group=$G"
	check_deliv "h4" "h1 h3" "IGMPv2 reports of h2"
	measure frames_wait h2 "leave2,group=$G"
	check_deliv "h4" "h1 h3" "IGMPv2 leaves of h2"
	measure frames_wait h2 "report3,rec=4:$G"
	check_deliv "h4" "h1 h3" "IGMPv3 reports of h2"
	# MLD reports: h4 is no IPv6 router port, nobody gets them.
	measure frames_wait h2 "report6v1,src=fe80::2,group=ff0e::9"
	check_deliv "" "h1 h3 h4" "MLDv1 reports of h2 (no IPv6 router)"
	# flood-reports on h3.
	mcs sw port set p-h3 flood-reports on
	check_eq "$(port_get p-h3 flood_reports)" true "flood_reports of p-h3"
	measure frames_wait h2 "report2,group=$G"
	check_deliv "h3 h4" "h1" "IGMPv2 reports of h2, flood-reports on h3"
	measure frames_wait h2 "report6v2,src=fe80::2,rec=4:ff0e::9"
	check_deliv "h3" "h1 h4" "MLDv2 reports of h2, flood-reports on h3"
}

# router_within SECS WHAT: p-r1 becomes an MRD router port within SECS.
router_within()
{
	local t0=$SECONDS

	wait_secs "$1" port_is p-r1 router_ipv4 mrd
	check_err $? "$2: p-r1 router_ipv4 is '$(port_get p-r1 router_ipv4)' after $((SECONDS - t0)) s, expected mrd within $1 s"
	log_info "$2: MRD router port after $((SECONDS - t0)) s"
}

mrd_solicit_smcroute()
{
	local t0

	if ! command -v smcrouted >/dev/null; then
		skip_test "smcroute not installed"
		return
	fi
	ns_create sw noipv6 && br_create sw br0 0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		host_add sw br0 r1 10.0.0.9/24 noipv6 &&
		ipn r1 link add up0 up type dummy &&
		ipn r1 addr add 10.9.0.1/24 dev up0 ||
		{ check_err 1 "setup"; return; }
	# mrdisc runs on the inbound interface of a route.
	t0=$SECONDS
	smcroute_start r1 "phyint eth0 enable mrdisc
phyint up0 enable
mroute from eth0 group $G to up0" -m 60 || { check_err 1 "smcroute"; return; }
	nap 1
	mcs sw bridge enable br0 querier off >/dev/null ||
		{ check_err 1 "enable"; return; }
	# Its next advertisement is due 60 s after its start.
	router_within 10 "bridge enable"
	check_ge "$(pstat p-r1 mrd_advertisement)" 1 "advertisements from smcroute"
	ipn sw link set p-r1 down
	wait_secs 10 port_is p-r1 router_ipv4 none
	check_err $? "p-r1 still a router port after it went down"
	ipn sw link set p-r1 up
	router_within 10 "port up"
	[ $((SECONDS - t0)) -lt 60 ] ||
		log_info "the test took $((SECONDS - t0)) s: smcroute's own advertisement may have come"
}

mcs_require
mcs_run_tests "$@"
