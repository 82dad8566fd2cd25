/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * mcsnoop: multicast snooping for Linux bridges, generic netlink API.
 *
 * The family is called "mcsnoop" (MCSNOOP_GENL_NAME), version 1. It is
 * per network namespace: every request acts on the bridges of the
 * namespace of the socket that sends it, and a bridge in another
 * namespace does not exist for it. The module is loaded on first use
 * (the family name is a module alias).
 *
 * Requests that change state need CAP_NET_ADMIN in the user namespace
 * that owns the network namespace; reads are open to everyone.
 * Attributes are validated strictly: an unknown attribute, a wrong type
 * or a wrong length is an error. Every refused request carries an
 * extended ACK message that names the attribute and the reason, and
 * the offset of the offending attribute where there is one.
 *
 * A bridge is named by MCSNOOP_A_BRIDGE_IFINDEX or MCSNOOP_A_BRIDGE_IFNAME
 * (if both are given they must name the same device).
 *
 * MCSNOOP_CMD_BRIDGE_ENABLE
 *   Attach mcsnoop to a bridge. The bridge's own multicast snooping must
 *   be off (it filters frames before mcsnoop sees them); userspace
 *   switches it off over rtnetlink first and passes the value it had in
 *   MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING so that a later disable can
 *   restore it. Errors: ENODEV (no such device), EOPNOTSUPP (not a
 *   bridge), EEXIST (already enabled), EBUSY (the bridge's own snooping
 *   is on).
 *
 * MCSNOOP_CMD_BRIDGE_DISABLE
 *   Detach mcsnoop from a bridge and free all its state. The reply is the
 *   bridge as MCSNOOP_CMD_BRIDGE_GET would have shown it just before, so
 *   that userspace learns the saved snooping value to restore.
 *   Errors: ENODEV, EOPNOTSUPP, ENOENT (not enabled).
 *
 * MCSNOOP_CMD_BRIDGE_GET
 *   do: one enabled bridge; dump: every enabled bridge of the namespace.
 *   Dumps report NLM_F_DUMP_INTR when the set of bridges changed during
 *   the dump. A reply carries:
 *     MCSNOOP_A_BRIDGE_IFINDEX              u32
 *     MCSNOOP_A_BRIDGE_IFNAME               string
 *     MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING u8, the bridge's own snooping
 *                                           before mcsnoop was enabled
 *     MCSNOOP_A_BRIDGE_MCAST_SNOOPING       u8, the bridge's own snooping
 *                                           now (1 means someone switched
 *                                           it back on: mcsnoop then sees
 *                                           only what the bridge lets by)
 *     MCSNOOP_A_BRIDGE_STATS                nest of MCSNOOP_A_STATS_*
 *
 * Statistics (all u64, counted since the bridge was enabled):
 *   MCSNOOP_A_STATS_IGMP         IGMP messages that entered from a port
 *   MCSNOOP_A_STATS_MLD          MLD messages that entered from a port
 *   MCSNOOP_A_STATS_MCAST_DATA   other multicast frames (IP or not) that
 *                                entered from a port
 *   MCSNOOP_A_STATS_FWD_COPIES   multicast copies the bridge forwarded
 *                                from one port to another (one per egress
 *                                port)
 *   MCSNOOP_A_STATS_HOST_COPIES  multicast copies the bridge device itself
 *                                sent to its ports (one per egress port)
 *
 * Numbering: new attributes and commands are only ever appended.
 */
#ifndef _UAPI_LINUX_MCSNOOP_H
#define _UAPI_LINUX_MCSNOOP_H

#define MCSNOOP_GENL_NAME	"mcsnoop"
#define MCSNOOP_GENL_VERSION	1

enum mcsnoop_cmd {
	MCSNOOP_CMD_UNSPEC,
	MCSNOOP_CMD_BRIDGE_GET,
	MCSNOOP_CMD_BRIDGE_ENABLE,
	MCSNOOP_CMD_BRIDGE_DISABLE,
	__MCSNOOP_CMD_LAST
};

#define MCSNOOP_CMD_MAX (__MCSNOOP_CMD_LAST - 1)

enum mcsnoop_bridge_attr {
	MCSNOOP_A_BRIDGE_UNSPEC,
	MCSNOOP_A_BRIDGE_IFINDEX,
	MCSNOOP_A_BRIDGE_IFNAME,
	MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING,
	MCSNOOP_A_BRIDGE_MCAST_SNOOPING,
	MCSNOOP_A_BRIDGE_STATS,
	__MCSNOOP_A_BRIDGE_LAST
};

#define MCSNOOP_A_BRIDGE_MAX (__MCSNOOP_A_BRIDGE_LAST - 1)

enum mcsnoop_stats_attr {
	MCSNOOP_A_STATS_UNSPEC,
	MCSNOOP_A_STATS_PAD,
	MCSNOOP_A_STATS_IGMP,
	MCSNOOP_A_STATS_MLD,
	MCSNOOP_A_STATS_MCAST_DATA,
	MCSNOOP_A_STATS_FWD_COPIES,
	MCSNOOP_A_STATS_HOST_COPIES,
	__MCSNOOP_A_STATS_LAST
};

#define MCSNOOP_A_STATS_MAX (__MCSNOOP_A_STATS_LAST - 1)

#endif /* _UAPI_LINUX_MCSNOOP_H */
