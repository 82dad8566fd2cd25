# SPDX-License-Identifier: GPL-2.0
"""Entering a network namespace by its name, for the selftests' scripts."""
import os
import sys

CLONE_NEWNET = 0x40000000


def enter_netns(name):
    """Move this process into /run/netns/NAME, or exit saying why."""
    import ctypes   # only for the scripts that enter one: a slow import
    fd = os.open(os.path.join("/run/netns", name), os.O_RDONLY)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        sys.exit("%s: setns %s: %s" % (os.path.basename(sys.argv[0]), name,
                                       os.strerror(ctypes.get_errno())))
    os.close(fd)
