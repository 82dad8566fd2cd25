#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Send IGMPv3 reports joining COUNT groups (EXCLUDE {} records, as many
records per report as fit in the MTU) out of IFACE, then a marker frame, and
print the seconds from the first report until the marker arrived at
MARKER_IFACE (another port of the same bridge, in the same namespace).

The reports and the marker enter the bridge in order from one CPU, so when
the marker comes out, every report before it has been processed (learnt or
dropped). Run inside the bridge's namespace (ip netns exec NS ...).

Usage: learn.py IFACE MARKER_IFACE FIRST_GROUP COUNT [RECORDS_PER_REPORT]
Output: "reports R seconds S"
"""

import ipaddress
import os
import select
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
ETH_P_MARKER = 0x88b5          # IEEE 802 local experimental
IGMPV3_REPORT = 0x22
MODE_IS_EXCLUDE = 2


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def mac_of(iface):
    with open('/sys/class/net/%s/address' % iface) as f:
        return bytes.fromhex(f.read().strip().replace(':', ''))


def report(src_mac, groups):
    recs = b''.join(struct.pack('!BBH4s', MODE_IS_EXCLUDE, 0, 0, g.packed)
                    for g in groups)
    igmp = struct.pack('!BBHHH', IGMPV3_REPORT, 0, 0, 0, len(groups)) + recs
    igmp = igmp[:2] + struct.pack('!H', csum(igmp)) + igmp[4:]
    ra = b'\x94\x04\x00\x00'            # router alert option
    total = 24 + len(igmp)
    ip = struct.pack('!BBHHHBBH4s4s', 0x46, 0xc0, total, 0, 0, 1, 2, 0,
                     socket.inet_aton('10.255.0.2'),
                     socket.inet_aton('224.0.0.22')) + ra
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    eth = bytes.fromhex('01005e000016') + src_mac + b'\x08\x00'
    return eth + ip + igmp


def main():
    iface, miface, first, count = sys.argv[1:5]
    count = int(count)
    with open('/sys/class/net/%s/mtu' % iface) as f:
        mtu = int(f.read())
    per = int(sys.argv[5]) if len(sys.argv) > 5 else (mtu - 24 - 8) // 8
    try:
        os.sched_setaffinity(0, {os.cpu_count() - 1})
    except OSError:
        pass
    base = ipaddress.IPv4Address(first)
    src_mac = mac_of(iface)
    frames = []
    for i in range(0, count, per):
        n = min(per, count - i)
        frames.append(report(src_mac, [base + i + k for k in range(n)]))
    marker = (b'\xff' * 6 + src_mac + struct.pack('!H', ETH_P_MARKER) +
              b'mcsnoop-bench-marker'.ljust(46, b'\0'))

    tx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    tx.bind((iface, 0))
    rx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                       socket.htons(ETH_P_MARKER))
    rx.bind((miface, ETH_P_MARKER))

    start = time.monotonic()
    for fr in frames:
        while True:
            try:
                tx.send(fr)
                break
            except (BlockingIOError, OSError) as e:
                if getattr(e, 'errno', None) not in (11, 105):
                    raise
                time.sleep(0.001)
    tx.send(marker)
    deadline = start + 900
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            print('reports %d seconds timeout' % len(frames))
            return 1
        r, _, _ = select.select([rx], [], [], left)
        if r:
            data = rx.recv(2048)
            if b'mcsnoop-bench-marker' in data:
                break
    elapsed = time.monotonic() - start
    print('reports %d seconds %.3f' % (len(frames), elapsed))
    return 0


if __name__ == '__main__':
    sys.exit(main())
