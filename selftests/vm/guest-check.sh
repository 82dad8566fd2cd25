#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of check.sh: runs selftests/run_tests.sh in the test VM (-j N:
# N test files at once), then (with --kmemleak) unloads mcsnoop and asks
# kmemleak for leaks. Run from the
# top of the repository. Besides the selftests' own KTAP output it prints
# lines check.sh reads:
#   # vm: run_tests.sh exit status N
#   # vm: kmemleak: <report line>         (zero or more)
#   # vm: kmemleak status clean|leaks|unavailable

set -u

kmemleak= jobs=()
while [ $# -gt 0 ]; do
	case $1 in
	--kmemleak) kmemleak=1; shift ;;
	-j) jobs=(-j "$2"); shift 2 ;;
	*) break ;;
	esac
done
kl=/sys/kernel/debug/kmemleak

if [ -n "$kmemleak" ] && [ -w $kl ]; then
	# Leaks that exist before the tests are not the module's: forget them.
	echo scan > $kl
	echo clear > $kl
fi

# Under TCG a CPU can run a stale int3 byte after another CPU patched a
# static branch (text_poke_bp), and the kernel oopses in whatever code it
# was running: seen in br_handle_frame and under br_dev_queue_push_xmit. The tests
# flip two kinds of keys while frames flow: the bridge netfilter hooks (on
# the first mcsnoop bridge of a namespace, off with its last) and the
# receive timestamp (every sniffer's SO_TIMESTAMPNS). Hold both on for the
# whole run, so that the kernel text no longer changes under the traffic.
# Real CPUs need none of this.
pin_static_keys()
{
	nft -f - <<-'EOF' || echo "# vm: cannot pin the bridge hook keys (nft)"
	table bridge tcg_pin {
		chain pre { type filter hook prerouting priority 0; }
		chain in { type filter hook input priority 0; }
		chain out { type filter hook output priority 0; }
	}
	EOF
	python3 -c '
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, 35, 1)  # SO_TIMESTAMPNS
time.sleep(1e9)' &
	pin_pid=$!
}
pin_static_keys

if [ -f selftests/run_tests.sh ]; then
	(cd selftests && bash ./run_tests.sh ${jobs[@]+"${jobs[@]}"} "$@")
	echo "# vm: run_tests.sh exit status $?"
else
	echo "# vm: selftests/run_tests.sh not found"
	echo "# vm: run_tests.sh exit status 127"
fi

kill "$pin_pid" 2>/dev/null
nft delete table bridge tcg_pin 2>/dev/null

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
