#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""One Python process that sends for a whole selftest script.

Starting Python costs a third of a second in a TCG guest, and a test file
sends datagrams and crafted frames dozens of times: lib.sh starts this
once, as a bash coprocess, and writes one request a line, its words
quoted as bash's printf %q quotes them:

  mcast NETNS ARGS...    what `mcast.py -n NETNS ARGS` does (send, bcast,
                         raw: the commands that end by themselves)
  frames NETNS ARGS...   what `frames.py -n NETNS ARGS` does
  nsinit NETNS [KEY=VALUE...]
                         lo up, then the sysctls: a new namespace's setup
  sysctl NETNS KEY=VALUE...
                         what `ip netns exec NETNS sysctl -qw ...` does
  counters NETNS         the packets each device of NETNS received and
                         sent: the answer is "ok NAME RX TX NAME RX TX..."

and reads one answer a line: "ok", or "err MESSAGE" (the request was not
carried out). Each request enters its namespace and leaves it again (a
process inside a namespace would keep it from being dismantled); what a
request sends goes out exactly as from the scripts themselves.
"""

import ctypes
import fcntl
import os
import shlex
import socket
import struct
import sys

import frames
import mcast


SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
IFF_UP = 0x1


def setns_home(fd):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(fd, 0x40000000) != 0:     # CLONE_NEWNET
        sys.exit("agent.py: cannot go back to its namespace: %s" %
                 os.strerror(ctypes.get_errno()))


def link_up(name):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    ifr = fcntl.ioctl(s, SIOCGIFFLAGS, struct.pack("16sH22x", name.encode(), 0))
    flags = struct.unpack("16sH22x", ifr)[1]
    fcntl.ioctl(s, SIOCSIFFLAGS,
                struct.pack("16sH22x", name.encode(), flags | IFF_UP))
    s.close()


def sysctl(spec):
    """KEY=VALUE as sysctl(8) takes it: dots separate (a slash then
    stands for a dot in a name, eth0/20 for eth0.20), or slashes do."""
    key, eq, value = spec.partition("=")
    if not eq:
        raise ValueError("not KEY=VALUE: %s" % spec)
    if key.find(".") != -1 and (key.find("/") == -1 or
                                key.find(".") < key.find("/")):
        key = key.translate(str.maketrans("./", "/."))
    with open("/proc/sys/" + key, "w") as f:
        f.write(value)


def counters():
    """NAME RX TX of each device, from /proc/net/dev."""
    out = []
    with open("/proc/self/net/dev") as f:
        for line in f:
            name, colon, rest = line.partition(":")
            if not colon or "|" in line:
                continue
            fields = rest.split()
            out += [name.strip(), fields[1], fields[9]]
    return " ".join(out)


def handle(words):
    """Carry out one request; what the answer adds after "ok"."""
    tool, netns, args = words[0], words[1], words[2:]
    if tool not in ("mcast", "frames", "nsinit", "sysctl", "counters"):
        raise ValueError("unknown request: %s" % " ".join(words))
    mcast.enter_netns(netns)
    if tool == "mcast":
        if not args or args[0] not in ("send", "bcast", "raw"):
            raise ValueError("mcast: not send, bcast or raw")
        mcast.COMMANDS[args[0]](*args[1:])
    elif tool == "frames":
        if frames.main(args) != 0:
            raise RuntimeError("frames.py failed")
    elif tool == "counters":
        return counters()
    else:
        if tool == "nsinit":
            link_up("lo")
        for spec in args:
            sysctl(spec)
    return ""


def main():
    home = os.open("/proc/self/ns/net", os.O_RDONLY)
    while True:
        line = sys.stdin.readline()
        if not line:
            break
        try:
            words = shlex.split(line)
            if len(words) < 2:
                raise ValueError("short request: %r" % line)
            answer = ("ok " + handle(words)).rstrip()
        except SystemExit as e:         # usage errors of the tools
            answer = "err %s" % str(e.code).splitlines()[0]
        except Exception as e:          # noqa: BLE001: told to the caller
            answer = "err %s: %s" % (type(e).__name__, e)
        finally:
            setns_home(home)
        sys.stdout.write(answer.replace("\n", " ") + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
