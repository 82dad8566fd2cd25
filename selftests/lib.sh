# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared helpers of the mcsnoop selftests, the generic part: KTAP output
# and checks, the kernel log, background processes, polling, network
# namespaces with bridges and hosts, and the traffic tools (agent.py,
# mcast.py, frames.py, sniff.py). What is about mcsnoop itself (the
# module, the tool, its answers, the topologies of these tests) is in
# mcs_lib.sh, sourced at the end. Source this file, set ALL_TESTS, call
# mcs_require and mcs_run_tests. Every test function builds its own
# namespaces; they are all deleted after each test and on exit.

MCS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
MCAST_PY=$MCS_DIR/mcast.py
# shellcheck disable=SC2034 # used by the test scripts
FRAMES_PY=$MCS_DIR/frames.py
SNIFF_PY=$MCS_DIR/sniff.py
NS_PREFIX=mcs$$
# Under TCG every exec costs a tenth of a second and more (jq and python
# a third): the helpers below poll with bash alone where they can, and
# run no "timeout" around the tool (a hung request fails its script
# through run_tests.sh's timeout instead). CMD_TIMEOUT is for the calls
# that may wait for something outside the module.
CMD_TIMEOUT=${CMD_TIMEOUT:-30}
# How many times slower this guest is than a plain TCG guest (the debug
# kernel with KASAN and lockdep: about 3). Tests whose checks race short
# protocol timers stretch the timers by it, and slow their streams down
# (wait_secs does not: its callers stretch what needs it).
MCS_SLOW=${MCS_SLOW:-1}
# shellcheck disable=SC2034 # used by the test scripts
NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups
	--inh-caps=-all --bounding-set=-all)

KSFT_PASS=0
KSFT_FAIL=1
KSFT_SKIP=4

KTAP_TESTNO=0
KTAP_CNT_PASS=0
KTAP_CNT_FAIL=0
KTAP_CNT_SKIP=0
RET=0
SKIP_MSG=
BG_PIDS=()
KMSG_MARK=0
MCS_TMP=
# TEST_PREPARE: a command run_one runs before each test (mcs_lib.sh:
# load the module, which a test that failed halfway may have left out).
TEST_PREPARE=

# ------------------------------------------------------------------ KTAP

log_info()
{
	echo "# $*"
}

# check_err RC MSG: fail the current test when RC is not 0.
check_err()
{
	if [ "$1" -ne 0 ]; then
		RET=1
		log_info "FAIL: $2"
	fi
}

# check_fail RC MSG: fail the current test when RC is 0.
check_fail()
{
	if [ "$1" -eq 0 ]; then
		RET=1
		log_info "FAIL: $2"
	fi
}

# check_eq GOT WANT WHAT
check_eq()
{
	if [ "$1" != "$2" ]; then
		RET=1
		log_info "FAIL: $3: got '$1', expected '$2'"
	fi
}

# check_ge GOT MIN WHAT
check_ge()
{
	if ! [ "$1" -ge "$2" ] 2>/dev/null; then
		RET=1
		log_info "FAIL: $3: got '$1', expected at least '$2'"
	fi
}

# check_match TEXT ERE WHAT
check_match()
{
	if ! grep -qE -- "$2" <<<"$1"; then
		RET=1
		log_info "FAIL: $3: '$1' does not match /$2/"
	fi
}

skip_test()
{
	SKIP_MSG=$*
}

require_cmd()
{
	local cmd

	for cmd in "$@"; do
		if ! command -v "$cmd" >/dev/null; then
			echo "TAP version 13"
			echo "1..0 # SKIP $cmd not found"
			exit "$KSFT_SKIP"
		fi
	done
}

# run_one FUNC: one KTAP result for one test function.
run_one()
{
	local name=$1 start=$SECONDS

	RET=0
	SKIP_MSG=
	KTAP_TESTNO=$((KTAP_TESTNO + 1))
	kmsg_mark "$name"
	[ -z "$TEST_PREPARE" ] || "$TEST_PREPARE"
	# A name without a function (a typo, a test defined after the call
	# that runs them) fails rather than passing for want of checks.
	if declare -F "$name" >/dev/null; then
		"$name"
	else
		log_info "FAIL: $name: no such test function"
		RET=1
	fi
	bg_stop_all
	ns_cleanup_all
	if [ -z "$SKIP_MSG" ]; then
		kmsg_check || RET=1
	fi
	log_info "$name: $((SECONDS - start)) s"
	if [ -n "$SKIP_MSG" ]; then
		echo "ok $KTAP_TESTNO $name # SKIP $SKIP_MSG"
		KTAP_CNT_SKIP=$((KTAP_CNT_SKIP + 1))
	elif [ "$RET" -eq 0 ]; then
		echo "ok $KTAP_TESTNO $name"
		KTAP_CNT_PASS=$((KTAP_CNT_PASS + 1))
	else
		echo "not ok $KTAP_TESTNO $name"
		KTAP_CNT_FAIL=$((KTAP_CNT_FAIL + 1))
	fi
}

# mcs_run_tests [NAME...|-NAME...]: run ALL_TESTS (or the test names given
# as arguments, or all but those given with a "-"), print the KTAP plan,
# results and totals, exit 0/1/4.
mcs_run_tests()
{
	local tests=("${ALL_TESTS[@]}") t skip=" "

	# -NAME...: every test but those (the newest kernel's lane leaves
	# them to the debug guests: lanes.sh).
	if [ $# -gt 0 ] && [ "${1#-}" != "$1" ]; then
		for t; do
			skip+="${t#-} "
		done
		tests=()
		for t in "${ALL_TESTS[@]}"; do
			[[ $skip == *" $t "* ]] || tests+=("$t")
		done
	elif [ $# -gt 0 ]; then
		tests=("$@")
	fi
	echo "TAP version 13"
	echo "1..${#tests[@]}"
	for t in "${tests[@]}"; do
		run_one "$t"
	done
	echo "# Totals: pass:$KTAP_CNT_PASS fail:$KTAP_CNT_FAIL xfail:0" \
		"xpass:0 skip:$KTAP_CNT_SKIP error:0"
	[ "$KTAP_CNT_FAIL" -gt 0 ] && exit "$KSFT_FAIL"
	[ "$KTAP_CNT_PASS" -eq 0 ] && [ "$KTAP_CNT_SKIP" -gt 0 ] &&
		exit "$KSFT_SKIP"
	exit "$KSFT_PASS"
}

# mcs_skip_all REASON: the whole script cannot run here.
mcs_skip_all()
{
	echo "TAP version 13"
	echo "1..0 # SKIP $*"
	exit "$KSFT_SKIP"
}

# tests_start: what every script needs once its requirements are met: a
# temporary directory, the cleanup on exit, agent.py.
tests_start()
{
	MCS_TMP=$(mktemp -d)
	trap mcs_exit_cleanup EXIT
	agent_start
}

mcs_exit_cleanup()
{
	bg_stop_all
	[ -z "$AGENT_PID" ] || kill "$AGENT_PID" 2>/dev/null
	ns_cleanup_all
	[ -n "$MCS_TMP" ] && rm -rf "$MCS_TMP"
}

# ------------------------------------------------------------ kernel log
# Each test starts by writing a marker into the kernel log (a builtin
# echo); after it, the log must hold no splat.

kmsg_mark()
{
	KMSG_MARK="mcsnoop-selftest: $$ test $KTAP_TESTNO $1"
	echo "$KMSG_MARK" >/dev/kmsg 2>/dev/null
}

# kmsg_check: fail when the kernel log gained a splat since kmsg_mark
# (read backwards from the end down to the marker: no awk to start).
KMSG_BAD='WARNING:|BUG:|Oops|KASAN|UBSAN|circular locking|suspicious RCU|lockdep|RCU stall|self-detected stall|detected stalls|general protection|kernel BUG|refcount_t|list_add corruption|list_del corruption|unreferenced object'
kmsg_check()
{
	local lines i bad=()

	mapfile -t lines < <(dmesg 2>/dev/null)
	for ((i = ${#lines[@]} - 1; i >= 0; i--)); do
		[[ ${lines[i]} == *"$KMSG_MARK"* ]] && break
		[[ ${lines[i]} =~ $KMSG_BAD ]] && bad=("${lines[i]}" ${bad[@]+"${bad[@]}"})
	done
	# No marker (the log wrapped): nothing to tell apart.
	[ "$i" -ge 0 ] && [ "${#bad[@]}" -gt 0 ] || return 0
	log_info "FAIL: the kernel log gained:"
	for i in "${bad[@]}"; do
		echo "#   $i"
	done
	return 1
}

# ------------------------------------------------------------ background

# bg NS CMD...: run CMD in namespace NS in the background, remembered for
# bg_stop_all (ip netns exec execs CMD, so $! is CMD itself).
bg()
{
	local ns=$1

	shift
	ip netns exec "$NS_PREFIX-$ns" "$@" &
	BG_PIDS+=("$!")
}

# stop_pids PID...: kill each, and wait until it is gone.
stop_pids()
{
	local pid

	for pid in "$@"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
}

bg_stop_all()
{
	stop_pids "${BG_PIDS[@]}"
	BG_PIDS=()
}

# --------------------------------------------------------------- polling
# Every wait for a condition goes through wait_secs: its bound is wall
# time, whatever each check costs on a slow guest.

# nap SECS: sleep without an exec (a read that times out on a fifo).
NAPFD=
nap()
{
	if [ -z "$NAPFD" ]; then
		[ -p "$MCS_TMP/nap" ] || mkfifo "$MCS_TMP/nap"
		exec {NAPFD}<>"$MCS_TMP/nap"
	fi
	read -r -t "$1" -u "$NAPFD"
	return 0
}

# wait_secs SECS CMD...: poll CMD until it succeeds, for at most SECS
# seconds of wall time (however slow each call of CMD is), with a nap of
# WAIT_NAP seconds between two calls.
WAIT_NAP=0.2
wait_secs()
{
	local end=$((SECONDS + $1))

	shift
	until "$@"; do
		[ "$SECONDS" -ge "$end" ] && return 1
		nap "$WAIT_NAP"
	done
}

# wait_steady SECS PERIOD CMD...: poll CMD every PERIOD seconds until it
# prints the same twice in a row (what it counts stopped moving), for at
# most SECS seconds; STEADY is its last output.
STEADY=
wait_steady()
{
	local secs=$1 WAIT_NAP=$2

	shift 2
	# No output of $(...) ends with a newline: the first call differs.
	STEADY=$'\n'
	wait_secs "$secs" steady_step "$@"
}

# steady_step CMD...: one poll of wait_steady.
steady_step()
{
	local out

	out=$("$@")
	[ "$out" = "$STEADY" ] && return 0
	STEADY=$out
	return 1
}

# ------------------------------------------------------------ namespaces

nsname()
{
	echo "$NS_PREFIX-$1"
}

# in_ns NS CMD...: run CMD in the test's namespace NS (a short name).
in_ns()
{
	local ns=$1

	shift
	ip netns exec "$NS_PREFIX-$ns" "$@"
}

# ipn NS ARGS...: ip in namespace NS.
ipn()
{
	local ns=$1

	shift
	ip -n "$NS_PREFIX-$ns" "$@"
}

# ns_create NS [noipv6] [SYSCTL=VALUE...]: a namespace with lo up; noipv6
# disables IPv6 in it (no ND, MLD or router solicitations: no multicast
# noise). Hosts repeat unsolicited reports quickly so that joins settle.
ns_create()
{
	local ns=$1 sysctls=(
		net.ipv4.conf.default.igmpv2_unsolicited_report_interval=100
		net.ipv4.conf.default.igmpv3_unsolicited_report_interval=100)

	shift
	if [ "${1:-}" = noipv6 ]; then
		sysctls+=(net.ipv6.conf.all.disable_ipv6=1
			net.ipv6.conf.default.disable_ipv6=1)
		shift
	fi
	sysctls+=("$@")
	ip netns add "$NS_PREFIX-$ns" && agent nsinit "$ns" "${sysctls[@]}"
}

# v6_host_ns NAME: a namespace whose host runs IPv6 without DAD, router
# solicitations or slow unsolicited reports.
v6_host_ns()
{
	ns_create "$1" net.ipv6.conf.default.accept_dad=0 \
		net.ipv6.conf.all.accept_dad=0 \
		net.ipv6.conf.default.router_solicitations=0 \
		net.ipv6.conf.default.mldv1_unsolicited_report_interval=100 \
		net.ipv6.conf.default.mldv2_unsolicited_report_interval=100 \
		net.ipv6.conf.default.addr_gen_mode=1
}

# igmp_version HOST V / mld_version HOST V: force the host's version
# (sysctl -w by agent.py).
igmp_version()
{
	agent sysctl "$1" "net.ipv4.conf.eth0.force_igmp_version=$2"
}

mld_version()
{
	agent sysctl "$1" "net.ipv6.conf.eth0.force_mld_version=$2"
}

# ns_cleanup_all: delete this script's namespaces, in one ip call.
ns_cleanup_all()
{
	local f cmds=

	for f in /run/netns/"$NS_PREFIX"-*; do
		[ -e "$f" ] && cmds+="netns del ${f##*/}"$'\n'
	done
	[ -z "$cmds" ] || ip -force -b - <<<"$cmds" >/dev/null 2>&1
}

# cap_start NS FILE [FILTER...]: tcpdump on eth0 of NS into FILE, running
# once it says so; CAP_PIDS collects the pids for cap_stop. Immediate
# mode: without it a frame may wait a second (or, under TCG, more) in the
# capture ring, and a cap_stop then loses it.
CAP_PIDS=()
cap_start()
{
	local ns=$1 file=$2

	shift 2
	bg "$ns" tcpdump -i eth0 --immediate-mode -U -nn -w "$file" "$@" \
		2>"$file.err"
	CAP_PIDS+=("${BG_PIDS[-1]}")
	wait_secs 60 grep -q "listening on" "$file.err"
}

# cap_stop: stop every capture (tcpdump writes its file out on SIGTERM).
cap_stop()
{
	stop_pids "${CAP_PIDS[@]}"
	CAP_PIDS=()
}

# pcap_has FILE FILTER N: FILE (being written) holds N frames that the
# tcpdump FILTER matches.
pcap_has()
{
	[ "$(tcpdump -r "$1" -nn "$2" 2>/dev/null | wc -l)" -ge "$3" ]
}

# lines_with FILE PATTERN...: how many lines of FILE hold every PATTERN (a
# fixed substring, such as "reason":"leave").
lines_with()
{
	local f=$1 line p n=0 ok

	shift
	[ -e "$f" ] || { echo 0; return; }
	while IFS= read -r line; do
		ok=1
		for p in "$@"; do
			[[ $line == *"$p"* ]] || { ok=0; break; }
		done
		n=$((n + ok))
	done <"$f"
	echo "$n"
}

# dev_counters NS VAR [rx|tx]: associative array VAR of device name ->
# packets received (rx, the default) or sent (tx) in NS (/proc/net/dev
# there, read by agent.py: no process to start).
dev_counters()
{
	local -n _c=$2
	local words i

	_c=()
	agent counters "$1" || return 1
	read -r -a words <<<"$AGENT_ANSWER"
	for ((i = 0; i + 2 < ${#words[@]}; i += 3)); do
		if [ "${3:-rx}" = tx ]; then
			_c[${words[i]}]=${words[i + 2]}
		else
			_c[${words[i]}]=${words[i + 1]}
		fi
	done
}

# rx_packets NS DEV
rx_packets()
{
	local -A rx

	dev_counters "$1" rx && [ -n "${rx[$2]:-}" ] && echo "${rx[$2]}"
}

# rx_ge NS DEV MIN: DEV in NS received at least MIN packets.
rx_ge()
{
	local -A rx

	dev_counters "$1" rx && [ "${rx[$2]:-0}" -ge "$3" ]
}

# -------------------------------------------------------- bridges, hosts

# br_create NS BR [SNOOPING [ARG...]]: a bridge, up, the bridge's own
# multicast snooping on (1, the kernel's default) or off (0); ARGs are
# more bridge options of ip link (vlan_filtering 1).
br_create()
{
	ipn "$1" link add "$2" up type bridge mcast_snooping "${3:-1}" "${@:4}"
}

# host_add SW BR HOST [ADDR/LEN] [noipv6]: namespace HOST (created unless it
# exists) with eth0, a veth whose peer p-HOST is a port of bridge BR in
# namespace SW.
host_add()
{
	local sw=$1 br=$2 host=$3 addr=${4:-} opt=${5:-}

	if [ ! -e "/run/netns/$NS_PREFIX-$host" ]; then
		ns_create "$host" ${opt:+"$opt"} || return 1
	fi
	ipn "$sw" -b - <<-EOF || return 1
		link add p-$host type veth peer name eth0 netns $NS_PREFIX-$host
		link set p-$host master $br up
	EOF
	if [ -n "$addr" ]; then
		ipn "$host" -b - <<-EOF
			link set eth0 up
			addr add $addr dev eth0
		EOF
	else
		ipn "$host" link set eth0 up
	fi
}

# br_snooping NS BR: the bridge's own mcast_snooping (0 or 1).
br_snooping()
{
	local out

	out=$(ipn "$1" -d link show dev "$2")
	[[ $out =~ mcast_snooping\ ([01]) ]] && echo "${BASH_REMATCH[1]}"
}

ifindex_of()
{
	local out

	out=$(ipn "$1" -o link show dev "$2") && echo "${out%%:*}"
}

# port_state_is NS DEV STATE: bridge port DEV in NS is in STP state STATE
# (disabled, forwarding, ...).
port_state_is()
{
	local out

	out=$(ipn "$1" -d -o link show dev "$2")
	[[ $out =~ bridge_slave\ state\ ([a-z]+) ]] && [ "${BASH_REMATCH[1]}" = "$3" ]
}

# ------------------------------------------------- traffic (agent.py...)

# agent REQUEST NS ARGS...: one request of agent.py (see there: mcast.py
# and frames.py work, sysctls, device counters) in namespace NS; what the
# answer has after "ok" goes to AGENT_ANSWER. One Python process serves
# the whole script (a Python start costs a third of a second under TCG):
# a coprocess, started by agent_start in the script's own shell, since
# one started in a subshell would end with it.
AGENT_PID=
AGENT_ANSWER=
agent()
{
	local tool=$1 ns=$2 answer

	shift 2
	[ -n "$AGENT_PID" ] || agent_start
	printf '%q ' "$tool" "$NS_PREFIX-$ns" "$@" >&"${AGENT[1]}" &&
		echo >&"${AGENT[1]}" &&
		read -r answer <&"${AGENT[0]}" ||
		{ log_info "agent.py is gone"; return 1; }
	if [ "${answer%% *}" = ok ]; then
		AGENT_ANSWER=${answer#ok}
		AGENT_ANSWER=${AGENT_ANSWER# }
		return 0
	fi
	log_info "agent.py: $tool $*: ${answer#err }"
	return 1
}

agent_start()
{
	coproc AGENT { exec "$PYTHON" -S "$MCS_DIR/agent.py"; }
}

# mcast NS ARGS...: mcast.py in namespace NS.
mcast()
{
	local ns=$1

	shift
	case $1 in
	send|bcast|raw) agent mcast "$ns" "$@" ;;
	*) "$PYTHON" -S "$MCAST_PY" -n "$NS_PREFIX-$ns" "$@" ;;
	esac
}

# bg_mcast NS ARGS...: mcast.py in the background.
bg_mcast()
{
	local ns=$1

	shift
	"$PYTHON" -S "$MCAST_PY" -n "$NS_PREFIX-$ns" "$@" &
	BG_PIDS+=("$!")
}

# frames NS IFACE FRAME...: frames.py (crafted IGMP/MLD/MRD/PIM) in NS.
frames()
{
	agent frames "$@"
}

# ------------------------------------------- frame counting (sniff.py)

# sniff NS: count the frames of every interface of NS into $MCS_TMP/NS.cnt
# (keys IFACE.rx|tx.data|gq|gsq|rep|leave, t.KEY last and t1.KEY first
# kernel timestamp in ms, "now": complete up to then); waits until the
# counter runs.
sniff()
{
	local f=$MCS_TMP/$1.cnt

	rm -f "$f"
	"$PYTHON" -S "$SNIFF_PY" "$NS_PREFIX-$1" sniff "$f" &
	BG_PIDS+=("$!")
	WAIT_NAP=0.1 wait_secs 60 test -e "$f"
}

# sniff_sync NS [SECS]: wait (30 s at most) until the counter of NS has
# caught up with now: on a slow guest the sniffer may lag behind the
# frames, and a count read too early would miss the last ones.
sniff_sync()
{
	local t0=${EPOCHREALTIME/./}

	t0=${t0:0:13}
	wait_secs "${2:-30}" cnt_ge "$1" now "$t0" || return
	[ "$(cnt "$1" drops)" = 0 ] ||
		log_info "the sniffer of $1 lost $(cnt "$1" drops) frames"
}

# stream NS GROUP [PPS]: a steady stream of PPS (default 100) datagrams a
# second from NS's eth0.
stream()
{
	"$PYTHON" -S "$SNIFF_PY" "$NS_PREFIX-$1" stream eth0 "$2" "${3:-${PPS:-100}}" &
	BG_PIDS+=("$!")
}

# cnt NS KEY...: counters (or timestamps) of sniff NS, 0 when never seen,
# on one line. The keys come from one reading of the file: a count and
# the time of its last frame read apart could straddle a new frame.
cnt()
{
	local line kv key val ns=$1 out=()

	shift
	read -r line <"$MCS_TMP/$ns.cnt" 2>/dev/null
	for key; do
		val=0
		for kv in $line; do
			if [ "${kv%%=*}" = "$key" ]; then
				val=${kv#*=}
				break
			fi
		done
		out+=("$val")
	done
	echo "${out[*]}"
}

# cnt_ge NS KEY MIN: for wait_secs.
cnt_ge()
{
	[ "$(cnt "$1" "$2")" -ge "$3" ]
}

# ------------------------------------------------------------ text, JSON

# json_value JSON KEY: the first value of "KEY" in compact JSON, printed
# as jq -r prints a plain value (a string without quotes, a number, true,
# false; null when there is none). With bash alone: the helpers that use
# it poll, and a jq costs a third of a second under TCG.
json_value()
{
	local re='"'"$2"'":("([^"]*)"|[^],}]*)'

	if ! [[ $1 =~ $re ]]; then
		echo null
	elif [ "${BASH_REMATCH[1]:0:1}" = '"' ]; then
		echo "${BASH_REMATCH[2]}"
	else
		echo "${BASH_REMATCH[1]}"
	fi
}

# sort_words WORD...: the words sorted (a handful: no sort(1)).
sort_words()
{
	local w=("$@") i j t

	for ((i = 1; i < ${#w[@]}; i++)); do
		for ((j = i; j > 0; j--)); do
			[[ ${w[j - 1]} > ${w[j]} ]] || break
			t=${w[j]} w[j]=${w[j - 1]} w[j - 1]=$t
		done
	done
	echo "${w[*]}"
}

# shellcheck source=mcs_lib.sh
source "$MCS_DIR/mcs_lib.sh"
