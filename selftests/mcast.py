#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Multicast traffic for the mcsnoop selftests, through the host's own stack.

usage: mcast.py [-n NETNS] COMMAND ARGS
  send IFACE GROUP COUNT [TTL] COUNT UDP datagrams to GROUP (IPv4 or IPv6), TTL 1
  blast IFACE GROUP SECONDS     UDP to GROUP for SECONDS (about 2000/s)
  join IFACE GROUP [SECONDS]    join GROUP (the stack sends reports), stay
                                joined SECONDS (default: until killed)
  sjoin IFACE GROUP SRC[/SRC..] [SECONDS]
                                join GROUP for these sources only (INCLUDE)
  xjoin IFACE GROUP SRC[/SRC..] [SECONDS]
                                join GROUP, blocking these sources (EXCLUDE)
  bcast IFACE COUNT             COUNT UDP datagrams to 255.255.255.255
  raw IFACE DSTMAC COUNT        COUNT Ethernet frames (ethertype 0x88b5)
"""

import socket
import struct
import sys
import time
from netns import enter_netns

PORT = 5001
PAYLOAD = b"mcsnoop-selftest" * 4


def udp_socket(iface, group, ttl=1):
    ifindex = socket.if_nametoindex(iface)
    if ":" in group:
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, ifindex)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, ttl)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_LOOP, 0)
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        mreqn = struct.pack("=4s4si", b"\0" * 4, b"\0" * 4, ifindex)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, mreqn)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, ttl)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 0)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    return s


def send(iface, group, count, ttl=1):
    s = udp_socket(iface, group, int(ttl))
    for _ in range(int(count)):
        s.sendto(PAYLOAD, (group, PORT))


def blast(iface, group, seconds):
    s = udp_socket(iface, group)
    end = time.monotonic() + float(seconds)
    while time.monotonic() < end:
        for _ in range(20):
            try:
                s.sendto(PAYLOAD, (group, PORT))
            except OSError:
                pass            # a full queue or a vanished port: go on
        time.sleep(0.01)


def join(iface, group, seconds=None):
    ifindex = socket.if_nametoindex(iface)
    if ":" in group:
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        mreq = socket.inet_pton(socket.AF_INET6, group) + \
            struct.pack("=I", ifindex)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, mreq)
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        mreqn = socket.inet_aton(group) + b"\0" * 4 + \
            struct.pack("=i", ifindex)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreqn)
    if seconds is None:
        while True:
            time.sleep(3600)
    time.sleep(float(seconds))


MCAST_JOIN_GROUP = 42
MCAST_BLOCK_SOURCE = 43
MCAST_JOIN_SOURCE_GROUP = 46


def sockaddr(addr):
    """A struct sockaddr_storage (128 bytes) holding addr."""
    if ":" in addr:
        sa = struct.pack("=HHI16sI", socket.AF_INET6, 0, 0,
                         socket.inet_pton(socket.AF_INET6, addr), 0)
    else:
        sa = struct.pack("=HH4s", socket.AF_INET, 0, socket.inet_aton(addr))
    return sa + b"\0" * (128 - len(sa))


def source_join(iface, group, sources, seconds, exclude):
    """RFC 3678 full-state API: struct group_req / group_source_req."""
    ifindex = socket.if_nametoindex(iface)
    if ":" in group:
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        level = socket.IPPROTO_IPV6
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        level = socket.IPPROTO_IP
    head = struct.pack("=I4x", ifindex) + sockaddr(group)
    if exclude:
        s.setsockopt(level, MCAST_JOIN_GROUP, head)
    for src in sources.split("/"):
        s.setsockopt(level, MCAST_BLOCK_SOURCE if exclude else
                     MCAST_JOIN_SOURCE_GROUP, head + sockaddr(src))
    if seconds is None:
        while True:
            time.sleep(3600)
    time.sleep(float(seconds))


def sjoin(iface, group, sources, seconds=None):
    source_join(iface, group, sources, seconds, False)


def xjoin(iface, group, sources, seconds=None):
    source_join(iface, group, sources, seconds, True)


def bcast(iface, count):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    for _ in range(int(count)):
        s.sendto(PAYLOAD, ("255.255.255.255", PORT))


def raw(iface, dstmac, count):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    src = s.getsockname()[4]
    dst = bytes.fromhex(dstmac.replace(":", ""))
    frame = dst + src + struct.pack("!H", 0x88b5) + PAYLOAD
    for _ in range(int(count)):
        s.send(frame)


COMMANDS = {"send": send, "blast": blast, "join": join, "sjoin": sjoin,
            "xjoin": xjoin, "bcast": bcast, "raw": raw}


def main(argv):
    if len(argv) > 2 and argv[0] == "-n":
        enter_netns(argv[1])
        argv = argv[2:]
    if not argv or argv[0] not in COMMANDS:
        sys.exit(__doc__)
    try:
        COMMANDS[argv[0]](*argv[1:])
    except TypeError:
        sys.exit(__doc__)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
