/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_NETNS_H
#define _MCS_NETNS_H

#include <linux/hashtable.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#define MCS_BRIDGE_HASH_BITS 4
#define MCS_NET_PORT_HASH_BITS 8

/* What mcsnoop keeps per network namespace. */
struct mcs_net {
	struct net *net;
	/* Enabled bridges by ifindex: RCU readers, writers hold RTNL. */
	DECLARE_HASHTABLE(bridges, MCS_BRIDGE_HASH_BITS);
	unsigned int bridge_count;
	/* The ports of those bridges by ifindex, for the packet path. */
	DECLARE_HASHTABLE(ports, MCS_NET_PORT_HASH_BITS);
	/* Bumped on every change of the set, for dump consistency. */
	unsigned int generation;
	/* The same for the bridges' port templates (RTNL). */
	unsigned int template_generation;
	/* Filtering profiles (profile.h), RTNL; and for dumps. */
	struct list_head profiles;
	unsigned int profile_count;
	unsigned int profile_generation;
};

extern unsigned int mcs_net_id;

static inline struct mcs_net *mcs_net(const struct net *net)
{
	return net_generic(net, mcs_net_id);
}

int mcs_netns_init(void);
void mcs_netns_uninit(void);

#endif /* _MCS_NETNS_H */
