#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Privileges: changes need CAP_NET_ADMIN in the user namespace that owns
# the network namespace (GENL_UNS_ADMIN_PERM), reads are open to everyone.

ALL_TESTS=(
	unprivileged_cannot_change
	unprivileged_can_read
	userns_admin_is_enough
	userns_admin_not_enough_outside
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# sw: br0 (own snooping off: the tool needs no rtnetlink change for it)
# and br1, enabled by root.
setup()
{
	ns_create sw && br_create sw br0 0 && br_create sw br1 1 &&
		mcs sw bridge enable br1 >/dev/null
}

# nobody_in NS CMD...: CMD as uid/gid 65534 without any capability.
nobody_in()
{
	local ns=$1

	shift
	in_ns "$ns" "${NOBODY[@]}" "$@"
}

unprivileged_cannot_change()
{
	local out rc idx

	setup || { check_err 1 "setup"; return; }
	# The tool: exit 1 and the errno's text.
	out=$(nobody_in sw "$MCSNOOPCTL" bridge enable br0 2>&1)
	rc=$?
	check_eq "$rc" 1 "unprivileged tool enable: exit status"
	check_match "$out" "^Error: .*Operation not permitted" "unprivileged tool enable"
	out=$(nobody_in sw "$MCSNOOPCTL" bridge disable br1 2>&1)
	check_eq "$?" 1 "unprivileged tool disable: exit status"
	check_match "$out" "^Error: .*Operation not permitted" "unprivileged tool disable"
	# Raw requests: EPERM.
	idx=$(ifindex_of sw br0)
	out=$(nobody_in sw "$PYTHON" -S "$GENL_PY" enable "ifindex=$idx" saved=0)
	check_eq "$(field "$out" errno)" EPERM "unprivileged raw enable"
	out=$(nobody_in sw "$PYTHON" -S "$GENL_PY" disable ifname=br1)
	check_eq "$(field "$out" errno)" EPERM "unprivileged raw disable"
	# Nothing changed.
	! mcs_enabled sw br0
	check_err $? "br0 enabled by an unprivileged user"
	mcs_enabled sw br1
	check_err $? "br1 disabled by an unprivileged user"
	check_eq "$(br_snooping sw br1)" 0 "br1 own snooping"
}

unprivileged_can_read()
{
	local out

	setup || { check_err 1 "setup"; return; }
	out=$(nobody_in sw "$MCSNOOPCTL" -j -s bridge show)
	check_err $? "unprivileged tool show"
	jq -e 'length == 1 and .[0].ifname == "br1" and (.[0].stats | has("igmp"))' \
		<<<"$out" >/dev/null
	check_err $? "unprivileged tool show output: $out"
	out=$(nobody_in sw "$MCSNOOPCTL" bridge show br1)
	check_err $? "unprivileged tool show br1"
	out=$(nobody_in sw "$PYTHON" -S "$GENL_PY" get ifname=br1)
	check_err $? "unprivileged raw get: $out"
	out=$(nobody_in sw "$PYTHON" -S "$GENL_PY" dump)
	check_err $? "unprivileged raw dump: $out"
	check_match "$out" "^ifindex=[0-9]+ ifname=br1 " "unprivileged dump"
}

# Runs inside "unshare -U -r -n": root of a new user namespace, with a new
# network namespace that this user namespace owns, and no capability at
# all in the initial user namespace.
userns_body()
{
	local tool=$1

	ip link set lo up
	ip link add br0 type bridge mcast_snooping 1 || { echo "ip link add failed"; return 1; }
	ip link set br0 up
	"$tool" bridge enable br0 || { echo "enable failed"; return 1; }
	"$tool" -j bridge show | jq -e '.[0].ifname == "br0"' >/dev/null ||
		{ echo "show failed"; return 1; }
	ip -d -j link show br0 | jq -e '.[0].linkinfo.info_data.mcast_snooping == 0' \
		>/dev/null || { echo "own snooping not switched off"; return 1; }
	"$tool" bridge disable br0 || { echo "disable failed"; return 1; }
	ip -d -j link show br0 | jq -e '.[0].linkinfo.info_data.mcast_snooping == 1' \
		>/dev/null || { echo "own snooping not restored"; return 1; }
	echo "done"
}

userns_admin_is_enough()
{
	local out

	if ! unshare -U -r -n true 2>/dev/null; then
		skip_test "cannot create user namespaces here"
		return
	fi
	# shellcheck disable=SC2016 # expanded by the inner bash
	out=$(unshare -U -r -n bash -c "$(declare -f userns_body)"'; userns_body "$@"' \
		_ "$MCSNOOPCTL" 2>&1)
	check_err $? "enable/disable in a netns of a user namespace: $out"
	check_match "$out" "^done$" "user namespace test did not finish"
}

# Root of a new user namespace that does not own the network namespace:
# no CAP_NET_ADMIN where it counts.
userns_admin_not_enough_outside()
{
	local out

	if ! unshare -U -r true 2>/dev/null; then
		skip_test "cannot create user namespaces here"
		return
	fi
	setup || { check_err 1 "setup"; return; }
	out=$(in_ns sw unshare -U -r "$PYTHON" -S "$GENL_PY" enable ifname=br0 saved=0)
	check_eq "$(field "$out" errno)" EPERM "enable from a foreign user namespace"
	out=$(in_ns sw unshare -U -r "$MCSNOOPCTL" bridge disable br1 2>&1)
	check_eq "$?" 1 "disable from a foreign user namespace: exit status"
	! mcs_enabled sw br0
	check_err $? "br0 enabled from a foreign user namespace"
	mcs_enabled sw br1
	check_err $? "br1 disabled from a foreign user namespace"
	out=$(in_ns sw unshare -U -r "$MCSNOOPCTL" -j bridge show)
	check_err $? "show from a foreign user namespace"
	check_eq "$(jq -r length <<<"$out")" 1 "bridges shown from a foreign user namespace"
}

mcs_require
require_cmd setpriv unshare
mcs_run_tests "$@"
