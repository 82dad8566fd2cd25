#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Do no harm, part 3: what mcsnoop cannot honour it refuses, per port,
# and leaves to the bridge: such a port keeps the bridge's own flooding
# (mcast_flood on) and gets nothing from mcsnoop, so nothing is lost
# (delivery at least the bridge's) and the frames the feature concerns
# go as without mcsnoop (differential.sh builds each topology with the
# bridge's own snooping and with mcsnoop). The features: neighbour
# suppression (neigh_suppress, per VLAN since 6.4), VLAN tunnels on a
# collect-metadata VXLAN port (EVPN), switchdev offload (netdevsim, where
# the kernel has it), an admin's mcast_flood on; for the whole bridge,
# the bridge's own snooping switched back on (mcsnoop stands aside).
#
# How a refusal shows: port show -j gains "fallback" (words among
# switchdev, vlan_tunnel, neigh_suppress, proxyarp_wifi, mcast_flood; an
# empty array when none), bridge show -j "fallback" (bridge_snooping),
# the monitor prints fallback_add and fallback_del events, bridge enable
# exits 0 with a "Warning:" on stderr naming the port and the feature,
# and the kernel log says it once. Features switched on (or ports
# carrying them added) after enable show within 5 s, and delivery still
# matches the bridge; so do 802.1X locking and mcast_to_unicast switched
# on late, which mcsnoop honours itself.

ALL_TESTS=(
	diff_neigh_suppress
	diff_neigh_vlan_suppress
	diff_vlan_tunnel
	diff_switchdev
	late_vlan_tunnel
	late_neigh_suppress
	late_locked
	late_mcast_to_unicast
	late_port_added
	late_mcast_flood
	late_bridge_snooping
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=differential.sh
source "$(dirname "$0")/differential.sh"

G=239.1.1.1	# joined by h2
G2=239.1.1.2	# joined by h3
G4=239.1.1.4	# joined by the remote end of the tunnel
GU=239.9.9.9	# joined by nobody
LL=224.0.0.251	# link-local (mDNS)
G6=ff0e::1:1	# joined by h2

# check_refused DEV WORD WHAT: mode mcsnoop refused DEV for WORD at
# enable: show, the warning of bridge enable, the kernel log (once).
check_refused()
{
	check_fb_port "$1" "$2" "$3"
	check_enable_warning "$1" "$2" "$3"
	check_kmsg_once "$3" "$1" "$2"
}

# check_fb_events WHAT EVENT [PATTERN...]: a monitor event EVENT
# (fallback_add, fallback_del) of br0 with the patterns, within 5 s.
check_fb_events()
{
	local what=$1 ev=$2

	shift 2
	check_event "$what" 5 "\"event\":\"$ev\"" '"bridge":"br0"' "$@"
}

# ------------------------------------------------- neighbour suppression

# IPv6 hosts h1..h4; p-h3 suppresses neighbour discovery; the bridge host
# knows h2 and h3 (neighbour entries on br0, their MACs learnt), so it
# can answer for them. Each port counts the solicitations it sends.
nsup_topo()
{
	dsw v6 && dbr && dhosts v6 h1:1 h2:2 h3:3 h4:4 &&
		dbrport p-h3 neigh_suppress on &&
		ipn sw -b - <<-EOF &&
			neigh add fe80::2 lladdr $(dmac 2) dev br0 nud permanent
			neigh add fe80::3 lladdr $(dmac 3) dev br0 nud permanent
		EOF
		denable && djoin h2 "$G6" &&
		dnft_ports "icmpv6 type nd-neighbor-solicit" p-h1 p-h2 p-h3 p-h4
}

diff_neigh_suppress()
{
	local m

	diff_setup nsup_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G6" "h2" "h4" || return
	check_refused p-h3 neigh_suppress "neigh_suppress at enable"
	check_fb_port p-h2 "" "a port without refused features"
	# A solicitation for h2, whom the bridge knows: never sent to the
	# suppressing port (the bridge's flood skips it; its own snooping
	# sends it to h2 only).
	diff_nft_probe sw ndisc h1 fe80::2
	diff_got bridge "sw:p-h2=1 sw:p-h3=0" "reference"
	diff_got mcsnoop "sw:p-h2=1 sw:p-h3=0" "solicitation suppressed towards p-h3"
	diff_more "solicitation for a neighbour the bridge knows"
	# A solicitation for h3, behind the suppressing port: the bridge
	# answers for it in both modes. Its own snooping still sends the
	# solicitation to h3, a member of the solicited-node group
	# (br_multicast_flood does not look at neigh_suppress); its flooding,
	# what the port falls back to, does not: h3 not getting it is what
	# neigh_suppress asks for, and the one place here where the
	# reference is the bridge's flooding, not its snooping.
	diff_nft_probe sw ndisc h1 fe80::3
	for m in "${DIFF_MODES[@]}"; do
		check_eq "${NDISC_RC[$m]}" 0 "mode $m: the solicitation for h3 was answered"
	done
	diff_got bridge "sw:p-h3=1" "reference (snooping)"
	diff_got mcsnoop "sw:p-h3=0" "solicitation for h3 suppressed towards p-h3"
	# Data: the refused port gets the bridge's flooding. More, on purpose.
	diff_send h1 "$G6"
	diff_got bridge "p-h2=n p-h3=0" "reference"
	diff_got mcsnoop "p-h2=n" "registered group"
	diff_more "registered group, a refused port"
}

# The same per VLAN: every port an access port of VLAN 10; p-h3 has
# neigh_vlan_suppress and suppression on in VLAN 10; the bridge knows h2
# and h3 on br0.10.
nvs_topo()
{
	local p cmds="vlan add dev br0 vid 10 self"$'\n'

	dsw v6 && dbr vlan_filtering 1 && dhosts v6 h1:1 h2:2 h3:3 h4:4 ||
		return 1
	for p in p-h1 p-h2 p-h3 p-h4; do
		cmds+="vlan del dev $p vid 1"$'\n'"vlan add dev $p vid 10 pvid untagged"$'\n'
	done
	bridge -n "$NS_PREFIX-sw" -b - <<<"$cmds" &&
		ipn sw -b - <<-EOF &&
			link add link br0 name br0.10 up type vlan id 10
			neigh add fe80::2 lladdr $(dmac 2) dev br0.10 nud permanent
			neigh add fe80::3 lladdr $(dmac 3) dev br0.10 nud permanent
		EOF
		rtnl sw brport-set p-h3 neigh_suppress=on neigh_vlan_suppress=on + \
			vlan-neigh-suppress p-h3 10 on >/dev/null &&
		denable && djoin h2 "$G6" &&
		dnft_ports "icmpv6 type nd-neighbor-solicit" p-h1 p-h2 p-h3 p-h4
}

diff_neigh_vlan_suppress()
{
	if ! kernel_has_brport neigh_vlan_suppress; then
		skip_test "the kernel has no per-VLAN neighbour suppression (6.4)"
		return
	fi
	diff_setup nvs_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G6" "h2" "h4" || return
	check_refused p-h3 neigh_suppress "neigh_vlan_suppress at enable"
	diff_nft_probe sw ndisc h1 fe80::2
	diff_got bridge "sw:p-h2=1 sw:p-h3=0" "reference"
	diff_got mcsnoop "sw:p-h2=1 sw:p-h3=0" "solicitation suppressed in VLAN 10 towards p-h3"
	diff_more "solicitation in VLAN 10"
	diff_send h1 "$G6"
	diff_more "registered group, a refused port"
}

# ------------------------------------------------------------ VLAN tunnel

#   p-h1..p-h3  access ports of VLAN 10; h2 joined G, h3 G2
#   vx0         collect-metadata VXLAN port, VLAN 10 tagged, its tunnel
#               VNI 1010 (vlan_tunnel) when ARG is "on"; BUM to 10.99.0.2
#   rt          the remote end: vx1 (VNI 1010) over the underlay ul0,
#               joined G4
tunnel_topo()
{
	local p cmds=

	DIFF_SNIFF=(rt)
	DIFF_PORT[rt]=vx0
	dsw && dbr vlan_filtering 1 && dhosts h1:1 h2:2 h3:3 && dns rt ||
		return 1
	ipn sw -b - <<-EOF || return 1
		link add ul0 type veth peer name ul0 netns $NS_PREFIX-rt
		link set ul0 up
		addr add 10.99.0.1/24 dev ul0
		link add vx0 type vxlan dstport 4789 external local 10.99.0.1
		link set vx0 master br0 up
	EOF
	for p in p-h1 p-h2 p-h3; do
		cmds+="vlan del dev $p vid 1"$'\n'"vlan add dev $p vid 10 pvid untagged"$'\n'
	done
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF || return 1
		$cmds
		vlan del dev vx0 vid 1
		vlan add dev vx0 vid 10
		fdb append 00:00:00:00:00:00 dev vx0 dst 10.99.0.2 src_vni 1010 self permanent
	EOF
	ipn rt -b - <<-EOF || return 1
		link set ul0 up
		addr add 10.99.0.2/24 dev ul0
		link add vx1 type vxlan id 1010 dstport 4789 local 10.99.0.2 remote 10.99.0.1
		link set vx1 up
		addr add 10.0.0.9/24 dev vx1
	EOF
	if [ "${1:-on}" = on ]; then
		tunnel_on || return 1
	fi
	denable && djoin h2 "$G" && djoin h3 "$G2" && djoin rt dev=vx1 "$G4"
}

tunnel_on()
{
	dbrport vx0 vlan_tunnel on &&
		bridge -n "$NS_PREFIX-sw" vlan add dev vx0 vid 10 tunnel_info id 1010
}

# tunnel_check: the delivery through the tunnel.
tunnel_check()
{
	diff_send h1 "$LL"
	diff_got bridge "p-h2=n p-h3=n rt:vx1=n" "reference"
	diff_same "link-local group through the tunnel"
	diff_send h1 "$G4"
	diff_got bridge "p-h2=0 rt:vx1=n" "reference"
	diff_same "group the remote end joined"
	diff_send rt "$G" vx1
	diff_got bridge "p-h2=n p-h3=0" "reference"
	diff_same "from the remote end, to a group a port joined"
	# The refused port gets the bridge's flooding: more, on purpose.
	diff_send h1 "$G"
	diff_got bridge "p-h2=n rt:vx1=0" "reference"
	diff_more "group only a port joined, a refused port"
}

diff_vlan_tunnel()
{
	diff_setup tunnel_topo on || { check_err 1 "setup"; return; }
	diff_ready h1 "$G2" "h3" "h2" || return
	check_refused vx0 vlan_tunnel "vlan_tunnel at enable"
	diff_wait h1 "$G4" "rt:vx1=n p-h2=0" eth0 20 bridge
	check_err $? "setup: the remote end's join never took"
	tunnel_check
}

# ------------------------------------------------------------- switchdev

# netdevsim ports (CONFIG_NETDEVSIM: the debug kernel; not Debian's) are
# offloaded: a bridge with one is refused for it.
NSIM_ID=$((1000 + $$ % 30000))
diff_switchdev()
{
	local dir=/sys/bus/netdevsim/devices/netdevsim$NSIM_ID/net ports=()

	[ -e /sys/bus/netdevsim/new_device ] || modprobe netdevsim 2>/dev/null
	if [ ! -e /sys/bus/netdevsim/new_device ]; then
		skip_test "no netdevsim (CONFIG_NETDEVSIM)"
		return
	fi
	has_mode mcsnoop || return 0
	diff_mode mcsnoop
	if dsw && dbr && dhosts h1:1 h2:2 &&
		in_ns sw sh -c "echo $NSIM_ID 1 > /sys/bus/netdevsim/new_device"
	then
		# The ports are in sw, and sysfs shows a namespace its own.
		wait_secs 10 eval '[ -n "$(in_ns sw ls "$dir" 2>/dev/null)" ]'
		mapfile -t ports < <(in_ns sw ls "$dir" 2>/dev/null)
	fi
	if [ "${#ports[@]}" -eq 1 ] &&
		ipn sw -b - <<-EOF
			link set ${ports[0]} name p-nsim
			link set p-nsim master br0 up
		EOF
	then
		denable
		check_err $? "bridge enable with a netdevsim port"
		check_refused p-nsim switchdev "switchdev port at enable"
		check_fb_port p-h1 "" "a veth port"
	else
		check_err 1 "setup: no netdevsim port (found: ${ports[*]})"
	fi
	diff_end
	echo "$NSIM_ID" >/sys/bus/netdevsim/del_device 2>/dev/null
}

# --------------------------------------------------- after bridge enable

late_vlan_tunnel()
{
	diff_setup tunnel_topo off || { check_err 1 "setup"; return; }
	diff_ready h1 "$G2" "h3" "h2" || return
	check_fb_port vx0 "" "vlan_tunnel off at enable"
	DMON_VID="vid 10" dmon_start ||
		{ check_err 1 "the monitor never started"; return; }
	diff_each tunnel_on
	check_fb_port vx0 vlan_tunnel "vlan_tunnel switched on after enable"
	check_fb_events "vlan_tunnel on" fallback_add '"port":"vx0"' \
		'"reason":"vlan_tunnel"'
	# The remote end's reports come through the tunnel only now.
	diff_each djoin rt dev=vx1 239.1.1.5
	diff_wait h1 239.1.1.5 "rt:vx1=n p-h2=0" eth0 20 bridge
	check_err $? "the remote end's join never took"
	G4=239.1.1.5 tunnel_check
	diff_each dbrport vx0 vlan_tunnel off
	check_fb_port vx0 "" "vlan_tunnel switched off"
	check_fb_events "vlan_tunnel off" fallback_del '"port":"vx0"' \
		'"reason":"vlan_tunnel"'
}

late_neigh_suppress()
{
	diff_setup std_v4 4 || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2" "h3 h4" || return
	dmon_start || { check_err 1 "the monitor never started"; return; }
	diff_each dbrport p-h3 neigh_suppress on
	check_fb_port p-h3 neigh_suppress "neigh_suppress switched on"
	check_fb_events "neigh_suppress on" fallback_add '"port":"p-h3"' \
		'"reason":"neigh_suppress"'
	diff_send h4 "$G2"
	diff_got bridge "p-h3=n p-h2=0" "reference"
	diff_same "group the refused port's host joined"
	diff_send h1 "$G"
	diff_got bridge "p-h2=n p-h3=0" "reference"
	diff_more "group another port joined, a refused port"
	diff_each dbrport p-h3 neigh_suppress off
	check_fb_port p-h3 "" "neigh_suppress switched off"
	check_fb_events "neigh_suppress off" fallback_del '"port":"p-h3"' \
		'"reason":"neigh_suppress"'
	diff_wait h1 "$G" "p-h2=n p-h3=0" eth0 10
	check_err $? "p-h3 still flooded after neigh_suppress off"
}

# p-h1 (h1 authorised) and p-h4 (h4 not, but it had joined G before)
# locked after enable, h4's learnt MAC forgotten (as an authenticator
# does: a learnt entry still lets the host through): locking does not
# drop memberships (the bridge's stays until it times out), it stops what
# the host sends.
lock_late()
{
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF
		fdb replace $(dmac 1) dev p-h1 master static
		link set dev p-h1 locked on
		link set dev p-h4 locked on
		fdb del $(dmac 4) dev p-h4 master
	EOF
}

late_locked()
{
	diff_setup std_v4 4 || { check_err 1 "setup"; return; }
	diff_each djoin h4 "$G"
	diff_ready h1 "$G" "h2 h4" "h3" || return
	diff_each lock_late
	# mcsnoop learns port flags from a deferred event.
	diff_wait h4 "$G2" "p-h3=0" eth0 10
	check_err $? "h4's frames still forwarded from its locked port"
	diff_send h1 "$G"
	diff_got bridge "p-h2=n p-h4=n p-h3=0" "reference"
	diff_same "authorised host on a port locked after enable sends"
	diff_send h4 "$G2"
	diff_got bridge "p-h3=0" "reference"
	diff_same "unauthorised host on a port locked after enable sends"
	diff_send h3 "$G"
	diff_same "membership of a host whose port was locked"
}

# late_m2u_topo: std_v4 3, h2 counting (as in diff_mcast_to_unicast) what
# it receives to its own MAC (uni) and to a multicast MAC (multi).
late_m2u_topo()
{
	std_v4 3 && dnft h2 "table netdev diffcnt {
	chain in {
		type filter hook ingress device eth0 priority 0;
		udp dport 5001 ether daddr $(dmac 2) counter comment \"uni\"
		udp dport 5001 ether daddr & 01:00:00:00:00:00 == 01:00:00:00:00:00 counter comment \"multi\"
	}
}"
}

# m2u_settled: a short probe in each mode gave h2 unicast copies only.
m2u_settled()
{
	local n=$DIFF_N

	DIFF_N=3
	diff_nft_probe h2 dsend_wait h1 "$G"
	DIFF_N=$n
	dvec_matches bridge "h2:uni=3 h2:multi=0" &&
		dvec_matches mcsnoop "h2:uni=3 h2:multi=0"
}

late_mcast_to_unicast()
{
	diff_setup late_m2u_topo || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2" "h3" || return
	diff_each dbrport p-h2 mcast_to_unicast on
	# mcsnoop learns port flags from a deferred event: up to 5 s.
	wait_secs 5 m2u_settled
	diff_nft_probe h2 dsend_wait h1 "$G"
	DIFF_WHAT="$G from h1 (counted at h2)"
	diff_got bridge "h2:uni=n h2:multi=0" "reference"
	diff_same "mcast_to_unicast switched on after enable"
}

# A port added after enable with neigh_suppress on (p-h5, to h5).
add_nsup_port()
{
	dhosts h5:5 && dbrport p-h5 neigh_suppress on
}

late_port_added()
{
	diff_setup std_v4 3 || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2" "h3" || return
	dmon_start || { check_err 1 "the monitor never started"; return; }
	diff_each add_nsup_port
	check_fb_port p-h5 neigh_suppress "port added with neigh_suppress"
	check_fb_events "port added with neigh_suppress" fallback_add \
		'"port":"p-h5"' '"reason":"neigh_suppress"'
	diff_each djoin h5 "$G2"
	diff_wait h1 "$G2" "p-h3=n p-h5=n" eth0 10
	check_err $? "h5's join never took"
	diff_send h1 "$G2"
	diff_got bridge "p-h3=n p-h5=n p-h2=0" "reference"
	diff_same "group the added port's host joined"
	diff_send h1 "$G"
	diff_more "group another port joined, a refused port added"
}

late_mcast_flood()
{
	diff_setup std_v4 4 || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2" "h3 h4" || return
	dmon_start || { check_err 1 "the monitor never started"; return; }
	# An admin's (the bridge's own mode has it on already).
	diff_each dbrport p-h4 mcast_flood on
	check_fb_port p-h4 mcast_flood "mcast_flood switched on by an admin"
	check_fb_events "mcast_flood on" fallback_add '"port":"p-h4"' \
		'"reason":"mcast_flood"'
	diff_send h1 "$G"
	diff_got bridge "p-h2=n p-h4=0" "reference"
	# The bridge floods p-h4 everything, each frame once: more, on
	# purpose.
	diff_got mcsnoop "p-h2=n p-h4=n" "port with mcast_flood on"
	diff_more "group another port joined, mcast_flood on"
	diff_send h1 "$LL"
	diff_same "link-local group, mcast_flood on"
	diff_in mcsnoop dbrport p-h4 mcast_flood off
	check_fb_port p-h4 "" "mcast_flood switched off again"
	check_fb_events "mcast_flood off" fallback_del '"port":"p-h4"' \
		'"reason":"mcast_flood"'
	diff_wait h1 "$G" "p-h2=n p-h4=0" eth0 10
	check_err $? "p-h4 still flooded after mcast_flood off"
}

# What ifreload or networkd do to a bridge whose configuration has its
# own snooping on: the settings of mode bridge, querier included.
bridge_snooping_on()
{
	ipn sw -b - <<-EOF
		link set br0 type bridge $(echo $DIFF_BR_SNOOP)
		link set br0 type bridge mcast_querier 1
	EOF
}

# fb_bridge_no_port: no bridge_snooping event names a port.
fb_bridge_no_port()
{
	[ "$(ev_count '"reason":"bridge_snooping"' '"port":')" = 0 ]
}

late_bridge_snooping()
{
	diff_setup std_v4 3 || { check_err 1 "setup"; return; }
	diff_ready h1 "$G" "h2" "h3" || return
	dmon_start || { check_err 1 "the monitor never started"; return; }
	diff_in mcsnoop bridge_snooping_on
	check_fb_bridge bridge_snooping "the bridge's own snooping switched on"
	check_fb_events "bridge snooping on" fallback_add \
		'"reason":"bridge_snooping"'
	has_mode mcsnoop && { fb_bridge_no_port; check_err $? "a bridge_snooping event names a port"; }
	# The bridge snoops in both now: once past its startup gap, alike.
	diff_wait h1 "$G" "p-h2=n p-h3=0" eth0 30 mcsnoop
	check_err $? "the bridge's own snooping never forwarded $G selectively"
	diff_send h1 "$G"
	diff_got bridge "p-h2=n p-h3=0" "reference"
	diff_same "registered group, the bridge's snooping on in both"
	diff_send h1 "$GU"
	diff_same "unregistered group, the bridge's snooping on in both"
	diff_send h1 "$LL"
	diff_same "link-local group, the bridge's snooping on in both"
	diff_in mcsnoop ipn sw link set br0 type bridge mcast_snooping 0
	check_fb_bridge "" "the bridge's own snooping switched off again"
	check_fb_events "bridge snooping off" fallback_del \
		'"reason":"bridge_snooping"'
	diff_wait h1 "$G" "p-h2=n p-h3=0" eth0 10 mcsnoop
	check_err $? "mcsnoop did not take over again"
}

diff_require
diff_pin nft vxlan
mcs_run_tests "$@"
