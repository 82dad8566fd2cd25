#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The man pages render without a warning (groff -ww), and every keyword
# the tool's help names is in mcsnoopctl(8). Needs groff, no VM. Run from
# anywhere; MCSNOOPCTL overrides the tool (default: tools/mcsnoopctl).

dir=$(cd "$(dirname "$0")" && pwd)
tool=${MCSNOOPCTL:-$dir/../../tools/mcsnoopctl}
fail=0

for page in "$dir/mcsnoopctl.8" "$dir/mcsnoop.4"; do
	out=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
	if [ -n "$out" ]; then
		echo "not ok: $page: groff warns:"
		echo "$out"
		fail=1
	else
		echo "ok: $page renders without warnings"
	fi
done

# Keywords of the help ("[ keyword ..." and "OBJECT COMMAND" words).
if [ -x "$tool" ]; then
	text=$(groff -man -rHY=0 -Tutf8 -ww "$dir/mcsnoopctl.8" 2>/dev/null |
		sed 's/\x1b\[[0-9;]*m//g; s/.\x08//g')
	for word in $("$tool" help 2>&1 |
		grep -o -E '(\[ |mcsnoopctl [a-z]+ |\| )[a-z][a-z0-9-]+' |
		sed 's/.* //' | sort -u); do
		case $text in
		*"$word"*) ;;
		*) echo "not ok: \"$word\" of mcsnoopctl help is not in mcsnoopctl.8"
		   fail=1 ;;
		esac
	done
	[ "$fail" = 0 ] && echo "ok: every keyword of mcsnoopctl help is in mcsnoopctl.8"
fi
exit "$fail"
