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
make --no-print-directory module KDIR="$KDIR" OUT=build/debug -j"$(nproc)"
