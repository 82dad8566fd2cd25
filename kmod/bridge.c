// SPDX-License-Identifier: GPL-2.0
/*
 * The set of enabled bridges of a namespace and their settings. Writers
 * hold RTNL, the packet path and dumps read under RCU.
 */
#include <linux/bitmap.h>
#include <linux/if_bridge.h>
#include <linux/jiffies.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/netlink.h>
#include <net/rtnetlink.h>

#include "bridge.h"
#include "context.h"
#include "events.h"
#include "fallback.h"
#include "hooks.h"
#include "mst.h"
#include "objects.h"
#include "port.h"
#include "profile.h"
#include "querier.h"
#include "table.h"
#include "template.h"

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

/* WeOS's flooding defaults (the querier's: settings.c). */
const struct mcs_config mcs_config_defaults = {
	.max_groups = 16384,
	.snooping = true,
	.flood_ambiguous = true,
	.host_router = MCSNOOP_ROUTER_AUTO,
};

u32 mcs_router_interval_ms(const struct mcs_bridge *mb)
{
	u32 ms = READ_ONCE(mb->cfg.router_timeout);
	const struct mcs_settings *s;

	if (ms)
		return ms;
	rcu_read_lock();
	s = mcs_settings_of(mb, 0);
	ms = s->robustness * s->query_interval + s->query_response_interval / 2;
	rcu_read_unlock();
	return ms;
}

unsigned long mcs_router_interval(const struct mcs_bridge *mb)
{
	return msecs_to_jiffies(mcs_router_interval_ms(mb));
}

static void mcs_bridge_free(struct mcs_bridge *mb)
{
	mcs_templates_free(mb);
	bitmap_free(mb->vlan_snooping_off);
	mcs_stats_free(mb->stats);
	mcs_pruned_free(mb->pruned);
	kfree(mb);
	mcs_object_gone(MCS_OBJ_BRIDGE);
}

int mcs_bridge_enable(struct mcs_net *mn, struct net_device *dev,
		      bool saved_mcast_snooping, struct mcs_bridge **out)
{
	struct mcs_bridge *mb;
	int err;

	ASSERT_RTNL();
	mb = kzalloc(sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return -ENOMEM;
	mcs_object_new(MCS_OBJ_BRIDGE);
	mb->dev = dev;
	mb->saved_mcast_snooping = saved_mcast_snooping;
	mb->cfg = mcs_config_defaults;
	hash_init(mb->ports);
	INIT_LIST_HEAD(&mb->port_list);
	INIT_LIST_HEAD(&mb->templates);
	xa_init(&mb->vlan_profiles);
	mcs_querier_init(mb);
	mcs_events_init(mb);
	mcs_fallback_init(mb);
	mcs_mst_init(mb);
	err = mcs_ctx_init(mb);
	if (err)
		goto err_free;
	mb->stats = mcs_stats_alloc();
	mb->pruned = mcs_pruned_alloc();
	mb->vlan_snooping_off = bitmap_zalloc(MCS_VLAN_N, GFP_KERNEL);
	if (!mb->stats || !mb->pruned || !mb->vlan_snooping_off) {
		err = -ENOMEM;
		goto err_free;
	}
	err = mcs_table_init(mb);
	if (err)
		goto err_free;
	/*
	 * On failure the ports added were already visible to the hooks of
	 * other bridges of the namespace: wait for their readers as well.
	 */
	err = mcs_ports_add_all(mb);
	if (err)
		goto err_ports;
	mcs_fallback_check(mb);
	mcs_mst_sync(mb);
	mcs_ctx_start(mb);
	if (!mn->bridge_count) {
		err = mcs_hooks_register(mn->net);
		if (err)
			goto err_ports;
	}
	netdev_hold(dev, &mb->dev_tracker, GFP_KERNEL);
	hash_add_rcu(mn->bridges, &mb->hnode, dev->ifindex);
	mn->bridge_count++;
	WRITE_ONCE(mn->generation, mn->generation + 1);
	mcs_table_start(mb);
	mcs_fallback_start(mb);
	netdev_info(dev, "mcsnoop enabled\n");
	*out = mb;
	return 0;

err_ports:
	mcs_mst_stop(mb);
	mcs_ports_del_all(mb);
	synchronize_rcu();
	mcs_table_destroy(mb);
err_free:
	mcs_ctx_stop(mb);
	mcs_ctx_free_all(mb);
	mcs_bridge_free(mb);
	return err;
}

static void mcs_bridge_free_rcu(struct rcu_head *head)
{
	struct mcs_bridge *mb = container_of(head, struct mcs_bridge, rcu);

	netdev_put(mb->dev, &mb->dev_tracker);
	mcs_bridge_free(mb);
}

/* RTNL: out of the namespace and stopped; its table is still to go. */
static void mcs_bridge_unlink(struct mcs_net *mn, struct mcs_bridge *mb)
{
	ASSERT_RTNL();
	hash_del_rcu(&mb->hnode);
	WRITE_ONCE(mn->generation, mn->generation + 1);
	if (!--mn->bridge_count)
		mcs_hooks_unregister(mn->net);
	netdev_info(mb->dev, "mcsnoop disabled\n");
	mcs_fallback_stop(mb);
	mcs_mst_stop(mb);
	mcs_ctx_stop(mb);
	mcs_ports_del_all(mb);
	mcs_vlan_profiles_free(mb);
	mcs_querier_stop(mb);
	mcs_ctx_free_all(mb);
	cancel_delayed_work_sync(&mb->gc_work);
}

/* A grace period after unlink: the table's buckets go at once. */
static void mcs_bridge_release(struct mcs_bridge *mb)
{
	mcs_table_destroy(mb);
	call_rcu(&mb->rcu, mcs_bridge_free_rcu);
}

void mcs_bridge_disable(struct mcs_net *mn, struct mcs_bridge *mb)
{
	mcs_bridge_unlink(mn, mb);
	synchronize_rcu();
	mcs_bridge_release(mb);
}

/*
 * Give the bridge its own snooping back, as `ip link set BR type bridge
 * mcast_snooping 1` would: for a module unload, when no tool is there.
 */
void mcs_bridge_restore_snooping(struct mcs_bridge *mb)
{
	const struct rtnl_link_ops *ops = mb->dev->rtnl_link_ops;
	struct nlattr *data[IFLA_BR_MAX + 1] = {};
	struct mcs_nla_u8 attr;

	ASSERT_RTNL();
	if (!mb->saved_mcast_snooping || !ops || !ops->changelink)
		return;
	data[IFLA_BR_MCAST_SNOOPING] = mcs_nla_u8(&attr, IFLA_BR_MCAST_SNOOPING, 1);
	if (ops->changelink(mb->dev, NULL, data, NULL))
		netdev_warn(mb->dev, "mcsnoop: could not switch the bridge's own snooping back on\n");
}

bool mcs_work_rtnl_trylock(struct delayed_work *dw)
{
	if (rtnl_trylock())
		return true;
	queue_delayed_work(system_power_efficient_wq, dw, 1);
	return false;
}

void mcs_bridge_flush(struct mcs_net *mn)
{
	struct mcs_bridge *mb, *next;
	struct hlist_node *tmp;
	LIST_HEAD(gone);
	int bkt;

	ASSERT_RTNL();
	hash_for_each_safe(mn->bridges, bkt, tmp, mb, hnode) {
		mcs_bridge_unlink(mn, mb);
		list_add(&mb->flush_node, &gone);
	}
	if (list_empty(&gone))
		return;
	/* One grace period for them all: a namespace may hold many. */
	synchronize_rcu();
	list_for_each_entry_safe(mb, next, &gone, flush_node)
		mcs_bridge_release(mb);
}
