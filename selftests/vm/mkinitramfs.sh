#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the initramfs of the mcsnoop test VM.
#
# Usage: mkinitramfs.sh -o OUT.cpio.gz -k KVER [-m MODULES_DIR] [-b BUILTIN_DIR]
#                       [-c CMDFILE] [-t] [KO...]
#
#   -k KVER         kernel release of the guest kernel
#   -m MODULES_DIR  its modules (/lib/modules/KVER): the 9p, virtio and overlay
#                   modules the kernel lacks are packed (decompressed) from there
#   -b BUILTIN_DIR  a kernel build tree: its modules.builtin* and modules.order
#                   are installed in the guest (kernels without MODULES_DIR)
#   -c CMDFILE      bash script the guest runs (stage2 runs it on /dev/ttyS1)
#   -t              keep the host's /tmp visible (no tmpfs on /tmp in the guest)
#   KO...           modules installed in /lib/modules/KVER/updates; depmod runs
#                   here on the host, its output is copied into the guest

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out='' kver='' moddir='' builtindir='' cmdfile='' keeptmp=''
die() { echo "mkinitramfs.sh: $*" >&2; exit 1; }

while getopts o:k:m:b:c:t opt; do
	case $opt in
	o) out=$OPTARG ;;
	k) kver=$OPTARG ;;
	m) moddir=$OPTARG ;;
	b) builtindir=$OPTARG ;;
	c) cmdfile=$OPTARG ;;
	t) keeptmp=1 ;;
	*) die "bad option" ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$out" ] && [ -n "$kver" ] || die "usage: -o OUT -k KVER [...]"

busybox=
for b in /bin/busybox /usr/bin/busybox; do
	if [ -x "$b" ] && ! ldd "$b" >/dev/null 2>&1; then busybox=$b; break; fi
done
[ -n "$busybox" ] || die "a static busybox is needed (apt-get install busybox-static)"

work=$(mktemp -d "${TMPDIR:-/tmp}/mcsnoop-initramfs.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root"/{bin,initmods,payload}
cp "$busybox" "$root/bin/busybox"
cp "$here/init" "$root/init"
cp "$here/stage2" "$root/payload/stage2"
chmod 755 "$root/init" "$root/bin/busybox"
[ -z "$cmdfile" ] || cp "$cmdfile" "$root/payload/cmd"
[ -z "$keeptmp" ] || touch "$root/payload/keep-tmp"

unpack_ko() { # SRC DST
	case "$1" in
	*.ko.xz) xz -dc "$1" > "$2" ;;
	*.ko.zst) zstd -qdc "$1" > "$2" ;;
	*.ko.gz) gzip -dc "$1" > "$2" ;;
	*) cp "$1" "$2" ;;
	esac
}

# Modules needed to reach the host root, in dependency order, each once.
if [ -n "$moddir" ]; then
	base=/
	case "$moddir" in
	*/lib/modules/"$kver") base=${moddir%/lib/modules/"$kver"}; base=${base:-/} ;;
	esac
	n=10
	for m in virtio_pci 9pnet_virtio 9p overlay; do
		modprobe -d "$base" -S "$kver" --show-depends "$m" ||
			die "cannot resolve $m in $moddir"
	done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }' > "$work/mods"
	while read -r ko; do
		name=$(basename "$ko"); name=${name%%.ko*}
		unpack_ko "$ko" "$root/initmods/$n-$name.ko"
		n=$((n + 1))
	done < "$work/mods"
fi

# Modules to install, with depmod run here on a staging copy of the tree.
if [ $# -gt 0 ] || [ -z "$moddir" ]; then
	stage=$work/modroot/lib/modules/$kver
	mkdir -p "$stage/updates"
	if [ -n "$moddir" ]; then
		for f in "$moddir"/*; do
			case "${f##*/}" in
			modules.builtin*|modules.order) cp "$f" "$stage/" ;;
			modules.*) ;;
			updates) for u in "$f"/*; do
					[ -e "$u" ] && ln -s "$u" "$stage/updates/"
				 done ;;
			*) ln -s "$f" "$stage/" ;;
			esac
		done
	elif [ -n "$builtindir" ]; then
		for f in "$builtindir"/modules.builtin "$builtindir"/modules.builtin.modinfo \
			 "$builtindir"/modules.order; do
			[ -e "$f" ] && cp "$f" "$stage/"
		done
	fi
	for ko in "$@"; do
		[ -r "$ko" ] || die "$ko not found"
		cp "$ko" "$stage/updates/"
	done
	depmod -b "$work/modroot" "$kver" || die "depmod failed"
	mkdir -p "$root/payload/modules/updates"
	cp "$stage"/modules.* "$root/payload/modules/"
	for ko in "$@"; do
		cp "$ko" "$root/payload/modules/updates/"
	done
fi

(cd "$root" && find . -print0 | LC_ALL=C sort -z |
	cpio --null -o -H newc --quiet -R 0:0) | gzip -1 > "$out"
