#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Stress, netlink (issue 17): every command and attribute of the family
# fuzzed by nlfuzz.py, from the YNL spec: random types, lengths, nesting
# and values, well-formed requests with the real names and ifindexes of
# the bridges and ports of namespace sw and broken ones, as do and as
# dumps (some abandoned half-read), as root in sw, as an unprivileged user
# and as root of a foreign user namespace in sw, as root of another
# network namespace naming sw's devices, and as root of a user namespace
# in a network namespace of its own (unshare -Urn). Each request must be
# applied or refused with an extack message (the genetlink core's own
# refusals aside: EPERM, no such command); the unprivileged ones and the
# other namespaces must change nothing of sw; objects at their limits
# (a group with 64 sources on each port...) must be got and dumped, on
# a new socket too. Before and after, a real host joins a group on br0
# and a stream reaches it and no other host. The seed is printed;
# MCS_NETLINK_SEED=S replays a run. The log of every distinct (command,
# errno, message) triple is printed at the end (MCS_NETLINK_LOG=FILE
# keeps a copy). MCS_NETLINK_AVOID=NAME skips the requests of a known
# kernel bug (nlfuzz.py's KNOWN_BUGS) to look past it.

ALL_TESTS=(
	netlink_fuzz
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# The sizes: requests of the whole campaign.
if [ "${MCS_STRESS:-}" = soak ]; then
	NL_REQUESTS=100000
else
	NL_REQUESTS=8000
fi

NLFUZZ=$MCS_DIR/nlfuzz.py
G1=239.1.2.3
G2=239.1.2.4

# setup: star (br0 in sw with hosts h1..h3, mcsnoop enabled with short
# timers) and, for the fuzzer, in sw a VLAN-filtering bridge br1 with
# dummy ports in VLANs 10 and 20, a bridge brs with its own snooping on,
# a lone dummy0; namespace nx with devices of its own, one with a name
# sw has too.
setup()
{
	local i

	star 3 v4 snoop || return 1
	ipn sw -b - <<-EOF || return 1
		link add br1 up type bridge mcast_snooping 0 vlan_filtering 1
		link add brs up type bridge
		link add dummy0 type dummy
		link add d1 type dummy
		link add d2 type dummy
		link add d3 type dummy
		link add d4 type dummy
		link set d1 master br1 up
		link set d2 master br1 up
		link set d3 master br1 up
		link set d4 master brs up
	EOF
	for i in 1 2 3; do
		bridge -n "$(nsname sw)" vlan add vid 10 dev "d$i" || return 1
		bridge -n "$(nsname sw)" vlan add vid 20 dev "d$i" || return 1
	done
	ns_create nx || return 1
	ipn nx -b - <<-EOF
		link add x1 type dummy
		link add x2 type dummy
		link add br1 up type bridge mcast_snooping 0
		link add d1 type dummy
		link set d1 master br1 up
	EOF
}

# joined_and_delivered GROUP WHAT: h1 joins GROUP on br0, mcsnoop learns
# it, and a stream from h2 reaches h1 and not h3.
joined_and_delivered()
{
	bg_mcast h1 join eth0 "$1"
	check_ports br0 "$1" "p-h1" "$2: h1's join"
	deliver_check h2 "$1" "h1" "h3" "$2"
}

# restore_br0: br0 as a fresh enable leaves it, whatever the fuzzer did:
# disabled (if enabled), its own snooping off, enabled with short timers.
restore_br0()
{
	mcs sw bridge disable br0 >/dev/null 2>&1
	ipn sw link set br0 type bridge mcast_snooping 0 &&
		mcs sw bridge enable br0 >/dev/null && snoop_timers
}

netlink_fuzz()
{
	local log=$MCS_TMP/netlink.log out rc line seed=() start
	local phases=root=0.65,nobody=0.1,userns=0.05,netns=0.1,own-netns=0.1

	if ! unshare -U -r -n true 2>/dev/null; then
		log_info "no user namespaces here: no userns and own-netns phases"
		phases=root=0.8,nobody=0.1,netns=0.1
	fi
	setup || { check_err 1 "setup"; return; }
	joined_and_delivered "$G1" "before the fuzzing"
	[ "$RET" -eq 0 ] || return

	[ -z "${MCS_NETLINK_SEED:-}" ] || seed=(--seed "$MCS_NETLINK_SEED")
	start=$SECONDS
	out=$(in_ns sw "$PYTHON" -S "$NLFUZZ" run "${seed[@]}" \
		--count "$NL_REQUESTS" --log "$log" --phases "$phases" \
		--other-netns "$(nsname nx)" --timeout $((10 * MCS_SLOW)) 2>&1)
	rc=$?
	while IFS= read -r line; do
		case $line in
		"figure "*) log_info "figure: ${line#figure }" ;;
		"seed "*) log_info "nlfuzz.py ${line} (MCS_NETLINK_SEED=${line#seed } replays it)" ;;
		*) log_info "$line" ;;
		esac
	done <<<"$out"
	check_err "$rc" "nlfuzz.py: requests answered otherwise than applied or refused with a message (see above)"
	log_info "fuzzing: $((SECONDS - start)) s"
	if [ -e "$log" ]; then
		[ -z "${MCS_NETLINK_LOG:-}" ] || cp "$log" "$MCS_NETLINK_LOG"
		log_info "the log of nlfuzz.py:"
		while IFS= read -r line; do
			echo "#   $line"
		done <"$log"
	fi

	# A kernel oops in a request's handler may have left RTNL taken:
	# what follows would hang (run_one's kernel-log check shows it).
	if ! kmsg_check >/dev/null; then
		check_err 1 "the kernel log gained a splat during the fuzzing"
		return
	fi

	# What the fuzzing left can be shown, then the bridge snoops again.
	start=$SECONDS
	mcs sw -s bridge show >/dev/null
	check_err $? "bridge show after the fuzzing"
	mcs sw port show >/dev/null
	check_err $? "port show after the fuzzing"
	mcs sw group show >/dev/null
	check_err $? "group show after the fuzzing"
	restore_br0
	check_err $? "enabling br0 again after the fuzzing"
	bg_stop_all
	joined_and_delivered "$G2" "after the fuzzing"
	log_info "checks after the fuzzing: $((SECONDS - start)) s"
}

mcs_require
require_cmd bridge unshare
mcs_run_tests "$@"
