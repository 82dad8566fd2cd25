#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the mcsnoop selftests like the kselftest runner: every TEST_PROGS
# script of the Makefile (or the scripts named as arguments), each with the
# timeout from ./settings, its output prefixed with "# ", one KTAP result
# line per script. Exit 0 when none failed. --list prints the scripts.
# SCRIPT:TEST1:TEST2 runs only those tests of SCRIPT.
#
# -j N runs up to N scripts at once. Each builds its own namespaces, so
# they do not meet; a script whose header has the line
#   # selftest: exclusive
# (it unloads the module or uses the initial namespace) runs alone, and
# such scripts run first, before the others start. The output of a
# script is printed whole when it ends, results are numbered in the order
# the scripts end. At the end a table gives each script's wall time
# ("# time:" lines), longest first.

cd "$(dirname "$0")" || exit 1

# TEST_PROGS of the Makefile, with its backslash continuations.
test_progs()
{
	sed -e ':a' -e '/\\$/N; s/\\\n//; ta' Makefile |
		sed -n 's/^TEST_PROGS[[:space:]]*[:+]*=//p' | tr -s ' \t' '\n' |
		sed '/^$/d'
}

timeout_secs()
{
	sed -n 's/^timeout=\([0-9]*\)$/\1/p' settings 2>/dev/null | tail -n1
}

is_exclusive()
{
	grep -q '^# selftest: exclusive' "${1%%:*}" 2>/dev/null
}

# run_one SPEC OUT: run one script (SPEC is SCRIPT[:TEST...]) with its
# output in OUT, its exit status and wall time in OUT.rc.
run_one()
{
	local spec=$1 out=$2 start rc args

	IFS=: read -r -a args <<<"$spec"
	start=${EPOCHREALTIME/./}
	timeout -k 10 "$TIMEOUT" "./${args[@]}" > "$out" 2>&1 < /dev/null
	rc=$?
	echo "$rc $(( (${EPOCHREALTIME/./} - start) / 1000000 ))" > "$out.rc"
}

# report SPEC OUT: print a finished script's output and result.
NUM=0 FAILED=0
TIMES=()
report()
{
	local spec=$1 out=$2 rc secs

	read -r rc secs < "$out.rc"
	NUM=$((NUM + 1))
	echo "# selftests: mcsnoop: $spec"
	sed 's/^/# /' "$out"
	case $rc in
	0)	echo "ok $NUM selftests: mcsnoop: $spec" ;;
	4)	echo "ok $NUM selftests: mcsnoop: $spec # SKIP" ;;
	124)	echo "not ok $NUM selftests: mcsnoop: $spec # TIMEOUT $TIMEOUT seconds"
		FAILED=$((FAILED + 1)) ;;
	*)	echo "not ok $NUM selftests: mcsnoop: $spec # exit=$rc"
		FAILED=$((FAILED + 1)) ;;
	esac
	echo "# time: $spec $secs s"
	TIMES+=("$secs $spec")
	rm -f "$out" "$out.rc"
}

# The guest's CPUs: busy and total jiffies from /proc/stat.
cpu_jiffies()
{
	local cpu user nice sys idle iowait rest

	read -r cpu user nice sys idle iowait rest < /proc/stat
	echo "$((user + nice + sys)) $((user + nice + sys + idle + iowait))"
}

main()
{
	local tests=() jobs=1 tmp t i pending=() busy0 all0 busy1 all1 start
	local -A pid_of=()

	case ${1:-} in
	--list) test_progs; return ;;
	-j) jobs=$2; shift 2 ;;
	esac
	if [ $# -gt 0 ]; then
		tests=("$@")
	else
		mapfile -t tests < <(test_progs)
	fi
	if [ "$jobs" -gt 1 ]; then
		# The exclusive ones first: the others then run side by side.
		mapfile -t tests < <(
			for t in "${tests[@]}"; do is_exclusive "$t" && echo "$t"; done
			for t in "${tests[@]}"; do is_exclusive "$t" || echo "$t"; done)
	fi
	TIMEOUT=$(timeout_secs)
	TIMEOUT=${TIMEOUT:-300}
	# A slower guest (lib.sh) gets more time.
	TIMEOUT=$((TIMEOUT * ${MCS_SLOW:-1}))
	# The full stress campaigns (make soak) run for hours.
	[ "${MCS_STRESS:-}" = soak ] && TIMEOUT=$((TIMEOUT * 8))
	tmp=$(mktemp -d)
	echo "TAP version 13"
	echo "1..${#tests[@]}"
	echo "# timeout set to $TIMEOUT, $jobs at once"
	read -r busy0 all0 < <(cpu_jiffies)
	start=$SECONDS

	# Scripts are started in the given order: an exclusive one waits
	# until the others ended and runs alone.
	for ((i = 0; i < ${#tests[@]}; i++)); do
		t=${tests[$i]}
		while [ "${#pid_of[@]}" -gt 0 ] &&
		      { [ "${#pid_of[@]}" -ge "$jobs" ] || is_exclusive "$t" ||
			is_exclusive "${pending[0]:-}"; }; do
			wait -n
			reap
		done
		run_one "$t" "$tmp/$i" &
		pid_of[$i]=$!
		pending=("$t")
		is_exclusive "$t" || pending=()
	done
	while [ "${#pid_of[@]}" -gt 0 ]; do
		wait -n
		reap
	done

	read -r busy1 all1 < <(cpu_jiffies)
	echo "# time per script (wall s), longest first:"
	printf '%s\n' "${TIMES[@]}" | sort -rn | while read -r secs t; do
		printf '#   %5d  %s\n' "$secs" "$t"
	done
	echo "# time: all $((SECONDS - start)) s, guest CPUs busy" \
		"$(( all1 > all0 ? (busy1 - busy0) * 100 / (all1 - all0) : 0 ))%"
	rm -rf "$tmp"
	[ "$FAILED" -eq 0 ]
}

# reap: report every script that has ended.
reap()
{
	local i

	for i in "${!pid_of[@]}"; do
		[ -e "$tmp/$i.rc" ] || continue
		wait "${pid_of[$i]}" 2>/dev/null
		unset "pid_of[$i]"
		report "${tests[$i]}" "$tmp/$i"
	done
}

main "$@"
