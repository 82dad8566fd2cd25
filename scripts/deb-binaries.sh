#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the module from the sources that the mcsnoop-dkms package ships
# (build/deb/mcsnoop-dkms_*.deb, unpacked), with dkms, for the given
# kernels, and pack each kernel's as a binaries-only DKMS tarball, under
# the name dkms mktarball gives it:
# build/deb/dkms/mcsnoop-VERSION-kernelKVER-ARCH.dkms.tar.gz. The package's
# postinst loads such tarballs from /usr/share/mcsnoop-dkms with `dkms
# ldtarball` instead of compiling (dkms's common.postinst the one named
# mcsnoop-VERSION.dkms.tar.gz, our loop the other kernels' by their own
# names), which is how vendors ship prebuilt modules in DKMS packages.
# mcsnoop_deb.sh puts them there in the guest, so that the package test
# does not spend minutes a kernel compiling under TCG what this script
# compiles natively in under one; the compile of the package's own
# sources is tested here, and the install, remove and purge paths in the
# guest.
#
# One tarball a kernel: dkms 3.0.10 packs (mktarball) and loads
# (ldtarball) only the first kernel of a tarball with several (a readonly
# local in each loop).
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
outdir=build/deb/dkms

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
rm -rf "$outdir" && mkdir -p "$outdir" || exit 1
for k in "$@"; do
	out=$outdir/mcsnoop-$version-kernel$k-$(uname -m).dkms.tar.gz
	dkms build -m mcsnoop -v "$version" -k "$k" "${FLAGS[@]}" \
		>"$TMP/log" 2>&1 || fail "dkms build for $k"
	dkms mktarball -m mcsnoop -v "$version" -k "$k" --binaries-only \
		--archive "$PWD/$out" "${FLAGS[@]}" >"$TMP/log" 2>&1 ||
		fail "dkms mktarball for $k"
	echo "$out"
done
