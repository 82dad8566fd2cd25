/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_PORT_H
#define _MCS_PORT_H

#include <linux/mcsnoop.h>

#include "bridge.h"

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
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct mcs_bridge *mb;

	u8 router_mode;			/* enum mcsnoop_router */
	s8 flood_unknown;		/* -1: the bridge's default */
	bool flood_reports;
	bool fast_leave;
	u32 max_groups;
	unsigned int group_count;	/* memberships; bridge lock */
	/* The bridge's mcast_flood flag before enable, and whether we
	 * switched it off (mcsnoop replicates multicast itself).
	 */
	bool saved_mcast_flood;
	bool mcast_flood_taken;
	/*
	 * The port's STP state (BR_STATE_*), which the bridge reads only
	 * under RTNL: kept here from switchdev attribute events.
	 */
	u8 stp_state;

	/* Learnt router port, per protocol: until when and why. */
	unsigned long router_expires[MCS_PROTO_MAX];
	u8 router_via[MCS_PROTO_MAX];	/* enum mcsnoop_router_via */

	struct mcs_pcpu_stats __percpu *stats;
	struct rcu_head rcu;
};

#define MCS_PORT_MAX_GROUPS_DEFAULT 16384

struct mcs_port *mcs_port_find(const struct mcs_bridge *mb, int ifindex);
int mcs_port_add(struct mcs_bridge *mb, struct net_device *dev);
/* restore: give the port its mcast_flood flag back (it stays a port). */
void mcs_port_del(struct mcs_port *port, bool restore);
int mcs_ports_add_all(struct mcs_bridge *mb);
void mcs_ports_del_all(struct mcs_bridge *mb);
/* The port went down: forget what was learnt on it. */
void mcs_port_down(struct mcs_port *port);

bool mcs_port_is_router(const struct mcs_port *port, enum mcs_proto proto);
/* Why the port is a router port now (enum mcsnoop_router_via). */
u8 mcs_port_router_via(const struct mcs_port *port, enum mcs_proto proto);
u32 mcs_port_router_timer_ms(const struct mcs_port *port,
			     enum mcs_proto proto);
/* Packet path, bridge lock held: a router was heard on the port. */
void mcs_port_router_heard(struct mcs_port *port, enum mcs_proto proto,
			   u8 via);
bool mcs_port_flood_unknown(const struct mcs_port *port);

#endif /* _MCS_PORT_H */
