/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_BRIDGE_H
#define _MCS_BRIDGE_H

#include <linux/netdevice.h>
#include <linux/rcupdate.h>

#include "netns.h"
#include "stats.h"

/* A bridge mcsnoop is enabled on. */
struct mcs_bridge {
	struct hlist_node hnode;
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	/* The bridge's own mcast_snooping before enable, for userspace. */
	bool saved_mcast_snooping;
	struct mcs_pcpu_stats __percpu *stats;
	struct rcu_head rcu;
};

struct mcs_bridge *mcs_bridge_find(struct mcs_net *mn, int ifindex);
struct mcs_bridge *mcs_bridge_of_port(const struct net *net,
				      const struct net_device *port);

int mcs_bridge_enable(struct mcs_net *mn, struct net_device *dev,
		      bool saved_mcast_snooping);
void mcs_bridge_disable(struct mcs_net *mn, struct mcs_bridge *mb);
void mcs_bridge_flush(struct mcs_net *mn);

#endif /* _MCS_BRIDGE_H */
