#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The boot service: `make install-tool` (the part of `make install` that is
# not the module) installs mcsnoop.service, its helper and the example
# /etc/mcsnoop.conf. systemd-analyze verify accepts the unit; its start
# commands, read from the installed unit and run one by one (systemd is
# not PID 1 in the VM), load the module, wait for a bridge the file names
# that comes late, and apply the file; the stop command disables mcsnoop
# on the file's bridges; the wait gives up on a bridge that never comes.
# With DESTDIR an existing /etc/mcsnoop.conf survives install and
# uninstall. Runs in the VM, where the root filesystem is a throwaway
# overlay.
#
# selftest: exclusive (unloads the module, uses the initial namespace: run_tests.sh -j runs it alone)

ALL_TESTS=(
	unit_verify
	unit_applies_conf
	boot_wait_timeout
	staged_install_conf
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

REPO=$(cd "$MCS_DIR/.." && pwd)
UNIT=/lib/systemd/system/mcsnoop.service
CONF=/etc/mcsnoop.conf
CONF_EXAMPLE=$REPO/packaging/mcsnoop.conf
BOOT_BR=mcsboot0
PREFIX=

make_target()
{
	make -s -C "$REPO" "$@" PREFIX="$PREFIX" >"$MCS_TMP/make.log" 2>&1
	local rc=$?

	[ $rc -ne 0 ] && sed 's/^/#   /' "$MCS_TMP/make.log" | tail -n 20
	return $rc
}

unit_verify()
{
	local out

	if ! command -v systemd-analyze >/dev/null; then
		skip_test "no systemd-analyze"
		return
	fi
	# --man=no: the man pages are under $PREFIX, not in man's path.
	out=$(systemd-analyze verify --man=no "$UNIT" 2>&1)
	check_err $? "systemd-analyze verify $UNIT: $out"
	# Warnings make verify print but not fail: none about our unit.
	! grep -q "mcsnoop" <<<"$out"
	check_err $? "systemd-analyze verify says: $out"
}

# The ExecStartPre=, ExecStart= (or ExecStop= with "stop") command lines of
# the installed unit, in order, without their prefixes (-@+!:).
unit_cmds()
{
	local line re="^ExecStart(Pre)?="

	[ "${1:-}" = stop ] && re="^ExecStop="
	while IFS= read -r line; do
		[[ $line =~ $re ]] || continue
		line=${line#*=}
		while [[ $line == [-@+!:]* ]]; do
			line=${line:1}
		done
		echo "$line"
	done <"$UNIT"
}

# run_unit [stop]: run the unit's commands one by one as systemd would,
# stopping at the first that fails; "# cmd: rc N: CMD" lines on stdout.
run_unit()
{
	local -a argv
	local cmd rc

	while IFS= read -r cmd; do
		read -r -a argv <<<"$cmd"
		timeout 120 "${argv[@]}" >"$MCS_TMP/unit.out" 2>&1
		rc=$?
		echo "# cmd: rc $rc: $cmd"
		sed 's/^/#   /' "$MCS_TMP/unit.out"
		[ $rc -eq 0 ] || return $rc
	done < <(unit_cmds "$@")
}

unit_applies_conf()
{
	local saved=$MCS_TMP/conf.saved cond out json i

	cond=$(sed -n 's/^ConditionPathExists=//p' "$UNIT")
	check_eq "$cond" "$CONF" "ConditionPathExists"
	[ -n "$(unit_cmds)" ] && [ -n "$(unit_cmds stop)" ]
	check_err $? "no ExecStart or ExecStop lines in $UNIT"
	cp "$CONF" "$saved"
	cat >"$CONF" <<-EOF
	# written by mcsnoop_install.sh
	bridge enable $BOOT_BR querier off # the bridge comes late
	bridge set $BOOT_BR query-interval 77 robustness 4
	EOF
	mcs_unload
	# The bridge appears a few seconds after the service starts: the
	# start commands wait for it.
	run_unit >"$MCS_TMP/start.log" 2>&1 &
	for ((i = 0; i < 30; i++)); do
		grep -q "rc 0: /sbin/modprobe" "$MCS_TMP/start.log" && break
		sleep 1
	done
	sleep 2
	ip link add "$BOOT_BR" up type bridge mcast_snooping 1
	check_err $? "create $BOOT_BR"
	wait $!
	check_err $? "the unit's start commands failed"
	cat "$MCS_TMP/start.log"
	mcs_loaded
	check_err $? "module not loaded by the unit"
	json=$(timeout "$CMD_TIMEOUT" "$MCSNOOPCTL" -j bridge show "$BOOT_BR")
	check_err $? "show $BOOT_BR after the unit started"
	jq -e '.[0] | .query_interval == 77 and .robustness == 4 and
		.mcast_snooping == false' >/dev/null <<<"$json"
	check_err $? "$CONF not applied: $json"

	out=$(run_unit stop 2>&1)
	check_err $? "the unit's stop command failed: $out"
	[ -z "$(timeout "$CMD_TIMEOUT" "$MCSNOOPCTL" bridge show "$BOOT_BR" 2>/dev/null)" ]
	check_err $? "$BOOT_BR still enabled after the stop command"
	check_eq "$(cat "/sys/class/net/$BOOT_BR/bridge/multicast_snooping")" 1 \
		"the bridge's own snooping after stop"
	ip link del "$BOOT_BR"
	cp "$saved" "$CONF"
}

# A bridge that never comes: the wait gives up after its time, naming it.
boot_wait_timeout()
{
	local conf=$MCS_TMP/late.conf start=$SECONDS out

	printf '# nothing\nbridge enable mcsnone0\n' >"$conf"
	out=$("$PREFIX/lib/mcsnoop/mcsnoop-boot" wait "$conf" 2 2>&1)
	check_eq "$?" 1 "wait for a missing bridge: exit status"
	check_match "$out" "mcsnone0" "wait for a missing bridge: message"
	check_ge "$((SECONDS - start))" 2 "wait for a missing bridge: waited"
}

# With DESTDIR (a package build): an existing /etc/mcsnoop.conf is kept by
# install and uninstall; the example install put there is removed again;
# nothing else is left.
staged_install_conf()
{
	local stage=$MCS_TMP/stage left

	mkdir -p "$stage/etc"
	echo "# mine" >"$stage$CONF"
	make_target install-tool DESTDIR="$stage"
	check_err $? "make install-tool DESTDIR"
	check_eq "$(cat "$stage$CONF")" "# mine" "existing conf after install"
	[ -f "$stage$UNIT" ] && [ -x "$stage$PREFIX/sbin/mcsnoopctl" ]
	check_err $? "unit or tool not staged"
	make_target uninstall-tool DESTDIR="$stage"
	check_err $? "make uninstall-tool DESTDIR"
	check_eq "$(cat "$stage$CONF" 2>&1)" "# mine" "existing conf after uninstall"

	rm "$stage$CONF"
	make_target install-tool DESTDIR="$stage"
	check_err $? "make install-tool DESTDIR (no conf)"
	cmp -s "$CONF_EXAMPLE" "$stage$CONF"
	check_err $? "the example is not installed where there was no conf"
	make_target uninstall-tool DESTDIR="$stage"
	check_err $? "make uninstall-tool DESTDIR (no conf)"
	left=$(find "$stage" -type f)
	check_eq "$left" "" "files left after uninstall"
}

cleanup()
{
	ip link del "$BOOT_BR" 2>/dev/null
	make_target uninstall-tool
	[ -n "$CONF_SAVED" ] && cp "$CONF_SAVED" "$CONF"
	mcs_exit_cleanup
}

mcs_require
require_cmd make
PREFIX=$MCS_TMP/prefix
CONF_SAVED=
if [ -e "$CONF" ]; then
	CONF_SAVED=$MCS_TMP/conf.before
	cp "$CONF" "$CONF_SAVED"
fi
trap cleanup EXIT
make_target install-tool || mcs_skip_all "make install-tool failed"
mcs_run_tests "$@"
