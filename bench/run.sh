#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot a test guest (selftests/vm/run-vm.sh, qemu TCG) and run the benchmark
# in it; the table goes to stdout and to build/bench-<kernel release>.txt.
#
# Usage: bench/run.sh [--kernel IMAGE] [--module KO] [--tool BIN]
#                     [--timeout SECS] [--no-icount] [-- BENCH_OPTIONS...]
#
#   --no-icount     the guest's clock follows the host's (plain TCG, as the
#                   tests run): rates then vary with the host's load. By
#                   default qemu counts instructions (bench/qemu/), which
#                   makes the rates deterministic cost figures.
#   --kernel IMAGE  default: /boot/vmlinuz-6.12*, else the newest /boot/vmlinuz-*
#   --module KO     default: build/<release>/kmod/mcsnoop.ko
#   --tool BIN      default: tools/mcsnoopctl
#   BENCH_OPTIONS   passed to bench/bench.sh (--quick, --rounds N,
#                   --duration SEC, --groups N, --only LIST)

set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
kernel='' module='' tool='' timeout=2700 icount=1

while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernel=$2; shift 2 ;;
	--module) module=$2; shift 2 ;;
	--tool) tool=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--no-icount) icount=; shift ;;
	--) shift; break ;;
	-h|--help) sed -n '/^# Usage:/,/^#  *--only/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) break ;;
	esac
done

if [ -z "$kernel" ]; then
	kernel=$(ls /boot/vmlinuz-6.12* 2>/dev/null | sort -V | tail -n1 || true)
	[ -n "$kernel" ] || kernel=$(ls /boot/vmlinuz-* | sort -V | tail -n1)
fi
kver=${kernel##*/vmlinuz-}
[ -n "$module" ] || module=build/$kver/kmod/mcsnoop.ko
[ -n "$tool" ] || tool=tools/mcsnoopctl
for f in "$kernel" "$module" "$tool"; do
	[ -r "$f" ] || { echo "bench/run.sh: $f not found (make first)" >&2; exit 1; }
done

mkdir -p build
out=build/bench-$kver.txt
echo "bench/run.sh: $kernel, $module, $tool${icount:+, icount}; 7 to 10 minutes" >&2
[ -z "$icount" ] || export PATH="$top/bench/qemu:$PATH"
rc=0
selftests/vm/run-vm.sh --kernel "$kernel" --module "$module" --tool "$tool" \
	--timeout "$timeout" --log-dir "build/vm-logs/bench-$kver" \
	--env "BENCH_CLOCK=${icount:+icount}" \
	-- bench/bench.sh "$@" | tee "$out" || rc=$?
echo "bench/run.sh: table in $out, guest logs in build/vm-logs/bench-$kver" >&2
exit "$rc"
