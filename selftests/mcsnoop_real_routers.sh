#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mcsnoop among real multicast routers: Debian's FRR (zebra and pimd),
# each instance in the namespace of a host on the bridge, started by the
# test and stopped by its cleanup (routers.sh).
#
#  - a port learnt from PIM hellos lasts for the hellos' holdtime, not the
#    IGMP router timeout: FRR's hellos every 6 s with holdtime 21 s keep
#    its port a router port without a gap while the router timeout is
#    4.5 s; when pimd stops, its goodbye (holdtime 0) ends the router
#    port at once.

ALL_TESTS=(
	frr_pim_holdtime
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

mcs_require
mcs_run_tests "$@"
