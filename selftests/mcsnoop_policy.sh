#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Malformed requests through genl.py: missing or contradicting bridge
# names, unknown attributes, wrong lengths and unknown commands are refused
# by strict validation with an extack message and offset, and change
# nothing.

ALL_TESTS=(
	err_missing_attribute
	err_ifname_ifindex_mismatch
	err_unknown_attribute
	err_wrong_attribute_length
	err_unknown_command
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

err_missing_attribute()
{
	setup_error_targets || { check_err 1 "setup"; return; }
	expect_err "enable without a bridge" EINVAL \
		"missing attribute: ifindex or ifname" null -- enable saved=0
	expect_err "disable without a bridge" EINVAL \
		"missing attribute: ifindex or ifname" null -- disable
	expect_err "get without a bridge" EINVAL \
		"missing attribute: ifindex or ifname" null -- get
}

err_ifname_ifindex_mismatch()
{
	local idx out

	setup_error_targets || { check_err 1 "setup"; return; }
	idx=$(ifindex_of sw br0)
	expect_err "enable br0 by ifindex, brs by ifname" EINVAL \
		"ifname: does not name the same device as ifindex" ifname \
		-- enable "ifindex=$idx" ifname=brs saved=0
	# An ifname that names nothing: refused (ENODEV or EINVAL both fit).
	out=$(genl_ns sw enable "ifindex=$idx" ifname=nosuchdev saved=0)
	check_match "$(field "$out" errno) $(field "$out" attr)" "^(ENODEV|EINVAL) ifname\$" \
		"enable br0 by ifindex with an unknown ifname: $out"
	! mcs_enabled sw br0
	check_err $? "br0 enabled by a refused request"
}

# Strict validation: an unknown attribute type is refused, even with an
# otherwise valid request, and nothing happens.
err_unknown_attribute()
{
	local idx

	setup_error_targets || { check_err 1 "setup"; return; }
	idx=$(ifindex_of sw br0)
	expect_err "enable with attribute type 99" EINVAL + type99 \
		-- enable "ifindex=$idx" saved=0 attr=99:u32:1
	expect_err "get with attribute type 0x3fff" EINVAL + - \
		-- get "ifindex=$idx" attr=0x3fff:u8:1
	! mcs_enabled sw br0
	check_err $? "br0 enabled by a request with an unknown attribute"
}

# Strict validation: a u32 or u8 of the wrong size is refused, with the
# extack offset at the attribute.
err_wrong_attribute_length()
{
	local idx

	setup_error_targets || { check_err 1 "setup"; return; }
	idx=$(ifindex_of sw br0)
	expect_err "ifindex as u16" EINVAL + ifindex \
		-- enable "attr=1:u16:$idx" saved=0
	expect_err "ifindex as u64" EINVAL + ifindex \
		-- enable "attr=1:u64:$idx" saved=0
	expect_err "ifindex as u8" EINVAL + ifindex \
		-- get "attr=1:u8:$idx"
	expect_err "saved_mcast_snooping as u32" EINVAL + saved_mcast_snooping \
		-- enable "ifindex=$idx" attr=3:u32:0
	! mcs_enabled sw br0
	check_err $? "br0 enabled by a request with a wrong length"
}

err_unknown_command()
{
	setup_error_targets || { check_err 1 "setup"; return; }
	expect_err "command 99" EOPNOTSUPP - - -- cmd=99 ifname=br0
	expect_err "command 0" EOPNOTSUPP - - -- cmd=0 ifname=br0
}

mcs_require
mcs_run_tests "$@"
