#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Port templates: settings a port gets by its interface name when it joins
# an enabled bridge, for ports that come and go (a Proxmox VM's tap101i0
# and fwpr101p0 are re-created at every VM start). `mcsnoopctl port
# template add|del|show`, kept per bridge in the kernel: a PATTERN is a
# name or a pattern (* any run of characters, ? one), at most 15
# characters; several may match a port and all apply, the least specific
# (fewest characters that are not * or ?) first, on a tie the one added
# first; only the settings a template gives are applied. Bridge br0 (and
# br1) in namespace sw, enabled with querier off; the ports are dummy
# devices (created, then enslaved, as Proxmox plugs a VM's NIC) unless a
# host stack must stand behind one (a veth to namespace vm101).
#
#  - template_port_recreated: 'tap*' fast-leave on max-groups 64; a port
#    tap101i0 (a veth to vm101) gets fast_leave true and max_groups 64,
#    fwpr101p0 the defaults (false, 16384). Set by hand to max-groups 100,
#    deleted and re-created (the VM restarts): tap101i0 has the template's
#    settings again (not the old port's), fwpr101p0 the defaults. The
#    setting works: vm101's stack joins a group and leaves it; the
#    membership ends with reason fast_leave (port show -s -j, removals).
#  - template_defaults_and_precedence: on br0 '*' flood-unknown off
#    max-groups 10, then 'tap*' max-groups 64: a new tap port gets
#    flood_unknown false and max_groups 64, the settings no template gives
#    stay the defaults, a fwpr port gets false and 10; a port of br1 (no
#    templates yet) the defaults. On br1 the same two added the other way
#    round give the same (specificity, not order); '*' applies at once to
#    br1's port. show lists '*' before 'tap*' on both (text, and JSON with
#    only the keys given), show without a bridge lists both bridges. A
#    tie: '*1i0' (as specific as 'tap*', added later) wins on tap121i0
#    (max_groups 32: not the alphabetical order); 'tap?11i0' wins on
#    tap311i0 (5) and does not match tap3111i0 (? is one character); show
#    lists the four in that order.
#  - template_present_ports: tap102i0 (max-groups 100 set by hand) and
#    fwpr102p0 exist when 'tap*' fast-leave on is added: tap102i0 gets
#    fast_leave true at once and keeps max_groups 100, fwpr102p0 is left
#    alone; tap104i0, a device that existed outside the bridge, gets it
#    when it is enslaved. '*' max-groups 50 added then gives both ports
#    50 and undoes neither 'tap*' (tap102i0 keeps fast leave) nor a later
#    port set (tap104i0 keeps fast-leave off). template del: show is
#    empty, the ports keep what they got, a port created afterwards gets
#    the defaults.
#  - template_boot_config: a /etc/mcsnoop.conf with bridge enable and two
#    templates ('tap*' fast-leave on, 'fwpr*' router static flood-reports
#    on), run with mcsnoopctl -b as mcsnoop.service does, succeeds though
#    no VM port exists yet; show lists them (text and JSON); the ports a VM
#    start creates afterwards get their settings. bridge disable and
#    enable: show is empty (text and JSON), a new port and the old ones
#    have the defaults.
#  - template_static_groups: a template for the exact name p-vm1 (a VM's
#    NIC) with two static groups, 239.1.7.2 and (S,G) 232.1.7.3 from
#    10.0.0.3, added while p-vm1 exists: p-vm1 gets both at once (group
#    show: static, the source); show lists them (text, JSON). The VM
#    restarts (p-vm1 deleted and re-created): the memberships are back, and
#    vm3's stream of 239.1.7.2 reaches vm1 and not vm2. template del: the
#    port keeps them. Refused, exit 1, a message naming the problem, no
#    template left: a group that is not multicast, 224.0.0.5 (always
#    flooded), a vid on a bridge that does not filter VLANs, 33 groups
#    (32 fit).
#  - template_errors: exit status 1, nothing on stdout, one line "Error:
#    ..." on stderr naming the problem, and show (text and JSON) and the
#    present port unchanged, for: a pattern that exists on the bridge, del
#    of one that does not, a pattern of 16 characters (15 are fine), an
#    empty pattern, max-groups 0 and 1048577 (the message of port set), a
#    bridge that is not enabled; and for a bridge that does not exist and
#    a malformed value (first line). 64 templates fit on a bridge, the 65th
#    is refused, and fits once one is deleted; br1 has its own 64.

ALL_TESTS=(
	template_port_recreated
	template_defaults_and_precedence
	template_present_ports
	template_boot_config
	template_static_groups
	template_errors
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# A port has its template's settings from its first moment (they are
# given under RTNL when it joins): the polls below only bridge a slow
# guest, and are short so that a module without templates fails quickly.
SET_SECS=$((5 * MCS_SLOW))
# The defaults of a new port (bridge flood-unknown on).
DEFAULTS=(router=auto flood_unknown=true flood_reports=false
	fast_leave=false max_groups=16384)

# ---------------------------------------------------------------- ports

# sw_br BR...: namespace sw (IPv6 off) with bridges BR (own snooping off),
# mcsnoop enabled on the first one (querier off, as mcs enables).
sw_br()
{
	local br

	ns_create sw noipv6 || return 1
	for br in "$@"; do
		br_create sw "$br" 0 || return 1
	done
	mcs sw bridge enable "$1" >/dev/null
}

# ports_add BR DEV...: dummy devices DEV, each created and then enslaved
# to BR (up), in one ip call.
ports_add()
{
	local br=$1 dev cmds=

	shift
	for dev in "$@"; do
		cmds+="link add $dev type dummy"$'\n'
		cmds+="link set $dev master $br up"$'\n'
	done
	ipn sw -b - <<<"$cmds"
}

# vm_port DEV VM ADDR: a veth DEV, created in sw and then enslaved to br0,
# whose peer is eth0 (with ADDR) of namespace VM (created unless it
# exists): a VM's NIC behind its tap port.
vm_port()
{
	local dev=$1 vm=$2 addr=$3

	if [ ! -e "/run/netns/$NS_PREFIX-$vm" ]; then
		ns_create "$vm" noipv6 || return 1
	fi
	ipn sw -b - <<-EOF || return 1
		link add $dev type veth peer name eth0 netns $NS_PREFIX-$vm
		link set $dev master br0 up
	EOF
	ipn "$vm" -b - <<-EOF
		link set eth0 up
		addr add $addr dev eth0
	EOF
}

# port_has DEV KEY=VALUE...: port show -j of DEV has each KEY with VALUE.
port_has()
{
	local dev=$1 out kv

	shift
	out=$(mcsj sw port show "$dev" 2>/dev/null) || return 1
	for kv in "$@"; do
		[ "$(json_value "$out" "${kv%%=*}")" = "${kv#*=}" ] || return 1
	done
}

# check_settings DEV WHAT KEY=VALUE...: DEV has those settings (port show
# -j); the failure names each one that differs.
check_settings()
{
	local dev=$1 what=$2 out kv got wrong=''

	shift 2
	wait_secs "$SET_SECS" port_has "$dev" "$@" && return 0
	out=$(mcsj sw port show "$dev" 2>&1)
	for kv in "$@"; do
		got=$(json_value "$out" "${kv%%=*}")
		[ "$got" = "${kv#*=}" ] ||
			wrong+=" ${kv%%=*} is '$got', expected '${kv#*=}';"
	done
	check_err 1 "$what: port $dev:${wrong:- $out}"
}

# rm_list DEV: DEV's removals (port show -s -j) as "GROUP:REASON" words,
# newest first.
rm_list()
{
	mcsj sw -s port show "$1" 2>/dev/null |
		jq -r '[.[0].removals[] | "\(.group):\(.reason)"] | join(" ")' \
			2>/dev/null
}

# ------------------------------------------------------------ templates

# tmpl ARGS...: mcsnoopctl port template ARGS in sw.
tmpl()
{
	mcs sw port template "$@"
}

# show_text [BR] / show_json [BR]: port template show, its errors included.
show_text()
{
	mcs sw port template show "$@" 2>&1
}

show_json()
{
	mcsj sw port template show "$@" 2>&1
}

# lines LINE...: the lines, as a command's output (no final newline).
lines()
{
	local IFS=$'\n'

	echo "$*"
}

# check_json GOT WANT WHAT: the same JSON value, whatever the order of the
# keys of an object (arrays in order).
check_json()
{
	local got want

	got=$(jq -cS . <<<"$1" 2>/dev/null) || got="unparsable: $1"
	want=$(jq -cS . <<<"$2")
	check_eq "$got" "$want" "$3"
}

# check_show BR WHAT JSON LINE...: show BR says LINEs (text) and JSON.
check_show()
{
	local br=$1 what=$2 json=$3

	shift 3
	check_eq "$(show_text "$br")" "$(lines "$@")" "$what: text of show $br"
	check_json "$(show_json "$br")" "$json" "$what: JSON of show $br"
}

# ---------------------------------------------------------------- tests

template_port_recreated()
{
	local g=239.1.7.1 pid

	sw_br br0 && snoop_timers || { check_err 1 "setup"; return; }
	tmpl add br0 'tap*' fast-leave on max-groups 64
	check_err $? "template add br0 tap*"
	vm_port tap101i0 vm101 10.0.0.1/24 && ports_add br0 fwpr101p0 ||
		{ check_err 1 "the VM's ports"; return; }
	check_settings tap101i0 "a tap port ('tap*')" fast_leave=true \
		max_groups=64 router=auto flood_unknown=true flood_reports=false
	check_settings fwpr101p0 "a fwpr port (no template)" "${DEFAULTS[@]}"

	# The VM stops and starts again: its ports go and come back, a new
	# tap101i0 with the template's settings, not the old port's.
	mcs sw port set tap101i0 max-groups 100
	check_err $? "port set tap101i0 max-groups 100"
	ipn sw -b - <<-EOF || { check_err 1 "link del"; return; }
		link del tap101i0
		link del fwpr101p0
	EOF
	vm_port tap101i0 vm101 10.0.0.1/24 && ports_add br0 fwpr101p0 ||
		{ check_err 1 "the VM's ports again"; return; }
	check_settings tap101i0 "tap101i0 re-created" fast_leave=true \
		max_groups=64
	check_settings fwpr101p0 "fwpr101p0 re-created" "${DEFAULTS[@]}"

	# From outside: the VM's stack joins and leaves (IGMPv3 TO_IN({}) as
	# the socket closes); fast leave ends the membership.
	bg_mcast vm101 join eth0 "$g"
	pid=${BG_PIDS[-1]}
	check_ports br0 "$g" tap101i0 "join of $g behind tap101i0"
	kill "$pid"
	check_ports br0 "$g" "" "leave of $g behind tap101i0" "" 20
	check_eq "$(rm_list tap101i0)" "$g:fast_leave" \
		"why the membership of tap101i0 ended (port show -s -j)"
}

template_defaults_and_precedence()
{
	local all

	sw_br br0 br1 && mcs sw bridge enable br1 >/dev/null ||
		{ check_err 1 "setup"; return; }
	tmpl add br0 '*' flood-unknown off max-groups 10 &&
		tmpl add br0 'tap*' max-groups 64
	check_err $? "templates of br0 ('*', then 'tap*')"
	ports_add br0 tap101i0 fwpr101p0 && ports_add br1 fwpr201p0 ||
		{ check_err 1 "ports"; return; }
	check_settings tap101i0 "a tap port of br0 ('*', then 'tap*')" \
		flood_unknown=false max_groups=64 router=auto \
		flood_reports=false fast_leave=false
	check_settings fwpr101p0 "a fwpr port of br0 ('*')" \
		flood_unknown=false max_groups=10 router=auto \
		flood_reports=false fast_leave=false
	# br0's templates are br0's: br1 has none yet.
	check_settings fwpr201p0 "a port of br1 (no templates)" "${DEFAULTS[@]}"

	# The other order on br1: the more specific still wins.
	tmpl add br1 'tap*' max-groups 64 &&
		tmpl add br1 '*' flood-unknown off max-groups 10
	check_err $? "templates of br1 ('tap*', then '*')"
	check_settings fwpr201p0 "br1's port once '*' was added" \
		flood_unknown=false max_groups=10
	ports_add br1 tap201i0 fwpr202p0 || { check_err 1 "ports of br1"; return; }
	check_settings tap201i0 "a tap port of br1 ('tap*' added first)" \
		flood_unknown=false max_groups=64 fast_leave=false
	check_settings fwpr202p0 "a fwpr port of br1" flood_unknown=false \
		max_groups=10

	# Least specific first, whatever the order of the adds.
	check_show br0 "br0" \
		'[{"bridge":"br0","template":"*","flood_unknown":false,"max_groups":10},
		  {"bridge":"br0","template":"tap*","max_groups":64}]' \
		"br0 template * flood-unknown off max-groups 10" \
		"br0 template tap* max-groups 64"
	check_show br1 "br1 (added the other way round)" \
		'[{"bridge":"br1","template":"*","flood_unknown":false,"max_groups":10},
		  {"bridge":"br1","template":"tap*","max_groups":64}]' \
		"br1 template * flood-unknown off max-groups 10" \
		"br1 template tap* max-groups 64"
	all=$(show_text)
	check_eq "$(grep '^br1 ' <<<"$all")" \
		"$(lines "br1 template * flood-unknown off max-groups 10" \
			"br1 template tap* max-groups 64")" \
		"br1 in show without a bridge ($all)"
	check_eq "$(grep -c . <<<"$all")" 4 "lines of show without a bridge ($all)"
	all=$(show_json)
	jq -e 'length == 4 and
		[.[] | select(.bridge == "br0") | .template] == ["*", "tap*"] and
		[.[] | select(.bridge == "br1") | .template] == ["*", "tap*"]' \
		>/dev/null 2>&1 <<<"$all"
	check_err $? "JSON of show without a bridge: $all"

	# A tie ('*1i0' is as specific as 'tap*'): the one added later
	# applies later. '?' is one character.
	tmpl add br0 '*1i0' max-groups 32 &&
		tmpl add br0 'tap?11i0' max-groups 5
	check_err $? "templates '*1i0' and 'tap?11i0' of br0"
	ports_add br0 tap121i0 tap311i0 tap3111i0 ||
		{ check_err 1 "more ports"; return; }
	check_settings tap121i0 "'*', 'tap*', then '*1i0' (added after 'tap*')" \
		flood_unknown=false max_groups=32
	check_settings tap311i0 "'tap?11i0', the most specific" \
		flood_unknown=false max_groups=5
	check_settings tap3111i0 "'tap?11i0' does not match (? is one character)" \
		flood_unknown=false max_groups=32
	check_settings fwpr101p0 "a fwpr port of br0 after more templates" \
		flood_unknown=false max_groups=10
	check_show br0 "br0, four templates" \
		'[{"bridge":"br0","template":"*","flood_unknown":false,"max_groups":10},
		  {"bridge":"br0","template":"tap*","max_groups":64},
		  {"bridge":"br0","template":"*1i0","max_groups":32},
		  {"bridge":"br0","template":"tap?11i0","max_groups":5}]' \
		"br0 template * flood-unknown off max-groups 10" \
		"br0 template tap* max-groups 64" \
		"br0 template *1i0 max-groups 32" \
		"br0 template tap?11i0 max-groups 5"
}

template_present_ports()
{
	sw_br br0 && ports_add br0 tap102i0 fwpr102p0 &&
		ipn sw link add tap104i0 type dummy ||
		{ check_err 1 "setup"; return; }
	mcs sw port set tap102i0 max-groups 100
	check_err $? "port set tap102i0 max-groups 100"
	check_settings tap102i0 "before the template" fast_leave=false \
		max_groups=100

	tmpl add br0 'tap*' fast-leave on
	check_err $? "template add br0 tap*"
	check_settings tap102i0 "a present port, once 'tap*' was added" \
		fast_leave=true max_groups=100
	check_settings fwpr102p0 "a present port 'tap*' does not match" \
		"${DEFAULTS[@]}"
	ipn sw link set tap104i0 master br0 up
	check_err $? "enslave tap104i0"
	check_settings tap104i0 "a device enslaved after the template" \
		fast_leave=true max_groups=16384

	# A less specific template added later gives what it sets and
	# undoes neither the more specific one nor what was set by hand.
	mcs sw port set tap104i0 fast-leave off
	tmpl add br0 '*' max-groups 50
	check_err $? "template add br0 *"
	check_settings tap104i0 "'*' added after a port set" \
		fast_leave=false max_groups=50
	check_settings tap102i0 "'*' added after 'tap*'" fast_leave=true \
		max_groups=50
	tmpl del br0 '*'

	# Deleted: the ports keep what they got, new ones get the defaults.
	tmpl del br0 'tap*'
	check_err $? "template del br0 tap*"
	check_show br0 "after template del" '[]'
	check_settings tap102i0 "after template del" fast_leave=true \
		max_groups=50
	check_settings tap104i0 "after template del" fast_leave=false
	ports_add br0 tap106i0 || { check_err 1 "tap106i0"; return; }
	check_settings tap106i0 "a port created after template del" \
		"${DEFAULTS[@]}"
}

template_boot_config()
{
	local conf=$MCS_TMP/mcsnoop.conf err

	ns_create sw noipv6 && br_create sw br0 0 && ports_add br0 eno1 ||
		{ check_err 1 "setup"; return; }
	# The node's /etc/mcsnoop.conf: its VMs start after the service.
	cat >"$conf" <<-'EOF'
	# /etc/mcsnoop.conf of a Proxmox VE node
	bridge enable br0
	port set eno1 router static
	# the VMs' ports, whenever they come
	port template add br0 tap* fast-leave on
	port template add br0 'fwpr*' router static flood-reports on
	EOF
	"$MCSNOOPCTL" -n "$NS_PREFIX-sw" -b "$conf" >/dev/null 2>"$MCS_TMP/err"
	check_err $? "mcsnoopctl -b $conf: $(<"$MCS_TMP/err")"
	err=$(<"$MCS_TMP/err")
	check_eq "$err" "" "stderr of mcsnoopctl -b"
	check_show br0 "after the boot configuration" \
		'[{"bridge":"br0","template":"tap*","fast_leave":true},
		  {"bridge":"br0","template":"fwpr*","router":"static","flood_reports":true}]' \
		"br0 template tap* fast-leave on" \
		"br0 template fwpr* router static flood-reports on"

	# A VM starts.
	ports_add br0 tap103i0 fwpr103p0 || { check_err 1 "VM ports"; return; }
	check_settings tap103i0 "a tap port after boot" fast_leave=true \
		router=auto flood_reports=false max_groups=16384
	check_settings fwpr103p0 "a fwpr port after boot" router=static \
		flood_reports=true fast_leave=false max_groups=16384

	# The templates go with the bridge's mcsnoop.
	mcs sw bridge disable br0 >/dev/null && mcs sw bridge enable br0 >/dev/null
	check_err $? "bridge disable br0, enable br0"
	check_show br0 "after disable and enable" '[]'
	ports_add br0 tap104i0 || { check_err 1 "tap104i0"; return; }
	check_settings tap104i0 "a tap port after disable and enable" \
		"${DEFAULTS[@]}"
	check_settings tap103i0 "an old tap port after disable and enable" \
		"${DEFAULTS[@]}"
	check_settings fwpr103p0 "an old fwpr port after disable and enable" \
		"${DEFAULTS[@]}"
}

# SAVED_TEXT, SAVED_JSON: show br0 before a refused command.
SAVED_TEXT=
SAVED_JSON=

template_static_groups()
{
	local g=239.1.7.2 s=232.1.7.3 i many=() out

	sw_br br0 &&
		vm_port p-vm1 vm1 10.0.0.1/24 && vm_port p-vm2 vm2 10.0.0.2/24 &&
		vm_port p-vm3 vm3 10.0.0.3/24 || { check_err 1 "setup"; return; }
	tmpl add br0 p-vm1 group "$g" group "$s" source 10.0.0.3
	check_err $? "template add br0 p-vm1 with two groups"
	check_ports br0 "$g" p-vm1 "$g on p-vm1, present when the template came"
	check_ports br0 "$s" p-vm1 "$s on p-vm1"
	out=$(mcs sw group show br0 group "$s")
	check_match "$out" "port p-vm1 include static timer 0" \
		"the (S,G) membership of p-vm1"
	check_match "$out" "source 10\\.0\\.0\\.3 timer 0 static" \
		"the source of the (S,G) membership of p-vm1"
	check_show br0 "two groups" \
		'[{"bridge":"br0","template":"p-vm1","static_groups":[{"group":"239.1.7.2","vid":0,"source":null},{"group":"232.1.7.3","vid":0,"source":"10.0.0.3"}]}]' \
		"br0 template p-vm1 group 239.1.7.2 group 232.1.7.3 source 10.0.0.3"

	# The VM restarts: its NIC goes, and comes back with its groups.
	ipn sw link del p-vm1 || { check_err 1 "link del p-vm1"; return; }
	check_ports br0 "$g" "" "$g after p-vm1 went"
	vm_port p-vm1 vm1 10.0.0.1/24 || { check_err 1 "p-vm1 again"; return; }
	check_ports br0 "$g" p-vm1 "$g on the re-created p-vm1"
	check_ports br0 "$s" p-vm1 "$s on the re-created p-vm1"
	deliver_check vm3 "$g" "vm1" "vm2" "the template's group"

	tmpl del br0 p-vm1
	check_err $? "template del br0 p-vm1"
	check_ports br0 "$g" p-vm1 "$g after template del"

	out=$(tmpl add br0 'x*' group 10.0.0.1 2>&1)
	check_fail $? "a template of unicast group 10.0.0.1"
	check_match "$out" "^Error: .*not a multicast address" "its message"
	out=$(tmpl add br0 'x*' group 224.0.0.5 2>&1)
	check_fail $? "a template of group 224.0.0.5"
	check_match "$out" "^Error: .*always flooded" "its message"
	out=$(tmpl add br0 'x*' group 239.1.1.1 vid 10 2>&1)
	check_fail $? "a template group with a vid on a bridge without VLANs"
	check_match "$out" "^Error: .*does not filter VLANs" "its message"
	for ((i = 1; i <= 33; i++)); do
		many+=(group "239.2.0.$i")
	done
	out=$(tmpl add br0 'x*' "${many[@]}" 2>&1)
	check_fail $? "a template of 33 groups"
	check_match "$out" "^Error: .*more than 32" "its message"
	check_eq "$(show_text br0)" "" "templates after the refusals"
	tmpl add br0 'x*' "${many[@]:2}"
	check_err $? "a template of 32 groups"
}

save_show()
{
	SAVED_TEXT=$(show_text br0)
	SAVED_JSON=$(show_json br0)
}

# refused WHAT LINES ERE... -- ARGS...: mcsnoopctl ARGS in sw exits 1
# with nothing on stdout, and the first line of stderr (REFUSED_ERR) is
# "Error: ..." with a match of every ERE (any case); LINES "one": stderr
# is that line alone, "first": a usage may follow. Then show br0 is as
# saved and tap100i0 kept its settings.
REFUSED_ERR=
refused()
{
	local what=$1 nlines=$2 out rc err first re

	shift 2
	local res=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		res+=("$1")
		shift
	done
	shift
	out=$(mcs sw "$@" 2>"$MCS_TMP/stderr")
	rc=$?
	err=$(<"$MCS_TMP/stderr")
	first=${err%%$'\n'*}
	REFUSED_ERR=$first
	check_eq "$rc" 1 "$what: exit status"
	check_eq "$out" "" "$what: stdout"
	if [ "$nlines" = one ]; then
		[[ -n $err && $err != *$'\n'* ]]
		check_err $? "$what: stderr is not one line: $err"
	fi
	check_match "$first" "^Error: " "$what: stderr"
	for re in ${res[@]+"${res[@]}"}; do
		grep -qiE -- "$re" <<<"$first"
		check_err $? "$what: '$first' does not match /$re/ (any case)"
	done
	check_eq "$(show_text br0)" "$SAVED_TEXT" "$what: text of show br0"
	check_eq "$(show_json br0)" "$SAVED_JSON" "$what: JSON of show br0"
	check_settings tap100i0 "$what" fast_leave=true max_groups=16384
}

template_errors()
{
	local i batch='' range out

	sw_br br0 br1 && ports_add br0 tap100i0 ||
		{ check_err 1 "setup"; return; }
	tmpl add br0 'tap*' fast-leave on
	check_err $? "template add br0 tap*"
	check_settings tap100i0 "after template add" fast_leave=true
	save_show
	check_eq "$SAVED_TEXT" "br0 template tap* fast-leave on" "show br0"

	refused "add an existing pattern" one template 'tap\*' exists -- \
		port template add br0 'tap*' max-groups 5
	refused "del a missing pattern" one template 'fwpr\*' 'no|not' -- \
		port template del br0 'fwpr*'
	refused "a pattern of 16 characters" one 'template|pattern' '15|long' -- \
		port template add br0 'tap0123456789ab*' max-groups 5
	tmpl add br0 'tap0123456789a*' max-groups 5 &&
		tmpl del br0 'tap0123456789a*'
	check_err $? "add and del a pattern of 15 characters"
	refused "an empty pattern" one 'template|pattern' 'empty|missing' -- \
		port template add br0 '' max-groups 5

	# max-groups: the kernel's message of port set.
	range=$(mcs sw port set tap100i0 max-groups 0 2>&1)
	check_match "$range" "^Error: max_groups: out of range" \
		"port set max-groups 0"
	for i in 0 1048577; do
		refused "max-groups $i" one max_groups 'out of range' -- \
			port template add br0 'fwpr*' max-groups "$i"
		check_eq "$REFUSED_ERR" "$range" "max-groups $i: the message of port set"
	done

	refused "a bridge that is not enabled" one 'not enabled' -- \
		port template add br1 'tap*' fast-leave on
	refused "a bridge that does not exist" first \
		'nosuchbr0|no such|cannot find|not found' -- \
		port template add nosuchbr0 'tap*' fast-leave on
	refused "a malformed value" first fast-leave -- \
		port template add br0 'fwpr*' fast-leave maybe

	# 64 templates on a bridge, not 65.
	for i in $(seq 1 63); do
		batch+="port template add br0 x$i max-groups $i"$'\n'
	done
	out=$(mcs sw -b - <<<"$batch" 2>&1)
	check_err $? "63 more templates on br0: $out"
	save_show
	check_eq "$(grep -c ' template ' <<<"$SAVED_TEXT")" 64 \
		"templates of br0 after 64 adds"
	refused "a 65th template" one template '64|many|limit|full' -- \
		port template add br0 'fwpr*' fast-leave on
	mcs sw bridge enable br1 >/dev/null && tmpl add br1 'fwpr*' fast-leave on
	check_err $? "a template of br1 while br0 has 64"
	tmpl del br0 x63 && tmpl add br0 'fwpr*' fast-leave on
	check_err $? "a 64th template once one was deleted"
	check_eq "$(show_text br0 | grep -c ' template ')" 64 \
		"templates of br0 at the end"
}

mcs_require
mcs_run_tests "$@"
