# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Real multicast routers for the selftests: Debian's FRR daemons,
# smcroute and igmpproxy, each instance in the network namespace of one test host (or
# of the bridge's own host), started by the test and stopped by run_one's
# cleanup (they run in the foreground under bg, so bg_stop_all's SIGTERM
# stops them the way an admin's systemctl stop does, goodbyes included).

FRR_DIR=/usr/lib/frr

# frr_require: skip the test when FRR is not installed (returns 1).
frr_require()
{
	if [ ! -x "$FRR_DIR/zebra" ] || [ ! -x "$FRR_DIR/pimd" ]; then
		skip_test "FRR not installed (zebra, pimd)"
		return 1
	fi
}

# frr_dir NS: where NS's FRR instance keeps its configs, sockets, pid
# files and logs (readable by the frr user the daemons drop to).
frr_dir()
{
	echo "/run/frr-$NS_PREFIX-$1"
}

# frr_start NS DAEMON CONFIG: FRR's DAEMON (zebra first) in namespace NS
# with CONFIG (the text of its configuration file); waits until it
# answers on its vty socket.
frr_start()
{
	local ns=$1 daemon=$2 d

	d=$(frr_dir "$ns")
	mkdir -p "$d" "/var/run/frr/$NS_PREFIX-$ns" || return 1
	chown frr:frr "$d" /var/run/frr "/var/run/frr/$NS_PREFIX-$ns" ||
		return 1
	printf 'hostname %s\nlog file %s/%s.log\n%s\n' "$ns" "$d" "$daemon" \
		"$3" >"$d/$daemon.conf"
	bg "$ns" "$FRR_DIR/$daemon" -N "$NS_PREFIX-$ns" -u frr -g frr -P 0 \
		-f "$d/$daemon.conf" -i "$d/$daemon.pid" -z "$d/zserv.api" \
		--vty_socket "$d" 2>>"$d/$daemon.err"
	wait_secs 30 test -S "$d/$daemon.vty" || {
		log_info "FRR $daemon in $ns did not start: $(cat "$d/$daemon.err")"
		return 1
	}
}

# frr_stop NS DAEMON: SIGTERM, as systemctl stop; waits until it ended.
frr_stop()
{
	local pid

	pid=$(cat "$(frr_dir "$1")/$2.pid" 2>/dev/null) || return 1
	kill "$pid" && wait_secs 30 eval "! kill -0 $pid 2>/dev/null"
}

# frr_vtysh NS CMD...: vtysh commands against NS's instance.
frr_vtysh()
{
	local ns=$1 c args=()

	shift
	for c in "$@"; do
		args+=(-c "$c")
	done
	in_ns "$ns" vtysh --vty_socket "$(frr_dir "$ns")" "${args[@]}"
}

# frr_cleanup: the instances' directories (run_one stopped the daemons).
frr_cleanup()
{
	rm -rf /run/frr-"$NS_PREFIX"-* /var/run/frr/"$NS_PREFIX"-*
}

# smcroute_start NS CONFIG [OPTION...]: smcroute's daemon in namespace NS
# with CONFIG (its smcroute.conf; -N: only the interfaces CONFIG enables)
# and smcrouted's OPTIONs, waiting until it answers smcroutectl.
smcroute_start()
{
	local d

	d=$(frr_dir "$1")-smcroute
	mkdir -p "$d" || return 1
	printf '%s\n' "$2" >"$d/smcroute.conf"
	bg "$1" smcrouted -n -N -l debug -f "$d/smcroute.conf" \
		-u "$d/sock" -P "$d/pid" "${@:3}" 2>"$d/log"
	wait_secs 30 in_ns "$1" smcroutectl -u "$d/sock" show routes \
		>/dev/null 2>&1 || {
		log_info "smcrouted in $1 did not start: $(cat "$d/log")"
		return 1
	}
}

# igmpproxy_require: skip the test when igmpproxy is not installed
# (returns 1).
igmpproxy_require()
{
	if ! command -v igmpproxy >/dev/null; then
		skip_test "igmpproxy not installed"
		return 1
	fi
}

# igmpproxy_dir NS: config, pid file and log of NS's igmpproxy.
igmpproxy_dir()
{
	echo "/run/igmpproxy-$NS_PREFIX-$1"
}

# igmpproxy_start NS CONFIG: igmpproxy in namespace NS with CONFIG (the
# text of its igmpproxy.conf), in the foreground with its log (debug
# level) on stderr, which goes to the log file. It writes no pid file
# itself (Debian's init script has start-stop-daemon make one): bg's pid
# is igmpproxy's own (ip netns exec execs it), so that goes into one.
# Waits until it has set up its VIFs and sent its first query.
igmpproxy_start()
{
	local d

	d=$(igmpproxy_dir "$1")
	mkdir -p "$d" || return 1
	printf '%s\n' "$2" >"$d/igmpproxy.conf"
	bg "$1" igmpproxy -d -vv "$d/igmpproxy.conf" 2>"$d/log"
	echo "${BG_PIDS[-1]}" >"$d/pid"
	wait_secs 30 grep -q '^SENT Membership query' "$d/log" || {
		log_info "igmpproxy in $1 did not start: $(tail -5 "$d/log")"
		return 1
	}
}

# igmpproxy_stop NS: SIGTERM, as the init script's stop (igmpproxy
# leaves its groups upstream and drops its routes); waits until it ended.
igmpproxy_stop()
{
	local pid

	pid=$(cat "$(igmpproxy_dir "$1")/pid" 2>/dev/null) || return 1
	kill "$pid" 2>/dev/null && wait_secs 30 eval "! kill -0 $pid 2>/dev/null"
}

# igmpproxy_cleanup: stop the instances that still run (a pid that is
# igmpproxy's), remove their directories.
igmpproxy_cleanup()
{
	local d pid

	for d in /run/igmpproxy-"$NS_PREFIX"-*; do
		pid=$(cat "$d/pid" 2>/dev/null) || continue
		[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = igmpproxy ] &&
			kill "$pid"
	done
	rm -rf /run/igmpproxy-"$NS_PREFIX"-*
}
