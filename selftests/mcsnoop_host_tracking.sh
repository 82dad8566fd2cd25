#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Explicit host tracking: on a fast-leave port each host that reports (told
# apart by the source MAC of its reports) has its own membership, and the
# leave of one host removes only that host's. br0 in namespace sw with h3
# (the sender of a steady stream) and a port p-hub, fast leave on, to a
# plain flooding bridge (namespace hub) with two hosts h4 and h5 behind it,
# MACs 02:00:00:00:00:04 and :05. br0 is enabled with querier off (no
# query makes a host re-report: what keeps a port forwarding is the
# membership alone) and flood-unknown off. The hosts are real stacks; what
# the bridge receives and sends is counted by a packet socket in sw, what
# h4 receives by one in h4 (sniff, lib.sh).
#
#  - shared_fast_leave_igmpv3, shared_fast_leave_mldv2 (239.1.2.3 and
#    ff0e::9, IGMPv3 and MLDv2 stacks): h4 and h5 join; group show -j lists
#    two members on p-hub, host = each MAC, host_address = the address it
#    reported from (10.0.0.4 / fe80::4). A stream from h3 starts; h5's
#    stack leaves (TO_IN({})): p-hub stays a member, group show lists h4
#    alone on it; the stream goes on for a second's worth of frames after
#    that and stops: h4 got every frame h3 sent (0 lost, counted from the
#    first frame). The stream starts again; h4's stack leaves: p-hub is no
#    member at once and no data frame goes to p-hub after that (the time
#    from h4's leave to its last data frame is logged, not checked).
#  - max_hosts: port show -j of p-hub has max_hosts 512 and host_count 0;
#    port set max-hosts 1: h4 joins and is tracked (host_count 1, member
#    host = its MAC), then h5 joins: still host_count 1, its membership is
#    the port-wide one (a member with host null), port show text says
#    "max-hosts 1 hosts 1"; datagrams from h3 reach both h4 and h5.
#    max-hosts 65536 is refused (exit status not 0, a message naming
#    max_hosts) and changes nothing; 65535 is accepted. With room, a
#    report of h5 makes the port-wide membership its own (host_count 2),
#    and h5's leave ends it: h4 alone stays on p-hub.
#  - template_max_hosts: template 'tap*' max-hosts 4: template show has it
#    (text and JSON), a new port tap101i0 gets max_hosts 4, fwpr101p0 the
#    default 512; a template with max-hosts 65536 is refused.

ALL_TESTS=(
	shared_fast_leave_igmpv3
	shared_fast_leave_mldv2
	max_hosts
	template_max_hosts
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G4=239.1.2.3
G6=ff0e::9
MAC4=02:00:00:00:00:04
MAC5=02:00:00:00:00:05
# Stream rate (datagrams per second), lower on a slower guest (MCS_SLOW).
PPS=${PPS:-$((100 / MCS_SLOW))}

# ------------------------------------------------------------ helpers

# hub_setup FAM: sw/br0 (own snooping off) with h3, and a port p-hub to
# bridge hb0 in namespace hub (own snooping off: it floods) with h4 and
# h5, whose MACs are MAC4 and MAC5, in FAM (v4: 10.0.0.i, v6: fe80::i),
# their stacks forced to IGMPv3 / MLDv2. br0 enabled (querier off),
# flood-unknown off, memberships for 10 minutes; p-hub fast leave.
hub_setup()
{
	local i

	fam_words "$1"
	ns_create sw noipv6 && br_create sw br0 0 &&
		ns_create hub noipv6 && br_create hub hb0 0 || return 1
	ipn sw link add p-hub type veth peer name up0 \
		netns "$NS_PREFIX-hub" || return 1
	ipn sw link set p-hub master br0 up && ipn hub link set up0 master hb0 up ||
		return 1
	star_host sw br0 3 "$FAM" || return 1
	for i in 4 5; do
		hub_host "$i" && fam_version "h$i" "$NEW" || return 1
	done
	mcs sw bridge enable br0 flood-unknown off membership-timeout 600 \
		router-timeout 600 >/dev/null &&
		mcs sw port set p-hub fast-leave on
}

# hub_host I: host hI behind port p-hI of hb0 (as star_host gives it in
# FAM), its eth0 with MAC 02:00:00:00:00:0I from the start.
hub_host()
{
	local i=$1 addr="10.0.0.$1/24" nodad='' mac=02:00:00:00:00:0$1

	if [ "$FAM" = v6 ]; then
		v6_host_ns "h$i" || return 1
		addr="fe80::$i/64" nodad=nodad
	else
		ns_create "h$i" noipv6 || return 1
	fi
	ipn hub -b - <<-EOF || return 1
		link add p-h$i type veth peer name eth0 address $mac \
			netns $NS_PREFIX-h$i
		link set p-h$i master hb0 up
	EOF
	ipn "h$i" -b - <<-EOF
		link set eth0 up
		addr add $addr dev eth0 $nodad
	EOF
}

# hub_hosts GROUP: the members of GROUP on p-hub (group show -j) as sorted
# words HOST=HOST_ADDRESS (MACs in lower case; null where there is none).
hub_hosts()
{
	group_json br0 "$1" | jq -r '[.[].members[] | select(.port == "p-hub") |
		"\(.host // "null" | ascii_downcase)=\(.host_address // "null")"] |
		sort | join(" ")' 2>/dev/null
}

# hub_hosts_are GROUP WANT: for wait_secs.
hub_hosts_are()
{
	[ "$(hub_hosts "$1")" = "$2" ]
}

# check_hub_hosts GROUP WANT WHAT: wait (30 s) for hub_hosts to be WANT.
check_hub_hosts()
{
	wait_secs 30 hub_hosts_are "$1" "$2"
	check_err $? "$3: members on p-hub (host=host_address) are '$(hub_hosts "$1")', expected '$2'"
}

# hub_member GROUP: p-hub is a member of GROUP (for wait_secs).
hub_member()
{
	! no_member sw br0 "$1" p-hub
}

# all_reached_h4: h4 received every data frame br0 got from h3.
all_reached_h4()
{
	[ "$(cnt h4 eth0.rx.data)" -ge "$(cnt sw p-h3.rx.data)" ]
}

# ------------------------------------------------------------- tests

# shared_fast_leave FAM GROUP: see the header.
shared_fast_leave()
{
	local grp=$2 a4 a5 pid4 pid5 spid sent got n0 a1 a2 lat

	hub_setup "$1" || { check_err 1 "setup"; return; }
	a4=$(host_ip 4)
	a5=$(host_ip 5)
	sniff sw && sniff h4 || { check_err 1 "counters"; return; }
	bg_mcast h4 join eth0 "$grp"
	pid4=${BG_PIDS[-1]}
	bg_mcast h5 join eth0 "$grp"
	pid5=${BG_PIDS[-1]}
	wait_secs 60 hub_member "$grp"
	check_err $? "$NEW_NAME joins of h4 and h5: p-hub no member of $grp: '$(members sw br0 "$grp")'"
	check_hub_hosts "$grp" "$MAC4=$a4 $MAC5=$a5" "$NEW_NAME joins of h4 and h5"

	# The stream, from its first frame on, to h4 through p-hub.
	stream h3 "$grp"
	spid=${BG_PIDS[-1]}
	wait_secs 60 cnt_ge h4 eth0.rx.data 20
	check_err $? "the stream does not reach h4: $(cnt h4 eth0.rx.data) frames"

	# 1. h5 leaves: h4's membership keeps p-hub, not one frame is lost.
	stop_pids "$pid5"
	wait_secs 60 cnt_ge sw p-hub.rx.leave 1
	check_err $? "h5's leave not seen on p-hub"
	check_hub_hosts "$grp" "$MAC4=$a4" "after h5's $NEW_NAME leave"
	hub_member "$grp"
	check_err $? "p-hub no longer a member after h5 left: members '$(members sw br0 "$grp")'"
	# A second's worth of the stream after it, then the stream stops.
	n0=$(cnt sw p-h3.rx.data)
	wait_secs 60 cnt_ge sw p-h3.rx.data $((n0 + PPS))
	stop_pids "$spid"
	sniff_sync sw
	wait_secs 10 all_reached_h4
	sniff_sync h4
	sent=$(cnt sw p-h3.rx.data)
	got=$(cnt h4 eth0.rx.data)
	log_info "$NEW_NAME: h3 sent $sent frames, p-hub got $(cnt sw p-hub.tx.data), h4 $got, $(( $(cnt sw p-h3.rx.data) - n0 )) after h5's leave was handled"
	check_eq "$((sent - got))" 0 "frames h4 lost while h5 left (of $sent)"

	# 2. h4, the last host, leaves: p-hub is pruned at once.
	stream h3 "$grp"
	wait_secs 60 cnt_ge h4 eth0.rx.data $((got + 10))
	check_err $? "the second stream does not reach h4"
	stop_pids "$pid4"
	wait_secs 30 no_member sw br0 "$grp" p-hub
	check_err $? "p-hub still a member after its last host left: '$(members sw br0 "$grp")'"
	sniff_sync sw
	a1=$(cnt sw p-hub.tx.data)
	n0=$(cnt sw p-h3.rx.data)
	wait_secs 60 cnt_ge sw p-h3.rx.data $((n0 + PPS))
	sniff_sync sw
	a2=$(cnt sw p-hub.tx.data)
	check_eq "$((a2 - a1))" 0 "data frames to p-hub in a second's stream after it was pruned"
	sniff_sync h4
	lat=$(( $(cnt h4 t.eth0.rx.data) - $(cnt h4 t1.eth0.tx.leave) ))
	# A figure, not a check: a slow machine must not fail the test.
	log_info "$NEW_NAME: last data frame reached h4 $lat ms after its leave"
	check_ge "$(cnt h4 eth0.tx.leave)" 1 "leaves h4 sent"
	check_eq "$(hub_hosts "$grp")" "" "members on p-hub at the end"
}

shared_fast_leave_igmpv3()
{
	shared_fast_leave v4 "$G4"
}

shared_fast_leave_mldv2()
{
	shared_fast_leave v6 "$G6"
}

max_hosts()
{
	local out rc pid5

	hub_setup v4 || { check_err 1 "setup"; return; }
	out=$(mcsj sw port show p-hub)
	check_eq "$(json_value "$out" max_hosts)" 512 "max_hosts of p-hub by default"
	check_eq "$(json_value "$out" host_count)" 0 "host_count of p-hub at first"
	mcs sw port set p-hub max-hosts 1
	check_err $? "port set p-hub max-hosts 1"
	check_port p-hub max_hosts 1 "after port set max-hosts 1" 5
	sniff h4 && sniff h5 || { check_err 1 "counters"; return; }

	# The first host is tracked, the second counts for the port.
	bg_mcast h4 join eth0 "$G4"
	check_hub_hosts "$G4" "$MAC4=10.0.0.4" "h4's join (max-hosts 1)"
	check_port p-hub host_count 1 "h4 tracked" 5
	bg_mcast h5 join eth0 "$G4"
	pid5=${BG_PIDS[-1]}
	wait_secs 30 cnt_ge h5 eth0.tx.rep 1
	check_err $? "h5's stack sent no report"
	check_hub_hosts "$G4" "$MAC4=10.0.0.4 null=null" \
		"h5's join beyond max-hosts 1: the port-wide member (host null)"
	check_eq "$(port_get p-hub host_count)" 1 "host_count with two hosts, max-hosts 1"
	out=$(mcs sw port show p-hub)
	check_match "$out" " max-hosts 1 hosts 1( |$)" "text of port show p-hub"

	# Both receive.
	mcast h3 send eth0 "$G4" "$NDATA"
	wait_secs 30 cnt_ge h4 eth0.rx.data "$NDATA" &&
		wait_secs 30 cnt_ge h5 eth0.rx.data "$NDATA"
	check_err $? "$NDATA datagrams to $G4: h4 got $(cnt h4 eth0.rx.data), h5 $(cnt h5 eth0.rx.data)"

	# The range: 0-65535.
	out=$(mcs sw port set p-hub max-hosts 65536 2>&1)
	rc=$?
	check_fail "$rc" "port set max-hosts 65536 accepted"
	check_match "$out" "max_hosts" "the error of max-hosts 65536"
	check_eq "$(port_get p-hub max_hosts)" 1 "max_hosts after max-hosts 65536 was refused"
	mcs sw port set p-hub max-hosts 65535
	check_err $? "port set p-hub max-hosts 65535"
	check_eq "$(port_get p-hub max_hosts)" 65535 "max_hosts after max-hosts 65535"

	# Room now: h5's next report makes the port-wide membership it gave
	# its own, so that its leave ends it (not a new one beside it).
	frames h5 eth0 "report3,rec=2:$G4"
	check_port p-hub host_count 2 "h5 tracked after its report" 5
	kill "$pid5"
	check_hub_hosts "$G4" "$MAC4=10.0.0.4" "after h5's leave, once tracked"
}

template_max_hosts()
{
	local out

	ns_create sw noipv6 && br_create sw br0 0 &&
		mcs sw bridge enable br0 >/dev/null || { check_err 1 "setup"; return; }
	mcs sw port template add br0 'tap*' max-hosts 4
	check_err $? "port template add br0 tap* max-hosts 4"
	out=$(mcs sw port template show br0 2>&1)
	check_match "$out" "^br0 template tap\* (.* )?max-hosts 4$" "text of template show"
	out=$(mcsj sw port template show br0 2>&1)
	check_eq "$(json_value "$out" max_hosts)" 4 "max_hosts in template show -j ($out)"
	ipn sw -b - <<-EOF || { check_err 1 "ports"; return; }
		link add tap101i0 type dummy
		link set tap101i0 master br0 up
		link add fwpr101p0 type dummy
		link set fwpr101p0 master br0 up
	EOF
	check_port tap101i0 max_hosts 4 "a new port 'tap*' matches" 5
	check_port fwpr101p0 max_hosts 512 "a new port no template matches" 5
	out=$(mcs sw port template add br0 'fwpr*' max-hosts 65536 2>&1)
	check_fail $? "port template add br0 fwpr* max-hosts 65536 accepted"
	check_match "$out" "max_hosts" "the error of a template with max-hosts 65536"
}

mcs_require
mcs_run_tests "$@"
