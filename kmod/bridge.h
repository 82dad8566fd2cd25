/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_BRIDGE_H
#define _MCS_BRIDGE_H

#include <linux/hashtable.h>
#include <linux/mcsnoop.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable-types.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#include "netns.h"
#include "overflow.h"
#include "pruned.h"
#include "removals.h"
#include "stats.h"
#include "traffic.h"

#define MCS_PORT_HASH_BITS 5
#define MCS_VLAN_N 4096

/*
 * The settings of a bridge that no VLAN has of its own (those are in its
 * multicast contexts: settings.h). Written under RTNL with WRITE_ONCE,
 * read anywhere with READ_ONCE. Times in milliseconds.
 */
struct mcs_config {
	u32 router_timeout;		/* 0: auto */
	u32 max_groups;
	bool snooping;
	bool flood_ambiguous;
	u8 host_router;			/* enum mcsnoop_router */
};

extern const struct mcs_config mcs_config_defaults;

/*
 * A u8 netlink attribute built in the kernel, for the bridge's own rtnl
 * operations (changelink, slave_changelink), which take parsed attributes.
 */
struct mcs_nla_u8 {
	struct nlattr nla;
	u8 value;
	u8 pad[3];
};

static inline struct nlattr *mcs_nla_u8(struct mcs_nla_u8 *attr, int type,
					u8 value)
{
	attr->nla.nla_len = NLA_HDRLEN + sizeof(u8);
	attr->nla.nla_type = type;
	attr->value = value;
	return &attr->nla;
}

/* A bridge mcsnoop is enabled on. */
struct mcs_bridge {
	struct hlist_node hnode;
	/* mcs_bridge_flush(): the bridges it waits a grace period for. */
	struct list_head flush_node;
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	/* The bridge's own mcast_snooping before enable, for userspace. */
	bool saved_mcast_snooping;
	struct mcs_pcpu_stats __percpu *stats;
	struct mcs_config cfg;

	/* Ports by ifindex: RCU readers, writers hold RTNL and lock. */
	DECLARE_HASHTABLE(ports, MCS_PORT_HASH_BITS);
	/* The same ports in a list, for the packet path's walks. */
	struct list_head port_list;
	/* Bits of struct mcs_port.bit in use (RTNL). */
	unsigned long port_bits;
	/*
	 * The data path's way to the ports by bit, when each has one
	 * (replicate.c): the port of each bit (RCU), those with mcast_flood
	 * on (their br_flags), how many have no bit, and the copies pruned
	 * per bit (pruned.h). RTNL writers.
	 */
	struct mcs_port __rcu *port_by_bit[BITS_PER_LONG];
	unsigned long flood_bits;
	unsigned int ports_without_bit;
	struct mcs_pruned __percpu *pruned;
	/* Ports that are or were router ports (atomic bit operations). */
	unsigned long router_bits;
	/* VLANs' filtering profiles by VID (profile.h): RCU, RTNL writers. */
	struct xarray vlan_profiles;
	/* VLANs with snooping switched off (bit set), RTNL writers. */
	unsigned long *vlan_snooping_off;

	/*
	 * The membership table. lock serialises every change (learning in
	 * softirq, netlink, expiry); the packet path reads it under RCU.
	 */
	spinlock_t lock;
	struct rhltable groups;
	struct list_head group_list;
	unsigned int group_count;
	/* Its memberships and their sources: what it takes (table.h). */
	unsigned int member_count;
	unsigned int source_count;
	/* Per VID: its max-groups (0: none of its own) and its groups. */
	struct mcs_vlan_groups {
		u32 max;		/* RTNL writer */
		u32 count;		/* lock writer */
	} *vlan_groups;
	/* The traffic counters of groups that went (traffic.c). */
	struct mcs_traffic_past traffic_past;
	/* Groups with counters of their own (traffic.c). */
	atomic_long_t traffic_groups;
	/* Why the host's own last memberships ended. */
	struct mcs_removals host_removals;
	/* Bumped on every group added or removed, for dump consistency. */
	unsigned int table_gen;
	struct delayed_work gc_work;
	/* No timer of the table ends before this: the collector waits. */
	unsigned long expiry_floor;
	/* Groups the bridge's max-groups refused: they flood (overflow.c). */
	struct mcs_overflow overflow;

	/*
	 * fallback.c, RTNL writers: why mcsnoop stands aside for the whole
	 * bridge (MCSNOOP_FALLBACK_*; packet path: READ_ONCE), the reasons
	 * logged once, whether a port suppresses ND, the periodic check.
	 */
	struct mcs_fallback_state {
		u32 reasons;
		u32 logged;
		bool neigh_suppress;
		struct delayed_work work;
	} fallback;

	/* mst.c, RTNL: MST is on; each VID's MSTI; the deferred sync. */
	struct mcs_mst_state {
		bool on;
		u16 *msti_of;
		struct delayed_work work;
	} mst;

	/*
	 * port.c: fires at the earliest expiry of a learnt router port, to
	 * announce it on time (the packet path judges expiry itself). Armed
	 * by the packet path and itself unless stopped (after the ports went
	 * and a grace period passed).
	 */
	struct mcs_router_expiry {
		struct timer_list timer;
		bool stopped;
	} router;

	/*
	 * context.c: the multicast contexts (struct mcs_ctx) by VID, 0 the
	 * bridge's own (xarray: RCU readers, RTNL writers); the VLANs whose
	 * coming or going is still to follow (RTNL), in a work that runs
	 * after the bridge has done.
	 */
	struct mcs_ctxs {
		struct xarray xa;
		unsigned long *pending;
		bool pending_all;
		struct delayed_work work;
	} ctx;

	/*
	 * querier.c: pending group-specific queries and one timer for all
	 * the contexts' queriers, under lock.
	 */
	struct mcs_querier_run {
		struct list_head gsqs;
		unsigned int gsq_count;
		struct timer_list timer;
		bool stopped;
	} querier;

	/*
	 * host_router.c: the host itself routes multicast, by protocol: it
	 * sent queries, MRD, PIM (until, and which), or a daemon set
	 * mc_forwarding.
	 */
	struct mcs_host_router {
		unsigned long expires[2];
		u8 via[2];		/* enum mcsnoop_router_via */
		bool mforward[2];
	} host_router;

	/* template.c: port templates, least specific first (RTNL). */
	struct list_head templates;
	unsigned int template_count;

	/* events.c: the rate limiter's tokens and when it last added some. */
	struct mcs_event_limit {
		atomic_t tokens;
		unsigned long stamp;
	} events;

	struct rcu_head rcu;
};

struct mcs_bridge *mcs_bridge_find(struct mcs_net *mn, int ifindex);
struct mcs_bridge *mcs_bridge_of_port(const struct net *net,
				      const struct net_device *port);

/* The querier is not started yet: configure, then mcs_querier_start(). */
int mcs_bridge_enable(struct mcs_net *mn, struct net_device *dev,
		      bool saved_mcast_snooping, struct mcs_bridge **out);
void mcs_bridge_disable(struct mcs_net *mn, struct mcs_bridge *mb);
void mcs_bridge_flush(struct mcs_net *mn);
void mcs_bridge_restore_snooping(struct mcs_bridge *mb);

/*
 * For the bridge's deferred work: RTNL without waiting for it, since
 * disable cancels that work under RTNL. Returns whether RTNL is held;
 * where not, dw runs again at the next tick.
 */
bool mcs_work_rtnl_trylock(struct delayed_work *dw);

/*
 * The router timeout, from the configuration (the membership timeouts are
 * per VLAN: context.h).
 */
unsigned long mcs_router_interval(const struct mcs_bridge *mb);
u32 mcs_router_interval_ms(const struct mcs_bridge *mb);

/* Packet path, per frame: inline. proto: enum mcs_proto */
static inline bool mcs_vlan_snooping(const struct mcs_bridge *mb, u16 vid)
{
	return vid >= MCS_VLAN_N || !test_bit(vid, mb->vlan_snooping_off);
}

static inline bool mcs_bridge_host_is_router(const struct mcs_bridge *mb,
					     int proto)
{
	switch (READ_ONCE(mb->cfg.host_router)) {
	case MCSNOOP_ROUTER_STATIC:
		return true;
	case MCSNOOP_ROUTER_OFF:
		return false;
	}
	return READ_ONCE(mb->host_router.mforward[proto]) ||
	       (READ_ONCE(mb->host_router.via[proto]) &&
		time_before(jiffies, READ_ONCE(mb->host_router.expires[proto])));
}

#endif /* _MCS_BRIDGE_H */
