#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Report storm and watched stream of mcsnoop_stress_storm.sh (stdlib only).

usage: storm.py -n NETNS COMMAND ARGS
  send IFACE GROUPS PROGRESS [v6every=N] [mark=M] [hold=H[/H...]]
        report GROUPS distinct groups, as fast as an AF_PACKET socket
        takes them, in IGMPv3 and MLDv2 reports (MODE_IS_EXCLUDE {}
        records, as many as fit in the MTU: 183 and 72 at 1500 bytes);
        every N-th frame is an MLDv2 one (default 2, 0: none). The
        groups are a fixed walk, the same every run: IPv4 239.0.1.0
        onwards (one group per MAC address, none whose MAC is that of
        224.0.0.x), IPv6 ff0e::1:0 onwards (one per MAC too).
        PROGRESS is rewritten (whole, by rename) every few frames and at
        the end: "frames F groups G v4 G4 v6 G6 start T seconds S
        mark_seconds MS hold K held HS done 0|1" (T: the wall clock
        time of the start, S: seconds since, MS: seconds when M groups
        had been reported, -1 before). Once H groups are reported (each
        H in turn), the sender holds until the file PROGRESS.goK exists,
        K the number of holds reached (PROGRESS says "hold K" from then
        on; HS: the seconds spent holding); the caller changes the
        bridge right after it creates the file, so that the reports go on
        meanwhile.
  stream IFACE GROUP PPS OUT
        UDP datagrams to GROUP port 5001, PPS a second, each with its
        sequence number and the time it is sent (CLOCK_REALTIME), until
        SIGTERM; then OUT gets "sent N".
  recv IFACE GROUP OUT
        join GROUP on IFACE with the host's stack (it reports), receive
        the stream until SIGTERM; then OUT gets the line "received R
        first F last L lost X longest_lost_ms M longest_gap_ms G
        longest_delay_ms D" and a line "missing SEQ COUNT SPAN_MS" per
        run of lost datagrams. A run's span is the sender's time between
        the datagrams received either side of it (how long the member
        got nothing of what was sent). The kernel stamps each datagram
        as IFACE receives it (SO_TIMESTAMPNS): G is the longest time
        between two arrivals (a starved sender lengthens it too), D the
        longest a datagram took from its sending to IFACE (neither a
        starved sender nor a starved receiver lengthens it).
"""

import array
import fcntl
import os
import signal
import socket
import struct
import sys
import time
from netns import enter_netns

PORT = 5001
SO_TIMESTAMPNS = 35
ETH_P_IP = 0x0800
ETH_P_IPV6 = 0x86dd
MODE_IS_EXCLUDE = 2
V4_FIRST = 256                  # low 23 bits of 239.0.1.0
V6_FIRST = 0x10000              # low 32 bits of ff0e::1:0
V4_SRC = socket.inet_aton("10.255.0.2")
V6_SRC = socket.inet_pton(socket.AF_INET6, "fe80::ff:2")
IGMP_ALL = socket.inet_aton("224.0.0.22")
MLD_ALL = socket.inet_pton(socket.AF_INET6, "ff02::16")


def csum(data):
    if len(data) % 2:
        data += b"\0"
    a = array.array("H", data)
    if sys.byteorder == "little":
        a.byteswap()
    s = sum(a)
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def be32(words):
    """array('I') as big-endian bytes."""
    if sys.byteorder == "little":
        words.byteswap()
    return words.tobytes()


def v4_records(first, n):
    # One record is two words: type, aux, nsrc (0x02000000) and the group.
    w = array.array("I", [MODE_IS_EXCLUDE << 24, 0]) * n
    w[1::2] = array.array("I", range(0xef000000 | first,
                                     (0xef000000 | first) + n))
    return be32(w)


def v6_records(first, n):
    # Five words: type..nsrc, then ff0e:: with the low 32 bits varying.
    w = array.array("I", [MODE_IS_EXCLUDE << 24, 0xff0e0000, 0, 0, 0]) * n
    w[4::5] = array.array("I", range(first, first + n))
    return be32(w)


def igmp_frame(src_mac, recs, n):
    msg = struct.pack("!BBHHH", 0x22, 0, 0, 0, n) + recs
    msg = msg[:2] + struct.pack("!H", csum(msg)) + msg[4:]
    ra = b"\x94\x04\x00\x00"                    # router alert
    ip = struct.pack("!BBHHHBBH4s4s", 0x46, 0xc0, 24 + len(msg), 0, 0, 1, 2,
                     0, V4_SRC, IGMP_ALL) + ra
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return (b"\x01\x00\x5e\x00\x00\x16" + src_mac +
            struct.pack("!H", ETH_P_IP) + ip + msg)


def mld_frame(src_mac, recs, n):
    msg = struct.pack("!BBHHH", 143, 0, 0, 0, n) + recs
    pseudo = V6_SRC + MLD_ALL + struct.pack("!IxxxB", len(msg), 58)
    msg = msg[:2] + struct.pack("!H", csum(pseudo + msg)) + msg[4:]
    # Hop-by-Hop: next header ICMPv6, Router Alert (MLD), PadN
    hbh = struct.pack("!BBBBHBB", 58, 0, 5, 2, 0, 1, 0)
    ip = struct.pack("!IHBB16s16s", 0x60000000, len(hbh) + len(msg), 0, 1,
                     V6_SRC, MLD_ALL)
    return (b"\x33\x33\x00\x00\x00\x16" + src_mac +
            struct.pack("!H", ETH_P_IPV6) + ip + hbh + msg)


def if_info(iface):
    """MTU and MAC address of iface (ioctls: /sys shows the namespace it
    was mounted in, not ours)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    req = struct.pack("16s16x", iface.encode())
    mtu = struct.unpack("16si12x", fcntl.ioctl(s, 0x8921, req))[1]  # MTU
    hw = fcntl.ioctl(s, 0x8927, req)                    # SIOCGIFHWADDR
    s.close()
    return mtu, hw[18:24]


def write_progress(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text + "\n")
    os.replace(tmp, path)


def send(iface, groups, progress, *opts):
    opt = dict(o.split("=", 1) for o in opts)
    groups = int(groups)
    v6every = int(opt.get("v6every", 2))
    mark = int(opt.get("mark", 0))
    holds = [int(h) for h in opt["hold"].split("/")] if "hold" in opt else []
    mtu, src_mac = if_info(iface)
    per4 = (mtu - 24 - 8) // 8
    per6 = (mtu - 40 - 8 - 8) // 20
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    frames = done = n4 = n6 = hold = 0
    mark_s, held = -1.0, 0.0
    wall = time.time()
    start = time.monotonic()

    def status(end):
        return ("frames %d groups %d v4 %d v6 %d start %.6f seconds %.3f "
                "mark_seconds %.3f hold %d held %.3f done %d" % (
                    frames, done, n4, n6, wall, time.monotonic() - start,
                    mark_s, hold, held, end))

    write_progress(progress, status(0))
    while done < groups:
        if mark_s < 0 and mark and done >= mark:
            mark_s = time.monotonic() - start
        if len(holds) > hold and done >= holds[hold]:
            hold += 1
            write_progress(progress, status(0))
            t = time.monotonic()
            while not os.path.exists("%s.go%d" % (progress, hold)):
                time.sleep(0.001)
            held += time.monotonic() - t
        left = groups - done
        if v6every and frames % v6every == v6every - 1:
            n = min(per6, left)
            fr = mld_frame(src_mac, v6_records(V6_FIRST + n6, n), n)
            n6 += n
        else:
            n = min(per4, left)
            fr = igmp_frame(src_mac, v4_records(V4_FIRST + n4, n), n)
            n4 += n
        while True:
            try:
                s.send(fr)
                break
            except OSError as e:        # a full queue: wait for room
                if e.errno not in (11, 105):
                    raise
                time.sleep(0.001)
        frames += 1
        done += n
        if frames % 8 == 0:
            write_progress(progress, status(0))
    if mark_s < 0 and mark and done >= mark:
        mark_s = time.monotonic() - start
    write_progress(progress, status(1))


def udp_socket(iface, group, rx):
    ifindex = socket.if_nametoindex(iface)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    mreqn = socket.inet_aton(group) + b"\0" * 4 + struct.pack("=i", ifindex)
    if rx:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:    # room for seconds of the stream should we be starved
            s.setsockopt(socket.SOL_SOCKET, 33, 1 << 22)  # SO_RCVBUFFORCE
        except OSError:
            pass
        s.bind((group, PORT))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreqn)
    else:
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, mreqn)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 0)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    return s


STOP = []


def on_term(*_):
    # A flag, not an exception: a datagram is counted if and only if it
    # was sent (received), whenever the signal comes.
    STOP.append(1)


def stream(iface, group, pps, out):
    s = udp_socket(iface, group, False)
    gap = 1.0 / float(pps)
    seq = 0
    nxt = time.monotonic()
    signal.signal(signal.SIGTERM, on_term)
    while not STOP:
        try:
            s.sendto(struct.pack("!QQ", seq, time.time_ns()) +
                     b"mcsnoop-storm" * 4, (group, PORT))
            seq += 1
        except OSError:
            pass            # a full queue: the datagram is not sent
        # Starved, the stream goes on at its rate, without a burst.
        nxt = max(nxt + gap, time.monotonic())
        time.sleep(max(0.0, nxt - time.monotonic()))
    with open(out, "w") as f:
        f.write("sent %d\n" % seq)


def rx_stamp(anc):
    for level, typ, data in anc:
        if level == socket.SOL_SOCKET and typ == SO_TIMESTAMPNS:
            sec, nsec = struct.unpack("=qq", data[:16])
            return sec * 1000000000 + nsec
    return time.time_ns()


def recv(iface, group, out):
    s = udp_socket(iface, group, True)
    s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    st = {"received": 0, "lost": 0, "first": -1, "last": -1,
          "last_t": 0,          # sender's time of the last one received
          "last_rx": None, "longest_lost": 0, "longest_gap": 0,
          "longest_delay": 0}
    runs = []

    def one(data, anc):
        if len(data) < 16:
            return
        now = rx_stamp(anc)
        seq, t = struct.unpack("!QQ", data[:16])
        st["longest_delay"] = max(st["longest_delay"], now - t)
        if st["last_rx"] is not None:
            st["longest_gap"] = max(st["longest_gap"], now - st["last_rx"])
        st["last_rx"] = now
        st["received"] += 1
        last = st["last"]
        if st["first"] < 0:
            st["first"] = seq
        elif seq > last + 1:
            span = t - st["last_t"]
            runs.append((last + 1, seq - last - 1, span // 1000000))
            st["lost"] += seq - last - 1
            st["longest_lost"] = max(st["longest_lost"], span)
        if seq > last:
            st["last"], st["last_t"] = seq, t

    s.settimeout(0.1)
    signal.signal(signal.SIGTERM, on_term)
    while not STOP:
        try:
            one(*s.recvmsg(2048, socket.CMSG_SPACE(16))[:2])
        except socket.timeout:
            pass
    # What is queued still counts.
    s.setblocking(False)
    while True:
        try:
            one(*s.recvmsg(2048, socket.CMSG_SPACE(16))[:2])
        except BlockingIOError:
            break
    with open(out, "w") as f:
        f.write("received %d first %d last %d lost %d longest_lost_ms %d "
                "longest_gap_ms %d longest_delay_ms %d\n" % (
                    st["received"], st["first"], st["last"], st["lost"],
                    st["longest_lost"] // 1000000,
                    st["longest_gap"] // 1000000,
                    st["longest_delay"] // 1000000))
        for r in runs:
            f.write("missing %d %d %d\n" % r)


def main(argv):
    if len(argv) > 2 and argv[0] == "-n":
        enter_netns(argv[1])
        argv = argv[2:]
    cmds = {"send": send, "stream": stream, "recv": recv}
    if not argv or argv[0] not in cmds:
        sys.exit(__doc__)
    cmds[argv[0]](*argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
