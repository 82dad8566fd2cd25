/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_PORT_H
#define _MCS_PORT_H

#include <linux/hash.h>
#include <linux/if_bridge.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/jiffies.h>
#include <linux/xarray.h>
#include <linux/mcsnoop.h>

#include "bridge.h"
#include "removals.h"

/*
 * MST (mst.c): the port's state per VID (BR_STATE_*, MCS_MST_NO_VLAN for
 * a VLAN it is not in), replaced whole under RTNL, read under RCU.
 */
#define MCS_MST_NO_VLAN 0xff
struct mcs_mst_port {
	struct rcu_head rcu;		/* first: kfree_rcu's offset limit */
	u8 state[VLAN_N_VID];
};

/*
 * A port's router mode per VLAN, where it differs from the port's own
 * (port set DEV vid VID router static|off): replaced whole under RTNL,
 * read under RCU.
 */
struct mcs_vlan_routers {
	struct rcu_head rcu;
	DECLARE_BITMAP(on, VLAN_N_VID);		/* static */
	DECLARE_BITMAP(off, VLAN_N_VID);
};

/* Slots of the per-port cache of recently learnt source MACs. */
#define MCS_SRC_SEEN_BITS 4
#define MCS_SRC_SEEN_N BIT(MCS_SRC_SEEN_BITS)

enum mcs_proto {
	MCS_IPV4,
	MCS_IPV6,
	MCS_PROTO_MAX
};

/*
 * A port of an enabled bridge. Created when mcsnoop is enabled or the
 * port joins; freed (after RCU) when it leaves, unregisters, or the bridge
 * is disabled. Settings are written under RTNL; router state under the
 * bridge's lock; the packet path reads both with READ_ONCE.
 */
struct mcs_port {
	struct hlist_node hnode;
	struct hlist_node net_hnode;	/* mcs_net.ports, RCU */
	struct list_head list;		/* mb->port_list, RCU */
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct mcs_bridge *mb;

	u8 router_mode;			/* enum mcsnoop_router */
	s8 flood_unknown;		/* -1: the bridge's default */
	bool flood_reports;
	bool fast_leave;
	u32 max_groups;
	u8 limit_action;		/* enum mcsnoop_limit_action */
	/* Its filtering profile (profile.h): RCU, RTNL writers. */
	struct mcs_profile __rcu *profile;
	/* member-denied events this second (profile.c), bridge lock. */
	unsigned long denied_window;
	u8 denied_events;
	/* limit-action replace: how many this second (bridge lock). */
	u8 replaced;
	unsigned long replace_window;
	unsigned int group_count;	/* groups it is in; bridge lock */
	/* Going: it learns nothing more (bridge lock, RTNL writer). */
	bool closing;
	/* Its memberships, a host's each (hosts.h); bridge lock. */
	unsigned int member_count;
	/* Hosts tracked (hosts.h): struct mcs_host, RCU; bridge lock. */
	struct hlist_head hosts;
	u32 host_count;
	u32 max_hosts;
	/*
	 * The bridge's mcast_flood flag before enable, and what mcsnoop set
	 * it to since (RTNL): off, as mcsnoop sends the port its copies
	 * itself, or on while the port falls back to the bridge's flooding.
	 * On while mcsnoop set it off: an admin wants the bridge to flood.
	 */
	bool saved_mcast_flood;
	bool mcast_flood_set;
	/*
	 * Features mcsnoop cannot honour (MCSNOOP_FALLBACK_*): the bridge
	 * floods the port (fallback.c, RTNL writer), and those logged.
	 */
	u32 fallback;
	u32 fallback_logged;
	/*
	 * The port's STP state (BR_STATE_*), which the bridge reads only
	 * under RTNL: kept here from switchdev attribute events.
	 */
	u8 stp_state;
	/* With MST, the state per VLAN instead (mst.c), or NULL. */
	struct mcs_mst_port __rcu *mst;
	bool oper_up;			/* RTNL: for topology changes */
	/*
	 * The bridge's port flags the packet path needs (BR_ISOLATED,
	 * BR_HAIRPIN_MODE, BR_MCAST_FLOOD, BR_PORT_LOCKED,
	 * BR_MULTICAST_TO_UNICAST): kept from
	 * switchdev events too, the bridge's getter costs a call per port
	 * and frame.
	 */
	unsigned long br_flags;
	bool flags_known;		/* br_flags read once */
	/* Its bit in per-frame port masks, or MCS_PORT_NO_BIT. */
	u8 bit;
	/* Its bit's pruned count (pruned.h) when it took the bit. */
	u64 pruned_base;

	/*
	 * Source MACs whose frames this port recently passed to the bridge,
	 * which then learnt them: frames from them may bypass the bridge
	 * (see mcs_port_src_learnt()). Racy by design: a lost or torn
	 * entry only sends one more frame the slow way.
	 */
	struct mcs_src_seen {
		u64 key;		/* MAC | VID << 48 */
		unsigned long stamp;	/* jiffies */
	} src_seen[MCS_SRC_SEEN_N];

	/* max-groups per VLAN (port_vlan.h): struct mcs_port_vlan by VID. */
	struct xarray vlan_limits;
	unsigned int vlan_limit_count;	/* RTNL */
	/* Router mode per VLAN, or NULL: none differs (RTNL writer). */
	struct mcs_vlan_routers __rcu *vlan_routers;
	/* Learnt router port, per protocol: until when and why. */
	unsigned long router_expires[MCS_PROTO_MAX];
	u8 router_via[MCS_PROTO_MAX];	/* enum mcsnoop_router_via */
	/*
	 * The source of the last query that made it a router port (a hash):
	 * that router's own reports keep the port once it stopped querying.
	 */
	u32 router_src[MCS_PROTO_MAX];
	/* Bit proto: ROUTER_ADD announced, ROUTER_DEL not yet (atomic). */
	unsigned long router_announced;

	/* Why its last memberships ended (bridge lock). */
	struct mcs_removals removals;

	struct mcs_pcpu_stats __percpu *stats;
	struct rcu_head rcu;
};

#define MCS_PORT_MAX_GROUPS_DEFAULT 16384
/* limit-action replace walks the table: at most this many a second. */
#define MCS_REPLACE_PER_SEC 8
/* Ports beyond the first 64 of a bridge have no bit: looked up instead. */
#define MCS_PORT_BITS BITS_PER_LONG
#define MCS_PORT_NO_BIT 0xff

/* A key, not a number: the bytes in CPU order do (two loads). */
static inline u64 mcs_src_key(const u8 *src, u16 vid)
{
	u64 key = 0;

	memcpy(&key, src, ETH_ALEN);
	return key | (u64)vid << 48;
}

/*
 * Packet path: whether the bridge learnt src on port and vid less than a
 * second ago (a frame from it was passed to the bridge); _passed records
 * a frame that goes to the bridge now.
 */
static inline bool mcs_port_src_learnt(const struct mcs_port *port,
				       const u8 *src, u16 vid,
				       unsigned long now)
{
	u64 key = mcs_src_key(src, vid);
	const struct mcs_src_seen *slot =
		&port->src_seen[hash_64(key, MCS_SRC_SEEN_BITS)];

	return READ_ONCE(slot->key) == key &&
	       time_before(now, READ_ONCE(slot->stamp) + HZ);
}

void mcs_port_src_passed(struct mcs_port *port, const u8 *src, u16 vid,
			 unsigned long now);

struct mcs_port *mcs_port_find(const struct mcs_bridge *mb, int ifindex);
/* Packet path: a port of any enabled bridge of the namespace. */
struct mcs_port *mcs_net_port_find(const struct net *net, int ifindex);
int mcs_port_add(struct mcs_bridge *mb, struct net_device *dev);
/* Copies of registered groups' data the port did not get (pruned.h). */
u64 mcs_port_pruned(const struct mcs_port *port);
/* restore: give the port its mcast_flood flag back (it stays a port). */
void mcs_port_del(struct mcs_port *port, bool restore);
int mcs_ports_add_all(struct mcs_bridge *mb);
void mcs_ports_del_all(struct mcs_bridge *mb);
/* The port went down: forget what was learnt on it. */
void mcs_port_down(struct mcs_port *port);

static inline bool mcs_port_router_learnt(const struct mcs_port *port,
					  enum mcs_proto proto)
{
	/* via guards expires: jiffies start near the wrap. */
	return READ_ONCE(port->router_via[proto]) != MCSNOOP_ROUTER_VIA_NONE &&
	       time_before(jiffies, READ_ONCE(port->router_expires[proto]));
}

/* Packet path, once per port and frame: inline. */
static inline bool mcs_port_is_router(const struct mcs_port *port,
				      enum mcs_proto proto)
{
	switch (READ_ONCE(port->router_mode)) {
	case MCSNOOP_ROUTER_STATIC:
		return true;
	case MCSNOOP_ROUTER_AUTO:
		return mcs_port_router_learnt(port, proto);
	}
	return false;
}

/*
 * Packet path: whether the port is a router port on VLAN vid (0: the
 * bridge does not filter VLANs): its mode there, else the port's.
 */
static inline bool mcs_port_routes_vid(const struct mcs_port *port,
				       enum mcs_proto proto, u16 vid)
{
	const struct mcs_vlan_routers *vr = rcu_dereference(port->vlan_routers);

	if (unlikely(vr) && vid) {
		if (test_bit(vid, vr->on))
			return true;
		if (test_bit(vid, vr->off))
			return false;
	}
	return mcs_port_is_router(port, proto);
}

/*
 * RTNL: the port's router mode on VLAN vid (1-4094) becomes mode;
 * MCSNOOP_ROUTER_AUTO follows the port's own again. -ENOMEM.
 */
int mcs_port_set_vlan_router(struct mcs_port *port, u16 vid, u8 mode);

/* Why the port is a router port now (enum mcsnoop_router_via). */
u8 mcs_port_router_via(const struct mcs_port *port, enum mcs_proto proto);
u32 mcs_port_router_timer_ms(const struct mcs_port *port,
			     enum mcs_proto proto);
/*
 * The port is or may become a router port (static, or one was heard):
 * the packet path looks at it for every frame from now on.
 */
void mcs_port_may_route(struct mcs_port *port);
/*
 * The bridge's router timer: set up; stopped for good once no packet path
 * can reach the bridge any more (RTNL).
 */
void mcs_routers_init(struct mcs_bridge *mb);
void mcs_routers_stop(struct mcs_bridge *mb);
/*
 * Packet path, no lock: a router was heard on the port; it lasts for
 * lifetime_ms, what the router announced (0: the router timeout), or
 * longer when an earlier message promised more.
 */
void mcs_port_router_heard(struct mcs_port *port, enum mcs_proto proto,
			   u8 via, u32 lifetime_ms);
/*
 * Whether port floods unregistered groups: its own setting, or where it
 * has none, vlan_flood (the flood-unknown of the frame's VLAN).
 */
bool mcs_port_flood_unknown(const struct mcs_port *port, bool vlan_flood);

/* RTNL: read the port's bridge flags again. */
void mcs_port_refresh_flags(struct mcs_port *port);

/* Whether the bridge device or one of its ports is in VLAN vid. */
bool mcs_vlan_in_use(struct mcs_bridge *mb, u16 vid);

/*
 * Packet path: the port's STP state (BR_STATE_*) for frames of vid, as
 * the bridge applies it.
 */
static inline u8 mcs_port_state(const struct mcs_port *port, u16 vid)
{
	const struct mcs_mst_port *mst = rcu_dereference(port->mst);

	if (mst)
		return READ_ONCE(mst->state[vid & VLAN_VID_MASK]);
	return READ_ONCE(port->stp_state);
}

/* Packet path: one of the flags mcs_port_refresh_flags() keeps. */
static inline bool mcs_port_flag(const struct mcs_port *port,
				 unsigned long flag)
{
	/* Without switchdev, flag changes are not announced: ask. */
	if (!IS_ENABLED(CONFIG_NET_SWITCHDEV))
		return br_port_flag_is_set(port->dev, flag);
	return READ_ONCE(port->br_flags) & flag;
}

#endif /* _MCS_PORT_H */
