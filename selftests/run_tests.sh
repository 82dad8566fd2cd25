#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the mcsnoop selftests like the kselftest runner: every TEST_PROGS
# script of the Makefile (or the scripts named as arguments), each with the
# timeout from ./settings, its output prefixed with "# ", one KTAP result
# line per script. Exit 0 when none failed. --list prints the scripts.
# SCRIPT:TEST1:TEST2 runs only those tests of SCRIPT.

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

main()
{
	local tests timeout n=0 failed=0 rc t args

	if [ "${1:-}" = --list ]; then
		test_progs
		return
	fi
	if [ $# -gt 0 ]; then
		tests=("$@")
	else
		mapfile -t tests < <(test_progs)
	fi
	timeout=$(timeout_secs)
	timeout=${timeout:-300}
	# A slower guest (lib.sh) gets more time.
	timeout=$((timeout * ${MCS_SLOW:-1}))
	echo "TAP version 13"
	echo "1..${#tests[@]}"
	echo "# timeout set to $timeout"
	for t in "${tests[@]}"; do
		n=$((n + 1))
		echo "# selftests: mcsnoop: $t"
		IFS=: read -r -a args <<<"$t"
		timeout -k 10 "$timeout" "./${args[@]}" 2>&1 | sed -u 's/^/# /'
		rc=${PIPESTATUS[0]}
		case $rc in
		0)	echo "ok $n selftests: mcsnoop: $t" ;;
		4)	echo "ok $n selftests: mcsnoop: $t # SKIP" ;;
		124)	echo "not ok $n selftests: mcsnoop: $t # TIMEOUT $timeout seconds"
			failed=$((failed + 1)) ;;
		*)	echo "not ok $n selftests: mcsnoop: $t # exit=$rc"
			failed=$((failed + 1)) ;;
		esac
	done
	[ "$failed" -eq 0 ]
}

main "$@"
