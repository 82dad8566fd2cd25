#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The ifupdown hook (packaging/ifupdown/mcsnoop) under Debian's ifupdown
# and ifupdown2: real ifup, ifdown and ifreload, in a network namespace,
# on an interfaces file of our own (-i). The hook goes where install-tool
# puts it, /etc/network/if-up.d and if-down.d (the VM's root is a
# throwaway overlay), with the tool's path filled in.
#
# ifupdown2's package conflicts with ifupdown's, and CI installs one root
# for every test: scripts/install-deps.sh downloads its .deb
# (/var/cache/mcsnoop/debs), and the test unpacks it into its own
# directory and runs it from there, with Debian's ifupdown2.conf
# (addon_scripts_support=1: it runs the if-up.d scripts) and a state
# directory of its own. Its bridge addon sets the bridge's own snooping
# to bridge-mcsnoop's default (yes) on every ifup and ifreload: the hook
# switches it off again for mcsnoop, unless the stanza says
# bridge-mcsnoop yes.

ALL_TESTS=(
	ifup_enables
	port_after_bridge
	reapply_keeps_groups
	ifdown_disables
	bad_option_fails
	ifupdown2_ifup
	ifupdown2_ifreload
	ifupdown2_bridge_mcsnoop_yes
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

REPO=$(cd "$MCS_DIR/.." && pwd)
HOOK_UP=/etc/network/if-up.d/mcsnoop
HOOK_DOWN=/etc/network/if-down.d/mcsnoop

# The interfaces file: bridge br0 that takes p-h1 when it comes up, with
# mcsnoop options, and p-h1, p-h2 with port options. EXTRA: more lines of
# br0's stanza.
write_interfaces()
{
	cat >"$MCS_TMP/interfaces" <<-EOF
	iface p-h1 inet manual
	    mcsnoop-fast-leave on
	    mcsnoop-max-groups 5

	iface br0 inet manual
	    pre-up ip link set p-h1 master br0
	    mcsnoop on
	    mcsnoop-querier auto
	    mcsnoop-query-interval 60
	    mcsnoop-igmp-version 2
	$1

	iface p-h2 inet manual
	    mcsnoop-router static
	EOF
}

# ifupdown IFUP|IFDOWN ARGS...: in sw, with our file and state.
ifupdown()
{
	local cmd=$1

	shift
	in_ns sw "$cmd" -i "$MCS_TMP/interfaces" --state-dir "$MCS_TMP/state" "$@"
}

# A bridge br0 (its own snooping on, as ip makes it), hosts h1 and h2 on
# veths p-h1 and p-h2 that no bridge holds yet; the file above.
setup()
{
	ns_create sw noipv6 && br_create sw br0 1 || return 1
	host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		host_add sw br0 h2 10.0.0.2/24 noipv6 || return 1
	ipn sw link set p-h1 nomaster && ipn sw link set p-h2 nomaster &&
		ipn sw link set br0 down || return 1
	rm -rf "$MCS_TMP/state" /run/mcsnoop/ifupdown/p-h[12]
	mkdir -p "$MCS_TMP/state"
	write_interfaces ""
}

bridge_key()
{
	json_value "$(mcsj sw bridge show)" "$1"
}

ifup_enables()
{
	local out

	setup || { check_err 1 "setup"; return; }
	out=$(ifupdown ifup p-h1 2>&1)
	check_err $? "ifup p-h1 (bridge not up yet): $out"
	out=$(ifupdown ifup br0 2>&1)
	check_err $? "ifup br0: $out"
	mcs_enabled sw br0
	check_err $? "ifup did not enable mcsnoop on br0: $out"
	check_eq "$(bridge_key querier)" auto "querier of br0"
	check_eq "$(bridge_key query_interval)" 60 "query_interval of br0"
	check_eq "$(bridge_key igmp_version)" 2 "igmp_version of br0"
	check_eq "$(br_snooping sw br0)" 0 "the bridge's own snooping"
	# p-h1 came up first: its options waited for the bridge.
	check_eq "$(port_get p-h1 fast_leave)" true "fast_leave of p-h1"
	check_eq "$(port_get p-h1 max_groups)" 5 "max_groups of p-h1"
}

port_after_bridge()
{
	local out

	setup || { check_err 1 "setup"; return; }
	ifupdown ifup br0 >/dev/null 2>&1
	ipn sw link set p-h2 master br0
	out=$(ifupdown ifup p-h2 2>&1)
	check_err $? "ifup p-h2: $out"
	check_eq "$(port_get p-h2 router)" static "router of p-h2"
}

# What ifreload (ifupdown2) does to a changed bridge: its up scripts run
# again with the new options, on a bridge that stays enabled. The hook
# then sets (bridge set keeps the table) instead of enabling.
reapply_keeps_groups()
{
	local out

	setup || { check_err 1 "setup"; return; }
	ifupdown ifup br0 >/dev/null 2>&1
	frames h1 eth0 "report2,group=239.1.1.1"
	wait_secs 10 ports_are sw br0 239.1.1.1 p-h1
	check_err $? "h1 did not join 239.1.1.1"
	out=$(in_ns sw env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin IFACE=br0 \
		LOGICAL=br0 ADDRFAM=inet METHOD=manual MODE=start PHASE=post-up \
		IF_MCSNOOP=on IF_MCSNOOP_QUERY_INTERVAL=90 "$HOOK_UP" 2>&1)
	check_err $? "the hook, again: $out"
	check_eq "$(bridge_key query_interval)" 90 "query_interval after re-apply"
	check_eq "$(members sw br0 239.1.1.1)" p-h1 "members after re-apply"
}

ports_are()
{
	[ "$(members "$1" "$2" "$3")" = "$4" ]
}

ifdown_disables()
{
	local out

	setup || { check_err 1 "setup"; return; }
	ifupdown ifup br0 >/dev/null 2>&1
	mcs_enabled sw br0
	check_err $? "not enabled after ifup"
	out=$(ifupdown ifdown br0 2>&1)
	check_err $? "ifdown br0: $out"
	! mcs_enabled sw br0
	check_err $? "ifdown did not disable mcsnoop on br0"
	check_eq "$(br_snooping sw br0)" 1 "the bridge's own snooping, restored"
}

bad_option_fails()
{
	local out

	setup || { check_err 1 "setup"; return; }
	write_interfaces "    mcsnoop-robustness many"
	out=$(ifupdown ifup br0 2>&1)
	check_fail $? "ifup with mcsnoop-robustness many succeeded: $out"
	check_match "$out" "robustness" "ifup's output names the option"
	! mcs_enabled sw br0
	check_err $? "enabled despite the bad option"
}

# ifupdown2, unpacked into $IFUPDOWN2 once: bin/ifup, ifdown, ifreload
# (its __main__.py under those names). Its configuration files are found
# beside the package when /etc/network/ifupdown2 has none (config.py).
IFUPDOWN2=
ifupdown2_install()
{
	local deb d=$MCS_TMP/ifupdown2 conf cmd

	[ -z "$IFUPDOWN2" ] || return 0
	deb=$(ls /var/cache/mcsnoop/debs/ifupdown2_*_all.deb 2>/dev/null | tail -n 1)
	[ -n "$deb" ] || return 1
	dpkg-deb -x "$deb" "$d" || return 1
	conf=$d/usr/share/ifupdown2/etc/network/ifupdown2
	mkdir -p "$conf" "$d/bin" "$d/state" &&
		cp "$d"/etc/network/ifupdown2/*.conf "$conf/" || return 1
	grep -qx 'addon_scripts_support=1' "$conf/ifupdown2.conf" || return 1
	# Its state where the test can throw it away; no mako templates; the
	# interfaces file of write_interfaces2 (ifreload has no -i).
	sed -i -e "s|^state_dir=.*|state_dir=$d/state/|" \
		-e 's/^template_enable=.*/template_enable=0/' \
		-e "s|^default_interfaces_configfile=.*|default_interfaces_configfile=$MCS_TMP/interfaces2|" \
		"$conf/ifupdown2.conf"
	for cmd in ifup ifdown ifreload ifquery; do
		ln -s ../usr/share/ifupdown2/__main__.py "$d/bin/$cmd" || return 1
	done
	chmod 0755 "$d/usr/share/ifupdown2/__main__.py"
	IFUPDOWN2=$d
}

# ifupdown2 CMD ARGS...: ifupdown2's CMD in sw (the file of
# write_interfaces2, through its configuration).
ifupdown2()
{
	local cmd=$1

	shift
	in_ns sw "$IFUPDOWN2/bin/$cmd" "$@"
}

# An ifupdown2 stanza as on Proxmox: the bridge takes its port through
# bridge-ports. EXTRA: more lines of br0's stanza.
write_interfaces2()
{
	cat >"$MCS_TMP/interfaces2" <<-EOF
	auto br0
	iface br0 inet manual
	    bridge-ports p-h1
	    bridge-stp off
	    mcsnoop on
	    mcsnoop-querier auto
	    $1

	auto p-h1
	iface p-h1 inet manual
	    mcsnoop-fast-leave on
	EOF
}

setup2()
{
	ifupdown2_install || return 2
	setup || return 1
	ipn sw link del br0 || return 1
	# Its lock file is /run/network/.lock.
	rm -rf "$IFUPDOWN2/state"/* /run/network && mkdir -p /run/network
	write_interfaces2 "mcsnoop-query-interval 60"
}

# fallback: the words of br0's fallback, comma-separated ("" for none).
fallback()
{
	mcsj sw bridge show br0 | jq -r '.[0].fallback // [] | join(",")'
}

# A test's start under ifupdown2: skips when its .deb is not there.
start2()
{
	setup2
	case $? in
	0) return 0 ;;
	2) skip_test "no ifupdown2 .deb in /var/cache/mcsnoop/debs (scripts/install-deps.sh vm)" ;;
	*) check_err 1 "setup" ;;
	esac
	return 1
}

ifupdown2_ifup()
{
	local out

	start2 || return
	# As at boot (networking.service): p-h1 first, then br0.
	out=$(ifupdown2 ifup -a 2>&1)
	check_err $? "ifupdown2's ifup -a: $out"
	mcs_enabled sw br0
	check_err $? "ifupdown2's ifup did not enable mcsnoop on br0: $out"
	check_eq "$(bridge_key querier)" auto "querier of br0"
	check_eq "$(bridge_key query_interval)" 60 "query_interval of br0"
	check_eq "$(br_snooping sw br0)" 0 "the bridge's own snooping"
	check_eq "$(fallback)" "" "fallback of br0"
	check_eq "$(port_get p-h1 fast_leave)" true "fast_leave of p-h1 (its stanza)"
	out=$(ifupdown2 ifdown br0 2>&1)
	check_err $? "ifupdown2's ifdown br0: $out"
	! mcs_enabled sw br0 2>/dev/null
	check_err $? "ifupdown2's ifdown did not disable mcsnoop"
}

# ifreload -a with a changed option: applied on the bridge that stays
# enabled, mcsnoop snooping again (not fallen back to the bridge's own
# snooping, which the bridge addon switched on), and the groups kept.
ifupdown2_ifreload()
{
	local out

	start2 || return
	out=$(ifupdown2 ifup -a 2>&1)
	check_err $? "ifupdown2's ifup -a: $out"
	frames h1 eth0 "report2,group=239.1.1.1"
	wait_secs 10 ports_are sw br0 239.1.1.1 p-h1
	check_err $? "h1 did not join 239.1.1.1"
	write_interfaces2 "mcsnoop-query-interval 90"
	out=$(ifupdown2 ifreload -a 2>&1)
	check_err $? "ifreload -a: $out"
	mcs_enabled sw br0
	check_err $? "not enabled after ifreload: $out"
	check_eq "$(bridge_key query_interval)" 90 "query_interval after ifreload"
	check_eq "$(br_snooping sw br0)" 0 "the bridge's own snooping after ifreload"
	check_eq "$(fallback)" "" "fallback of br0 after ifreload"
	check_eq "$(members sw br0 239.1.1.1)" p-h1 "members after ifreload"
	check_eq "$(port_get p-h1 fast_leave)" true "fast_leave of p-h1 after ifreload"
}

# bridge-mcsnoop yes in the stanza: the admin wants the bridge's own
# snooping; mcsnoop leaves it on and falls back to it.
ifupdown2_bridge_mcsnoop_yes()
{
	local out

	start2 || return
	write_interfaces2 "bridge-mcsnoop yes"
	out=$(ifupdown2 ifup br0 2>&1)
	check_err $? "ifupdown2's ifup br0: $out"
	out+=$(ifupdown2 ifreload -a 2>&1)
	check_err $? "ifreload -a: $out"
	check_eq "$(br_snooping sw br0)" 1 "the bridge's own snooping (bridge-mcsnoop yes)"
	check_eq "$(fallback)" bridge_snooping "fallback of br0 (bridge-mcsnoop yes)"
}

cleanup()
{
	rm -f "$HOOK_UP" "$HOOK_DOWN" /run/mcsnoop/ifupdown/p-h1 \
		/run/mcsnoop/ifupdown/p-h2
}

mcs_require
require_cmd ifup ifdown
trap 'cleanup; mcs_exit_cleanup' EXIT
mkdir -p "${HOOK_UP%/*}" "${HOOK_DOWN%/*}"
sed "s|@SBINDIR@|$(dirname "$MCSNOOPCTL")|g" "$REPO/packaging/ifupdown/mcsnoop" >"$HOOK_UP"
chmod 0755 "$HOOK_UP"
ln -sf ../if-up.d/mcsnoop "$HOOK_DOWN"
mcs_run_tests "$@"
