#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Frame counter and steady multicast sender of the selftests (stdlib only).

  sniff.py NETNS sniff FILE              count the frames of every interface
      of NETNS by direction and kind (data, general query, group-specific
      query, report, leave) into FILE: one line of KEY=VALUE, rewritten as
      the counts change (keys: lib.sh, sniff(); "now": the counts are
      complete up to this time, in ms; "drops": frames the socket lost)
  sniff.py NETNS stream IFACE GROUP PPS  send PPS datagrams a second to GROUP
"""
import os, socket, struct, sys, time
from netns import enter_netns as enter
def kind(p):
    et = struct.unpack("!H", p[12:14])[0]; o = 14
    if et == 0x8100:
        et = struct.unpack("!H", p[16:18])[0]; o = 18
    if et == 0x0800:
        q = o + (p[o] & 15) * 4; pr = p[o + 9]
        if pr == 17:
            return "data" if p[q + 2:q + 4] == b"\x13\x89" else None
        if pr != 2 or len(p) < q + 8:
            return None
        t = p[q]
        if t == 0x11:
            return "gq" if p[q + 4:q + 8] == bytes(4) else "gsq"
        if t in (0x12, 0x16):
            return "rep"
        if t == 0x17:
            return "leave"
        if t == 0x22 and len(p) >= q + 12:
            rt = p[q + 8]; ns = struct.unpack("!H", p[q + 10:q + 12])[0]
            return "leave" if (rt in (1, 3) and ns == 0) or rt == 6 else "rep"
        return None
    if et == 0x86dd:
        nh = p[o + 6]; q = o + 40
        if nh == 0:
            nh = p[q]; q += (p[q + 1] + 1) * 8
        if nh == 17:
            return "data" if p[q + 2:q + 4] == b"\x13\x89" else None
        if nh != 58 or len(p) < q + 8:
            return None
        t = p[q]
        if t == 130 and len(p) >= q + 24:
            return "gq" if p[q + 8:q + 24] == bytes(16) else "gsq"
        if t == 131:
            return "rep"
        if t == 132:
            return "leave"
        if t == 143 and len(p) >= q + 12:
            rt = p[q + 8]; ns = struct.unpack("!H", p[q + 10:q + 12])[0]
            return "leave" if (rt in (1, 3) and ns == 0) or rt == 6 else "rep"
    return None
def sniff(out):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
    # SO_RCVBUFFORCE (root): SO_RCVBUF stops at rmem_max (~200 KB), a few
    # hundred frames, which a slow guest's sniffer falls behind by.
    s.setsockopt(socket.SOL_SOCKET, 33, 32 << 20)
    s.setsockopt(socket.SOL_SOCKET, 35, 1)      # SO_TIMESTAMPNS
    s.settimeout(0.05)
    c = {}; dirty = True; last = 0; pend = set()
    while True:
        if dirty and time.monotonic() - last > 0.03:
            # PACKET_STATISTICS: frames the socket had no room for.
            st = s.getsockopt(263, 6, 8)
            if st[4:] != bytes(4):
                c["drops"] = c.get("drops", 0) + struct.unpack("=II", st)[1]
            with open(out + ".tmp", "w") as f:
                f.write(" ".join("%s=%s" % kv for kv in c.items()) + "\n")
            os.replace(out + ".tmp", out)
            dirty = False; last = time.monotonic()
        try:
            p, anc, _, a = s.recvmsg(2048, 64)
        except socket.timeout:
            # Nothing queued: the counts are complete up to now.
            ms = int(time.time() * 1000)
            if ms - c.get("now", 0) > 200:
                c["now"] = ms; dirty = True
            continue
        ms = int(time.time() * 1000)
        for lvl, typ, d in anc:
            if lvl == socket.SOL_SOCKET and typ == 35 and len(d) >= 16:
                sec, nsec = struct.unpack("=qq", d[:16])
                ms = sec * 1000 + nsec // 1000000
        # "now": the counts include every frame up to this time.
        c["now"] = ms; dirty = True
        k = kind(p)
        if not k:
            continue
        d = "tx" if a[2] == 4 else "rx"
        key = "%s.%s.%s" % (a[0], d, k)
        c[key] = c.get(key, 0) + 1
        c["t." + key] = ms
        c.setdefault("t1." + key, ms)
        # Data sent to the port between a leave coming in and the
        # first report after it: dl/tl at the leave, dr/tr at the report.
        if d == "rx" and k == "leave" and a[0] not in pend:
            pend.add(a[0])
            c["dl." + a[0]] = c.get(a[0] + ".tx.data", 0)
            c["tl." + a[0]] = ms
        if d == "rx" and k == "rep" and a[0] in pend:
            pend.discard(a[0])
            c["dr." + a[0]] = c.get(a[0] + ".tx.data", 0)
            c["tr." + a[0]] = ms
        dirty = True
def stream(iface, group, pps):
    idx = socket.if_nametoindex(iface)
    if ":" in group:
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, idx)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 1)
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF,
                     struct.pack("=4s4si", bytes(4), bytes(4), idx))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    gap = 1.0 / float(pps); nxt = time.monotonic()
    while True:
        try:
            s.sendto(b"mcsnoop-fastleave" * 4, (group, 5001))
        except OSError:
            pass
        nxt += gap; now = time.monotonic()
        if nxt < now - 1:
            nxt = now
        if nxt > now:
            time.sleep(nxt - now)
enter(sys.argv[1])
if sys.argv[2] == "sniff":
    sniff(sys.argv[3])
else:
    stream(sys.argv[3], sys.argv[4], sys.argv[5])
