#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the module from the sources that the mcsnoop-dkms package ships
# (build/deb/mcsnoop-dkms_*.deb, unpacked), with dkms, for the given
# kernels, and pack the result as a binaries-only DKMS tarball:
# build/deb/dkms/mcsnoop-VERSION.dkms.tar.gz. The package's postinst
# (dkms's common.postinst) loads such a tarball from /usr/share/mcsnoop-dkms
# with `dkms ldtarball` instead of compiling, which is how vendors ship
# prebuilt modules in DKMS packages. mcsnoop_deb.sh puts it there in the
# guest, so that the package test does not spend ten minutes compiling
# under TCG what this script compiles natively in under one; the compile
# of the package's own sources is tested here, and the install, remove
# and purge paths in the guest.
#
# dkms works in private trees (as in dkms-check.sh): the host's /usr/src,
# /var/lib/dkms and /lib/modules are left alone.
#
# Usage: scripts/deb-binaries.sh KVER...      (as root, or with sudo)

set -u

cd "$(dirname "$0")/.." || exit 1

if [ "$(id -u)" -ne 0 ]; then
	exec sudo "$0" "$@"
fi
[ $# -gt 0 ] || { echo "Usage: $0 KVER..." >&2; exit 2; }

deb=$(ls build/deb/mcsnoop-dkms_*_all.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "deb-binaries: no build/deb/mcsnoop-dkms_*.deb: make deb" >&2; exit 1; }
version=$(dpkg-deb -f "$deb" Version)
version=${version%%-*}
out=build/deb/dkms/mcsnoop-$version.dkms.tar.gz

TMP=$(mktemp -d /tmp/mcsnoop-debbin.XXXXXX) || exit 1
trap 'rm -rf "$TMP"' EXIT
FLAGS=(--dkmstree "$TMP/dkms" --sourcetree "$TMP/root/usr/src"
	--installtree "$TMP/modules")
mkdir -p "$TMP/dkms"
for k in "$@"; do
	mkdir -p "$TMP/modules/$k"
done
# dkms signs with this key (made on first use) instead of /var/lib/dkms's.
export mok_signing_key=$TMP/mok.key mok_certificate=$TMP/mok.pub

fail()
{
	echo "deb-binaries: $*" >&2
	sed 's/^/#   /' "$TMP/log" | tail -n 30 >&2
	exit 1
}

dpkg-deb -x "$deb" "$TMP/root" || fail "dpkg-deb -x $deb"
[ -d "$TMP/root/usr/src/mcsnoop-$version" ] ||
	fail "$deb has no /usr/src/mcsnoop-$version"
dkms add -m mcsnoop -v "$version" "${FLAGS[@]}" >"$TMP/log" 2>&1 ||
	fail "dkms add"
# One tarball a kernel, merged: dkms 3.0.10's mktarball packs the first
# kernel's module again for each further -k (a readonly local in its loop).
mkdir -p "$TMP/merged"
for k in "$@"; do
	dkms build -m mcsnoop -v "$version" -k "$k" "${FLAGS[@]}" \
		>"$TMP/log" 2>&1 || fail "dkms build for $k"
	dkms mktarball -m mcsnoop -v "$version" -k "$k" --binaries-only \
		--archive "$TMP/$k.tar.gz" "${FLAGS[@]}" >"$TMP/log" 2>&1 ||
		fail "dkms mktarball for $k"
	tar -xzf "$TMP/$k.tar.gz" -C "$TMP/merged" || fail "tar -x $k.tar.gz"
	[ -d "$TMP/merged/dkms_main_tree/$k" ] || fail "no $k in dkms mktarball's tarball"
done
mkdir -p "${out%/*}"
rm -f "$out"
tar -czf "$out" -C "$TMP/merged" . || fail "tar -c $out"
echo "$out: mcsnoop $version for $*"
