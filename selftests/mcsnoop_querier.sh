#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The in-kernel querier against real host stacks and a real foreign
# querier (a plain Linux bridge with mcast_querier 1 in a neighbouring
# namespace):
# - the seed scenario: without a querier a receiver's stream stops after
#   the membership interval; with `querier proxy` or `auto` it keeps
#   flowing because the hosts answer our queries (IGMP and MLD at once);
# - election: the lower address wins both ways, the loser goes silent, the
#   survivor takes over after the other-querier-present interval; a
#   0.0.0.0 query never silences an auto querier; while only 0.0.0.0
#   queries are heard and nobody queries from an address, bridge show
#   says so and a querier-proxy-only event goes out;
# - every query type we send decodes in tshark without malformed or expert
#   items, and the host answers in the version we query;
# - per-VLAN queriers on a VLAN-filtering bridge, tagged where the port is;
# - a general query when a port comes up or joins the bridge;
# - a query from outside the bridge's subnet is counted as bogus.
# Timers are short: query interval 2 s, response 1 s, robustness 2, so the
# membership interval is 6 s (RFC 9776 8.4: 2 x 2 + 2 x 1).

ALL_TESTS=(
	seed_scenario
	election_we_win
	election_they_win
	election_they_win_mld
	election_proxy_never_wins
	query_decode_igmp
	query_decode_mld
	vlan_queriers
	topology_change_query
	topology_query_spares_routers
	settings_restart_startup
	bogus_querier
	bogus_querier_rp_filter
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

G=239.1.2.3
G2=239.1.2.4
G6=ff0e::1:2:3
G6B=ff0e::1:2:4
# Our short timers, stretched on a slow guest (MCS_SLOW, lib.sh) so that
# the checks between two queries still fit; the foreign querier's stay.
S=$MCS_SLOW
TIMERS=(query-interval $((2 * S)) query-response-interval "$S" robustness 2
	membership-timeout auto)
# Membership interval of the short timers: robustness x QI + 2 x QRI.
MI=$((6 * S))

# ------------------------------------------------------------- helpers

# A receiver that joins GROUP on IFACE and writes how many datagrams it
# got into FILE after each one (renamed into place: never half-written).
RECV_PY='
import os, socket, struct, sys
iface, group, out = sys.argv[1:4]
idx = socket.if_nametoindex(iface)
if ":" in group:
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("::", 5001))
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP,
                 socket.inet_pton(socket.AF_INET6, group) + struct.pack("=I", idx))
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((group, 5001))
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
                 socket.inet_aton(group) + b"\0" * 4 + struct.pack("=i", idx))
n = 0
while True:
    s.recv(2048)
    n += 1
    with open(out + ".tmp", "w") as f:
        f.write("%d\n" % n)
    os.rename(out + ".tmp", out)
'

# A sender of 10 datagrams a second to GROUP, counting them into FILE.
STREAM_PY='
import os, socket, struct, sys, time
iface, group, out = sys.argv[1:4]
idx = socket.if_nametoindex(iface)
if ":" in group:
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, idx)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 1)
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF,
                 struct.pack("=4s4si", b"\0" * 4, b"\0" * 4, idx))
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
n = 0
while True:
    try:
        s.sendto(b"mcsnoop-querier-stream", (group, 5001))
        n += 1
        with open(out + ".tmp", "w") as f:
            f.write("%d\n" % n)
        os.rename(out + ".tmp", out)
    except OSError:
        pass
    time.sleep(0.1)
'

# count NAME: the number in $MCS_TMP/NAME (0 before the first datagram).
count()
{
	local v=

	[ -f "$MCS_TMP/$1" ] && v=$(<"$MCS_TMP/$1")
	echo "${v:-0}"
}

count_gt()
{
	[ "$(count "$1")" -gt "$2" ]
}

# stalled FAM: the receiver's count (rxFAM) does not move for 2 s (x S) while
# the sender's (txFAM) does.
stalled()
{
	local c s

	c=$(count "rx$1") s=$(count "tx$1")
	sleep $((2 * S))
	[ "$(count "rx$1")" = "$c" ] && [ "$(count "tx$1")" -gt $((s + 5)) ]
}

# q_get FAM KEY [VID]: KEY of br0's querier row of FAM (inet|inet6).
q_get()
{
	querier_get sw br0 "$1" "$2" "${3:-0}"
}

q_is()
{
	[ "$(q_get "$1" "$2" "${4:-}")" = "$3" ]
}

q_gt()
{
	local v

	v=$(q_get "$1" "$2" "${4:-}") && [ "$v" -gt "$3" ] 2>/dev/null
}

# check_q FAM KEY WANT WHAT [SECS] [VID]: wait for KEY to become WANT.
check_q()
{
	wait_secs "${5:-30}" q_is "$1" "$2" "$3" "${6:-}"
	check_err $? "$4: querier $1 ${6:+vid $6 }$2 is '$(q_get "$1" "$2" "${6:-}")', expected '$3'"
}

# q_stable FAM KEY SECS: KEY does not change for SECS (x S) seconds.
q_stable()
{
	local a

	a=$(q_get "$1" "$2")
	sleep $(($3 * S))
	[ -n "$a" ] && [ "$a" != null ] && [ "$(q_get "$1" "$2")" = "$a" ]
}

# q_grows FAM KEY WHAT [SECS]: KEY increases within SECS (30) seconds.
q_grows()
{
	local a

	a=$(q_get "$1" "$2")
	wait_secs "${4:-30}" q_gt "$1" "$2" "${a:-0}"
	check_err $? "$3: $1 $2 stayed at '$a'"
}

# dual_host SW BR HOST N: a host with 10.0.0.N/24 and fe80::N.
dual_host()
{
	v6_host_ns "$3" && host_add "$1" "$2" "$3" "10.0.0.$4/24" &&
		ipn "$3" addr add "fe80::$4/64" dev eth0 nodad
}

# dual_setup MODE [MORE SETTINGS...]: sw with br0 (10.0.0.254/24 and
# fe80::fe) and dual-stack hosts h1 h2, br0 enabled with querier MODE and
# the short timers; unregistered groups reach no port.
dual_setup()
{
	local mode=$1

	shift
	v6_host_ns sw && br_create sw br0 0 || return 1
	ipn sw -b - <<-EOF || return 1
		addr add 10.0.0.254/24 dev br0
		addr add fe80::fe/64 dev br0 nodad
	EOF
	dual_host sw br0 h1 1 && dual_host sw br0 h2 2 || return 1
	mcs sw bridge enable br0 querier "$mode" "${TIMERS[@]}" \
		flood-unknown off "$@"
}

# ------------------------------------------------------- seed scenario
# h1 receives G and G6 (its own stack joins), h2 streams both, 10/s each.

seed_start()
{
	bg h1 "$PYTHON" -S -c "$RECV_PY" eth0 "$G" "$MCS_TMP/rx4"
	bg h1 "$PYTHON" -S -c "$RECV_PY" eth0 "$G6" "$MCS_TMP/rx6"
	bg h2 "$PYTHON" -S -c "$STREAM_PY" eth0 "$G" "$MCS_TMP/tx4"
	bg h2 "$PYTHON" -S -c "$STREAM_PY" eth0 "$G6" "$MCS_TMP/tx6"
	wait_secs 60 count_gt rx4 0
	check_err $? "the IPv4 stream never reached the receiver"
	wait_secs 60 count_gt rx6 0
	check_err $? "the IPv6 stream never reached the receiver"
}

# The same topology runs through the three modes: off (the streams stop
# after the membership interval), proxy (they come back at the first query
# and keep flowing), auto.
seed_scenario()
{
	local t0 fam c

	dual_setup off || { check_err 1 "setup"; return; }
	t0=$SECONDS
	seed_start
	for fam in 4 6; do
		# Stops once the membership interval passed (the joins are
		# the only reports) and stays stopped.
		wait_secs 60 stalled "$fam"
		check_err $? "querier off: the IPv$fam stream still flows after $((SECONDS - t0)) s"
	done
	for fam in 4 6; do
		c=$(count "rx$fam")
		wait_secs "$MI" count_gt "rx$fam" "$c"
		check_fail $? "querier off: the IPv$fam stream came back"
	done
	check_eq "$(group_ports br0 "$G")" "" "querier off: members of $G"
	check_eq "$(group_ports br0 "$G6")" "" "querier off: members of $G6"
	check_eq "$(q_get inet role)" off "querier off: inet role"
	check_eq "$(q_get inet queries_sent)" 0 "querier off: inet queries_sent"
	check_eq "$(q_get inet6 queries_sent)" 0 "querier off: inet6 queries_sent"
	# proxy: the host answers our first query, the streams come back.
	mcs sw bridge set br0 querier proxy
	for fam in 4 6; do
		c=$(count "rx$fam")
		wait_secs 60 count_gt "rx$fam" "$c"
		check_err $? "querier proxy: the IPv$fam stream did not come back"
	done
	seed_keeps proxy proxy proxy
	mcs sw bridge set br0 querier auto
	seed_keeps auto querier querier
	check_eq "$(q_get inet own_address)" 10.0.0.254 "auto: inet own_address"
	check_eq "$(q_get inet6 own_address)" fe80::fe "auto: inet6 own_address"
	check_eq "$(q_get inet querier)" 10.0.0.254 "auto: inet elected querier"
	check_eq "$(q_get inet6 querier)" fe80::fe "auto: inet6 elected querier"
}

# seed_keeps MODE ROLE4 ROLE6: the streams flow for three membership
# intervals with no gap (hardly a datagram lost).
seed_keeps()
{
	local mode=$1 start fam s0 r0 s6 r6 s1 r1 c ok=1 q4 q6

	check_q inet role "$2" "querier $mode"
	check_q inet6 role "$3" "querier $mode"
	q4=$(q_get inet queries_sent) q6=$(q_get inet6 queries_sent)
	s0=$(count tx4) r0=$(count rx4)
	s6=$(count tx6) r6=$(count rx6)
	start=$SECONDS
	while [ $((SECONDS - start)) -lt $((3 * MI + 2)) ]; do
		for fam in 4 6; do
			c=$(count "rx$fam")
			if ! wait_secs $((6 * S)) count_gt "rx$fam" "$c"; then
				check_err 1 "querier $mode: the IPv$fam stream stopped after $((SECONDS - start)) s"
				ok=0
			fi
		done
		[ "$ok" = 1 ] || break
		sleep 1
	done
	# A membership that expired and came back at the next query would
	# lose a query interval of datagrams: allow 10 % (and some in flight).
	s1=$(count tx4) r1=$(count rx4)
	check_ge $(((r1 - r0) * 10 + 100)) $(((s1 - s0) * 9)) \
		"querier $mode: IPv4 received $((r1 - r0)) of $((s1 - s0)) x10"
	s1=$(count tx6) r1=$(count rx6)
	check_ge $(((r1 - r6) * 10 + 100)) $(((s1 - s6) * 9)) \
		"querier $mode: IPv6 received $((r1 - r6)) of $((s1 - s6)) x10"
	check_ge "$(q_get inet queries_sent)" $((q4 + 3)) "querier $mode: inet queries_sent"
	check_ge "$(q_get inet6 queries_sent)" $((q6 + 3)) "querier $mode: inet6 queries_sent"
}

# ------------------------------------------------------------ election
# fq: a plain Linux bridge brf (snooping, querier, 2 s query interval)
# whose port eth0 is linked to br0's port p-fq.

# foreign_create V4ADDR|- V6ADDR|- BRIDGE_OPTS...: fq with brf, running;
# the link to br0 is made by foreign_link.
foreign_create()
{
	local a4=$1 a6=$2

	shift 2
	if [ "$a6" = - ]; then
		ns_create fq noipv6 || return 1
	else
		v6_host_ns fq || return 1
	fi
	ipn fq link add brf up type bridge mcast_snooping 1 mcast_querier 1 \
		mcast_query_interval 200 mcast_query_response_interval 100 \
		mcast_startup_query_interval 100 mcast_querier_interval 600 \
		mcast_igmp_version 3 \
		mcast_mld_version 2 "$@" || return 1
	if [ "$a4" != - ]; then
		ipn fq addr add "$a4/24" dev brf || return 1
	fi
	if [ "$a6" != - ]; then
		ipn fq addr add "$a6/64" dev brf nodad || return 1
	fi
}

foreign_link()
{
	ipn sw link add p-fq type veth peer name eth0 netns "$(nsname fq)" &&
		ipn fq link set eth0 master brf up &&
		ipn sw link set p-fq master br0 up
}

# foreign_lan4 [ENABLE_ARG...]: br0 at 10.0.0.100 in sw (ours off, the
# short timers and ENABLE_ARGs) with h1, and a Linux bridge querier at
# 10.0.0.50 (below ours) linked to it.
foreign_lan4()
{
	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.100/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		mcs sw bridge enable br0 querier off "${TIMERS[@]}" "$@" &&
		foreign_create 10.0.0.50 - mcast_query_use_ifaddr 1 &&
		foreign_link
}

foreign_mac()
{
	local out

	out=$(ipn fq -o link show dev brf)
	[[ $out =~ link/ether\ ([0-9a-f:]+) ]] && echo "${BASH_REMATCH[1]}"
}

# Our querier-address 10.0.0.10 is lower than the foreign 10.0.0.50: the
# foreign bridge goes silent; when we stop, it takes over.
election_we_win()
{
	foreign_lan4 || { check_err 1 "setup"; return; }
	# The foreign querier is alive and elected while we are off (querier
	# show reports the LAN's querier whatever our own mode).
	q_grows inet queries_heard "foreign querier before ours" 60
	check_q inet querier 10.0.0.50 "foreign querier before ours" 10
	mcs sw bridge set br0 querier auto querier-address 10.0.0.10
	check_eq "$(q_get inet own_address)" 10.0.0.10 "own_address"
	check_q inet role querier "our lower address" 60
	# It goes silent: nothing heard for three of its query intervals.
	wait_secs 60 q_stable inet queries_heard 6
	check_err $? "the foreign querier (higher address) did not go silent"
	check_eq "$(q_get inet role)" querier "role after the foreign one is silent"
	check_eq "$(q_get inet querier)" 10.0.0.10 "elected querier"
	q_grows inet queries_sent "our queries"
	# We stop: it takes over after its other-querier-present interval.
	mcs sw bridge set br0 querier off
	q_grows inet queries_heard "the foreign querier taking over" 60
	check_q inet querier 10.0.0.50 "the foreign querier taking over" 10
}

# they_win FAM OURS THEIRS: the foreign querier has the lower address: we
# are "other" and silent; when it stops we take over after the
# other-querier-present interval (router-timeout 6). Ours starts (auto)
# once the foreign one was heard: a Linux bridge yields to the first
# querier it hears, whatever its address (it holds no election of its
# own), so a query of ours sent first would silence it for good.
they_win()
{
	local fam=$1 ours=$2 theirs=$3 sent t0 el mac

	mac=$(foreign_mac)
	q_grows "$fam" queries_heard "$fam foreign querier before ours" 60
	mcs sw bridge set br0 querier auto
	check_q "$fam" role other "lower foreign querier" 60
	check_eq "$(q_get "$fam" querier)" "$theirs" "$fam elected querier"
	check_eq "$(q_get "$fam" own_address)" "$ours" "$fam own_address"
	check_eq "$(q_get "$fam" port)" p-fq "$fam port of the elected querier"
	check_eq "$(q_get "$fam" mac)" "$mac" "$fam MAC of the elected querier"
	check_match "$(q_get "$fam" other_timer)" '^[0-9.]+$' "$fam other_timer"
	wait_secs 60 q_stable "$fam" queries_sent 5
	check_err $? "$fam: our queries_sent still grows as 'other'"
	q_grows "$fam" queries_heard "$fam queries of the foreign querier"
	sent=$(q_get "$fam" queries_sent)
	# The foreign querier stops.
	ipn fq link set brf type bridge mcast_querier 0
	t0=$SECONDS
	check_eq "$(q_get "$fam" role)" other "$fam role right after it stopped"
	wait_secs 90 q_is "$fam" role querier
	check_err $? "$fam: no takeover: role '$(q_get "$fam" role)'"
	el=$((SECONDS - t0))
	# router-timeout 6, its last query at most 2 s before it stopped.
	check_ge "$el" 3 "$fam takeover time (s)"
	wait_secs 30 q_gt "$fam" queries_sent "$sent"
	check_err $? "$fam: no queries after the takeover"
	check_eq "$(q_get "$fam" querier)" "$ours" "$fam elected querier after takeover"
	log_info "$fam takeover after $el s"
}

election_they_win()
{
	foreign_lan4 router-timeout 6 || { check_err 1 "setup"; return; }
	they_win inet 10.0.0.100 10.0.0.50
}

# The same for MLD: link-local fe80::5 (foreign) below fe80::fe (ours).
election_they_win_mld()
{
	v6_host_ns sw && br_create sw br0 0 &&
		ipn sw addr add fe80::fe/64 dev br0 nodad &&
		v6_host_ns h1 && host_add sw br0 h1 &&
		ipn h1 addr add fe80::1/64 dev eth0 nodad &&
		mcs sw bridge enable br0 querier off "${TIMERS[@]}" \
			router-timeout 6 &&
		foreign_create - fe80::5 &&
		foreign_link || { check_err 1 "setup"; return; }
	they_win inet6 fe80::fe fe80::5
}

# A 0.0.0.0 querier (a Linux bridge without mcast_query_use_ifaddr, then
# crafted proxy queries) never silences our auto querier. While ours is
# off it is the only querier: proxy-only in querier show, a line in bridge
# show and a querier-proxy-only event; once ours queries, no longer.
election_proxy_never_wins()
{
	local p mon=$MCS_TMP/proxy-only.json
	local line='only 0\.0\.0\.0 queries heard on 1 VLAN/protocol: no querier with an address'

	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.100/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		mcs sw bridge enable br0 querier off "${TIMERS[@]}" ||
		{ check_err 1 "setup"; return; }
	"$MCSNOOPCTL" -j -n "$(nsname sw)" monitor >"$mon" 2>&1 &
	BG_PIDS+=("$!")
	foreign_create 10.0.0.50 - mcast_query_use_ifaddr 0 &&
		foreign_link || { check_err 1 "foreign querier"; return; }
	# (A Linux bridge proxy querier yields to any querier it hears:
	# ours starts once its proxy queries are heard.)
	wait_secs 60 q_gt inet proxy_queries_heard 0
	check_err $? "no proxy query of the foreign bridge heard"
	check_eq "$(q_get inet querier)" null "elected querier: 0.0.0.0 takes no part"
	check_eq "$(q_get inet proxy_only)" true "proxy_only with ours off"
	check_match "$(mcs sw bridge show br0)" "$line" "bridge show, ours off"
	check_eq "$(mcsj sw bridge show br0 | jq -r '.[0].querier_proxy_only')" 1 \
		"querier_proxy_only, ours off"
	wait_secs 10 grep -q '"event":"querier_proxy_only"' "$mon"
	grep '"event":"querier_proxy_only"' "$mon" | grep '"port":"p-fq"' |
		grep -q '"family":"inet"'
	check_err $? "no querier_proxy_only event for p-fq: $(cat "$mon")"
	mcs sw bridge set br0 querier auto
	check_q inet role querier "auto after a proxy query"
	check_eq "$(q_get inet proxy_only)" false "proxy_only with ours querying"
	! [[ $(mcs sw bridge show br0) =~ $line ]]
	check_err $? "bridge show still says only 0.0.0.0 queries are heard"
	p=$(q_get inet proxy_queries_heard)
	frames h1 eth0 count=4 gap=0.5 "query4,src=0.0.0.0,ver=3" \
		"query4,src=0.0.0.0,ver=2"
	wait_secs 30 q_gt inet proxy_queries_heard $((p + 7))
	check_err $? "proxy_queries_heard '$(q_get inet proxy_queries_heard)', expected more than $((p + 7))"
	check_eq "$(q_get inet role)" querier "role after proxy queries"
	check_eq "$(q_get inet querier)" 10.0.0.100 "elected querier after proxy queries"
	check_eq "$(q_get inet port)" null "querier port after proxy queries"
	q_grows inet queries_sent "our queries after proxy queries"
	check_eq "$(port_get p-h1 router_ipv4)" none "proxy queries make no router port"
}

# --------------------------------------------------------------- tshark

# tshark_check FILE FILTER WHAT: FILE holds queries; none of those FILTER
# selects is malformed or has an expert item; the type list of the
# queries (one line each: version|group|src|ttl) goes to TS_LINES.
TS_LINES=
tshark_check()
{
	local file=$1 filter=$2 what=$3 bad

	bad=$(tshark -n -r "$file" -o ip.check_checksum:TRUE \
		-Y "($filter) && (_ws.malformed || _ws.expert)" 2>/dev/null)
	check_eq "$?" 0 "$what: tshark failed"
	[ -z "$bad" ]
	check_err $? "$what: malformed or expert items: $bad"
	TS_LINES=$(tshark -n -r "$file" -o ip.check_checksum:TRUE \
		-Y "$filter" -T fields -E separator='|' "${@:4}" 2>/dev/null)
	log_info "$what: $(wc -l <<<"$TS_LINES") queries"
}

# ts_has ERE WHAT: a line of TS_LINES matches ERE.
ts_has()
{
	local line

	grep -qE -- "$1" <<<"$TS_LINES" && return
	check_err 1 "$2: no such query in the capture (/$1/); it holds:"
	while IFS= read -r line; do
		log_info "  $line"
	done <<<"$TS_LINES"
}

# join_leave NS GROUP SECS: join GROUP for SECS seconds, then leave.
join_leave()
{
	mcast "$1" join eth0 "$2" "$3"
}

# query_decode_drive GROUP GROUP2, after fam_words: h1's stack answers
# our NEW-version general queries with NEW reports, and its leave of
# GROUP2 gets group-specific queries; then in the OLD version, the same.
query_decode_drive()
{
	local r

	bg_mcast h1 join eth0 "$1"
	r=$(pstat p-h1 "$NEW_REPORT")
	wait_secs 60 pstat_ge p-h1 "$NEW_REPORT" $((r + 2))
	check_err $? "$NEW_NAME queries: $NEW_REPORT of h1 '$(pstat p-h1 "$NEW_REPORT")', expected $((r + 2))"
	join_leave h1 "$2" 2
	r=$(pstat p-h1 "$NEW_REPORT")
	wait_secs 60 pstat_ge p-h1 "$NEW_REPORT" $((r + 2))
	check_eq "$(pstat p-h1 "$OLD_REPORT")" 0 "$OLD_REPORT under $NEW_NAME queries"
	# The host falls back by itself and answers in OLD.
	mcs sw bridge set br0 "$VERSION_SETTING" "$OLD"
	wait_secs 60 pstat_ge p-h1 "$OLD_REPORT" 2
	check_err $? "$OLD_NAME queries: $OLD_REPORT of h1 '$(pstat p-h1 "$OLD_REPORT")', expected 2"
	# Its fallback lasts robustness x QI + QRI after the last OLD query
	# (5 s here): hold it there, lest a stalled guest let it lapse and
	# the leave below go out in NEW.
	fam_version h1 "$OLD"
	join_leave h1 "$2" 2
	wait_secs 60 pstat_ge p-h1 "$OLD_LEAVE" 1
	check_err $? "no $OLD_NAME leave of h1"
	r=$(pstat p-h1 "$OLD_REPORT")
	wait_secs 60 pstat_ge p-h1 "$OLD_REPORT" $((r + 2))
}

query_decode_igmp()
{
	local cap=$MCS_TMP/igmp.pcap

	if ! command -v tshark >/dev/null; then
		skip_test "tshark not found"
		return
	fi
	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.254/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		mcs sw bridge enable br0 querier auto igmp-version 3 \
			"${TIMERS[@]}" last-member-interval 0.5 \
			last-member-count 2 || { check_err 1 "setup"; return; }
	cap_start h1 "$cap" igmp
	check_err $? "tcpdump did not start"
	fam_words v4
	query_decode_drive "$G" "$G2"
	cap_stop
	tshark_check "$cap" "igmp.type == 0x11" "IGMP queries" \
		-e igmp.version -e igmp.maddr -e ip.src -e ip.ttl -e ip.opt.type
	ts_has '^3\|0\.0\.0\.0\|10\.0\.0\.254\|1\|' "IGMPv3 general query"
	ts_has "^3\|${G2//./\\.}\|10\.0\.0\.254\|1\|" "IGMPv3 group-specific query"
	ts_has '^2\|0\.0\.0\.0\|10\.0\.0\.254\|1\|' "IGMPv2 general query"
	ts_has "^2\|${G2//./\\.}\|10\.0\.0\.254\|1\|" "IGMPv2 group-specific query"
	# Every query: TTL 1 and Router Alert (option type 148).
	[ -n "$TS_LINES" ] && ! grep -vqE '\|1\|(.*,)?148(,|$)' <<<"$TS_LINES"
	check_err $? "queries without TTL 1 and Router Alert: $(grep -vE '\|1\|(.*,)?148(,|$)' <<<"$TS_LINES" | head -3)"
}

query_decode_mld()
{
	local cap=$MCS_TMP/mld.pcap

	if ! command -v tshark >/dev/null; then
		skip_test "tshark not found"
		return
	fi
	v6_host_ns sw && br_create sw br0 0 &&
		ipn sw addr add fe80::fe/64 dev br0 nodad &&
		v6_host_ns h1 && host_add sw br0 h1 &&
		ipn h1 addr add fe80::1/64 dev eth0 nodad &&
		mcs sw bridge enable br0 querier auto mld-version 2 \
			"${TIMERS[@]}" last-member-interval 0.5 \
			last-member-count 2 || { check_err 1 "setup"; return; }
	cap_start h1 "$cap"
	check_err $? "tcpdump did not start"
	fam_words v6
	query_decode_drive "$G6" "$G6B"
	cap_stop
	tshark_check "$cap" "icmpv6.type == 130" "MLD queries" \
		-e icmpv6.mld.qqi -e icmpv6.mld.multicast_address -e ipv6.src \
		-e ipv6.hlim
	ts_has '^[0-9]+\|::\|fe80::fe\|1$' "MLDv2 general query"
	ts_has "^[0-9]+\|${G6B}\|fe80::fe\|1$" "MLDv2 group-specific query"
	ts_has '^\|::\|fe80::fe\|1$' "MLDv1 general query"
	ts_has "^\|${G6B}\|fe80::fe\|1$" "MLDv1 group-specific query"
	[ -n "$TS_LINES" ] && ! grep -vqE '\|fe80::fe\|1$' <<<"$TS_LINES"
	check_err $? "MLD queries not from fe80::fe with hop limit 1"
}

# ----------------------------------------------------------------- VLANs
# br0 filters VLANs: p-h1 untagged in VLAN 10, p-h2 tagged in 10 and 20;
# h2 has eth0.10 and eth0.20. Proxy queries (no addresses anywhere).

vlan_queriers()
{
	local out r10 r20

	ns_create sw noipv6 &&
		ipn sw link add br0 up type bridge mcast_snooping 0 \
			vlan_filtering 1 vlan_default_pvid 0 &&
		host_add sw br0 h1 "" noipv6 && host_add sw br0 h2 "" noipv6 &&
		ipn h2 -b - <<-EOF &&
			link add link eth0 name eth0.10 up type vlan id 10
			link add link eth0 name eth0.20 up type vlan id 20
		EOF
		bridge -n "$(nsname sw)" -b - <<-EOF &&
			vlan add dev p-h1 vid 10 pvid untagged
			vlan add dev p-h2 vid 10
			vlan add dev p-h2 vid 20
		EOF
		mcs sw bridge enable br0 querier proxy "${TIMERS[@]}" ||
		{ check_err 1 "setup"; return; }
	check_q inet role proxy "VLAN 10" 30 10
	check_q inet role proxy "VLAN 20" 30 20
	out=$(mcsj sw querier show br0)
	check_eq "$(jq -r '[.[] | select(.family == "inet") | .vid] | sort | join(",")' <<<"$out")" \
		"10,20" "inet rows"
	check_eq "$(jq -r '[.[] | select(.family == "inet6") | .vid] | sort | join(",")' <<<"$out")" \
		"10,20" "inet6 rows"
	# Tagged queries reach the VLAN devices of h2, untagged ones h1.
	wait_secs 30 rx_ge h2 eth0.10 2
	check_err $? "no tagged frames for VLAN 10 at h2"
	wait_secs 30 rx_ge h2 eth0.20 2
	check_err $? "no tagged frames for VLAN 20 at h2"
	# General queries (to 224.0.0.1), not the MRD solicitations that
	# come with them.
	out=$(in_ns h2 timeout 30 tcpdump -i eth0 -c 1 -e -nn 'vlan 20 and igmp and dst host 224.0.0.1' 2>/dev/null)
	check_match "$out" 'vlan 20.*igmp query' "tagged query on VLAN 20 at h2"
	out=$(in_ns h1 timeout 30 tcpdump -i eth0 -c 1 -e -nn 'igmp and dst host 224.0.0.1' 2>/dev/null)
	check_match "$out" 'ethertype IPv4.*igmp query' "untagged query at h1"
	[[ $out != *"vlan 10"* ]]
	check_err $? "tagged query at the untagged port: $out"
	# Querier off on VLAN 20 only.
	mcs sw vlan set br0 vid 20 querier off
	check_q inet role off "VLAN 20 querier off" 30 20
	check_eq "$(q_get inet role 10)" proxy "VLAN 10 after VLAN 20 off"
	sleep 1
	r20=$(rx_packets h2 eth0.20)
	r10=$(rx_packets h2 eth0.10)
	wait_secs 30 rx_ge h2 eth0.10 $((r10 + 3))
	check_err $? "VLAN 10 queries stopped with VLAN 20's querier"
	check_eq "$(rx_packets h2 eth0.20)" "$r20" "frames on VLAN 20 with its querier off"
}

# ------------------------------------------------------ topology change
# Query interval 300 s after the one startup query: a query that arrives
# now is the topology-change query.

topology_change_query()
{
	local r s

	ns_create sw noipv6 && br_create sw br0 0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		mcs sw bridge enable br0 querier proxy query-interval 300 \
			query-response-interval 1 startup-query-count 1 \
			startup-query-interval 1 || { check_err 1 "setup"; return; }
	wait_secs 30 q_gt inet queries_sent 0
	check_err $? "startup query: queries_sent '$(q_get inet queries_sent)'"
	wait_secs 30 q_stable inet queries_sent 2
	check_err $? "queries after the startup queries"
	# A new port: its host gets a query.
	s=$(q_get inet queries_sent)
	host_add sw br0 h2 10.0.0.2/24 noipv6 || { check_err 1 "h2"; return; }
	wait_secs 10 rx_ge h2 eth0 1
	check_err $? "no query at the new port h2 ($(rx_packets h2 eth0) frames)"
	check_ge "$(q_get inet queries_sent)" $((s + 1)) "queries_sent after a port joined"
	# A port comes up again.
	ipn h1 link set eth0 down
	wait_secs 30 port_state_is sw p-h1 disabled
	s=$(q_get inet queries_sent)
	r=$(rx_packets h1 eth0)
	ipn h1 link set eth0 up
	wait_secs 10 rx_ge h1 eth0 $((r + 1))
	check_err $? "no query at h1 after its link came up"
	check_ge "$(q_get inet queries_sent)" $((s + 1)) "queries_sent after a port came up"
}

# A foreign querier (a Linux bridge's, 10.0.0.50, below our 10.0.0.100) is
# elected; ports come up again and again. The proxy queries of those
# topology changes go to the non-router ports only (RFC 4541 2.1.1 (4)):
# the foreign querier's port gets none, so it does not yield to 0.0.0.0
# (a Linux bridge does), and stays elected.
topology_query_spares_routers()
{
	local i r

	foreign_lan4 || { check_err 1 "setup"; return; }
	q_grows inet queries_heard "foreign querier before ours" 60
	mcs sw bridge set br0 querier auto
	check_q inet role other "lower foreign querier" 60
	check_port p-fq router_ipv4 query "the foreign querier's port"
	for i in 1 2 3; do
		r=$(rx_packets h1 eth0)
		ipn h1 link set eth0 down
		wait_secs 30 port_state_is sw p-h1 disabled
		ipn h1 link set eth0 up
		wait_secs 10 rx_ge h1 eth0 $((r + 1))
		check_err $? "no (proxy) query at h1 after its link came up ($i)"
	done
	# Three of our other querier present intervals (4.5 s).
	sleep $((14 * S))
	check_eq "$(q_get inet role)" other "our role after three topology changes"
	check_eq "$(q_get inet querier)" 10.0.0.50 "the elected querier after three topology changes"
}

# ------------------------------------------------ settings apply at once
# One startup query, then a query interval of 300 s: a query that comes
# after `bridge set` comes from the startup queries the change started.

settings_restart_startup()
{
	local cap=$MCS_TMP/restart.pcap s t

	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.254/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		mcs sw bridge enable br0 querier proxy query-interval 300 \
			query-response-interval 1 startup-query-count 1 \
			startup-query-interval 1 igmp-version 2 ||
		{ check_err 1 "setup"; return; }
	wait_secs 30 q_gt inet queries_sent 0
	check_err $? "startup query: queries_sent '$(q_get inet queries_sent)'"
	wait_secs 30 q_stable inet queries_sent 2
	check_err $? "queries after the startup query"
	# Not a querier setting: no query.
	s=$(q_get inet queries_sent)
	mcs sw bridge set br0 flood-unknown off
	sleep $((2 * S))
	check_eq "$(q_get inet queries_sent)" "$s" "queries after flood-unknown changed"
	# Mode, address, version and startup: two startup queries at once,
	# IGMPv3 from the new address.
	cap_start h1 "$cap" igmp
	check_err $? "tcpdump did not start"
	t=$SECONDS
	mcs sw bridge set br0 querier auto querier-address 10.0.0.253 \
		igmp-version 3 startup-query-count 2 startup-query-interval 1
	wait_secs 30 q_gt inet queries_sent $((s + 1))
	check_err $? "no startup queries after the change: queries_sent '$(q_get inet queries_sent)', was $s"
	log_info "two startup queries $((SECONDS - t)) s after the change"
	cap_stop
	if command -v tshark >/dev/null; then
		tshark_check "$cap" "igmp.type == 0x11" "queries after the change" \
			-e igmp.version -e ip.src
		ts_has '^3\|10\.0\.0\.253$' "IGMPv3 query from the new address"
	fi
}

# ---------------------------------------------------------------- bogus

bogus_querier()
{
	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.254/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		mcs sw bridge enable br0 querier auto "${TIMERS[@]}" ||
		{ check_err 1 "setup"; return; }
	check_q inet role querier "auto with 10.0.0.254"
	# A group-specific query elects nobody (RFC 9776 6.6.2).
	frames h1 eth0 count=2 gap=0.2 "query4,src=10.0.0.1,ver=3,group=$G"
	wait_secs 30 q_gt inet queries_heard 1
	check_err $? "the group-specific queries were not heard"
	check_eq "$(q_get inet role)" querier "role after group-specific queries from 10.0.0.1"
	# On the subnet: not bogus.
	frames h1 eth0 "query4,src=10.0.0.1,ver=3"
	check_q inet querier 10.0.0.1 "a query from 10.0.0.1"
	check_eq "$(q_get inet bogus_queries)" 0 "bogus_queries after an on-link query"
	check_eq "$(q_get inet bogus_address)" null "bogus_address after an on-link query"
	# Off the subnet.
	frames h1 eth0 count=2 gap=0.2 "query4,src=192.168.1.1,ver=3"
	check_q inet bogus_queries 2 "queries from 192.168.1.1"
	check_eq "$(q_get inet bogus_address)" 192.168.1.1 "bogus_address"
	check_match "$(mcs sw querier show br0)" 'bogus 2 last 192\.168\.1\.1' \
		"querier show text"
}

# The seed's failure: a foreign querier (a Linux bridge's own, 9.9.9.9,
# below our 10.0.0.254) off the bridge's subnet, and h1 multi-homed with
# rp_filter (its route to 9.9.9.9 is through eth1), which drops those
# queries. The foreign querier is not elected: ours goes on querying, h1
# answers, its membership lives on. Our own querier-address off the
# subnet is taken with a warning.
bogus_querier_rp_filter()
{
	local mon=$MCS_TMP/bogus.json g=239.1.2.3 out rc

	ns_create sw noipv6 && br_create sw br0 0 &&
		ipn sw addr add 10.0.0.254/24 dev br0 &&
		host_add sw br0 h1 10.0.0.1/24 noipv6 &&
		ipn h1 -b - <<-EOF &&
			link add eth1 up type dummy
			addr add 192.168.7.1/24 dev eth1
			route add default via 192.168.7.254 dev eth1
		EOF
		in_ns h1 sysctl -qw net.ipv4.conf.all.rp_filter=1 \
			net.ipv4.conf.eth0.rp_filter=1 &&
		mcs sw bridge enable br0 querier off "${TIMERS[@]}" ||
		{ check_err 1 "setup"; return; }
	"$MCSNOOPCTL" -j -n "$(nsname sw)" monitor >"$mon" 2>&1 &
	BG_PIDS+=("$!")
	# The foreign querier first (a Linux bridge's querier yields to the
	# first it hears), then ours.
	foreign_create 9.9.9.9 - mcast_query_use_ifaddr 1 && foreign_link ||
		{ check_err 1 "foreign querier"; return; }
	bg_mcast h1 join eth0 "$g"
	wait_secs 30 q_gt inet queries_heard 0
	check_err $? "the foreign querier was never heard"
	mcs sw bridge set br0 querier auto
	wait_secs 30 q_gt inet bogus_queries 0
	check_err $? "the foreign querier's queries were not counted as bogus"
	check_eq "$(q_get inet bogus_address)" 9.9.9.9 "bogus_address"
	# Three membership intervals (adopted from the querier that rules).
	sleep $((15 * S))
	check_eq "$(q_get inet role)" querier "our role after 9.9.9.9's queries"
	check_eq "$(q_get inet querier)" 10.0.0.254 "the elected querier"
	check_ports br0 "$g" "p-h1" "h1's membership after 15 s" "" 0
	# h1 does drop the foreign queries: the seed's condition holds.
	out=$(in_ns h1 nstat -az TcpExtIPReversePathFilter)
	[[ $out =~ IPReversePathFilter\ +([0-9]+) ]] &&
		[ "${BASH_REMATCH[1]}" -gt 0 ]
	check_err $? "h1 dropped no query by its rp_filter: $out"
	grep '"event":"querier_bogus"' "$mon" | grep '"address":"9.9.9.9"' |
		grep -q '"port":"p-fq"'
	check_err $? "no querier_bogus event for 9.9.9.9 on p-fq: $(cat "$mon")"
	out=$(mcs sw bridge set br0 querier-address 9.9.9.8 2>&1)
	rc=$?
	check_eq "$rc" 0 "querier-address off the subnet: status"
	check_match "$out" '^Warning: querier_address: 9\.9\.9\.8 is on no IPv4 subnet of br0' \
		"querier-address off the subnet: warning"
}

mcs_require
require_cmd tcpdump
mcs_run_tests "$@"
