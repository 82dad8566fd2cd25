#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Refused requests: raw requests through genl.py (which bypasses the tool)
# get the documented errno, extack message and offending attribute.
# (mcsnoop_tool_errors.sh: the same through the tool.)

ALL_TESTS=(
	err_no_such_device
	err_not_a_bridge
	err_already_enabled
	err_bridge_snooping_on
	err_not_enabled
	ok_ifindex_and_ifname
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

SNOOPING_ON_MSG="the bridge's own multicast snooping is on; switch it off first (mcast_snooping 0)"

err_no_such_device()
{
	setup_error_targets || { check_err 1 "setup"; return; }
	expect_err "enable unknown ifindex" ENODEV "ifindex: no such device" ifindex \
		-- enable ifindex=99999 saved=0
	expect_err "enable unknown ifname" ENODEV "ifname: no such device" ifname \
		-- enable ifname=nosuchdev saved=0
	expect_err "disable unknown ifindex" ENODEV "ifindex: no such device" ifindex \
		-- disable ifindex=99999
	expect_err "get unknown ifname" ENODEV "ifname: no such device" ifname \
		-- get ifname=nosuchdev
}

err_not_a_bridge()
{
	local dev idx

	setup_error_targets || { check_err 1 "setup"; return; }
	for dev in dummy0 lo; do
		idx=$(ifindex_of sw "$dev")
		expect_err "enable $dev by ifindex" EOPNOTSUPP "ifindex: not a bridge" \
			ifindex -- enable "ifindex=$idx" saved=0
	done
	expect_err "enable veth0 by ifname" EOPNOTSUPP "ifname: not a bridge" \
		ifname -- enable ifname=veth0 saved=0
	idx=$(ifindex_of sw veth1)
	expect_err "disable veth1" EOPNOTSUPP "ifindex: not a bridge" ifindex \
		-- disable "ifindex=$idx"
	expect_err "get dummy0" EOPNOTSUPP "ifname: not a bridge" ifname \
		-- get ifname=dummy0
}

err_already_enabled()
{
	local idx

	setup_error_targets || { check_err 1 "setup"; return; }
	idx=$(ifindex_of sw br0)
	expect_ok "first enable" -- enable "ifindex=$idx" saved=1
	expect_err "second enable" EEXIST \
		"ifindex: mcsnoop is already enabled on this bridge" ifindex \
		-- enable "ifindex=$idx" saved=0
	expect_err "second enable by ifname" EEXIST \
		"ifname: mcsnoop is already enabled on this bridge" ifname \
		-- enable ifname=br0 saved=0
	# The refused request changed nothing: the first saved value stays.
	check_match "$(genl_ns sw get ifname=br0)" " saved_mcast_snooping=1 " \
		"saved_mcast_snooping after refused enables"
}

err_bridge_snooping_on()
{
	local idx

	setup_error_targets || { check_err 1 "setup"; return; }
	idx=$(ifindex_of sw brs)
	expect_err "enable with own snooping on" EBUSY "ifindex: $SNOOPING_ON_MSG" \
		ifindex -- enable "ifindex=$idx" saved=1
	expect_err "enable by ifname with own snooping on" EBUSY \
		"ifname: $SNOOPING_ON_MSG" ifname -- enable ifname=brs saved=1
	! mcs_enabled sw brs
	check_err $? "brs enabled although refused"
}

err_not_enabled()
{
	local idx

	setup_error_targets || { check_err 1 "setup"; return; }
	idx=$(ifindex_of sw br0)
	expect_err "disable" ENOENT "ifindex: mcsnoop is not enabled on this bridge" \
		ifindex -- disable "ifindex=$idx"
	expect_err "get" ENOENT "ifindex: mcsnoop is not enabled on this bridge" \
		ifindex -- get "ifindex=$idx"
	expect_err "get by ifname" ENOENT "ifname: mcsnoop is not enabled on this bridge" \
		ifname -- get ifname=br0
	# Enabled then disabled: not enabled again.
	expect_ok "enable" -- enable "ifindex=$idx" saved=0
	expect_ok "disable" -- disable "ifindex=$idx"
	expect_err "second disable" ENOENT \
		"ifindex: mcsnoop is not enabled on this bridge" ifindex \
		-- disable "ifindex=$idx"
}

# Both names given and consistent: accepted, and GET/DISABLE reply with the
# bridge as it is.
ok_ifindex_and_ifname()
{
	local idx out

	setup_error_targets || { check_err 1 "setup"; return; }
	idx=$(ifindex_of sw br0)
	expect_ok "enable by ifindex and ifname" -- enable "ifindex=$idx" ifname=br0 saved=1
	out=$(genl_ns sw get ifname=br0)
	check_err $? "get br0"
	check_match "$out" "^ifindex=$idx ifname=br0 saved_mcast_snooping=1 mcast_snooping=0 .*stats.igmp=[0-9]+ stats.mld=[0-9]+ stats.mcast_data=[0-9]+ stats.fwd_copies=[0-9]+ stats.host_copies=[0-9]+( |\$)" \
		"get br0 reply"
	out=$(genl_ns sw dump)
	check_err $? "dump"
	check_eq "$(wc -l <<<"$out")" 1 "replies of a dump with one bridge"
	out=$(genl_ns sw disable "ifindex=$idx")
	check_err $? "disable br0"
	check_match "$out" " saved_mcast_snooping=1 " "disable reply carries the saved value"
}

mcs_require
mcs_run_tests "$@"
