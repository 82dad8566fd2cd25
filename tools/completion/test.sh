#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The bash completion of mcsnoopctl: source it, call _mcsnoopctl for
# command lines, compare the candidates. Needs no VM and no mcsnoop; the
# bridge and port lists are stubbed. Exit 0 when every case passes.

cd "$(dirname "$0")" || exit 1
# shellcheck source=mcsnoopctl
source ./mcsnoopctl || exit 1

_mcsnoopctl_bridges() { echo "br0 br1${1:+ br-$1}"; }
_mcsnoopctl_ports() { echo "p1 p2 veth3${1:+ p-$1}"; }
_mcsnoopctl_profiles() { echo "iptv guest${1:+ prof-$1}"; }

pass=0
fail=0

# check "COMMAND LINE" "EXPECTED CANDIDATES": complete the last word of the
# line (a line ending in a space completes a new, empty word).
check()
{
	local line=$1 want=$2 got

	read -r -a COMP_WORDS <<<"$line"
	[[ $line == *" " ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	_mcsnoopctl mcsnoopctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
	# shellcheck disable=SC2086 # one candidate a word
	want=$(printf '%s\n' $want | sort | tr '\n' ' ')
	if [ "$got" = "$want" ]; then
		pass=$((pass + 1))
		echo "ok $((pass + fail)) '$line'"
	else
		fail=$((fail + 1))
		echo "not ok $((pass + fail)) '$line': got '$got', want '$want'"
	fi
}

echo "TAP version 13"
check "mcsnoopctl " "bridge port vlan group querier stats monitor profile help"
check "mcsnoopctl b" "bridge"
check "mcsnoopctl -" "-j --json -p --pretty -s --stats -n --netns -b --batch -V --version -h --help"
check "mcsnoopctl -j -p " "bridge port vlan group querier stats monitor profile help"
check "mcsnoopctl bridge " "show enable disable set help"
check "mcsnoopctl bridge show " "br0 br1"
check "mcsnoopctl bridge show br0 " ""
check "mcsnoopctl -n red bridge show " "br0 br1 br-red"
check "mcsnoopctl br en " "br0 br1"
check "mcsnoopctl bridge set br0 " "snooping flood-unknown flood-ambiguous max-groups querier querier-address proxy-query query-interval query-response-interval robustness startup-query-interval startup-query-count last-member-interval last-member-count router-timeout membership-timeout igmp-version mld-version host-router"
check "mcsnoopctl bridge set br0 snooping " "on off"
check "mcsnoopctl bridge set br0 querier " "off proxy auto"
check "mcsnoopctl bridge set br0 querier a" "auto"
check "mcsnoopctl bridge set br0 router-timeout " "auto"
check "mcsnoopctl bridge set br0 igmp-version " "2 3"
check "mcsnoopctl bridge set br0 host-router " "auto static off"
check "mcsnoopctl bridge set br0 query-interval " ""
check "mcsnoopctl bridge set br0 snooping on flood-" "flood-unknown flood-ambiguous"
check "mcsnoopctl bridge set br0 snooping on s" "startup-query-interval startup-query-count"
check "mcsnoopctl port " "show set template help"
check "mcsnoopctl port template " "show add del"
check "mcsnoopctl port template add " "br0 br1"
check "mcsnoopctl port template add br0 " ""
check "mcsnoopctl port template add br0 tap* " "fast-leave router flood-unknown flood-reports max-groups max-hosts limit-action profile group"
check "mcsnoopctl port template add br0 tap* profile " "iptv guest none"
check "mcsnoopctl port template add br0 tap* fast-leave " "on off"
check "mcsnoopctl port template add br0 tap* fast-leave on " "router flood-unknown flood-reports max-groups max-hosts limit-action profile group"
check "mcsnoopctl port template del br0 tap* " ""
check "mcsnoopctl port template show " "br0 br1"
check "mcsnoopctl port set " "p1 p2 veth3"
check "mcsnoopctl port set p1 " "fast-leave router flood-unknown flood-reports max-groups max-hosts limit-action profile vid"
check "mcsnoopctl port set p1 vid 10 " "max-groups router"
check "mcsnoopctl port set p1 vid 10 max-groups 5 " "router"
check "mcsnoopctl port set p1 vid 10 router " "auto static off"
check "mcsnoopctl port set p1 router " "auto static off"
check "mcsnoopctl port set p1 fast-leave on " "router flood-unknown flood-reports max-groups max-hosts limit-action profile"
check "mcsnoopctl port set p1 profile " "iptv guest none"
check "mcsnoopctl -n red port set p1 profile " "iptv guest prof-red none"
check "mcsnoopctl port show " "p1 p2 veth3 bridge"
check "mcsnoopctl port show bridge " "br0 br1"
check "mcsnoopctl vlan set br0 " "vid"
check "mcsnoopctl vlan set br0 vid 10 " "snooping max-groups flood-unknown querier querier-address
	proxy-query query-interval query-response-interval robustness
	last-member-interval last-member-count membership-timeout
	startup-query-interval startup-query-count igmp-version mld-version
	inherit profile"
check "mcsnoopctl vlan set br0 vid 10 profile " "iptv guest none"
check "mcsnoopctl vlan set br0 vid 10 inherit p" "proxy-query"
check "mcsnoopctl vlan set br0 vid 10 query-interval 5 r" "robustness"
check "mcsnoopctl vlan set br0 vid 10 inherit ro" "robustness"
check "mcsnoopctl vlan set br0 vid 10 inherit query-interval,rob" \
	"query-interval,robustness"
check "mcsnoopctl vlan set br0 vid 10 inherit a" "all"
check "mcsnoopctl vlan set br0 vid 10 inherit fl" "flood-unknown"
check "mcsnoopctl vlan set br0 vid 10 querier-address " "none"
check "mcsnoopctl group " "show add del flush help"
check "mcsnoopctl group add br0 239.1.1.1 " "port vid source"
check "mcsnoopctl group add br0 239.1.1.1 port " "p1 p2 veth3"
check "mcsnoopctl group show " "br0 br1 vid group"
check "mcsnoopctl group show br0 " "vid group"
check "mcsnoopctl group flush br0 " "port vid"
check "mcsnoopctl profile " "show add del help"
check "mcsnoopctl pro" "profile"
check "mcsnoopctl profile show " "iptv guest"
check "mcsnoopctl profile show iptv " ""
check "mcsnoopctl profile del " "iptv guest"
check "mcsnoopctl profile add " "iptv guest"
check "mcsnoopctl profile add iptv " "permit deny default"
check "mcsnoopctl profile add iptv default " "permit deny"
check "mcsnoopctl profile add iptv default deny " "permit deny"
check "mcsnoopctl profile add iptv permit " ""
check "mcsnoopctl profile add iptv permit 239.1.0.0/16 " "source permit deny default"
check "mcsnoopctl profile add iptv permit 239.1.0.0/16 source " ""
check "mcsnoopctl profile add iptv permit 239.1.0.0/16 source 10.0.0.0/24 " "permit deny default"
check "mcsnoopctl profile add iptv default permit deny ff0e::1 " "source permit deny"
check "mcsnoopctl stats show " "br0 br1 port"
check "mcsnoopctl stats show port " "p1 p2 veth3"
check "mcsnoopctl stats " "show export help"
check "mcsnoopctl stats exp" "export"
check "mcsnoopctl st exp /nonexistent-dir-of-mcs/" ""
check "mcsnoopctl querier show " "br0 br1"
check "mcsnoopctl monitor " "bridge"
check "mcsnoopctl monitor bridge " "br0 br1"
check "mcsnoopctl -j monitor bridge br0 " ""
echo "1..$((pass + fail))"
echo "# Totals: pass:$pass fail:$fail"
[ "$fail" -eq 0 ]
