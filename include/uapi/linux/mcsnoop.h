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
 * MCSNOOP_CMD_BRIDGE_SET
 *   Change the snooping configuration of an enabled bridge. Only the
 *   attributes given change. Times are in milliseconds.
 *     MCSNOOP_A_BRIDGE_SNOOPING           u8, 0 floods every group (mcsnoop
 *                                         still counts), default 1
 *     MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN      u8, default of the ports' flood of
 *                                         unregistered groups, default 1
 *     MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS    u8, flood the IPv4 groups whose MAC
 *                                         aliases 224.0.0.x (x.0.0.y and
 *                                         x.128.0.y), default 1
 *     MCSNOOP_A_BRIDGE_MAX_GROUPS         u32, 1-1048576, default 16384
 *     MCSNOOP_A_BRIDGE_QUERY_INTERVAL     u32, 1000-3600000, default 125000
 *     MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL
 *                                         u32, 100 up to below the query
 *                                         interval, default 10000
 *     MCSNOOP_A_BRIDGE_ROBUSTNESS         u8, 1-7, default 2
 *     MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL
 *                                         u32, 100-25500, default 1000
 *     MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT  u8, 1-10, default 2
 *     MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT     u32, 0 = auto (robustness x query
 *                                         interval + response interval / 2)
 *                                         or 1000-86400000
 *     MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT u32, 0 = auto (robustness x query
 *                                         interval + response interval) or
 *                                         1000-86400000
 *     MCSNOOP_A_BRIDGE_QUERIER            u8, enum mcsnoop_querier_mode,
 *                                         default AUTO
 *     MCSNOOP_A_BRIDGE_QUERIER_ADDR4      4 bytes, the address to query from
 *                                         in the election; 0.0.0.0 (default)
 *                                         takes the bridge's own
 *     MCSNOOP_A_BRIDGE_QUERIER_ADDR6      16 bytes, link-local or :: (default,
 *                                         the bridge's own link-local)
 *     MCSNOOP_A_BRIDGE_PROXY_QUERY        u8, send proxy queries, default 1
 *     MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL
 *                                         u32, 0 = auto (query interval / 4)
 *                                         or 100-3600000
 *     MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT
 *                                         u8, 0 = auto (robustness) or 1-10
 *     MCSNOOP_A_BRIDGE_IGMP_VERSION       u8, 2 or 3 (default)
 *     MCSNOOP_A_BRIDGE_MLD_VERSION        u8, 1 or 2 (default)
 *   MCSNOOP_CMD_BRIDGE_ENABLE takes the same attributes: they apply before
 *   the querier sends its first query.
 *   Replies of BRIDGE_GET carry all of these, and read-only
 *     MCSNOOP_A_BRIDGE_GROUP_COUNT        u32, groups in the table
 *     MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT_ACTIVE, _MEMBERSHIP_TIMEOUT_ACTIVE
 *                                         u32 ms, the values in use
 *
 * MCSNOOP_CMD_PORT_GET, MCSNOOP_CMD_PORT_SET (MCSNOOP_A_PORT_*)
 *   A port of an enabled bridge, named by MCSNOOP_A_PORT_IFINDEX or
 *   MCSNOOP_A_PORT_IFNAME. A dump lists the ports of every enabled bridge,
 *   or of the one named by MCSNOOP_A_PORT_BRIDGE_IFINDEX/_IFNAME.
 *   Settable: ROUTER (enum mcsnoop_router, default AUTO), FLOOD_UNKNOWN
 *   (u8; until set the bridge's default applies), FLOOD_REPORTS (u8,
 *   default 0), FAST_LEAVE (u8, default 0), MAX_GROUPS (u32, 1-1048576,
 *   default 16384). Read-only: BRIDGE_IFINDEX, BRIDGE_IFNAME,
 *   GROUP_COUNT, ROUTER_IPV4 / ROUTER_IPV6 (enum mcsnoop_router_via: why
 *   the port is a multicast router port for that protocol now, or NONE),
 *   ROUTER_IPV4_TIMER / ROUTER_IPV6_TIMER (u32 ms left of a learnt router
 *   port), STATS (nest of MCSNOOP_A_STATS_*: control messages received on
 *   the port, copies forwarded to and pruned from it).
 *
 * MCSNOOP_CMD_VLAN_GET, MCSNOOP_CMD_VLAN_SET (MCSNOOP_A_VLAN_*)
 *   Per VLAN of a VLAN-filtering bridge: BRIDGE_IFINDEX/_IFNAME, VID
 *   (1-4094), SNOOPING (u8, default 1; 0 floods that VLAN), GROUP_COUNT
 *   (read-only), QUERIER, QUERIER_ADDR4, QUERIER_ADDR6 (as the bridge's;
 *   until set, the bridge's mode applies and the address is the one of
 *   the VLAN's upper device BR.VID, or of the bridge if VID is its PVID).
 *   A dump lists the VLANs that exist on the bridge or its ports, or have
 *   a setting.
 *
 * MCSNOOP_CMD_QUERIER_GET (dump only; MCSNOOP_A_QUERIER_*)
 *   The querier of every enabled bridge, or of the one named by
 *   MCSNOOP_A_QUERIER_BRIDGE_IFINDEX/_IFNAME: one message per VLAN (VID 0
 *   without VLAN filtering) and FAMILY, with our MODE and ROLE, OWN_ADDR,
 *   the elected querier (ADDR; PORT_*, MAC and OTHER_TIMER when it is
 *   another one), its INTERVAL, RESPONSE_INTERVAL, ROBUSTNESS, the query
 *   VERSION in use, QUERY_TIMER (ms to our next general query) and the
 *   counters QUERIES_SENT, QUERIES_HEARD, PROXY_QUERIES_HEARD (from
 *   0.0.0.0: they take no part in the election) and BOGUS_QUERIES (from
 *   an address off the bridge's subnet, which hosts may drop) with the
 *   last BOGUS_ADDR.
 *
 * MCSNOOP_CMD_GROUP_GET, _ADD, _DEL, _FLUSH (MCSNOOP_A_GROUP_*)
 *   The membership table: one entry per bridge, VID (0 when the bridge
 *   does not filter VLANs) and group ADDR (4 or 16 bytes). GET dumps the
 *   table of every enabled bridge or of the named one, filtered by VID and
 *   ADDR if given; a do needs BRIDGE and ADDR. Each reply carries VID,
 *   ADDR, MAC, PACKETS, BYTES (data forwarded for the group since it was
 *   learnt) and MEMBERS, a nest of MCSNOOP_A_GROUP_MEMBER nests
 *   (MCSNOOP_A_MEMBER_*: port, filter mode, static, timer, and SOURCES: a
 *   nest of MCSNOOP_A_MEMBER_SOURCE nests of MCSNOOP_A_SOURCE_*). A member
 *   whose port is the bridge itself is the host's own membership.
 *   ADD and DEL take BRIDGE, ADDR, PORT_IFINDEX or PORT_IFNAME, and
 *   optional VID and SOURCE (an (S,G) static entry); static entries never
 *   time out. FLUSH takes BRIDGE and optional PORT and VID and removes
 *   every membership (dynamic and static) they match.
 *   Errors: ENOSPC when the bridge or port is at max-groups.
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
 *   MCSNOOP_A_STATS_<PROTO>_<VERSION>_<TYPE>
 *                                valid control messages received, by kind
 *   MCSNOOP_A_STATS_PARSE_ERRORS IGMP/MLD/PIM messages that failed
 *                                validation (dropped, never learnt from);
 *                                MCSNOOP_A_STATS_ERR_* say why
 *   MCSNOOP_A_STATS_DATA_FORWARDED, _DATA_PRUNED
 *                                multicast copies let out of / kept from a
 *                                port by the snooping decision
 *   MCSNOOP_A_STATS_TABLE_FULL   memberships refused by max-groups (their
 *                                group then floods)
 *   MCSNOOP_A_STATS_EVENTS_DROPPED
 *                                events not sent because the bridge was
 *                                over the rate limit, or no memory (bridge
 *                                statistics only)
 *
 * Events: the multicast group "events" (MCSNOOP_MCGRP_EVENTS)
 *   A listener that joins it gets one MCSNOOP_CMD_EVENT message per change
 *   of the bridges of its own network namespace. Joining needs no
 *   privilege. MCSNOOP_CMD_EVENT is never accepted as a request. The
 *   attributes (enum mcsnoop_event_attrs), all optional but TYPE and
 *   BRIDGE_*:
 *     MCSNOOP_A_EVENT_TYPE            u8, enum mcsnoop_event_type
 *     MCSNOOP_A_EVENT_REASON          u8, enum mcsnoop_event_reason
 *     MCSNOOP_A_EVENT_BRIDGE_IFINDEX  u32
 *     MCSNOOP_A_EVENT_BRIDGE_IFNAME   string
 *     MCSNOOP_A_EVENT_PORT_IFINDEX    u32, when a port is involved
 *     MCSNOOP_A_EVENT_PORT_IFNAME     string
 *     MCSNOOP_A_EVENT_VID             u16, 0 without VLAN filtering
 *                                     (membership, table-full, querier)
 *     MCSNOOP_A_EVENT_FAMILY          u8, AF_INET or AF_INET6 (router and
 *                                     querier events)
 *     MCSNOOP_A_EVENT_GROUP           binary, 4 or 16 bytes (membership
 *                                     and table-full events)
 *     MCSNOOP_A_EVENT_ADDR            binary, 4 or 16 bytes: the querier in
 *                                     question (the foreign one for
 *                                     ELECTED and LOST, ours for TAKEOVER,
 *                                     absent for a proxy querier)
 *     MCSNOOP_A_EVENT_OLD_ADDR        binary, 4 or 16 bytes (ELECTED: the
 *                                     querier it replaced, ours when we
 *                                     were the querier)
 *     MCSNOOP_A_EVENT_MAC             binary, 6 bytes (querier events: the
 *                                     foreign querier's source MAC)
 *   Types and their reasons:
 *     MEMBER_ADD        a port became a member of GROUP: REPORT, STATIC
 *     MEMBER_DEL        a port stopped being one: LEAVE (leave/done/block
 *                       and no answer to the group-specific queries),
 *                       FAST_LEAVE, TIMEOUT, PORT_DOWN (down or removed),
 *                       FLUSH, STATIC (group del), LIMIT (reserved:
 *                       lowering max-groups keeps the entries there are)
 *     ROUTER_ADD        a port became a router port for FAMILY: QUERY,
 *                       MRD, PIM, STATIC
 *     ROUTER_DEL        it stopped being one: TIMEOUT (also after an MRD
 *                       termination), PORT_DOWN, STATIC (router off/auto)
 *     QUERIER_ELECTED   another querier won the election: ELECTION
 *     QUERIER_LOST      the elected foreign querier fell silent: TIMEOUT
 *     QUERIER_TAKEOVER  we became the querier (or proxy querier): STARTUP
 *     TABLE_FULL        a membership of GROUP from PORT was refused by
 *                       max-groups: BRIDGE_LIMIT, PORT_LIMIT
 *   Events are rate limited per bridge (1000 a second, bursts of 1000);
 *   those over the limit count in MCSNOOP_A_STATS_EVENTS_DROPPED. Nothing
 *   is built or counted while nobody listens.
 *
 * Numbering: new attributes and commands are only ever appended.
 */
#ifndef _UAPI_LINUX_MCSNOOP_H
#define _UAPI_LINUX_MCSNOOP_H

#define MCSNOOP_GENL_NAME	"mcsnoop"
#define MCSNOOP_GENL_VERSION	1
#define MCSNOOP_MCGRP_EVENTS	"events"

enum mcsnoop_cmd {
	MCSNOOP_CMD_UNSPEC,
	MCSNOOP_CMD_BRIDGE_GET,
	MCSNOOP_CMD_BRIDGE_ENABLE,
	MCSNOOP_CMD_BRIDGE_DISABLE,
	MCSNOOP_CMD_BRIDGE_SET,
	MCSNOOP_CMD_PORT_GET,
	MCSNOOP_CMD_PORT_SET,
	MCSNOOP_CMD_VLAN_GET,
	MCSNOOP_CMD_VLAN_SET,
	MCSNOOP_CMD_GROUP_GET,
	MCSNOOP_CMD_GROUP_ADD,
	MCSNOOP_CMD_GROUP_DEL,
	MCSNOOP_CMD_GROUP_FLUSH,
	MCSNOOP_CMD_QUERIER_GET,
	MCSNOOP_CMD_EVENT,		/* multicast only, never a request */
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
	MCSNOOP_A_BRIDGE_SNOOPING,
	MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN,
	MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS,
	MCSNOOP_A_BRIDGE_MAX_GROUPS,
	MCSNOOP_A_BRIDGE_GROUP_COUNT,
	MCSNOOP_A_BRIDGE_QUERY_INTERVAL,
	MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL,
	MCSNOOP_A_BRIDGE_ROBUSTNESS,
	MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL,
	MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT,
	MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT,
	MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT,
	MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT_ACTIVE,
	MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT_ACTIVE,
	MCSNOOP_A_BRIDGE_QUERIER,		/* u8, enum mcsnoop_querier_mode */
	MCSNOOP_A_BRIDGE_QUERIER_ADDR4,		/* binary, 4 bytes */
	MCSNOOP_A_BRIDGE_QUERIER_ADDR6,		/* binary, 16 bytes */
	MCSNOOP_A_BRIDGE_PROXY_QUERY,		/* u8 */
	MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL,	/* u32 ms, 0 = auto */
	MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT,	/* u8, 0 = auto */
	MCSNOOP_A_BRIDGE_IGMP_VERSION,		/* u8, 2 or 3 */
	MCSNOOP_A_BRIDGE_MLD_VERSION,		/* u8, 1 or 2 */
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
	MCSNOOP_A_STATS_IGMP_V1_QUERY,
	MCSNOOP_A_STATS_IGMP_V2_QUERY,
	MCSNOOP_A_STATS_IGMP_V3_QUERY,
	MCSNOOP_A_STATS_IGMP_V1_REPORT,
	MCSNOOP_A_STATS_IGMP_V2_REPORT,
	MCSNOOP_A_STATS_IGMP_V3_REPORT,
	MCSNOOP_A_STATS_IGMP_V2_LEAVE,
	MCSNOOP_A_STATS_MLD_V1_QUERY,
	MCSNOOP_A_STATS_MLD_V2_QUERY,
	MCSNOOP_A_STATS_MLD_V1_REPORT,
	MCSNOOP_A_STATS_MLD_V2_REPORT,
	MCSNOOP_A_STATS_MLD_V1_DONE,
	MCSNOOP_A_STATS_MRD_ADVERTISEMENT,
	MCSNOOP_A_STATS_MRD_SOLICITATION,
	MCSNOOP_A_STATS_MRD_TERMINATION,
	MCSNOOP_A_STATS_PIM_HELLO,
	MCSNOOP_A_STATS_PARSE_ERRORS,
	MCSNOOP_A_STATS_ERR_TRUNCATED,
	MCSNOOP_A_STATS_ERR_BAD_IP,
	MCSNOOP_A_STATS_ERR_FRAGMENT,
	MCSNOOP_A_STATS_ERR_BAD_TTL,
	MCSNOOP_A_STATS_ERR_BAD_CSUM,
	MCSNOOP_A_STATS_ERR_BAD_LENGTH,
	MCSNOOP_A_STATS_ERR_BAD_GROUP,
	MCSNOOP_A_STATS_ERR_BAD_SOURCE,
	MCSNOOP_A_STATS_ERR_BAD_RECORDS,
	MCSNOOP_A_STATS_DATA_FORWARDED,
	MCSNOOP_A_STATS_DATA_PRUNED,
	MCSNOOP_A_STATS_TABLE_FULL,
	MCSNOOP_A_STATS_EVENTS_DROPPED,		/* bridge only */
	__MCSNOOP_A_STATS_LAST
};

#define MCSNOOP_A_STATS_MAX (__MCSNOOP_A_STATS_LAST - 1)

/* MCSNOOP_A_PORT_ROUTER */
enum mcsnoop_router {
	MCSNOOP_ROUTER_OFF,	/* never a router port */
	MCSNOOP_ROUTER_AUTO,	/* learnt from queries, MRD, PIM hellos */
	MCSNOOP_ROUTER_STATIC,	/* always a router port */
};

/* MCSNOOP_A_PORT_ROUTER_IPV4 / _IPV6: why a port is a router port now. */
enum mcsnoop_router_via {
	MCSNOOP_ROUTER_VIA_NONE,
	MCSNOOP_ROUTER_VIA_QUERY,
	MCSNOOP_ROUTER_VIA_MRD,
	MCSNOOP_ROUTER_VIA_PIM,
	MCSNOOP_ROUTER_VIA_STATIC,
};

enum mcsnoop_port_attr {
	MCSNOOP_A_PORT_UNSPEC,
	MCSNOOP_A_PORT_IFINDEX,			/* u32 */
	MCSNOOP_A_PORT_IFNAME,			/* string */
	MCSNOOP_A_PORT_BRIDGE_IFINDEX,		/* u32 */
	MCSNOOP_A_PORT_BRIDGE_IFNAME,		/* string */
	MCSNOOP_A_PORT_ROUTER,			/* u8, enum mcsnoop_router */
	MCSNOOP_A_PORT_FLOOD_UNKNOWN,		/* u8 */
	MCSNOOP_A_PORT_FLOOD_REPORTS,		/* u8 */
	MCSNOOP_A_PORT_FAST_LEAVE,		/* u8 */
	MCSNOOP_A_PORT_MAX_GROUPS,		/* u32 */
	MCSNOOP_A_PORT_GROUP_COUNT,		/* u32, read-only */
	MCSNOOP_A_PORT_ROUTER_IPV4,		/* u8, enum mcsnoop_router_via */
	MCSNOOP_A_PORT_ROUTER_IPV6,		/* u8, enum mcsnoop_router_via */
	MCSNOOP_A_PORT_ROUTER_IPV4_TIMER,	/* u32 ms, read-only */
	MCSNOOP_A_PORT_ROUTER_IPV6_TIMER,	/* u32 ms, read-only */
	MCSNOOP_A_PORT_STATS,			/* nest of MCSNOOP_A_STATS_* */
	__MCSNOOP_A_PORT_LAST
};

#define MCSNOOP_A_PORT_MAX (__MCSNOOP_A_PORT_LAST - 1)

enum mcsnoop_vlan_attr {
	MCSNOOP_A_VLAN_UNSPEC,
	MCSNOOP_A_VLAN_BRIDGE_IFINDEX,		/* u32 */
	MCSNOOP_A_VLAN_BRIDGE_IFNAME,		/* string */
	MCSNOOP_A_VLAN_VID,			/* u16 */
	MCSNOOP_A_VLAN_SNOOPING,		/* u8 */
	MCSNOOP_A_VLAN_GROUP_COUNT,		/* u32, read-only */
	MCSNOOP_A_VLAN_QUERIER,			/* u8, enum mcsnoop_querier_mode */
	MCSNOOP_A_VLAN_QUERIER_ADDR4,		/* binary, 4 bytes */
	MCSNOOP_A_VLAN_QUERIER_ADDR6,		/* binary, 16 bytes */
	MCSNOOP_A_VLAN_PROXY_QUERY,		/* u8 0|1 */
	MCSNOOP_A_VLAN_QUERY_INTERVAL,		/* u32 ms */
	MCSNOOP_A_VLAN_QUERY_RESPONSE_INTERVAL,	/* u32 ms */
	MCSNOOP_A_VLAN_ROBUSTNESS,		/* u8 */
	MCSNOOP_A_VLAN_LAST_MEMBER_INTERVAL,	/* u32 ms */
	MCSNOOP_A_VLAN_LAST_MEMBER_COUNT,	/* u8 */
	MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT,	/* u32 ms, 0 = auto */
	MCSNOOP_A_VLAN_STARTUP_QUERY_INTERVAL,	/* u32 ms, 0 = auto */
	MCSNOOP_A_VLAN_STARTUP_QUERY_COUNT,	/* u8, 0 = auto */
	MCSNOOP_A_VLAN_IGMP_VERSION,		/* u8 2|3 */
	MCSNOOP_A_VLAN_MLD_VERSION,		/* u8 1|2 */
	MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT_ACTIVE, /* u32 ms, read-only */
	MCSNOOP_A_VLAN_OWN,			/* u32, setting bits, read-only */
	MCSNOOP_A_VLAN_INHERIT,			/* u32, setting bits, request only */
	__MCSNOOP_A_VLAN_LAST
};

#define MCSNOOP_A_VLAN_MAX (__MCSNOOP_A_VLAN_LAST - 1)

/* MCSNOOP_A_VLAN_OWN, MCSNOOP_A_VLAN_INHERIT: one bit per VLAN setting */
enum mcsnoop_vlan_setting {
	MCSNOOP_VLAN_SETTING_QUERIER = 1,
	MCSNOOP_VLAN_SETTING_QUERIER_ADDR4 = 2,
	MCSNOOP_VLAN_SETTING_QUERIER_ADDR6 = 4,
	MCSNOOP_VLAN_SETTING_PROXY_QUERY = 8,
	MCSNOOP_VLAN_SETTING_QUERY_INTERVAL = 16,
	MCSNOOP_VLAN_SETTING_QUERY_RESPONSE_INTERVAL = 32,
	MCSNOOP_VLAN_SETTING_ROBUSTNESS = 64,
	MCSNOOP_VLAN_SETTING_LAST_MEMBER_INTERVAL = 128,
	MCSNOOP_VLAN_SETTING_LAST_MEMBER_COUNT = 256,
	MCSNOOP_VLAN_SETTING_MEMBERSHIP_TIMEOUT = 512,
	MCSNOOP_VLAN_SETTING_STARTUP_QUERY_INTERVAL = 1024,
	MCSNOOP_VLAN_SETTING_STARTUP_QUERY_COUNT = 2048,
	MCSNOOP_VLAN_SETTING_IGMP_VERSION = 4096,
	MCSNOOP_VLAN_SETTING_MLD_VERSION = 8192,
};

enum mcsnoop_group_attr {
	MCSNOOP_A_GROUP_UNSPEC,
	MCSNOOP_A_GROUP_PAD,
	MCSNOOP_A_GROUP_BRIDGE_IFINDEX,		/* u32 */
	MCSNOOP_A_GROUP_BRIDGE_IFNAME,		/* string */
	MCSNOOP_A_GROUP_VID,			/* u16 */
	MCSNOOP_A_GROUP_ADDR,			/* binary, 4 or 16 bytes */
	MCSNOOP_A_GROUP_SOURCE,			/* binary, 4 or 16 bytes */
	MCSNOOP_A_GROUP_PORT_IFINDEX,		/* u32 */
	MCSNOOP_A_GROUP_PORT_IFNAME,		/* string */
	MCSNOOP_A_GROUP_MAC,			/* binary, 6 bytes, read-only */
	MCSNOOP_A_GROUP_PACKETS,		/* u64, read-only */
	MCSNOOP_A_GROUP_BYTES,			/* u64, read-only */
	MCSNOOP_A_GROUP_MEMBERS,		/* nest of MCSNOOP_A_GROUP_MEMBER */
	MCSNOOP_A_GROUP_MEMBER,			/* nest of MCSNOOP_A_MEMBER_* */
	__MCSNOOP_A_GROUP_LAST
};

#define MCSNOOP_A_GROUP_MAX (__MCSNOOP_A_GROUP_LAST - 1)

/* MCSNOOP_A_MEMBER_MODE */
enum mcsnoop_filter_mode {
	MCSNOOP_FILTER_INCLUDE = 1,
	MCSNOOP_FILTER_EXCLUDE,
};

enum mcsnoop_member_attr {
	MCSNOOP_A_MEMBER_UNSPEC,
	MCSNOOP_A_MEMBER_PORT_IFINDEX,		/* u32 */
	MCSNOOP_A_MEMBER_PORT_IFNAME,		/* string */
	MCSNOOP_A_MEMBER_MODE,			/* u8, enum mcsnoop_filter_mode */
	MCSNOOP_A_MEMBER_STATIC,		/* u8 */
	MCSNOOP_A_MEMBER_TIMER,			/* u32 ms; 0 static or include */
	MCSNOOP_A_MEMBER_SOURCES,		/* nest of MCSNOOP_A_MEMBER_SOURCE */
	MCSNOOP_A_MEMBER_SOURCE,		/* nest of MCSNOOP_A_SOURCE_* */
	__MCSNOOP_A_MEMBER_LAST
};

#define MCSNOOP_A_MEMBER_MAX (__MCSNOOP_A_MEMBER_LAST - 1)

enum mcsnoop_source_attr {
	MCSNOOP_A_SOURCE_UNSPEC,
	MCSNOOP_A_SOURCE_ADDR,			/* binary, 4 or 16 bytes */
	MCSNOOP_A_SOURCE_TIMER,			/* u32 ms; 0 static or blocked */
	MCSNOOP_A_SOURCE_STATIC,		/* u8 */
	MCSNOOP_A_SOURCE_BLOCKED,		/* u8: excluded, not forwarded */
	__MCSNOOP_A_SOURCE_LAST
};

#define MCSNOOP_A_SOURCE_MAX (__MCSNOOP_A_SOURCE_LAST - 1)

/* MCSNOOP_A_BRIDGE_QUERIER, MCSNOOP_A_VLAN_QUERIER */
enum mcsnoop_querier_mode {
	MCSNOOP_QUERIER_OFF,	/* never queries */
	MCSNOOP_QUERIER_PROXY,	/* queries from 0.0.0.0 while no querier */
	MCSNOOP_QUERIER_AUTO,	/* takes part in the election */
};

/* MCSNOOP_A_QUERIER_ROLE: what we do now on that VLAN and protocol. */
enum mcsnoop_querier_role {
	MCSNOOP_QUERIER_ROLE_OFF,	/* mode off */
	MCSNOOP_QUERIER_ROLE_QUERIER,	/* elected: we query, own address */
	MCSNOOP_QUERIER_ROLE_PROXY,	/* we send proxy queries */
	MCSNOOP_QUERIER_ROLE_OTHER,	/* another querier is present */
	MCSNOOP_QUERIER_ROLE_IDLE,	/* proxy with proxy-query off */
};

enum mcsnoop_querier_attr {
	MCSNOOP_A_QUERIER_UNSPEC,
	MCSNOOP_A_QUERIER_PAD,
	MCSNOOP_A_QUERIER_BRIDGE_IFINDEX,	/* u32 */
	MCSNOOP_A_QUERIER_BRIDGE_IFNAME,	/* string */
	MCSNOOP_A_QUERIER_VID,			/* u16, 0 without VLANs */
	MCSNOOP_A_QUERIER_FAMILY,		/* u8, AF_INET or AF_INET6 */
	MCSNOOP_A_QUERIER_MODE,			/* u8, enum mcsnoop_querier_mode */
	MCSNOOP_A_QUERIER_ROLE,			/* u8, enum mcsnoop_querier_role */
	MCSNOOP_A_QUERIER_OWN_ADDR,		/* binary 4|16: ours, if any */
	MCSNOOP_A_QUERIER_ADDR,			/* binary 4|16: the elected one */
	MCSNOOP_A_QUERIER_PORT_IFINDEX,		/* u32: where the other one is */
	MCSNOOP_A_QUERIER_PORT_IFNAME,		/* string */
	MCSNOOP_A_QUERIER_MAC,			/* binary, 6 bytes */
	MCSNOOP_A_QUERIER_INTERVAL,		/* u32 ms, its query interval */
	MCSNOOP_A_QUERIER_RESPONSE_INTERVAL,	/* u32 ms, its max response */
	MCSNOOP_A_QUERIER_ROBUSTNESS,		/* u8, its robustness */
	MCSNOOP_A_QUERIER_VERSION,		/* u8, query version in use */
	MCSNOOP_A_QUERIER_OTHER_TIMER,		/* u32 ms, other querier left */
	MCSNOOP_A_QUERIER_QUERY_TIMER,		/* u32 ms, to our next query */
	MCSNOOP_A_QUERIER_QUERIES_SENT,		/* u64 */
	MCSNOOP_A_QUERIER_QUERIES_HEARD,	/* u64, from other queriers */
	MCSNOOP_A_QUERIER_PROXY_QUERIES_HEARD,	/* u64, of those from 0.0.0.0 */
	MCSNOOP_A_QUERIER_BOGUS_QUERIES,	/* u64, from off the subnet */
	MCSNOOP_A_QUERIER_BOGUS_ADDR,		/* binary 4|16, the last one */
	__MCSNOOP_A_QUERIER_LAST
};

#define MCSNOOP_A_QUERIER_MAX (__MCSNOOP_A_QUERIER_LAST - 1)

/* MCSNOOP_CMD_EVENT messages, multicast to MCSNOOP_MCGRP_EVENTS */
enum mcsnoop_event_attrs {
	MCSNOOP_A_EVENT_UNSPEC,
	MCSNOOP_A_EVENT_TYPE,			/* u8, enum mcsnoop_event_type */
	MCSNOOP_A_EVENT_REASON,			/* u8, enum mcsnoop_event_reason */
	MCSNOOP_A_EVENT_BRIDGE_IFINDEX,		/* u32 */
	MCSNOOP_A_EVENT_BRIDGE_IFNAME,		/* string */
	MCSNOOP_A_EVENT_PORT_IFINDEX,		/* u32 */
	MCSNOOP_A_EVENT_PORT_IFNAME,		/* string */
	MCSNOOP_A_EVENT_VID,			/* u16 */
	MCSNOOP_A_EVENT_FAMILY,			/* u8, AF_INET or AF_INET6 */
	MCSNOOP_A_EVENT_GROUP,			/* binary, 4 or 16 bytes */
	MCSNOOP_A_EVENT_ADDR,			/* binary, 4 or 16 bytes */
	MCSNOOP_A_EVENT_OLD_ADDR,		/* binary, 4 or 16 bytes */
	MCSNOOP_A_EVENT_MAC,			/* binary, 6 bytes */
	__MCSNOOP_A_EVENT_LAST
};

#define MCSNOOP_A_EVENT_MAX (__MCSNOOP_A_EVENT_LAST - 1)

/* MCSNOOP_A_EVENT_TYPE */
enum mcsnoop_event_type {
	MCSNOOP_EVENT_UNSPEC,
	MCSNOOP_EVENT_MEMBER_ADD,
	MCSNOOP_EVENT_MEMBER_DEL,
	MCSNOOP_EVENT_ROUTER_ADD,
	MCSNOOP_EVENT_ROUTER_DEL,
	MCSNOOP_EVENT_QUERIER_ELECTED,
	MCSNOOP_EVENT_QUERIER_LOST,
	MCSNOOP_EVENT_QUERIER_TAKEOVER,
	MCSNOOP_EVENT_TABLE_FULL,
};

/* MCSNOOP_A_EVENT_REASON */
enum mcsnoop_event_reason {
	MCSNOOP_EVENT_REASON_NONE,
	MCSNOOP_EVENT_REASON_REPORT,
	MCSNOOP_EVENT_REASON_STATIC,
	MCSNOOP_EVENT_REASON_LEAVE,
	MCSNOOP_EVENT_REASON_FAST_LEAVE,
	MCSNOOP_EVENT_REASON_TIMEOUT,
	MCSNOOP_EVENT_REASON_PORT_DOWN,
	MCSNOOP_EVENT_REASON_FLUSH,
	MCSNOOP_EVENT_REASON_LIMIT,
	MCSNOOP_EVENT_REASON_QUERY,
	MCSNOOP_EVENT_REASON_MRD,
	MCSNOOP_EVENT_REASON_PIM,
	MCSNOOP_EVENT_REASON_ELECTION,
	MCSNOOP_EVENT_REASON_STARTUP,
	MCSNOOP_EVENT_REASON_BRIDGE_LIMIT,
	MCSNOOP_EVENT_REASON_PORT_LIMIT,
};

#endif /* _UAPI_LINUX_MCSNOOP_H */
