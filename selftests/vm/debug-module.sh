#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build mcsnoop.ko for the debug kernel into build/debug, once the debug
# kernel is there: debug-kernel.sh builds it, or waits for the build that
# `make check check-debug` started in the background. check.sh runs this
# (--prepare) just before it boots the debug guest, so that the guests of
# `make check` run meanwhile.
#
# Usage: selftests/vm/debug-module.sh

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/../.."

eval "$("$here/debug-kernel.sh")"
# The debug lane's guests each run this before they boot: one make at a
# time in build/debug.
mkdir -p build
exec 9>build/debug-module.lock
flock 9
make --no-print-directory module KDIR="$KDIR" OUT=build/debug -j"$(nproc)"
