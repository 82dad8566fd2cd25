#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Debian packages of `make deb` (build/deb/, built on the host by
# `make check` before the guests boot): `apt-get install ./*.deb` has DKMS
# put the module in place for every kernel with headers (updates/dkms; the
# guest sees the host's 6.1 and 6.12), modprobe finds it, the installed
# mcsnoopctl enables mcsnoop on a bridge, and the boot service, its helper, the man pages, the completion and /etc/mcsnoop.conf
# (a conffile) are in place, the service enabled. `apt-get remove` takes
# the module out of every kernel and the service away (the module still
# loaded comes out as an admin takes it out: modprobe -r), and keeps
# /etc/mcsnoop.conf; `apt-get purge` removes that too, and the service's
# enable link. Offline: the packages' dependencies are on the host root
# (scripts/install-deps.sh deb). Runs in the VM, where the root
# filesystem is a throwaway overlay, on the newest kernel only and skips
# elsewhere; the module the VM harness installed is restored afterwards.
#
# The compile: when `make check` has built the module from the package's
# own sources on the host (scripts/deb-binaries.sh, a binaries-only DKMS
# tarball a kernel in build/deb/dkms/), the test puts the tarballs where
# the package's postinst looks for them (/usr/share/mcsnoop-dkms/: the
# running kernel's as mcsnoop-VERSION.dkms.tar.gz for dh_dkms's part, the
# others' under their own names for the loop), and DKMS loads them (dkms
# ldtarball) and installs the module instead of compiling it; a compile
# takes five minutes under TCG. Without a tarball for each kernel with
# headers (the test run on its own), DKMS compiles in the guest as on a
# fresh host.
#
# selftest: exclusive (installs, removes and unloads the module: run_tests.sh -j runs it alone)

ALL_TESTS=(
	deb_install
	deb_module_and_tool
	deb_remove
	deb_purge
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

REPO=$(cd "$MCS_DIR/.." && pwd)
DEBS=("$REPO"/build/deb/mcsnoop-dkms_*_all.deb "$REPO"/build/deb/mcsnoopctl_*.deb)
KREL=$(uname -r)
CTL=/usr/sbin/mcsnoopctl
UNIT=/lib/systemd/system/mcsnoop.service
UNIT_LINK=/etc/systemd/system/multi-user.target.wants/mcsnoop.service
CONF=/etc/mcsnoop.conf
VERSION=
# The prebuilt tarballs, one a kernel with headers, and their names in
# PREBUILT_DIR (none: DKMS compiles).
PREBUILT=()
PREBUILT_NAMES=()
PREBUILT_DIR=/usr/share/mcsnoop-dkms
# The tests follow each other: each one needs what the one before did.
# After the module test, nothing may load the harness's module again.
TEST_PREPARE=

# apt ARGS...: apt-get, its output in apt.log, each line after the
# seconds since it started.
apt()
{
	local start=$SECONDS line

	# KCFLAGS reaches DKMS's make: line tables only (-g1; the module's
	# BTF needs some), not the full debug information, much of the
	# module's compile time under TCG (the packaging is tested here,
	# not the compiler).
	KCFLAGS=-g1 DEBIAN_FRONTEND=noninteractive apt-get -q -y "$@" 2>&1 |
		while IFS= read -r line; do
			echo "+$((SECONDS - start)) s $line"
		done >"$MCS_TMP/apt.log"
	local rc=${PIPESTATUS[0]}

	[ "$rc" -ne 0 ] && sed 's/^/#   /' "$MCS_TMP/apt.log" | tail -n 30
	return "$rc"
}

# pkg_state PKG: dpkg's two-letter state (ii installed, rc removed with
# its configuration, un or nothing when purged).
pkg_state()
{
	dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | cut -c1-2
}

module_files()
{
	find /lib/modules -name 'mcsnoop.ko*' 2>/dev/null
}

# header_kernels: the kernels with headers, for which the postinst
# installs the module (the guest sees the host's: 6.1 and 6.12).
header_kernels()
{
	local build k

	for build in /lib/modules/*/build; do
		[ -e "$build/Makefile" ] || continue
		k=${build%/build}
		echo "${k##*/}"
	done
}

# prebuilt_find: the tarballs of make deb-binaries, one for each kernel
# with headers, or none.
prebuilt_find()
{
	local k f

	for k in $(header_kernels); do
		f=$REPO/build/deb/dkms/mcsnoop-$VERSION-kernel$k-$(uname -m).dkms.tar.gz
		if [ ! -f "$f" ]; then
			log_info "no $f (make deb-binaries): DKMS compiles here"
			PREBUILT=() PREBUILT_NAMES=()
			return
		fi
		PREBUILT+=("$f")
		# dh_dkms's part loads the one of this name; the loop the others.
		if [ "$k" = "$KREL" ]; then
			PREBUILT_NAMES+=("mcsnoop-$VERSION.dkms.tar.gz")
		else
			PREBUILT_NAMES+=("${f##*/}")
		fi
	done
}

# prebuilt_remove: the tarballs are not the package's: take them away as
# soon as the postinst has read them, so that remove and purge see what
# an install without them leaves.
prebuilt_remove()
{
	local name

	for name in ${PREBUILT_NAMES[@]+"${PREBUILT_NAMES[@]}"}; do
		rm -f "$PREBUILT_DIR/$name"
	done
	rmdir "$PREBUILT_DIR" 2>/dev/null
	return 0
}

deb_install()
{
	local start=$SECONDS path k i loads how="DKMS build included"

	for i in "${!PREBUILT[@]}"; do
		mkdir -p "$PREBUILT_DIR" &&
			cp "${PREBUILT[i]}" "$PREBUILT_DIR/${PREBUILT_NAMES[i]}"
		check_err $? "copying ${PREBUILT[i]} to $PREBUILT_DIR"
		how="DKMS loads the modules built on the host"
	done
	apt install "${DEBS[@]}"
	check_err $? "apt-get install ${DEBS[*]##*/}"
	prebuilt_remove
	log_info "apt-get install ($how): $((SECONDS - start)) s"
	if [ ${#PREBUILT[@]} -gt 0 ]; then
		loads=$(grep -c "Loading tarball for mcsnoop-$VERSION" "$MCS_TMP/apt.log")
		[ "$loads" = ${#PREBUILT[@]} ] &&
			! grep -qE 'Building (initial )?module' "$MCS_TMP/apt.log"
		check_err $? "the postinst loaded $loads of ${#PREBUILT[@]} tarballs (dkms ldtarball), or compiled"
	fi
	# Where the time goes: the package steps and DKMS's.
	grep -E 'Unpacking|Setting up|Loading|Building|Signing|Installing|Running|Processing' \
		"$MCS_TMP/apt.log" | sed 's/^/#   /'
	grep -h 'elapsed' "/var/lib/dkms/mcsnoop/$VERSION/build/make.log" \
		2>/dev/null | sed 's/^/#   make.log: /'
	check_eq "$(pkg_state mcsnoop-dkms) $(pkg_state mcsnoopctl)" "ii ii" \
		"dpkg states of mcsnoop-dkms and mcsnoopctl"
	for k in $(header_kernels); do
		dkms status -m mcsnoop -v "$VERSION" -k "$k" | grep -q ': installed' &&
			compgen -G "/lib/modules/$k/updates/dkms/mcsnoop.ko*" >/dev/null
		check_err $? "$k: not installed: dkms status: $(dkms status -m mcsnoop 2>&1)"
	done
	path=$(modinfo -n mcsnoop 2>/dev/null)
	[[ $path == "/lib/modules/$KREL/updates/dkms/mcsnoop.ko"* ]]
	check_err $? "modinfo -n mcsnoop after install: '$path'"
	[ "$(modinfo -F version mcsnoop 2>/dev/null)" = "$VERSION" ]
	check_err $? "module version '$(modinfo -F version mcsnoop)', not $VERSION"
}

deb_module_and_tool()
{
	local ns

	modprobe mcsnoop
	check_err $? "modprobe mcsnoop"
	mcs_loaded
	check_err $? "module not loaded by modprobe"
	"$CTL" -V | grep -q "^mcsnoopctl $VERSION"
	check_err $? "$CTL -V: $("$CTL" -V 2>&1)"
	ns_create sw noipv6 && br_create sw br0
	check_err $? "a bridge in a namespace"
	ns=$(nsname sw)
	"$CTL" -n "$ns" bridge enable br0 querier off >/dev/null
	check_err $? "$CTL bridge enable br0"
	"$CTL" -n "$ns" bridge show | grep -q '^br0: ifindex '
	check_err $? "bridge show: $("$CTL" -n "$ns" bridge show 2>&1)"
	"$CTL" -n "$ns" bridge disable br0 >/dev/null
	check_err $? "$CTL bridge disable br0"
	[ -f "$UNIT" ] && grep -qx "ExecStart=$CTL -b $CONF" "$UNIT"
	check_err $? "no $UNIT running $CTL -b $CONF"
	[ -x /usr/libexec/mcsnoop/mcsnoop-boot ] &&
		grep -qx "ExecStop=/usr/libexec/mcsnoop/mcsnoop-boot stop $CONF" "$UNIT"
	check_err $? "the unit's helper /usr/libexec/mcsnoop/mcsnoop-boot"
	[ -L "$UNIT_LINK" ]
	check_err $? "mcsnoop.service not enabled (no $UNIT_LINK)"
	cmp -s "$REPO/packaging/mcsnoop.conf" "$CONF"
	check_err $? "$CONF is not the example"
	grep -qx "$CONF" /var/lib/dpkg/info/mcsnoopctl.conffiles
	check_err $? "$CONF is not a conffile of mcsnoopctl"
	[ -e /usr/share/man/man8/mcsnoopctl.8.gz ] &&
		[ -e /usr/share/man/man4/mcsnoop.4.gz ] &&
		[ -e /usr/share/bash-completion/completions/mcsnoopctl ]
	check_err $? "man pages or bash completion missing"
}

deb_remove()
{
	apt remove mcsnoopctl mcsnoop-dkms
	check_err $? "apt-get remove"
	# mcsnoop-dkms has no conffile: removed is purged (un) for dpkg.
	check_eq "$(pkg_state mcsnoop-dkms) $(pkg_state mcsnoopctl)" "un rc" \
		"dpkg states after remove"
	[ -z "$(module_files)" ]
	check_err $? "module files left after remove: $(module_files)"
	! modinfo mcsnoop >/dev/null 2>&1
	check_err $? "modinfo still finds mcsnoop: $(modinfo -n mcsnoop 2>&1)"
	[ ! -e "/usr/src/mcsnoop-$VERSION" ] && [ ! -e /var/lib/dkms/mcsnoop ]
	check_err $? "DKMS sources or tree left after remove"
	[ ! -e "$UNIT" ] && [ ! -e /usr/libexec/mcsnoop ] && [ ! -e "$CTL" ]
	check_err $? "unit, helper or tool left after remove"
	[ -e "$CONF" ]
	check_err $? "remove took $CONF away (only purge may)"
	# Removing does not unload the module: the admin does (rmmod: with
	# the module gone from the index, modprobe -r cannot find it).
	mcs_loaded
	check_err $? "the module was unloaded by remove"
	rmmod mcsnoop
	check_err $? "rmmod mcsnoop after remove"
	! mcs_loaded && ! modprobe mcsnoop 2>/dev/null
	check_err $? "mcsnoop still loaded, or loads again, after remove"
}

deb_purge()
{
	apt purge mcsnoopctl mcsnoop-dkms
	check_err $? "apt-get purge"
	check_eq "$(pkg_state mcsnoop-dkms)$(pkg_state mcsnoopctl)" "" \
		"dpkg states after purge"
	[ ! -e "$CONF" ]
	check_err $? "$CONF left after purge"
	[ ! -e "$UNIT_LINK" ] && [ ! -e /var/lib/systemd/deb-systemd-helper-enabled/mcsnoop.service.dsh-also ]
	check_err $? "the service's enable link or state left after purge"
	[ -z "$(module_files)" ]
	check_err $? "module files left after purge: $(module_files)"
}

# The other kernels' module trees, emptied (a tmpfs over kernel/) while
# the test runs: the postinst's dkms install runs depmod for each kernel,
# which would read thousands of modules over 9p under TCG for minutes.
OTHER_TRIMMED=()
trim_other_kernels()
{
	local k dir

	for k in $(header_kernels); do
		[ "$k" != "$KREL" ] || continue
		dir=/lib/modules/$k
		mkdir -p "$MCS_TMP/index-$k" &&
			cp "$dir"/modules.* "$MCS_TMP/index-$k/" &&
			mount -t tmpfs tmpfs "$dir/kernel" || return 1
		OTHER_TRIMMED+=("$k")
	done
}

untrim_other_kernels()
{
	local k

	for k in ${OTHER_TRIMMED[@]+"${OTHER_TRIMMED[@]}"}; do
		umount "/lib/modules/$k/kernel" &&
			cp "$MCS_TMP/index-$k"/modules.* "/lib/modules/$k/"
	done
	OTHER_TRIMMED=()
}

cleanup()
{
	# A test that failed halfway: leave no package for the tests after.
	DEBIAN_FRONTEND=noninteractive dpkg --purge mcsnoopctl mcsnoop-dkms \
		>/dev/null 2>&1
	mcs_unload 2>/dev/null
	prebuilt_remove
	untrim_other_kernels
	[ -z "$MANDB_OFF" ] || touch /var/lib/man-db/auto-update
	restore_harness_module
	mcs_exit_cleanup
}

[ "$(id -u)" -eq 0 ] || mcs_skip_all "must be run as root"
[ "${MCSNOOP_VM:-0}" = 1 ] ||
	mcs_skip_all "installs packages: runs in the VM's throwaway root only"
[ "$(newest_kernel)" = "$KREL" ] ||
	mcs_skip_all "the packages are tested on $(newest_kernel) only (DKMS compiles under TCG)"
for f in "${DEBS[@]}"; do
	[ -f "$f" ] || mcs_skip_all "no $f: make deb"
done
require_cmd apt-get dpkg-query dpkg-deb dkms modinfo modprobe depmod
[ -e "/lib/modules/$KREL/build/Makefile" ] || mcs_skip_all "no headers for $KREL"
[ "$(pkg_state mcsnoopctl)$(pkg_state mcsnoop-dkms)" = "" ] ||
	mcs_skip_all "mcsnoop packages already installed here"
VERSION=$(dpkg-deb -f "${DEBS[0]}" Version)
prebuilt_find
[ ! -e "$PREBUILT_DIR" ] || mcs_skip_all "$PREBUILT_DIR exists already"
mcs_require
SAVED=$MCS_TMP/$(basename "$(modinfo -n mcsnoop)")
cp "$(modinfo -n mcsnoop)" "$SAVED" || mcs_skip_all "no installed module to save"
# Only the package's module may satisfy modprobe (dkms also refuses to
# install over a module of the same version).
mcs_unload
trap cleanup EXIT
# man-db's trigger rebuilds the index of every man page on each apt-get
# call, a minute under TCG: off, as debconf's man-db/auto-update false.
MANDB_OFF=
if [ -e /var/lib/man-db/auto-update ]; then
	rm -f /var/lib/man-db/auto-update && MANDB_OFF=1
fi
trim_module_tree || log_info "could not trim the module tree: depmod reads it all"
trim_other_kernels || log_info "could not trim the other kernels' trees: depmod reads them"
find "/lib/modules/$KREL/updates" -name 'mcsnoop.ko*' -delete 2>/dev/null
depmod -a
mcs_run_tests
