# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers of the differential tests (mcsnoop_differential*.sh): "do no
# harm". An admin who enables mcsnoop on a working bridge must never lose
# a frame the bridge used to deliver, and the reference is the bridge's
# own IGMP/MLD snooping. So every scenario is built twice, side by side,
# with the same real host stacks:
#
#   mode "bridge"   the bridge's own snooping on, with its own querier
#                   (from br0's address, short intervals): the reference;
#   mode "mcsnoop"  the bridge's snooping off and mcsnoop enabled (the
#                   hosts' own unsolicited reports teach it).
#
# Each mode has its own namespaces: NS_PREFIX is BASE-b or BASE-m while a
# mode is current (diff_mode), so every lib.sh helper (ipn, mcs, agent,
# bg_mcast, ...) works unchanged on the current mode's copy; run_one's
# cleanup (prefix BASE) removes both copies.
#
# A scenario is a function that builds one copy of the topology with
# dsw, dbr, dhost, djoin and denable, looking at DIFF_MODE where the two
# differ. A test runs it through diff_setup, waits with diff_ready until
# both copies forward a registered group selectively (the bridge's own
# snooping floods everything for a while after it starts), then sends the
# same datagrams in both with diff_send and compares what arrived with
# diff_same (equal), diff_more (mcsnoop delivers at least as much: a
# deliberate difference) and diff_got (exact counts).
#
# What arrived is counted by sniff.py in each copy's bridge namespace: the
# data frames (UDP to port 5001) each device there sent out (a bridge
# port's TX: what the bridge let out to that host), what the bridge device
# passed up to the host ("up:br0"), and in extra namespaces (DIFF_SNIFF)
# what each device there received ("NS:DEV"). Frames the sniffer cannot
# tell apart (neighbour solicitations, unicast and multicast copies) are
# counted by nftables rules instead (dnft_*).

RTNL_PY=$MCS_DIR/rtnl.py
DIFF_BASE=$NS_PREFIX
# Datagrams per probe.
DIFF_N=${DIFF_N:-50}
# DIFF_ONLY=bridge: build and measure one mode only (debugging a scenario
# on a machine without the module).
read -r -a DIFF_MODES <<<"${DIFF_ONLY:-bridge mcsnoop}"
DIFF_MODE=
# Namespaces sniffed besides sw, and the sniffed kind (sniff.py: data or
# rep).
DIFF_SNIFF=()
DIFF_KIND=data
# DIFF_PORT[HOST]: the bridge port HOST's frames enter by (p-HOST
# otherwise).
declare -A DIFF_PORT
# The two delivery vectors of the last diff_send: KEY -> frames.
declare -A DV_bridge DV_mcsnoop
DIFF_WHAT=

# The bridge's own snooping in mode bridge: a general query every 5 s,
# a response interval of 1 s; then (dbr) its querier on, from br0's
# address: the querier's startup gap is the response interval at the
# time it is switched on (br_multicast_set_querier), so not together.
DIFF_BR_SNOOP="mcast_snooping 1 mcast_query_use_ifaddr 1
	mcast_query_interval 500 mcast_query_response_interval 100
	mcast_startup_query_interval 100 mcast_startup_query_count 3"

# ----------------------------------------------------------------- modes

# diff_mode MODE: make MODE's namespaces the current ones.
diff_mode()
{
	DIFF_MODE=$1
	NS_PREFIX=$DIFF_BASE-${1:0:1}
}

diff_end()
{
	DIFF_MODE=
	NS_PREFIX=$DIFF_BASE
}

# diff_in MODE CMD...: CMD with MODE's namespaces current (nothing when
# MODE is not built: DIFF_ONLY).
diff_in()
{
	local rc

	has_mode "$1" || return 0
	diff_mode "$1"
	shift
	"$@"
	rc=$?
	diff_end
	return "$rc"
}

# diff_each CMD...: CMD in each mode; fails when it failed in one.
diff_each()
{
	local m rc=0

	for m in "${DIFF_MODES[@]}"; do
		diff_in "$m" "$@" || rc=1
	done
	return "$rc"
}

# in_mode MODE...: for scenario functions: is the current mode one of these?
in_mode()
{
	local m

	for m in "$@"; do
		[ "$DIFF_MODE" = "$m" ] && return 0
	done
	return 1
}

has_mode()
{
	[[ " ${DIFF_MODES[*]} " == *" $1 "* ]]
}

# --------------------------------------------------------- scenario steps

# dns NAME [v6]: the sysctls of a new namespace (agent.py nsinit: lo up
# and these): as lib.sh's ns_create (quick unsolicited reports); IPv6 off,
# or (v6) on without DAD, router solicitations or slow MLD reports.
dns_init()
{
	local sysctls=(
		net.ipv4.conf.default.igmpv2_unsolicited_report_interval=100
		net.ipv4.conf.default.igmpv3_unsolicited_report_interval=100)

	if [ "${2:-}" = v6 ]; then
		sysctls+=(net.ipv6.conf.all.accept_dad=0
			net.ipv6.conf.default.accept_dad=0
			net.ipv6.conf.default.router_solicitations=0
			net.ipv6.conf.default.mldv1_unsolicited_report_interval=100
			net.ipv6.conf.default.mldv2_unsolicited_report_interval=100)
	else
		sysctls+=(net.ipv6.conf.all.disable_ipv6=1
			net.ipv6.conf.default.disable_ipv6=1)
	fi
	agent nsinit "$1" "${sysctls[@]}"
}

# dns NAME... [v4|v6]: namespaces, in one ip call (see dns_init).
dns()
{
	local n cmds= fam=v4 names=()

	for n in "$@"; do
		case $n in
		v4|v6) fam=$n ;;
		*) names+=("$n") cmds+="netns add $NS_PREFIX-$n"$'\n' ;;
		esac
	done
	ip -b - <<<"$cmds" || return 1
	for n in "${names[@]}"; do
		dns_init "$n" "$fam" || return 1
	done
}

# dsw [v6]: namespace sw (IPv6 off unless v6: then br0's link-local
# address, the source of the bridge's MLD queries, is there without DAD),
# and its sniffer started.
dsw()
{
	dns sw ${1:+"$1"} && dsniff sw
}

# dsniff NS: start the sniffer of the current mode's NS (diff_setup waits
# for it).
dsniff()
{
	local f=$MCS_TMP/${DIFF_MODE:0:1}-$1.cnt

	rm -f "$f"
	"$PYTHON" -S "$SNIFF_PY" "$NS_PREFIX-$1" sniff "$f" &
	BG_PIDS+=("$!")
	DIFF_SNIFFING+=("${DIFF_MODE:0:1}-$1")
}

# dbr [IP LINK OPTIONS...]: bridge br0 in sw with the options, up, address
# 10.0.0.254/24; mode bridge adds its own snooping and querier, mode
# mcsnoop mcast_snooping 0.
dbr()
{
	local snoop="mcast_snooping 0" querier=

	if in_mode bridge; then
		snoop=$(echo $DIFF_BR_SNOOP)
		querier="link set br0 type bridge mcast_querier 1"
	fi
	ipn sw -b - <<-EOF
		link add br0 type bridge $snoop $*
		$querier
		link set br0 up
		addr add 10.0.0.254/24 dev br0
	EOF
}

# dmac N: the MAC of host N (hN's eth0): known, for FDB entries and
# neighbours.
dmac()
{
	printf '02:00:00:00:%02x:%02x\n' $(($1 / 256)) $(($1 % 256))
}

# dhosts [v4|v6] [sw=NS] [br=BR] HOST:N...: namespace HOST with eth0 (MAC
# dmac N), a veth whose peer p-HOST is a port of BR (br0) in NS (sw), up.
# v4 (default): 10.0.0.N/24, IPv6 off. v6: IPv6 only (no IGMP), fe80::N
# without DAD. One ip call per host and one in NS.
dhosts()
{
	local fam=v4 sw=sw br=br0 spec h n names=() swcmds=

	while [ $# -gt 0 ]; do
		case $1 in
		v4|v6) fam=$1 ;;
		sw=*) sw=${1#sw=} ;;
		br=*) br=${1#br=} ;;
		*) break ;;
		esac
		shift
	done
	for spec in "$@"; do
		names+=("${spec%%:*}")
	done
	dns "${names[@]}" "$fam" || return 1
	for spec in "$@"; do
		h=${spec%%:*} n=${spec#*:}
		ipn "$h" -b - <<-EOF || return 1
			link add eth0 address $(dmac "$n") type veth peer name p-$h netns $NS_PREFIX-$sw
			link set eth0 up
			$(if [ "$fam" = v4 ]; then
				echo "addr add 10.0.0.$n/24 dev eth0"
			else
				echo "addr add fe80::$n/64 dev eth0 nodad"
			fi)
		EOF
		swcmds+="link set p-$h master $br"$'\n'"link set p-$h up"$'\n'
	done
	ipn "$sw" -b - <<<"$swcmds"
}

# djoin HOST [dev=DEV] [sock] GROUP...: HOST's own stack joins the groups
# on DEV (eth0): `ip addr add GROUP dev DEV autojoin`, one ip call; the
# kernel sends the reports and answers queries as for a socket's join.
# But the group becomes a local address of HOST, which then cannot send
# to it: "sock" joins with a socket of mcast.py instead (a process each).
djoin()
{
	local h=$1 dev=eth0 g cmds= sock=

	shift
	for g in "$@"; do
		case $g in
		dev=*) dev=${g#dev=} ;;
		sock) sock=1 ;;
		*)	if [ -n "$sock" ]; then
				bg_mcast "$h" join "$dev" "$g"
			else
				cmds+="addr add $g dev $dev autojoin"$'\n'
			fi ;;
		esac
	done
	[ -z "$cmds" ] || ipn "$h" -b - <<<"$cmds"
}

# dleave HOST [dev=DEV] GROUP...
dleave()
{
	local h=$1 dev=eth0 g cmds=

	shift
	for g in "$@"; do
		case $g in
		dev=*) dev=${g#dev=} ;;
		*:*) cmds+="addr del $g/128 dev $dev"$'\n' ;;
		*) cmds+="addr del $g/32 dev $dev"$'\n' ;;
		esac
	done
	ipn "$h" -b - <<<"$cmds"
}

# denable [ARGS...]: mode mcsnoop: mcsnoopctl bridge enable br0 ARGS (the
# lib.sh default: querier off), its stdout and stderr kept in
# $MCS_TMP/enable.out and .err for the checks of refused features. Mode
# bridge: nothing.
denable()
{
	in_mode mcsnoop || return 0
	mcs sw bridge enable br0 "$@" >"$MCS_TMP/enable.out" 2>"$MCS_TMP/enable.err"
}

# dbrport DEV OPTIONS...: ip link set DEV type bridge_slave OPTIONS, in sw.
dbrport()
{
	local dev=$1

	shift
	ipn sw link set dev "$dev" type bridge_slave "$@"
}

# rtnl NS ARGS...: rtnl.py in namespace NS.
rtnl()
{
	local ns=$1

	shift
	"$PYTHON" -S "$RTNL_PY" -n "$NS_PREFIX-$ns" "$@"
}

# ----------------------------------------------------------------- setup

# diff_setup SCENARIO [ARGS...]: SCENARIO ARGS in each mode (bridge first:
# its startup gap passes while the other copy is built), then a sniffer in
# each copy's DIFF_SNIFF namespaces (dsw started sw's); waits until every
# sniffer runs. Fails when a copy could not be built (the scenario's own
# failure is printed). The scenario sets DIFF_SNIFF and DIFF_PORT.
DIFF_T0=0
DIFF_SNIFFING=()
diff_setup()
{
	local m ns f

	DIFF_T0=$SECONDS
	DIFF_SNIFFING=()
	# The scenario sets these.
	DIFF_SNIFF=()
	DIFF_PORT=()
	for m in "${DIFF_MODES[@]}"; do
		diff_mode "$m"
		if ! "$@"; then
			log_info "setting up $* failed in mode $m"
			diff_end
			return 1
		fi
		for ns in ${DIFF_SNIFF[@]+"${DIFF_SNIFF[@]}"}; do
			dsniff "$ns"
		done
		diff_end
	done
	for f in "${DIFF_SNIFFING[@]}"; do
		wait_secs 60 test -e "$MCS_TMP/$f.cnt" || {
			log_info "the sniffer $f never started"
			return 1
		}
	done
	dlog "setup $*"
}

# --------------------------------------------------------------- counting

# dsnap MODE VAR: the sniffer counts of MODE into associative array VAR.
dsnap()
{
	local -n _v=$2
	local m=${1:0:1} ns line kv k n

	_v=()
	for ns in sw ${DIFF_SNIFF[@]+"${DIFF_SNIFF[@]}"}; do
		line=
		read -r line <"$MCS_TMP/$m-$ns.cnt" 2>/dev/null
		for kv in $line; do
			k=${kv%=*} n=${kv##*=}
			case $k in
			t.*|t1.*|dl.*|dr.*|tl.*|tr.*) continue ;;
			esac
			if [ "$ns" = sw ]; then
				case $k in
				br*.rx.$DIFF_KIND) _v[up:${k%.rx.*}]=$n ;;
				*.tx.$DIFF_KIND) _v[${k%.tx.*}]=$n ;;
				esac
			elif [[ $k == *.rx.$DIFF_KIND ]]; then
				_v[$ns:${k%.rx.*}]=$n
			fi
		done
	done
}

# dvec_delta BEFORE AFTER OUT: OUT = AFTER - BEFORE (associative arrays).
dvec_delta()
{
	local -n _b=$1 _a=$2 _o=$3
	local k

	_o=()
	for k in "${!_a[@]}"; do
		_o[$k]=$((_a[$k] - ${_b[$k]:-0}))
	done
}

# dvec_str VAR: the vector as "KEY=N ..." sorted by key, zeros included
# for the keys of the other mode's vector.
dvec_str()
{
	local -n _s=$1
	local k keys=() out=()

	for k in "${!DV_bridge[@]}" "${!DV_mcsnoop[@]}"; do
		[[ " ${keys[*]} " == *" $k "* ]] || keys+=("$k")
	done
	for k in $(sort_words ${keys[@]+"${keys[@]}"}); do
		out+=("$k=${_s[$k]:-0}")
	done
	echo "${out[*]}"
}

# inport_of SENDER DEV: the sniffer key counting what SENDER sent into the
# bridge (DEV: its interface; the bridge host sends from br0).
inport_of()
{
	if [ "$1" = sw ]; then
		echo "$2.tx.data"
	else
		echo "${DIFF_PORT[$1]:-p-$1}.rx.data"
	fi
}

# dsend_modes "MODES" SENDER GROUP DEV N: N datagrams from SENDER's DEV to
# GROUP in each of MODES, DV_MODE what arrived. Fails when the bridge did
# not receive them all.
dsend_modes()
{
	local modes=$1 sender=$2 group=$3 dev=$4 n=$5 m key rc=0 ns
	local -A b_bridge b_mcsnoop a_bridge a_mcsnoop in0

	key=$(inport_of "$sender" "$dev")
	for m in $modes; do
		dsnap "$m" "b_$m"
		in0[$m]=$(cnt "${m:0:1}-sw" "$key")
		diff_in "$m" mcast "$sender" send "$dev" "$group" "$n" || rc=1
	done
	for m in $modes; do
		if ! wait_secs 30 cnt_ge "${m:0:1}-sw" "$key" $((in0[$m] + n)); then
			log_info "mode $m: the bridge got $(($(cnt "${m:0:1}-sw" "$key") - in0[$m])) of the $n datagrams from $sender"
			rc=1
		fi
		for ns in sw ${DIFF_SNIFF[@]+"${DIFF_SNIFF[@]}"}; do
			sniff_sync "${m:0:1}-$ns"
		done
		dsnap "$m" "a_$m"
		dvec_delta "b_$m" "a_$m" "DV_$m"
	done
	return "$rc"
}

# diff_send SENDER GROUP [DEV] [N]: N (DIFF_N) datagrams from SENDER's
# DEV (eth0) to GROUP in both modes.
diff_send()
{
	DV_bridge=() DV_mcsnoop=()
	DIFF_WHAT="$2 from $1${3:+ $3}"
	dsend_modes "${DIFF_MODES[*]}" "$1" "$2" "${3:-eth0}" "${4:-$DIFF_N}"
	check_err $? "$DIFF_WHAT: not every datagram entered the bridge"
	dlog "sent $DIFF_WHAT"
}

# dsend_wait SENDER GROUP [DEV] [N]: in the current mode, N (DIFF_N)
# datagrams from SENDER's DEV (eth0) to GROUP; returns once the bridge got
# them all and the sniffer caught up (for diff_nft_probe).
dsend_wait()
{
	local dev=${3:-eth0} n=${4:-$DIFF_N} f=${DIFF_MODE:0:1}-sw key c0

	key=$(inport_of "$1" "$dev")
	c0=$(cnt "$f" "$key")
	mcast "$1" send "$dev" "$2" "$n"
	wait_secs 30 cnt_ge "$f" "$key" $((c0 + n)) ||
		log_info "mode $DIFF_MODE: the bridge got $(($(cnt "$f" "$key") - c0)) of the $n datagrams from $1"
	sniff_sync "$f"
}

# diff_vectors: print both vectors.
diff_vectors()
{
	log_info "  bridge:  $(dvec_str DV_bridge)"
	log_info "  mcsnoop: $(dvec_str DV_mcsnoop)"
}

# diff_same WHAT: the last diff_send arrived alike in both modes.
diff_same()
{
	local k

	has_mode bridge && has_mode mcsnoop || return 0
	for k in "${!DV_bridge[@]}" "${!DV_mcsnoop[@]}"; do
		[ "${DV_bridge[$k]:-0}" = "${DV_mcsnoop[$k]:-0}" ] && continue
		RET=1
		log_info "FAIL: $1: $DIFF_WHAT: delivery differs ($k)"
		diff_vectors
		return
	done
}

# diff_more WHAT: mcsnoop delivered at least what the bridge did on every
# key (a deliberate difference: mcsnoop delivers more).
diff_more()
{
	local k

	has_mode bridge && has_mode mcsnoop || return 0
	for k in "${!DV_bridge[@]}"; do
		[ "${DV_mcsnoop[$k]:-0}" -ge "${DV_bridge[$k]}" ] && continue
		RET=1
		log_info "FAIL: $1: $DIFF_WHAT: mcsnoop delivered less than the bridge ($k)"
		diff_vectors
		return
	done
}

# diff_got MODE "KEY=N..." WHAT: exact counts in MODE's vector ("N" may
# be "n" for DIFF_N); "KEY>N" for at least N.
diff_got()
{
	local -n _g=DV_$1
	local spec k want

	has_mode "$1" || return 0
	for spec in $2; do
		if [[ $spec == *'>'* ]]; then
			k=${spec%%>*} want=${spec#*>}
			[ "$want" = n ] && want=$DIFF_N
			[ "${_g[$k]:-0}" -ge "$want" ] && continue
		else
			k=${spec%%=*} want=${spec#*=}
			[ "$want" = n ] && want=$DIFF_N
			[ "${_g[$k]:-0}" = "$want" ] && continue
		fi
		RET=1
		log_info "FAIL: $3: $DIFF_WHAT: mode $1: $k got ${_g[$k]:-0}, expected $spec"
		diff_vectors
		return
	done
}

# std_v4 N: the common topology: hosts h1..hN on br0, h2 joined G, h3
# G2 (the test file's groups).
std_v4()
{
	local i hosts=()

	for ((i = 1; i <= $1; i++)); do
		hosts+=("h$i:$i")
	done
	dsw && dbr && dhosts "${hosts[@]}" && denable && djoin h2 "$G" &&
		djoin h3 "$G2"
}

# diff_unreg WHAT "KEY=N...": after a probe of a group nobody joined:
# the bridge's own snooping sends it to router ports only once it has a
# querier; mcsnoop floods it (flood-unknown on), the KEYS got that. More,
# on purpose.
diff_unreg()
{
	diff_got mcsnoop "$2" "$1: flooded by mcsnoop"
	diff_more "$1"
}

# dvec_matches MODE "KEY=N...": for polling (as diff_got, silent).
dvec_matches()
{
	local -n _g=DV_$1
	local spec k want

	for spec in $2; do
		k=${spec%%=*} want=${spec#*=}
		[ "$want" = n ] && want=$DIFF_N
		[ "${_g[$k]:-0}" = "$want" ] || return 1
	done
}

# diff_wait SENDER GROUP "KEY=N..." [DEV] [SECS] [MODES]: send N-frame
# probes (N: 3; "n" in the spec stands for it) in each mode until its
# vector matches; for a change the module learns of late (a deferred
# event) or the bridge's startup gap. Fails, printing the vectors, when a
# mode never got there.
diff_wait()
{
	local sender=$1 group=$2 spec=$3 dev=${4:-eth0} end=$((SECONDS + ${5:-30}))
	local modes=${6:-${DIFF_MODES[*]}} pending= m n=$DIFF_N rc=0

	for m in $modes; do
		has_mode "$m" && pending+="$m "
	done
	DIFF_N=3
	while [ -n "$pending" ]; do
		DV_bridge=() DV_mcsnoop=()
		dsend_modes "$pending" "$sender" "$group" "$dev" 3
		modes=$pending pending=
		for m in $modes; do
			dvec_matches "$m" "$spec" || pending+="$m "
		done
		[ -z "$pending" ] && break
		if [ "$SECONDS" -ge "$end" ]; then
			log_info "mode ${pending% }: $group from $sender never gave $spec"
			diff_vectors
			rc=1
			break
		fi
		nap 0.3
	done
	DIFF_N=$n
	return "$rc"
}

# diff_ready SENDER GROUP "MEMBERS" "OTHERS" [DEV]: wait until both modes
# send GROUP from SENDER to the bridge ports of MEMBERS and not to those
# of OTHERS (hosts): the bridge's own snooping has left its startup gap,
# mcsnoop has learnt the joins. A failure is a setup failure.
diff_ready()
{
	local h spec= rc

	for h in $3; do
		spec+="${DIFF_PORT[$h]:-p-$h}=n "
	done
	for h in $4; do
		spec+="${DIFF_PORT[$h]:-p-$h}=0 "
	done
	diff_wait "$1" "$2" "$spec" "${5:-eth0}" 40
	rc=$?
	check_err "$rc" "setup: $2 never forwarded to '$3' only"
	[ "$rc" = 0 ] || diff_tables
	dlog "ready"
	return "$rc"
}

# diff_tables: print both copies' membership tables (after a failure).
diff_tables()
{
	local line

	if has_mode bridge; then
		while IFS= read -r line; do
			log_info "  bridge mdb: $line"
		done < <(diff_in bridge eval 'bridge -n "$NS_PREFIX-sw" mdb show')
	fi
	if has_mode mcsnoop; then
		while IFS= read -r line; do
			log_info "  mcsnoop: $line"
		done < <(diff_in mcsnoop mcs sw group show br0)
	fi
	return 1
}

# dlog WHAT: with DIFF_DEBUG set, the time since the test started.
dlog()
{
	[ -n "${DIFF_DEBUG:-}" ] || return 0
	log_info "debug: $((SECONDS - DIFF_T0)) s: $*"
}

# ------------------------------------------------- counting with nftables
# Frames the sniffer does not tell apart are counted by nftables rules
# with a counter and a comment naming it; dnft_snap reads them.

# dnft NS RULESET: load RULESET (nft -f) in namespace NS.
dnft()
{
	in_ns "$1" nft -f - <<<"$2"
}

# dnft_read NS VAR [PREFIX]: VAR[PREFIX COMMENT] = packets of each
# commented counter of NS's ruleset.
dnft_read()
{
	local -n _c=$2
	local line re='counter packets ([0-9]+) bytes [0-9]+ comment "([^"]+)"'

	while IFS= read -r line; do
		[[ $line =~ $re ]] && _c[${3:-}${BASH_REMATCH[2]}]=${BASH_REMATCH[1]}
	done < <(in_ns "$1" nft list ruleset 2>/dev/null)
}

# dnft_snap MODE VAR "NS...": the counters of those namespaces of MODE,
# keys NS:COMMENT.
dnft_snap()
{
	local -n _n=$2
	local ns

	_n=()
	diff_mode "$1"
	for ns in $3; do
		dnft_read "$ns" "$2" "$ns:"
	done
	diff_end
}

# diff_nft_probe "NS..." CMD...: run CMD in each mode; DV_MODE the
# increase of the nftables counters of those namespaces (read until two
# reads 0.3 s apart agree).
diff_nft_probe()
{
	local nss=$1 m k same n
	local -A before after prev

	shift
	DV_bridge=() DV_mcsnoop=()
	DIFF_WHAT=$*
	for m in "${DIFF_MODES[@]}"; do
		dnft_snap "$m" before "$nss"
		diff_in "$m" "$@"
		dnft_snap "$m" after "$nss"
		for n in 1 2 3 4 5 6 7 8 9 10; do
			nap 0.3
			prev=()
			for k in "${!after[@]}"; do
				prev[$k]=${after[$k]}
			done
			dnft_snap "$m" after "$nss"
			same=1
			for k in "${!after[@]}"; do
				[ "${after[$k]}" = "${prev[$k]:-}" ] || same=0
			done
			[ "$same" = 1 ] && break
		done
		dvec_delta before after "DV_$m"
	done
}

# dnft_ports MATCH PORT...: in sw, a bridge postrouting counter per port
# (comment: the port's name) of the frames matching MATCH (an nftables
# expression) that the bridge sends out of it.
dnft_ports()
{
	local match=$1 p rules=

	shift
	for p in "$@"; do
		rules+="		oifname \"$p\" $match counter comment \"$p\""$'\n'
	done
	dnft sw "table bridge diffcnt {
	chain post {
		type filter hook postrouting priority 100;
$rules	}
}"
}

# ndisc HOST TARGET: one neighbour solicitation of HOST's stack for
# TARGET (ndisc6); NDISC_RC[MODE] is 0 when an advertisement answered it.
declare -A NDISC_RC
ndisc()
{
	in_ns "$1" ndisc6 -q -r 1 -w 500 "$2" eth0 >/dev/null 2>&1
	NDISC_RC[$DIFF_MODE]=$?
	return 0
}

# ----------------------------------------------------- refused features
# mcsnoop refuses, per port, what it cannot honour: the port keeps the
# bridge's own flooding (mcast_flood on) and mcsnoop sends it nothing.
# The interface: port show -j "fallback" (words), bridge show -j
# "fallback" (bridge_snooping), monitor events fallback_add/fallback_del,
# a "Warning:" of bridge enable, one kernel log line.

# fb_words JSON: the words of the first "fallback" array of JSON, sorted;
# "absent" when there is no such key.
fb_words()
{
	local re='"fallback":\[([^]]*)\]' w words=()

	[[ $1 =~ $re ]] || { echo absent; return; }
	IFS=, read -r -a w <<<"${BASH_REMATCH[1]}"
	for w in ${w[@]+"${w[@]}"}; do
		w=${w//\"/}
		[ -n "$w" ] && words+=("$w")
	done
	sort_words ${words[@]+"${words[@]}"}
}

# fb_port DEV / fb_bridge: the fallback words of mode mcsnoop's port DEV
# or br0.
fb_port()
{
	fb_words "$(diff_in mcsnoop mcsj sw port show "$1" 2>/dev/null)"
}

fb_bridge()
{
	fb_words "$(diff_in mcsnoop mcsj sw bridge show br0 2>/dev/null)"
}

fb_port_is()
{
	[ "$(fb_port "$1")" = "$2" ]
}

fb_bridge_is()
{
	[ "$(fb_bridge)" = "$1" ]
}

# check_fb_port DEV "WORDS" WHAT [SECS]: port DEV's fallback becomes WORDS
# (sorted) within SECS (5).
check_fb_port()
{
	has_mode mcsnoop || return 0
	wait_secs "${4:-5}" fb_port_is "$1" "$2"
	check_err $? "$3: fallback of $1 is '$(fb_port "$1")', expected '$2'"
}

check_fb_bridge()
{
	has_mode mcsnoop || return 0
	wait_secs "${3:-5}" fb_bridge_is "$1"
	check_err $? "$2: fallback of br0 is '$(fb_bridge)', expected '$1'"
}

# check_enable_warning DEV WORD WHAT: bridge enable (denable) exited 0
# and said on stderr, on a line starting with "Warning:", that port DEV
# keeps the bridge's flooding for WORD.
check_enable_warning()
{
	local line found=0

	has_mode mcsnoop || return 0
	while IFS= read -r line; do
		[[ $line == Warning:* && $line == *"$1"* && $line == *"$2"* ]] &&
			found=1
	done <"$MCS_TMP/enable.err"
	[ "$found" = 1 ]
	check_err $? "$3: bridge enable printed no 'Warning:' naming $1 and $2 (stderr: '$(<"$MCS_TMP/enable.err")')"
}

# kmsg_count PATTERN...: lines of the kernel log since this test's marker
# that hold every PATTERN.
kmsg_count()
{
	local lines i p n=0 ok

	mapfile -t lines < <(dmesg 2>/dev/null)
	for ((i = ${#lines[@]} - 1; i >= 0; i--)); do
		[[ ${lines[i]} == *"$KMSG_MARK"* ]] && break
		ok=1
		for p in "$@"; do
			[[ ${lines[i]} == *"$p"* ]] || { ok=0; break; }
		done
		n=$((n + ok))
	done
	echo "$n"
}

# check_kmsg_once WHAT PATTERN...: the kernel log said it exactly once.
check_kmsg_once()
{
	local what=$1

	shift
	has_mode mcsnoop || return 0
	check_eq "$(kmsg_count "$@")" 1 "$what: kernel log lines with '$*'"
}

# ------------------------------------------------------------- monitor

# dmon_start: `mcsnoopctl -j monitor` on mode mcsnoop's sw into
# $MCS_TMP/mon.json; returns once it heard its own probe (a static
# membership of 239.255.0.1 on port DMON_PORT, p-h2, added and deleted).
DMON_PORT=p-h2
# "vid N" where the bridge filters VLANs (p-h2's).
DMON_VID=
dmon_start()
{
	local f=$MCS_TMP/mon.json end=$((SECONDS + 30))

	has_mode mcsnoop || return 0
	: >"$f"
	"$MCSNOOPCTL" -j -n "$DIFF_BASE-m-sw" monitor >"$f" 2>"$f.err" &
	BG_PIDS+=("$!")
	while [ "$SECONDS" -lt "$end" ]; do
		diff_in mcsnoop mcs sw group add br0 239.255.0.1 port "$DMON_PORT" $DMON_VID &&
			diff_in mcsnoop mcs sw group del br0 239.255.0.1 port "$DMON_PORT" $DMON_VID
		ev_seen '"event":"member_add"' '"group":"239.255.0.1"' && return 0
		nap 0.5
	done
	log_info "monitor: $(<"$f.err")"
	return 1
}

# ev_count PATTERN...: monitor lines holding every PATTERN.
ev_count()
{
	lines_with "$MCS_TMP/mon.json" "$@"
}

ev_seen()
{
	[ "$(ev_count "$@")" -ge 1 ]
}

# check_event WHAT SECS PATTERN...: a monitor line with every PATTERN
# within SECS.
check_event()
{
	local what=$1 secs=$2

	shift 2
	has_mode mcsnoop || return 0
	wait_secs "$secs" ev_seen "$@"
	check_err $? "$what: no monitor event with $* (last: $(tail -n 3 "$MCS_TMP/mon.json" 2>/dev/null))"
}

# -------------------------------------------------------------- misc

# br_opt_of MODE DEV KEY: a key of `ip -d -j link show DEV` in MODE's sw
# (linkinfo info_data, or info_slave_data for a port).
br_opt_of()
{
	diff_in "$1" ipn sw -d -j link show dev "$2" |
		jq -r ".[0].linkinfo | (.info_data // .info_slave_data).$3"
}

# kernel_has_brport OPTION: the kernel reports bridge port OPTION (made
# on a throwaway bridge in a namespace of its own).
kernel_has_brport()
{
	local out=

	if ns_create feat noipv6 &&
		ipn feat -b - >/dev/null 2>&1 <<-EOF
			link add fbr type bridge
			link add fp0 type veth peer name fp1
			link set fp0 master fbr
		EOF
	then
		out=$(rtnl feat brport-get fp0 "$1")
	fi
	ip netns del "$NS_PREFIX-feat" 2>/dev/null
	[ -n "$out" ] && [ "$out" != absent ]
}

# kernel_has_mst: the kernel has per-VLAN spanning tree (MST, 5.18).
kernel_has_mst()
{
	local out=

	if ns_create feat noipv6 &&
		ipn feat link add fbr type bridge vlan_filtering 1 2>/dev/null
	then
		out=$(rtnl feat br-boolopt fbr mst_enabled on + \
			br-boolopt-get fbr mst_enabled 2>/dev/null)
	fi
	ip netns del "$NS_PREFIX-feat" 2>/dev/null
	[ "$out" = on ]
}

# diff_require: mcs_require, and the static keys the file flips held on
# (diff_pin) until it ends.
DIFF_PIN_NS=mcsdpin$$
diff_require()
{
	mcs_require
	trap diff_exit_cleanup EXIT
}

diff_exit_cleanup()
{
	mcs_exit_cleanup
	ip netns del "$DIFF_PIN_NS" 2>/dev/null
}

# diff_pin WHAT...: hold on, for the whole file, the static keys its tests
# would otherwise flip on and off while frames flow in other files' tests
# (under TCG a CPU can run stale code after another patched a static
# branch: see vm/guest-check.sh, which holds the bridge's netfilter hooks
# at prerouting, input and output and the receive timestamp). WHAT: nft
# (bridge forward and postrouting, netdev ingress), tc (clsact ingress
# and egress), mst (the bridge's MST key), vxlan (UDP encapsulation).
diff_pin()
{
	local ns=$DIFF_PIN_NS w

	[ -e "/run/netns/$ns" ] || ip netns add "$ns" || return 0
	ip -n "$ns" link add pin0 up type veth peer name pin1 2>/dev/null
	for w in "$@"; do
		case $w in
		nft)	ip netns exec "$ns" nft -f - <<-'EOF' ;;
				table bridge pin {
					chain f { type filter hook forward priority 0; }
					chain p { type filter hook postrouting priority 0; }
				}
				table netdev pin {
					chain i { type filter hook ingress device pin0 priority 0; }
				}
			EOF
		tc)	tc -n "$ns" qdisc add dev pin0 clsact ;;
		mst)	ip -n "$ns" link add pinbr type bridge vlan_filtering 1 &&
				"$PYTHON" -S "$RTNL_PY" -n "$ns" br-boolopt pinbr \
					mst_enabled on >/dev/null ;;
		vxlan)	ip -n "$ns" link add pinvx up type vxlan dstport 4790 external ;;
		esac
	done 2>/dev/null
	return 0
}
