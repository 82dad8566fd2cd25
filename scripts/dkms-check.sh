#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The DKMS packaging: `make dkms-install` has dkms build and install the
# module for every given kernel (default: every kernel with headers), the
# module lands in updates/dkms with the kernel's vermagic, dkms's kernel
# hook (autoinstall) builds it again for a kernel that lost it, and
# `make dkms-uninstall` takes it all away. dkms works in private trees
# (--dkmstree, --sourcetree, --installtree, a private signing key), so the
# host's /usr/src, /var/lib/dkms and /lib/modules are left alone; the
# trees are removed on exit, whatever happened.
#
# Usage: scripts/dkms-check.sh [KVER...]      (as root, or with sudo)

set -u

cd "$(dirname "$0")/.." || exit 1
REPO=$PWD

fail=0
pass=0
ok()
{
	pass=$((pass + 1))
	echo "ok $((pass + fail)) $*"
}
bad()
{
	fail=$((fail + 1))
	echo "not ok $((pass + fail)) $*"
}

if [ "$(id -u)" -ne 0 ]; then
	exec sudo "$0" "$@"
fi
scripts/install-deps.sh dkms || exit 1

kernels=("$@")
if [ ${#kernels[@]} -eq 0 ]; then
	for k in /lib/modules/*; do
		[ -e "$k/build/Makefile" ] && kernels+=("${k##*/}")
	done
fi
[ ${#kernels[@]} -gt 0 ] || { echo "dkms-check: no kernel headers" >&2; exit 1; }

version=$(sed -n 's/^VERSION := //p' Makefile)
conf_version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' dkms.conf)
mod_version=$(sed -n 's/^MODULE_VERSION("\(.*\)");/\1/p' kmod/main.c)

TMP=$(mktemp -d /tmp/mcsnoop-dkms.XXXXXX) || exit 1
FLAGS=(--dkmstree "$TMP/dkms" --installtree "$TMP/modules" --no-depmod
	--sourcetree "$TMP/src")
mkdir -p "$TMP/dkms" "$TMP/src"
# dkms installs only into kernels that exist in the install tree.
for k in "${kernels[@]}"; do
	mkdir -p "$TMP/modules/$k"
done
# dkms signs with this key (made on first use) instead of /var/lib/dkms's.
export mok_signing_key=$TMP/mok.key mok_certificate=$TMP/mok.pub

mk()
{
	make -s --no-print-directory -C "$REPO" "$@" VERSION="$version" \
		DKMS_SOURCETREE="$TMP/src" DKMS_FLAGS="${FLAGS[*]:0:5}"
}

cleanup()
{
	mk dkms-uninstall >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT

echo "TAP version 13"
echo "1..$((5 + 2 * ${#kernels[@]}))"

if [ "$version" = "$conf_version" ] && [ "$version" = "$mod_version" ]; then
	ok "dkms.conf, Makefile and MODULE_VERSION agree on $version"
else
	bad "versions: Makefile '$version' dkms.conf '$conf_version'" \
		"MODULE_VERSION '$mod_version'"
fi

start=$SECONDS
if mk dkms-install DKMS_KERNELS="${kernels[*]}" >"$TMP/install.log" 2>&1; then
	ok "make dkms-install ($((SECONDS - start)) s)"
else
	bad "make dkms-install"
	sed 's/^/#   /' "$TMP/install.log" | tail -n 30
	sed 's/^/#   /' "$TMP/dkms/mcsnoop/$version/build/make.log" \
		2>/dev/null | tail -n 30
fi

# vermagic's first word is the kernel release the module was built for.
check_ko()
{
	local what=$1 k=$2 ko vm

	for ko in "$3"/mcsnoop.ko*; do
		[ -e "$ko" ] || ko=
		break
	done
	vm=$(modinfo -F vermagic "$ko" 2>/dev/null)
	vm=${vm% }
	if [ -n "$ko" ] && [ "${vm%% *}" = "$k" ]; then
		ok "$k: $what ${ko#"$TMP"/}: vermagic $vm"
	else
		bad "$k: $what in $3: '${ko#"$TMP"/}' vermagic '$vm'"
	fi
}

for k in "${kernels[@]}"; do
	check_ko built "$k" "$TMP/dkms/mcsnoop/$version/$k/$(uname -m)/module"
	check_ko installed "$k" "$TMP/modules/$k/updates/dkms"
done

# A kernel upgrade: dkms's kernel hook runs autoinstall for the new
# kernel. Take the module away from the first kernel, build and all.
k=${kernels[0]}
dkms remove -m mcsnoop -v "$version" -k "$k" "${FLAGS[@]}" >/dev/null 2>&1
if [ -z "$(ls "$TMP/modules/$k/updates/dkms/" 2>/dev/null)" ] &&
	dkms autoinstall -k "$k" "${FLAGS[@]}" >"$TMP/auto.log" 2>&1; then
	ok "$k: dkms autoinstall (the kernel hook) builds it again"
else
	bad "$k: dkms autoinstall"
	sed 's/^/#   /' "$TMP/auto.log" | tail -n 20
fi
check_ko "installed again" "$k" "$TMP/modules/$k/updates/dkms"

mk dkms-uninstall >"$TMP/uninstall.log" 2>&1
left=$(find "$TMP/modules" "$TMP/src" -name '*mcsnoop*' 2>/dev/null)
left+=$(ls "$TMP/dkms/mcsnoop" 2>/dev/null)
if [ -z "$left" ]; then
	ok "make dkms-uninstall removes sources, builds and modules"
else
	bad "make dkms-uninstall left: $left"
	sed 's/^/#   /' "$TMP/uninstall.log" | tail -n 20
fi

echo "# Totals: pass:$pass fail:$fail"
[ "$fail" -eq 0 ]
