#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Snooping on a VLAN-filtering bridge: one membership table per VID, right
# for tagged and untagged ingress and egress; per-VLAN snooping off floods
# that VLAN only.
#
#   p-h1  trunk, VIDs 10 and 20 tagged (h1: eth0.10, eth0.20)
#   p-h2  access VID 10 (untagged)     p-h3  access VID 20 (untagged)
#   p-h4  trunk, VIDs 10 and 20 tagged p-h5  access VID 10 (untagged)
# Unknown groups are not flooded (bridge flood-unknown off), so every copy
# a port gets is a snooping decision.

ALL_TESTS=(
	vlan_tables
	vlan_snooping_off
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.2.3

trunk()
{
	local h=$1 n=$2

	host_add sw br0 "$h" "" noipv6 || return 1
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF || return 1
		vlan del dev p-$h vid 1
		vlan add dev p-$h vid 10
		vlan add dev p-$h vid 20
	EOF
	ipn "$h" -b - <<-EOF
		link add link eth0 name eth0.10 up type vlan id 10
		link add link eth0 name eth0.20 up type vlan id 20
		addr add 10.10.0.$n/24 dev eth0.10
		addr add 10.20.0.$n/24 dev eth0.20
	EOF
}

access()
{
	local h=$1 n=$2 vid=$3

	host_add sw br0 "$h" "10.$vid.0.$n/24" noipv6 || return 1
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF
		vlan del dev p-$h vid 1
		vlan add dev p-$h vid $vid pvid untagged
	EOF
}

vlan_setup()
{
	ns_create sw noipv6 &&
		ipn sw link add br0 up type bridge mcast_snooping 0 vlan_filtering 1 &&
		trunk h1 1 && access h2 2 10 && access h3 3 20 && trunk h4 4 &&
		access h5 5 10 || return 1
	mcs sw bridge enable br0 >/dev/null && snoop_timers &&
		mcs sw bridge set br0 flood-unknown off
}

vlan_tables()
{
	local rx

	vlan_setup || { check_err 1 "setup"; return; }
	igmp_version h2 2 && in_ns h4 sysctl -qw net.ipv4.conf.eth0/20.force_igmp_version=2
	bg_mcast h2 join eth0 "$G"
	bg_mcast h4 join eth0.20 "$G"
	check_ports br0 "$G" "p-h2" "VID 10 table (untagged join of h2)" 10
	check_ports br0 "$G" "p-h4" "VID 20 table (tagged join of h4)" 20
	check_eq "$(group_json br0 "$G" | jq -r '[.[].vid] | sort | join(" ")')" \
		"10 20" "VIDs of $G"
	# Tagged ingress, VID 10: untagged egress to h2 only.
	deliver h1 "$G" "$NDATA" eth0.10
	check_deliv "h2" "h3 h4 h5" "$G from h1 in VID 10 (tagged)"
	# Tagged ingress, VID 20: tagged egress to h4 only, on its eth0.20.
	rx=$(rx_packets h4 eth0.20)
	deliver h1 "$G" "$NDATA" eth0.20
	check_deliv "h4" "h2 h3 h5" "$G from h1 in VID 20 (tagged)"
	rx_ge h4 eth0.20 $((rx + NDATA))
	check_err $? "h4's eth0.20 did not get the VID 20 frames"
	# Untagged ingress, VID 10 (h5): h2 only.
	deliver h5 "$G"
	check_deliv "h2" "h1 h3 h4" "$G from h5 in VID 10 (untagged)"
	# Untagged ingress, VID 20 (h3): h4 only.
	deliver h3 "$G"
	check_deliv "h4" "h1 h2 h5" "$G from h3 in VID 20 (untagged)"
	check_eq "$(mcsj sw vlan show br0 | jq -r '.[] | select(.vid == 10) | .group_count')" \
		1 "group_count of VID 10"
}

vlan_snooping_off()
{
	vlan_setup || { check_err 1 "setup"; return; }
	igmp_version h2 2
	bg_mcast h2 join eth0 "$G"
	check_ports br0 "$G" "p-h2" "VID 10 table" 10
	deliver h1 "$G" "$NDATA" eth0.10
	check_deliv "h2" "h3 h4 h5" "VID 10, snooping on"
	mcs sw vlan set br0 vid 10 snooping off
	check_eq "$(mcsj sw vlan show br0 | jq -r '.[] | select(.vid == 10) | .snooping')" \
		false "snooping of VID 10"
	deliver h1 "$G" "$NDATA" eth0.10
	check_deliv "h2 h4 h5" "h3" "VID 10, snooping off"
	deliver h1 239.9.9.9 "$NDATA" eth0.10
	check_deliv "h2 h4 h5" "h3" "VID 10, snooping off, unregistered group"
	# VID 20 still snoops: nobody joined there.
	deliver h1 "$G" "$NDATA" eth0.20
	check_deliv "" "h2 h3 h4 h5" "VID 20, snooping on"
	mcs sw vlan set br0 vid 10 snooping on
	deliver h1 239.9.9.9 "$NDATA" eth0.10
	check_deliv "" "h2 h3 h4 h5" "VID 10, snooping on again"
}

mcs_require
mcs_run_tests "$@"
