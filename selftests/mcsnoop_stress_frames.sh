#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Stress campaign "frames" (issue 17): hostile frames from a guest port
# while a member receives a stream and mcsnoopctl answers.
#
# Host hx sends from two ports: eth0 is p-hx of br0 (no VLAN filtering;
# h1 streams to group G, h2 is a member of G through its own IP stack),
# eth1 is p-hxv of br1 (VLAN filtering, VIDs 1 untagged and 10, 20 tagged,
# h3 on VID 1): a tag is stripped and ignored on br0, checked against
# the port's VLANs on br1 (802.1ad on the 802.1Q bridge: re-inserted,
# then not IP), a second tag stays in the frame on both. Both bridges have
# mcsnoop enabled, querier off, flood-unknown off on br0 (so that G
# reaches h2 only while its membership holds).
#
# stress_frames.py (see there) builds a seeded corpus with scapy: real,
# valid IGMPv1/2/3, MLDv1/2, MRD and PIM messages and structural mutations
# of them (tags, IP options and extension headers, fragments, jumbo
# sizes, duplicated and reordered records, oversized and negative counts,
# bad lengths, checksums, TTLs, groups, sources); then it sends
# NFRAMES frames, half at MTU 1500 and half with hx's ports, p-hx,
# p-hxv and both bridges at MTU 9000 (jumbo frames): first every corpus
# frame as it is, then cheap seeded byte-level mutations of them
# (truncations, header, count and length bytes, counts of 0x8000 and
# 0xffff, duplicated slices, tags added and removed, checksums wrong or
# made right again so that the frame gets past them). The seed is printed;
# MCS_FRAMES_SEED=SEED replays a run (same frames, same order).
#
# Nonlinear skbs. What was verified, on 6.12.118 and 6.1.0-57 with a
# kprobe event on br_handle_frame (the bridge's rx handler, where
# mcsnoop's PRE_ROUTING hook gets the skb as it is) printing skb->len and
# skb->data_len of frames from hx (offsets from pahole -C sk_buff):
#  - send(2) on a SOCK_RAW packet socket: a frame under a page arrives
#    linear (data_len 0); from about 4 kB on (packet_alloc_skb) all of
#    its IP packet is in page fragments (data_len = len): the jumbo
#    frames of the second half;
#  - PACKET_TX_RING (TPACKET_V2): every frame, however short, arrives
#    with all of its IP packet in page fragments (tpacket_fill_skb copies
#    the Ethernet header only): about a third of the frames go that way;
#  - veth GRO (ethtool -K p-hx gro on) changes nothing for these frames:
#    IGMP, ICMPv6 and PIM have no GRO handler, and the skbs arrive as
#    they were sent.
# mcsnoop classifies through skb_header_pointer() and parses nonlinear
# frames from a per-CPU copy (hooks.c, mcs_parse_skb()), linear ones in
# place: both ways are taken, with every kind of frame.
#
# Checks:
#  - before the run, the reference: every valid message of the corpus,
#    sent once untagged, moved exactly its own counter on p-hx
#    (igmp_v2_report, mrd_termination, ...) and no parse error. MRD
#    solicitations and terminations of 4 bytes, as RFC 4286 6 and 7 have
#    them, are among them: mcsnoop counts them as err_truncated (it needs
#    8 bytes, as the Linux bridge's own snooping does), and this check
#    fails until it takes them;
#  - the member got the stream without interruption. The stream's
#    datagrams are numbered and the check counts numbers, not time: a
#    starved sender sends later, not fewer, so a slow guest cannot fail
#    it, while a membership lost (flood-unknown off: G then reaches
#    nobody) loses every number from then on. It must miss no more than
#    MAXRUN consecutive numbers (two seconds of stream at its rate: a
#    queue overflowing now and then under the flood may drop a few) and
#    get at least 90% of them; h2 is still G's only member, and the
#    stream still arrives after the run;
#  - mcsnoopctl answered every request of a loop of bridge, group,
#    stats, port and querier show that ran all along;
#  - snooping still works: joins of h1 (br0) and h3 (br1) after the run
#    are learnt;
#  - the parse-error counters moved: parse_errors of p-hx and p-hxv, and
#    each err_* counter (over both bridges); a bridge's parse_errors
#    equals its hostile port's, and the sum of its err_* counters;
#  - every frame sent was processed: the igmp, mld and mcast_data
#    counters of a hostile port grew by the frames sent from it (less
#    those the kernel drops before the bridge, told by the sender).
# Figures (# figure: frames.NAME VALUE UNIT): frames sent, seconds,
# frames per second, jumbo and nonlinear frames, parse_errors and each
# err_* counter, mcsnoopctl's answers and slowest answer, the stream.

ALL_TESTS=(
	stress_frames
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# The sizes: frames sent in all, half of them at MTU 9000.
if [ "${MCS_STRESS:-}" = soak ]; then
	NFRAMES=100000
else
	NFRAMES=5000
fi

STRESS_PY=$MCS_DIR/stress_frames.py
SEED=${MCS_FRAMES_SEED:-$((RANDOM * 32768 + RANDOM))}
# hx's MAC on both ports (the corpus is built with it).
HX_MAC=02:00:00:00:77:01
# The member's group and the one joined after the run: far from the
# corpus' groups (239.77.0-2.x), no mutation of one byte reaches them.
G=225.100.200.10
G2=225.100.200.11
PPS=50
MAXRUN=$((2 * PPS))
ERRS=(err_truncated err_bad_ip err_fragment err_bad_ttl err_bad_csum
	err_bad_length err_bad_group err_bad_source err_bad_records)

# topology: sw with br0 (h1, h2, p-hx) and br1 (h3, p-hxv), hx's ports.
topology()
{
	star 2 v4 snoop || return 1
	mcs sw bridge set br0 flood-unknown off || return 1
	br_create sw br1 0 vlan_filtering 1 &&
		star_host sw br1 3 &&
		ns_create hx noipv6 || return 1
	ipn sw -b - <<-EOF || return 1
		link add p-hx type veth peer name eth0 netns $NS_PREFIX-hx
		link add p-hxv type veth peer name eth1 netns $NS_PREFIX-hx
		link set p-hx master br0 up
		link set p-hxv master br1 up
	EOF
	bridge -n "$NS_PREFIX-sw" -b - <<-EOF || return 1
		vlan add dev p-hxv vid 10
		vlan add dev p-hxv vid 20
	EOF
	ipn hx -b - <<-EOF || return 1
		link set eth0 address $HX_MAC up
		link set eth1 address $HX_MAC up
	EOF
	mcs sw bridge enable br1 >/dev/null &&
		mcs sw bridge set br1 membership-timeout 600 router-timeout 600
}

# set_mtu MTU: hx's ports, their peers and both bridges.
set_mtu()
{
	ipn hx -b - <<-EOF || return 1
		link set eth0 mtu $1
		link set eth1 mtu $1
	EOF
	ipn sw -b - <<-EOF
		link set p-hx mtu $1
		link set p-hxv mtu $1
		link set br0 mtu $1
		link set br1 mtu $1
	EOF
}

# snapshot VAR: every counter in sw (stats export, one request) into
# associative array VAR, keyed BRIDGE.COUNTER and PORT.COUNTER
# (BRIDGE.groups: the size of its table).
snapshot()
{
	local -n _snap=$1
	local line key
	local re='^mcsnoop_(bridge|port)_([a-z0-9_]+)[{]bridge="([^"]*)"'

	re+='(,port="([^"]*)")?[}] ([0-9]+)$'

	_snap=()
	while IFS= read -r line; do
		[[ $line =~ $re ]] || continue
		key=${BASH_REMATCH[5]:-${BASH_REMATCH[3]}}.${BASH_REMATCH[2]%_total}
		# shellcheck disable=SC2004 # an associative array's key
		_snap[$key]=${BASH_REMATCH[6]}
	done < <(mcs sw stats export)
	[ "${#_snap[@]}" -gt 0 ]
}

# moves BEFORE AFTER WHO: the control and error counters of WHO (a
# bridge or a port) that moved from snapshot BEFORE to AFTER, as
# "KEY+N ..." (sorted).
moves()
{
	local -n _b=$1 _a=$2
	local k c after before out=()

	for k in "${!_a[@]}"; do
		[[ $k == "$3".* ]] || continue
		c=${k#"$3".}
		[[ $c =~ ^(err_|parse_errors|igmp_v|mld_v|mrd_|pim_) ]] || continue
		after=${_a[$k]} before=${_b[$k]:-0}
		[ "$after" -eq "$before" ] || out+=("$c+$((after - before))")
	done
	sort_words ${out[@]+"${out[@]}"}
}

# moved BEFORE AFTER KEY: how much KEY grew from snapshot BEFORE to AFTER.
moved()
{
	local -n _b=$1 _a=$2
	local after=${_a[$3]:-0} before=${_b[$3]:-0}

	echo "$((after - before))"
}

# word WORDS KEY: the value of KEY=VALUE among WORDS (0 when absent).
word()
{
	local w

	for w in $1; do
		if [ "${w%%=*}" = "$2" ]; then
			echo "${w#*=}"
			return
		fi
	done
	echo 0
}

# recv_get KEY: a counter of the member's receiver.
recv_get()
{
	local line

	read -r line <"$MCS_TMP/recv" 2>/dev/null
	word "$line" "$1"
}

recv_ge()
{
	[ "$(recv_get "$1")" -ge "$2" ]
}

# ctl_loop FILE: mcsnoopctl's show commands one after the other until
# FILE.stop exists; FILE says how many answered, failed and the slowest
# answer in ms, then "done". What a failure printed goes to FILE.err.
ctl_loop()
{
	local f=$1 ok=0 fail=0 max=0 i=0 t0 ms cmd
	local cmds=("bridge show" "group show" "-s stats show" "port show"
		"querier show" "-j group show br1" "stats show port p-hx"
		"vlan show br1" "stats export")

	while [ ! -e "$f.stop" ]; do
		cmd=${cmds[i % ${#cmds[@]}]}
		t0=${EPOCHREALTIME/./}
		# shellcheck disable=SC2086 # the words of a command
		if mcs sw $cmd >/dev/null 2>>"$f.err"; then
			ok=$((ok + 1))
		else
			fail=$((fail + 1))
			echo "that was: mcsnoopctl $cmd" >>"$f.err"
		fi
		ms=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
		[ "$ms" -gt "$max" ] && max=$ms
		i=$((i + 1))
		echo "ok=$ok fail=$fail max_ms=$max" >"$f"
	done
	echo "ok=$ok fail=$fail max_ms=$max done" >"$f"
}

ctl_done()
{
	grep -q ' done' "$MCS_TMP/ctl"
}

# reference PREFIX WHAT: every message of the corpus named PREFIX.* once
# from eth0 of hx; p-hx must count each in its own counter, and nothing
# as an error.
reference()
{
	# shellcheck disable=SC2034 # read by ref_moves, through a nameref
	local -A REF0
	local out

	snapshot REF0
	out=$(in_ns hx "$PYTHON" -S "$STRESS_PY" reference "$MCS_TMP/corpus" \
		eth0 "$1")
	check_err $? "reference frames: $out"
	# Nothing else enters p-hx: its counters stop when hx stops.
	wait_steady 10 0.2 ref_moves
	check_eq "$STEADY" "$out" "counters of p-hx after $2"
}

ref_moves()
{
	# shellcheck disable=SC2034 # filled and read through namerefs
	local -A now

	snapshot now && moves REF0 now p-hx
}

# hostile PHASE COUNT: COUNT frames from hx over both ports; SENT gets
# the sender's words.
SENT=
hostile()
{
	SENT=$(in_ns hx "$PYTHON" -S "$STRESS_PY" send "$MCS_TMP/corpus" \
		"$SEED/$1" "$2" eth0,eth1)
	check_err $? "sender, phase $1: $SENT"
	log_info "phase $1: $SENT"
}

# at WHAT: where the test is, and since when it runs (T0).
T0=0
at()
{
	local t=$(( ${EPOCHREALTIME/./} / 100000 - T0 ))

	log_info "at $((t / 10)).$((t % 10)) s: $*"
}

# figure NAME VALUE UNIT
figure()
{
	log_info "figure: frames.$1 $2 $3"
}

stress_frames()
{
	local cpid last n n1 n2 k v sent ms want first expected maxrun
	local b p i sum words=()
	# shellcheck disable=SC2034 # s0 and s1 are read through namerefs
	local -A total s0 s1

	T0=$(( ${EPOCHREALTIME/./} / 100000 ))
	log_info "seed $SEED (MCS_FRAMES_SEED=$SEED replays it), $NFRAMES frames"
	# Importing scapy takes many seconds under TCG: the corpus is built
	# while the namespaces are set up.
	"$PYTHON" "$STRESS_PY" corpus "$SEED" "$MCS_TMP/corpus" "$HX_MAC" \
		>"$MCS_TMP/corpus.out" 2>&1 &
	cpid=$!
	BG_PIDS+=("$cpid")
	topology || { check_err 1 "setup"; return; }
	at "topology"

	bg h2 "$PYTHON" -S "$STRESS_PY" recv eth0 "$G" "$MCS_TMP/recv"
	bg h1 "$PYTHON" -S "$STRESS_PY" stream eth0 "$G" "$PPS"
	check_ports br0 "$G" "p-h2" "join of h2"
	wait_secs 30 recv_ge n 10
	check_err $? "the stream does not reach h2: $(cat "$MCS_TMP/recv" 2>&1)"
	at "stream"

	wait "$cpid"
	check_err $? "corpus: $(cat "$MCS_TMP/corpus.out")"
	[ -s "$MCS_TMP/corpus" ] || return
	at "$(cat "$MCS_TMP/corpus.out")"
	# RFC 4286 6 and 7: an MRD solicitation and termination is 4 bytes.
	reference valid,rfc4286 "the valid messages (with 4-byte MRD)"

	at "reference"
	ctl_loop "$MCS_TMP/ctl" &
	BG_PIDS+=("$!")
	snapshot s0

	n1=$((NFRAMES / 2))
	n2=$((NFRAMES - n1))
	hostile 1 "$n1"
	words+=("$SENT")
	set_mtu 9000
	check_err $? "MTU 9000"
	hostile 2 "$n2"
	words+=("$SENT")
	set_mtu 1500
	check_err $? "MTU 1500"
	last=$(recv_get last)

	: >"$MCS_TMP/ctl.stop"
	wait_secs 120 ctl_done
	check_err $? "mcsnoopctl did not answer: $(cat "$MCS_TMP/ctl")"
	at "hostile frames sent"

	# The sender's words of both phases, added up.
	total=()
	for v in "${words[@]}"; do
		for k in $v; do
			total[${k%%=*}]=$(( ${total[${k%%=*}]:-0} + ${k#*=} ))
		done
	done
	sent=${total[sent]:-0}
	ms=${total[ms]:-0}
	check_eq "$sent" "$NFRAMES" "frames sent"
	figure sent "$sent" frames
	figure seconds "$((ms / 1000)).$(printf %03d $((ms % 1000)))" s
	figure fps "$((ms > 0 ? sent * 1000 / ms : 0))" frames/s
	figure jumbo "${total[jumbo]:-0}" frames
	figure nonlinear "${total[nonlinear]:-0}" frames

	# The stream goes on after the run, and h2 is still its member.
	wait_secs 30 recv_ge last $((last + PPS / 5))
	check_err $? "the stream stopped after the run: $(cat "$MCS_TMP/recv")"
	check_eq "$(group_ports br0 "$G")" "p-h2" "members of $G after the run"
	first=$(recv_get first)
	last=$(recv_get last)
	n=$(recv_get n)
	maxrun=$(recv_get maxrun)
	expected=$((last - first + 1))
	figure stream_received "$n" datagrams
	figure stream_lost "$((expected - n))" datagrams
	figure stream_maxrun "$maxrun" datagrams
	[ "$maxrun" -le "$MAXRUN" ]
	check_err $? "the stream lost $maxrun datagrams in a row (at most $MAXRUN)"
	[ "$((n * 10))" -ge "$((expected * 9))" ]
	check_err $? "h2 received $n of $expected datagrams of the stream (90%)"
	at "stream checked"

	# mcsnoopctl answered all along.
	v=$(cat "$MCS_TMP/ctl")
	figure ctl_answers "$(word "$v" ok)" answers
	figure ctl_max_ms "$(word "$v" max_ms)" ms
	check_eq "$(word "$v" fail)" 0 \
		"mcsnoopctl failures: $(cat "$MCS_TMP/ctl.err" 2>/dev/null)"
	check_ge "$(word "$v" ok)" 8 "mcsnoopctl answers during the run"

	# The counters: what the bridges and the hostile ports saw.
	snapshot s1
	for k in parse_errors "${ERRS[@]}"; do
		v=$(( $(moved s0 s1 "br0.$k") + $(moved s0 s1 "br1.$k") ))
		figure "$k" "$v" frames
		check_ge "$v" 1 "$k over both bridges"
	done
	for v in "br0 p-hx eth0" "br1 p-hxv eth1"; do
		read -r b p i <<<"$v"
		check_ge "$(moved s0 s1 "$p.parse_errors")" 1 "parse_errors of $p"
		check_eq "$(moved s0 s1 "$b.parse_errors")" \
			"$(moved s0 s1 "$p.parse_errors")" \
			"parse_errors of $b and of $p"
		sum=0
		for k in "${ERRS[@]}"; do
			sum=$((sum + $(moved s0 s1 "$b.$k")))
		done
		check_eq "$sum" "$(moved s0 s1 "$b.parse_errors")" \
			"err_* counters of $b against its parse_errors"
		# Every frame sent reached mcsnoop, once.
		want=$(( ${total[sent.$i]:-0} - ${total[short.$i]:-0} ))
		sum=$(( $(moved s0 s1 "$p.igmp") + $(moved s0 s1 "$p.mld") +
			$(moved s0 s1 "$p.mcast_data") ))
		check_eq "$sum" "$want" "frames processed from $p"
		figure "processed.$p" "$sum" frames
	done
	figure groups "${s1[br0.groups]:-0}" groups
	at "counters checked"

	# Snooping still works: new joins are learnt.
	bg_mcast h1 join eth0 "$G2"
	bg_mcast h3 join eth0 "$G2"
	check_ports br0 "$G2" "p-h1" "join of h1 after the run"
	check_ports br1 "$G2" "p-h3" "join of h3 after the run" 1
	at "joins"
}

mcs_require
require_cmd bridge
mcs_run_tests "$@"
