#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Malformed IGMP, MLD and PIM frames (crafted by frames.py on h2): each is
# counted once in its err_* counter and in parse_errors of the port it
# entered, in no other control counter, is never learnt from (no group, no
# router port), and does no harm: snooping goes on working (and the kernel
# log is checked after every test). The hosts run IPv4 only, so nothing
# else enters p-h2 meanwhile.

ALL_TESTS=(
	malformed_igmp
	malformed_mld
	malformed_flood_harmless
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.2.3
M=ff0e::5
LL=src=fe80::2

IGMP_BAD=(
	"report2,group=$G,badipcsum=1"		err_bad_ip
	"report2,group=$G,ihl=4"		err_bad_ip
	"report2,group=$G,badcsum=1"		err_bad_csum
	"query4,src=10.0.0.2,badcsum=1"		err_bad_csum
	"pim4,src=10.0.0.2,badcsum=1"		err_bad_csum
	"report2,group=$G,trunc=4"		err_truncated
	"report2,group=$G,short=40"		err_truncated
	"report2,group=$G,ttl=2"		err_bad_ttl
	"query4,src=10.0.0.2,ttl=2"		err_bad_ttl
	"report2,group=$G,frag=1"		err_fragment
	"report2,group=10.1.1.1,dst=$G"		err_bad_group
	"report3,rec=4:10.1.1.1"		err_bad_group
	"report3,nrec=2,rec=4:$G"		err_bad_records
	"query4,src=10.0.0.2,ver=3,trunc=10"	err_bad_length
)

MLD_BAD=(
	"report6v1,src=2001:db8::2,group=$M"	err_bad_source
	"query6,src=2001:db8::2"		err_bad_source
	"report6v1,$LL,group=$M,ttl=2"		err_bad_ttl
	"pim6,$LL,ttl=2"			err_bad_ttl
	"report6v1,$LL,group=$M,badcsum=1"	err_bad_csum
	"query6,$LL,badcsum=1"			err_bad_csum
	"report6v1,$LL,group=$M,trunc=12"	err_truncated
	"report6v1,$LL,group=$M,short=64"	err_truncated
	"report6v1,$LL,group=$M,frag=1"		err_fragment
	"report6v1,$LL,group=2001:db8::5,dst=$M" err_bad_group
	"report6v2,$LL,nrec=2,rec=4:$M"		err_bad_records
	"query6,$LL,trunc=26"			err_bad_length
)

# expected_deltas CASES...: "KEY+N ..." (sorted) for the frame/counter
# pairs CASES, each frame sent once.
expected_deltas()
{
	local -A n
	local i out=() k

	for ((i = 1; i < $#; i += 2)); do
		k=${*:i+1:1}
		n[$k]=$((${n[$k]:-0} + 1))
		n[parse_errors]=$((${n[parse_errors]:-0} + 1))
	done
	for k in "${!n[@]}"; do
		out+=("$k+${n[$k]}")
	done
	printf '%s\n' "${out[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

# control_deltas BEFORE AFTER: the control and error counters of two
# stats show answers that differ, as "KEY+N ..." (sorted).
control_deltas()
{
	jq -rn --argjson b "$1" --argjson a "$2" '
		[$a[0].stats | to_entries[] |
		 select(.key | test("^(err_|parse_errors|igmp_v|mld_v|mrd_|pim_|table_full)")) |
		 select(.value != $b[0].stats[.key]) |
		 "\(.key)+\(.value - $b[0].stats[.key])"] | sort | join(" ")'
}

# send_bad CASES...: send each frame of CASES once from h2 and check the
# counters of p-h2 and br0.
send_bad()
{
	local cases=("$@") specs=() i before after bbefore bafter want

	for ((i = 0; i < ${#cases[@]}; i += 2)); do
		specs+=("${cases[i]}")
	done
	want=$(expected_deltas "${cases[@]}")
	before=$(mcsj sw stats show port p-h2)
	bbefore=$(mcsj sw stats show br0)
	frames h2 eth0 gap=0 "${specs[@]}"
	check_err $? "frames.py"
	wait_secs 30 pstat_ge p-h2 parse_errors \
		$(($(jq -r '.[0].stats.parse_errors' <<<"$before") + ${#specs[@]}))
	sleep 0.5
	after=$(mcsj sw stats show port p-h2)
	bafter=$(mcsj sw stats show br0)
	check_eq "$(control_deltas "$before" "$after")" "$want" "counters of p-h2"
	check_eq "$(control_deltas "$bbefore" "$bafter")" "$want" "counters of br0"
}

# nothing_learnt: no group in the table, p-h2 no router port.
nothing_learnt()
{
	check_eq "$(mcsj sw group show br0 | jq -r 'length')" 0 "groups learnt"
	check_eq "$(port_get p-h2 router_ipv4)" none "router_ipv4 of p-h2"
	check_eq "$(port_get p-h2 router_ipv6)" none "router_ipv6 of p-h2"
}

malformed_igmp()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	send_bad "${IGMP_BAD[@]}"
	nothing_learnt
}

malformed_mld()
{
	star 3 v4 snoop || { check_err 1 "setup"; return; }
	send_bad "${MLD_BAD[@]}"
	nothing_learnt
}

# Many of every kind while a member and a sender go on: pruning unchanged.
malformed_flood_harmless()
{
	local i specs=()

	star 3 v4 snoop || { check_err 1 "setup"; return; }
	igmp_version h3 2
	bg_mcast h3 join eth0 "$G"
	check_ports br0 "$G" "p-h3" "join of h3"
	for ((i = 0; i < ${#IGMP_BAD[@]}; i += 2)); do
		specs+=("${IGMP_BAD[i]}")
	done
	for ((i = 0; i < ${#MLD_BAD[@]}; i += 2)); do
		specs+=("${MLD_BAD[i]}")
	done
	frames h2 eth0 count=20 "${specs[@]}"
	check_err $? "frames.py"
	wait_secs 30 pstat_ge p-h2 parse_errors $((20 * ${#specs[@]}))
	check_err $? "parse_errors of p-h2 below $((20 * ${#specs[@]}))"
	check_eq "$(group_ports br0 "$G")" "p-h3" "members after the malformed frames"
	check_eq "$(mcsj sw group show br0 | jq -r 'length')" 1 "groups after the malformed frames"
	deliver_check h1 "$G" "h3" "h2" "after the malformed frames"
}

mcs_require
mcs_run_tests "$@"
