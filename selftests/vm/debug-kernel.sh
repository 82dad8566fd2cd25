#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (or reuse from the cache) a small debug 6.12 kernel for the mcsnoop
# selftests: allnoconfig + selftests/vm/debug.config (KASAN, lockdep,
# kmemleak, UBSAN, 9p/overlay/bridge built in).
#
# Usage: selftests/vm/debug-kernel.sh [--paths]
#
# --paths prints the two lines below without building anything: where the
# kernel is, or will be once built (check.sh is given the image's path
# before the background build has finished).
#
# Environment:
#   MCSNOOP_CACHE   cache directory (default $HOME/.cache/mcsnoop)
#   LINUX_SOURCE    source tarball (default /usr/src/linux-source-6.12.tar.xz)
#   JOBS            make -j value (default: number of CPUs)
#
# On success prints exactly two lines on stdout:
#   KDIR=<kernel tree, modules_prepare done, usable as make module KDIR=...>
#   IMAGE=<bzImage>
# The build output goes to <cache>/debug-<hash>.log.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fragment=$here/debug.config
cache=${MCSNOOP_CACHE:-$HOME/.cache/mcsnoop}
src_tar=${LINUX_SOURCE:-/usr/src/linux-source-6.12.tar.xz}
jobs=${JOBS:-$(nproc)}
# Bump when the build recipe below changes in a way that needs a rebuild.
recipe=1

die() { echo "debug-kernel.sh: $*" >&2; exit 1; }
log() { echo "debug-kernel.sh: $*" >&2; }

[ -r "$src_tar" ] || die "$src_tar not found (scripts/install-deps.sh debug)"
[ -r "$fragment" ] || die "$fragment not found"

src_ver=$(dpkg-query -W -f='${Package} ${Version}' "$(dpkg -S "$src_tar" 2>/dev/null |
		cut -d: -f1)" 2>/dev/null || true)
[ -n "$src_ver" ] || src_ver=$(stat -c '%s %Y' "$src_tar")
hash=$( { echo "recipe $recipe"; echo "$src_ver"; gcc --version | head -n1;
	  cat "$fragment"; } | sha256sum | cut -c1-16)
out=$cache/debug-$hash
logfile=$cache/debug-$hash.log

print_result() {
	echo "KDIR=$out/linux"
	echo "IMAGE=$out/linux/arch/x86/boot/bzImage"
}

if [ "${1:-}" = --paths ]; then
	print_result
	exit 0
fi

mkdir -p "$cache"
exec 9>"$cache/debug-$hash.lock"
flock 9

if [ -e "$out/.done" ]; then
	log "using cached kernel $out"
	print_result
	exit 0
fi

# Check that every option of the fragment is in the final .config.
check_config() {
	local config=$1 line opt missing=0

	while IFS= read -r line; do
		case "$line" in
		CONFIG_*=*)
			grep -qxF -- "$line" "$config" && continue
			;;
		"# CONFIG_"*" is not set")
			opt=${line#\# }
			opt=${opt%% *}
			! grep -q "^$opt=" "$config" && continue
			;;
		*)
			continue
			;;
		esac
		echo "debug-kernel.sh: FAIL: '$line' missing from the final .config" >&2
		missing=1
	done < "$fragment"
	return $missing
}

tmp=$out.tmp
rm -rf "$tmp"
mkdir -p "$tmp"
start=$(date +%s)
log "building the debug kernel in $out (log: $logfile), this takes a while"
: > "$logfile"
{
	echo "source: $src_tar ($src_ver)"
	tar -C "$tmp" -xJf "$src_tar"
	mv "$tmp"/linux-source-* "$tmp/linux"
} >> "$logfile" 2>&1 || die "extracting $src_tar failed, see $logfile"

cd "$tmp/linux"
export ARCH=x86_64
if ! scripts/kconfig/merge_config.sh -n .config "$fragment" >> "$logfile" 2>&1; then
	die "merge_config.sh failed, see $logfile"
fi
check_config .config || die "the debug config is incomplete, see $logfile"

# vmlinux + bzImage, then "modules" (nothing to build: everything is =y, but
# it writes Module.symvers), then modules_prepare for out-of-tree modules.
if ! make -j"$jobs" bzImage modules >> "$logfile" 2>&1 ||
   ! make -j"$jobs" modules_prepare >> "$logfile" 2>&1; then
	tail -n 30 "$logfile" >&2
	die "kernel build failed, see $logfile"
fi
[ -s Module.symvers ] || die "Module.symvers missing after the build"
[ -s arch/x86/boot/bzImage ] || die "bzImage missing after the build"
check_config .config || die "the debug config changed during the build"

cd /
rm -rf "$out"
mv "$tmp" "$out"
touch "$out/.done"
log "debug kernel built in $(( $(date +%s) - start )) s"
print_result
