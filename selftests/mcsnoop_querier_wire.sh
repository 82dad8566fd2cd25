#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Our queries as they are on the wire, captured by tcpdump in the hosts'
# namespaces and decoded by tshark (an independent dissector):
# - gssq_on_wire_igmp, gssq_on_wire_mld: h1's own IGMPv3 / MLDv2 stack
#   goes from INCLUDE {S1,S2} to INCLUDE {S2} (one socket joined both
#   sources, another S2 only; the first closes) and sends BLOCK(S1). Ours,
#   the querier, must answer with a group-and-source-specific query to
#   the group naming exactly S1 (RFC 3376 6.4.2, RFC 3810 7.4.2), sent
#   last-member-count (3) times in all and to p-h1 only: h2, a member of
#   the same group for the same sources, must get none of them. The host
#   sends its BLOCK twice (robustness 2); the second finds S1's timer at
#   the last member query time already, which starts no second series of
#   queries (RFC 3376 6.6.3.2, RFC 3810 7.6.3.2: only sources whose timer
#   is above it get retransmissions). Then p-h1 keeps S2 only. Fails when
#   no query, a group-specific one, other sources, another count, or a
#   copy at h2 comes.
# - query_float_codes: the IGMPv3 Max Resp Code and QQIC and the MLDv2
#   Maximum Response Code and QQIC of our general queries, for intervals
#   that need the floating-point codes (RFC 3376 4.1.1 and 4.1.7, RFC 3810
#   5.1.3 and 5.1.9: from 12.8 s, 128 s and 32.768 s on), decode back to
#   what was set: exactly where the value is representable (query
#   interval 200 s, response 40 s), to the next representable value
#   below it where not (255 s, 33.333 s: the encoder truncates), and to
#   the largest code where the value is beyond it (IGMP's 3174.4 s for a
#   response interval of 3500 s). tshark 4.0 decodes the MLD fields and
#   IGMP's Max Resp Code; it shows IGMP's QQIC as the raw code, which the
#   test decodes itself. No query may carry a malformed or expert item.

ALL_TESTS=(
	gssq_on_wire_igmp
	gssq_on_wire_mld
	query_float_codes
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# ------------------------------------------------------------- helpers

# ts FILE FILTER FIELD...: tshark's decoding of the frames of FILE that
# FILTER selects, one line each: the fields separated by "|" (several
# values of a field by ","), then "|" and every expert message and
# malformed item of the frame (bad checksums among them): one tshark run
# (under TCG each costs seconds).
ts()
{
	local file=$1 filter=$2 f args=()

	shift 2
	for f in "$@" _ws.expert.message _ws.malformed; do
		args+=(-e "$f")
	done
	tshark -n -r "$file" -o ip.check_checksum:TRUE -Y "$filter" \
		-T fields -E separator='|' -E aggregator=, "${args[@]}" \
		2>/dev/null
}

# ts_clean LINE WHAT: LINE of ts has no expert or malformed item.
ts_clean()
{
	[[ $1 == *"||" ]]
	check_err $? "$2: tshark's expert or malformed items: $1"
}

q_role_is()
{
	[ "$(querier_get sw br0 "$1" role)" = "$2" ]
}

q_sent_gt()
{
	local v

	v=$(querier_get sw br0 "$1" queries_sent) && [ "$v" -gt "$2" ] 2>/dev/null
}

# ---------------------------------------------------------------- GSSQ
# br0 (10.0.0.254 / fe80::fe) the querier, h1 and h2 members of G for
# {S1,S2}; h1 drops S1.

LMQC=3

# member_sources GROUP PORT: the sources of PORT's membership, sorted.
member_sources()
{
	member_get br0 "$1" "$2" '[.sources[].source] | sort | join(",")'
}

sources_are()
{
	[ "$(member_sources "$1" "$2")" = "$3" ]
}

# gssq FAM: the test, for v4 (IGMPv3) or v6 (MLDv2).
gssq()
{
	local fam=$1 g s1 s2 cap=$MCS_TMP/h1.pcap pid out line n=0 block=0 \
		filter qfam fields re capf f rsrc

	if ! command -v tshark >/dev/null; then
		skip_test "tshark not found"
		return
	fi
	if [ "$fam" = v4 ]; then
		g=239.1.9.1 s1=10.9.0.1 s2=10.9.0.2 qfam=inet
		ns_create sw noipv6 && br_create sw br0 0 &&
			ipn sw addr add 10.0.0.254/24 dev br0 &&
			host_add sw br0 h1 10.0.0.1/24 noipv6 &&
			host_add sw br0 h2 10.0.0.2/24 noipv6 ||
			{ check_err 1 "setup"; return; }
		capf=igmp
		filter="(igmp.type == 0x11 && igmp.maddr == $g) || (igmp.type == 0x22 && igmp.record_type == 6)"
		# type|dst|number of sources|sources|src|ttl|record types
		# (a report's sources are igmp.saddr too)
		fields=(igmp.type ip.dst igmp.num_src igmp.saddr ip.src ip.ttl
			igmp.record_type)
		rsrc=3
	else
		g=ff0e::9:1 s1=2001:db8::1 s2=2001:db8::2 qfam=inet6
		v6_host_ns sw && br_create sw br0 0 &&
			ipn sw addr add fe80::fe/64 dev br0 nodad &&
			v6_host_ns h1 && host_add sw br0 h1 &&
			ipn h1 addr add fe80::1/64 dev eth0 nodad &&
			v6_host_ns h2 && host_add sw br0 h2 &&
			ipn h2 addr add fe80::2/64 dev eth0 nodad ||
			{ check_err 1 "setup"; return; }
		capf=
		filter="(icmpv6.type == 130 && icmpv6.mld.multicast_address == $g) || (icmpv6.type == 143 && icmpv6.mldr.mar.record_type == 6)"
		fields=(icmpv6.type ipv6.dst icmpv6.mld.nb_sources
			icmpv6.mld.source_address ipv6.src ipv6.hlim
			icmpv6.mldr.mar.record_type icmpv6.mldr.mar.source_address)
		rsrc=7
	fi
	# A long query interval: few general queries in the captures.
	mcs sw bridge enable br0 querier auto query-interval 60 \
		query-response-interval 1 last-member-interval 0.5 \
		last-member-count "$LMQC" || { check_err 1 "enable"; return; }
	wait_secs 30 q_role_is "$qfam" querier
	check_err $? "ours never became the $qfam querier"
	# h1: tcpdump (for tshark); h2: the frame counter (sniff.py).
	cap_start h1 "$cap" $capf && sniff h2
	check_err $? "tcpdump or the sniffer did not start"
	bg_mcast h2 sjoin eth0 "$g" "$s1/$s2"
	bg_mcast h1 sjoin eth0 "$g" "$s1/$s2"
	pid=${BG_PIDS[-1]}
	bg_mcast h1 sjoin eth0 "$g" "$s2"
	check_ports br0 "$g" "p-h1 p-h2" "the joins of h1 and h2"
	wait_secs 30 sources_are "$g" p-h1 "$s1,$s2"
	check_err $? "p-h1's sources '$(member_sources "$g" p-h1)', expected '$s1,$s2'"
	wait_secs 30 sources_are "$g" p-h2 "$s1,$s2"
	check_err $? "p-h2's sources '$(member_sources "$g" p-h2)', expected '$s1,$s2'"
	# h1's first socket closes: its stack sends BLOCK(S1), twice
	# (robustness 2, from our QRV).
	kill "$pid"
	wait "$pid" 2>/dev/null
	wait_secs 30 sources_are "$g" p-h1 "$s2"
	check_err $? "p-h1's sources after BLOCK($s1): '$(member_sources "$g" p-h1)', expected '$s2'"
	# Three queries 0.5 s apart, and room for more that must not come.
	sleep $((2 * MCS_SLOW))
	check_eq "$(member_sources "$g" p-h2)" "$s1,$s2" "p-h2's sources after h1's BLOCK"
	sniff_sync h2
	check_eq "$(cnt h2 eth0.rx.gsq)" 0 "group(-and-source)-specific queries at h2"
	cap_stop
	out=$(ts "$cap" "$filter" "${fields[@]}")
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		log_info "at h1: $line"
		IFS='|' read -r -a f <<<"$line"
		if [ "${f[0]}" = 0x22 ] || [ "${f[0]}" = 143 ]; then
			# h1's own BLOCK report naming S1.
			[ "${f[6]}" = 6 ] && [ "${f[rsrc]}" = "$s1" ] &&
				block=$((block + 1))
			ts_clean "$line" "h1's BLOCK report"
			continue
		fi
		n=$((n + 1))
		ts_clean "$line" "query for $g at h1"
		# To the group, one source, S1, from our address, TTL 1.
		re="^(0x11|130)\|$g\|1\|${s1//./\\.}\|(10\.0\.0\.254|fe80::fe)\|1\|"
		[[ $line =~ $re ]]
		check_err $? "query for $g at h1: not a query to the group naming $s1 alone from our address with TTL 1: $line"
	done <<<"$out"
	check_ge "$block" 1 "h1's BLOCK($s1) reports in the capture"
	check_eq "$n" "$LMQC" "queries for $g at h1 (last-member-count; the host's BLOCK came $block times)"
}

gssq_on_wire_igmp()
{
	gssq v4
}

gssq_on_wire_mld()
{
	gssq v6
}

# --------------------------------------------------------- float codes

# code_value CODE MBITS: the value of a time code (RFC 3376 4.1.1 with
# MBITS 4, RFC 3810 5.1.3 with MBITS 12): literal below 1 << (MBITS + 3),
# else (mant | 1 << MBITS) << (exp + 3).
code_value()
{
	local c=$1 m=$2

	if [ "$c" -lt $((1 << (m + 3))) ]; then
		echo "$c"
	else
		echo $((((c & ((1 << m) - 1)) | (1 << m)) << (((c >> m) & 7) + 3)))
	fi
}

# The cases: query interval, response interval, and what tshark must
# decode: IGMP Max Resp (tenths), IGMP QQIC (seconds, decoded here), MLD
# Maximum Response (ms), MLD QQIC (seconds).
FLOAT_CASES=(
	# Literal codes, as a reference.
	"125 10 100 125 10000 125"
	# Exact: 200 s = 25 << 3 (QQIC 0x89); 40 s = 400 tenths = 25 << 4
	# (0x99); 40000 ms = 5000 << 3 (0x8388).
	"200 40 400 200 40000 200"
	# Not representable: 255 s lies between 248 (31 << 3, 0x8f) and 256
	# (16 << 4); 33.333 s, 333 tenths, between 320 (20 << 4, 0x94) and
	# 336; 33333 ms between 33328 (4166 << 3, 0x8046) and 33336. The
	# encoder takes the largest code not above the value: it rounds down.
	"255 33.333 320 248 33328 248"
	# Beyond IGMP's largest code (0xff: 31 << 10 = 31744 tenths), 3500 s
	# saturates at 3174.4 s; MLD: 3499520 ms (6835 << 9, 0xeab3); 3600 s:
	# 3584 (28 << 7, 0xcc).
	"3600 3500 31744 3584 3499520 3584"
)

# float_check LINE FAM CASE: one general query of the capture against
# the case (IGMP: ts fields version|max_resp|qqic code|qrv; MLD:
# max_resp|qqi|qrv).
float_check()
{
	local line=$1 fam=$2 c f

	read -r -a c <<<"$3"
	IFS='|' read -r -a f <<<"$line"
	ts_clean "$line" "$fam query for ${c[0]}/${c[1]} s"
	if [ "$fam" = IGMP ]; then
		log_info "IGMP query for ${c[0]}/${c[1]} s: version ${f[0]} max_resp ${f[1]} (0.1 s) qqic code ${f[2]} qrv ${f[3]}"
		check_eq "${f[0]}|${f[3]}" "3|2" "IGMP version and QRV for ${c[0]}/${c[1]} s"
		check_eq "${f[1]}" "${c[2]}" "IGMP Max Resp (tenths) for ${c[1]} s"
		check_eq "$(code_value "${f[2]:-0}" 4)" "${c[3]}" \
			"IGMP QQIC (code ${f[2]}) decoded for ${c[0]} s"
	else
		log_info "MLD query for ${c[0]}/${c[1]} s: max_resp ${f[0]} ms qqi ${f[1]} s qrv ${f[2]}"
		check_eq "${f[2]}" 2 "MLD QRV for ${c[0]}/${c[1]} s"
		check_eq "${f[0]}" "${c[4]}" "MLD Maximum Response (ms) for ${c[1]} s"
		check_eq "${f[1]}" "${c[5]}" "MLD QQIC (s) for ${c[0]} s"
	fi
}

query_float_codes()
{
	local cap=$MCS_TMP/float.pcap i c s4 s6 t out line fam n k ms \
		starts=() seen=()

	if ! command -v tshark >/dev/null; then
		skip_test "tshark not found"
		return
	fi
	v6_host_ns sw && br_create sw br0 0 &&
		ipn sw -b - <<-EOF &&
			addr add 10.0.0.254/24 dev br0
			addr add fe80::fe/64 dev br0 nodad
		EOF
		v6_host_ns h1 && host_add sw br0 h1 10.0.0.1/24 &&
		ipn h1 addr add fe80::1/64 dev eth0 nodad &&
		mcs sw bridge enable br0 querier off ||
		{ check_err 1 "setup"; return; }
	cap_start h1 "$cap" || { check_err 1 "tcpdump did not start"; return; }
	# Each change restarts the querier: one general query of each
	# family at once (the next one is a quarter interval away).
	for c in "${FLOAT_CASES[@]}"; do
		read -r -a i <<<"$c"
		s4=$(querier_get sw br0 inet queries_sent)
		s6=$(querier_get sw br0 inet6 queries_sent)
		t=${EPOCHREALTIME/./}
		starts+=("${t:0:13}")
		mcs sw bridge set br0 querier auto query-interval "${i[0]}" \
			query-response-interval "${i[1]}"
		check_err $? "bridge set query-interval ${i[0]} query-response-interval ${i[1]}"
		wait_secs 30 q_sent_gt inet "$s4"
		check_err $? "no IGMP query with ${i[0]}/${i[1]} s"
		wait_secs 30 q_sent_gt inet6 "$s6"
		check_err $? "no MLD query with ${i[0]}/${i[1]} s"
	done
	# The counters move when a query is sent; tcpdump may read it much
	# later on a loaded guest: stop once the file holds them all.
	wait_secs 30 pcap_has "$cap" "dst host 224.0.0.1 or dst host ff02::1" \
		$((2 * ${#FLOAT_CASES[@]}))
	cap_stop
	# time|IGMP version|max_resp|qqic|qrv|MLD max_resp|qqi|qrv|...
	out=$(ts "$cap" "(igmp.type == 0x11 && igmp.maddr == 0.0.0.0) || (icmpv6.type == 130 && icmpv6.mld.multicast_address == ::)" \
		frame.time_epoch igmp.version igmp.max_resp igmp.qqic \
		igmp.qrv icmpv6.mld.maximum_response_code icmpv6.mld.qqi \
		icmpv6.mld.flag.qrv)
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		ms=${line%%|*}
		ms=${ms/./}
		ms=${ms:0:13}
		line=${line#*|}
		# Which case: the last one started before the frame.
		k=-1
		for n in "${!starts[@]}"; do
			[ "$ms" -ge "${starts[n]}" ] && k=$n
		done
		if [ "${line:0:1}" = "|" ]; then
			fam=MLD line=${line#||||}
		else
			fam=IGMP
		fi
		if [ "$k" -lt 0 ]; then
			check_err 1 "a $fam query before the first change: $line"
			continue
		fi
		seen[k]+=" $fam"
		float_check "$line" "$fam" "${FLOAT_CASES[k]}"
	done <<<"$out"
	for k in "${!FLOAT_CASES[@]}"; do
		# shellcheck disable=SC2086 # the words of the list
		check_eq "$(sort_words ${seen[k]:-})" "IGMP MLD" \
			"general queries captured for case '${FLOAT_CASES[k]}'"
	done
}

mcs_require
require_cmd tcpdump
mcs_run_tests "$@"
