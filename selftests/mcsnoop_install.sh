#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Installation: `make install` puts the module under
# /lib/modules/$(uname -r)/updates and runs depmod, so that a plain
# `modprobe mcsnoop` (and the genl autoload) finds it, and installs the
# tool, the boot service (mcsnoop.service and its helper), the example
# /etc/mcsnoop.conf unless there is one, the man pages and the bash
# completion; `make uninstall` takes it all away again but an edited
# /etc/mcsnoop.conf (the service itself: mcsnoop_boot.sh). Runs in the VM,
# where the root filesystem is a throwaway overlay. The module installed
# by the VM harness is restored afterwards.
#
# This runs on the newest of Debian's installed kernels only (it also
# covers the .ko.xz compression of 6.12) and skips elsewhere. depmod reads
# every module, and over Debian's 4000 compressed ones it takes more than a
# minute under TCG, four times in this file: in the VM (a throwaway
# overlay) the module tree shows only the bridge and what it needs while
# the tests run, and the module index the harness made is put back after.
#
# selftest: exclusive (installs and unloads the module: run_tests.sh -j runs it alone)

ALL_TESTS=(
	install_then_modprobe
	install_service_files
	uninstall_removes_both
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

REPO=$(cd "$MCS_DIR/.." && pwd)
KREL=$(uname -r)
PREFIX=
OUT=
KDIR=
UNIT=/lib/systemd/system/mcsnoop.service
CONF=/etc/mcsnoop.conf
CONF_EXAMPLE=$REPO/packaging/mcsnoop.conf
# Was there an /etc/mcsnoop.conf before make install? (Then it stays.)
CONF_BEFORE=
# In the tree (installed only where they exist) : where install puts them.
DOCS=(Documentation/man/mcsnoopctl.8:share/man/man8/mcsnoopctl.8
	Documentation/man/mcsnoop.4:share/man/man4/mcsnoop.4
	tools/completion/mcsnoopctl:/usr/share/bash-completion/completions/mcsnoopctl)

# The out-of-tree build of the module for the running kernel.
find_build()
{
	local ko

	for ko in "$REPO"/build/*/kmod/mcsnoop.ko; do
		[ -f "$ko" ] || continue
		if [ "$(modinfo -F vermagic "$ko" | cut -d' ' -f1)" = "$KREL" ]; then
			OUT=$(dirname "$(dirname "$ko")")
			KDIR=$(cat "$OUT/.kdir" 2>/dev/null)
			return 0
		fi
	done
	return 1
}

make_target()
{
	make -s -C "$REPO" "$@" KDIR="$KDIR" OUT="$OUT" PREFIX="$PREFIX" \
		>"$MCS_TMP/make.log" 2>&1
	local rc=$?

	[ $rc -ne 0 ] && sed 's/^/#   /' "$MCS_TMP/make.log" | tail -n 20
	return $rc
}

installed_path()
{
	modinfo -n mcsnoop 2>/dev/null
}

install_then_modprobe()
{
	local path

	mcs_unload
	make_target install
	check_err $? "make install failed"
	path=$(installed_path)
	[[ "$path" == "/lib/modules/$KREL/updates/"*mcsnoop.ko* ]]
	check_err $? "modinfo -n mcsnoop after install: '$path'"
	modprobe mcsnoop
	check_err $? "modprobe mcsnoop after make install"
	mcs_loaded
	check_err $? "module not loaded by modprobe"
	[ -x "$PREFIX/sbin/mcsnoopctl" ]
	check_err $? "mcsnoopctl not installed in $PREFIX/sbin"
	"$PREFIX/sbin/mcsnoopctl" -V | grep -q '^mcsnoopctl '
	check_err $? "installed mcsnoopctl -V"
	mcs_unload
	check_err $? "rmmod after install"
	# Autoload through the family name, with the installed module only.
	"$PREFIX/sbin/mcsnoopctl" bridge show >/dev/null
	check_err $? "installed mcsnoopctl autoloads the installed module"
	mcs_loaded
	check_err $? "module not autoloaded"
}

# doc_dest SPEC [ROOT]: where install puts the file of DOCS entry SPEC.
doc_dest()
{
	local dest=${1#*:}

	[[ $dest == /* ]] || dest=$PREFIX/$dest
	echo "${2:-}$dest"
}

install_service_files()
{
	local spec

	[ -f "$UNIT" ]
	check_err $? "no $UNIT after make install"
	grep -qx "ExecStart=$PREFIX/sbin/mcsnoopctl -b $CONF" "$UNIT"
	check_err $? "the unit does not run the installed tool on $CONF"
	! grep -q @ "$UNIT"
	check_err $? "placeholders left in the unit: $(grep @ "$UNIT")"
	[ -x "$PREFIX/lib/mcsnoop/mcsnoop-boot" ]
	check_err $? "no helper $PREFIX/lib/mcsnoop/mcsnoop-boot"
	grep -q "^MCSNOOPCTL=.*$PREFIX/sbin/mcsnoopctl" \
		"$PREFIX/lib/mcsnoop/mcsnoop-boot"
	check_err $? "the helper does not use the installed tool"
	if [ -z "$CONF_BEFORE" ]; then
		cmp -s "$CONF_EXAMPLE" "$CONF"
		check_err $? "$CONF is not the example"
	fi
	for spec in "${DOCS[@]}"; do
		if [ -e "$REPO/${spec%%:*}" ]; then
			cmp -s "$REPO/${spec%%:*}" "$(doc_dest "$spec")"
			check_err $? "${spec%%:*} not installed as $(doc_dest "$spec")"
		else
			log_info "${spec%%:*} not in the tree (yet)"
		fi
	done
}

uninstall_removes_both()
{
	local spec

	mcs_unload
	make_target uninstall
	check_err $? "make uninstall failed"
	[ -z "$(find "/lib/modules/$KREL/updates" -name 'mcsnoop.ko*' 2>/dev/null)" ]
	check_err $? "module file left in updates/ after uninstall"
	! modprobe -n mcsnoop 2>/dev/null
	check_err $? "modprobe still finds mcsnoop after uninstall"
	[ ! -e "$PREFIX/sbin/mcsnoopctl" ]
	check_err $? "mcsnoopctl left after uninstall"
	[ ! -e "$UNIT" ] && [ ! -e "$PREFIX/lib/mcsnoop" ]
	check_err $? "unit or helper left after uninstall"
	for spec in "${DOCS[@]}"; do
		[ ! -e "$(doc_dest "$spec")" ]
		check_err $? "$(doc_dest "$spec") left after uninstall"
	done
	if [ -z "$CONF_BEFORE" ]; then
		[ ! -e "$CONF" ]
		check_err $? "the example $CONF left after uninstall"
	fi
}

[ "$(id -u)" -eq 0 ] || mcs_skip_all "must be run as root"
[ "$(newest_kernel)" = "$KREL" ] ||
	mcs_skip_all "install is tested on $(newest_kernel) only (depmod over 9p is slow)"
require_cmd make modinfo modprobe depmod
find_build || mcs_skip_all "no module build for $KREL under $REPO/build"
[ -e "$KDIR/Makefile" ] || mcs_skip_all "no kernel tree for $KREL (KDIR '$KDIR')"
mcs_require
[ -e "$CONF" ] && CONF_BEFORE=1
PREFIX=$MCS_TMP/prefix
SAVED=$MCS_TMP/$(basename "$(installed_path)")
cp "$(installed_path)" "$SAVED" 2>/dev/null || SAVED=$OUT/kmod/mcsnoop.ko
# Remove the harness's copy so that only `make install` can satisfy modprobe.
mcs_unload
trap 'restore_harness_module; mcs_exit_cleanup' EXIT
trim_module_tree || log_info "could not trim the module tree: depmod reads it all"
find "/lib/modules/$KREL/updates" -name 'mcsnoop.ko*' -delete 2>/dev/null
depmod -a
mcs_run_tests
