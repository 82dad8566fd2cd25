# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared helpers of the mcsnoop selftests, the mcsnoop part (sourced by
# lib.sh, which has the generic part): the module, the tool and genl.py,
# what their answers say (counters, the querier, groups, ports), the star
# topology of these tests and the measure of what the bridge forwards.

MCSNOOPCTL=${MCSNOOPCTL:-$MCS_DIR/../tools/mcsnoopctl}
GENL_PY=$MCS_DIR/genl.py
# Datagrams per delivery check: a member must get all of them, a port that
# is not meant to get the group fewer than half (room for stray frames).
NDATA=${NDATA:-20}
# Before each test (run_one): a test that failed halfway may have left the
# module unloaded.
TEST_PREPARE=mcs_load

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
	tests_start
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

# mcsj NS ARGS...: the tool with -j.
mcsj()
{
	local ns=$1

	shift
	mcs "$ns" -j "$@"
}

# table_bytes [NS [BRIDGE]]: what bridge show says the table takes (sw's
# br0 by default); without a name, bridge show dumps no group.
table_bytes()
{
	mcsj "${1:-sw}" bridge show |
		jq -r --arg br "${2:-br0}" '.[] | select(.ifname == $br) | .table_bytes'
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

# --------------------------------------------------------------- bridges

# mcs_enabled NS BR: is BR listed by show in NS?
mcs_enabled()
{
	local out

	out=$(mcs "$1" bridge show 2>/dev/null) || return 1
	[[ $'\n'$out == *$'\n'"$2: ifindex "* ]]
}

# possible_cpus: how many CPUs the kernel keeps per-CPU memory for (a
# group's traffic counters take 32 bytes on each: admin-guide, Memory).
possible_cpus()
{
	local range n=0 lo hi

	for range in $(tr , ' ' </sys/devices/system/cpu/possible); do
		lo=${range%-*} hi=${range#*-}
		n=$((n + hi - lo + 1))
	done
	echo "$n"
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

# stat_ge NS BR KEY MIN: for wait_secs.
stat_ge()
{
	local v

	v=$(mcs_stat "$1" "$2" "$3") && [ "$v" -ge "$4" ] 2>/dev/null
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

# settle: wait until the counters of br0 stop moving (pending reports
# sent).
settle()
{
	wait_steady 15 0.5 mcs_stats sw br0
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

# bstat_ge BR KEY MIN / pstat_ge DEV KEY MIN: for wait_secs.
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

# ----------------------------------------------------------------- ports

# port_get DEV KEY: one key of port show -j for DEV in sw.
port_get()
{
	json_value "$(mcsj sw port show "$1")" "$2"
}

# port_is DEV KEY VALUE: for wait_secs.
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

# ---------------------------------------------------------------- groups

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

# ports_are BR GROUP "WANT" [VID]: for wait_secs.
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

# no_member NS BR GROUP PORT: PORT is no member of GROUP (for wait_secs).
no_member()
{
	[[ " $(members "$1" "$2" "$3") " != *" $4 "* ]]
}

# ------------------------------------------------------------- topology
# Most tests run on a star: a bridge br0 in namespace sw whose ports p-hN
# lead to hosts hN.

# fam_words v4|v6: a family's words, for tests written once for IGMP and
# MLD: FAM (star's v4|v6), the versions its hosts speak here
# (OLD, NEW: IGMPv2 and v3, MLDv1 and v2) and their names, the per-port
# stats of their messages, frames.py's kinds, the unspecified address
# (ANY) and the bridge setting of the querier's version.
fam_words()
{
	FAM=$1
	if [ "$FAM" = v4 ]; then
		OLD=2 NEW=3 ANY=0.0.0.0
		OLD_NAME=IGMPv2 NEW_NAME=IGMPv3 VERSION_SETTING=igmp-version
		OLD_REPORT=igmp_v2_report OLD_LEAVE=igmp_v2_leave
		NEW_REPORT=igmp_v3_report
		OLD_LEAVE_FRAME=leave2 NEW_REPORT_FRAME=report3
	else
		OLD=1 NEW=2 ANY=::
		OLD_NAME=MLDv1 NEW_NAME=MLDv2 VERSION_SETTING=mld-version
		OLD_REPORT=mld_v1_report OLD_LEAVE=mld_v1_done
		NEW_REPORT=mld_v2_report
		OLD_LEAVE_FRAME=done6 NEW_REPORT_FRAME=report6v2
	fi
}

# host_ip N: the address star gives hN in FAM.
host_ip()
{
	if [ "$FAM" = v4 ]; then echo "10.0.0.$1"; else echo "fe80::$1"; fi
}

# fam_version HOST VERSION: the version HOST's stack speaks in FAM.
fam_version()
{
	if [ "$FAM" = v4 ]; then igmp_version "$@"; else mld_version "$@"; fi
}

# fam_rec TYPE GROUP [SRC...]: a record of a crafted NEW_REPORT_FRAME.
fam_rec()
{
	local type=$1 group=$2 sep=: srcs

	shift 2
	[ "$FAM" = v6 ] && sep=@
	srcs=$(IFS=/; echo "$*")
	echo "rec=$type:$group${srcs:+$sep$srcs}"
}

# star N [OPTION...]: namespace sw (IPv6 off) with bridge br0 and hosts
# h1..hN, as star_host adds them. br0's own snooping is off from the
# start: switched off later (enable does) it would leave 224.0.0.106, two
# IGMP reports that count as host copies. OPTIONs:
#   v4        (the default) the hosts have 10.0.0.I/24 and IPv6 off
#   v6        the hosts run IPv6 only, fe80::I/64 (no IGMP)
#   bare      the hosts have no address and IPv6 off
#   snooping  br0's own snooping on
#   vlan      br0 filters VLANs
#   enable    mcsnoop enabled on br0 (querier off, as mcs enables)
#   snoop     enabled with the short timers of snoop_timers
star()
{
	local n=$1 fam=v4 snooping=0 brargs=() i opt enable=

	shift
	for opt in "$@"; do
		case $opt in
		v4|v6|bare) fam=$opt ;;
		snooping) snooping=1 ;;
		vlan) brargs+=(vlan_filtering 1) ;;
		enable|snoop) enable=$opt ;;
		*) log_info "star: unknown option $opt"; return 1 ;;
		esac
	done
	ns_create sw noipv6 &&
		br_create sw br0 "$snooping" ${brargs[@]+"${brargs[@]}"} ||
		return 1
	for ((i = 1; i <= n; i++)); do
		star_host sw br0 "$i" "$fam" || return 1
	done
	[ -z "$enable" ] && return 0
	mcs sw bridge enable br0 >/dev/null || return 1
	[ "$enable" = enable ] || snoop_timers
}

# star_host SW BR I [v4|v6|bare]: host hI (see host_add) behind port p-hI
# of bridge BR in namespace SW, with the addresses of star's hosts: v6
# has IPv6 without DAD and a link-local address only.
star_host()
{
	local sw=$1 br=$2 i=$3

	case ${4:-v4} in
	v4)	host_add "$sw" "$br" "h$i" "10.0.0.$i/24" noipv6 ;;
	v6)	v6_host_ns "h$i" && host_add "$sw" "$br" "h$i" &&
			ipn "h$i" addr add "fe80::$i/64" dev eth0 nodad ;;
	bare)	host_add "$sw" "$br" "h$i" "" noipv6 ;;
	esac
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

# trunk_host HOST N [igmpv2]: HOST on a tagged port of br0's VLANs 10
# and 20 (not 1), its stack on eth0.10 (10.10.0.N) and eth0.20
# (10.20.0.N); igmpv2: its reports there are IGMPv2, repeated within
# 0.1 s of a join and not after (for tests without a querier).
trunk_host()
{
	local h=$1 n=$2 v

	host_add sw br0 "$h" "" noipv6 || return 1
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF || return 1
		vlan del dev p-$h vid 1
		vlan add dev p-$h vid 10
		vlan add dev p-$h vid 20
	EOF
	ipn "$h" -b - <<-EOF || return 1
		link add link eth0 name eth0.10 up type vlan id 10
		link add link eth0 name eth0.20 up type vlan id 20
		addr add 10.10.0.$n/24 dev eth0.10
		addr add 10.20.0.$n/24 dev eth0.20
	EOF
	[ "${3:-}" = igmpv2 ] || return 0
	for v in 10 20; do
		in_ns "$h" sysctl -qw "net.ipv4.conf.eth0/$v.force_igmp_version=2" \
			"net.ipv4.conf.eth0/$v.igmpv2_unsolicited_report_interval=100" ||
			return 1
	done
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

# ------------------------------------------------------------ forwarding
# What the bridge forwards is judged by the TX counters of its ports (what
# it let out to each host), read in one request.

# tx_words: the TX packets of every link in sw (a port's TX: frames the
# bridge sent to that host), as words NAME=PACKETS.
tx_words()
{
	local -A tx
	local k

	dev_counters sw tx tx || return 1
	for k in "${!tx[@]}"; do
		echo -n "$k=${tx[$k]} "
	done
}

# tx_settle VAR: associative array VAR of link name -> TX packets in sw,
# once two reads 0.3 s apart agree.
tx_settle()
{
	local -n _s=$1
	local kv

	wait_steady 10 0.3 tx_words
	_s=()
	for kv in $STEADY; do
		_s[${kv%=*}]=${kv##*=}
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

	rx=$(rx_packets sw "p-$1")
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
	rx=$(rx_packets sw "p-$sender")
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

# ------------------------------------------------------ installing it
# The tests that install the module (make install, the Debian packages)
# run on the newest kernel only, in a trimmed module tree: depmod reads
# every module, and over Debian's 4000 compressed ones it takes more than
# a minute under TCG.

MODDIR=/lib/modules/$(uname -r)
TRIMMED=
SAVED=

# trim_module_tree: in the VM, kernel/ of the module tree shows only the
# bridge and its dependencies (a tmpfs with copies over it), and the
# module index is saved for untrim_module_tree.
trim_module_tree()
{
	local f deps

	[ "${MCSNOOP_VM:-0}" = 1 ] || return 0
	deps=$(modprobe --show-depends bridge | sed -n 's/^insmod \([^ ]*\).*/\1/p')
	mkdir -p "$MCS_TMP/index" "$MCS_TMP/kernel"
	cp "$MODDIR"/modules.* "$MCS_TMP/index/" &&
		mount -t tmpfs tmpfs "$MCS_TMP/kernel" || return 1
	for f in $deps; do
		[[ $f == "$MODDIR/kernel/"* ]] || continue
		mkdir -p "$MCS_TMP/kernel/$(dirname "${f#"$MODDIR/kernel/"}")" &&
			cp "$f" "$MCS_TMP/kernel/${f#"$MODDIR/kernel/"}" || return 1
	done
	mount --bind "$MCS_TMP/kernel" "$MODDIR/kernel" || return 1
	TRIMMED=1
}

untrim_module_tree()
{
	[ -n "$TRIMMED" ] || return 0
	umount "$MODDIR/kernel" && umount "$MCS_TMP/kernel" &&
		cp "$MCS_TMP/index"/modules.* "$MODDIR/"
}

# restore_harness_module: put back the module the VM harness installed
# (the test saved it as $SAVED), for the tests that follow.
restore_harness_module()
{
	mkdir -p "$MODDIR/updates"
	cp "$SAVED" "$MODDIR/updates/" || return
	if [ -n "$TRIMMED" ]; then
		untrim_module_tree
	else
		depmod -a
	fi
}

# The newest Debian kernel with headers: the one these tests run on.
newest_kernel()
{
	local k

	for k in $(ls -1v /lib/modules); do
		[ -e "/boot/vmlinuz-$k" ] && [ -e "/lib/modules/$k/build" ] &&
			echo "$k"
	done | tail -n 1
}

# ------------------------------------------------------ the module's objects

# The module's own object counts (debugfs, objects.c): "kind count" lines.
OBJECTS=/sys/kernel/debug/mcsnoop/objects

# objects_file: whether OBJECTS is there (debugfs mounted if need be).
objects_file()
{
	[ -e "$OBJECTS" ] && return 0
	mountpoint -q /sys/kernel/debug ||
		mount -t debugfs none /sys/kernel/debug 2>/dev/null
	[ -e "$OBJECTS" ]
}

# objects_none KIND: no object of KIND is left (for wait_secs).
objects_none()
{
	[ "$(awk -v k="$1" '$1 == k { print $2 }' "$OBJECTS")" = 0 ]
}
