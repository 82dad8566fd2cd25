#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Do no harm, part 1: bridge features mcsnoop already honours. Each test
# builds its topology twice, once with the bridge's own IGMP/MLD snooping
# and querier (the reference) and once with mcsnoop enabled, lets the same
# host stacks join, sends the same datagrams in both and requires the same
# delivery per bridge port and to the bridge device (differential.sh):
# plain IPv4 and IPv6 (with neighbour discovery), VLAN filtering with PVID
# and tagged and untagged egress, port isolation, hairpin, an STP state
# that does not forward, nftables and ebtables rules and a tc filter that
# drop a group towards one port, a bond as a port, a static router port,
# and the bridge host joining a group on br0 itself. These must pass.
#
# Deliberate differences (mcsnoop delivers more, asserted as such with
# diff_more): a group nobody joined is flooded (flood-unknown on, the
# default), where the bridge's own snooping, once it has a querier, sends
# it to multicast router ports only (br_multicast_ipv4_rcv/ipv6_rcv set
# mrouters_only for every group but 224.0.0.x and ff02::1, ff02::fb
# included); solicited-node groups are always flooded (neighbour
# discovery must not depend on MLD reports).

ALL_TESTS=(
	diff_plain_v4
	diff_plain_v6
	diff_vlan
	diff_isolation
	diff_hairpin
	diff_stp
	diff_nftables
	diff_ebtables
	diff_tc
	diff_bond
	diff_router
	diff_host_join
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=differential.sh
source "$(dirname "$0")/differential.sh"

G=239.1.1.1	# joined by h2
G2=239.1.1.2	# joined by h3
GU=239.9.9.9	# joined by nobody
LL=224.0.0.251	# link-local (mDNS)

# std_v4 N: hosts h1..hN on br0, h2 joined G, h3 G2.

diff_plain_v4()
{
	diff_setup std_v4 4 || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2" "h3 h4" || return
	diff_send h1 "$G"
	diff_got bridge "p-h2=n p-h3=0 p-h4=0 up:br0=0" "reference"
	diff_same "registered group"
	diff_send h4 "$G2"
	diff_same "another group, another sender"
	diff_send h1 "$GU"
	diff_unreg "unregistered group" "p-h2=n p-h3=n p-h4=n up:br0=n"
	diff_send h1 "$LL"
	diff_got bridge "p-h2=n p-h3=n p-h4=n up:br0=n" "reference"
	diff_same "link-local group"
}

# ------------------------------------------------------------------ IPv6

G6=ff0e::1:1		# joined by h2
GU6=ff0e::9:9		# joined by nobody
LL6=ff02::fb		# link-local (mDNS)

std_v6()
{
	dsw v6 && dbr && dhosts v6 h1:1 h2:2 h3:3 h4:4 && denable &&
		djoin h2 "$G6" && dnft_ports "icmpv6 type nd-neighbor-solicit" \
		p-h1 p-h2 p-h3 p-h4
}

diff_plain_v6()
{
	diff_setup std_v6 || { check_err 1 "setup"; return; }
	diff_ready h1 "$G6" "h2" "h3 h4" || return
	diff_send h1 "$G6"
	diff_got bridge "p-h2=n p-h3=0 p-h4=0" "reference"
	diff_same "registered group"
	diff_send h1 "$GU6"
	diff_unreg "unregistered group" "p-h2=n p-h3=n p-h4=n up:br0=n"
	# ff02::fb is snooped like any group (only ff02::1 is not).
	diff_send h1 "$LL6"
	diff_unreg "unregistered link-local group" "p-h2=n p-h3=n p-h4=n up:br0=n"
	# Neighbour discovery: h1 solicits fe80::3 at its solicited-node
	# group, which h3's stack reported. The bridge sends it to h3 only;
	# mcsnoop floods solicited-node groups (hosts need not report them):
	# more, on purpose, and h3 gets it in both.
	diff_nft_probe sw ndisc h1 fe80::3
	diff_got bridge "sw:p-h3=1 sw:p-h2=0 sw:p-h4=0" "reference"
	diff_got mcsnoop "sw:p-h3=1" "neighbour solicitation to its target"
	diff_more "neighbour solicitation (solicited-node flooded)"
}

# ------------------------------------------------------------------ VLAN

#   p-h1  trunk, VIDs 10 and 20 tagged (h1: eth0.10, eth0.20)
#   p-h2  access VID 10 (untagged), joined G
#   p-h3  access VID 20 (untagged)
#   p-h4  trunk, VIDs 10 and 20 tagged, joined G in VID 20 (eth0.20)
#   p-h5  access VID 10 (untagged)
vlan_topo()
{
	local h

	dsw && dbr vlan_filtering 1 && dhosts h1:1 h2:2 h3:3 h4:4 h5:5 &&
		bridge -n "$NS_PREFIX-sw" -b - <<-EOF || return 1
			vlan del dev p-h1 vid 1
			vlan add dev p-h1 vid 10
			vlan add dev p-h1 vid 20
			vlan del dev p-h2 vid 1
			vlan add dev p-h2 vid 10 pvid untagged
			vlan del dev p-h3 vid 1
			vlan add dev p-h3 vid 20 pvid untagged
			vlan del dev p-h4 vid 1
			vlan add dev p-h4 vid 10
			vlan add dev p-h4 vid 20
			vlan del dev p-h5 vid 1
			vlan add dev p-h5 vid 10 pvid untagged
		EOF
	for h in 1 4; do
		ipn "h$h" -b - <<-EOF || return 1
			link add link eth0 name eth0.10 up type vlan id 10
			link add link eth0 name eth0.20 up type vlan id 20
			addr add 10.10.0.$h/24 dev eth0.10
			addr add 10.20.0.$h/24 dev eth0.20
		EOF
	done
	denable && djoin h2 "$G" && djoin h4 dev=eth0.20 "$G"
}

diff_vlan()
{
	diff_setup vlan_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2" "h5" eth0.10 || return
	diff_send h1 "$G" eth0.10
	diff_got bridge "p-h2=n p-h3=0 p-h4=0 p-h5=0" "reference"
	diff_same "VID 10, tagged ingress, untagged egress"
	diff_send h1 "$G" eth0.20
	diff_got bridge "p-h2=0 p-h3=0 p-h4=n p-h5=0" "reference"
	diff_same "VID 20, tagged ingress and egress"
	diff_send h5 "$G"
	diff_same "VID 10, untagged ingress (PVID)"
	diff_send h3 "$G"
	diff_same "VID 20, untagged ingress (PVID)"
	diff_send h1 "$GU" eth0.10
	diff_unreg "VID 10, unregistered group" "p-h2=n p-h3=0 p-h4=n p-h5=n"
	diff_send h3 "$LL"
	diff_same "VID 20, link-local group"
}

# --------------------------------------------- isolation, hairpin, STP

iso_topo()
{
	std_v4 4 && djoin h3 "$G" &&
		dbrport p-h1 isolated on && dbrport p-h3 isolated on
}

diff_isolation()
{
	diff_setup iso_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2" "h3 h4" || return
	diff_send h1 "$G"
	diff_got bridge "p-h2=n p-h3=0" "reference"
	diff_same "isolated sender, isolated member"
	diff_send h4 "$G"
	diff_got bridge "p-h2=n p-h3=n" "reference"
	diff_same "sender not isolated"
	diff_send h1 "$GU"
	diff_unreg "isolated sender, unregistered group" "p-h2=n p-h3=0 p-h4=n"
}

# h1 and h2 joined G with sockets (they send to it too); p-h1 in hairpin
# mode.
hairpin_topo()
{
	dsw && dbr && dhosts h1:1 h2:2 h3:3 && denable &&
		djoin h1 sock "$G" && djoin h2 sock "$G" && djoin h3 "$G2" &&
		dbrport p-h1 hairpin on
}

diff_hairpin()
{
	diff_setup hairpin_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G2" "h3" "h1 h2" || return
	diff_wait h3 "$G" "p-h1=n p-h2=n"
	check_err $? "setup: the socket joins of $G never took"
	diff_send h1 "$G"
	diff_got bridge "p-h1=n p-h2=n p-h3=0" "reference"
	diff_same "member sender in hairpin mode"
	diff_send h1 "$GU"
	diff_unreg "hairpin, unregistered group" "p-h1=n p-h2=n p-h3=n"
	diff_send h2 "$G"
	diff_got bridge "p-h1=n p-h2=0" "reference"
	diff_same "member sender, no hairpin"
}

# Without STP only listening and learning stick (the bridge makes a
# blocking port forwarding again): p-h3 (a member) and p-h4 listening.
stp_topo()
{
	std_v4 4 && djoin h3 "$G"
}

stp_listen()
{
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF
		link set dev p-h3 state 1
		link set dev p-h4 state 1
	EOF
}

diff_stp()
{
	diff_setup stp_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2 h3" "h4" || return
	diff_each stp_listen
	# mcsnoop learns a port's STP state from a deferred event.
	diff_wait h1 "$G" "p-h2=n p-h3=0" eth0 60
	check_err $? "p-h3 never stopped getting $G"
	diff_send h1 "$G"
	diff_got bridge "p-h2=n p-h3=0" "reference"
	diff_same "member port listening"
	diff_send h1 "$GU"
	diff_unreg "unregistered group, two ports listening" "p-h2=n p-h3=0 p-h4=0"
	diff_send h4 "$G2"
	diff_got bridge "p-h1=0 p-h2=0 p-h3=0 up:br0=0" "reference"
	diff_same "sender's port listening"
}

# ------------------------------------------------ netfilter, tc, bond

G3=239.1.1.3	# joined by h2 and h3

# drop_topo: h2 and h3 joined G and G3; each test drops G towards p-h3
# and G3 towards p-h2 its own way.
drop_topo()
{
	std_v4 4 && djoin h2 "$G3" && djoin h3 "$G" "$G3" && "$@"
}

# drop_check: the delivery with those rules.
drop_check()
{
	diff_ready h1 "$G2" "h3" "h2 h4" || return
	diff_send h1 "$G"
	diff_got bridge "p-h2=n p-h3=0" "reference"
	diff_same "$G dropped towards p-h3 ($1)"
	diff_send h1 "$G3"
	diff_got bridge "p-h2=0 p-h3=n" "reference"
	diff_same "$G3 dropped towards p-h2 ($1)"
	diff_send h1 "$GU"
	diff_unreg "$GU dropped towards p-h4 ($1)" "p-h2=n p-h3=n p-h4=0"
}

nft_rules()
{
	dnft sw "table bridge filter {
	chain f1 {
		type filter hook forward priority 0;
		oifname \"p-h3\" ip daddr $G drop
		oifname \"p-h4\" ip daddr $GU drop
	}
	chain p1 {
		type filter hook postrouting priority 0;
		oifname \"p-h2\" ip daddr $G3 drop
	}
}"
}

diff_nftables()
{
	diff_setup drop_topo nft_rules || { check_err 1 "setup"; return; }
	drop_check "nftables forward and postrouting"
}

ebt_rules()
{
	in_ns sw ebtables -A FORWARD -o p-h3 -p IPv4 --ip-dst "$G" -j DROP &&
		in_ns sw ebtables -A FORWARD -o p-h4 -p IPv4 --ip-dst "$GU" -j DROP &&
		in_ns sw ebtables -t nat -A POSTROUTING -o p-h2 -p IPv4 \
			--ip-dst "$G3" -j DROP
}

diff_ebtables()
{
	if ! command -v ebtables >/dev/null; then
		skip_test "no ebtables (scripts/install-deps.sh vm)"
		return
	fi
	diff_setup drop_topo ebt_rules || { check_err 1 "setup"; return; }
	drop_check "ebtables filter FORWARD, nat POSTROUTING"
}

tc_rules()
{
	tc -n "$NS_PREFIX-sw" -b - <<-EOF
		qdisc add dev p-h3 clsact
		filter add dev p-h3 egress protocol ip pref 1 flower dst_ip $G action drop
		qdisc add dev p-h2 clsact
		filter add dev p-h2 egress protocol ip pref 1 flower dst_ip $G3 action drop
		qdisc add dev p-h4 clsact
		filter add dev p-h4 egress protocol ip pref 1 flower dst_ip $GU action drop
	EOF
}

diff_tc()
{
	diff_setup drop_topo tc_rules || { check_err 1 "setup"; return; }
	drop_check "tc flower on the ports' egress"
}

# A bond as bridge port: p-h3 is a bond (active-backup) whose one slave
# leads to h3.
bond_topo()
{
	dsw && dbr && dhosts h1:1 h2:2 h4:4 && dns h3 || return 1
	ipn sw -b - <<-EOF || return 1
		link add p-h3 type bond mode active-backup
		link add s-h3 type veth peer name eth0 netns $NS_PREFIX-h3 address $(dmac 3)
		link set s-h3 master p-h3
		link set s-h3 up
		link set p-h3 master br0 up
	EOF
	ipn h3 -b - <<-EOF || return 1
		link set eth0 up
		addr add 10.0.0.3/24 dev eth0
	EOF
	denable && djoin h2 "$G" && djoin h3 "$G2"
}

diff_bond()
{
	diff_setup bond_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G2" "h3" "h2 h4" || return
	diff_send h1 "$G2"
	diff_got bridge "p-h2=0 p-h3=n s-h3=n p-h4=0" "reference"
	diff_same "member behind a bond"
	diff_send h3 "$G"
	diff_got bridge "p-h2=n p-h1=0" "reference"
	diff_same "sender behind a bond"
	diff_send h1 "$GU"
	diff_unreg "unregistered group to a bond" "p-h2=n p-h3=n s-h3=n p-h4=n"
}

# ----------------------------------------------------- router, host

# p-h3 a static multicast router port: the bridge's mcast_router 2, or
# mcsnoop's router static.
router_topo()
{
	std_v4 4 || return 1
	if in_mode bridge; then
		dbrport p-h3 mcast_router 2
	else
		mcs sw port set p-h3 router static
	fi
}

diff_router()
{
	local m
	local -A rb_bridge rb_mcsnoop ra_bridge ra_mcsnoop

	diff_setup router_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2 h3" "h4" || return
	diff_send h1 "$G"
	diff_got bridge "p-h2=n p-h3=n p-h4=0" "reference"
	diff_same "registered group, static router port"
	diff_send h1 "$GU"
	diff_got bridge "p-h3=n" "reference: unregistered to the router port"
	diff_unreg "unregistered group, static router port" "p-h2=n p-h3=n p-h4=n"
	# Reports: to the router port only (the bridge's own queries make
	# the hosts report more often: whether a port got any is compared).
	DIFF_KIND=rep
	for m in "${DIFF_MODES[@]}"; do
		dsnap "$m" "rb_$m"
	done
	diff_each djoin h4 239.1.1.4
	has_mode mcsnoop && wait_secs 10 cnt_ge m-sw p-h3.tx.rep $((rb_mcsnoop[p-h3] + 1))
	has_mode bridge && wait_secs 10 cnt_ge b-sw p-h3.tx.rep $((rb_bridge[p-h3] + 1))
	for m in "${DIFF_MODES[@]}"; do
		sniff_sync "${m:0:1}-sw"
		dsnap "$m" "ra_$m"
		dvec_delta "rb_$m" "ra_$m" "DV_$m"
	done
	DIFF_KIND=data DIFF_WHAT="reports of h4's join"
	diff_got bridge "p-h3>1 p-h1=0 p-h2=0" "reference"
	diff_got mcsnoop "p-h3>1 p-h1=0 p-h2=0" "reports to the router port only"
}

# The bridge host joins on br0: G (also h2's) and G4 (its own only).
G4=239.1.1.4
host_topo()
{
	std_v4 3 && djoin sw dev=br0 sock "$G" "$G4"
}

diff_host_join()
{
	diff_setup host_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G4" "" "h2 h3" || return
	diff_wait h1 "$G4" "up:br0=n p-h2=0" eth0 20 ||
		{ check_err 1 "br0's join of $G4 never took"; diff_tables; }
	diff_send h1 "$G"
	diff_got bridge "up:br0=n p-h2=n p-h3=0" "reference"
	diff_same "group of a port and the host"
	diff_send h1 "$G4"
	diff_got bridge "up:br0=n p-h2=0 p-h3=0" "reference"
	diff_same "group of the host only"
	diff_send h1 "$G2"
	diff_got bridge "up:br0=0 p-h3=n" "reference"
	diff_same "group the host did not join"
	# The host sends: to the members only.
	diff_send sw "$G" br0
	diff_got bridge "p-h1=0 p-h2=n p-h3=0" "reference"
	diff_same "the host sends to a registered group"
	diff_send sw "$GU" br0
	diff_unreg "the host sends to an unregistered group" "p-h1=n p-h2=n p-h3=n"
}

diff_require
diff_pin nft tc
mcs_run_tests "$@"
