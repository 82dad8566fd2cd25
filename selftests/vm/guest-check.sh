#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of check.sh: runs selftests/run_tests.sh in the test VM, then
# (with --kmemleak) unloads mcsnoop and asks kmemleak for leaks. Run from the
# top of the repository. Besides the selftests' own KTAP output it prints
# lines check.sh reads:
#   # vm: run_tests.sh exit status N
#   # vm: kmemleak: <report line>         (zero or more)
#   # vm: kmemleak status clean|leaks|unavailable

set -u

kmemleak=
if [ "${1:-}" = --kmemleak ]; then
	kmemleak=1
	shift
fi
kl=/sys/kernel/debug/kmemleak

if [ -n "$kmemleak" ] && [ -w $kl ]; then
	# Leaks that exist before the tests are not the module's: forget them.
	echo scan > $kl
	echo clear > $kl
fi

if [ -f selftests/run_tests.sh ]; then
	(cd selftests && bash ./run_tests.sh "$@")
	echo "# vm: run_tests.sh exit status $?"
else
	echo "# vm: selftests/run_tests.sh not found"
	echo "# vm: run_tests.sh exit status 127"
fi

[ -n "$kmemleak" ] || exit 0

if grep -q '^mcsnoop ' /proc/modules; then
	rmmod mcsnoop || echo "# vm: rmmod mcsnoop failed"
fi
if [ ! -w $kl ]; then
	echo "# vm: kmemleak status unavailable"
	exit 0
fi
# kmemleak reports objects older than 5 s only; scan twice with a pause.
sleep 6
echo scan > $kl
sleep 6
echo scan > $kl
report=$(cat $kl)
if [ -n "$report" ]; then
	printf '%s\n' "$report" | sed 's/^/# vm: kmemleak: /'
	echo "# vm: kmemleak status leaks"
else
	echo "# vm: kmemleak status clean"
fi
exit 0
