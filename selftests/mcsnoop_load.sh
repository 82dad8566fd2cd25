#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Loading and unloading: the generic netlink family "mcsnoop" exists exactly
# while the module is loaded, and the first use of the family loads it.
#
# selftest: exclusive (loads and unloads the module: run_tests.sh -j runs it alone)

ALL_TESTS=(
	load_unload_repeated
	load_with_namespaces
	autoload_by_tool
	autoload_by_family_lookup
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# family_listed: is "mcsnoop" among the registered families? A dump of the
# controller never autoloads anything (a lookup by name would).
family_listed()
{
	"$PYTHON" -S "$GENL_PY" families | grep -qx mcsnoop
}

# family_gone: module, family and genl ctrl listing all agree it is gone.
check_gone()
{
	! mcs_loaded
	check_err $? "/sys/module/mcsnoop still exists after rmmod"
	! family_listed
	check_err $? "family mcsnoop still registered after rmmod"
	if command -v genl >/dev/null; then
		! genl ctrl list | grep -qw 'Name: mcsnoop'
		check_err $? "genl ctrl list still shows mcsnoop"
	fi
}

check_present()
{
	mcs_loaded
	check_err $? "/sys/module/mcsnoop missing after modprobe"
	family_listed
	check_err $? "family mcsnoop not registered after modprobe"
	if command -v genl >/dev/null; then
		genl ctrl get name mcsnoop >/dev/null
		check_err $? "genl ctrl get name mcsnoop failed"
	fi
}

load_unload_repeated()
{
	local i

	for i in 1 2 3; do
		mcs_unload
		check_err $? "rmmod mcsnoop failed (round $i)"
		check_gone
		mcs_load
		check_err $? "modprobe mcsnoop failed (round $i)"
		check_present
		[ "$RET" -ne 0 ] && return
	done
	# The family answers: version 1.
	local ver
	ver=$("$PYTHON" -S "$GENL_PY" -j family | jq -r .version)
	check_eq "$ver" 1 "family version"
}

# Namespaces that exist before the module loads get their per-namespace
# state at load time and lose it at unload.
load_with_namespaces()
{
	local i

	mcs_unload
	check_err $? "rmmod mcsnoop failed"
	for i in 1 2 3; do
		ns_create "n$i"
		br_create "n$i" br0 0
	done
	mcs_load
	check_err $? "modprobe mcsnoop failed"
	for i in 1 2 3; do
		mcs "n$i" bridge enable br0 >/dev/null
		check_err $? "enable br0 in a namespace older than the module"
	done
	mcs_unload
	check_err $? "rmmod with three enabled bridges in three namespaces"
	check_gone
	mcs_load
	check_err $? "modprobe mcsnoop failed"
	for i in 1 2 3; do
		check_eq "$(mcs_count "n$i")" 0 "bridges enabled in n$i after reload"
	done
}

autoload_by_tool()
{
	local out

	if ! modprobe -n mcsnoop 2>/dev/null; then
		skip_test "mcsnoop is not installed for modprobe"
		return
	fi
	mcs_unload
	check_err $? "rmmod mcsnoop failed"
	check_gone
	out=$("$MCSNOOPCTL" bridge show)
	check_err $? "mcsnoopctl bridge show with the module unloaded"
	check_eq "$out" "" "show output with nothing enabled"
	mcs_loaded
	check_err $? "mcsnoopctl bridge show did not autoload the module"
	family_listed
	check_err $? "family mcsnoop not registered after autoload"
}

# CTRL_CMD_GETFAMILY by name autoloads (MODULE_ALIAS_GENL_FAMILY).
autoload_by_family_lookup()
{
	if ! modprobe -n mcsnoop 2>/dev/null; then
		skip_test "mcsnoop is not installed for modprobe"
		return
	fi
	mcs_unload
	check_err $? "rmmod mcsnoop failed"
	"$PYTHON" -S "$GENL_PY" family >/dev/null
	check_err $? "family lookup by name failed with the module unloaded"
	mcs_loaded
	check_err $? "family lookup did not autoload the module"
}

mcs_require
mcs_run_tests "$@"
