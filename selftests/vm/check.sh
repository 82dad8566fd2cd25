#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the mcsnoop selftests in a qemu guest for each given kernel and check
# the guest's kernel log.
#
# Usage: selftests/vm/check.sh [-j JOBS] [LANE_OPTION]... NAME:KERNEL_IMAGE:MODULE_KO[@TESTS] [[LANE_OPTION]... NAME:...]...
#
# LANE_OPTIONs: [--kmemleak] [--guest-jobs N] [--smp N] [--env VAR=VALUE]...
#               [--prepare CMD]
# apply to the guests named after them (so that one run can boot the
# guests of make check and, beside them, the debug guest with its own).
# For each kernel: boots KERNEL_IMAGE with run-vm.sh, installs MODULE_KO,
# runs selftests/run_tests.sh (MCSNOOPCTL=tools/mcsnoopctl unless set), then
# checks the kernel log for splats (one test per kernel); with --kmemleak it
# also unloads mcsnoop and requires an empty kmemleak report (one more test).
# Prints every KTAP result line prefixed with NAME, the output of failed
# tests, and finally one line "N passed, N failed, N skipped" counting the
# sub-test results of all kernels. Exit status 0 when nothing failed.
#
# -j JOBS boots up to JOBS guests at once (default 1), in the order given.
# A kernel may appear several times under different NAMEs, each with its
# share of the test files. --guest-jobs N runs up to N test files at once
# inside each guest (run_tests.sh -j). --smp N gives each guest N vCPUs
# (run-vm.sh --smp, default 2; lanes.sh says which lane has one, and
# why).
# --env sets a variable for the tests in every guest (run-vm.sh --env).
# --prepare CMD runs CMD (a program, no arguments) when the next guest's
# turn comes, before it boots, and the guest fails if CMD does (the debug
# guest's module is built only once its kernel is: debug-module.sh).
#
# Environment:
#   MCSNOOP_LOG_DIR   where to keep the logs (default build/vm-logs), one
#                     directory per NAME: output.log kernel.log console.log
#   VM_TIMEOUT        time limit of each guest in seconds (default 5400: a
#                     guard against a hung guest, above what the longest
#                     shard takes on a slow, busy 2-core machine)
#   CHECK_TESTS       the test files to run (default: all of TEST_PROGS);
#                     @TESTS after a kernel (comma-separated) overrides it
#   V=1               print the whole guest output, not just the results

set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo" || exit 1

kmemleak= jobs=1 envs=() guest_jobs=(-j 1) prepare= smp=()
# lane_option ARG VALUE: sets one option for the guests that follow; its
# status is the number of arguments it used (0: not an option).
lane_option() {
	case $1 in
	--kmemleak) kmemleak=--kmemleak; return 1 ;;
	--guest-jobs) guest_jobs=(-j "$2"); return 2 ;;
	--smp) smp=(--smp "$2"); return 2 ;;
	--env) envs+=(--env "$2"); return 2 ;;
	--prepare) prepare=$2; return 2 ;;
	esac
	return 0
}
while [ $# -gt 0 ]; do
	case $1 in
	-j) jobs=$2; shift 2 ;;
	--*) lane_option "$1" "${2:-}"; used=$?
	     [ "$used" -gt 0 ] || { echo "check.sh: unknown option $1" >&2; exit 2; }
	     shift "$used" ;;
	*) break ;;
	esac
done
if [ $# -eq 0 ]; then
	sed -n '/^# Usage:/,/^# *V=1/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit 2
fi

logroot=${MCSNOOP_LOG_DIR:-$repo/build/vm-logs}
tool=${MCSNOOPCTL:-$repo/tools/mcsnoopctl}
export VM_TIMEOUT=${VM_TIMEOUT:-5400}
read -r -a all_tests <<<"${CHECK_TESTS:-}"
total_pass=0 total_fail=0 total_skip=0

# Kernel log lines that mean something went wrong in the guest kernel.
bad_re='WARNING:|BUG:|Oops|KASAN|UBSAN|possible circular locking|possible recursive locking|inconsistent lock state|possible irq lock inversion|suspicious RCU usage|lockdep|DEBUG_LOCKS_WARN_ON|locking correctness validator|self-detected stall|detected stalls on CPU|RCU stall|general protection fault|kernel BUG|refcount_t|list_add corruption|list_del corruption|unreferenced object|Kernel panic|Call Trace:|blocked for more than|soft lockup|hard LOCKUP'
# Normal: an unsigned out-of-tree module; the boot banner of PROVE_RCU.
ok_re='loading out-of-tree module taints kernel|module verification failed: signature and/or required key missing|RCU lockdep checking is enabled'

# Count the KTAP results of one guest's output. A top-level result counts
# through its sub-test results; a top-level result without sub-tests counts
# itself; a failed top-level result without a failed sub-test (a crash, a
# timeout) counts as one more failure. Prints "pass fail skip top" on the
# last line and the blocks of failed tests (prefixed) before it.
count_results() { # NAME OUTPUT
	awk -v name="$1" '
	function is_skip(l) { return l ~ /# *[Ss][Kk][Ii][Pp]/ }
	function flush(topline,    bad) {
		bad = 0
		if (topline == "") {
			if (nsub == 0) { nblock = 0; return }
		} else if (nsub == 0) {
			if (topline ~ /^not ok/) { fail++; bad = 1 }
			else if (is_skip(topline)) skip++
			else pass++
		} else if (topline ~ /^not ok/ && subfail == 0) {
			fail++; bad = 1
		}
		if (topline == "" ) { fail++; bad = 1 }	# output stopped mid-script
		if (bad || subfail) {
			printf "%s: ---- output of: %s\n", name, (topline == "" ? "(unfinished test)" : topline)
			for (i = 1; i <= nblock; i++) printf "%s: %s\n", name, block[i]
		}
		nblock = 0; nsub = 0; subfail = 0
	}
	/^# vm: / { next }
	/^(not )?ok [0-9]+/ { tops++; flush($0); next }
	{ block[++nblock] = $0 }
	/^# (not )?ok [0-9]+/ {
		nsub++
		if ($0 ~ /^# not ok/ && !is_skip($0)) { fail++; subfail++ }
		else if (is_skip($0)) skip++
		else pass++
	}
	END { flush(""); print pass + 0, fail + 0, skip + 0, tops + 0 }
	' "$2"
}

# lane_times NAME DIR SECS: the wall time of each test file of the guest
# (run_tests.sh's "# time:" lines), longest first, and of the whole guest
# (boot included), printed and kept in DIR/times.
lane_times() {
	local name=$1 dir=$2 secs=$3

	{
		sed -n 's/^# time: \(mcsnoop_[^ ]*\) \([0-9]*\) s$/\2 \1/p' \
			"$dir/output.log" | sort -rn
		echo "$secs (guest $name, boot to power-off)"
		sed -n 's/^# time: all .*, \(guest CPUs busy [0-9]*%\)$/\1/p' \
			"$dir/output.log"
	} > "$dir/times"
	echo "$secs" > "$dir/wall"
	echo "$name: wall time per test file (s):"
	sed "s/^/$name:   /" "$dir/times"
}

# run_kernel NAME IMAGE KO [TEST...]: one guest. Leaves "pass fail skip"
# in $dir/totals and what failed, one line each, in $dir/failures: the
# guests may run in parallel, so they report through files.
run_kernel() {
	local name=$1 image=$2 ko=$3 dir rc pass=0 fail=0 skip=0 tops n status
	local lane_start
	local badlog= f first
	local -a extra=() tests=("${@:4}") failures=()

	dir=$logroot/$name
	lane_start=$(date +%s)
	if [ -n "$prepare" ]; then
		echo "$name: preparing: $prepare"
		if ! "$prepare" > "$dir/prepare.log" 2>&1; then
			tail -n 20 "$dir/prepare.log" | sed "s/^/$name: # /"
			echo "$name: not ok 1 prepare # $prepare failed, see $dir/prepare.log"
			echo "$name: $prepare failed" > "$dir/failures"
			echo "0 1 0" > "$dir/totals"
			echo "$(( $(date +%s) - lane_start ))" > "$dir/wall"
			return
		fi
		echo "$name: prepared in $(( $(date +%s) - lane_start )) s"
		lane_start=$(date +%s)
	fi
	echo "$name: booting $image with $ko"
	for f in "$image" "$ko"; do
		if [ ! -r "$f" ]; then
			echo "$name: not ok 1 boot # $f not found"
			echo "$name: $f not found" > "$dir/failures"
			echo "0 1 0" > "$dir/totals"
			return
		fi
	done
	[ -x "$tool" ] && extra=(--tool "$tool")
	extra+=(${envs[@]+"${envs[@]}"} ${smp[@]+"${smp[@]}"})

	if [ "${V:-0}" = 1 ]; then
		"$here/run-vm.sh" --kernel "$image" --module "$ko" "${extra[@]}" \
			--log-dir "$dir" -- "$here/guest-check.sh" $kmemleak "${guest_jobs[@]}" \
			${tests[@]+"${tests[@]}"} |
			tee "$dir/output.log" | sed -u "s/^/$name: /"
	else
		"$here/run-vm.sh" --kernel "$image" --module "$ko" "${extra[@]}" \
			--log-dir "$dir" -- "$here/guest-check.sh" $kmemleak "${guest_jobs[@]}" \
			${tests[@]+"${tests[@]}"} |
			tee "$dir/output.log" |
			grep --line-buffered -E '^(# )?(not )?ok [0-9]+' |
			sed -u "s/^/$name: /"
	fi
	rc=${PIPESTATUS[0]}

	count_results "$name" "$dir/output.log" > "$dir/results"
	read -r pass fail skip tops < <(tail -n1 "$dir/results")
	[ "${V:-0}" = 1 ] || sed '$d' "$dir/results"
	n=$((tops + 1))

	# The guest itself: it must have run run_tests.sh to its end.
	status=$(sed -n 's/^# vm: run_tests.sh exit status //p' "$dir/output.log")
	if [ "$rc" -ne 0 ] || [ -z "$status" ]; then
		echo "$name: not ok $n vm # the guest failed (run-vm.sh status $rc), see $dir"
		failures+=("$name: the guest failed (run-vm.sh status $rc)")
		tail -n 30 "$dir/console.log" 2>/dev/null | sed "s/^/$name: # console: /"
		fail=$((fail + 1)); n=$((n + 1))
	elif [ "$tops" -eq 0 ]; then
		echo "$name: not ok $n run_tests.sh # exit status $status, no results"
		failures+=("$name: run_tests.sh gave no results")
		grep '^# vm:' "$dir/output.log" | sed "s/^/$name: /"
		fail=$((fail + 1)); n=$((n + 1))
	fi

	# The kernel log: dmesg taken after the tests (kernel.log) and the serial
	# console, which also has what came after it.
	for f in "$dir/kernel.log" "$dir/console.log"; do
		[ -s "$f" ] || continue
		if grep -aE "$bad_re" "$f" | grep -aqvE "$ok_re"; then
			badlog=$f
			break
		fi
	done
	if [ ! -s "$dir/kernel.log" ]; then
		echo "$name: not ok $n kernel log # no kernel log"
		fail=$((fail + 1))
	elif [ -n "$badlog" ]; then
		echo "$name: not ok $n kernel log # see $badlog"
		grep -anE "$bad_re" "$badlog" | grep -avE "$ok_re" | head -n 20 |
			sed "s/^/$name: # kernel: /"
		first=$(grep -anE "$bad_re" "$badlog" | grep -avE "$ok_re" |
			head -n1 | cut -d: -f1)
		sed -n "$((first > 5 ? first - 5 : 1)),$((first + 40))p" "$badlog" |
			sed "s/^/$name: # kernel: /"
		fail=$((fail + 1))
	else
		echo "$name: ok $n kernel log"
		pass=$((pass + 1))
	fi
	n=$((n + 1))

	if [ -n "$kmemleak" ]; then
		status=$(sed -n 's/^# vm: kmemleak status //p' "$dir/output.log")
		case "$status" in
		clean)
			echo "$name: ok $n kmemleak"
			pass=$((pass + 1)) ;;
		leaks)
			echo "$name: not ok $n kmemleak # unreferenced objects"
			grep '^# vm: kmemleak: ' "$dir/output.log" | head -n 60 |
				sed "s/^# vm: /$name: # /"
			fail=$((fail + 1)) ;;
		*)
			echo "$name: not ok $n kmemleak # ${status:-not run}"
			fail=$((fail + 1)) ;;
		esac
	fi

	if [ "$fail" -gt 0 ]; then
		mapfile -t -O "${#failures[@]}" failures < <(
			grep -aE '^(# )?not ok [0-9]+' "$dir/output.log" |
				grep -aviE '# *skip' | sed "s/^/$name: /"
			[ -n "$badlog" ] && grep -aE "$bad_re" "$badlog" |
				grep -avE "$ok_re" | head -n 3 | sed "s/^/$name: kernel: /")
	fi
	lane_times "$name" "$dir" "$(( $(date +%s) - lane_start ))"
	echo "$name: $pass passed, $fail failed, $skip skipped (logs: $dir)"
	echo "$pass $fail $skip" > "$dir/totals"
: > "$dir/failures"
	[ "${#failures[@]}" -eq 0 ] || printf '%s\n' "${failures[@]}" > "$dir/failures"
}

names=()
while [ $# -gt 0 ]; do
	spec=$1
	shift
	if [[ $spec == --* ]]; then
		lane_option "$spec" "${1:-}"; used=$?
		[ "$used" -gt 0 ] || { echo "check.sh: unknown option $spec" >&2; exit 2; }
		shift $((used - 1))
		continue
	fi
	tests=(${all_tests[@]+"${all_tests[@]}"})
	if [[ $spec == *@* ]]; then
		IFS=, read -r -a tests <<<"${spec#*@}"
		spec=${spec%%@*}
	fi
	name=${spec%%:*}
	rest=${spec#*:}
	image=${rest%:*}
	ko=${rest##*:}
	if [ "$name" = "$spec" ] || [ "$image" = "$rest" ]; then
		echo "check.sh: bad argument '$spec' (NAME:KERNEL_IMAGE:MODULE_KO)" >&2
		exit 2
	fi
	for n in ${names[@]+"${names[@]}"}; do
		if [ "$n" = "$name" ]; then
			echo "check.sh: NAME '$name' given twice" >&2
			exit 2
		fi
	done
	names+=("$name")
	rm -rf "${logroot:?}/$name"
	mkdir -p "$logroot/$name"
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
		wait -n
	done
	run_kernel "$name" "$image" "$ko" ${tests[@]+"${tests[@]}"} &
done
wait

# The tail CI shows: each guest's wall time, the slowest files of all.
echo "wall time per guest (s):"
for name in "${names[@]}"; do
	printf '  %5s  %s\n' "$(cat "$logroot/$name/wall" 2>/dev/null)" "$name"
done
echo "slowest test files (s):"
for name in "${names[@]}"; do
	grep -s ' mcsnoop_' "$logroot/$name/times" | sed "s/\$/ ($name)/"
done | sort -rn | head -n 12 | sed 's/^/  /'

failures=()
for name in "${names[@]}"; do
	if read -r pass fail skip < "$logroot/$name/totals"; then
		total_pass=$((total_pass + pass))
		total_fail=$((total_fail + fail))
		total_skip=$((total_skip + skip))
		mapfile -t -O "${#failures[@]}" failures < "$logroot/$name/failures"
	else
		echo "$name: not ok # check.sh lost this guest's results"
		failures+=("$name: no results")
		total_fail=$((total_fail + 1))
	fi
done
if [ "${#failures[@]}" -gt 0 ]; then
	echo "failed (details above):"
	printf '  %s\n' "${failures[@]:0:20}"
fi
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
