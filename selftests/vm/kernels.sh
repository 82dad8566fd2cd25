#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# List the installed kernels the VM tests run on, as check.sh arguments.
#
# Usage: selftests/vm/kernels.sh [--latest] [BUILD_DIR]
#        selftests/vm/kernels.sh --releases
#
# Prints one NAME:IMAGE:MODULE_KO per line for every kernel that has
# /boot/vmlinuz-KVER and /lib/modules/KVER/build and whose release starts
# with 6.1. or 6.12. (the same set `make modules` builds for), with
# NAME = major.minor, IMAGE = /boot/vmlinuz-KVER and
# MODULE_KO = BUILD_DIR/KVER/kmod/mcsnoop.ko (BUILD_DIR default: build).
# With --latest only the newest of them (for `make demo`). --releases
# prints their releases only, oldest first: the one place that decides
# which kernels the module is built and tested for (the Makefile's
# TEST_KERNELS, lanes.sh).

set -eu

latest= releases=
case ${1:-} in
--latest) latest=1; shift ;;
--releases) releases=1; shift ;;
esac
build=${1:-build}

list() {
	local d kver
	for d in /lib/modules/*/build; do
		[ -e "$d" ] || continue
		kver=${d#/lib/modules/}
		kver=${kver%/build}
		case "$kver" in 6.1.*|6.12.*) ;; *) continue ;; esac
		[ -r "/boot/vmlinuz-$kver" ] || continue
		echo "$kver"
	done | sort -V
}

kvers=$(list)
if [ -n "$releases" ]; then
	[ -z "$kvers" ] || echo "$kvers"
	exit 0
fi
[ -n "$kvers" ] || { echo "kernels.sh: no 6.1 or 6.12 kernel installed" >&2; exit 1; }
[ -z "$latest" ] || kvers=$(echo "$kvers" | tail -n1)
for kver in $kvers; do
	name=$(echo "$kver" | cut -d. -f1,2)
	# Two kernels of the same series: tell them apart by the full release.
	[ "$(echo "$kvers" | grep -c "^$name\.")" -eq 1 ] || name=$kver
	echo "$name:/boot/vmlinuz-$kver:$build/$kver/kmod/mcsnoop.ko"
done
