#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Crafted IGMP/MLD/MRD/PIM frames for the mcsnoop selftests (stdlib only).

For the frames a host stack cannot send: queries from a chosen address or
from 0.0.0.0, MRD advertisements, PIM hellos, reports with chosen records
and sources, and malformed frames. (Importing scapy takes many seconds in
a TCG guest; these few layouts are built by hand and were checked against
scapy's dissectors.)

usage: frames.py [-n NETNS] IFACE [count=N] [gap=SEC] FRAME...
  FRAME is KIND[,KEY=VALUE...], sent COUNT times (default 1), GAP apart.
  IPv4 kinds: query4 report1 report2 leave2 report3 mrd4 pim4
  IPv6 kinds: query6 report6v1 done6 report6v2 mrd6 pim6
  keys:  src=ADDR dst=ADDR group=ADDR ver=N (query4 1|2|3, query6 1|2)
         mrc=N (max resp code) vlan=VID
         holdtime=SEC (pim4, pim6: 105) interval=SEC (mrd4: 20)
         rec=TYPE:GROUP[:SRC/SRC...] (report3; repeat for more records),
         rec=TYPE:GROUP[@SRC/SRC...] (report6v2)
  faults: ttl=N (TTL / hop limit) badipcsum=1 badcsum=1 frag=1
         trunc=N (cut the IGMP/ICMPv6 message to N bytes, lengths agree)
         short=N (IP length claims N bytes more than the frame holds)
         nrec=N (record count field) ihl=N (IPv4 header length field)
  src defaults to the interface's own address (IPv6: its link-local one).
"""

import fcntl
import os
import socket
import struct
import sys
import time
from netns import enter_netns


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def mac_of(dst, v6):
    a = socket.inet_pton(socket.AF_INET6 if v6 else socket.AF_INET, dst)
    if v6:
        return b"\x33\x33" + a[12:]
    if a[0] >= 224 and a[0] <= 239:
        return b"\x01\x00\x5e" + bytes([a[1] & 0x7f]) + a[2:]
    return b"\xff" * 6


def if_ipv4(iface):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        r = fcntl.ioctl(s.fileno(), 0x8915,     # SIOCGIFADDR
                        struct.pack("256s", iface.encode()[:15]))
        return socket.inet_ntoa(r[20:24])
    except OSError:
        return "0.0.0.0"


def if_ipv6_ll(iface):
    try:
        with open("/proc/net/if_inet6") as f:
            for line in f:
                w = line.split()
                if w[5] == iface and w[0].startswith("fe80"):
                    return socket.inet_ntop(socket.AF_INET6,
                                            bytes.fromhex(w[0]))
    except OSError:
        pass
    return "fe80::99"


def a4(x):
    return socket.inet_aton(x)


def a6(x):
    return socket.inet_pton(socket.AF_INET6, x)


def records(opt, v6):
    out = b""
    recs = opt.get("rec", [])
    for r in recs:
        w = r.split(":")
        if v6:
            # TYPE:GROUP[@SRC/SRC]: IPv6 addresses hold colons
            typ, rest = r.split(":", 1)
            if "@" in rest:
                grp, srcs = rest.split("@", 1)
                srcs = srcs.split("/")
            else:
                grp, srcs = rest, []
            out += struct.pack("!BBH", int(typ), 0, len(srcs)) + a6(grp)
            out += b"".join(a6(s) for s in srcs)
        else:
            typ, grp = w[0], w[1]
            srcs = w[2].split("/") if len(w) > 2 and w[2] else []
            out += struct.pack("!BBH", int(typ), 0, len(srcs)) + a4(grp)
            out += b"".join(a4(s) for s in srcs)
    n = int(opt.get("nrec", len(recs)))
    return n, out


def fix_csum(msg, pos, opt, pseudo=b""):
    c = csum(pseudo + msg)
    if opt.get("badcsum"):
        c ^= 0x1234
    return msg[:pos] + struct.pack("!H", c) + msg[pos + 2:]


def ipv4(opt, proto, dst, payload, ra=True):
    src = opt["src"]
    options = b"\x94\x04\x00\x00" if ra else b""
    ihl = int(opt.get("ihl", (20 + len(options)) // 4))
    total = 20 + len(options) + len(payload) + int(opt.get("short", 0))
    frag = 0x2000 if opt.get("frag") else 0
    hdr = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0xc0, total, 0, frag,
                      int(opt.get("ttl", 1)), proto, 0, a4(src), a4(dst))
    hdr += options
    c = csum(hdr)
    if opt.get("badipcsum"):
        c ^= 0x1234
    hdr = hdr[:10] + struct.pack("!H", c) + hdr[12:]
    return hdr + payload


def igmp(opt, kind):
    group = opt.get("group", "0.0.0.0")
    if kind == "query4":
        ver = int(opt.get("ver", 2))
        mrc = int(opt.get("mrc", 0 if ver == 1 else 10))
        msg = struct.pack("!BBH4s", 0x11, mrc, 0, a4(group))
        if ver == 3:
            msg += struct.pack("!BBH", 2, 125, 0)
        dst = opt.get("dst", group if group != "0.0.0.0" else "224.0.0.1")
    elif kind in ("report1", "report2", "leave2"):
        typ = {"report1": 0x12, "report2": 0x16, "leave2": 0x17}[kind]
        msg = struct.pack("!BBH4s", typ, 0, 0, a4(group))
        dst = opt.get("dst", "224.0.0.2" if kind == "leave2" else group)
    elif kind == "report3":
        n, recs = records(opt, False)
        msg = struct.pack("!BBHHH", 0x22, 0, 0, 0, n) + recs
        dst = opt.get("dst", "224.0.0.22")
    elif kind == "mrd4":
        msg = struct.pack("!BBHHH", 0x30, int(opt.get("interval", 20)), 0,
                          125, 2)
        dst = opt.get("dst", "224.0.0.106")
    if "trunc" in opt:
        msg = msg[:int(opt["trunc"])]
    if len(msg) >= 4:
        msg = fix_csum(msg, 2, opt)
    return ipv4(opt, 2, dst, msg)


def pim_hello(opt):
    # version 2 type 0, reserved, checksum; option 1 (holdtime), 105 s
    return struct.pack("!BBHHHH", 0x20, 0, 0, 1, 2,
                       int(opt.get("holdtime", 105)))


def ipv6(opt, nh, dst, payload, hbh=True):
    src = opt["src"]
    ext = b""
    if hbh:
        # Hop-by-Hop: next header, length 0, Router Alert (MLD), PadN 2
        ext = struct.pack("!BBBBHBB", nh, 0, 5, 2, 0, 1, 0)
        nh = 0
    plen = len(ext) + len(payload) + int(opt.get("short", 0))
    hdr = struct.pack("!IHBB16s16s", 0x60000000, plen, nh,
                      int(opt.get("ttl", 1)), a6(src), a6(dst))
    return hdr + ext + payload


def pseudo6(src, dst, length, nh):
    return a6(src) + a6(dst) + struct.pack("!IxxxB", length, nh)


def icmp6(opt, kind):
    group = opt.get("group", "::")
    if kind == "query6":
        ver = int(opt.get("ver", 2))
        msg = struct.pack("!BBHHH16s", 130, 0, 0, int(opt.get("mrc", 1000)),
                          0, a6(group))
        if ver == 2:
            msg += struct.pack("!BBH", 2, 125, 0)
        dst = opt.get("dst", group if group != "::" else "ff02::1")
    elif kind in ("report6v1", "done6"):
        typ = 131 if kind == "report6v1" else 132
        msg = struct.pack("!BBHHH16s", typ, 0, 0, 0, 0, a6(group))
        dst = opt.get("dst", "ff02::2" if kind == "done6" else group)
    elif kind == "report6v2":
        n, recs = records(opt, True)
        msg = struct.pack("!BBHHH", 143, 0, 0, 0, n) + recs
        dst = opt.get("dst", "ff02::16")
    elif kind == "mrd6":
        msg = struct.pack("!BBHHH", 151, 20, 0, 125, 2)
        dst = opt.get("dst", "ff02::6a")
    if "trunc" in opt:
        msg = msg[:int(opt["trunc"])]
    if len(msg) >= 4:
        msg = fix_csum(msg, 2, opt, pseudo6(opt["src"], dst, len(msg), 58))
    if opt.get("frag"):
        # Hop-by-Hop (Router Alert), then a first fragment (M set) of ICMPv6
        fragh = struct.pack("!BBHI", 58, 0, 1, 0x1234)
        return ipv6(opt, 44, dst, fragh + msg)
    return ipv6(opt, 58, dst, msg)


def build(spec, iface):
    words = spec.split(",")
    kind = words[0]
    opt = {}
    for w in words[1:]:
        k, v = w.split("=", 1)
        if k == "rec":
            opt.setdefault("rec", []).append(v)
        else:
            opt[k] = v
    v6 = kind in ("query6", "report6v1", "done6", "report6v2", "mrd6", "pim6")
    if "src" not in opt:
        opt["src"] = if_ipv6_ll(iface) if v6 else if_ipv4(iface)
    if kind in ("query4", "report1", "report2", "leave2", "report3", "mrd4"):
        pkt = igmp(opt, kind)
    elif kind == "pim4":
        msg = fix_csum(pim_hello(opt), 2, opt)
        pkt = ipv4(opt, 103, opt.get("dst", "224.0.0.13"), msg, ra=False)
    elif kind == "pim6":
        dst = opt.get("dst", "ff02::d")
        msg = pim_hello(opt)
        msg = fix_csum(msg, 2, opt, pseudo6(opt["src"], dst, len(msg), 103))
        pkt = ipv6(opt, 103, dst, msg, hbh=False)
    elif v6:
        pkt = icmp6(opt, kind)
    else:
        sys.exit("frames.py: unknown frame kind %s" % kind)
    dst = socket.inet_ntop(socket.AF_INET6, pkt[24:40]) if v6 else \
        socket.inet_ntoa(pkt[16:20])
    etype = struct.pack("!H", 0x86dd if v6 else 0x0800)
    if "vlan" in opt:
        etype = struct.pack("!HH", 0x8100, int(opt["vlan"])) + etype
    return mac_of(dst, v6), etype, pkt


def main(argv):
    if len(argv) > 2 and argv[0] == "-n":
        enter_netns(argv[1])
        argv = argv[2:]
    if len(argv) < 2:
        sys.exit(__doc__)
    iface, count, gap, specs = argv[0], 1, 0.0, []
    for a in argv[1:]:
        if a.startswith("count="):
            count = int(a[6:])
        elif a.startswith("gap="):
            gap = float(a[4:])
        else:
            specs.append(a)
    frames = [build(s, iface) for s in specs]
    if os.environ.get("FRAMES_DUMP"):
        for dmac, etype, pkt in frames:
            print((dmac + b"\x02\0\0\0\0\1" + etype + pkt).hex())
        return 0
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    smac = s.getsockname()[4]
    for i in range(count):
        for dmac, etype, pkt in frames:
            frame = dmac + smac + etype + pkt
            if len(frame) < 60:
                frame += b"\0" * (60 - len(frame))
            s.send(frame)
        if gap and i + 1 < count:
            time.sleep(gap)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
