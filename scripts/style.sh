#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's style checks on the module: checkpatch.pl --strict (taken
# from Debian's linux-source-6.12) and sparse through Kbuild (C=2) against
# every kernel given (KVER...). Exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=build/checkpatch
src=$(ls -1v /usr/src/linux-source-6.*.tar.xz 2>/dev/null | tail -n 1)
if [ ! -x "$cache/scripts/checkpatch.pl" ]; then
	[ -n "$src" ] || { echo "style: linux-source-6.12 is not installed" >&2; exit 1; }
	mkdir -p "$cache"
	tar -xJf "$src" -C "$cache" --strip-components=1 --wildcards \
		'*/scripts/checkpatch.pl' '*/scripts/spelling.txt' \
		'*/scripts/const_structs.checkpatch'
fi

fail=0
# Our sources only, not what an in-tree build generated (*.mod.c).
files=$(ls kmod/*.c kmod/*.h include/uapi/linux/*.h | grep -v '\.mod\.c$')
gen=$(grep -l 'YNL-GEN' $files || true)
hand=$(grep -L 'YNL-GEN' $files || true)
echo "checkpatch --strict: $(echo $files | wc -w) files"
# SPDX_LICENSE_TAG: uapi headers carry a dual licence tag on purpose.
if ! "$cache/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
	--ignore FILE_PATH_CHANGES -f $hand; then
	fail=1
fi
# Generated from the YNL spec: the generator puts the #define of an
# attribute set's maximum right after its enum (max-by-define).
if [ -n "$gen" ] && ! "$cache/scripts/checkpatch.pl" --strict --no-tree \
	--terse --show-types --ignore FILE_PATH_CHANGES,LINE_SPACING -f $gen; then
	fail=1
fi

for k in "$@"; do
	out=build/sparse-$k
	echo "sparse: $k"
	mkdir -p "$out"
	tar -cf - Kbuild kmod include | tar -xf - -C "$out"
	log=$(make -s -j"$(nproc)" -C "/lib/modules/$k/build" M="$PWD/$out" C=2 \
		CHECK="sparse -Wno-unknown-attribute" modules 2>&1 | \
		grep -E 'warning:|error:' || true)
	if [ -n "$log" ]; then
		echo "$log"
		fail=1
	fi
done
[ $fail = 0 ] && echo "style: clean"
exit $fail
