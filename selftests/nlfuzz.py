#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Fuzz the mcsnoop generic netlink family: every command, every attribute.

The YNL spec (Documentation/netlink/specs/mcsnoop.yaml) says each
command's request attributes, their types, checks and nesting; genl.py's
Uapi (the uapi header) gives their numbers. The fuzzer sends random
requests: well-formed ones, with the real names and ifindexes of the
namespace's bridges and ports and values around the documented ranges, so
that they get deep into the handlers, and broken ones (unknown attribute
numbers, wrong NLA_F_NESTED, zero, odd and huge lengths, truncated
headers, duplicates, extreme integers, strings without NUL, bad genl
headers), as do (NLM_F_REQUEST|NLM_F_ACK) and, for the commands that
dump, as dumps, some abandoned half-read, some read on after other
requests. Each answer must be one of:

  applied  an ack with error 0, or the replies and NLMSG_DONE with 0
  refused  an NLMSG_ERROR (or, from a dump, NLMSG_DONE) with a negative
           error and an extack message; its offset, when there is one,
           at an attribute of the request
  core     refused by the generic netlink core before mcsnoop's code runs,
           without a message: EPERM (no CAP_NET_ADMIN), EOPNOTSUPP (no
           such command or no dump of it), EINVAL (too short for a genl
           header); classified by error
Anything else is a failure: a refusal without a message, an offset that
points at no attribute, no answer, an answer that does not parse, a late
answer, a changing command an unprivileged caller got through, a change
made from another namespace.

usage: nlfuzz.py run [--seed S] [--count N] [--log FILE] [--other-netns NAME]
                     [--phases PHASE=SHARE,...] [--timeout SECS]
       nlfuzz.py send HEX       resend one logged request (hex, as the log
                                has it), print the answer
run: the phases, in order, each with its share of the N requests:
  root          as root in this namespace (first a preamble that enables
                bridges and fills tables, so that dumps come in parts)
  nobody        uid 65534 without capabilities, this namespace: every
                changing command must be refused (EPERM)
  userns        root of a new user namespace, this network namespace
                (owned by the initial one): the same
  netns         root in the network namespace NAME (--other-netns),
                naming this namespace's ifindexes and names too
  own-netns     root of a new user namespace in a new network namespace
                it owns (unshare -Urn), with bridges of its own
The root phase ends as it starts, with tables at their limits (a group
with 64 sources on each port, 64 VLAN limits on a port, 32 rules, 32
template groups) and a get of each. After it, and after the others, the
configuration of this namespace (every dump, without counters, timers
and learnt memberships) must be the same; and dumps on a new socket
(whose first part the kernel makes one page) must list what dumps on a
used one do. A request not answered in the timeout ends the run.
Output: "seed S", "phase ..." and "figure NAME VALUE UNIT" lines, "FAIL"
lines; the log (--log) lists every distinct (command, errno, message)
triple and every failure with its request. Exit status 0 when nothing
failed. NLFUZZ_SEED sets the seed too; MCS_NETLINK_AVOID=NAME,... makes
no request of a known kernel bug (KNOWN_BUGS), to get past it.
"""

import ctypes
import errno
import json
import os
import random
import re
import select
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genl  # noqa: E402

try:
    import yaml
except ImportError:     # python3 -S: Debian's packages are not on the path
    sys.path.append("/usr/lib/python3/dist-packages")
    import yaml

NLM_F_REQUEST = genl.NLM_F_REQUEST
NLM_F_MULTI = genl.NLM_F_MULTI
NLM_F_ACK = genl.NLM_F_ACK
NLM_F_ECHO = 0x8
NLM_F_DUMP = genl.NLM_F_DUMP
NLM_F_DUMP_INTR = genl.NLM_F_DUMP_INTR
NLM_F_ACK_TLVS = genl.NLM_F_ACK_TLVS
NLM_F_CAPPED = genl.NLM_F_CAPPED
NLMSG_ERROR = genl.NLMSG_ERROR
NLMSG_DONE = genl.NLMSG_DONE
NLA_F_NESTED = genl.NLA_F_NESTED
NLA_F_NET_BYTEORDER = 0x4000
NLMSGERR_ATTR_MSG = 1
NLMSGERR_ATTR_OFFS = 2
HDR = genl.NLMSGHDR.size + genl.GENLMSGHDR.size

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
NOBODY = 65534

# Messages of the kernel's attribute validation (lib/nlattr.c) and genl
# header check: a refusal with one of them never reached mcsnoop's code.
POLICY_MSGS = (
    "Array element too short", "invalid attribute length",
    "binary attribute size out of range", "integer out of range",
    "reserved bit set", "NLA_F_NESTED is missing",
    "NLA_F_NESTED not expected", "Unsupported attribute",
    "Attribute failed policy validation",
    "allowed policy recursion depth exceeded", "Unknown attribute type",
    "bytes leftover after parsing attributes",
    "genlmsghdr.reserved field is not 0",
    "ambiguous or reserved bits set in nlmsg_flags",
)

PHASES = ("root", "nobody", "userns", "netns", "own-netns")
UNPRIVILEGED = ("nobody", "userns")


def errname(err):
    if err == errno.EOPNOTSUPP:
        return "EOPNOTSUPP"
    return errno.errorcode.get(err, "E%d" % err)


# ---------------------------------------------------------------- the spec

class Attr:
    def __init__(self, aset, spec, num):
        self.set = aset
        self.name = spec["name"]
        self.num = num
        self.type = spec.get("type", "unused")
        self.checks = spec.get("checks", {})
        self.nested = spec.get("nested-attributes")
        self.enum = spec.get("enum")
        self.doc = spec.get("doc", "") or ""
        # Numbers of the doc text ("1000-3600000 ms, default 125000"):
        # the boundaries worth trying, each and one beside.
        self.doc_nums = sorted({int(n) for n in re.findall(r"\d+", self.doc)
                                if len(n) < 11})
        self.ranges = [(int(a), int(b)) for a, b in
                       re.findall(r"(\d+) ?- ?(\d+)", self.doc)
                       if int(a) <= int(b)]

    def __repr__(self):
        return "%s.%s" % (self.set, self.name)


class Op:
    def __init__(self, spec, num, aset):
        self.name = spec["name"]
        self.num = num
        self.set = aset
        do = spec.get("do") or {}
        self.has_do = "do" in spec
        self.has_dump = "dump" in spec
        self.request = list((do.get("request") or {}).get("attributes", []))
        self.admin = ("uns-admin-perm" in spec.get("flags", []) or
                      "admin-perm" in spec.get("flags", []))


class Spec:
    def __init__(self, path, names):
        with open(path) as f:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            doc = yaml.load(f, Loader=loader)
        self.family = doc["name"]
        self.defs = {d["name"]: d for d in doc.get("definitions", [])}
        raw_sets = {s["name"]: s for s in doc["attribute-sets"]}
        self.sets = {}
        for name, s in raw_sets.items():
            base = raw_sets[s["subset-of"]] if "subset-of" in s else s
            prefix = base.get("name-prefix", "%s-a-%s-" % (self.family, name))
            full = {a["name"]: a for a in base["attributes"]}
            attrs = {}
            for a in s["attributes"]:
                a = full[a["name"]]
                cname = (prefix + a["name"]).upper().replace("-", "_")
                if cname not in names:
                    raise SystemExit("nlfuzz: %s of the spec is not in the "
                                     "uapi header" % cname)
                attrs[a["name"]] = Attr(name, a, names[cname])
            self.sets[name] = attrs
        self.by_num = {n: {a.num: a for a in attrs.values()}
                       for n, attrs in self.sets.items()}
        ops = doc["operations"]
        prefix = ops.get("name-prefix", "%s-cmd-" % self.family)
        self.ops = {}
        for o in ops["list"]:
            cname = (prefix + o["name"]).upper().replace("-", "_")
            if cname not in names:
                raise SystemExit("nlfuzz: %s of the spec is not in the uapi "
                                 "header" % cname)
            self.ops[o["name"]] = Op(o, names[cname], o["attribute-set"])
        self.ops_by_num = {o.num: o for o in self.ops.values()}
        self.max_cmd = max(self.ops_by_num)

    def enum_size(self, attr):
        d = self.defs.get(attr.enum)
        if not d:
            return 0
        if d["type"] == "flags":
            return 1 << len(d["entries"])
        return len(d["entries"]) + d.get("value-start", 0)

    def policy_max(self, op):
        """The highest attribute number of the op's policy (maxattr)."""
        nums = [self.sets[op.set][a].num for a in op.request]
        return max(nums) if nums else 0


def find_spec():
    here = os.path.dirname(os.path.abspath(__file__))
    for path in (os.environ.get("MCSNOOP_SPEC", ""),
                 os.path.join(here, "..", "Documentation", "netlink", "specs",
                              "mcsnoop.yaml"),
                 "/usr/share/mcsnoop/mcsnoop.yaml"):
        if path and os.path.isfile(path):
            return path
    raise SystemExit("nlfuzz: cannot find the YNL spec mcsnoop.yaml "
                     "(set MCSNOOP_SPEC)")


# ---------------------------------------------------- building attributes

class N:
    """One attribute to send: payload bytes or children; the fields that a
    mutation may set: a length other than the real one, flag bits, no
    padding."""
    __slots__ = ("type", "payload", "kids", "nested", "flags", "length",
                 "nopad", "attr")

    def __init__(self, atype, payload=b"", kids=None, nested=None, attr=None):
        self.type = atype
        self.payload = payload
        self.kids = kids
        self.nested = kids is not None if nested is None else nested
        self.flags = 0
        self.length = None
        self.nopad = False
        self.attr = attr

    def encode(self):
        if self.kids is not None:
            body = b"".join(k.encode() for k in self.kids)
        else:
            body = self.payload
        atype = self.type | self.flags | (NLA_F_NESTED if self.nested else 0)
        alen = 4 + len(body) if self.length is None else self.length
        out = struct.pack("=HH", alen & 0xffff, atype & 0xffff) + body
        if not self.nopad:
            out += b"\0" * (-len(out) % 4)
        return out


def walk(data, base, spec, setname, out):
    """The offsets (from the message start) of the attributes the kernel
    sees in data, recursing into those its policy parses as nests."""
    off = 0
    attrs = spec.by_num.get(setname, {}) if setname else {}
    while off + 4 <= len(data):
        alen, atype = struct.unpack_from("=HH", data, off)
        if alen < 4 or off + alen > len(data):
            break
        out.add(base + off)
        a = attrs.get(atype & genl.NLA_TYPE_MASK)
        if a is not None and a.type == "nest" and a.nested:
            walk(data[off + 4:off + alen], base + off + 4, spec, a.nested,
                 out)
        off += (alen + 3) & ~3


def ip(text):
    fam = socket.AF_INET6 if ":" in text else socket.AF_INET
    return socket.inet_pton(fam, text)


V4_GROUPS = [ip("239.1.1.%d" % i) for i in range(1, 9)] + [ip(a) for a in (
    "224.0.0.1", "224.0.0.22", "224.0.0.251", "224.1.1.1", "232.1.1.1",
    "239.255.255.250", "225.1.1.1", "239.129.1.1", "238.1.2.3")]
V6_GROUPS = [ip("ff0e::%x" % i) for i in range(1, 9)] + [ip(a) for a in (
    "ff02::1", "ff02::2", "ff02::16", "ff02::1:ff00:1", "ff05::2",
    "ff3e::8000:1", "ff0e::101", "ff15::1")]
NOT_GROUPS = [ip(a) for a in (
    "10.0.0.1", "0.0.0.0", "255.255.255.255", "127.0.0.1", "169.254.1.1",
    "::", "fe80::1", "2001:db8::1", "::ffff:239.1.1.1", "::1")]
V4_SOURCES = [ip("10.0.0.%d" % i) for i in range(1, 7)] + [ip(a) for a in (
    "192.168.1.1", "169.254.0.1", "0.0.0.0", "239.1.1.1", "255.255.255.255")]
V6_SOURCES = [ip("fe80::%d" % i) for i in range(1, 7)] + [ip(a) for a in (
    "2001:db8::1", "::", "ff0e::1", "::1", "::ffff:10.0.0.1")]
PROFILES = ["p0", "p1", "p2", "iptv", "", "x" * 15, "deny-all"]
TEMPLATES = ["*", "p-*", "p-h?", "d*", "d1", "?", "**", "*1", "x" * 15,
             "p-h1", "u*"]
VIDS = [0, 1, 10, 20, 30, 4094, 4095, 0xffff, 2, 100]
BAD_NAMES = [b"", b"nosuchdev", b"x" * 15, b"x" * 16, b"br0\0junk",
             b"\xff\xfe", b"lo"]
FAMILIES = [2, 10, 0, 7, 255, 2, 10, 2, 10]


class Topo:
    """The devices a request may name: (ifindex, name, kind, master)."""

    def __init__(self, devs):
        self.devs = devs
        self.bridges = [d for d in devs if d[2] == "bridge"]
        self.ports = [d for d in devs if d[3]]

    def ports_of(self, br):
        return [d for d in self.ports if d[3] == br[0]]


def rtnl_links():
    """(ifindex, name, kind, master ifindex) of every link of the
    namespace, from an RTM_GETLINK dump (sysfs may be another's)."""
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    try:
        s.bind((0, 0))
        msg = struct.pack("=IHHII", 16 + 16, 18, NLM_F_REQUEST | NLM_F_DUMP,
                          1, 0) + struct.pack("=BxHiII", 0, 0, 0, 0, 0)
        s.send(msg)
        devs = []
        while True:
            data = s.recv(1 << 16)
            for mtype, _, _, body in split_msgs(data):
                if mtype == NLMSG_DONE:
                    return devs
                if mtype != 16:
                    continue
                (idx,) = struct.unpack_from("=i", body, 4)
                name, kind, master = "", "", 0
                for atype, _, pl, _ in genl.parse_attrs(body[16:]):
                    if atype == 3:
                        name = pl.rstrip(b"\0").decode()
                    elif atype == 10:
                        (master,) = struct.unpack_from("=I", pl)
                    elif atype == 18:
                        for it, _, ipl, _ in genl.parse_attrs(pl):
                            if it == 1:
                                kind = ipl.rstrip(b"\0").decode()
                devs.append((idx, name, kind, master))
    finally:
        s.close()


def rtnl_bridge_snooping_off(ifindex):
    """mcast_snooping 0 on a bridge (after a disable restored it to 1)."""
    data = struct.pack("=HHB3x", 5, 23, 0)
    info = genl.nla(1, b"bridge\0") + genl.nla(2 | NLA_F_NESTED, data)
    attrs = genl.nla(18 | NLA_F_NESTED, info)
    body = struct.pack("=BxHiII", 0, 0, ifindex, 0, 0) + attrs
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    try:
        s.bind((0, 0))
        s.send(struct.pack("=IHHII", 16 + len(body), 16,
                           NLM_F_REQUEST | NLM_F_ACK, 1, 0) + body)
        s.settimeout(10)
        s.recv(4096)
    except OSError:
        pass
    finally:
        s.close()


def split_msgs(data):
    off = 0
    while off + 16 <= len(data):
        mlen, mtype, mflags, mseq, _ = struct.unpack_from("=IHHII", data, off)
        if mlen < 16 or off + mlen > len(data):
            yield (-1, 0, 0, data[off:])
            return
        yield (mtype, mflags, mseq, data[off + 16:off + mlen])
        off += (mlen + 3) & ~3


# ------------------------------------------------------------- generation

class Request:
    __slots__ = ("op", "cmd", "dump", "nodes", "flags", "reserved",
                 "version", "short", "data", "offsets", "seq", "mutations",
                 "name", "tail")

    def __init__(self, op=None, cmd=0, name="", dump=False):
        self.op, self.cmd, self.name, self.dump = op, cmd, name, dump
        self.flags = NLM_F_REQUEST | NLM_F_ACK
        self.reserved, self.version, self.short = 0, 1, None
        self.mutations, self.nodes, self.tail = [], [], b""


class Gen:
    """Random requests for one phase, from the spec and the devices."""

    def __init__(self, spec, rng, topo, foreign=None):
        self.spec = spec
        self.rng = rng
        self.topo = topo
        self.foreign = foreign      # another namespace's devices, or None
        self.covered = set()        # (op, attr) sent, as top attributes
        self.nested_covered = set()  # (set, attr) sent inside a nest
        self.ops = list(spec.ops.values())
        self.req_attrs = {o.name: [spec.sets[o.set][a] for a in o.request]
                          for o in self.ops}
        self.all_attrs = {o.name: [a for a in spec.sets[o.set].values()
                                   if a.type != "unused"] for o in self.ops}
        self.maxattr = {o.name: spec.policy_max(o) for o in self.ops}
        self.settings = {o: [a for a in attrs if not a.name.endswith(
            ("ifindex", "ifname"))] for o, attrs in self.req_attrs.items()}
        self.burst = None
        self.groups = []            # the attributes of group-adds applied

    def remember(self, req):
        """An applied group-add, for group-get and group-del to name."""
        nodes = [n for n in req.nodes if n.attr is not None]
        if len(self.groups) < 300:
            self.groups.append(nodes)
        else:
            self.groups[self.rng.randrange(300)] = nodes

    # --- device names

    def pick_dev(self, want):
        r = self.rng
        topo = self.topo
        if self.foreign and r.random() < 0.5:
            topo = self.foreign
        pools = {"bridge": topo.bridges, "port": topo.ports}
        pool = pools.get(want) or topo.devs
        if r.random() < 0.12 or not pool:
            pool = topo.devs
        if not pool:
            return None
        return r.choice(pool)

    def dev_attr(self, attr, dev):
        """A naming attribute for dev (or a bad one)."""
        r = self.rng
        if attr.type == "u32":
            if dev is None or r.random() < 0.06:
                v = r.choice([0, 9999, 0xffffffff, 0x7fffffff, 1,
                              r.randrange(1, 200)])
            else:
                v = dev[0]
            return N(attr.num, struct.pack("=I", v), attr=attr)
        if dev is None or r.random() < 0.06:
            s = r.choice(BAD_NAMES)
        else:
            s = dev[1].encode()
        return N(attr.num, s + b"\0", attr=attr)

    # --- values by type

    def int_value(self, attr, bits):
        r = self.rng
        top = (1 << bits) - 1
        x = r.random()
        if x < 0.4 and attr.doc_nums:
            v = r.choice(attr.doc_nums) + r.choice((0, 0, 0, -1, 1))
        elif x < 0.55 and (attr.enum or "max" in attr.checks):
            n = (self.spec.enum_size(attr) if attr.enum else
                 attr.checks["max"] + 1)
            v = r.randrange(0, n + 1)
        elif x < 0.65 and "min" in attr.checks:
            v = attr.checks["min"] + r.choice((-1, 0, 1))
        elif x < 0.85:
            v = r.choice((0, 1, 2, 3, top, top - 1, 1 << (bits - 1),
                          (1 << (bits - 1)) - 1, 100, 255, 256, 65535,
                          65536))
        else:
            v = r.randrange(0, top + 1)
        return v & top

    def value(self, attr, depth=0):
        """A plausible value of attr, as a node."""
        r = self.rng
        t = attr.type
        name = attr.name
        if name in ("ifindex", "bridge-ifindex", "port-ifindex", "ifname",
                    "bridge-ifname", "port-ifname"):
            want = "port" if (name.startswith("port") or
                              (attr.set == "port" and
                               not name.startswith("bridge"))) else "bridge"
            return self.dev_attr(attr, self.pick_dev(want))
        if name == "vid" and t == "u16":
            v = r.choice(VIDS) if r.random() < 0.85 else r.randrange(0, 65536)
            return N(attr.num, struct.pack("=H", v), attr=attr)
        if name == "family" and t == "u8":
            return N(attr.num, bytes([r.choice(FAMILIES)]), attr=attr)
        if t in ("u8", "u16", "u32", "u64"):
            bits = int(t[1:])
            fmt = {8: "=B", 16: "=H", 32: "=I", 64: "=Q"}[bits]
            return N(attr.num, struct.pack(fmt, self.int_value(attr, bits)),
                     attr=attr)
        if t == "string":
            if name == "template":
                s = (r.choice(TEMPLATES) if r.random() < 0.8 else
                     "t%d*" % r.randrange(100)).encode()
            elif name in ("profile", "name"):
                s = (r.choice(PROFILES) if r.random() < 0.8 else
                     "q%d" % r.randrange(400)).encode()
            else:
                s = r.choice(BAD_NAMES)
            return N(attr.num, s + b"\0", attr=attr)
        if t == "binary":
            return N(attr.num, self.binary(attr), attr=attr)
        if t == "nest":
            return N(attr.num, kids=self.nest(attr.nested, depth + 1),
                     attr=attr)
        if t == "pad":
            return N(attr.num, b"\0" * r.choice((0, 4, 8)), attr=attr)
        return N(attr.num, bytes(r.randrange(0, 9)), attr=attr)

    def binary(self, attr):
        r = self.rng
        name = attr.name
        hint = attr.checks.get("exact-len")
        if name in ("addr", "group", "group-min", "group-max"):
            x = r.random()
            if x < 0.45:
                return r.choice(V4_GROUPS)
            if x < 0.85:
                return r.choice(V6_GROUPS)
            return r.choice(NOT_GROUPS)
        if name.startswith("source"):
            x = r.random()
            if x < 0.3:
                return r.choice(V4_SOURCES)
            if x < 0.6:
                return r.choice(V6_SOURCES)
            if x < 0.8:
                return ip("10.%d.%d.%d" % (r.randrange(256), r.randrange(256),
                                            r.randrange(1, 255)))
            return ip("2001:db8::%x" % r.randrange(1, 1 << 16))
        if name == "querier-addr4" or hint == 4:
            return ip(r.choice(("0.0.0.0", "10.0.0.254", "10.0.0.1",
                                "239.1.1.1", "169.254.1.1", "1.2.3.4")))
        if name == "querier-addr6" or hint == 16:
            return ip(r.choice(("::", "fe80::1", "fe80::fe", "2001:db8::1",
                                "ff02::1", "::ffff:10.0.0.1")))
        if name == "mac":
            return bytes(r.randrange(256) for _ in range(6))
        n = r.choice((0, 4, 6, 16, r.randrange(64)))
        return bytes(r.randrange(256) for _ in range(n))

    def nest(self, setname, depth):
        """The children of a nest of setname: entries where the set has
        them (rules, groups), or some of its attributes."""
        r = self.rng
        entry = self.spec.sets[setname].get("entry")
        if depth > 6:
            return []
        if entry is not None and entry.nested == setname and r.random() < 0.9:
            n = r.choice((0, 1, 1, 2, 3, 5, 8, r.randrange(40)))
            return [N(entry.num, kids=self.fields(setname, depth + 1),
                      attr=entry) for _ in range(n)]
        return self.fields(setname, depth)

    def fields(self, setname, depth):
        r = self.rng
        attrs = [a for a in self.spec.sets[setname].values()
                 if a.type != "unused" and a.name != "entry"]
        out = []
        for a in attrs:
            if r.random() < 0.6:
                out.append(self.value(a, depth))
                self.nested_covered.add((setname, a.name))
        if r.random() < 0.05 and "entry" in self.spec.sets[setname]:
            e = self.spec.sets[setname]["entry"]
            out.append(N(e.num, kids=self.nest(setname, depth + 1), attr=e))
            self.nested_covered.add((setname, "entry"))
        r.shuffle(out)
        return out

    # --- requests

    def request(self):
        """One random request (a Request without data yet)."""
        r = self.rng
        req = Request()
        x = r.random()
        if x < 0.015:
            # Not a command of the family: unknown numbers, event.
            req.op = None
            req.cmd = r.choice((0, self.spec.max_cmd + 1, 0x7f, 0xff,
                                self.spec.ops["event"].num))
            req.name = "cmd%d" % req.cmd
            op = self.spec.ops_by_num.get(req.cmd)
            if op:
                req.op = op
                req.name = op.name
            req.dump = r.random() < 0.3
            req.nodes = []
            return req
        if self.burst and self.burst[1] > 0:
            # A burst: the same request, one attribute new each time
            # (sources of one membership, VLAN limits of one port...).
            op, _, base = self.burst
            self.burst[1] -= 1
            req.op, req.cmd, req.name, req.dump = op, op.num, op.name, False
            req.nodes = list(base)
            i = r.randrange(len(base))
            if base[i].attr.name in ("source", "vid", "name", "template",
                                     "addr", "max-groups", "router",
                                     "rules", "groups", "profile"):
                req.nodes[i] = self.value(base[i].attr)
            else:
                a = r.choice(self.req_attrs[op.name])
                req.nodes.append(self.value(a))
            return req
        op = r.choice(self.ops)
        if r.random() < 0.01 and op.has_do and self.req_attrs[op.name]:
            base = self.attrs(op, well_formed=True)
            if op.name in ("group-add", "group-del"):
                a = self.spec.sets["group"]["source"]
                base = [n for n in base if n.attr.name != "source"]
                base.append(self.value(a))
            if base:
                self.burst = [op, r.randrange(10, 100), base]
        req.op = op
        req.cmd = op.num
        req.name = op.name
        req.dump = op.has_dump and (not op.has_do or r.random() < 0.3)
        req.nodes = self.attrs(op, well_formed=r.random() < 0.6)
        if r.random() < 0.4:
            self.mutate(req)
        # Every attribute of the set, the read-only ones too, goes out
        # with each command early in the run.
        if r.random() < 0.5:
            cand = [a for a in self.all_attrs[op.name]
                    if (op.name, a.name) not in self.covered]
            if cand:
                a = r.choice(cand)
                req.nodes.append(self.value(a))
                self.covered.add((op.name, a.name))
        return req

    def attrs(self, op, well_formed):
        """The attributes of a request of op: a well-formed one names
        each device once (ifindex, ifname or both, of the same device)
        and has a few settings, mostly in range; the others have any of
        the op's attributes, with any values."""
        r = self.rng
        reqs = self.req_attrs[op.name]
        out = []
        if well_formed:
            for prefix in ("", "bridge-", "port-"):
                pair = [a for a in reqs if a.name in (prefix + "ifindex",
                                                      prefix + "ifname")]
                if not pair or r.random() < 0.08:
                    continue
                want = "bridge" if prefix == "bridge-" or (
                    not prefix and op.set == "bridge") else "port"
                dev = self.pick_dev(want)
                x = r.random()
                for a in pair:
                    if (a.name.endswith("ifindex") and x < 0.7) or \
                            (a.name.endswith("ifname") and x > 0.5):
                        out.append(self.dev_attr(a, dev))
            others = self.settings[op.name]
            k = r.choice((0, 1, 1, 1, 2, 2, 3, 5))
            chosen = r.sample(others, min(k, len(others)))
            for a in others:
                if a.name in ("addr", "template", "name", "vid", "family") \
                        and a not in chosen and r.random() < 0.85:
                    chosen.append(a)
            for a in chosen:
                out.append(self.good(a) if r.random() < 0.85 else
                           self.value(a))
            self.fix_up(op, out)
            if op.name in ("group-get", "group-del", "group-add") and \
                    self.groups and r.random() < 0.5:
                # A membership added before: found, deleted, added again.
                want = {a.name for a in reqs}
                out = [n for n in r.choice(self.groups) if n.attr.name in want]
        else:
            uncovered = [a for a in reqs
                         if (op.name, a.name) not in self.covered]
            for a in reqs:
                p = 0.3
                if a.name in ("addr", "template", "name", "vid", "family"):
                    p = 0.8
                if r.random() < p or (uncovered and a is uncovered[0]):
                    out.append(self.value(a))
        for n in out:
            self.covered.add((op.name, n.attr.name))
        r.shuffle(out)
        return out

    def good(self, attr):
        """A value of attr that its checks and its doc allow, mostly."""
        r = self.rng
        t = attr.type
        if t not in ("u8", "u16", "u32", "u64") or attr.name in (
                "vid", "family"):
            if attr.name == "vid":
                return N(attr.num, struct.pack("=H", r.choice((1, 10, 20))),
                         attr=attr)
            if attr.name == "family":
                return N(attr.num, bytes([r.choice((2, 10))]), attr=attr)
            if t == "string" and attr.name in ("profile", "name"):
                s = r.choice(("p0", "p1", "iptv", "big", ""))
                return N(attr.num, s.encode() + b"\0", attr=attr)
            return self.value(attr)
        d = self.spec.defs.get(attr.enum) if attr.enum else None
        ranges = attr.ranges
        if d and d["type"] == "flags":
            v = r.randrange(1 << len(d["entries"]))
        elif d:
            v = d.get("value-start", 0) + r.randrange(len(d["entries"]))
        elif "max" in attr.checks or "min" in attr.checks:
            v = r.randint(attr.checks.get("min", 0),
                          attr.checks.get("max", 1))
        elif ranges and r.random() < 0.8:
            lo, hi = r.choice(ranges)
            # Round values, as an admin types them, and the ends.
            v = r.choice((lo, hi, r.randint(lo, hi),
                          min(hi, lo + r.randrange(10) * 1000)))
        elif attr.doc_nums:
            v = r.choice(attr.doc_nums)
        else:
            v = r.randrange(4)
        bits = int(t[1:])
        fmt = {8: "=B", 16: "=H", 32: "=I", 64: "=Q"}[bits]
        return N(attr.num, struct.pack(fmt, v & ((1 << bits) - 1)),
                 attr=attr)

    def fix_up(self, op, out):
        """Make a well-formed request likely to pass: a group-add names a
        port of the bridge it names, with a VLAN the bridge may have."""
        r = self.rng
        names = {n.attr.name: n for n in out}
        if op.name in ("group-add", "group-del", "group-flush") and \
                self.topo.bridges:
            br = r.choice(self.topo.bridges)
            ports = self.topo.ports_of(br)
            for n in out:
                if n.attr.name == "bridge-ifindex":
                    n.payload = struct.pack("=I", br[0])
                elif n.attr.name == "bridge-ifname":
                    n.payload = br[1].encode() + b"\0"
            if not any(a in names for a in ("bridge-ifindex",
                                            "bridge-ifname")):
                a = self.spec.sets["group"]["bridge-ifindex"]
                out.append(N(a.num, struct.pack("=I", br[0]), attr=a))
            if ports and op.name != "group-flush":
                port = r.choice(ports)
                for n in out:
                    if n.attr.name == "port-ifindex":
                        n.payload = struct.pack("=I", port[0])
                    elif n.attr.name == "port-ifname":
                        n.payload = port[1].encode() + b"\0"
                if not any(a in names for a in ("port-ifindex",
                                                "port-ifname")):
                    a = self.spec.sets["group"]["port-ifname"]
                    out.append(N(a.num, port[1].encode() + b"\0", attr=a))
            if "addr" not in names and op.name != "group-flush":
                a = self.spec.sets["group"]["addr"]
                out.append(N(a.num, self.binary(a), attr=a))
            for n in out:
                if n.attr.name == "vid":
                    n.payload = struct.pack("=H", r.choice((0, 1, 10, 20)))

    # --- mutations

    def mutate(self, req):
        r = self.rng
        op = req.op
        for _ in range(r.choice((1, 1, 1, 2, 3))):
            m = r.randrange(17)
            nodes = req.nodes
            if m == 0:      # an unknown attribute number
                t = r.choice((0, self.maxattr[op.name] + 1,
                              len(self.spec.sets[op.set]) + r.randrange(3),
                              0x3fff, r.randrange(1, 0x4000)))
                nodes.insert(r.randrange(len(nodes) + 1),
                             N(t, bytes(r.randrange(0, 12))))
                req.mutations.append("unknown-type")
            elif m == 1:    # an attribute of the set the op does not take
                cand = [a for a in self.all_attrs[op.name]
                        if (op.name, a.name) not in self.covered]
                a = r.choice(cand or self.all_attrs[op.name])
                nodes.append(self.value(a))
                self.covered.add((op.name, a.name))
                req.mutations.append("other-attr")
            elif m == 2 and nodes:  # NLA_F_NESTED where it does not belong
                n = r.choice(nodes)
                n.nested = not n.nested
                req.mutations.append("nested-flag")
            elif m == 3 and nodes:  # a payload of the wrong size
                n = r.choice(nodes)
                n.kids = None
                n.payload = bytes(r.randrange(256) for _ in range(
                    r.choice((0, 1, 2, 3, 5, 7, 9, 17, 33, 255, 1000))))
                req.mutations.append("length")
            elif m == 4 and nodes:  # nla_len that lies
                n = r.choice(nodes)
                n.length = r.choice((0, 1, 2, 3, 5, 0xffff,
                                     r.randrange(0, 64)))
                req.mutations.append("nla-len")
            elif m == 5:    # a truncated attribute header at the end
                req.mutations.append("truncated-header")
                req.tail += bytes(r.randrange(256) for _ in range(
                    r.choice((1, 2, 3))))
            elif m == 6 and nodes:  # the same attribute twice
                n = r.choice(nodes)
                if n.attr:
                    nodes.append(self.value(n.attr))
                    req.mutations.append("duplicate")
            elif m == 7 and nodes:  # extreme integers
                n = r.choice(nodes)
                if n.kids is None and len(n.payload) in (1, 2, 4, 8):
                    k = len(n.payload)
                    n.payload = r.choice((b"\xff" * k, b"\0" * k,
                                          b"\x7f" + b"\xff" * (k - 1),
                                          b"\xff" * (k - 1) + b"\x7f"))
                    req.mutations.append("extreme")
            elif m == 8 and nodes:  # a string without NUL, or too long
                strs = [n for n in nodes if n.attr and
                        n.attr.type == "string"]
                if strs:
                    n = r.choice(strs)
                    n.payload = r.choice((n.payload.rstrip(b"\0"),
                                          b"y" * r.choice((15, 16, 17, 64)),
                                          b"a\0b\0", b"\0"))
                    req.mutations.append("string")
            elif m == 9:    # trailing bytes after the last attribute
                req.tail += bytes(r.randrange(256) for _ in range(
                    r.choice((1, 2, 3, 4, 8))))
                req.mutations.append("trailing")
            elif m == 10 and nodes:  # a payload of the wrong type
                n = r.choice(nodes)
                n.kids = None
                n.payload = r.choice((b"", b"\0", b"\1\0", b"\1\0\0\0",
                                      b"\0" * 8, b"abc\0"))
                req.mutations.append("wrong-type")
            elif m == 11 and nodes:  # NLA_F_NET_BYTEORDER
                r.choice(nodes).flags |= NLA_F_NET_BYTEORDER
                req.mutations.append("byteorder")
            elif m == 12:   # deep nesting, inside and outside nests
                nests = [n for n in nodes if n.kids is not None]
                if nests and r.random() < 0.7:
                    n = r.choice(nests)
                    inner = n
                    for _ in range(r.randrange(2, 14)):
                        e = N(n.kids[0].type if n.kids else 1, kids=[])
                        inner.kids.append(e)
                        inner = e
                else:
                    deep = N(r.randrange(1, self.maxattr[op.name] + 2),
                             kids=[])
                    inner = deep
                    for _ in range(r.randrange(1, 12)):
                        e = N(r.randrange(1, 8), kids=[])
                        inner.kids.append(e)
                        inner = e
                    nodes.append(deep)
                req.mutations.append("deep")
            elif m == 13 and nodes:  # no padding in the middle
                r.choice(nodes).nopad = True
                req.mutations.append("nopad")
            elif m == 14:   # the genl header
                x = r.random()
                if x < 0.4:
                    req.reserved = r.randrange(1, 0x10000)
                    req.mutations.append("reserved")
                elif x < 0.7:
                    req.version = r.choice((0, 2, 255))
                    req.mutations.append("version")
                elif x < 0.9:
                    req.flags |= r.choice((NLM_F_ECHO, 0x20, 0x100, 0x200,
                                           0x400, 0x800, 0x1000))
                    req.mutations.append("nlmsg-flags")
                else:
                    req.short = r.randrange(0, 4)
                    req.mutations.append("short-genl-header")
            elif m == 15 and nodes:  # a nest's insides replaced by bytes
                nests = [n for n in nodes if n.kids is not None]
                if nests:
                    n = r.choice(nests)
                    n.kids = None
                    n.payload = bytes(r.randrange(256) for _ in range(
                        r.randrange(0, 40)))
                    n.nested = True
                    req.mutations.append("nest-garbage")
            elif m == 16 and nodes:  # entries out of place, in a nest
                nests = [n for n in nodes if n.kids is not None and n.attr]
                if nests:
                    n = r.choice(nests)
                    sub = self.spec.sets.get(n.attr.nested or "", {})
                    if sub:
                        a = r.choice(list(sub.values()))
                        n.kids.append(self.value(a, 2))
                        self.nested_covered.add((a.set, a.name))
                        req.mutations.append("nest-field")


def encode(req, spec, fid, seq):
    """Fill req.data and req.offsets."""
    attrs = b"".join(n.encode() for n in req.nodes) + req.tail
    flags = req.flags | (NLM_F_DUMP if req.dump else 0)
    body = struct.pack("=BBH", req.cmd, req.version, req.reserved) + attrs
    if req.short is not None:
        body = body[:req.short]
    req.seq = seq
    req.data = struct.pack("=IHHII", 16 + len(body), fid, flags, seq,
                           0) + body
    # Room to the next message of a batch (nlmsg_len stays the real one).
    req.data += b"\0" * (-len(req.data) % 4)
    req.offsets = set()
    if req.short is None:
        walk(attrs, HDR, spec, req.op.set if req.op else None, req.offsets)


def has_attr(req, opname, attr):
    return req.op is not None and req.op.name == opname and any(
        n.attr is not None and n.attr.name == attr for n in req.nodes)


# Kernel bugs this fuzzer found, as the requests that trigger them: with
# MCS_NETLINK_AVOID=NAME[,NAME] the fuzzer makes no such request, so that
# a run gets past a bug not fixed yet (an oops holding RTNL stops all).
KNOWN_BUGS = {
    # vlan-set with profile whose bridge does not resolve: xa_release()
    # on the ERR_PTR (nl_vlan.c, label out), an oops holding RTNL.
    "vlan-set-profile": lambda req: has_attr(req, "vlan-set", "profile"),
}
AVOID = [k for k in os.environ.get("MCS_NETLINK_AVOID", "").split(",") if k]
for _k in AVOID:
    if _k not in KNOWN_BUGS:
        raise SystemExit("nlfuzz: MCS_NETLINK_AVOID: no known bug %s" % _k)


# ------------------------------------------------------------- answering

class Answer:
    __slots__ = ("replies", "err", "msg", "offset", "done", "kind", "intr",
                 "bad")

    def __init__(self):
        self.replies = 0
        self.err = None
        self.msg = None
        self.offset = None
        self.done = False
        self.kind = None
        self.intr = False
        self.bad = None


def parse_tlvs(data, ans):
    for atype, _, payload, _ in genl.parse_attrs(data):
        if atype == NLMSGERR_ATTR_MSG:
            ans.msg = payload.rstrip(b"\0").decode(errors="replace")
        elif atype == NLMSGERR_ATTR_OFFS and len(payload) >= 4:
            (ans.offset,) = struct.unpack_from("=I", payload)


def feed(ans, mtype, mflags, body, fid, dump):
    """One message of the answer to a request."""
    if mflags & NLM_F_DUMP_INTR:
        ans.intr = True
    if mtype == NLMSG_ERROR:
        if len(body) < 4 + 16:
            ans.bad = "NLMSG_ERROR too short"
        (ans.err,) = struct.unpack_from("=i", body)
        tlv = 4 + 16
        if not mflags & NLM_F_CAPPED and len(body) >= 20:
            (olen,) = struct.unpack_from("=I", body, 4)
            tlv = 4 + ((olen + 3) & ~3)
        if mflags & NLM_F_ACK_TLVS:
            parse_tlvs(body[tlv:], ans)
        ans.kind = "error"
        ans.done = True
    elif mtype == NLMSG_DONE:
        ans.err = struct.unpack_from("=i", body)[0] if len(body) >= 4 else 0
        if mflags & NLM_F_ACK_TLVS:
            parse_tlvs(body[4:], ans)
        ans.kind = "done"
        ans.done = True
        if not dump:
            ans.bad = "NLMSG_DONE answers a do request"
    elif mtype == fid:
        ans.replies += 1
        if len(body) < 4:
            ans.bad = "reply without a genl header"
            return
        off = 4
        while off + 4 <= len(body):
            alen, _ = struct.unpack_from("=HH", body, off)
            if alen < 4 or off + alen > len(body):
                ans.bad = "reply attributes do not parse"
                return
            off += (alen + 3) & ~3
        if off < len(body):
            ans.bad = "reply has bytes after its attributes"
        if dump and not mflags & NLM_F_MULTI:
            ans.bad = "dump reply without NLM_F_MULTI"
    else:
        ans.bad = "unexpected message type %d" % mtype


class Conn:
    """A generic netlink socket with extended acks."""

    def __init__(self, timeout):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                  genl.NETLINK_GENERIC)
        self.sock.setsockopt(genl.SOL_NETLINK, genl.NETLINK_EXT_ACK, 1)
        self.sock.setsockopt(genl.SOL_NETLINK, genl.NETLINK_CAP_ACK, 1)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        self.sock.bind((0, 0))
        self.sock.settimeout(timeout)
        self.timeout = timeout

    def close(self):
        self.sock.close()


# ------------------------------------------------------------------ phases

class Abort(Exception):
    """The kernel stopped answering: the run ends."""


class Stats:
    def __init__(self):
        self.n = {}
        self.triples = {}
        self.fails = []
        self.errnos = {}

    def add(self, key, k=1):
        self.n[key] = self.n.get(key, 0) + k

    def to_json(self):
        return {"n": self.n, "triples": [[list(k), v] for k, v in
                                         self.triples.items()],
                "fails": self.fails, "errnos": self.errnos}

    def merge(self, d):
        for k, v in d["n"].items():
            self.add(k, v)
        for k, v in d["triples"]:
            k = tuple(k)
            old = self.triples.setdefault(k, [0, []])
            old[0] += v[0]
            old[1] = sorted(set(old[1]) | set(v[1]))
        self.fails.extend(d["fails"])
        for k, v in d["errnos"].items():
            self.errnos[k] = self.errnos.get(k, 0) + v


class Fuzzer:
    def __init__(self, spec, phase, seed, topo, foreign, timeout, stats):
        self.spec = spec
        self.phase = phase
        self.rng = random.Random("%s:%s" % (seed, phase))
        self.gen = Gen(spec, self.rng, topo, foreign)
        self.topo = topo
        self.timeout = timeout
        self.stats = stats
        self.conn = Conn(timeout)
        self.fid = self.family_id()
        self.seq = 0
        self.pool = []      # half-read dumps, closed later

    def family_id(self):
        g = genl.Genl()
        try:
            return g.family(self.spec.family)[0]
        finally:
            g.sock.close()

    def next_seq(self):
        self.seq += 1
        return self.seq

    # --- the rule

    def fail(self, req, reason, ans=None):
        self.stats.add("failures")
        if len(self.stats.fails) < 200:
            self.stats.fails.append({
                "phase": self.phase, "cmd": req.name,
                "kind": "dump" if req.dump else "do", "reason": reason,
                "errno": errname(-ans.err) if ans and ans.err else None,
                "msg": ans.msg if ans else None,
                "mutations": req.mutations, "request": req.data.hex()})

    def core_refusal(self, req, err):
        """Why the genl core refused req without a message, if it did."""
        op = req.op
        if req.short is not None and err == errno.EINVAL:
            return "no room for the genl header"
        if err == errno.EOPNOTSUPP and (op is None or
                                        (req.dump and not op.has_dump) or
                                        (not req.dump and not op.has_do)):
            return "no such command"
        if err == errno.EPERM and op and op.admin and \
                self.phase in UNPRIVILEGED:
            return "no CAP_NET_ADMIN"
        return None

    def judge(self, req, ans):
        st = self.stats
        st.add("requests")
        if req.dump:
            st.add("dumps")
        if ans.bad:
            self.fail(req, ans.bad, ans)
            return
        if ans.intr:
            st.add("dumps_interrupted")
        if req.dump and ans.replies > 1 and ans.kind == "done":
            st.add("dumps_multipart")
        err = -ans.err
        key = (req.name, errname(err) if err else "OK", ans.msg or "-")
        t = st.triples.setdefault(key, [0, []])
        t[0] += 1
        if self.phase not in t[1]:
            t[1].append(self.phase)
        if self.phase in UNPRIVILEGED and req.op and req.op.admin and \
                not req.dump and err != errno.EPERM:
            if not (err == errno.EINVAL and (
                    req.short is not None or ans.msg in POLICY_MSGS)) and \
                    not (err == errno.EOPNOTSUPP and not req.op.has_do):
                self.fail(req, "a changing command of an unprivileged "
                          "caller was not refused with EPERM", ans)
                return
        if err == 0:
            st.add("applied")
            if req.op and req.op.name == "group-add" and not req.dump:
                self.gen.remember(req)
            if ans.msg:
                st.add("applied_with_warning")
            if not req.dump and req.op and req.op.name.endswith("-get") \
                    and ans.replies != 1:
                self.fail(req, "a get applied with %d replies" %
                          ans.replies, ans)
            return
        if err < 0:
            self.fail(req, "a positive error %d" % ans.err, ans)
            return
        st.add("refused")
        st.errnos[errname(err)] = st.errnos.get(errname(err), 0) + 1
        if ans.msg is None:
            why = self.core_refusal(req, err)
            if why:
                st.add("refused_core")
                st.add("core: %s (%s)" % (why, errname(err)))
                return
            self.fail(req, "refused without an extack message", ans)
            return
        if ans.msg in POLICY_MSGS:
            st.add("refused_policy")
        else:
            st.add("refused_handler")
        if ans.offset is not None and ans.offset not in req.offsets:
            self.fail(req, "extack offset %d points at no attribute" %
                      ans.offset, ans)

    # --- sending

    def exchange(self, conn, reqs):
        """Send reqs in one datagram; their answers, by request."""
        answers = {r.seq: Answer() for r in reqs}
        dumps = {r.seq: r.dump for r in reqs}
        try:
            conn.sock.send(b"".join(r.data for r in reqs))
        except OSError as e:
            for r in reqs:
                answers[r.seq].bad = "send: %s" % e
            return answers
        pending = set(answers)
        while pending:
            try:
                data = conn.sock.recv(1 << 16)
            except socket.timeout:
                for s in pending:
                    answers[s].bad = "no answer in %g s" % conn.timeout
                return answers
            except OSError as e:
                for s in pending:
                    answers[s].bad = "recv: %s" % e
                return answers
            for mtype, mflags, mseq, body in split_msgs(data):
                if mtype == -1:
                    for s in pending:
                        answers[s].bad = "a truncated netlink message"
                    continue
                ans = answers.get(mseq)
                if ans is None or ans.done:
                    self.stats.add("failures")
                    self.stats.fails.append({
                        "phase": self.phase, "reason":
                        "an answer (type %d) to seq %d after its end" %
                        (mtype, mseq)})
                    continue
                feed(ans, mtype, mflags, body, self.fid, dumps[mseq])
                if ans.done:
                    pending.discard(mseq)
        return answers

    def one(self, reqs):
        answers = self.exchange(self.conn, reqs)
        lost = False
        for r in reqs:
            a = answers[r.seq]
            if not a.done and not a.bad:
                a.bad = "no end of the answer"
            if a.bad and a.bad.startswith("no answer"):
                lost = True
            self.judge(r, a)
        if lost:
            # A kernel that does not answer (RTNL held by a task that
            # died?) would not answer the next ones either.
            raise Abort("no answer in %g s" % self.timeout)

    def make(self):
        while True:
            req = self.gen.request()
            if not any(KNOWN_BUGS[k](req) for k in AVOID):
                break
            self.stats.add("avoided")
        encode(req, self.spec, self.fid, self.next_seq())
        return req

    def run(self, count):
        r = self.rng
        sent = 0
        while sent < count:
            x = r.random()
            if x < 0.04 and sent + 1 < count:
                sent += self.half_dump(count - sent)
                continue
            req = self.make()
            if not req.dump and x < 0.12:
                batch = [req]
                for _ in range(r.randrange(1, 3)):
                    b = self.make()
                    if not b.dump:
                        batch.append(b)
                self.one(batch)
                sent += len(batch)
            else:
                self.one([req])
                sent += 1
            sent += self.after(req)
            if self.pool and r.random() < 0.05:
                self.pool.pop(0).close()
        self.close_pool()
        self.stats.add("seconds_" + self.phase, 0)

    def after(self, req):
        """Keep the fuzz deep: a disable (which gives the bridge its own
        snooping back) or an enable refused for it gets it switched off
        again now and then, and the bridges enabled again (a request
        counted as the others)."""
        r = self.rng
        if self.phase in UNPRIVILEGED or not self.topo.bridges:
            return 0
        if req.op and req.op.name in ("bridge-disable", "bridge-enable") \
                and r.random() < 0.5:
            br = r.choice(self.topo.bridges)
            if br[1] != "brs":
                rtnl_bridge_snooping_off(br[0])
        if r.random() < 0.03:
            br = r.choice(self.topo.bridges)
            op = self.spec.ops["bridge-enable"]
            a = self.spec.sets["bridge"]["ifindex"]
            enable = Request(op, op.num, op.name)
            enable.nodes = [N(a.num, struct.pack("=I", br[0]), attr=a)]
            encode(enable, self.spec, self.fid, self.next_seq())
            self.one([enable])
            return 1
        return 0

    def close_pool(self):
        for c in self.pool:
            c.close()
        self.pool = []

    def half_dump(self, budget):
        """A dump on a socket of its own: abandoned after 0 or 1 reads, or
        read on to its end after other requests on the main socket."""
        r = self.rng
        ops = [o for o in self.spec.ops.values() if o.has_dump]
        op = r.choice(ops)
        req = Request(op, op.num, op.name, True)
        req.nodes = self.gen.attrs(op, well_formed=r.random() < 0.8)
        encode(req, self.spec, self.fid, 1)
        conn = Conn(self.timeout)
        sent = 1
        try:
            conn.sock.send(req.data)
        except OSError as e:
            self.fail(req, "send: %s" % e)
            conn.close()
            return sent
        if r.random() < 0.6:
            reads = r.choice((0, 1, 1))
            ans = Answer()
            for _ in range(reads):
                try:
                    data = conn.sock.recv(1 << 16)
                except OSError:
                    break
                for mtype, mflags, _, body in split_msgs(data):
                    feed(ans, mtype, mflags, body, self.fid, True)
            self.stats.add("requests")
            self.stats.add("dumps")
            self.stats.add("dumps_abandoned")
            if ans.done:
                # It ended in one read: judge it as any dump.
                self.stats.add("requests", -1)
                self.stats.add("dumps", -1)
                self.stats.add("dumps_abandoned", -1)
                self.judge(req, ans)
            if r.random() < 0.5 and len(self.pool) < 4:
                self.pool.append(conn)
            else:
                conn.close()
            return sent
        # Read one part, make changes, then the rest.
        ans = Answer()
        try:
            data = conn.sock.recv(1 << 16)
            for mtype, mflags, _, body in split_msgs(data):
                feed(ans, mtype, mflags, body, self.fid, True)
        except socket.timeout:
            ans.bad = "no answer in %g s" % self.timeout
        if ans.bad:
            self.judge(req, ans)
            conn.close()
            raise Abort(ans.bad)
        k = min(budget - 1, r.randrange(1, 6))
        for _ in range(k):
            inner = self.make()
            self.one([inner])
        sent += k
        while not ans.done and not ans.bad:
            try:
                data = conn.sock.recv(1 << 16)
            except socket.timeout:
                ans.bad = "no answer in %g s" % self.timeout
                break
            for mtype, mflags, _, body in split_msgs(data):
                feed(ans, mtype, mflags, body, self.fid, True)
        self.stats.add("dumps_resumed")
        self.judge(req, ans)
        conn.close()
        if ans.bad and ans.bad.startswith("no answer"):
            raise Abort(ans.bad)
        return sent

    # --- the preamble: state for the dumps to walk

    def build(self, reqs, opname, **attrs):
        """Append a well-formed request of the preamble to reqs."""
        sp = self.spec
        op = sp.ops[opname]
        req = Request(op, op.num, opname, False)
        req.mutations = ["preamble"]
        for name, val in attrs.items():
            a = sp.sets[op.set][name.replace("_", "-")]
            if isinstance(val, list):
                req.nodes.append(N(a.num, kids=val, attr=a))
            elif isinstance(val, bytes):
                req.nodes.append(N(a.num, val, attr=a))
            elif isinstance(val, str):
                req.nodes.append(N(a.num, val.encode() + b"\0", attr=a))
            else:
                fmt = {"u8": "=B", "u16": "=H", "u32": "=I",
                       "u64": "=Q"}[a.type]
                req.nodes.append(N(a.num, struct.pack(fmt, val), attr=a))
        reqs.append(req)

    def send_all(self, reqs):
        """Send requests of the preamble one by one, judged as any."""
        for req in reqs:
            encode(req, self.spec, self.fid, self.next_seq())
            ans = self.exchange(self.conn, [req])[req.seq]
            self.judge(req, ans)
            self.stats.add("preamble_" + self.phase)
            if ans.err == 0:
                self.stats.add("preamble_applied_" + self.phase)
        self.stats.add("preamble", len(reqs))

    def preamble(self):
        """Enable the bridges, add profiles, templates and static groups
        (well-formed requests, nearly all applied): the dumps then come
        in several parts and the handlers find something to act on. Then
        the tables at their limits (limits)."""
        reqs = []
        add = self.build
        rule = self.spec.sets["profile-rule"]
        for i, name in enumerate(("p0", "p1", "iptv")):
            rules = [N(rule["entry"].num, kids=[
                N(rule["group-min"].num, ip("239.1.%d.0" % j)),
                N(rule["group-max"].num, ip("239.1.%d.255" % j)),
                N(rule["action"].num, bytes([j % 2]))]) for j in range(i * 4)]
            add(reqs, "profile-add", name=name, default=1, rules=rules)
        for br in self.topo.bridges:
            if br[1] == "brs":
                continue
            add(reqs, "bridge-enable", ifindex=br[0], querier=0)
            ports = self.topo.ports_of(br)
            if not ports:
                continue
            add(reqs, "port-template-add", bridge_ifindex=br[0],
                template="x*", fast_leave=1)
            vlan = br[1] == "br1"
            for i in range(36):
                port = ports[i % len(ports)]
                kw = {"vid": 10 if i % 2 else 20} if vlan else {}
                add(reqs, "group-add", bridge_ifindex=br[0],
                    port_ifindex=port[0],
                    addr=ip("239.2.%d.%d" % (i // 200, i % 200 + 1)), **kw)
                add(reqs, "group-add", bridge_ifname=br[1],
                    port_ifname=port[1], addr=ip("ff0e::2:%x" % (i + 1)),
                    source=ip("2001:db8::%x" % (i + 1)), **kw)
        self.send_all(reqs)
        self.limits()

    def limits(self):
        """The tables of the VLAN bridge br1 at their limits, and a get
        of each object at its limit (its reply is at its biggest): a
        group with 64 sources (the most) on each port, the first of the
        bridge's table; a port with a limit on 64 VLANs (the most) and
        VLAN router settings; a profile with 32 rules (the most); a
        template with 32 groups (the most). One more of each is refused."""
        reqs = []
        add = self.build
        srule = self.spec.sets["profile-rule"]
        sgroup = self.spec.sets["static-group"]
        rules = [N(srule["entry"].num, kids=[
            N(srule["group-min"].num, ip("ff0e::%x:0" % j)),
            N(srule["group-max"].num, ip("ff0e::%x:ffff" % j)),
            N(srule["source-min"].num, ip("2001:db8::%x:0" % j)),
            N(srule["source-max"].num, ip("2001:db8::%x:ffff" % j)),
            N(srule["action"].num, b"\1")]) for j in range(33)]
        add(reqs, "profile-add", name="big", default=1, rules=rules)
        add(reqs, "profile-add", name="big", default=1, rules=rules[:32])
        add(reqs, "profile-get", name="big")
        for br in self.topo.bridges:
            ports = self.topo.ports_of(br)[:3]
            if br[1] != "br1" or not ports:
                continue
            rtnl_bridge_snooping_off(br[0])
            add(reqs, "bridge-enable", ifindex=br[0], querier=0)
            add(reqs, "group-flush", bridge_ifindex=br[0])
            for port in ports:
                for i in range(65):
                    add(reqs, "group-add", bridge_ifindex=br[0],
                        port_ifindex=port[0], vid=10, addr=ip("ff0e::1"),
                        source=ip("2001:db8::1:%x" % (i + 1)))
            add(reqs, "group-get", bridge_ifindex=br[0], vid=10,
                addr=ip("ff0e::1"))
            port = ports[0]
            for vid in range(1, 66):
                add(reqs, "port-set", ifindex=port[0], vid=vid,
                    max_groups=vid)
            add(reqs, "port-set", ifindex=port[0], vid=100, router=2)
            add(reqs, "port-set", ifindex=port[0], vid=101, router=0)
            add(reqs, "port-get", ifindex=port[0])
            groups = [N(sgroup["entry"].num, kids=[
                N(sgroup["addr"].num, ip("ff0e::3:%x" % j)),
                N(sgroup["vid"].num, struct.pack("=H", 10)),
                N(sgroup["source"].num, ip("2001:db8::3:%x" % j))])
                for j in range(33)]
            add(reqs, "port-template-add", bridge_ifindex=br[0],
                template="big*", groups=groups)
            add(reqs, "port-template-add", bridge_ifindex=br[0],
                template="big*", groups=groups[:32])
            add(reqs, "port-template-get", bridge_ifindex=br[0],
                template="big*")
        self.send_all(reqs)


# ------------------------------------------------------------ the snapshot

VOLATILE = {
    "bridge": {"stats", "group-count", "removals", "router-timeout-active",
               "membership-timeout-active", "host-router-ipv4",
               "host-router-ipv6", "querier-proxy-only", "fallback",
               "mcast-snooping", "table-bytes"},
    "port": {"group-count", "host-count", "router-ipv4", "router-ipv6",
             "router-ipv4-timer", "router-ipv6-timer", "stats", "removals",
             "fallback"},
    "vlan-limit": {"group-count", "table-full"},
    "vlan": {"group-count", "membership-timeout-active"},
    "group": {"packets", "bytes", "out-packets", "out-bytes", "mac-alias",
              "mac"},
    "member": {"timer", "host-compat", "host-addr"},
    "source": {"timer"},
    "querier": set(),
}


def decode(spec, setname, data):
    out = []
    attrs = spec.by_num.get(setname, {})
    for atype, _, payload, _ in genl.parse_attrs(data):
        a = attrs.get(atype)
        name = a.name if a else "attr%d" % atype
        if a and name in VOLATILE.get(setname, ()):
            continue
        if a and a.type == "nest" and a.nested:
            val = decode(spec, a.nested, payload)
        elif a and a.type == "string":
            val = payload.rstrip(b"\0").decode(errors="replace")
        else:
            val = payload.hex()
        out.append([name, val])
    return out


def static_only(group):
    """A group of a dump without its learnt members (which come and go
    with the hosts' reports): None when it has no static one."""
    keep = []
    for k, v in group:
        if k == "members":
            members = [m for m in v if any(f == ["static", "01"]
                                           for f in m[1])]
            if not members:
                return None
            keep.append([k, members])
        else:
            keep.append([k, v])
    return keep


def merge_split_groups(items):
    """A group whose members do not fit in one dump message comes in
    consecutive messages, each with the group's attributes and the
    members that follow: one group again, as mcsnoopctl prints it."""
    def key(item):
        return [v for k, v in item if k in ("bridge-ifindex", "vid", "addr")]

    def members(item):
        return next((v for k, v in item if k == "members"), [])

    out = []
    for item in items:
        if out and key(out[-1]) == key(item):
            prev = out[-1]
            merged = members(prev) + members(item)
            prev[:] = [[k, v] for k, v in prev if k != "members"]
            prev.append(["members", merged])
        else:
            out.append(item)
    return out


def dump_items(conn, spec, fid, op, attrs):
    """The decoded replies of one dump, or the error that ended it."""
    conn.sock.send(struct.pack("=IHHII", HDR + len(attrs), fid,
                               NLM_F_REQUEST | NLM_F_ACK | NLM_F_DUMP, 1, 0) +
                   struct.pack("=BBH", op.num, 1, 0) + attrs)
    items = []
    while True:
        data = conn.sock.recv(1 << 16)
        for mtype, _, _, body in split_msgs(data):
            if mtype == fid:
                items.append(decode(spec, op.set, body[4:]))
            elif mtype in (NLMSG_DONE, NLMSG_ERROR):
                (err,) = struct.unpack_from("=i", body)
                if err:
                    return [errname(-err)]
                if op.name != "group-get":
                    return items
                return [g for g in map(static_only,
                                       merge_split_groups(items))
                        if g is not None]


def snapshot(spec, fid, timeout, bridges, fresh=False):
    """The configuration of the namespace: every dump, and the dumps that
    take a bridge filter once per bridge (whose first object then starts
    a dump), without counters, timers and learnt memberships, as one
    text. Each dump on a new socket (fresh: the kernel makes the first
    part one page, as for any socket that has not read yet) or on one
    that has read with a large buffer (parts up to 32 KiB)."""
    conn = Conn(timeout)
    out = {}
    try:
        if not fresh:
            # Read something first: the dumps then start big.
            conn.sock.send(struct.pack("=IHHII", HDR, fid,
                                       NLM_F_REQUEST | NLM_F_ACK, 1, 0) +
                           struct.pack("=BBH", 0, 1, 0))
            conn.sock.recv(1 << 16)
        for op in sorted(spec.ops.values(), key=lambda o: o.num):
            if not op.has_dump or op.name == "querier-get":
                continue
            filters = [("", b"")]
            a = spec.sets[op.set].get("bridge-ifindex")
            if op.name in ("group-get", "port-get"):
                filters += [("@%d" % idx, genl.nla(
                    a.num, struct.pack("=I", idx))) for idx in bridges]
            for key, attrs in filters:
                if fresh:
                    conn.close()
                    conn = Conn(timeout)
                out[op.name + key] = dump_items(conn, spec, fid, op, attrs)
    finally:
        conn.close()
    # One line per object: a diff shows whole objects.
    return "".join("%s %s\n" % (k, json.dumps(item))
                   for k in sorted(out) for item in out[k])


def diff(a, b):
    """What differs, per dump (objects before and after), and the
    beginning of a diff of the objects."""
    import difflib
    count_a, count_b = {}, {}
    for text, count in ((a, count_a), (b, count_b)):
        for line in text.splitlines():
            key = line.split(" ", 1)[0]
            count[key] = count.get(key, 0) + 1
    out = ["%s: %d objects before, %d after" % (k, count_a.get(k, 0),
                                                count_b.get(k, 0))
           for k in sorted(set(count_a) | set(count_b))
           if count_a.get(k) != count_b.get(k)]
    lines = [x[:300] for x in difflib.unified_diff(
        a.splitlines(), b.splitlines(), "before", "after", n=0,
        lineterm="")]
    return "\n".join(out + lines[:12])


def compare_fresh(spec, fid, timeout, bridges, warm, st):
    """Dumps on new sockets must list what dumps on used ones do: an
    object too big for a first part of one page must not end a dump."""
    fresh = snapshot(spec, fid, timeout, bridges, fresh=True)
    if fresh != warm:
        st.add("failures")
        st.fails.append({"phase": "-", "reason":
                         "dumps on a new socket list other than on a used "
                         "one (before: used, after: new)",
                         "diff": diff(warm, fresh)})


# --------------------------------------------------------------- children

libc = ctypes.CDLL(None, use_errno=True)


def unshare(flags):
    if libc.unshare(flags) != 0:
        e = ctypes.get_errno()
        raise OSError(e, "unshare: %s" % os.strerror(e))


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def enter_phase(phase, other_netns):
    """Become what the phase fuzzes as (in a forked child); the devices
    of the namespace it then is in."""
    if phase == "nobody":
        os.setgroups([])
        os.setresgid(NOBODY, NOBODY, NOBODY)
        os.setresuid(NOBODY, NOBODY, NOBODY)
        return None
    if phase == "userns":
        unshare(CLONE_NEWUSER)
        return None
    if phase == "netns":
        genl.enter_netns(other_netns)
        return Topo(rtnl_links())
    if phase == "own-netns":
        uid, gid = os.getuid(), os.getgid()
        unshare(CLONE_NEWUSER | CLONE_NEWNET)
        write("/proc/self/setgroups", "deny")
        write("/proc/self/uid_map", "0 %d 1" % uid)
        write("/proc/self/gid_map", "0 %d 1" % gid)
        # Bridges and ports of its own, with the names of the first
        # namespace's: names resolve in the caller's namespace only.
        script = "\n".join((
            "link set lo up",
            "link add br0 type bridge mcast_snooping 0",
            "link add br1 type bridge mcast_snooping 0 vlan_filtering 1",
            "link add brs type bridge",
            "link add d1 type dummy", "link add d2 type dummy",
            "link add p-h1 type dummy", "link add dummy0 type dummy",
            "link set d1 master br1", "link set d2 master br1",
            "link set p-h1 master br0",
            "link set br0 up", "link set br1 up", "link set d1 up",
            "link set d2 up", "link set p-h1 up", ""))
        pid = os.fork()
        if pid == 0:
            r, w = os.pipe()
            os.write(w, script.encode())
            os.close(w)
            os.dup2(r, 0)
            os.execvp("ip", ["ip", "-b", "-"])
        _, status = os.waitpid(pid, 0)
        if status:
            raise RuntimeError("ip -b in the new namespace failed")
        return Topo(rtnl_links())
    raise ValueError(phase)


def run_child(spec, phase, seed, count, topo, other_netns, timeout):
    """Fork, fuzz as phase, return its stats (merged by the caller)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        code = 0
        try:
            local = enter_phase(phase, other_netns)
            st = Stats()
            # Foreign names: the first namespace's, besides its own.
            if local is None:
                fz = Fuzzer(spec, phase, seed, topo, None, timeout, st)
            else:
                fz = Fuzzer(spec, phase, seed, local, topo, timeout, st)
            try:
                if phase == "own-netns":
                    fz.preamble()
                fz.run(count)
            except Abort as e:
                st.n["aborted"] = 1
                st.add("failures")
                st.fails.append({"phase": phase, "reason":
                                 "the kernel stopped answering (%s): the "
                                 "run ends" % e})
            out = json.dumps(st.to_json()).encode()
        except Exception as e:     # noqa: BLE001 -- reported as a failure
            import traceback
            traceback.print_exc()
            out = json.dumps({"n": {"failures": 1}, "triples": [],
                              "errnos": {}, "fails": [{
                                  "phase": phase, "reason":
                                  "the phase crashed: %r" % e}]}).encode()
            code = 1
        while out:
            n = os.write(w, out)
            out = out[n:]
        os.close(w)
        os._exit(code)
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 1 << 16)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        return {"n": {"failures": 1, "aborted": 1}, "triples": [],
                "errnos": {}, "fails": [{
                    "phase": phase, "reason": "the phase died (status %#x): "
                    "killed by a kernel oops?" % status}]}
    return json.loads(b"".join(chunks))


# ------------------------------------------------------------------- main

def parse_phases(text):
    out = []
    for part in text.split(","):
        name, share = part.split("=")
        if name not in PHASES:
            raise SystemExit("nlfuzz: unknown phase %s" % name)
        out.append((name, float(share)))
    return out


def fail_text(fl):
    """A failure as one line (and the lines of its diff, if any)."""
    fl = dict(fl)
    text = fl.pop("diff", None)
    line = json.dumps(fl, sort_keys=True)
    if text:
        line += "\n" + "\n".join("  | " + x for x in text.splitlines())
    return line


def write_log(path, seed, st, figures, spec):
    with open(path, "w") as f:
        f.write("# nlfuzz.py seed %s\n" % seed)
        for name, val, unit in figures:
            f.write("# figure %s %s %s\n" % (name, val, unit))
        f.write("# every distinct (command, errno, message): count, "
                "phases\n")
        for key in sorted(st.triples, key=lambda k: (k[0], k[1], k[2])):
            cnt, phases = st.triples[key]
            f.write("%-20s %-11s %-7d %-s  [%s]\n" % (
                key[0], key[1], cnt, json.dumps(key[2]), ",".join(phases)))
        f.write("# refusals by the genetlink core, without a message\n")
        for k, v in sorted(st.n.items()):
            if k.startswith("core: "):
                f.write("%-60s %d\n" % (k[6:], v))
        f.write("# failures (%d)\n" % st.n.get("failures", 0))
        for fl in st.fails:
            f.write(fail_text(fl) + "\n")


def cmd_run(args):
    seed = os.environ.get("NLFUZZ_SEED") or str(random.randrange(1 << 32))
    count, log, other, timeout = 3000, None, None, 10.0
    phases = "root=0.65,nobody=0.1,userns=0.05,netns=0.1,own-netns=0.1"
    while args:
        opt = args.pop(0)
        val = args.pop(0) if args else None
        if opt == "--seed":
            seed = val
        elif opt == "--count":
            count = int(val)
        elif opt == "--log":
            log = val
        elif opt == "--other-netns":
            other = val
        elif opt == "--phases":
            phases = val
        elif opt == "--timeout":
            timeout = float(val)
        else:
            raise SystemExit(__doc__)
    phases = parse_phases(phases)
    spec = Spec(find_spec(), genl.parse_header(genl.find_header()))
    print("seed %s" % seed, flush=True)
    topo = Topo(rtnl_links())
    bridges = [b[0] for b in topo.bridges]
    st = Stats()
    counts = [int(count * share) for _, share in phases]
    counts[0] += count - sum(counts)
    t0 = time.monotonic()
    before = None
    fid = None
    cov = set()
    for (phase, _), n in zip(phases, counts):
        if n <= 0:
            continue
        t1, r1 = time.monotonic(), st.n.get("requests", 0)
        if phase == "netns" and not other:
            raise SystemExit("nlfuzz: the netns phase needs --other-netns")
        if st.n.get("aborted"):
            break
        if phase == "root":
            fz = Fuzzer(spec, phase, seed, topo, None, timeout, st)
            fid = fz.fid
            try:
                fz.preamble()
                fz.run(max(n - st.n.get("preamble", 0) * 2, 0))
                fz.limits()
            except Abort as e:
                st.n["aborted"] = 1
                st.add("failures")
                st.fails.append({"phase": phase, "reason":
                                 "the kernel stopped answering (%s): the "
                                 "run ends" % e})
                break
            fz.conn.close()
            cov |= fz.gen.covered
            cov |= {("nested",) + k for k in fz.gen.nested_covered}
            print("phase root: %d requests, %.1f s" % (
                st.n.get("requests", 0) - r1, time.monotonic() - t1))
            continue
        if before is None and fid is not None:
            try:
                before = snapshot(spec, fid, timeout, bridges)
                compare_fresh(spec, fid, timeout, bridges, before, st)
            except OSError as e:
                st.n["aborted"] = 1
                st.add("failures")
                st.fails.append({"phase": "-", "reason":
                                 "the dumps of the configuration: %s" % e})
                break
            print("snapshots: %.1f s" % (time.monotonic() - t1))
            t1 = time.monotonic()
        st.merge(run_child(spec, phase, seed, n, topo, other, timeout))
        print("phase %s: %d requests, %.1f s" % (
            phase, st.n.get("requests", 0) - r1, time.monotonic() - t1),
            flush=True)
    if before is not None and not st.n.get("aborted"):
        try:
            after = snapshot(spec, fid, timeout, bridges)
        except OSError as e:
            after = "the dumps failed: %s\n" % e
        if after != before:
            st.add("failures")
            st.fails.append({"phase": "-", "reason":
                             "the configuration of the namespace changed "
                             "while only unprivileged callers and other "
                             "namespaces sent requests",
                             "diff": diff(before, after)})
    secs = time.monotonic() - t0
    # Coverage of the root phase: every command and every attribute of
    # its set, and every attribute of the nests requests carry.
    total = missing = 0
    uncovered = []
    for op in spec.ops.values():
        if not op.has_do and not op.has_dump:
            continue
        for a in spec.sets[op.set].values():
            if a.type == "unused":
                continue
            if "vlan-set-profile" in AVOID and (op.name, a.name) == (
                    "vlan-set", "profile"):
                continue
            total += 1
            if (op.name, a.name) not in cov:
                missing += 1
                uncovered.append((op.name, a.name))
    nested_total = nested_missing = 0
    for setname in ("static-group", "profile-rule"):
        for a in spec.sets[setname].values():
            if a.type == "unused":
                continue
            nested_total += 1
            if ("nested", setname, a.name) not in cov:
                nested_missing += 1
    n = st.n
    figures = [
        ("netlink.requests", n.get("requests", 0), "requests"),
        ("netlink.applied", n.get("applied", 0), "requests"),
        ("netlink.refused", n.get("refused", 0), "requests"),
    ]
    for e, v in sorted(st.errnos.items()):
        figures.append(("netlink.refused_%s" % e, v, "requests"))
    figures += [
        ("netlink.refused_by_policy", n.get("refused_policy", 0),
         "requests"),
        ("netlink.refused_by_handler", n.get("refused_handler", 0),
         "requests"),
        ("netlink.refused_by_core", n.get("refused_core", 0), "requests"),
        ("netlink.dumps", n.get("dumps", 0), "requests"),
        ("netlink.dumps_multipart", n.get("dumps_multipart", 0), "requests"),
        ("netlink.dumps_abandoned", n.get("dumps_abandoned", 0), "requests"),
        ("netlink.dumps_resumed", n.get("dumps_resumed", 0), "requests"),
        ("netlink.triples", len(st.triples), "triples"),
        ("netlink.attrs_covered", total - missing, "of %d" % total),
        ("netlink.nested_covered", nested_total - nested_missing,
         "of %d" % nested_total),
        ("netlink.preamble_applied", n.get("preamble_applied_root", 0),
         "of %d" % n.get("preamble_root", 0)),
        ("netlink.failures", n.get("failures", 0), "requests"),
        ("netlink.seconds", "%.1f" % secs, "s"),
        ("netlink.rate", "%.0f" % (n.get("requests", 0) / max(secs, 1e-9)),
         "requests/s"),
    ]
    for name, val, unit in figures:
        print("figure %s %s %s" % (name, val, unit))
    for op, a in uncovered:
        print("uncovered %s %s" % (op, a))
    if log:
        write_log(log, seed, st, figures, spec)
    for fl in st.fails[:20]:
        print("FAIL %s" % fail_text(fl))
    bad = n.get("failures", 0) or missing or nested_missing
    return 1 if bad else 0


def cmd_send(args):
    """Resend one request (hex of the log, its family id replaced)."""
    data = bytearray(bytes.fromhex(args[0]))
    spec = Spec(find_spec(), genl.parse_header(genl.find_header()))
    g = genl.Genl()
    fid = g.family(spec.family)[0]
    g.sock.close()
    struct.pack_into("=H", data, 4, fid)
    struct.pack_into("=I", data, 8, 1)
    conn = Conn(10)
    conn.sock.send(bytes(data))
    ans = Answer()
    dump = bool(struct.unpack_from("=H", data, 6)[0] & NLM_F_DUMP ==
                NLM_F_DUMP)
    while not ans.done:
        rdy, _, _ = select.select([conn.sock], [], [], 10)
        if not rdy:
            print("no answer in 10 s")
            return 1
        for mtype, mflags, _, body in split_msgs(conn.sock.recv(1 << 16)):
            feed(ans, mtype, mflags, body, fid, dump)
    print("replies %d" % ans.replies)
    print("errno %s" % (errname(-ans.err) if ans.err else "OK"))
    print("msg %s" % ans.msg)
    print("offset %s" % ans.offset)
    if ans.bad:
        print("bad %s" % ans.bad)
    return 0


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    if argv[0] == "run":
        return cmd_run(argv[1:])
    if argv[0] == "send" and len(argv) == 2:
        return cmd_send(argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
