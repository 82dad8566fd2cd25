#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Hostile IGMP/MLD/MRD/PIM frames for mcsnoop_stress_frames.sh (issue 17).

usage:
  stress_frames.py corpus SEED FILE MAC
      scapy builds the corpus: real, valid IGMPv1/2/3, MLDv1/2, MRD and
      PIM messages from MAC (10.0.0.77, fe80::77), and structural
      mutations of them (VLAN, 802.1ad and stacked tags; IP options and
      IPv6 extension headers; fragments; jumbo sizes; duplicated and
      reordered records; oversized and "negative" record and source
      counts; bad lengths, checksums, TTLs, groups and sources;
      truncations), one "NAME HEX" line each. The only command that
      imports scapy.
  stress_frames.py send [-n NETNS] CORPUS SEED COUNT IFACE[,IFACE...]
      COUNT frames, as fast as it can, spread over the IFACEs (AF_PACKET):
      first every corpus frame as it is, then seeded byte-level mutations
      of them. Prints KEY=VALUE words that add up over runs: sent, ms,
      jumbo, nonlinear, oversize (left out), retries, rejected, and per
      interface sent.IFACE, ring.IFACE and short.IFACE (frames the
      kernel drops before the bridge: a VLAN tag and nothing behind).
  stress_frames.py reference [-n NETNS] CORPUS IFACE PREFIX[,PREFIX...]
      every corpus frame named PREFIX.COUNTER.WHAT once ("valid": the
      valid, untagged messages; "rfc4286": MRD solicitations and
      terminations of 4 bytes); prints the counters of `mcsnoopctl
      stats` they must move ("igmp_v2_report+3 ...").
  stress_frames.py stream [-n NETNS] IFACE GROUP PPS
      UDP datagrams to GROUP, PPS a second, each with a sequence number.
  stress_frames.py recv [-n NETNS] IFACE GROUP FILE
      join GROUP (the host's own IP stack reports it) and count what
      arrives of stream into FILE: one line of KEY=VALUE, rewritten as it
      changes (n received, first and last sequence number, maxrun the
      most consecutive numbers missing, ooo out of order, maxgap_ms the
      longest time without a datagram).

The same SEED, COUNT and MTUs give the same frames (the corpus too),
in the same order, on the same interfaces: a failure replays with its
seed. Frames longer
than an interface's MTU allows are left out (the test raises the MTU to
9000 for part of the run, so the jumbo ones go then).

Two ways of sending, chosen per frame by the seeded generator:
send(2), where the kernel (packet_snd) copies a frame into a linear skb
when it is shorter than a page and into page fragments behind a 14-byte
head when it is longer; and a PACKET_TX_RING (TPACKET_V2), whose frames
(tpacket_snd) always reach the veth, and so the bridge, as page
fragments behind that 14-byte head, however short: nonlinear skbs of
every size (see mcsnoop_stress_frames.sh for how that was verified).
"""

import array
import errno
import mmap
import os
import random
import socket
import struct
import sys
import time
from netns import enter_netns

SRC4 = "10.0.0.77"
SRC6 = "fe80::77"
# The corpus' groups are 239.77.0-2.x and ff0e::77:1xx: never the test's
# own (225.100.200.x), so that no hostile frame touches the member's.
NGROUPS = 48
PORT = 5002
MAGIC = b"MCSF"
TPIDS = (0x8100, 0x88a8, 0x9100)


# ------------------------------------------------------------ dissecting
# What the mutations and the checksum fixes need to know of a frame: a
# plain walk, bounded by the frame, that never fails.

def csum(data):
    if len(data) & 1:
        data += b"\0"
    a = array.array("H", data)
    if sys.byteorder == "little":
        a.byteswap()
    s = sum(a)
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


class Layout:
    """Offsets in a frame: l3 (IP header), v6, l4 (message), end (where
    the IP lengths say the message ends, within the frame), proto."""
    __slots__ = ("l3", "v6", "l4", "end", "proto", "fields")


def dissect(f):
    """The Layout of frame f, and in lay.fields the offsets of the bytes
    worth mutating: IP header fields, message type and code, counts,
    record headers."""
    n = len(f)
    lay = Layout()
    off = 12
    et = 0
    while off + 2 <= n:
        et = f[off] << 8 | f[off + 1]
        if et in TPIDS and off + 6 <= n:
            off += 4
            continue
        break
    lay.l3 = off + 2
    lay.v6 = et == 0x86dd
    lay.proto = -1
    lay.l4 = lay.end = n
    lay.fields = []
    l3 = lay.l3
    if et == 0x0800 and l3 + 20 <= n:
        ihl = (f[l3] & 15) * 4
        tot = f[l3 + 2] << 8 | f[l3 + 3]
        lay.proto = f[l3 + 9]
        lay.l4 = min(l3 + max(ihl, 20), n)
        lay.end = max(lay.l4, min(l3 + tot, n))
        lay.fields = [l3, l3 + 2, l3 + 3, l3 + 6, l3 + 8, l3 + 9]
    elif lay.v6 and l3 + 40 <= n:
        plen = f[l3 + 4] << 8 | f[l3 + 5]
        lay.end = min(l3 + 40 + plen, n)
        nh = f[l3 + 6]
        off = l3 + 40
        lay.fields = [l3, l3 + 4, l3 + 5, l3 + 6, l3 + 7, l3 + 8]
        for _ in range(10):
            if nh not in (0, 43, 60, 44) or off + 8 > lay.end:
                break
            lay.fields += [off, off + 1]
            if nh == 44:
                nh, off = f[off], off + 8
                lay.fields += [off - 6, off - 5]
                break
            nh, off = f[off], off + (f[off + 1] + 1) * 8
        lay.proto = nh
        lay.l4 = min(off, lay.end)
    l4 = lay.l4
    if lay.end - l4 >= 8:
        lay.fields += [l4, l4 + 1, l4 + 4, l4 + 6, l4 + 7]
        t = f[l4]
        if lay.proto in (2, 58) and t in (0x22, 143):
            hdr, alen = (20, 16) if lay.v6 else (8, 4)
            off = l4 + 8
            for _ in range(f[l4 + 6] << 8 | f[l4 + 7]):
                if off + hdr > lay.end:
                    break
                lay.fields += [off, off + 1, off + 2, off + 3]
                off += hdr + ((f[off + 2] << 8 | f[off + 3]) * alen +
                              f[off + 1] * 4)
        elif lay.proto == 2 and t == 0x11 and lay.end - l4 >= 12:
            lay.fields += [l4 + 8, l4 + 10, l4 + 11]
        elif lay.proto == 58 and t == 130 and lay.end - l4 >= 28:
            lay.fields += [l4 + 24, l4 + 26, l4 + 27]
    return lay


def fix_checksums(f, lay=None):
    """The IPv4 header checksum and the IGMP, ICMPv6 or PIM checksum, as
    mcsnoop computes them over what the IP lengths cover."""
    lay = lay or dissect(f)
    l3, l4, end = lay.l3, lay.l4, lay.end
    if not lay.v6 and lay.proto >= 0:
        ihl = (f[l3] & 15) * 4
        if 20 <= ihl and l3 + ihl <= len(f):
            f[l3 + 10:l3 + 12] = b"\0\0"
            f[l3 + 10:l3 + 12] = struct.pack("!H", csum(bytes(f[l3:l3 + ihl])))
    if end - l4 < 4:
        return
    if lay.proto in (2, 103) and not lay.v6:
        f[l4 + 2:l4 + 4] = b"\0\0"
        f[l4 + 2:l4 + 4] = struct.pack("!H", csum(bytes(f[l4:end])))
    elif lay.proto in (58, 103) and lay.v6:
        f[l4 + 2:l4 + 4] = b"\0\0"
        pseudo = bytes(f[l3 + 8:l3 + 40]) + struct.pack("!IxxxB", end - l4,
                                                        lay.proto)
        f[l4 + 2:l4 + 4] = struct.pack("!H", csum(pseudo + bytes(f[l4:end])))


def set_lengths(f, lay):
    """IP lengths that agree with the frame again."""
    if lay.v6:
        if lay.l3 + 40 <= len(f):
            f[lay.l3 + 4:lay.l3 + 6] = struct.pack("!H", len(f) - lay.l3 - 40)
    elif lay.l3 + 20 <= len(f):
        f[lay.l3 + 2:lay.l3 + 4] = struct.pack("!H", len(f) - lay.l3)


# -------------------------------------------------------------- corpus

def corpus(seed, path, mac):
    """Build the corpus with scapy (the only part that needs it)."""
    rng = random.Random("corpus/%s" % seed)
    # Scapy loads its cryptography support (TLS, IPsec) when it can, and
    # Wireshark's database of MAC vendors (2 MB): neither is needed here,
    # and they are seconds of an import under TCG.
    sys.modules.setdefault("cryptography", None)
    exists = os.path.exists
    os.path.exists = lambda p: not p.endswith("/manuf") and exists(p)
    try:
        from scapy.layers.l2 import Ether
    finally:
        os.path.exists = exists
    from scapy.layers.inet import IP, IPOption_Router_Alert, fragment
    from scapy.contrib.igmp import IGMP
    from scapy.contrib.igmpv3 import (IGMPv3, IGMPv3gr, IGMPv3mq,
                                      IGMPv3mr, IGMPv3mra)
    from scapy.layers.inet6 import (
        IPv6, IPv6ExtHdrDestOpt, HBHOptUnknown, PadN, IPv6ExtHdrFragment,
        IPv6ExtHdrHopByHop,
        IPv6ExtHdrRouting, RouterAlert, ICMPv6MLQuery, ICMPv6MLReport,
        ICMPv6MLDone, ICMPv6MLQuery2, ICMPv6MLReport2, ICMPv6MLDMultAddrRec,
        ICMPv6MRD_Advertisement, ICMPv6MRD_Solicitation,
        ICMPv6MRD_Termination, fragment6)
    from scapy.contrib.pim import (PIMv2Hdr, PIMv2Hello, PIMv2HelloHoldtime,
                                   PIMv2HelloDRPriority,
                                   PIMv2HelloGenerationID,
                                   PIMv2HelloLANPruneDelay)
    from scapy.packet import Raw

    out = []

    def g4(i=None):
        i = rng.randrange(NGROUPS) if i is None else i
        return "239.77.%d.%d" % (i // 16, 2 + i % 16)

    def g6(i=None):
        i = rng.randrange(NGROUPS) if i is None else i
        return "ff0e::77:%x" % (0x100 + i)

    def s4(k):
        return ["10.77.%d.%d" % (j // 250, 1 + j % 250) for j in range(k)]

    def s6(k):
        return ["2001:db8:77::%x" % (1 + j) for j in range(k)]

    def ra4():
        return [IPOption_Router_Alert()]

    def ip4(dst, opts=None, **kw):
        kw.setdefault("ttl", 1)
        return IP(src=SRC4, dst=dst, tos=0xc0,
                  options=ra4() if opts is None else opts, **kw)

    def hbh(**kw):
        return IPv6ExtHdrHopByHop(options=[RouterAlert(value=0)], **kw)

    def ip6(dst, src=SRC6, **kw):
        kw.setdefault("hlim", 1)
        return IPv6(src=src, dst=dst, **kw)

    def mac_of(l3):
        if isinstance(l3, IPv6):
            a = socket.inet_pton(socket.AF_INET6, l3.dst)
            return "33:33:" + ":".join("%02x" % b for b in a[12:])
        a = socket.inet_aton(l3.dst)
        if 224 <= a[0] <= 239:
            return "01:00:5e:%02x:%02x:%02x" % (a[1] & 0x7f, a[2], a[3])
        return "01:00:5e:00:00:01"

    built = {}

    def add(name, l3, tags=(), fix=False, eth=None, ipopt=None):
        """One entry: l3 in Ethernet with VLAN tags ((TPID, VID), outside
        in: scapy has no layer for 0x9100 and would reorder a stack), the
        IPv4 options ipopt inserted (checksums fixed then). Each message
        is built once, whatever it is dressed in."""
        if id(l3) not in built:
            built[id(l3)] = (l3, bytes(Ether(src=mac, dst=mac_of(l3)) / l3))
        frame = bytearray(built[id(l3)][1])
        frame[12:12] = b"".join(struct.pack("!HH", t, v) for t, v in tags)
        off = 12 + 4 * len(tags)
        if eth is not None:
            frame[off:off + 2] = struct.pack("!H", eth)
        if ipopt is not None:
            l3off = off + 2
            frame[l3off + 20:l3off + 20] = ipopt
            frame[l3off] = 0x40 | (20 + len(ipopt)) // 4
            tot = struct.unpack_from("!H", frame, l3off + 2)[0] + len(ipopt)
            struct.pack_into("!H", frame, l3off + 2, tot)
            fix = True
        if fix:
            fix_checksums(frame)
        out.append((name, bytes(frame)))

    # ---- the valid messages: "valid.<counter of mcsnoopctl stats>.<what>"
    valid = []
    rfc = []

    def v(counter, what, l3, fix=False):
        valid.append(("valid.%s.%s" % (counter, what), l3, fix))

    for i in range(3):
        g = g4()
        v("igmp_v1_report", "r", ip4(g, opts=[]) / IGMP(type=0x12, mrcode=0,
                                                         gaddr=g))
        v("igmp_v2_report", "r", ip4(g) / IGMP(type=0x16, mrcode=0, gaddr=g))
        v("igmp_v2_leave", "l", ip4("224.0.0.2") /
          IGMP(type=0x17, mrcode=0, gaddr=g))
    v("igmp_v1_query", "gq", ip4("224.0.0.1", opts=[]) /
      IGMP(type=0x11, mrcode=0))
    v("igmp_v2_query", "gq", ip4("224.0.0.1") / IGMP(type=0x11, mrcode=100))
    v("igmp_v2_query", "gsq", ip4(g4(1)) / IGMP(type=0x11, mrcode=10,
                                                 gaddr=g4(1)))
    v("igmp_v3_query", "gq", ip4("224.0.0.1") / IGMPv3(type=0x11, mrcode=100)
      / IGMPv3mq(qrv=2, qqic=125))
    v("igmp_v3_query", "gsq", ip4(g4(2)) / IGMPv3(type=0x11, mrcode=10) /
      IGMPv3mq(gaddr=g4(2), qrv=2, qqic=125))
    v("igmp_v3_query", "gssq", ip4(g4(3)) / IGMPv3(type=0x11, mrcode=10) /
      IGMPv3mq(gaddr=g4(3), qrv=2, qqic=125, srcaddrs=s4(5)))
    v("igmp_v3_query", "gq.big", ip4("224.0.0.1") /
      IGMPv3(type=0x11, mrcode=200) / IGMPv3mq(s=1, qrv=7, qqic=255))

    def rec4(rtype=None, k=None, g=None, aux=0):
        k = rng.randrange(0, 6) if k is None else k
        r = IGMPv3gr(rtype=rng.randrange(1, 7) if rtype is None else rtype,
                     maddr=g or g4(), srcaddrs=s4(k), auxdlen=aux)
        return r / Raw(b"AUX!" * aux) if aux else r

    def rep4(recs, **kw):
        return ip4("224.0.0.22", **kw) / IGMPv3(type=0x22, mrcode=0) / \
            IGMPv3mr(records=recs)

    for t in range(1, 7):
        v("igmp_v3_report", "type%d" % t, rep4([rec4(t, 0 if t in (3, 4)
                                                     and rng.random() < .5
                                                     else 3)]))
    v("igmp_v3_report", "many", rep4([rec4() for _ in range(12)]))
    v("igmp_v3_report", "aux", rep4([rec4(aux=2), rec4(aux=1)]))
    # Duplicated and reordered records, repeated sources.
    recs = [rec4(k=2) for _ in range(4)]
    v("igmp_v3_report", "dup", rep4(recs + recs[1:3] + [recs[0]]))
    rng.shuffle(recs)
    v("igmp_v3_report", "reordered", rep4(recs))
    g = g4()
    v("igmp_v3_report", "flipflop", rep4(
        [IGMPv3gr(rtype=5, maddr=g, srcaddrs=s4(2)),
         IGMPv3gr(rtype=6, maddr=g, srcaddrs=s4(2)),
         IGMPv3gr(rtype=4, maddr=g), IGMPv3gr(rtype=3, maddr=g),
         IGMPv3gr(rtype=1, maddr=g, srcaddrs=s4(3) * 3)]))
    v("igmp_v3_report", "ll", rep4([rec4(2, 0, "224.0.0.251")]))
    v("mrd_advertisement", "v4", ip4("224.0.0.106") /
      IGMPv3(type=0x30, mrcode=20) / IGMPv3mra(qryIntvl=125, robust=2))
    # RFC 4286 sections 6 and 7: solicitation and termination are four
    # bytes (type, reserved, checksum); as smcroute sends them, eight
    # (the Linux bridge's own snooping drops IGMP and ICMPv6 shorter).
    rfc.append(("mrd_solicitation", "v4", ip4("224.0.0.2") /
                IGMPv3(type=0x31, mrcode=0)))
    rfc.append(("mrd_termination", "v4", ip4("224.0.0.106") /
                IGMPv3(type=0x32, mrcode=0)))
    v("mrd_solicitation", "v4x8", ip4("224.0.0.2") /
      IGMPv3(type=0x31, mrcode=0) / Raw(bytes(4)))
    v("mrd_termination", "v4x8", ip4("224.0.0.106") /
      IGMPv3(type=0x32, mrcode=0) / Raw(bytes(4)))

    def hello(holdtime=105, more=True):
        opts = [PIMv2HelloHoldtime(holdtime=holdtime)]
        if more:
            opts += [PIMv2HelloDRPriority(dr_priority=rng.randrange(1 << 16)),
                     PIMv2HelloGenerationID(generation_id=rng.getrandbits(32)),
                     PIMv2HelloLANPruneDelay()]
        return PIMv2Hdr(type=0) / PIMv2Hello(option=opts)

    v("pim_hello", "v4", ip4("224.0.0.13", opts=[]) / hello())
    # IPv6: PIM's checksum covers the pseudo-header, which scapy's PIM
    # layer leaves out: fixed here (the other checksums are scapy's).
    v("pim_hello", "v6", ip6("ff02::d", nh=103) / hello(), fix=True)
    for i in range(2):
        g = g6()
        v("mld_v1_report", "r", ip6(g) / hbh() / ICMPv6MLReport(mladdr=g))
        v("mld_v1_done", "d", ip6("ff02::2") / hbh() / ICMPv6MLDone(mladdr=g))
    v("mld_v1_query", "gq", ip6("ff02::1") / hbh() / ICMPv6MLQuery(mrd=1000))
    v("mld_v1_query", "gsq", ip6(g6(1)) / hbh() /
      ICMPv6MLQuery(mrd=1000, mladdr=g6(1)))
    v("mld_v2_query", "gq", ip6("ff02::1") / hbh() /
      ICMPv6MLQuery2(mrd=1000, QRV=2, QQIC=125))
    v("mld_v2_query", "gssq", ip6(g6(2)) / hbh() /
      ICMPv6MLQuery2(mrd=1000, mladdr=g6(2), QRV=2, QQIC=125,
                     sources=s6(3)))

    def rec6(rtype=None, k=None, g=None, aux=b""):
        k = rng.randrange(0, 4) if k is None else k
        # auxdata_len counts 32-bit words (RFC 3810 5.2.6), not bytes
        # as scapy's default would.
        return ICMPv6MLDMultAddrRec(rtype=rng.randrange(1, 7)
                                    if rtype is None else rtype,
                                    dst=g or g6(), sources=s6(k), auxdata=aux,
                                    auxdata_len=len(aux) // 4)

    def rep6(recs, src=SRC6):
        return ip6("ff02::16", src=src) / hbh() / ICMPv6MLReport2(records=recs)

    for t in range(1, 7):
        v("mld_v2_report", "type%d" % t, rep6([rec6(t, 2)]))
    v("mld_v2_report", "many", rep6([rec6() for _ in range(10)]))
    v("mld_v2_report", "aux", rep6([rec6(aux=b"AUXDATA!"), rec6()]))
    v("mld_v2_report", "unspec", rep6([rec6(4, 0)], src="::"))
    recs = [rec6(k=1) for _ in range(3)]
    v("mld_v2_report", "dup", rep6(recs + recs + recs[:1]))
    rng.shuffle(recs)
    v("mld_v2_report", "reordered", rep6(recs))
    v("mrd_advertisement", "v6", ip6("ff02::6a") / hbh() /
      ICMPv6MRD_Advertisement(advinter=20, queryint=125, robustness=2))
    rfc.append(("mrd_solicitation", "v6", ip6("ff02::2") / hbh() /
                ICMPv6MRD_Solicitation()))
    rfc.append(("mrd_termination", "v6", ip6("ff02::6a") / hbh() /
                ICMPv6MRD_Termination()))
    v("mrd_solicitation", "v6x8", ip6("ff02::2") / hbh() /
      ICMPv6MRD_Solicitation() / Raw(bytes(4)))
    v("mrd_termination", "v6x8", ip6("ff02::6a") / hbh() /
      ICMPv6MRD_Termination() / Raw(bytes(4)))
    # Jumbo and valid: 2150 sources (one frame of 8.7 kB), 530 in MLDv2.
    v("igmp_v3_report", "jumbo", rep4([rec4(1, 1000), rec4(2, 1150)]))
    v("mld_v2_report", "jumbo", rep6([rec6(1, 300), rec6(5, 230)]))
    v("igmp_v3_query", "jumbo", ip4(g4(4)) / IGMPv3(type=0x11, mrcode=10) /
      IGMPv3mq(gaddr=g4(4), qrv=2, qqic=125, srcaddrs=s4(2200)))

    for name, l3, fix in valid:
        add(name, l3, fix=fix)
    for counter, what, l3 in rfc:
        add("rfc4286.%s.%s" % (counter, what), l3)

    # ---- structural mutations, made by scapy (checksums scapy's, or
    # fixed after a field was forced so that the error lies deeper).
    def bad(err, what, l3, fix=False, **kw):
        add("bad.%s.%s" % (err, what), l3, fix=fix, **kw)

    g = g4()
    bad("truncated", "igmp4", ip4(g, proto=2) / Raw(b"\x16\0\0\0"),
        fix=True)
    bad("truncated", "iplen", ip4(g, len=200) / IGMP(type=0x16, gaddr=g))
    bad("truncated", "ip6len", ip6(g6(), plen=500) / hbh() /
        ICMPv6MLReport(mladdr=g6(3)))
    bad("truncated", "mld", ip6(g6(5)) / hbh(nh=58) /
        Raw(b"\x83\0\0\0" + bytes(12)), fix=True)
    bad("truncated", "pim", ip4("224.0.0.13", opts=[], proto=103) /
        Raw(b"\x20\0"))
    bad("bad_ip", "ihl4", ip4(g, ihl=4) / IGMP(type=0x16, gaddr=g))
    bad("bad_ip", "ipcsum", ip4(g, chksum=0x1234) / IGMP(type=0x16, gaddr=g))
    bad("bad_ip", "len<ihl", ip4(g, len=20) / IGMP(type=0x16, gaddr=g),
        fix=True)
    bad("bad_ip", "version", ip4(g, version=5) / IGMP(type=0x16, gaddr=g))
    bad("bad_ip", "ip6version", ip6(g6(), version=4) / hbh() /
        ICMPv6MLReport(mladdr=g6(4)))
    big = rep4([rec4(1, 300), rec4(2, 300)])
    for i, fr in enumerate(fragment(big, fragsize=1200)):
        bad("fragment", "igmp3.%d" % i, fr)
    bad("fragment", "mf", ip4(g, flags="MF") / IGMP(type=0x16, gaddr=g))
    bad("fragment", "offset", ip4(g, frag=100) / IGMP(type=0x16, gaddr=g))
    bigv6 = ip6("ff02::16") / hbh() / IPv6ExtHdrFragment(id=0x7777) / \
        ICMPv6MLReport2(records=[rec6(1, 60), rec6(2, 60)])
    for i, fr in enumerate(fragment6(bigv6, 1280)):
        bad("fragment", "mld2.%d" % i, fr)
    bad("fragment", "mld1", ip6(g6(6)) / hbh() / IPv6ExtHdrFragment(m=1) /
        ICMPv6MLReport(mladdr=g6(6)))
    bad("bad_ttl", "igmp2", ip4(g, ttl=2) / IGMP(type=0x16, gaddr=g))
    bad("bad_ttl", "query", ip4("224.0.0.1", ttl=255) / IGMP(type=0x11))
    bad("bad_ttl", "ttl0", ip4(g, ttl=0) / IGMP(type=0x16, gaddr=g))
    bad("bad_ttl", "mld", ip6(g6(7), hlim=255) / hbh() /
        ICMPv6MLReport(mladdr=g6(7)))
    bad("bad_ttl", "pim6", ip6("ff02::d", hlim=2, nh=103) / hello(), fix=True)
    bad("bad_csum", "igmp2", ip4(g) / IGMP(type=0x16, gaddr=g, chksum=1))
    bad("bad_csum", "igmp3", ip4("224.0.0.22") / IGMPv3(type=0x22, chksum=1) /
        IGMPv3mr(records=[rec4()]))
    bad("bad_csum", "mld2", ip6("ff02::16") / hbh() /
        ICMPv6MLReport2(cksum=1, records=[rec6()]))
    bad("bad_csum", "pim4", ip4("224.0.0.13", opts=[]) /
        PIMv2Hdr(type=0, chksum=7) / PIMv2Hello(option=[PIMv2HelloHoldtime()]))
    bad("bad_csum", "pim6", ip6("ff02::d", nh=103) / hello())  # scapy's own
    bad("bad_length", "igmp3q", ip4(g) / IGMP(type=0x11, gaddr=g) /
        Raw(b"\x02\x7d"), fix=True)
    bad("bad_length", "mld2q", ip6("ff02::1") / hbh() /
        ICMPv6MLQuery(mrd=1000) / Raw(b"\x02"), fix=True)
    bad("bad_group", "igmp2", ip4(g) / IGMP(type=0x16, gaddr="10.1.2.3"))
    bad("bad_group", "igmp3", rep4([rec4(), rec4(4, 0, "10.77.0.1")]))
    bad("bad_group", "query", ip4(g) / IGMP(type=0x11, gaddr="10.1.2.3"))
    bad("bad_group", "q3src", ip4("224.0.0.1") / IGMPv3(type=0x11) /
        IGMPv3mq(srcaddrs=s4(2)))
    bad("bad_group", "mld1", ip6(g6()) / hbh() /
        ICMPv6MLReport(mladdr="2001:db8::1"))
    bad("bad_group", "mld2", rep6([rec6(4, 0, "2001:db8::77")]))
    bad("bad_source", "mld1", ip6(g6(8), src="2001:db8::77") / hbh() /
        ICMPv6MLReport(mladdr=g6(8)))
    bad("bad_source", "query", ip6("ff02::1", src="::") / hbh() /
        ICMPv6MLQuery2())
    bad("bad_source", "mrd", ip6("ff02::6a", src="2001:db8::77") / hbh() /
        ICMPv6MRD_Advertisement())
    # Oversized and "negative" (as signed 16 bits) counts, checksums right.
    for cnt in (0xffff, 0x8000, 0x7fff, 13):
        bad("bad_records", "nrec%x" % cnt, ip4("224.0.0.22") /
            IGMPv3(type=0x22, mrcode=0) /
            IGMPv3mr(numgrp=cnt, records=[rec4(k=1) for _ in range(12)]))
        bad("bad_records", "nsrc%x" % cnt, rep4([rec4(k=2), IGMPv3gr(
            rtype=1, maddr=g4(), numsrc=cnt, srcaddrs=s4(12))]))
        bad("bad_records", "qsrc%x" % cnt, ip4(g) / IGMPv3(type=0x11) /
            IGMPv3mq(gaddr=g, numsrc=cnt, srcaddrs=s4(12)))
        bad("bad_records", "mldnrec%x" % cnt, ip6("ff02::16") / hbh() /
            ICMPv6MLReport2(records_number=cnt,
                            records=[rec6(k=1) for _ in range(12)]))
        bad("bad_records", "mldnsrc%x" % cnt, rep6([ICMPv6MLDMultAddrRec(
            rtype=2, dst=g6(), sources_number=cnt, sources=s6(12))]))
        bad("bad_records", "mldqsrc%x" % cnt, ip6(g6(9)) / hbh() /
            ICMPv6MLQuery2(mladdr=g6(9), sources_number=cnt,
                           sources=s6(12)))
    bad("bad_records", "aux255", rep4([rec4(aux=0)]) / Raw(b""),
        fix=True)
    out[-1] = (out[-1][0], patch_aux(out[-1][1], 255))
    bad("bad_records", "mldaux255", rep6([rec6(k=1)]), fix=True)
    out[-1] = (out[-1][0], patch_aux(out[-1][1], 255))

    # ---- the valid messages again, in other clothes: tags, options,
    # extension headers, padding, jumbo frames. Which tags each gets is
    # the generator's choice: a few hundred entries in all.
    tagsets = [((0x8100, 10),), ((0x8100, 20),), ((0x8100, 30),),
               ((0x8100, 0),), ((0x8100, 1),), ((0x88a8, 10),),
               ((0x88a8, 10), (0x8100, 20)), ((0x8100, 10), (0x8100, 20)),
               ((0x9100, 10), (0x8100, 20)),
               ((0x88a8, 10), (0x8100, 20), (0x8100, 30))]
    for name, l3, fix in valid:
        for tags in rng.sample(tagsets, 3):
            add("tag%s.%s" % ("".join("%x:%d" % t for t in tags), name), l3,
                tags=tags, fix=fix)
    # IPv4 options as bytes, the odd ones too (mcsnoop reads only the
    # header length; the hosts the queries are flooded to parse them).
    opts4 = [b"\x94\x04\0\0" + b"\x01" * 4,            # RA, NOPs
             b"\x01" * 40,                             # IHL 15
             b"\x07\x27\x04" + bytes(36) + b"\0",       # record route
             b"\x94\x04\0\0\x44\x02\x01\0",           # timestamp, len 2
             b"\x94\x00\0\0",                         # RA of length 0
             b"\x07\x27\0\0"]                         # longer than IHL
    for i, o in enumerate(opts4):
        for _ in range(4):
            g = g4()
            l4 = rng.choice([IGMP(type=0x16, gaddr=g),
                             IGMPv3(type=0x22) / IGMPv3mr(records=[rec4()]),
                             IGMP(type=0x11, mrcode=50)])
            add("ipopt%d.%s" % (i, l4.name), ip4(g, opts=[]) / l4, ipopt=o)
    exts = [lambda: [IPv6ExtHdrHopByHop(options=[RouterAlert()]),
                     IPv6ExtHdrDestOpt()],
            lambda: [IPv6ExtHdrRouting(), hbh()],
            lambda: [IPv6ExtHdrDestOpt() for _ in range(8)],
            lambda: [IPv6ExtHdrDestOpt() for _ in range(9)],
            lambda: [IPv6ExtHdrHopByHop(options=[
                RouterAlert(), HBHOptUnknown(otype=0x1e,
                                             optdata=bytes(200)),
                PadN(optdata=bytes(40))])],
            lambda: [IPv6ExtHdrFragment(offset=10)],
            lambda: []]
    for i, ext in enumerate(exts):
        for _ in range(4):
            g = g6()
            l3 = ip6(g)
            for e in ext():
                l3 = l3 / e
            l3 = l3 / rng.choice([ICMPv6MLReport(mladdr=g),
                                  ICMPv6MLReport2(records=[rec6()]),
                                  ICMPv6MLQuery2(mladdr=g)])
            add("ext%d" % i, l3)
    # Jumbo frames: small messages padded far beyond their IP length, and
    # IP lengths that cover the padding (the message is then longer).
    for i in range(6):
        name, l3, fix = rng.choice(valid)
        pad = rng.choice([n for n in (1000, 4000, 8000)
                          if len(l3) + n <= 8950] + [8950 - len(l3)])
        add("pad%d.%s" % (pad, name), l3 / Raw(bytes(pad)), fix=fix)
        long = l3.copy()
        if isinstance(l3, IP):
            long.len = len(l3) + pad
        else:
            long.plen = len(l3) - 40 + pad
        add("long%d.%s" % (pad, name), long / Raw(bytes(pad)), fix=True)
    # Truncations at every length of a few messages (lengths agree).
    for name, l3, fix in rng.sample(valid, 6):
        raw = bytes(Ether(src=mac, dst=mac_of(l3)) / l3)
        lay = dissect(bytearray(raw))
        for cut in [lay.l4 + n for n in list(range(1, 13)) +
                    list(range(14, 40, 3)) if lay.l4 + n < len(raw)]:
            f = bytearray(raw[:cut])
            set_lengths(f, lay)
            fix_checksums(f)
            out.append(("cut%d.%s" % (cut - lay.l4, name), bytes(f)))
    # Other ethertypes on multicast: not ours, as seen by the parser.
    add("ethertype.arp", ip4("224.0.0.1") / IGMP(type=0x11), eth=0x0806)
    add("ethertype.v6in4", ip4("224.0.0.1") / IGMP(type=0x11), eth=0x86dd)
    add("ethertype.v4in6", ip6("ff02::1") / hbh() / ICMPv6MLQuery(),
        eth=0x0800)

    # Self-check: fix_checksums() computes what scapy does, where scapy
    # computes them right (the mutations below depend on it).
    for name, l3, fix in valid:
        if not fix:
            raw = bytes(Ether(src=mac, dst=mac_of(l3)) / l3)
            f = bytearray(raw)
            fix_checksums(f)
            if bytes(f) != raw:
                sys.exit("stress_frames.py: checksums of %s differ from "
                         "scapy's" % name)
    with open(path, "w") as fh:
        for name, frame in out:
            fh.write("%s %s\n" % (name, frame.hex()))
    print("corpus=%d valid=%d seed=%s" % (len(out), len(valid), seed))
    return 0


def patch_aux(frame, aux):
    """Set the aux data length of the first record of a v3/v2 report."""
    f = bytearray(frame)
    lay = dissect(f)
    f[lay.l4 + 9] = aux
    fix_checksums(f, lay)
    return bytes(f)


def load(path):
    """The corpus: (NAME, FRAME) pairs."""
    out = []
    with open(path) as fh:
        for line in fh:
            name, hexa = line.split()
            out.append((name, bytes.fromhex(hexa)))
    return out


# ------------------------------------------------------------ mutations

SPECIAL16 = (0, 1, 2, 0x7fff, 0x8000, 0x8001, 0xfffe, 0xffff)


def mutate(frame, rng):
    """One to three seeded byte-level mutations of a corpus frame; the
    checksums (and sometimes lengths) made right again most of the time,
    so that the frame gets past them to what lies behind."""
    f = bytearray(frame)
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        lay = dissect(f)
        n = len(f)
        r = rng.random()
        if r < 0.18 and n > 15:
            # Truncate anywhere behind the MACs.
            del f[rng.randrange(14, n):]
            if rng.random() < 0.5:
                set_lengths(f, dissect(f))
        elif r < 0.45 and lay.fields:
            # A byte of a header, count or length field.
            pos = rng.choice(lay.fields)
            if pos < n:
                f[pos] = rng.choice((0, 0xff, 0x80, 0x7f, f[pos] ^ 0xff,
                                     f[pos] ^ (1 << rng.randrange(8)),
                                     rng.randrange(256)))
        elif r < 0.60 and lay.fields:
            # A 16-bit field to a special value (counts, lengths).
            pos = max(0, rng.choice(lay.fields) - rng.randrange(2))
            if pos + 2 <= n:
                v = rng.choice(SPECIAL16)
                if rng.random() < 0.3:
                    v = ((f[pos] << 8 | f[pos + 1]) + rng.choice((1, -1))) \
                        & 0xffff
                f[pos:pos + 2] = struct.pack("!H", v)
        elif r < 0.70:
            # Any byte at all.
            pos = rng.randrange(12, n) if n > 12 else 0
            if pos < n:
                f[pos] = rng.randrange(256)
        elif r < 0.80 and lay.end > lay.l4 + 8:
            # Duplicate a slice of the message (records, sources) at its
            # end and own up to it in the IP length.
            a = rng.randrange(lay.l4 + 8, lay.end)
            b = min(lay.end, a + rng.choice((4, 8, 16, 20, 36)))
            f[lay.end:lay.end] = f[a:b]
            if rng.random() < 0.7:
                set_lengths(f, lay)
        elif r < 0.86:
            # Garbage or zeros appended (within the IP length or not).
            f += bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
            if rng.random() < 0.5:
                set_lengths(f, lay)
        elif r < 0.93 and n > 14:
            # Add, drop or change a VLAN tag.
            t = rng.random()
            if t < 0.4:
                f[12:12] = struct.pack("!HH", rng.choice(TPIDS),
                                       rng.choice((0, 1, 10, 20, 30, 4095)))
            elif t < 0.7 and lay.l3 > 14:
                del f[12:16]
            else:
                f[12:14] = struct.pack("!H", rng.choice(TPIDS + (0x0800,
                                                                 0x86dd)))
        else:
            # An IP source or destination byte.
            if lay.v6:
                pos = lay.l3 + rng.choice((8, 9, 23, 24, 25, 39))
            else:
                pos = lay.l3 + rng.choice((12, 15, 16, 19))
            if pos < n:
                f[pos] = rng.randrange(256)
    if rng.random() < 0.75:
        fix_checksums(f)
    if rng.random() < 0.05:
        lay = dissect(f)
        pos = rng.choice((lay.l3 + 10, lay.l4 + 2))
        if pos + 1 < len(f):
            f[pos] ^= 0x5a
    return bytes(f)


# --------------------------------------------------------------- sending

SOL_PACKET = 263
PACKET_VERSION = 10
PACKET_TX_RING = 13
TPACKET_V2 = 1
TP_STATUS_SEND_REQUEST = 1
RING_FRAME = 1 << 14            # a jumbo frame and the header fit
RING_FRAMES = 32
RING_DATA = 32                  # TPACKET_ALIGN(sizeof(tpacket2_hdr))


class Port:
    """One interface: a plain AF_PACKET socket and a TX ring."""

    def __init__(self, iface):
        self.name = iface
        with open("/sys/class/net/%s/mtu" % iface) as fh:
            self.mtu = int(fh.read())
        self.plain = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
        self.plain.bind((iface, 0))
        self.ring = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
        self.ring.setsockopt(SOL_PACKET, PACKET_VERSION, TPACKET_V2)
        self.ring.setsockopt(SOL_PACKET, PACKET_TX_RING, struct.pack(
            "IIII", RING_FRAME, RING_FRAMES, RING_FRAME, RING_FRAMES))
        self.ring.bind((iface, 0))
        self.map = mmap.mmap(self.ring.fileno(), RING_FRAME * RING_FRAMES)
        self.slot = 0
        self.queued = 0
        self.sent = self.ring_sent = self.retries = self.rejected = 0
        self.short = 0

    def fits(self, frame):
        # packet_snd/tpacket_snd: MTU plus the Ethernet header, plus 4
        # when the frame is 802.1Q-tagged.
        extra = 4 if frame[12:14] == b"\x81\x00" else 0
        return 14 <= len(frame) <= self.mtu + 14 + extra

    def send_plain(self, frame):
        """Send frame (True), or say the kernel refused it (False)."""
        self.flush()
        while True:
            try:
                self.plain.send(frame)
                self.sent += 1
                return True
            except OSError as e:
                if e.errno == errno.ENOBUFS:
                    # Dropped on the way (a full queue): again.
                    self.retries += 1
                    time.sleep(0.001)
                    continue
                if e.errno in (errno.EMSGSIZE, errno.EINVAL):
                    self.rejected += 1
                    return False
                raise

    def queue(self, frame):
        off = self.slot * RING_FRAME
        m = self.map
        while struct.unpack_from("I", m, off)[0] != 0:
            self.flush()
        m[off + RING_DATA:off + RING_DATA + len(frame)] = frame
        struct.pack_into("II", m, off + 4, len(frame), len(frame))
        struct.pack_into("I", m, off, TP_STATUS_SEND_REQUEST)
        self.slot = (self.slot + 1) % RING_FRAMES
        self.queued += 1
        if self.queued == RING_FRAMES:
            self.flush()

    def flush(self):
        if not self.queued:
            return
        while True:
            try:
                self.ring.send(b"")
                break
            except OSError as e:
                # The frame that could not go stays queued: again.
                if e.errno != errno.ENOBUFS:
                    raise
                self.retries += 1
                time.sleep(0.001)
        self.sent += self.queued
        self.ring_sent += self.queued
        self.queued = 0


def send(argv):
    path, seed, count, ifaces = argv[0], argv[1], int(argv[2]), argv[3]
    entries = load(path)
    ports = [Port(i) for i in ifaces.split(",")]
    rng = random.Random("send/%s" % seed)
    total = jumbo = nonlinear = oversize = 0
    t0 = time.monotonic()
    # First every corpus frame as it is, on every port.
    plan = [(p, e[1]) for e in entries for p in ports]
    i = 0
    while total < count:
        if i < len(plan):
            port, frame = plan[i]
            i += 1
        else:
            port = rng.choice(ports)
            frame = mutate(rng.choice(entries)[1], rng)
        if not port.fits(frame):
            oversize += 1
            continue
        ring = rng.random() < 0.35
        if ring:
            port.queue(frame)
        elif not port.send_plain(frame):
            continue
        total += 1
        # A VLAN tag with less than an ethertype behind it: the kernel
        # (skb_vlan_untag) drops the frame before the bridge sees it.
        if frame[12:14] in (b"\x81\x00", b"\x88\xa8") and len(frame) < 20:
            port.short += 1
        if len(frame) > 1518:
            jumbo += 1
        # packet_alloc_skb: a frame of a page or more goes to fragments.
        if ring or len(frame) + 16 >= 4096:
            nonlinear += 1
    for port in ports:
        port.flush()
    dt = time.monotonic() - t0
    # Words that add up over several runs.
    words = ["sent=%d" % total, "ms=%d" % int(dt * 1000),
             "jumbo=%d" % jumbo, "nonlinear=%d" % nonlinear,
             "oversize=%d" % oversize,
             "retries=%d" % sum(p.retries for p in ports),
             "rejected=%d" % sum(p.rejected for p in ports)]
    for p in ports:
        words += ["sent.%s=%d" % (p.name, p.sent),
                  "ring.%s=%d" % (p.name, p.ring_sent),
                  "short.%s=%d" % (p.name, p.short)]
    print(" ".join(words))
    return 0


def reference(argv):
    """Every frame named PREFIX.COUNTER.* once, plainly; the counters
    they move."""
    prefixes = tuple(w + "." for w in argv[2].split(","))
    entries = [e for e in load(argv[0]) if e[0].startswith(prefixes)]
    port = Port(argv[1])
    want = {}
    for name, frame in entries:
        if not port.fits(frame):
            continue
        port.send_plain(frame)
        key = name.split(".")[1]
        want[key] = want.get(key, 0) + 1
    print(" ".join("%s+%d" % kv for kv in sorted(want.items())))
    return 0


# -------------------------------------------------------------- the stream

def stream(iface, group, pps):
    idx = socket.if_nametoindex(iface)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF,
                 struct.pack("=4s4si", bytes(4), bytes(4), idx))
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    gap = 1.0 / float(pps)
    nxt = time.monotonic()
    seq = 0
    while True:
        try:
            s.sendto(MAGIC + struct.pack("!Q", seq) + bytes(48),
                     (group, PORT))
        except OSError:
            pass
        seq += 1
        # A starved sender goes on where it is: it numbers what it sends,
        # it does not make up for lost time in a burst.
        nxt += gap
        now = time.monotonic()
        if nxt < now - 1:
            nxt = now
        if nxt > now:
            time.sleep(nxt - now)


def recv(iface, group, path):
    idx = socket.if_nametoindex(iface)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    s.bind((group, PORT))
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
                 socket.inet_aton(group) + bytes(4) + struct.pack("=i", idx))
    s.settimeout(0.25)
    c = {"n": 0, "first": -1, "last": -1, "maxrun": 0, "ooo": 0,
         "maxgap_ms": 0}
    last_t = None
    written = 0.0
    dirty = True
    while True:
        try:
            data = s.recv(2048)
        except socket.timeout:
            data = None
        now = time.monotonic()
        if data and data[:4] == MAGIC and len(data) >= 12:
            seq = struct.unpack("!Q", data[4:12])[0]
            c["n"] += 1
            if c["first"] < 0:
                c["first"] = seq
                c["last"] = seq - 1
            if seq > c["last"]:
                c["maxrun"] = max(c["maxrun"], seq - c["last"] - 1)
                c["last"] = seq
            else:
                c["ooo"] += 1
            if last_t is not None:
                c["maxgap_ms"] = max(c["maxgap_ms"],
                                     int((now - last_t) * 1000))
            last_t = now
            dirty = True
        if dirty and now - written > 0.2:
            with open(path + ".tmp", "w") as fh:
                fh.write(" ".join("%s=%s" % kv for kv in c.items()) + "\n")
            os.replace(path + ".tmp", path)
            written = now
            dirty = False


# ------------------------------------------------------------------ main

def main(argv):
    if len(argv) > 2 and argv[1] == "-n":
        enter_netns(argv[2])
        argv = argv[:1] + argv[3:]
    cmds = {"corpus": (corpus, 3), "send": (send, 4),
            "reference": (reference, 3), "stream": (stream, 3),
            "recv": (recv, 3)}
    if not argv or argv[0] not in cmds:
        sys.exit(__doc__)
    fn, nargs = cmds[argv[0]]
    args = argv[1:]
    if len(args) != nargs:
        sys.exit(__doc__)
    try:
        if fn in (send, reference):
            return fn(args)
        return fn(*args)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
