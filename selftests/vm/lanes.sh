#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The guests of `make check` and `make check-debug` ("lanes"): which kernel
# each boots and which test files it runs, as check.sh arguments.
#
# Usage: selftests/vm/lanes.sh check [BUILD_DIR] [--with-debug]
#        selftests/vm/lanes.sh debug
#        selftests/vm/lanes.sh soak
#
# Prints check.sh's arguments, one a line: the lane options (check.sh),
# then NAME:IMAGE:KO@FILES per guest. check.sh starts the guests in this
# order, two at once: `make check check-debug` (CI) gives it the lanes of
# check, longest first, then the debug lane's two guests, the first when
# the shorter 6.1 guest is done, the second when the 6.12 one is, so that
# no CPU is left idle at the end. The kernels are those of kernels.sh
# (Debian's 6.1 and 6.12; BUILD_DIR holds their modules, default build);
# the debug lane's module is built just before it boots (debug-module.sh),
# once the debug kernel is.
#
# Under TCG a guest spends most of its time starting processes, which keeps
# a host CPU busy, while the protocol timers the tests wait for keep none;
# so a guest runs several files at once and two guests share the two CPUs
# of the machines CI runs on. The newest kernel runs every file (with
# --with-debug, when the debug lane runs beside it, every test function
# but those the debug guests run: the debug kernel is built from the same
# 6.12 source, and each function runs once on a 6.12 kernel). The older
# one runs the files whose kernel interfaces differ between 6.1 and 6.12
# (generic netlink, module loading, bridge port events, the bridge's VLAN
# events that the multicast contexts follow, the generated ops and
# policies through the policy and error files), one snooping file and the
# differential files (each skips what 6.1's bridge lacks).
# The debug kernel (about three times slower: KASAN, lockdep, kmemleak)
# runs the files that reach the most kernel code: namespaces, lifecycle
# (every removal path), the packet path, the parser, the do-no-harm paths
# (locked ports, MST, 802.1ad, a full table, fallbacks, and switchdev
# refused on netdevsim ports, which only this kernel has), the querier's paths
# (startup and general queries, election, takeover, MLD, per-VLAN
# queriers, a VLAN's context made and freed with the VLAN, topology
# change, settings that restart it, a querier off the
# subnet; a LAN of three bridges; not the tests that
# check the same paths again for other versions and the wire format), and
# leave, fast leave, their group-specific queries and the events through
# the monitor's tests, filtering profiles (attached, changed, detached
# with the memberships they end), and host compatibility (the filter state machine's
# older-host rules, with real v1/v2 stacks) (mcsnoop_fastleave.sh times data frames with a
# sniffer that a debug guest cannot run at stream rates).

set -eu

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
selftests=$here/..

OLDER_TESTS="mcsnoop_load.sh mcsnoop_cli.sh mcsnoop_errors.sh
	mcsnoop_policy.sh mcsnoop_netns.sh mcsnoop_lifecycle.sh
	mcsnoop_data.sh mcsnoop_snoop_igmp.sh mcsnoop_differential_fallback.sh
	mcsnoop_differential_issue.sh mcsnoop_differential_l2.sh
	mcsnoop_vlan_contexts.sh mcsnoop_diagnostics.sh mcsnoop_templates.sh"
# The stress campaigns: their short versions in the debug lane, the full
# ones (MCS_STRESS=soak) in make soak's guest, one file at a time.
STRESS_TESTS="mcsnoop_stress_teardown.sh mcsnoop_stress_frames.sh
	mcsnoop_stress_storm.sh"
STRESS_NETLINK=mcsnoop_stress_netlink.sh
SOAK_TESTS="$STRESS_TESTS $STRESS_NETLINK"
# The debug lane, in two guests of about the same length. In the first,
# seed_scenario waits out protocol timers for minutes: it starts first and
# the rest run beside it. The first has time to spare (the 6.1 guest
# before it is the shorter, by some 900 s): the netlink and frames
# campaigns run there, off the critical path (6.12, then debug2).
DEBUG_TESTS_1="mcsnoop_querier.sh:seed_scenario
	mcsnoop_querier.sh:election_they_win:election_they_win_mld:vlan_queriers:topology_change_query:settings_restart_startup:bogus_querier_rp_filter
	mcsnoop_differential_fallback.sh:diff_switchdev:late_locked:late_mcast_to_unicast:late_bridge_snooping
	mcsnoop_diagnostics.sh:mac_alias_v4:mac_alias_limit:removals_reasons
	mcsnoop_monitor.sh:events_members:events_rate_limit
	mcsnoop_host_compat.sh:igmpv2_host_block_ignored:igmpv1_host_leave_ignored
	mcsnoop_netns.sh mcsnoop_data.sh mcsnoop_malformed.sh $STRESS_NETLINK
	mcsnoop_stress_frames.sh"
DEBUG_TESTS_2="mcsnoop_stress_teardown.sh mcsnoop_stress_storm.sh
	mcsnoop_differential_issue.sh:diff_locked:diff_mst:diff_qinq:diff_table_full
	mcsnoop_templates.sh:template_boot_config:template_static_groups:template_errors
	mcsnoop_profiles.sh:profile_ports:profile_vlan
	mcsnoop_lifecycle.sh
	mcsnoop_host_tracking.sh:max_hosts:template_max_hosts
	mcsnoop_limits.sh:max_groups_actions
	mcsnoop_chain.sh:chain_querier
	mcsnoop_vlan_contexts.sh:vlan_querier_follows_vlans:vlan_router_ports"

# list WORDS: comma-separated.
list() {
	echo $* | tr ' ' ','
}

# newest_files [--with-debug]: the newest kernel's files; with
# --with-debug, FILE:-TEST... for a file some of whose tests the debug
# guests run, and no file they run whole.
newest_files() {
	local f spec file tests
	local -A left_out=()

	if [ "${1:-}" = --with-debug ]; then
		for spec in $DEBUG_TESTS_1 $DEBUG_TESTS_2; do
			file=${spec%%:*}
			tests=${spec#"$file"}
			if [ -z "$tests" ]; then
				left_out[$file]=all
			elif [ "${left_out[$file]:-}" != all ]; then
				left_out[$file]+=${tests//:/:-}
			fi
		done
	fi
	for f in $("$selftests/run_tests.sh" --list); do
		case ${left_out[$f]:-} in
		all) ;;
		"") echo "$f" ;;
		*) echo "$f${left_out[$f]}" ;;
		esac
	done
}

case ${1:-} in
check)
	build=build with_debug=
	for a in "${@:2}"; do
		case $a in
		--with-debug) with_debug=$a ;;
		*) build=$a ;;
		esac
	done
	mapfile -t kernels < <("$here/kernels.sh" --releases)
	[ "${#kernels[@]}" -gt 0 ] || exit 1
	newest=${kernels[-1]}
	printf '%s\n' --guest-jobs 3
	echo "$newest:/boot/vmlinuz-$newest:$build/$newest/kmod/mcsnoop.ko@$(list "$(newest_files $with_debug)")"
	# One vCPU for 6.1: its TSC is unstable under TCG and it reads the
	# HPET, which two vCPUs contend for (its files took 25 % longer with
	# two, two such guests side by side). 6.12 reads the TSC, and its
	# files were slower with one vCPU.
	echo --smp
	echo 1
	for k in "${kernels[@]}"; do
		[ "$k" = "$newest" ] && continue
		echo "$k:/boot/vmlinuz-$k:$build/$k/kmod/mcsnoop.ko@$(list "$OLDER_TESTS")"
	done
	;;
debug)
	eval "$("$here/debug-kernel.sh" --paths)"
	printf '%s\n' --kmemleak --env MCS_SLOW=3 --guest-jobs 2 --smp 2 \
		--prepare "$here/debug-module.sh"
	echo "debug:$IMAGE:build/debug/kmod/mcsnoop.ko@$(list "$DEBUG_TESTS_1")"
	echo "debug2:$IMAGE:build/debug/kmod/mcsnoop.ko@$(list "$DEBUG_TESTS_2")"
	;;
soak)
	eval "$("$here/debug-kernel.sh" --paths)"
	printf '%s\n' --kmemleak --env MCS_SLOW=3 --env MCS_STRESS=soak \
		--guest-jobs 1 --prepare "$here/debug-module.sh"
	echo "soak:$IMAGE:build/debug/kmod/mcsnoop.ko@$(list "$SOAK_TESTS")"
	;;
*)
	sed -n '/^# Usage:/,/^# *selftests.vm.lanes.sh soak/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit 2
	;;
esac
