#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make soak's report: the figures the stress campaigns printed in the
# guest ("# figure: CAMPAIGN.NAME VALUE [UNIT]" lines, teardown.objects_left
# among them) and check.sh's verdicts on the kernel: splats (its kernel-log
# check) and leaks (kmemleak, after the module's unload).
#
# Usage: selftests/vm/soak-report.sh CHECK_OUTPUT GUEST_OUTPUT
#   CHECK_OUTPUT  what check.sh printed; GUEST_OUTPUT  the guest's output.log

set -u

check=${1:?usage: soak-report.sh CHECK_OUTPUT GUEST_OUTPUT}
guest=${2:?usage: soak-report.sh CHECK_OUTPUT GUEST_OUTPUT}

# verdict NAME: 0 when check.sh said ok, "not checked" when it said nothing.
verdict()
{
	if grep -qE "^[a-z0-9.-]+: not ok [0-9]+ $1" "$check"; then
		echo "found (see $check)"
	elif grep -qE "^[a-z0-9.-]+: ok [0-9]+ $1\$" "$check"; then
		echo 0
	else
		echo "not checked"
	fi
}

echo "make soak: figures"
sed -n 's/^\(# \)*figure: /  /p' "$guest" 2>/dev/null
echo "  splats $(verdict 'kernel log')"
echo "  leaks $(verdict kmemleak)"
