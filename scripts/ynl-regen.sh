#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Generate the uapi header and the kernel policies and ops table from the
# YNL spec, with the kernel's own generator (tools/net/ynl/ynl-gen-c.py of
# linux-source-6.12). The generated files are committed: DKMS and other
# builds never run the generator.
#
# Usage: scripts/ynl-regen.sh [--check]
#   --check   generate into a temporary directory and fail, with a diff,
#             if a committed file differs from what the spec gives
#
# The generator finds its schema beside the spec (Documentation/netlink/),
# so the spec is copied into an extracted kernel tree and generated there,
# as an in-tree family would be. YNL_KSRC points at such a tree; by
# default build/ynl/linux-source-6.12 is extracted from the tarball once.

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
spec=$top/Documentation/netlink/specs/mcsnoop.yaml
tarball=/usr/src/linux-source-6.12.tar.xz
ksrc=${YNL_KSRC:-$top/build/ynl/linux-source-6.12}

check=0
case "${1:-}" in
--check) check=1 ;;
"") ;;
*) echo "ynl-regen.sh: unknown option '$1' (--check)" >&2; exit 2 ;;
esac

# The generator walks up from the spec to MAINTAINERS to find the tree.
if [ ! -f "$ksrc/tools/net/ynl/ynl-gen-c.py" ] || [ ! -f "$ksrc/MAINTAINERS" ]; then
	[ -f "$tarball" ] || {
		echo "ynl-regen.sh: $tarball missing (apt-get install linux-source-6.12)" >&2
		exit 1
	}
	mkdir -p "$(dirname "$ksrc")"
	tar -C "$(dirname "$ksrc")" -xJf "$tarball" \
		linux-source-6.12/MAINTAINERS \
		linux-source-6.12/tools/net/ynl \
		linux-source-6.12/Documentation/netlink
fi
cp "$spec" "$ksrc/Documentation/netlink/specs/mcsnoop.yaml"

out=$top
if [ $check -eq 1 ]; then
	out=$(mktemp -d)
	trap 'rm -rf "$out"' EXIT
	mkdir -p "$out/include/uapi/linux" "$out/kmod"
fi

gen()
{
	(cd "$ksrc" && python3 tools/net/ynl/ynl-gen-c.py \
		--spec Documentation/netlink/specs/mcsnoop.yaml "$@")
}
gen --mode uapi --header -o "$out/include/uapi/linux/mcsnoop.h"
gen --mode kernel --header -o "$out/kmod/nl_gen.h"
gen --mode kernel --source -o "$out/kmod/nl_gen.c"

[ $check -eq 1 ] || exit 0
rc=0
for f in include/uapi/linux/mcsnoop.h kmod/nl_gen.h kmod/nl_gen.c; do
	if ! diff -u "$top/$f" "$out/$f"; then
		echo "ynl-regen.sh: $f is not what $spec gives: run scripts/ynl-regen.sh" >&2
		rc=1
	fi
done
[ $rc -ne 0 ] || echo "ynl-regen.sh: generated files match the spec"
exit $rc
