#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Stress, teardown (issue "stress"): races between the ways an enabled
# bridge loses its parts, under load. Each race starts two or three of
# these at once, chosen at random (seeded: MCS_SEED replays a run):
# deleting the bridge, a port or the namespace, nomaster, a VLAN added or
# deleted (port and bridge), a port's STP state, bridge disable and
# enable, group flush, max-groups changes, rmmod (modprobe follows in the
# repair). Meanwhile a host sends a storm of IGMPv3 reports, another a
# data stream, a monitor listens and dumps run (some cut off halfway).
# After each race the setup is repaired and the bridge must be enabled
# again; the tools must never crash or hang (racing, they may fail). At
# the end snooping still works, and once everything is deleted the
# module's own object counts (debugfs mcsnoop/objects: bridges, ports,
# groups, members, sources, hosts, queries...) are all zero, "created ==
# destroyed", and rmmod succeeds; the debug lane's kmemleak scan and the
# kernel-log check after every test see the rest. Events are sent as they
# happen (events.c), so none can stay queued.
#
# MCS_STRESS=soak (make soak): 1000 races; otherwise 7 (check-debug),
# every op once. MCS_RACES=N runs N races (to time a soak's races).
#
# selftest: exclusive (unloads the module, and the object counts are the
# whole module's)

ALL_TESTS=(
	teardown_races
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

if [ -n "${MCS_RACES:-}" ]; then
	RACES=$MCS_RACES
elif [ "${MCS_STRESS:-}" = soak ]; then
	RACES=1000
else
	RACES=0
fi
SEED=${MCS_SEED:-$((SRANDOM % 32768))}
HOSTS=4
VIDS=(10 20 30)
G=239.9.0.1
G2=239.9.0.2
OPS=(del_bridge del_port nomaster del_netns vlan_add vlan_del stp_state
	disable enable flush max_groups port_max_groups rmmod)
STOP=
# Failures of the background workers (a tool that crashed or hung).
WORKER_ERRORS=

# -------------------------------------------------------------- objects

# objects_left: the non-zero counts of mcsnoop/objects, "kind N" each.
objects_left()
{
	awk '$2 != 0 { printf "%s %s ", $1, $2 }' "$OBJECTS"
}

objects_zero()
{
	[ -z "$(objects_left)" ]
}

# ---------------------------------------------------------------- setup

enable()
{
	mcs sw bridge enable br0 querier auto >/dev/null 2>&1 &&
		mcs sw bridge set br0 query-interval 1 \
			query-response-interval 0.5 last-member-interval 0.1 \
			>/dev/null 2>&1
}

# repair: the module loaded, namespace sw with br0 (VLAN filtering) and
# ports p-h1..p-hN forwarding, br0 enabled. What a race left is kept.
repair()
{
	local i have batch=

	mcs_load || return 1
	if [ ! -e "/run/netns/$NS_PREFIX-sw" ]; then
		ns_create sw noipv6 || return 1
	fi
	if ! ipn sw link show br0 >/dev/null 2>&1; then
		br_create sw br0 0 vlan_filtering 1 || return 1
	fi
	have=$(ipn sw -o link show)
	for ((i = 1; i <= HOSTS; i++)); do
		if [[ $have != *" p-h$i@"* ]]; then
			# A deleted namespace's veths go asynchronously.
			wait_secs 30 no_eth0 "h$i" && star_host sw br0 "$i" v4 ||
				return 1
		else
			batch+="link set p-h$i master br0 up"$'\n'
			batch+="link set p-h$i type bridge_slave state 3"$'\n'
		fi
	done
	[ -z "$batch" ] || ipn sw -force -b - <<<"$batch" >/dev/null 2>&1
	mcs_enabled sw br0 || enable
}

no_eth0()
{
	! ipn "$1" link show eth0 >/dev/null 2>&1
}

# ------------------------------------------------------------------ ops

# op NAME ARG: one of OPS; its failure is no error (it races the others).
op()
{
	local p=p-h$2 vid=${VIDS[$2 % ${#VIDS[@]}]}

	case $1 in
	del_bridge)	ipn sw link del br0 ;;
	del_port)	ipn sw link del "$p" ;;
	nomaster)	ipn sw link set "$p" nomaster ;;
	del_netns)	ip netns del "$NS_PREFIX-sw" ;;
	vlan_add)	bridge -n "$NS_PREFIX-sw" -b - <<-EOF
			vlan add vid $vid dev br0 self
			vlan add vid $vid dev $p
			EOF
			;;
	vlan_del)	bridge -n "$NS_PREFIX-sw" -force -b - <<-EOF
			vlan del vid $vid dev $p
			vlan del vid $vid dev br0 self
			EOF
			;;
	stp_state)	ipn sw link set "$p" type bridge_slave state $(($2 % 5)) ;;
	disable)	tool_run mcs sw bridge disable br0 ;;
	enable)		tool_run enable ;;
	flush)		tool_run mcs sw group flush br0 ;;
	max_groups)	tool_run mcs sw bridge set br0 max-groups $((1 + $2 * 7)) ;;
	port_max_groups) tool_run mcs sw port set "$p" max-groups $(($2 + 1)) ;;
	rmmod)		rmmod mcsnoop ;;
	esac
} >/dev/null 2>&1

# tool_run CMD...: CMD (the tool) under a time limit; a crash (a signal
# but SIGPIPE) or a hang is written to WORKER_ERRORS.
tool_run()
{
	local rc

	timeout 60 "$@"
	rc=$?
	if [ "$rc" -eq 124 ] || { [ "$rc" -gt 128 ] && [ "$rc" -ne 141 ]; }; then
		echo "exit $rc: $*" >>"$WORKER_ERRORS"
	fi
	return "$rc"
}

# ------------------------------------------------------- the background

# worker PAUSE CMD...: CMD again and again, PAUSE seconds apart, until the
# stop file exists. The workers are the load, not the test: on the debug
# kernel each exec costs the races' CPU, so they keep to long-lived
# processes and a dump round a second.
worker()
{
	local pause=$1

	shift
	(
		while [ ! -e "$STOP" ]; do
			"$@" >/dev/null 2>&1
			nap "$pause"
		done
	) &
	BG_PIDS+=("$!")
}

# workers_stop: the loops end, and what each runs (a monitor never ends
# by itself) is stopped.
workers_stop()
{
	local pid

	touch "$STOP"
	for pid in "${BG_PIDS[@]}"; do
		pkill -P "$pid" 2>/dev/null
	done
	bg_stop_all
}

# storm: reports of 40 groups every 25 ms until h1's eth0 goes away (its
# port was deleted; the worker starts a new sender, with new groups).
storm()
{
	local recs=() k

	for ((k = 1; k <= 40; k++)); do
		recs+=("rec=2:239.8.$((RANDOM % 4)).$k")
	done
	ip netns exec "$NS_PREFIX-h1" "$PYTHON" -S "$MCS_DIR/frames.py" \
		eth0 count=1000000 gap=0.025 "report3,$(IFS=,; echo "${recs[*]}")"
}

data_stream()
{
	timeout 20 ip netns exec "$NS_PREFIX-h2" "$PYTHON" -S "$SNIFF_PY" \
		"$NS_PREFIX-h2" stream eth0 "$G" 200
}

dumps()
{
	tool_run mcs sw -s group show
	tool_run mcs sw port show
	# A dump whose reader goes away halfway.
	mcs sw -s stats show | head -c 64
	tool_run mcs sw querier show
}

# monitor_run: a listener for 5 s (a timeout ends it, which is no hang;
# a listener keeps a deleted namespace, and its veths, alive).
monitor_run()
{
	local rc

	timeout 5 "$MCSNOOPCTL" -n "$NS_PREFIX-sw" monitor >/dev/null 2>&1
	rc=$?
	if [ "$rc" -gt 128 ]; then
		echo "exit $rc: mcsnoopctl monitor" >>"$WORKER_ERRORS"
	fi
}

members_learnt()
{
	[[ " $(group_ports br0 "$G2") " == *" p-h3 "* ]]
}

# ----------------------------------------------------------------- test

teardown_races()
{
	local race i n start ops=() pids=() deck=() name left t t0 tr repair_secs=0
	local slowest=0 slowest_ops=
	local -A count=()

	objects_file || { skip_test "no debugfs mcsnoop/objects"; return; }
	STOP=$MCS_TMP/stop WORKER_ERRORS=$MCS_TMP/worker-errors
	: >"$WORKER_ERRORS"
	RANDOM=$SEED
	log_info "seed $SEED (MCS_SEED=$SEED replays the same races)"
	repair
	check_err $? "setup"
	[ "$RET" -ne 0 ] && return
	nap 0
	worker 0.1 storm
	worker 0.1 data_stream
	worker 0.1 monitor_run
	worker 1 dumps
	# The short version: every op once, shuffled.
	if [ "$RACES" -eq 0 ]; then
		deck=("${OPS[@]}")
		for ((i = ${#deck[@]} - 1; i > 0; i--)); do
			n=$((RANDOM % (i + 1)))
			name=${deck[i]} deck[i]=${deck[n]} deck[n]=$name
		done
		RACES=$(((${#deck[@]} + 1) / 2))
	fi
	start=$SECONDS
	for ((race = 1; race <= RACES; race++)); do
		t0=$SECONDS
		n=$((2 + RANDOM % 2))
		[ "${#deck[@]}" -gt 0 ] && n=$((${#deck[@]} < 2 ? ${#deck[@]} : 2))
		ops=()
		for ((i = 0; i < n; i++)); do
			if [ "${#deck[@]}" -gt 0 ]; then
				name=${deck[0]} deck=("${deck[@]:1}")
			else
				name=${OPS[RANDOM % ${#OPS[@]}]}
			fi
			count[$name]=$((${count[$name]:-0} + 1))
			ops+=("$name:$((1 + RANDOM % HOSTS))")
		done
		pids=()
		for name in "${ops[@]}"; do
			op "${name%:*}" "${name#*:}" &
			pids+=("$!")
		done
		wait_secs 120 pids_gone "${pids[@]}"
		check_err $? "race $race (${ops[*]}) still running after 120 s"
		wait "${pids[@]}"
		tr=$SECONDS
		repair
		check_err $? "repair after race $race (${ops[*]})"
		mcs_enabled sw br0
		check_err $? "br0 not enabled after race $race (${ops[*]})"
		[ "$RET" -ne 0 ] && break
		t=$((SECONDS - t0)) repair_secs=$((repair_secs + SECONDS - tr))
		[ "$t" -gt "$slowest" ] && slowest=$t slowest_ops=${ops[*]}
		# A soak's progress, for whoever watches its hours go by (the
		# output is kept until the file ends; the console is live).
		((race % 50)) || {
			log_info "race $race of $RACES, $((SECONDS - start)) s"
			echo "mcsnoop teardown: race $race of $RACES," \
				"$((SECONDS - start)) s" >/dev/kmsg
		}
	done
	log_info "figure: teardown.races $((race - 1)) races"
	log_info "figure: teardown.seconds $((SECONDS - start)) s"
	log_info "figure: teardown.slowest_race $slowest s ($slowest_ops)"
	# Where a soak's hours go: rebuilding what the races deleted.
	log_info "figure: teardown.repair_seconds $repair_secs s"
	for name in "${OPS[@]}"; do
		log_info "figure: teardown.op.$name ${count[$name]:-0} ops"
	done
	workers_stop
	check_eq "$(cat "$WORKER_ERRORS")" "" "tools that crashed or hung"

	# Snooping still works: on a fresh bridge, a host's join is learnt.
	ipn sw link del br0 && repair
	check_err $? "a fresh br0 after the races"
	bg_mcast h3 join eth0 "$G2" 60
	wait_secs 30 members_learnt
	check_err $? "h3's join of $G2 not learnt after the races"
	bg_stop_all

	# Everything deleted: nothing of the module's is left.
	ns_cleanup_all
	wait_secs 60 objects_zero
	left=$(objects_left)
	check_eq "$left" "" "objects left after every namespace went"
	log_info "figure: teardown.objects_left $(awk '{ n += $2 } END { print n + 0 }' "$OBJECTS") objects"
	mcs_unload
	check_err $? "rmmod after the races"
	mcs_load
}

pids_gone()
{
	local pid

	for pid in "$@"; do
		kill -0 "$pid" 2>/dev/null && return 1
	done
	return 0
}

mcs_require
mcs_run_tests "$@"
