#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Raw rtnetlink for the bridge settings iproute2 6.1 cannot make (stdlib only).

Debian 12's iproute2 (6.1) has no `bridge mst`, no `mst_enabled`, no VLAN
to MSTI mapping, no `mab` and no per-VLAN neighbour suppression; the
kernels under test have some of them (MST since 5.18, MAB since 6.2,
per-VLAN neigh_suppress since 6.4). This sends the requests iproute2
would, and reads port options back, so that a test can tell a kernel that
lacks a feature (the attribute is absent) from one that has it.

usage: rtnl.py [-n NETNS] COMMAND ARGS [+ COMMAND ARGS]...
  brport-set DEV NAME=VALUE...   bridge port options (IFLA_PROTINFO of an
                                 AF_BRIDGE RTM_SETLINK, as `bridge link set`):
                                 NAME one of the PORT_ATTRS below (u8 flags
                                 and state) or a number
  brport-get DEV NAME            print the option as the kernel reports it
                                 (IFLA_INFO_SLAVE_DATA), "absent" when it
                                 does not
  br-boolopt BR NAME on|off      IFLA_BR_MULTI_BOOLOPT: no_ll_learn,
                                 mcast_vlan_snooping, mst_enabled
  br-boolopt-get BR NAME         print on, off or absent
  vlan-msti BR VID MSTI          map VLAN VID of bridge BR to MSTI (RTM_NEWVLAN
                                 global options)
  mst-state DEV MSTI STATE       port DEV's STP state in MSTI (0 disabled,
                                 1 listening, 2 learning, 3 forwarding,
                                 4 blocking)
  vlan-neigh-suppress DEV VID on|off
                                 neigh_suppress of VLAN VID on port DEV
                                 (RTM_NEWVLAN entry option, options only)
Commands joined by "+" run in order in one process; the first that fails
ends it. On a refusal it prints "errno NAME" and "msg TEXT" (the extack
message, when there is one).
Exit status: 0 done, 1 the kernel refused, 2 usage.
"""

import errno
import socket
import struct
import sys
from netns import enter_netns

NETLINK_ROUTE = 0
SOL_NETLINK = 270
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11

NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200
NLMSG_ERROR = 2
NLMSG_DONE = 3
NLMSGERR_ATTR_MSG = 1

RTM_NEWLINK = 16
RTM_GETLINK = 18
RTM_SETLINK = 19
RTM_NEWVLAN = 112

AF_UNSPEC = 0
AF_BRIDGE = 7
NLA_F_NESTED = 0x8000
NLA_TYPE_MASK = 0x3fff

IFLA_PROTINFO = 12
IFLA_LINKINFO = 18
IFLA_AF_SPEC = 26
IFLA_EXT_MASK = 29
IFLA_INFO_KIND = 1
IFLA_INFO_DATA = 2
IFLA_INFO_SLAVE_DATA = 5
IFLA_BR_MULTI_BOOLOPT = 46
IFLA_BRIDGE_MST = 6
IFLA_BRIDGE_MST_ENTRY = 1
IFLA_BRIDGE_MST_ENTRY_MSTI = 1
IFLA_BRIDGE_MST_ENTRY_STATE = 2
BRIDGE_VLANDB_ENTRY = 1
BRIDGE_VLANDB_GLOBAL_OPTIONS = 2
BRIDGE_VLANDB_ENTRY_INFO = 1
BRIDGE_VLANDB_ENTRY_NEIGH_SUPPRESS = 9
BRIDGE_VLANDB_GOPTS_ID = 1
BRIDGE_VLANDB_GOPTS_MSTI = 18
BRIDGE_VLAN_INFO_ONLY_OPTS = 1 << 6

# include/uapi/linux/if_link.h, enum IFLA_BRPORT_*: the u8 ones.
PORT_ATTRS = {
    "state": 1, "mode": 4, "guard": 5, "protect": 6, "fast_leave": 7,
    "learning": 8, "flood": 9, "proxyarp": 10, "learning_sync": 11,
    "proxyarp_wifi": 12, "mcast_router": 25, "mcast_flood": 27,
    "mcast_to_unicast": 28, "vlan_tunnel": 29, "bcast_flood": 30,
    "neigh_suppress": 32, "isolated": 33, "locked": 39, "mab": 40,
    "neigh_vlan_suppress": 43,
}
BOOLOPTS = {"no_ll_learn": 0, "mcast_vlan_snooping": 1, "mst_enabled": 2}

NLMSGHDR = struct.Struct("=IHHII")
IFINFOMSG = struct.Struct("=BxHiII")
BR_VLAN_MSG = struct.Struct("=BxHI")
NLATTR = struct.Struct("=HH")


class RtnlError(Exception):
    def __init__(self, err, msg=None):
        super().__init__(err)
        self.err = err
        self.msg = msg


def align4(n):
    return (n + 3) & ~3


def nla(atype, payload):
    hdr = NLATTR.pack(NLATTR.size + len(payload), atype)
    return hdr + payload + b"\0" * (align4(len(payload)) - len(payload))


def nest(atype, *attrs):
    return nla(atype | NLA_F_NESTED, b"".join(attrs))


def parse_attrs(data):
    """Yield (type, payload)."""
    off = 0
    while off + NLATTR.size <= len(data):
        alen, atype = NLATTR.unpack_from(data, off)
        if alen < NLATTR.size or off + alen > len(data):
            break
        yield atype & NLA_TYPE_MASK, data[off + NLATTR.size:off + alen]
        off += align4(alen)


class Rtnl:
    def __init__(self):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                  NETLINK_ROUTE)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        self.sock.bind((0, 0))
        self.seq = 0

    def request(self, mtype, body):
        """One request with NLM_F_ACK: the reply messages (without their
        netlink header), or RtnlError."""
        self.seq += 1
        self.sock.send(NLMSGHDR.pack(NLMSGHDR.size + len(body), mtype,
                                     NLM_F_REQUEST | NLM_F_ACK, self.seq, 0)
                       + body)
        replies = []
        while True:
            data = self.sock.recv(1 << 16)
            off = 0
            while off + NLMSGHDR.size <= len(data):
                mlen, rtype, flags, seq, _ = NLMSGHDR.unpack_from(data, off)
                if mlen < NLMSGHDR.size:
                    raise RtnlError(errno.EPROTO, "truncated reply")
                msg = data[off:off + mlen]
                off += align4(mlen)
                if seq != self.seq:
                    continue
                if rtype == NLMSG_DONE:
                    return replies
                if rtype != NLMSG_ERROR:
                    replies.append(msg[NLMSGHDR.size:])
                    continue
                (err,) = struct.unpack_from("=i", msg, NLMSGHDR.size)
                if err == 0:
                    return replies
                raise RtnlError(-err, self.extack(msg, flags))

    @staticmethod
    def extack(msg, flags):
        if not flags & NLM_F_ACK_TLVS:
            return None
        off = NLMSGHDR.size + 4
        if flags & NLM_F_CAPPED:
            off += NLMSGHDR.size
        else:
            (olen,) = struct.unpack_from("=I", msg, off)
            off += align4(olen)
        for atype, payload in parse_attrs(msg[off:]):
            if atype == NLMSGERR_ATTR_MSG:
                return payload.rstrip(b"\0").decode(errors="replace")
        return None


def ifindex(name):
    try:
        return socket.if_nametoindex(name)
    except OSError:
        raise RtnlError(errno.ENODEV, "no device %s" % name)


def ifinfo(family, dev):
    return IFINFOMSG.pack(family, 0, ifindex(dev), 0, 0)


def onoff(word):
    if word not in ("on", "off", "1", "0"):
        raise ValueError("expected on or off, not %r" % word)
    return word in ("on", "1")


def port_attr(name):
    if name in PORT_ATTRS:
        return PORT_ATTRS[name]
    try:
        return int(name, 0)
    except ValueError:
        raise ValueError("unknown port option %r" % name)


def link_info(nl, dev, key):
    """The IFLA_LINKINFO sub-attribute key of dev (INFO_DATA or
    INFO_SLAVE_DATA) as a {type: payload} map."""
    (reply,) = nl.request(RTM_GETLINK, ifinfo(AF_UNSPEC, dev))
    for atype, payload in parse_attrs(reply[IFINFOMSG.size:]):
        if atype != IFLA_LINKINFO:
            continue
        for itype, idata in parse_attrs(payload):
            if itype == key:
                return dict(parse_attrs(idata))
    return {}


def decode_int(payload):
    fmt = {1: "=B", 2: "=H", 4: "=I", 8: "=Q"}.get(len(payload))
    return struct.unpack(fmt, payload)[0] if fmt else payload.hex()


def cmd_brport_set(nl, dev, *specs):
    if not specs:
        raise ValueError("brport-set DEV NAME=VALUE...")
    attrs = b""
    for spec in specs:
        name, eq, value = spec.partition("=")
        if not eq:
            raise ValueError("not NAME=VALUE: %r" % spec)
        val = int(onoff(value)) if value in ("on", "off") else int(value, 0)
        attrs += nla(port_attr(name), struct.pack("=B", val))
    nl.request(RTM_SETLINK, ifinfo(AF_BRIDGE, dev) +
               nla(IFLA_PROTINFO | NLA_F_NESTED, attrs))


def cmd_brport_get(nl, dev, name):
    data = link_info(nl, dev, IFLA_INFO_SLAVE_DATA)
    atype = port_attr(name)
    print(decode_int(data[atype]) if atype in data else "absent")


def cmd_br_boolopt(nl, br, name, value):
    if name not in BOOLOPTS:
        raise ValueError("unknown bridge option %r" % name)
    bit = 1 << BOOLOPTS[name]
    data = nla(IFLA_BR_MULTI_BOOLOPT,
               struct.pack("=II", bit if onoff(value) else 0, bit))
    nl.request(RTM_NEWLINK, ifinfo(AF_UNSPEC, br) +
               nest(IFLA_LINKINFO, nla(IFLA_INFO_KIND, b"bridge\0"),
                    nest(IFLA_INFO_DATA, data)))


def cmd_br_boolopt_get(nl, br, name):
    if name not in BOOLOPTS:
        raise ValueError("unknown bridge option %r" % name)
    data = link_info(nl, br, IFLA_INFO_DATA)
    if IFLA_BR_MULTI_BOOLOPT not in data:
        print("absent")
        return
    optval, optmask = struct.unpack_from("=II", data[IFLA_BR_MULTI_BOOLOPT])
    bit = 1 << BOOLOPTS[name]
    print("absent" if not optmask & bit else
          "on" if optval & bit else "off")


def cmd_vlan_msti(nl, br, vid, msti):
    opts = nest(BRIDGE_VLANDB_GLOBAL_OPTIONS,
                nla(BRIDGE_VLANDB_GOPTS_ID, struct.pack("=H", int(vid))),
                nla(BRIDGE_VLANDB_GOPTS_MSTI, struct.pack("=H", int(msti))))
    nl.request(RTM_NEWVLAN, BR_VLAN_MSG.pack(AF_BRIDGE, 0, ifindex(br)) + opts)


def cmd_mst_state(nl, dev, msti, state):
    entry = nest(IFLA_BRIDGE_MST_ENTRY,
                 nla(IFLA_BRIDGE_MST_ENTRY_MSTI, struct.pack("=H", int(msti))),
                 nla(IFLA_BRIDGE_MST_ENTRY_STATE, struct.pack("=B", int(state))))
    nl.request(RTM_SETLINK, ifinfo(AF_BRIDGE, dev) +
               nest(IFLA_AF_SPEC, nest(IFLA_BRIDGE_MST, entry)))


def cmd_vlan_neigh_suppress(nl, dev, vid, value):
    info = struct.pack("=HH", BRIDGE_VLAN_INFO_ONLY_OPTS, int(vid))
    entry = nest(BRIDGE_VLANDB_ENTRY,
                 nla(BRIDGE_VLANDB_ENTRY_INFO, info),
                 nla(BRIDGE_VLANDB_ENTRY_NEIGH_SUPPRESS,
                     struct.pack("=B", int(onoff(value)))))
    nl.request(RTM_NEWVLAN, BR_VLAN_MSG.pack(AF_BRIDGE, 0, ifindex(dev)) + entry)


COMMANDS = {
    "brport-set": cmd_brport_set,
    "brport-get": cmd_brport_get,
    "br-boolopt": cmd_br_boolopt,
    "br-boolopt-get": cmd_br_boolopt_get,
    "vlan-msti": cmd_vlan_msti,
    "mst-state": cmd_mst_state,
    "vlan-neigh-suppress": cmd_vlan_neigh_suppress,
}


def usage(msg=None):
    if msg:
        print("rtnl.py: %s" % msg, file=sys.stderr)
    print(__doc__.split("usage: ", 1)[1], file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) > 1 and argv[0] in ("-n", "--netns"):
        enter_netns(argv[1])
        argv = argv[2:]
    if not argv:
        usage()
    cmds, cur = [], []
    for word in argv:
        if word == "+":
            cmds.append(cur)
            cur = []
        else:
            cur.append(word)
    cmds.append(cur)
    nl = Rtnl()
    for words in cmds:
        if not words or words[0] not in COMMANDS:
            usage("unknown command %r" % " ".join(words))
        try:
            COMMANDS[words[0]](nl, *words[1:])
        except (TypeError, ValueError) as e:
            usage("%s: %s" % (words[0], e))
        except RtnlError as e:
            if e.err == errno.EOPNOTSUPP:
                name = "EOPNOTSUPP"
            else:
                name = errno.errorcode.get(e.err, "E%d" % e.err)
            print("errno %s" % name)
            if e.msg:
                print("msg %s" % e.msg)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
