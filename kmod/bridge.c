// SPDX-License-Identifier: GPL-2.0
/*
 * The set of enabled bridges of a namespace. Writers hold RTNL, the
 * packet path and dumps read it under RCU.
 */
#include <linux/if_bridge.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "bridge.h"
#include "hooks.h"

struct mcs_bridge *mcs_bridge_find(struct mcs_net *mn, int ifindex)
{
	struct mcs_bridge *mb;

	hash_for_each_possible_rcu(mn->bridges, mb, hnode, ifindex,
				   lockdep_rtnl_is_held())
		if (mb->dev->ifindex == ifindex)
			return mb;
	return NULL;
}

/* The enabled bridge a port belongs to, or NULL. Caller holds RCU. */
struct mcs_bridge *mcs_bridge_of_port(const struct net *net,
				      const struct net_device *port)
{
	struct net_device *br;

	if (!port || !netif_is_bridge_port(port))
		return NULL;
	br = netdev_master_upper_dev_get_rcu((struct net_device *)port);
	if (!br || !netif_is_bridge_master(br))
		return NULL;
	return mcs_bridge_find(mcs_net(net), br->ifindex);
}

int mcs_bridge_enable(struct mcs_net *mn, struct net_device *dev,
		      bool saved_mcast_snooping)
{
	struct mcs_bridge *mb;
	int err;

	ASSERT_RTNL();
	mb = kzalloc(sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return -ENOMEM;
	mb->stats = mcs_stats_alloc();
	if (!mb->stats) {
		err = -ENOMEM;
		goto err_free;
	}
	if (!mn->bridge_count) {
		err = mcs_hooks_register(mn->net);
		if (err)
			goto err_stats;
	}
	mb->saved_mcast_snooping = saved_mcast_snooping;
	mb->dev = dev;
	netdev_hold(dev, &mb->dev_tracker, GFP_KERNEL);
	hash_add_rcu(mn->bridges, &mb->hnode, dev->ifindex);
	mn->bridge_count++;
	WRITE_ONCE(mn->generation, mn->generation + 1);
	netdev_info(dev, "mcsnoop enabled\n");
	return 0;

err_stats:
	mcs_stats_free(mb->stats);
err_free:
	kfree(mb);
	return err;
}

static void mcs_bridge_free_rcu(struct rcu_head *head)
{
	struct mcs_bridge *mb = container_of(head, struct mcs_bridge, rcu);

	netdev_put(mb->dev, &mb->dev_tracker);
	mcs_stats_free(mb->stats);
	kfree(mb);
}

void mcs_bridge_disable(struct mcs_net *mn, struct mcs_bridge *mb)
{
	ASSERT_RTNL();
	hash_del_rcu(&mb->hnode);
	WRITE_ONCE(mn->generation, mn->generation + 1);
	if (!--mn->bridge_count)
		mcs_hooks_unregister(mn->net);
	netdev_info(mb->dev, "mcsnoop disabled\n");
	/* Readers may still hold it: free after a grace period. */
	call_rcu(&mb->rcu, mcs_bridge_free_rcu);
}

void mcs_bridge_flush(struct mcs_net *mn)
{
	struct hlist_node *tmp;
	struct mcs_bridge *mb;
	int bkt;

	ASSERT_RTNL();
	hash_for_each_safe(mn->bridges, bkt, tmp, mb, hnode)
		mcs_bridge_disable(mn, mb);
}
