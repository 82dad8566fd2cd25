# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared helpers of the mcsnoop selftests: KTAP output and checks, network
# namespaces with bridges and hosts, the tool and genl.py, counters, the
# module and the kernel log. Source it, set ALL_TESTS, call mcs_run_tests.
# Every test function builds its own namespaces; they are all deleted after
# each test and on exit.

MCS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MCSNOOPCTL=${MCSNOOPCTL:-$MCS_DIR/../tools/mcsnoopctl}
PYTHON=${PYTHON:-/usr/bin/python3}
GENL_PY=$MCS_DIR/genl.py
MCAST_PY=$MCS_DIR/mcast.py
NS_PREFIX=mcs$$
# Under TCG every exec costs a tenth of a second and more (jq and python
# a third): the helpers below poll with bash alone where they can, and
# run no "timeout" around the tool (a hung request fails its script
# through run_tests.sh's timeout instead). CMD_TIMEOUT is for the calls
# that may wait for something outside the module.
CMD_TIMEOUT=${CMD_TIMEOUT:-30}
# How many times slower this guest is than a plain TCG guest (the debug
# kernel with KASAN and lockdep: about 3). Tests whose checks race short
# protocol timers stretch the timers by it, and slow their streams down.
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
	# A test that failed halfway may have left the module unloaded.
	mcs_load
	"$name"
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

# mcs_run_tests: run ALL_TESTS (or the test names given as arguments),
# print the KTAP plan, results and totals, exit 0/1/4.
mcs_run_tests()
{
	local tests=("${ALL_TESTS[@]}") t

	[ $# -gt 0 ] && tests=("$@")
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

# ---------------------------------------------------------------- module

mcs_loaded()
{
	[ -d /sys/module/mcsnoop ]
}

mcs_load()
{
	mcs_loaded && return 0
	modprobe mcsnoop 2>/dev/null && return 0
	[ -n "${MCSNOOP_KO:-}" ] && insmod "$MCSNOOP_KO"
}

mcs_unload()
{
	mcs_loaded || return 0
	rmmod mcsnoop
}

# mcs_require: skip the whole script unless we are root, the tool exists
# and the module loads.
mcs_require()
{
	[ "$(id -u)" -eq 0 ] || mcs_skip_all "must be run as root"
	require_cmd ip jq modprobe rmmod dmesg timeout "$PYTHON"
	[ -x "$MCSNOOPCTL" ] || mcs_skip_all "no tool at $MCSNOOPCTL"
	mcs_load || mcs_skip_all "cannot load the mcsnoop module"
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

# bg_mcast NS ARGS...: mcast.py in the background.
bg_mcast()
{
	local ns=$1

	shift
	"$PYTHON" -S "$MCAST_PY" -n "$NS_PREFIX-$ns" "$@" &
	BG_PIDS+=("$!")
}

bg_stop_all()
{
	local pid

	for pid in "${BG_PIDS[@]}"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	BG_PIDS=()
}

# wait_until TENTHS CMD...: poll CMD every 0.1 s (plus CMD's own time),
# at most TENTHS times.
wait_until()
{
	local n=$1

	shift
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		nap 0.1
		n=$((n - 1))
	done
	"$@"
}

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

# ns_sysctl NS KEY=VALUE...: sysctl -w in namespace NS.
ns_sysctl()
{
	agent sysctl "$@"
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

# dev_counters NS VAR [rx|tx]: associative array VAR of device name ->
# packets received (rx, the default) or sent (tx) in NS (/proc/net/dev
# there, read by agent.py: no process to start).
dev_counters()
{
	local -n _c=$2
	local f i

	_c=()
	agent counters "$1" || return 1
	read -r -a f <<<"$AGENT_ANSWER"
	for ((i = 0; i + 2 < ${#f[@]}; i += 3)); do
		if [ "${3:-rx}" = tx ]; then
			_c[${f[i]}]=${f[i + 2]}
		else
			_c[${f[i]}]=${f[i + 1]}
		fi
	done
}

# -------------------------------------------------------- bridges, hosts

# br_create NS BR [SNOOPING]: a bridge, up, the bridge's own multicast
# snooping on (1, the kernel's default) or off (0).
br_create()
{
	ipn "$1" link add "$2" up type bridge mcast_snooping "${3:-1}"
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

# port_state_is NS DEV STATE: bridge port DEV in NS is in STP state STATE
# (disabled, forwarding, ...).
port_state_is()
{
	local out

	out=$(ipn "$1" -d -o link show dev "$2")
	[[ $out =~ bridge_slave\ state\ ([a-z]+) ]] && [ "${BASH_REMATCH[1]}" = "$3" ]
}

# setup_error_targets: sw with br0 (own snooping off, can be enabled),
# brs (own snooping on), dummy0 and a veth pair: one of each kind of
# device a request can wrongly name.
setup_error_targets()
{
	ns_create sw &&
	br_create sw br0 0 &&
	br_create sw brs 1 &&
	ipn sw link add dummy0 type dummy &&
	ipn sw link add veth0 type veth peer name veth1
}

# ------------------------------------------------------- tool and genl.py

# mcs NS ARGS...: the tool, in namespace NS (its own -n option).
# "bridge enable BR" gets "querier off" unless the arguments choose a
# querier mode: tests of other features count every control message, and
# our queries would make the hosts report on their own.
mcs()
{
	local ns=$1

	shift
	if [ "$1 $2" = "bridge enable" ] && [[ " $* " != *" querier "* ]]; then
		set -- "$@" querier off
	fi
	"$MCSNOOPCTL" -n "$NS_PREFIX-$ns" "$@"
}

# mcs_raw NS ARGS...: the tool as an admin types it (the kernel's
# querier default on enable).
mcs_raw()
{
	local ns=$1

	shift
	"$MCSNOOPCTL" -n "$NS_PREFIX-$ns" "$@"
}

# genl_ns NS ARGS...: genl.py in namespace NS (not iproute2's genl).
genl_ns()
{
	local ns=$1

	shift
	"$PYTHON" -S "$GENL_PY" -n "$NS_PREFIX-$ns" "$@"
}

# field TEXT KEY: the rest of the line of TEXT that starts with "KEY ",
# or "null" (genl.py's text answers are such lines).
field()
{
	local line

	while IFS= read -r line; do
		if [[ $line == "$2 "* ]]; then
			echo "${line#"$2 "}"
			return
		fi
	done <<<"$1"
	echo null
}

# mcs_enabled NS BR: is BR listed by show in NS?
mcs_enabled()
{
	local out

	out=$(mcs "$1" bridge show 2>/dev/null) || return 1
	[[ $'\n'$out == *$'\n'"$2: ifindex "* ]]
}

# mcs_count NS: how many bridges show lists in NS.
mcs_count()
{
	local out n=0 line

	out=$(mcs "$1" bridge show) || { echo error; return; }
	while IFS= read -r line; do
		[[ $line == *": ifindex "* ]] && n=$((n + 1))
	done <<<"$out"
	echo "$n"
}

# mcs_stats NS BR: the counters of BR as "igmp mld mcast_data fwd host",
# read from the text of show -s.
mcs_stats()
{
	local out re='stats: igmp ([0-9]+) mld ([0-9]+) mcast_data ([0-9]+) fwd_copies ([0-9]+) host_copies ([0-9]+)'

	out=$(mcs "$1" -s bridge show "$2") || { echo error; return 1; }
	[[ $out =~ $re ]] || { echo "unparsable: $out"; return 1; }
	echo "${BASH_REMATCH[*]:1}"
}

# mcs_stat NS BR KEY: one counter of BR.
mcs_stat()
{
	local s

	read -r -a s <<<"$(mcs_stats "$1" "$2")"
	case $3 in
	igmp) echo "${s[0]}" ;;
	mld) echo "${s[1]}" ;;
	mcast_data) echo "${s[2]}" ;;
	fwd_copies) echo "${s[3]}" ;;
	host_copies) echo "${s[4]}" ;;
	esac
}

# stat_ge NS BR KEY MIN: for wait_until.
stat_ge()
{
	local v

	v=$(mcs_stat "$1" "$2" "$3") && [ "$v" -ge "$4" ] 2>/dev/null
}

json_get()
{
	jq -r "$2" <<<"$1"
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

# ------------------------------------------------ raw requests (genl.py)

# expect_err WHAT ERRNO MSG ATTR -- GENL_ARGS...: genl.py in namespace sw
# must fail with ERRNO and extack message MSG ("+": any message, "-": not
# checked); ATTR is the attribute the extack offset must point at ("-":
# not checked, "null": no offset).
expect_err()
{
	local what=$1 want_errno=$2 want_msg=$3 want_attr=$4 out rc

	shift 5
	out=$(genl_ns sw "$@")
	rc=$?
	check_eq "$rc" 1 "$what: exit status of genl.py"
	check_eq "$(field "$out" errno)" "$want_errno" "$what: errno"
	case $want_msg in
	-)	;;
	+)	[ "$(field "$out" msg)" != null ]
		check_err $? "$what: no extack message" ;;
	*)	check_eq "$(field "$out" msg)" "$want_msg" "$what: extack message" ;;
	esac
	if [ "$want_attr" != "-" ]; then
		check_eq "$(field "$out" attr)" "$want_attr" "$what: extack attribute"
	fi
}

# expect_ok WHAT -- GENL_ARGS...
expect_ok()
{
	local what=$1 out

	shift 2
	out=$(genl_ns sw "$@")
	check_err $? "$what: refused: $out"
}

# ------------------------------------------- counter test topologies

# setup_v4: sw with br0 and hosts h1 h2 h3 (10.0.0.1-3), IPv6 off
# everywhere, br0 enabled.
setup_v4()
{
	local i

	ns_create sw noipv6 && br_create sw br0 0 || return 1
	for i in 1 2 3; do
		host_add sw br0 "h$i" "10.0.0.$i/24" noipv6 || return 1
	done
	mcs sw bridge enable br0 >/dev/null
}

# setup_v6: as setup_v4, but the hosts run IPv6 only (no IPv4 address: no
# IGMP), with a link-local address without DAD and no router
# solicitations; the bridge namespace has IPv6 off.
setup_v6()
{
	local i

	ns_create sw noipv6 && br_create sw br0 0 || return 1
	for i in 1 2 3; do
		ns_create "h$i" net.ipv6.conf.default.accept_dad=0 \
			net.ipv6.conf.default.router_solicitations=0 \
			net.ipv6.conf.default.mldv1_unsolicited_report_interval=100 \
			net.ipv6.conf.default.mldv2_unsolicited_report_interval=100 \
			net.ipv6.conf.default.addr_gen_mode=1 || return 1
		host_add sw br0 "h$i" || return 1
		ipn "h$i" addr add "fe80::$i/64" dev eth0 nodad || return 1
	done
	mcs sw bridge enable br0 >/dev/null
}

# stats_read VAR: the counters of br0 into array VAR
# (igmp mld mcast_data fwd_copies host_copies).
stats_read()
{
	local -n _arr=$1

	read -r -a _arr <<<"$(mcs_stats sw br0)"
}

# check_delta BEFORE_ARRAY AFTER_ARRAY "IGMP MLD DATA FWD HOST" WHAT:
# the exact increase of each counter; "-" skips a counter.
check_delta()
{
	local -n _b=$1 _a=$2
	local want names=(igmp mld mcast_data fwd_copies host_copies) i

	read -r -a want <<<"$3"

	for i in 0 1 2 3 4; do
		[ "${want[$i]}" = - ] && continue
		check_eq "$(( ${_a[$i]:-0} - ${_b[$i]:-0} ))" "${want[$i]}" \
			"$4: ${names[$i]} increase"
	done
}

# settle: wait until the counters stop moving (pending reports sent).
settle()
{
	local prev cur n=0

	prev=$(mcs_stats sw br0)
	while [ "$n" -lt 20 ]; do
		nap 0.5
		cur=$(mcs_stats sw br0)
		[ "$cur" = "$prev" ] && return 0
		prev=$cur
		n=$((n + 1))
	done
	return 1
}

# ------------------------------------------------------------- snooping
# Helpers of the snooping tests (mcsnoop_snoop_*.sh, _router, _flood,
# _vlan, _limits, _malformed): a bridge br0 in namespace sw whose ports
# p-hN lead to hosts hN; forwarding is judged by the TX counters of the
# ports (what the bridge let out to each host), read in one ip call.

FRAMES_PY=$MCS_DIR/frames.py
SNIFF_PY=$MCS_DIR/sniff.py
# Datagrams per delivery check: a member must get all of them, a port that
# is not meant to get the group fewer than half (room for stray frames).
NDATA=${NDATA:-20}

# frames NS IFACE FRAME...: frames.py (crafted IGMP/MLD/MRD/PIM) in NS.
frames()
{
	agent frames "$@"
}

# mcsj NS ARGS...: the tool with -j.
mcsj()
{
	local ns=$1

	shift
	mcs "$ns" -j "$@"
}

# wait_secs SECS CMD...: poll CMD until it succeeds, for at most SECS
# seconds of wall time (however slow each call of CMD is).
wait_secs()
{
	local end=$((SECONDS + $1))

	shift
	until "$@"; do
		[ "$SECONDS" -ge "$end" ] && return 1
		nap 0.2
	done
}

# snoop_timers: short protocol timers on br0 (a leave prunes after 0.1 s);
# memberships and router ports last 10 minutes unless a test shortens them
# (a loaded TCG guest can take minutes over one test).
snoop_timers()
{
	mcs sw bridge set br0 query-interval 1 query-response-interval 0.5 \
		robustness 1 last-member-interval 0.1 last-member-count 1 \
		membership-timeout 600 router-timeout 600
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

# snoop_setup v4|v6 N: sw with br0 (own snooping off, enabled, short
# timers) and hosts h1..hN: v4 10.0.0.i/24 with IPv6 off, v6 fe80::i only
# (no IPv4 address, so no IGMP). The bridge's namespace has IPv6 off.
snoop_setup()
{
	local fam=$1 n=$2 i

	ns_create sw noipv6 && br_create sw br0 0 || return 1
	for ((i = 1; i <= n; i++)); do
		if [ "$fam" = v6 ]; then
			v6_host_ns "h$i" && host_add sw br0 "h$i" &&
				ipn "h$i" addr add "fe80::$i/64" dev eth0 nodad ||
				return 1
		else
			host_add sw br0 "h$i" "10.0.0.$i/24" noipv6 || return 1
		fi
	done
	mcs sw bridge enable br0 >/dev/null && snoop_timers
}

# tx_read VAR: associative array VAR of port name -> TX packets of every
# link in sw (a port's TX: frames the bridge sent to that host).
tx_read()
{
	dev_counters sw "$1" tx
}

# rx_of_port DEV: RX packets of DEV in sw (frames that entered the bridge).
rx_of_port()
{
	rx_packets sw "$1"
}

# tx_settle VAR: tx_read until two reads 0.3 s apart agree.
tx_settle()
{
	local -n _s=$1
	local -A _p
	local n=0 same k

	tx_read _p
	while [ "$n" -lt 30 ]; do
		nap 0.3
		tx_read _s
		same=1
		for k in "${!_s[@]}"; do
			[ "${_s[$k]}" = "${_p[$k]:-}" ] || { same=0; break; }
		done
		[ "$same" = 1 ] && return 0
		for k in "${!_s[@]}"; do
			_p[$k]=${_s[$k]}
		done
		n=$((n + 1))
	done
}

# measure CMD...: run CMD; DELIV[HOST] is how many frames the bridge sent
# to each host hN meanwhile (p-HOST's TX increase, once the counters
# stopped moving).
declare -A DELIV
measure()
{
	local k
	local -A before after

	tx_settle before
	"$@"
	tx_settle after
	DELIV=()
	for k in "${!after[@]}"; do
		[[ $k == p-* ]] || continue
		DELIV[${k#p-}]=$((after[$k] - ${before[$k]:-0}))
	done
}

# send_wait SENDER GROUP COUNT IFACE: mcast.py send, then wait until the
# bridge received all of it.
send_wait()
{
	local rx

	rx=$(rx_of_port "p-$1")
	mcast "$1" send "$4" "$2" "$3"
	wait_secs 30 rx_ge sw "p-$1" $((rx + $3))
}

# deliver SENDER GROUP [COUNT] [IFACE]: SENDER sends COUNT (NDATA) UDP
# datagrams to GROUP, measured.
deliver()
{
	measure send_wait "$1" "$2" "${3:-$NDATA}" "${4:-eth0}"
}

# frames_wait SENDER FRAME...: NDATA crafted frames from SENDER's eth0,
# then wait until the bridge received them.
frames_wait()
{
	local rx sender=$1

	shift
	rx=$(rx_of_port "p-$sender")
	frames "$sender" eth0 count="$NDATA" "$@"
	wait_secs 30 rx_ge sw "p-$sender" $((rx + NDATA))
}

# check_deliv "HOSTS" "HOSTS" WHAT [COUNT]: after deliver, every host of
# the first list got at least COUNT (NDATA) frames, every host of the
# second fewer than COUNT / 2.
check_deliv()
{
	local yes=$1 no=$2 what=$3 n=${4:-$NDATA} h

	for h in $yes; do
		if ! [ "${DELIV[$h]:-0}" -ge "$n" ]; then
			RET=1
			log_info "FAIL: $what: $h got ${DELIV[$h]:-0} of $n frames, expected all"
		fi
	done
	for h in $no; do
		if ! [ "${DELIV[$h]:-0}" -lt $((n / 2)) ]; then
			RET=1
			log_info "FAIL: $what: $h got ${DELIV[$h]:-0} of $n frames, expected none"
		fi
	done
}

# deliver_check SENDER GROUP "MEMBERS" "OTHERS" WHAT: deliver + check_deliv.
deliver_check()
{
	deliver "$1" "$2"
	check_deliv "$3" "$4" "$5: $2 from $1"
}

# json_value JSON KEY: the first value of "KEY" in the tool's compact
# JSON, printed as jq -r prints a plain value (a string without quotes, a
# number, true, false; null when there is none). With bash alone: these
# helpers poll, and a jq costs a third of a second under TCG.
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

# querier_get NS BR FAMILY KEY [VID]: KEY of the querier show row of
# FAMILY (inet|inet6) and VID (default 0; "any": the first of FAMILY), or
# null.
querier_get()
{
	querier_row "$1" "$2" "$3" "${5:-0}"
	json_value "$QROW" "$4"
}

# querier_row NS BR FAMILY VID: that row (as querier_get) into QROW.
QROW=
querier_row()
{
	local out row re='\{([^{}]*)\}'

	QROW=
	out=$(mcsj "$1" querier show "$2" 2>/dev/null)
	while [[ $out =~ $re ]]; do
		row=,${BASH_REMATCH[1]},
		out=${out#*"${BASH_REMATCH[0]}"}
		[[ $row == *,\"family\":\"$3\",* ]] || continue
		[[ $4 == any || $row == *,\"vid\":$4,* ]] || continue
		QROW=$row
		return
	done
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

# group_ports BR GROUP [VID]: the member ports of GROUP in sw, sorted,
# space-separated ("" when the group is not in the table).
group_ports()
{
	local out line ports=()

	out=$(mcs sw group show "$1" ${3:+vid "$3"} group "$2" 2>/dev/null)
	while IFS= read -r line; do
		[[ $line =~ ^\ +port\ ([^ ]+) ]] && ports+=("${BASH_REMATCH[1]}")
	done <<<"$out"
	sort_words ${ports[@]+"${ports[@]}"}
}

# ports_are BR GROUP "WANT" [VID]: for wait_until.
ports_are()
{
	[ "$(group_ports "$1" "$2" "${4:-}")" = "$3" ]
}

# check_ports BR GROUP "WANT" WHAT [VID] [SECS]: wait (30 s) for the
# member ports of GROUP to become WANT.
check_ports()
{
	wait_secs "${6:-30}" ports_are "$1" "$2" "$3" "${5:-}"
	check_err $? "$4: members of $2 are '$(group_ports "$1" "$2" "${5:-}")', expected '$3'"
}

# group_json BR GROUP [VID]: the group show answer.
group_json()
{
	mcsj sw group show "$1" ${3:+vid "$3"} group "$2" 2>/dev/null
}

# member_get BR GROUP PORT JQ [VID]: JQ applied to PORT's member object.
member_get()
{
	group_json "$1" "$2" "${5:-}" |
		jq -r --arg p "$3" "[.[].members[] | select(.port == \$p)][0] | $4" \
			2>/dev/null
}

# bstat BR KEY: a counter of bridge BR in sw (stats show -j).
bstat()
{
	json_value "$(mcsj sw stats show "$1")" "$2"
}

# pstat DEV KEY: a counter of port DEV in sw.
pstat()
{
	json_value "$(mcsj sw stats show port "$1")" "$2"
}

# bstat_ge BR KEY MIN / pstat_ge DEV KEY MIN: for wait_until.
bstat_ge()
{
	local v

	v=$(bstat "$1" "$2") && [ "$v" -ge "$3" ] 2>/dev/null
}

pstat_ge()
{
	local v

	v=$(pstat "$1" "$2") && [ "$v" -ge "$3" ] 2>/dev/null
}

# port_get DEV KEY: one key of port show -j for DEV in sw.
port_get()
{
	json_value "$(mcsj sw port show "$1")" "$2"
}

# port_is DEV KEY VALUE: for wait_until.
port_is()
{
	[ "$(port_get "$1" "$2")" = "$3" ]
}

# check_port DEV KEY WANT WHAT [SECS]
check_port()
{
	wait_secs "${5:-30}" port_is "$1" "$2" "$3"
	check_err $? "$4: port $1 $2 is '$(port_get "$1" "$2")', expected '$3'"
}

# igmp_version HOST V / mld_version HOST V: force the host's version.
igmp_version()
{
	ns_sysctl "$1" "net.ipv4.conf.eth0.force_igmp_version=$2"
}

mld_version()
{
	ns_sysctl "$1" "net.ipv6.conf.eth0.force_mld_version=$2"
}

# ------------------------------------------- frame counting (sniff.py)

# sniff NS: count the frames of every interface of NS into $MCS_TMP/NS.cnt
# (keys IFACE.rx|tx.data|gq|gsq|rep|leave, t.KEY last and t1.KEY first
# kernel timestamp in ms, "now": complete up to then); waits until the
# counter runs.
sniff()
{
	local f=$MCS_TMP/$1.cnt n=0

	rm -f "$f"
	"$PYTHON" -S "$SNIFF_PY" "$NS_PREFIX-$1" sniff "$f" &
	BG_PIDS+=("$!")
	while [ ! -e "$f" ] && [ "$n" -lt 600 ]; do
		nap 0.1
		n=$((n + 1))
	done
	[ -e "$f" ]
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

# cnt NS KEY: a counter (or timestamp) of sniff NS, 0 when never seen.
cnt()
{
	local line kv

	read -r line <"$MCS_TMP/$1.cnt" 2>/dev/null
	for kv in $line; do
		if [ "${kv%%=*}" = "$2" ]; then
			echo "${kv#*=}"
			return
		fi
	done
	echo 0
}

# cnt_ge NS KEY MIN: for wait_secs.
cnt_ge()
{
	[ "$(cnt "$1" "$2")" -ge "$3" ]
}

# members NS BR GROUP: the member ports of GROUP (text of group show),
# space-separated in table order.
members()
{
	local out line ports=()

	out=$(mcs "$1" group show "$2" group "$3" 2>/dev/null)
	while IFS= read -r line; do
		[[ $line =~ ^\ +port\ ([^ ]+) ]] && ports+=("${BASH_REMATCH[1]}")
	done <<<"$out"
	echo "${ports[*]}"
}

# has_member NS BR GROUP PORT / no_member NS BR GROUP PORT
has_member()
{
	[[ " $(members "$1" "$2" "$3") " == *" $4 "* ]]
}

no_member()
{
	! has_member "$@"
}
