#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Counters, control plane: hosts in namespaces behind veth ports of a
# bridge join groups with their own stacks (IGMPv2/v3, MLDv1/v2); igmp and
# mld rise, nothing else does, and counters start from zero. The bridges
# are created with their own snooping off, as switching it off makes the
# bridge leave 224.0.0.106 (two IGMP reports counted as host copies).
# (mcsnoop_data.sh: multicast data.)

ALL_TESTS=(
	counters_start_at_zero
	igmpv2_join
	igmpv3_join
	mld_join
	counters_reset_on_reenable
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

N=20
GROUP=239.1.1.1

counters_start_at_zero()
{
	star 3 v4 enable || { check_err 1 "setup"; return; }
	check_eq "$(mcs_stats sw br0)" "0 0 0 0 0" "counters of an idle bridge"
	sleep 1
	check_eq "$(mcs_stats sw br0)" "0 0 0 0 0" "counters of an idle bridge after 1 s"
}

# igmp_join HOST VERSION GROUP: HOST joins GROUP with IGMP VERSION; igmp
# rises, then rises again on leave; mld and mcast_data stay 0.
igmp_join()
{
	local host=$1 ver=$2 group=$3 before after

	star 3 v4 enable || { check_err 1 "setup"; return; }
	in_ns "$host" sysctl -qw "net.ipv4.conf.eth0.force_igmp_version=$ver"
	before=$(mcs_stat sw br0 igmp)
	bg_mcast "$host" join eth0 "$group"
	wait_secs 15 stat_ge sw br0 igmp $((before + 1))
	check_err $? "IGMPv$ver join did not raise igmp"
	settle
	after=$(mcs_stat sw br0 igmp)
	bg_stop_all
	wait_secs 15 stat_ge sw br0 igmp $((after + 1))
	check_err $? "IGMPv$ver leave did not raise igmp"
	settle
	check_eq "$(mcs_stat sw br0 mld)" 0 "mld after IGMP only"
	check_eq "$(mcs_stat sw br0 mcast_data)" 0 "mcast_data after IGMP only"
	check_eq "$(mcs_stat sw br0 host_copies)" 0 "host_copies after IGMP only"
}

igmpv2_join()
{
	igmp_join h1 2 239.1.1.2
}

igmpv3_join()
{
	igmp_join h2 3 239.1.1.3
}

mld_join()
{
	local before data

	star 3 v6 enable || { check_err 1 "setup"; return; }
	in_ns h1 sysctl -qw net.ipv6.conf.eth0.force_mld_version=1
	in_ns h2 sysctl -qw net.ipv6.conf.eth0.force_mld_version=2
	settle
	# MLDv1 join (and done on leave).
	before=$(mcs_stat sw br0 mld)
	bg_mcast h1 join eth0 ff0e::1:1
	wait_secs 15 stat_ge sw br0 mld $((before + 1))
	check_err $? "MLDv1 join did not raise mld"
	settle
	# MLDv2 join.
	before=$(mcs_stat sw br0 mld)
	bg_mcast h2 join eth0 ff0e::1:2
	wait_secs 15 stat_ge sw br0 mld $((before + 1))
	check_err $? "MLDv2 join did not raise mld"
	settle
	check_eq "$(mcs_stat sw br0 igmp)" 0 "igmp after MLD only"
	# IPv6 multicast data is data.
	data=$(mcs_stat sw br0 mcast_data)
	mcast h3 send eth0 ff0e::1:1 "$N"
	wait_secs 15 stat_ge sw br0 mcast_data $((data + N))
	check_err $? "IPv6 multicast data did not raise mcast_data by $N"
}

counters_reset_on_reenable()
{
	local a

	star 3 v4 enable || { check_err 1 "setup"; return; }
	mcast h1 send eth0 "$GROUP" "$N"
	wait_secs 15 stat_ge sw br0 mcast_data "$N"
	check_err $? "mcast_data did not reach $N"
	mcs sw bridge disable br0 >/dev/null && mcs sw bridge enable br0 >/dev/null
	check_err $? "disable and enable br0"
	check_eq "$(mcs_stats sw br0)" "0 0 0 0 0" "counters after disable and enable"
	mcast h1 send eth0 "$GROUP" "$N"
	wait_secs 15 stat_ge sw br0 mcast_data "$N"
	sleep 0.3
	stats_read a
	check_eq "${a[*]}" "0 0 $N $((2 * N)) 0" "counters of the new life"
}

mcs_require
mcs_run_tests "$@"
