#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What snooping must not filter, and the flood switches: 224.0.0.x,
# ff02::1 and solicited-node groups reach every port even when unknown
# groups are not flooded; the MAC-ambiguous IPv4 groups flood unless
# flood-ambiguous is off; flood-unknown per bridge (the default of the
# ports) and per port; snooping off floods; non-IP multicast and
# broadcast are untouched.

ALL_TESTS=(
	flood_link_local_v4
	flood_link_local_v6
	flood_ambiguous
	flood_unknown_port
	snooping_off_floods
	non_ip_untouched
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.2.3

flood_link_local_v4()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	deliver_check h1 "$G" "" "h2 h3" "flood-unknown off (control)"
	deliver_check h1 224.0.0.251 "h2 h3" "" "unregistered 224.0.0.251"
	# A report for 224.0.0.251 does not narrow it.
	igmp_version h2 2
	bg_mcast h2 join eth0 224.0.0.251
	wait_secs 30 pstat_ge p-h2 igmp_v2_report 1
	sleep 0.3
	deliver_check h1 224.0.0.251 "h2 h3" "" "224.0.0.251 joined by h2"
	deliver_check h1 224.0.0.1 "h2 h3" "" "all-hosts"
}

flood_link_local_v6()
{
	star 3 v6 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	deliver_check h1 ff0e::1:2:3 "" "h2 h3" "flood-unknown off (control)"
	deliver_check h1 ff02::1 "h2 h3" "" "ff02::1"
	# A solicited-node group nobody reported.
	deliver_check h1 ff02::1:ff12:3456 "h2 h3" "" "solicited-node group"
	# Neighbor discovery works: unicast from h1 to fe80::3 only gets
	# through once h3 answered h1's solicitation.
	deliver h1 fe80::3
	check_deliv "h3" "" "unicast to fe80::3 after neighbor discovery"
}

flood_ambiguous()
{
	local g

	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].flood_ambiguous')" true \
		"flood_ambiguous by default"
	for g in 239.0.0.5 239.128.0.5 224.128.0.5; do
		deliver_check h1 "$g" "h2 h3" "" "MAC-ambiguous $g"
	done
	deliver_check h1 239.0.1.5 "" "h2 h3" "239.0.1.5 (not ambiguous)"
	# flood-ambiguous off: ordinary groups (learnt from the next report).
	mcs sw bridge set br0 flood-ambiguous off
	igmp_version h2 2
	bg_mcast h2 join eth0 239.0.0.5
	check_ports br0 239.0.0.5 "p-h2" "join of 239.0.0.5, flood-ambiguous off"
	deliver_check h1 239.0.0.5 "h2" "h3" "239.0.0.5, flood-ambiguous off"
	deliver_check h1 239.128.0.5 "" "h2 h3" "239.128.0.5, flood-ambiguous off"
	# 224.0.0.x is not one of the switchable ones.
	deliver_check h1 224.0.0.251 "h2 h3" "" "224.0.0.251, flood-ambiguous off"
}

flood_unknown_port()
{
	star 4 v4 snoop || { check_err 1 "setup"; return; }
	check_eq "$(port_get p-h3 flood_unknown)" true "flood_unknown by default"
	deliver_check h1 "$G" "h2 h3 h4" "" "unregistered, flood-unknown on"
	mcs sw port set p-h3 flood-unknown off
	check_eq "$(port_get p-h3 flood_unknown)" false "flood_unknown of p-h3"
	deliver_check h1 "$G" "h2 h4" "h3" "flood-unknown off on p-h3"
	# The bridge's default applies to the ports that did not set theirs.
	mcs sw bridge set br0 flood-unknown off
	check_eq "$(port_get p-h4 flood_unknown)" false "flood_unknown of p-h4 (bridge default)"
	deliver_check h1 "$G" "" "h2 h3 h4" "bridge flood-unknown off"
	mcs sw port set p-h2 flood-unknown on
	deliver_check h1 "$G" "h2" "h3 h4" "flood-unknown on on p-h2 only"
	mcs sw bridge set br0 flood-unknown on
	deliver_check h1 "$G" "h2 h4" "h3" "bridge flood-unknown on, p-h3 off"
	# A registered group is not flooded to p-h2 (flood-unknown on).
	igmp_version h4 2
	bg_mcast h4 join eth0 "$G"
	check_ports br0 "$G" "p-h4" "join of h4"
	deliver_check h1 "$G" "h4" "h2 h3" "registered group"
}

snooping_off_floods()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	igmp_version h2 2
	bg_mcast h2 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "join of h2"
	deliver_check h1 "$G" "h2" "h3" "snooping on"
	mcs sw bridge set br0 snooping off
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].snooping')" false "snooping"
	deliver_check h1 "$G" "h2 h3" "" "snooping off"
	deliver_check h1 239.9.9.9 "h2 h3" "" "snooping off, unregistered group"
	mcs sw bridge set br0 snooping on
	deliver_check h1 239.9.9.9 "" "h2 h3" "snooping on again, unregistered group"
}

non_ip_untouched()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	mcs sw bridge set br0 flood-unknown off
	deliver_check h1 "$G" "" "h2 h3" "flood-unknown off (control)"
	measure mcast h1 raw eth0 01:02:03:04:05:06 "$NDATA"
	check_deliv "h2 h3" "" "non-IP multicast"
	measure mcast h1 raw eth0 01:00:5e:01:02:03 "$NDATA"
	check_deliv "h2 h3" "" "non-IP frames to an IPv4 multicast MAC"
	measure mcast h1 bcast eth0 "$NDATA"
	check_deliv "h2 h3" "" "broadcast"
}

mcs_require
mcs_run_tests "$@"
