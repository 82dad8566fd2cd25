#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mcsnoop benchmark: runs inside a test guest (bench/run.sh boots one) as root
# with the module installed (modprobe mcsnoop works) and MCSNOOPCTL set.
# Every comparison is measured side by side in this one run, in rounds that
# alternate the contenders, and reported as ratios: absolute figures under
# qemu TCG mean little. It never fails because the machine is slow; it exits
# non-zero only when it could not measure at all.
#
# Usage: bench.sh [--rounds N] [--duration SEC] [--groups N] [--quick]
#                 [--learn-rounds N] [--only LIST]
#
#   --rounds N        rounds of each throughput comparison (default 4)
#   --duration SEC    seconds of traffic per sample (default 2)
#   --groups N        largest table / groups learnt (default 100000)
#   --learn-rounds N  rounds of the learning race (default 3)
#   --quick           --rounds 2 --duration 1 --groups 20000 --learn-rounds 1
#   --only LIST       comma-separated subset of: mcast,unicast,scale,learn,
#                     evict,leave,sharedleave,takeover,ports,profile,cpus
#                     (scale and evict need learn; memory comes with learn;
#                     profile profiles what mcast and unicast measure)
#
# Figures (see Documentation/benchmarks.rst):
#   1 multicast frames/s reaching the one member port of an 8-port bridge:
#     mcsnoop vs the bridge's own snooping vs plain flooding
#   2 unicast frames/s through the bridge, mcsnoop enabled vs not loaded
#   3 mcsnoop multicast frames/s with 10, 1000 and N groups in the table
#   4 seconds to learn N groups from IGMPv3 reports, mcsnoop vs the bridge
#   5 memory per membership (Slab + VmallocUsed delta / memberships), and
#     what bridge show counts (table_bytes delta / memberships)
#   6 frames a receiver still gets after its leave, fast leave vs normal
#   7 querier takeover time after the elected querier falls silent, against
#     the configured other querier present interval
#   8 frames a host behind a shared fast-leave port loses when another host
#     behind it leaves: mcsnoop (host tracking) vs the bridge's own snooping
#     (fast leave; its explicit host tracking with IGMPv3), IGMPv3 and v2
#   9 multicast frames/s reaching the one member of a 64-port bridge:
#     mcsnoop vs the bridge's own snooping, and mcsnoop's 64 ports vs 8
#  10 the longest hold of the bridge lock while max-groups is lowered from
#     the learnt table to 1000
#  11 where the time of a frame goes: perf's samples of CPU 0 (where
#     pktgen sends and the whole bridge path runs) by symbol, while 1's
#     mcsnoop and bridge and 2's bridge with mcsnoop's hooks send
#  12 two senders on two CPUs into one group against one sender, mcsnoop
#     and the bridge's own snooping (only without -icount: with it, qemu
#     runs the CPUs in turn)

set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rounds=4 duration=2 groups=100000 learn_rounds=3
only=mcast,unicast,scale,learn,evict,leave,sharedleave,takeover,ports,profile,cpus
while [ $# -gt 0 ]; do
	case "$1" in
	--rounds) rounds=$2; shift 2 ;;
	--duration) duration=$2; shift 2 ;;
	--groups) groups=$2; shift 2 ;;
	--learn-rounds) learn_rounds=$2; shift 2 ;;
	--quick) rounds=2 duration=1 groups=20000 learn_rounds=1; shift ;;
	--only) only=$2; shift 2 ;;
	-h|--help) sed -n '/^# Usage:/,/^#   5 /s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
want() { case ",$only," in *",$1,"*) return 0 ;; esac; return 1; }
[ $groups -ge 2000 ] || { echo "bench.sh: --groups must be >= 2000" >&2; exit 2; }

ctl=${MCSNOOPCTL:-mcsnoopctl}
py=/usr/bin/python3
res=$(mktemp /tmp/mcsnoop-bench.XXXXXX)
namespaces=()

log() { printf '[%6.1fs] %s\n' "$(awk '{print $1}' /proc/uptime)" "$*" >&2; }
die() { echo "bench.sh: $*" >&2; cleanup; exit 1; }
cleanup() {
	local ns
	for ns in ${namespaces[@]+"${namespaces[@]}"}; do
		ip netns exec "$ns" sh -c 'echo stop > /proc/net/pktgen/pgctrl' \
			2>/dev/null
		ip netns del "$ns" 2>/dev/null
	done
	namespaces=()
}
trap 'cleanup; rm -f "$res"' EXIT

[ "$(id -u)" = 0 ] || die "must run as root (inside the guest)"
# pktgen's thread and the softirq work it causes run on CPU 0: keep every
# process of ours (and what it starts) off it.
[ "$(nproc)" -lt 2 ] || taskset -pc 1-$(( $(nproc) - 1 )) $$ >/dev/null
# perf sees the kernel's and the module's symbols.
sysctl -qw kernel.kptr_restrict=0 kernel.perf_event_paranoid=-1
modprobe pktgen || die "modprobe pktgen failed"
modprobe veth; modprobe bridge
command -v "$ctl" >/dev/null || die "mcsnoopctl not found (set MCSNOOPCTL)"
sysctl -qw net.core.netdev_max_backlog=100000

# An 8-port bridge br0 in namespace NS: ports p0..p7, their veth peers h0..h7
# in the same namespace (the hosts: no addresses, no IPv6). pktgen sends on
# h0; h1 is the member port's host. Extra arguments go to "type bridge".
# PORTS=N mkbridge ...: N ports instead of 8.
mkbridge() {
	local ns=$1 i; shift
	ip netns add "$ns" || die "ip netns add $ns"
	namespaces+=("$ns")
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
	{
		echo "link set lo up"
		echo "link add br0 type bridge $*"
		for ((i = 0; i < ${PORTS:-8}; i++)); do
			echo "link add p$i type veth peer name h$i"
			echo "link set p$i master br0"
			echo "link set p$i up"
			echo "link set h$i up"
		done
		echo "link set br0 up"
	} | ip -n "$ns" -b - || die "building the bridge in $ns"
}

# pktgen on h0 of NS: 128-byte UDP frames to DST (IP) / DMAC, no limit.
pgsetup() { $py "$here/pktgen.py" setup "$@" || die "pktgen setup in $1"; }

# samples NS...: $rounds interleaved rounds of $duration s per namespace;
# lines "NS ROUND RATE(h1) RATE(h2)" in frames/s.
# Nothing else runs while it samples: the output is read afterwards.
samples() {
	local out
	out=$($py "$here/pktgen.py" run --duration "$duration" --rounds "$rounds" "$@") ||
		die "pktgen run $*"
	echo "$out"
}

# Alternate the contenders: forward order in odd rounds, reverse in even.
order() {
	local r=$1; shift
	if [ $((r % 2)) = 1 ]; then echo "$@"; else echo "$@" | tr ' ' '\n' | tac | tr '\n' ' '; fi
}

# Room for twice the groups learnt, within max-groups' range.
max_groups=$((groups * 2 > 1048576 ? 1048576 : groups * 2))
mcs_enable() {	# NS
	ip netns exec "$1" "$ctl" bridge enable br0 >/dev/null &&
	ip netns exec "$1" "$ctl" bridge set br0 max-groups $max_groups \
		membership-timeout 7200 >/dev/null &&
	ip netns exec "$1" "$ctl" port set p2 max-groups $max_groups \
		>/dev/null || die "configuring mcsnoop in $1"
}
# Without a name bridge show does not dump the whole table.
mcs_count() {
	ip netns exec "$1" "$ctl" -j bridge show |
		jq '.[] | select(.ifname == "br0") | .group_count'
}
br_count() { bridge -n "$1" mdb show dev br0 | grep -c ' grp '; }
# What bridge show says br0's table takes (without a name: no group dump).
mcs_table_bytes() {
	ip netns exec "$1" "$ctl" -j bridge show |
		jq '.[] | select(.ifname == "br0") | .table_bytes'
}
# --- 11: profile NS LABEL: where CPU 0's time goes while NS's pktgen sends
# (cpu-clock samples; under -icount the clock counts instructions). Lines
# "prof LABEL PERCENT DSO SYMBOL".
profile() {
	local data=/tmp/perf.$2
	want profile || return 0
	command -v perf >/dev/null || { log "profile: no perf"; return 0; }
	perf record -q -o "$data" -C 0 -e cpu-clock -F 997 -- \
		$py "$here/pktgen.py" run --duration $((duration * 2)) --rounds 1 \
		"$1" >/dev/null 2>&1 || { log "profile $2: perf record failed"; return 0; }
	# The module of each symbol from kallsyms: perf finds no module
	# files in the guest and puts every kernel symbol in one dso.
	perf report -i "$data" --stdio -q --no-children --sort sym \
		--percent-limit 0.1 2>/dev/null |
		awk -v l="$2" 'NR == FNR { m[$3] = $4 == "" ? "kernel" : $4; next }
			$1 ~ /%$/ { sub(/%/, "", $1); mod = m[$3]
				gsub(/[][]/, "", mod)
				print "prof", l, $1, mod == "" ? "other" : mod, $3 }' \
		/proc/kallsyms - >> "$res"
	rm -f "$data"
	log "profile $2: $(grep -c "^prof $2 " "$res") symbols"
}
memkb() { awk '/^Slab:|^VmallocUsed:/ { s += $2 } END { print s }' /proc/meminfo; }

kver=$(uname -r)
log "mcsnoop benchmark on $kver, $(nproc --all) CPUs, rounds=$rounds duration=${duration}s groups=$groups"
echo "info kernel $kver" >> "$res"
echo "info date $(date -u +%Y-%m-%dT%H:%MZ)" >> "$res"
echo "info cpus $(nproc --all)" >> "$res"
echo "info rounds $rounds" >> "$res"
echo "info duration $duration" >> "$res"
echo "info groups $groups" >> "$res"
echo "info clock ${BENCH_CLOCK:-host}" >> "$res"

# --- 2: unicast, mcsnoop enabled vs the module not loaded --------------------
# First, as it loads and unloads the module. Both bridges have their own
# multicast snooping off, as a bridge with mcsnoop enabled has: with it on,
# the bridge checks the IP header of every IPv4 frame, unicast too, which is
# not mcsnoop's tax. uc: the bridge mcsnoop is enabled on; un: a bridge in a
# namespace where mcsnoop has no bridge, hence no hooks.
if want unicast; then
	log "unicast: setting up"
	rmmod mcsnoop 2>/dev/null
	for ns in uc un; do
		mkbridge $ns mcast_snooping 0
		h1mac=$(ip netns exec $ns cat /sys/class/net/h1/address)
		bridge -n $ns fdb add "$h1mac" dev p1 master static ||
			die "static fdb entry"
		pgsetup $ns 10.255.0.1 "$h1mac"
	done
	# a) the module not loaded vs loaded and enabled on uc, reloading it
	#    between samples.
	for r in $(seq "$rounds"); do
		for mode in $(order "$r" unloaded enabled); do
			if [ $mode = enabled ]; then
				if ! lsmod | grep -q '^mcsnoop '; then
					modprobe mcsnoop || die "modprobe mcsnoop"
					ip netns exec uc "$ctl" bridge enable br0 \
						>/dev/null || die "mcsnoopctl bridge enable"
				fi
			else
				rmmod mcsnoop 2>/dev/null
				lsmod | grep -q '^mcsnoop ' && die "rmmod mcsnoop"
				ip -n uc link set br0 type bridge mcast_snooping 0
			fi
			sleep 0.5
			read -r _ _ rate _ < <(rounds=1 samples uc)
			log "unicast round $r $mode: $rate frames/s"
			echo "uc $mode $r $rate" >> "$res"
		done
	done
	# b) module loaded: the namespace with hooks vs the one without,
	#    interleaved without reloads (finer, so less noisy).
	lsmod | grep -q '^mcsnoop ' || {
		modprobe mcsnoop && ip netns exec uc "$ctl" bridge enable br0 \
			>/dev/null; } || die "enabling mcsnoop on uc"
	samples uc un | while read -r ns r rate _; do
		mode=hooks; [ $ns = un ] && mode=nohooks
		log "unicast (module loaded) round $r $mode: $rate frames/s"
		echo "ucn $mode $r $rate" >> "$res"
	done
	profile uc uc
	cleanup
fi
modprobe mcsnoop || die "modprobe mcsnoop"

# --- 4, 5: learning N groups, and memory per membership ----------------------
# mcsnoop learns in "lm<round>", the bridge in "lb<round>"; the last
# mcsnoop table is kept as the big table of the scale test.
big=
if want learn; then
	for r in $(seq "$learn_rounds"); do
		for impl in $(order "$r" mcsnoop bridge); do
			if [ $impl = mcsnoop ]; then
				ns=lm$r
				mkbridge $ns mcast_snooping 0
				mcs_enable $ns
				ip netns exec $ns "$ctl" group add br0 239.1.1.1 port p1 ||
					die "mcsnoopctl group add"
			else
				ns=lb$r
				mkbridge $ns mcast_snooping 1 \
					mcast_hash_max $((groups * 4)) \
					mcast_membership_interval 720000
			fi
			sleep 1
			sync
			[ $impl = mcsnoop ] && tb0=$(mcs_table_bytes $ns)
			m0=$(memkb)
			out=$(ip netns exec $ns $py "$here/learn.py" h2 h7 239.2.0.1 "$groups")
			sleep 2
			m1=$(memkb)
			secs=$(echo "$out" | awk '{print $4}')
			if [ $impl = mcsnoop ]; then
				n=$(( $(mcs_count $ns) - 1 ))	# minus 239.1.1.1
			else
				n=$(br_count $ns)
			fi
			log "learn round $r $impl: $groups groups in ${secs}s ($out), $n in the table, memory +$((m1 - m0)) kB"
			echo "learn $impl $r $secs $n $groups" >> "$res"
			echo "mem $impl $r $((m1 - m0)) $n" >> "$res"
			[ $impl = mcsnoop ] &&
				echo "counted mcsnoop $r $(($(mcs_table_bytes $ns) - tb0)) $n" >> "$res"
			if [ $impl = mcsnoop ] && [ $r = "$learn_rounds" ]; then
				big=$ns
			else
				ip netns del $ns
				namespaces=("${namespaces[@]/$ns}")
				sleep 2
			fi
		done
	done
fi

# --- 3: mcsnoop throughput with 10, 1000 and N groups ------------------------
if want scale; then
	if [ -z "$big" ]; then
		log "scale: no learnt table (--only without learn): learning one"
		big=lmx
		mkbridge $big mcast_snooping 0
		mcs_enable $big
		ip netns exec $big "$ctl" group add br0 239.1.1.1 port p1 ||
			die "mcsnoopctl group add"
		ip netns exec $big $py "$here/learn.py" h2 h7 239.2.0.1 \
			$((groups - 1)) >/dev/null
	fi
	for n in 10 1000; do
		mkbridge g$n mcast_snooping 0
		mcs_enable g$n
		ip netns exec g$n "$ctl" group add br0 239.1.1.1 port p1 ||
			die "mcsnoopctl group add"
		ip netns exec g$n $py "$here/learn.py" h2 h7 239.2.0.1 $((n - 1)) \
			>/dev/null
	done
	for ns in g10 g1000 $big; do
		pgsetup $ns 239.1.1.1 01:00:5e:01:01:01
		log "scale: $ns holds $(mcs_count $ns) groups"
		echo "scale_count $ns $(mcs_count $ns)" >> "$res"
	done
	# The collector's walks of the big table meanwhile (dynamic debug,
	# table.c): none while no timer is due.
	dd=/sys/kernel/debug/dynamic_debug/control
	[ -e $dd ] || mount -t debugfs none /sys/kernel/debug
	echo 'module mcsnoop func mcs_table_expire +p' > $dd 2>/dev/null
	walks() {
		dmesg | grep -c "mcsnoop: expiry walk in netns $(stat -L -c %i /run/netns/$big):"
	}
	w0=$(walks) t0=$(date +%s)
	samples g10 g1000 $big | while read -r ns r rate leak; do
		n=$(grep "^scale_count $ns " "$res" | awk '{print $3}')
		log "scale round $r $n groups: $rate frames/s (non-member $leak)"
		echo "scale $n $r $rate $leak" >> "$res"
	done
	echo 'module mcsnoop func mcs_table_expire -p' > $dd 2>/dev/null
	log "scale: $(($(walks) - w0)) expiry walks of the big table in $(($(date +%s) - t0)) s"
	echo "walks $(($(walks) - w0)) $(($(date +%s) - t0)) $(mcs_count $big)" >> "$res"
fi

# --- 10: lowering max-groups, the longest hold of the bridge lock ------------
# The eviction says it with dynamic debug (evict.c): the big table of
# learn, lowered to 1000 groups. On one CPU: under -icount qemu runs the
# CPUs in turn on one thread, and the guest's clock counts the other
# CPU's turns into a lock hold (20 ms instead of under 1 ms).
if want evict && [ -n "$big" ]; then
	dd=/sys/kernel/debug/dynamic_debug/control
	[ -e $dd ] || mount -t debugfs none /sys/kernel/debug
	echo 'module mcsnoop +p' > $dd || die "dynamic debug"
	n=$(mcs_count $big)
	for c in /sys/devices/system/cpu/cpu[1-9]*/online; do
		[ -e "$c" ] && echo 0 > "$c"
	done
	t0=$(date +%s.%N)
	ip netns exec $big "$ctl" bridge set br0 max-groups 1000 ||
		die "bridge set max-groups 1000"
	t1=$(date +%s.%N)
	for c in /sys/devices/system/cpu/cpu[1-9]*/online; do
		[ -e "$c" ] && echo 1 > "$c"
	done
	[ "$(nproc)" -lt 2 ] || taskset -pc 1-$(( $(nproc) - 1 )) $$ >/dev/null
	echo 'module mcsnoop -p' > $dd
	hold=$(dmesg | sed -n 's/.*max-groups lowered: the bridge lock held \([0-9]*\) us at most/\1/p' |
		tail -n 1)
	log "evict: $n groups to $(mcs_count $big) in $(echo "$t1 - $t0" | bc) s, lock held ${hold:-?} us at most"
	echo "evict $n $(mcs_count $big) ${hold:-nan} $(echo "$t1 - $t0" | bc)" >> "$res"
fi
# The big table's collector walks it every second: measure the rest in a
# quiet guest.
cleanup

# --- 1: multicast, mcsnoop vs the bridge's own snooping vs flooding ----------
if want mcast; then
	log "multicast: setting up"
	mkbridge fl mcast_snooping 0
	mkbridge br mcast_snooping 1 mcast_querier 1 mcast_query_interval 1000
	bridge -n br mdb add dev br0 port p1 grp 239.1.1.1 permanent ||
		die "bridge mdb add"
	mkbridge mc mcast_snooping 0
	mcs_enable mc
	ip netns exec mc "$ctl" group add br0 239.1.1.1 port p1 ||
		die "mcsnoopctl group add"
	for ns in fl br mc; do
		pgsetup $ns 239.1.1.1 01:00:5e:01:01:01
	done
	# The bridge forwards by its table only once it trusts a querier.
	sleep 12
	samples mc br fl | while read -r mode r rate leak; do
		log "multicast round $r $mode: $rate frames/s at the member, $leak at a non-member"
		echo "mc $mode $r $rate $leak" >> "$res"
	done
	profile mc mc
	profile br br
fi

# --- 9: 64 ports, one member -------------------------------------------------
# As 1 with 64 ports: mcsnoop (m64) vs the bridge's own snooping (b64), and
# mcsnoop with 8 ports (m8): the cost of the 63 ports that get nothing.
if want ports; then
	cleanup
	log "ports: setting up"
	PORTS=64 mkbridge b64 mcast_snooping 1 mcast_querier 1 \
		mcast_query_interval 1000
	bridge -n b64 mdb add dev br0 port p1 grp 239.1.1.1 permanent ||
		die "bridge mdb add"
	for ns in m64 m8; do
		if [ $ns = m64 ]; then PORTS=64 mkbridge $ns mcast_snooping 0
		else mkbridge $ns mcast_snooping 0; fi
		mcs_enable $ns
		ip netns exec $ns "$ctl" group add br0 239.1.1.1 port p1 ||
			die "mcsnoopctl group add"
	done
	for ns in m64 b64 m8; do
		pgsetup $ns 239.1.1.1 01:00:5e:01:01:01
	done
	sleep 12	# the bridge trusts its querier
	samples m64 b64 m8 | while read -r mode r rate leak; do
		log "ports round $r $mode: $rate frames/s at the member, $leak at a non-member"
		echo "ports $mode $r $rate $leak" >> "$res"
	done
	cleanup
fi

# --- 12: two senders on two CPUs ---------------------------------------------
# As 1, with a second sender: h3 on CPU 1 (pktgen's thread 1) besides h0 on
# CPU 0, both to the group. m1/m2: mcsnoop with one sender and with two;
# b1/b2: the bridge's own snooping alike, for what the machine allows.
if want cpus && [ "${BENCH_CLOCK:-}" != icount ] && [ "$(nproc --all)" -ge 2 ]; then
	cleanup
	log "cpus: setting up"
	for ns in m1 m2 b1 b2; do
		if [ "${ns:0:1}" = m ]; then
			mkbridge $ns mcast_snooping 0
			mcs_enable $ns
			ip netns exec $ns "$ctl" group add br0 239.1.1.1 port p1 ||
				die "mcsnoopctl group add"
		else
			mkbridge $ns mcast_snooping 1 mcast_querier 1 \
				mcast_query_interval 1000
			bridge -n $ns mdb add dev br0 port p1 grp 239.1.1.1 \
				permanent || die "bridge mdb add"
		fi
		second=; [ "${ns:1}" = 2 ] && second=--second
		$py "$here/pktgen.py" setup $ns 239.1.1.1 01:00:5e:01:01:01 \
			$second || die "pktgen setup in $ns"
	done
	sleep 12	# the bridge trusts its querier
	samples m1 m2 b1 b2 | while read -r mode r rate leak; do
		log "cpus round $r $mode: $rate frames/s at the member, $leak at a non-member"
		echo "cpus $mode $r $rate $leak" >> "$res"
	done
	cleanup
fi

# --- 6: leave latency, fast leave vs normal ----------------------------------
# lv: pktgen streams G to the bridge from h0; h1 joins G with its IP stack
# (IGMPv2) and leaves it; counted: the frames h1 gets from the moment its
# leave is sent on. The last member time is 2 x 0.5 s; a static member on
# p2 keeps the group registered (else it would flood to h1 once unknown).
if want leave; then
	log "leave: setting up"
	mkbridge lv mcast_snooping 0
	ip netns exec lv "$ctl" bridge enable br0 querier proxy \
		query-interval 60 last-member-interval 0.5 last-member-count 2 \
		>/dev/null || die "enabling mcsnoop on lv"
	ip netns exec lv "$ctl" group add br0 239.1.1.1 port p2 >/dev/null ||
		die "mcsnoopctl group add"
	ip -n lv addr add 10.9.0.1/24 dev h1
	ip netns exec lv sysctl -qw net.ipv4.conf.h1.force_igmp_version=2
	pgsetup lv 239.1.1.1 01:00:5e:01:01:01
	for r in $(seq "$rounds"); do
		for mode in $(order "$r" fast normal); do
			fl=off; [ $mode = fast ] && fl=on
			ip netns exec lv "$ctl" port set p1 fast-leave $fl >/dev/null
			$py "$here/pktgen.py" run --duration 6 --rounds 1 lv >/dev/null &
			sleep 0.5
			# Joined for 3 s; the rate is measured over its last 2.
			$py "$here/../selftests/mcast.py" -n lv join h1 239.1.1.1 3 &
			sleep 1
			rxa=$(ip netns exec lv cat /proc/net/dev | awk '$1 == "h1:" { print $3 }')
			ta=$(date +%s.%N)
			wait $!
			rx0=$(ip netns exec lv cat /proc/net/dev | awk '$1 == "h1:" { print $3 }')
			t0=$(date +%s.%N)
			sleep 2
			rx1=$(ip netns exec lv cat /proc/net/dev | awk '$1 == "h1:" { print $3 }')
			wait
			rate=$(echo "($rx0 - $rxa) / ($t0 - $ta)" | bc -l)
			log "leave round $r $mode: $((rx1 - rx0)) frames after the leave, $(printf %.0f "$rate") frames/s before it"
			echo "leave $mode $r $((rx1 - rx0)) $rate 1.0" >> "$res"
		done
	done
	cleanup
fi

# --- 8: shared fast leave ---------------------------------------------------
# Two hosts A and B behind p1, a fast-leave port: h1 is a port of a plain
# bridge "hub" in the same namespace, with veths ua-ia and ub-ib (the
# hosts' IP stacks: ia 10.9.0.11, ib 10.9.0.12). pktgen streams G from h0
# at 5000 frames/s for 4 s; B joins, A joins, and leaves (its socket
# closes) half a second into the stream; counted: the data frames B did
# not get of those sent (p0's RX) over the whole stream (B's are counted
# by a tc flower filter on ib: queries and A's reports do not count).
# sm3/sm2: mcsnoop (querier proxy), sb3/sb2: the bridge's own snooping (its querier on, port flag fastleave, which with IGMPv3 is its
# explicit host tracking, by the reports' source address); the hosts speak
# IGMPv3 / IGMPv2. A static member on p2 keeps G registered in each (else
# an unregistered G would be flooded to B). No general query during the
# rounds: with IGMPv2 a host that hears another's report sends no leave.
if want sharedleave; then
	log "sharedleave: setting up"
	for ns in sm3 sb3 sm2 sb2; do
		v=${ns#s?}
		if [ "${ns:1:1}" = m ]; then
			mkbridge $ns mcast_snooping 0
			ip netns exec $ns "$ctl" bridge enable br0 querier proxy \
				igmp-version $v query-interval 600 \
				startup-query-count 1 last-member-interval 0.5 \
				last-member-count 2 membership-timeout 600 \
				>/dev/null &&
			ip netns exec $ns "$ctl" port set p1 fast-leave on &&
			ip netns exec $ns "$ctl" group add br0 239.1.1.1 port p2 \
				>/dev/null || die "configuring mcsnoop in $ns"
		else
			mkbridge $ns mcast_snooping 1 mcast_querier 1 \
				mcast_igmp_version $v mcast_query_interval 60000 \
				mcast_startup_query_count 1
			ip -n $ns link set p1 type bridge_slave fastleave on &&
			bridge -n $ns mdb add dev br0 port p2 grp 239.1.1.1 \
				permanent || die "configuring the bridge in $ns"
		fi
		{
			echo "link add hub type bridge mcast_snooping 0"
			echo "link set h1 master hub"
			echo "link add ua type veth peer name ia"
			echo "link add ub type veth peer name ib"
			for d in ua ub; do echo "link set $d master hub up"; done
			for d in hub ia ib; do echo "link set $d up"; done
			echo "addr add 10.9.0.11/24 dev ia"
			echo "addr add 10.9.0.12/24 dev ib"
		} | ip -n $ns -b - || die "the hosts behind p1 in $ns"
		for d in ia ib; do
			ip netns exec $ns sysctl -qw \
				net.ipv4.conf.$d.force_igmp_version=$v \
				net.ipv4.conf.$d.igmpv2_unsolicited_report_interval=100 \
				net.ipv4.conf.$d.igmpv3_unsolicited_report_interval=100
		done
		tc -n $ns qdisc add dev ib clsact &&
		tc -n $ns filter add dev ib ingress protocol ip pref 1 flower \
			ip_proto udp dst_port 9 action pass ||
			die "tc filter on ib in $ns"
		pgsetup $ns 239.1.1.1 01:00:5e:01:01:01
		ip netns exec $ns sh -c 'echo "delay 200000" > /proc/net/pktgen/h0' ||
			die "pktgen rate in $ns"
	done
	# The bridge forwards by its table only once it trusts its querier.
	sleep 12
	# sl_sent NS: frames pktgen sent (p0's RX); sl_count NS: "SENT GOT",
	# with the data frames B received (the filter on ib).
	sl_sent() {
		ip netns exec "$1" cat /proc/net/dev | awk '$1 == "p0:" { print $3 }'
	}
	sl_count() {
		local sent got
		sent=$(sl_sent "$1")
		got=$(tc -n "$1" -s -j filter show dev ib ingress |
			jq '[.. | objects | select(has("packets")) | .packets] | max // 0')
		echo "$sent $got"
	}
	for r in $(seq "$rounds"); do
		for ns in $(order "$r" sm3 sb3 sm2 sb2); do
			mode=mcsnoop-v${ns#s?}
			[ "${ns:1:1}" = b ] && mode=bridge-v${ns#s?}
			$py "$here/../selftests/mcast.py" -n $ns join ib 239.1.1.1 &
			pb=$!
			sleep 0.5
			$py "$here/../selftests/mcast.py" -n $ns join ia 239.1.1.1 &
			pa=$!
			sleep 1
			read -r s0 b0 < <(sl_count $ns)
			$py "$here/pktgen.py" run --duration 4 --rounds 1 --warmup 0 \
				$ns >/dev/null &
			pg=$!
			# A leaves (its socket closes) half a second into the
			# stream.
			n=0
			until [ "$(sl_sent $ns)" -ge $((s0 + 2500)) ] || [ $n -ge 100 ]; do
				sleep 0.1; n=$((n + 1))
			done
			kill $pa; wait $pa 2>/dev/null
			t0=$(date +%s.%N)
			wait $pg
			t1=$(date +%s.%N)
			sleep 0.3
			read -r s1 b1 < <(sl_count $ns)
			kill $pb; wait $pb 2>/dev/null
			sent=$((s1 - s0)) lost=$(( (s1 - s0) - (b1 - b0) ))
			after=$(echo "$t1 - $t0" | bc -l)
			log "sharedleave round $r $mode: B lost $lost of $sent frames ($(printf %.1f "$after") s of the stream after A's leave)"
			echo "shared $mode $r $lost $sent 4 $after" >> "$res"
			sleep 0.5
		done
	done
	cleanup
fi

# --- 7: querier takeover -----------------------------------------------------
# tk: mcsnoop's querier (auto, 10.9.0.200, query interval 2 s, response 1 s,
# robustness 2: other querier present interval 4.5 s) yields to a Linux
# bridge querier at 10.9.0.1 in fq, linked to its port p2; when that one
# stops, how long until mcsnoop queries again. The bridge's querier keeps
# quiet while it hears any other, so it starts while ours is off.
if want takeover; then
	log "takeover: setting up"
	mkbridge tk mcast_snooping 0
	ip netns add fq || die "ip netns add fq"
	namespaces+=(fq)
	ip -n tk link set h2 netns fq
	# Its other querier present interval (mcast_querier_interval, 255 s
	# by default) short too: it resumes 3 s after ours stops.
	ip -n fq link add brf up type bridge mcast_snooping 1 \
		mcast_query_use_ifaddr 1 mcast_query_interval 200 \
		mcast_query_response_interval 100 \
		mcast_startup_query_interval 100 mcast_querier_interval 300
	ip -n fq link set h2 master brf up
	ip -n fq addr add 10.9.0.1/24 dev brf
	ip netns exec tk "$ctl" bridge enable br0 querier off \
		querier-address 10.9.0.200 query-interval 2 \
		query-response-interval 1 robustness 2 >/dev/null ||
		die "enabling mcsnoop on tk"
	qfield() {
		ip netns exec tk "$ctl" -j querier show br0 |
			jq -r ".[] | select(.family == \"inet\") | .$1"
	}
	# Polled without jq: under -icount a jq start costs a large part of a
	# second of guest time, which would blur the figure.
	is_querier() {
		[[ $(ip netns exec tk "$ctl" -j querier show br0) == \
		   *'"family":"inet","mode":"auto","role":"querier"'* ]]
	}
	role() { qfield role; }
	for r in $(seq "$rounds"); do
		# Ours off until the bridge's querier is heard (it waits for
		# ours to be gone for its other querier present interval).
		ip netns exec tk "$ctl" bridge set br0 querier off
		ip -n fq link set brf type bridge mcast_querier 1
		n=0
		until [ "$(qfield querier)" = 10.9.0.1 ] || [ $n -ge 100 ]; do sleep 0.2; n=$((n + 1)); done
		ip netns exec tk "$ctl" bridge set br0 querier auto
		n=0
		until [ "$(role)" = other ] || [ $n -ge 60 ]; do sleep 0.2; n=$((n + 1)); done
		[ "$(role)" = other ] || { log "takeover round $r: never yielded"; continue; }
		sleep 3
		ip -n fq link set brf type bridge mcast_querier 0
		t0=$(date +%s.%N)
		h0=$(qfield queries_heard)
		n=0
		until is_querier || [ $n -ge 300 ]; do sleep 0.02; n=$((n + 1)); done
		t1=$(date +%s.%N)
		secs=$(echo "$t1 - $t0" | bc -l)
		log "takeover round $r: $(printf %.2f "$secs") s (configured 4.5 s), $(( $(qfield queries_heard) - h0 )) queries heard meanwhile"
		echo "takeover x $r $secs 4.5" >> "$res"
	done
	cleanup
fi

cleanup
$py "$here/report.py" "$res"
