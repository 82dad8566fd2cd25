/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_BRIDGE_H
#define _MCS_BRIDGE_H

#include <linux/hashtable.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable-types.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "netns.h"
#include "stats.h"

#define MCS_PORT_HASH_BITS 5
#define MCS_VLAN_N 4096

/*
 * Snooping settings of a bridge. Written under RTNL with WRITE_ONCE, read
 * anywhere with READ_ONCE. Times in milliseconds.
 */
struct mcs_config {
	u32 query_interval;
	u32 query_response_interval;
	u32 last_member_interval;
	u32 router_timeout;		/* 0: auto */
	u32 membership_timeout;		/* 0: auto */
	u32 max_groups;
	u8 robustness;
	u8 last_member_count;
	bool snooping;
	bool flood_unknown;
	bool flood_ambiguous;
};

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
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	/* The bridge's own mcast_snooping before enable, for userspace. */
	bool saved_mcast_snooping;
	struct mcs_pcpu_stats __percpu *stats;
	struct mcs_config cfg;

	/* Ports by ifindex: RCU readers, writers hold RTNL and lock. */
	DECLARE_HASHTABLE(ports, MCS_PORT_HASH_BITS);
	/* VLANs with snooping switched off (bit set), RTNL writers. */
	unsigned long *vlan_snooping_off;

	/*
	 * The membership table. lock serialises every change (learning in
	 * softirq, netlink, expiry); the packet path reads it under RCU.
	 */
	spinlock_t lock;
	struct rhashtable groups;
	struct list_head group_list;
	unsigned int group_count;
	/* Bumped on every group added or removed, for dump consistency. */
	unsigned int table_gen;
	struct delayed_work gc_work;

	/* The host itself routes multicast (it sent queries, MRD, PIM). */
	unsigned long host_router_expires[2];
	bool host_router[2];

	struct rcu_head rcu;
};

struct mcs_bridge *mcs_bridge_find(struct mcs_net *mn, int ifindex);
struct mcs_bridge *mcs_bridge_of_port(const struct net *net,
				      const struct net_device *port);

int mcs_bridge_enable(struct mcs_net *mn, struct net_device *dev,
		      bool saved_mcast_snooping);
void mcs_bridge_disable(struct mcs_net *mn, struct mcs_bridge *mb);
void mcs_bridge_flush(struct mcs_net *mn);
void mcs_bridge_restore_snooping(struct mcs_bridge *mb);

/* Intervals in jiffies, from the configuration. */
unsigned long mcs_membership_interval(const struct mcs_bridge *mb);
unsigned long mcs_router_interval(const struct mcs_bridge *mb);
unsigned long mcs_last_member_time(const struct mcs_bridge *mb);
u32 mcs_membership_interval_ms(const struct mcs_bridge *mb);
u32 mcs_router_interval_ms(const struct mcs_bridge *mb);

bool mcs_vlan_snooping(const struct mcs_bridge *mb, u16 vid);
/* proto: enum mcs_proto */
bool mcs_bridge_host_is_router(const struct mcs_bridge *mb, int proto);

#endif /* _MCS_BRIDGE_H */
