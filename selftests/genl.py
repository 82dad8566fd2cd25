#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Raw generic netlink client for the mcsnoop family (python3 stdlib only).

Sends exactly the request it is told to, including requests the tool never
sends (no rtnetlink step, bad, unknown or mis-sized attributes), and prints
the kernel's answer: the replies, or the errno name, the extack message and
the attribute the extack offset points at.

usage: genl.py [-j] [-n NETNS] COMMAND [ATTR...]
  COMMAND: get | dump | enable | disable | cmd=N (raw command number)
           family    resolve the family (CTRL_CMD_GETFAMILY: may autoload)
           families  list registered families (a dump: never autoloads)
  ATTR:    ifindex=N  ifname=NAME  saved_mcast_snooping=N (or saved=N)
           mcast_snooping=N
           attr=TYPE:FMT:VALUE  raw attribute, FMT one of u8 u16 u32 u64
                                str (NUL added) bytes (no NUL) hex
  -j       print one JSON object instead of text
  -n NETNS run in the named network namespace (/run/netns/NETNS)
Text output: one line per reply (key=value ...), or on error the lines
"errno NAME", "msg TEXT", "attr NAME", "offset N", "missing NAME" (those
that apply).
Exit status: 0 the kernel accepted the request, 1 it refused it, 2 usage.
"""

import errno
import os
import re
import socket
import struct
import sys
from netns import enter_netns

NETLINK_GENERIC = 16
SOL_NETLINK = 270
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11

NLM_F_REQUEST = 0x1
NLM_F_MULTI = 0x2
NLM_F_ACK = 0x4
NLM_F_DUMP_INTR = 0x10
NLM_F_DUMP = 0x300
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200

NLMSG_ERROR = 2
NLMSG_DONE = 3

NLMSGERR_ATTR_MSG = 1
NLMSGERR_ATTR_OFFS = 2
NLMSGERR_ATTR_MISS_TYPE = 5

GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
CTRL_ATTR_VERSION = 3

NLA_F_NESTED = 0x8000
NLA_TYPE_MASK = 0x3fff

NLMSGHDR = struct.Struct("=IHHII")
GENLMSGHDR = struct.Struct("=BBH")
NLATTR = struct.Struct("=HH")

# Attribute payload types: the header gives numbers, not types.
BRIDGE_ATTR_FMT = {
    "ifindex": "u32",
    "ifname": "str",
    "saved_mcast_snooping": "u8",
    "mcast_snooping": "u8",
    "stats": "nest",
}
INT_FMT = {"u8": "=B", "u16": "=H", "u32": "=I", "u64": "=Q"}


def align4(n):
    return (n + 3) & ~3


# ---------------------------------------------------------------- uapi header

def find_header():
    here = os.path.dirname(os.path.abspath(__file__))
    candidates = [
        os.environ.get("MCSNOOP_UAPI", ""),
        os.path.join(here, "..", "include", "uapi", "linux", "mcsnoop.h"),
        os.path.join(here, "..", "..", "..", "..", "include", "uapi",
                     "linux", "mcsnoop.h"),
        "/usr/include/linux/mcsnoop.h",
    ]
    for path in candidates:
        if path and os.path.isfile(path):
            return path
    sys.exit("genl.py: cannot find include/uapi/linux/mcsnoop.h "
             "(set MCSNOOP_UAPI)")


def eval_int(expr, names):
    """Evaluate a C integer constant expression made of names and + -."""
    expr = expr.strip()
    tokens = re.findall(r"[A-Za-z_]\w*|0x[0-9a-fA-F]+|\d+|[-+()]", expr)
    if "".join(tokens) != re.sub(r"\s+", "", expr):
        raise ValueError(expr)
    out = []
    for tok in tokens:
        if re.match(r"[A-Za-z_]", tok):
            out.append(str(names[tok]))
        else:
            out.append(str(int(tok, 0)))
    return int(eval(" ".join(out), {"__builtins__": {}}))  # digits and +-()


def parse_header(path):
    """Return {NAME: value} for every enum entry and #define of the header."""
    with open(path) as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    names = {}
    for body in re.findall(r"enum\s+\w*\s*\{(.*?)\}", text, flags=re.S):
        value = -1
        for entry in body.split(","):
            entry = entry.strip()
            if not entry:
                continue
            if "=" in entry:
                name, expr = entry.split("=", 1)
                name = name.strip()
                value = eval_int(expr, names)
            else:
                name = entry
                value += 1
            names[name] = value
    for name, val in re.findall(r"^#define[ \t]+(\w+)[ \t]+(.+?)[ \t]*$", text,
                                flags=re.M):
        if val.startswith('"'):
            names[name] = val.strip('"')
        else:
            try:
                names[name] = eval_int(val, names)
            except (KeyError, ValueError, SyntaxError):
                pass
    return names


class Uapi:
    def __init__(self, names):
        self.family = names["MCSNOOP_GENL_NAME"]
        self.version = names["MCSNOOP_GENL_VERSION"]
        self.cmds = self._group(names, "MCSNOOP_CMD_BRIDGE_")
        self.cmds.update(self._group(names, "MCSNOOP_CMD_"))
        self.battrs = self._group(names, "MCSNOOP_A_BRIDGE_")
        self.sattrs = self._group(names, "MCSNOOP_A_STATS_")
        self.battr_names = {v: k for k, v in self.battrs.items()}
        self.sattr_names = {v: k for k, v in self.sattrs.items()}

    @staticmethod
    def _group(names, prefix):
        out = {}
        for name, val in names.items():
            if not name.startswith(prefix) or not isinstance(val, int):
                continue
            short = name[len(prefix):].lower()
            if short in ("unspec", "max") or short.startswith("_"):
                continue
            if short.startswith("bridge_") or short.startswith("a_"):
                continue
            out[short] = val
        return out


# ------------------------------------------------------------------ encoding

def nla(atype, payload):
    hdr = NLATTR.pack(NLATTR.size + len(payload), atype)
    return hdr + payload + b"\0" * (align4(len(payload)) - len(payload))


def encode_value(fmt, value):
    if fmt in INT_FMT:
        return struct.pack(INT_FMT[fmt], int(value, 0))
    if fmt == "str":
        return value.encode() + b"\0"
    if fmt == "bytes":
        return value.encode()
    if fmt == "hex":
        return bytes.fromhex(value)
    raise ValueError("unknown attribute format %r" % fmt)


def genl_msg(family_id, cmd, version, flags, seq, attrs):
    payload = GENLMSGHDR.pack(cmd, version, 0) + attrs
    return NLMSGHDR.pack(NLMSGHDR.size + len(payload), family_id, flags,
                         seq, 0) + payload


def parse_attrs(data):
    """Yield (type, nested flag, payload, offset of the attribute)."""
    off = 0
    while off + NLATTR.size <= len(data):
        alen, atype = NLATTR.unpack_from(data, off)
        if alen < NLATTR.size or off + alen > len(data):
            break
        yield (atype & NLA_TYPE_MASK, bool(atype & NLA_F_NESTED),
               data[off + NLATTR.size:off + alen], off)
        off += align4(alen)


def attr_offsets(attrs, base):
    """Map absolute message offsets of our request's attributes to types."""
    return {base + off: atype for atype, _, _, off in parse_attrs(attrs)}


# ------------------------------------------------------------------- socket

class GenlError(Exception):
    def __init__(self, err, msg=None, offset=None, miss_type=None):
        super().__init__(err)
        self.err = err
        self.msg = msg
        self.offset = offset
        self.miss_type = miss_type


class Genl:
    def __init__(self):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                  NETLINK_GENERIC)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        self.sock.bind((0, 0))
        self.seq = 0
        self.dump_intr = False

    def request(self, msg_type, cmd, version, attrs, dump=False):
        """Send one request; return the list of reply payloads (after the
        genl header) or raise GenlError."""
        self.seq += 1
        flags = NLM_F_REQUEST | NLM_F_ACK | (NLM_F_DUMP if dump else 0)
        self.sock.send(genl_msg(msg_type, cmd, version, flags, self.seq,
                                attrs))
        replies = []
        while True:
            data = self.sock.recv(1 << 20)
            off = 0
            while off + NLMSGHDR.size <= len(data):
                mlen, mtype, mflags, mseq, _ = NLMSGHDR.unpack_from(data, off)
                if mlen < NLMSGHDR.size:
                    raise GenlError(errno.EPROTO, "truncated netlink message")
                msg = data[off:off + mlen]
                off += align4(mlen)
                if mseq != self.seq:
                    continue
                if mflags & NLM_F_DUMP_INTR:
                    self.dump_intr = True
                if mtype == NLMSG_ERROR or mtype == NLMSG_DONE:
                    err = self.check_error(msg, mtype, mflags)
                    if mtype == NLMSG_DONE or err == 0:
                        return replies
                    continue
                replies.append(msg[NLMSGHDR.size + GENLMSGHDR.size:])

    @staticmethod
    def check_error(msg, mtype, mflags):
        if len(msg) < NLMSGHDR.size + 4:
            return 0
        (err,) = struct.unpack_from("=i", msg, NLMSGHDR.size)
        if err == 0:
            return 0
        tlv_off = NLMSGHDR.size + 4
        if mtype == NLMSG_ERROR:
            if mflags & NLM_F_CAPPED:
                tlv_off += NLMSGHDR.size
            else:
                (olen,) = struct.unpack_from("=I", msg, tlv_off)
                tlv_off += align4(olen)
        text = offset = miss = None
        if mflags & NLM_F_ACK_TLVS:
            for atype, _, payload, _ in parse_attrs(msg[tlv_off:]):
                if atype == NLMSGERR_ATTR_MSG:
                    text = payload.rstrip(b"\0").decode(errors="replace")
                elif atype == NLMSGERR_ATTR_OFFS and len(payload) >= 4:
                    (offset,) = struct.unpack_from("=I", payload)
                elif atype == NLMSGERR_ATTR_MISS_TYPE and len(payload) >= 4:
                    (miss,) = struct.unpack_from("=I", payload)
        raise GenlError(-err, text, offset, miss)

    def family(self, name):
        """Resolve a family: (id, version). May autoload its module."""
        replies = self.request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 2,
                               nla(CTRL_ATTR_FAMILY_NAME,
                                   name.encode() + b"\0"))
        fid = ver = None
        for atype, _, payload, _ in parse_attrs(replies[0]):
            if atype == CTRL_ATTR_FAMILY_ID:
                (fid,) = struct.unpack_from("=H", payload)
            elif atype == CTRL_ATTR_VERSION:
                (ver,) = struct.unpack_from("=I", payload)
        return fid, ver

    def families(self):
        """Names of all registered families (a dump: no autoload)."""
        names = []
        for reply in self.request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 2, b"",
                                  dump=True):
            for atype, _, payload, _ in parse_attrs(reply):
                if atype == CTRL_ATTR_FAMILY_NAME:
                    names.append(payload.rstrip(b"\0").decode())
        return names


# ------------------------------------------------------------------ decoding

def decode_int(payload):
    fmt = {1: "=B", 2: "=H", 4: "=I", 8: "=Q"}.get(len(payload))
    return struct.unpack(fmt, payload)[0] if fmt else payload.hex()


def decode_bridge(uapi, payload):
    out = {}
    for atype, _, data, _ in parse_attrs(payload):
        name = uapi.battr_names.get(atype, "attr%d" % atype)
        fmt = BRIDGE_ATTR_FMT.get(name)
        if fmt == "str":
            out[name] = data.rstrip(b"\0").decode(errors="replace")
        elif fmt == "nest":
            stats = {}
            for stype, _, sdata, _ in parse_attrs(data):
                sname = uapi.sattr_names.get(stype, "attr%d" % stype)
                if sname != "pad":
                    stats[sname] = decode_int(sdata)
            out[name] = stats
        else:
            out[name] = decode_int(data)
    return out


def text_bridge(obj):
    parts = []
    for key, val in obj.items():
        if isinstance(val, dict):
            parts.extend("%s.%s=%s" % (key, k, v) for k, v in val.items())
        else:
            parts.append("%s=%s" % (key, val))
    return " ".join(parts)


# ---------------------------------------------------------------------- main


def print_json(obj):
    import json
    print(json.dumps(obj))


def usage(msg=None):
    if msg:
        print("genl.py: %s" % msg, file=sys.stderr)
    print(__doc__.split("usage: ", 1)[1], file=sys.stderr)
    sys.exit(2)


def build_attrs(uapi, args):
    attrs = b""
    for arg in args:
        if "=" not in arg:
            usage("bad attribute %r" % arg)
        key, value = arg.split("=", 1)
        if key == "attr":
            try:
                atype, fmt, val = value.split(":", 2)
                attrs += nla(int(atype, 0), encode_value(fmt, val))
            except ValueError as e:
                usage("bad raw attribute %r: %s" % (value, e))
            continue
        key = {"saved": "saved_mcast_snooping"}.get(key, key)
        if key not in uapi.battrs or BRIDGE_ATTR_FMT.get(key) == "nest":
            usage("unknown attribute %r" % key)
        attrs += nla(uapi.battrs[key],
                     encode_value(BRIDGE_ATTR_FMT[key], value))
    return attrs


def report_error(e, offsets, uapi, as_json):
    if e.err == errno.EOPNOTSUPP:
        name = "EOPNOTSUPP"     # errorcode says ENOTSUP, the same number
    else:
        name = errno.errorcode.get(e.err, "E%d" % e.err)
    res = {"errno": name, "error": -e.err, "msg": e.msg}
    if e.offset is not None:
        res["offset"] = e.offset
        atype = offsets.get(e.offset)
        res["attr_type"] = atype
        res["attr"] = uapi.battr_names.get(atype) if atype else None
    if e.miss_type is not None:
        res["miss_type"] = e.miss_type
        res["miss_attr"] = uapi.battr_names.get(e.miss_type)
    if as_json:
        print_json(res)
        return
    print("errno %s" % name)
    print("strerror %s" % os.strerror(e.err))
    if e.msg is not None:
        print("msg %s" % e.msg)
    if e.offset is not None:
        print("attr %s" % (res["attr"] or "type%s" % res["attr_type"]))
        print("offset %d" % e.offset)
    if e.miss_type is not None:
        print("missing %s" % (res["miss_attr"] or "type%d" % e.miss_type))


def main(argv):
    as_json = False
    while argv and argv[0].startswith("-"):
        if argv[0] in ("-j", "--json"):
            as_json = True
        elif argv[0] in ("-n", "--netns") and len(argv) > 1:
            enter_netns(argv[1])
            argv = argv[1:]
        elif argv[0] in ("-h", "--help"):
            usage()
        else:
            usage("unknown option %r" % argv[0])
        argv = argv[1:]
    if not argv:
        usage()
    uapi = Uapi(parse_header(find_header()))
    cmd_word, args = argv[0], argv[1:]
    nl = Genl()
    offsets = {}
    try:
        if cmd_word == "families":
            names = nl.families()
            if as_json:
                print_json(names)
            else:
                print("\n".join(names))
            return 0
        try:
            fid, ver = nl.family(uapi.family)
        except GenlError as e:
            e.msg = e.msg or "generic netlink family %s not found" % uapi.family
            raise
        if cmd_word == "family":
            if as_json:
                print_json({"id": fid, "version": ver})
            else:
                print("id %d version %d" % (fid, ver))
            return 0
        dump = cmd_word == "dump"
        if dump:
            cmd = uapi.cmds["get"]
        elif cmd_word.startswith("cmd="):
            cmd = int(cmd_word[4:], 0)
        elif cmd_word in uapi.cmds:
            cmd = uapi.cmds[cmd_word]
        else:
            usage("unknown command %r" % cmd_word)
        attrs = build_attrs(uapi, args)
        offsets = attr_offsets(attrs, NLMSGHDR.size + GENLMSGHDR.size)
        replies = nl.request(fid, cmd, uapi.version, attrs, dump=dump)
    except GenlError as e:
        report_error(e, offsets, uapi, as_json)
        return 1
    objs = [decode_bridge(uapi, r) for r in replies]
    if as_json:
        print_json({"errno": None, "dump_intr": nl.dump_intr,
                    "replies": objs})
    else:
        for obj in objs:
            print(text_bridge(obj))
        if nl.dump_intr:
            print("dump interrupted (NLM_F_DUMP_INTR)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
