// SPDX-License-Identifier: GPL-2.0
/*
 * Ports of enabled bridges: their settings and what was learnt about
 * them (router ports). Created and removed under RTNL; the packet path
 * finds them under RCU.
 */
#include <linux/etherdevice.h>
#include <linux/hash.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/jiffies.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/netlink.h>
#include <net/rtnetlink.h>

#include "events.h"
#include "fallback.h"
#include "hosts.h"
#include "mst.h"
#include "objects.h"
#include "port.h"
#include "profile.h"
#include "port_vlan.h"
#include "querier.h"
#include "table.h"
#include "template.h"

struct mcs_port *mcs_port_find(const struct mcs_bridge *mb, int ifindex)
{
	struct mcs_port *port;

	hash_for_each_possible_rcu(mb->ports, port, hnode, ifindex,
				   lockdep_rtnl_is_held())
		if (port->dev->ifindex == ifindex)
			return port;
	return NULL;
}

struct mcs_port *mcs_net_port_find(const struct net *net, int ifindex)
{
	struct mcs_port *port;

	hash_for_each_possible_rcu(mcs_net(net)->ports, port, net_hnode,
				   ifindex, lockdep_rtnl_is_held())
		if (port->dev->ifindex == ifindex)
			return port;
	return NULL;
}

/* mb->flood_bits follows the port's mcast_flood (RTNL). */
static void mcs_port_flood_bit_sync(struct mcs_port *port)
{
	struct mcs_bridge *mb = port->mb;
	unsigned long bit;

	if (port->bit == MCS_PORT_NO_BIT)
		return;
	bit = BIT(port->bit);
	WRITE_ONCE(mb->flood_bits, port->br_flags & BR_MCAST_FLOOD ?
		   mb->flood_bits | bit : mb->flood_bits & ~bit);
}

/*
 * The port's bit in per-frame masks, and the data path's way to it by
 * bit (replicate.c). Its pruned count starts from what the bit counted.
 */
static void mcs_port_bit_take(struct mcs_port *port)
{
	struct mcs_bridge *mb = port->mb;

	port->bit = MCS_PORT_NO_BIT;
	if (!~mb->port_bits) {
		WRITE_ONCE(mb->ports_without_bit, mb->ports_without_bit + 1);
		return;
	}
	port->bit = __ffs(~mb->port_bits);
	port->pruned_base = mcs_pruned_read(mb->pruned, port->bit);
	rcu_assign_pointer(mb->port_by_bit[port->bit], port);
	mcs_port_flood_bit_sync(port);
	WRITE_ONCE(mb->port_bits, mb->port_bits | BIT(port->bit));
}

static void mcs_port_bit_give_back(struct mcs_port *port)
{
	struct mcs_bridge *mb = port->mb;

	if (port->bit == MCS_PORT_NO_BIT) {
		WRITE_ONCE(mb->ports_without_bit, mb->ports_without_bit - 1);
		return;
	}
	WRITE_ONCE(mb->port_bits, mb->port_bits & ~BIT(port->bit));
	WRITE_ONCE(mb->flood_bits, mb->flood_bits & ~BIT(port->bit));
	RCU_INIT_POINTER(mb->port_by_bit[port->bit], NULL);
	clear_bit(port->bit, &mb->router_bits);
}

u64 mcs_port_pruned(const struct mcs_port *port)
{
	if (port->bit == MCS_PORT_NO_BIT)
		return 0;
	/* Each CPU's count only grows (pruned.c): never below the base. */
	return mcs_pruned_read(port->mb->pruned, port->bit) -
	       port->pruned_base;
}

int mcs_port_add(struct mcs_bridge *mb, struct net_device *dev)
{
	struct mcs_port *port;

	ASSERT_RTNL();
	if (mcs_port_find(mb, dev->ifindex))
		return 0;
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	port->stats = mcs_stats_alloc();
	if (!port->stats) {
		kfree(port);
		return -ENOMEM;
	}
	mcs_object_new(MCS_OBJ_PORT);
	port->mb = mb;
	port->dev = dev;
	port->bit = MCS_PORT_NO_BIT;	/* mcs_port_bit_take() */
	port->router_mode = MCSNOOP_ROUTER_AUTO;
	port->flood_unknown = -1;
	port->max_groups = MCS_PORT_MAX_GROUPS_DEFAULT;
	port->max_hosts = MCS_PORT_MAX_HOSTS_DEFAULT;
	xa_init(&port->vlan_limits);
	port->stp_state = br_port_get_stp_state(dev);
	port->oper_up = netif_oper_up(dev);
	/* A port the admin kept from unknown multicast stays so. */
	port->saved_mcast_flood = br_port_flag_is_set(dev, BR_MCAST_FLOOD);
	if (!port->saved_mcast_flood)
		port->flood_unknown = 0;
	netdev_hold(dev, &port->dev_tracker, GFP_KERNEL);
	mcs_port_refresh_flags(port);
	/* mcsnoop takes its mcast_flood, unless the port falls back. */
	mcs_fallback_check_port(port, true);
	mcs_port_bit_take(port);
	hash_add_rcu(mb->ports, &port->hnode, dev->ifindex);
	hash_add_rcu(mcs_net(dev_net(dev))->ports, &port->net_hnode,
		     dev->ifindex);
	list_add_tail_rcu(&port->list, &mb->port_list);
	/* Its settings, if a template has them for its name. */
	mcs_templates_apply(port);
	return 0;
}

static void mcs_port_free_rcu(struct rcu_head *head)
{
	struct mcs_port *port = container_of(head, struct mcs_port, rcu);

	netdev_put(port->dev, &port->dev_tracker);
	mcs_stats_free(port->stats);
	mcs_mst_port_free(port);
	/* After a grace period: nobody reads it any more. */
	kfree(rcu_dereference_protected(port->vlan_routers, true));
	kfree(port);
	mcs_object_gone(MCS_OBJ_PORT);
}

void mcs_port_del(struct mcs_port *port, bool restore)
{
	ASSERT_RTNL();
	if (restore && mcs_fallback_restore_port(port))
		netdev_warn(port->dev, "mcsnoop: could not give mcast_flood its value of before enable back\n");
	/*
	 * No membership may point to the port once it is gone. A port that
	 * leaves is announced; one whose bridge is disabled is not. The
	 * flush drops the lock at times: learning stops first.
	 */
	spin_lock_bh(&port->mb->lock);
	port->closing = true;
	spin_unlock_bh(&port->mb->lock);
	mcs_table_flush(port->mb, port, -1, false,
			restore ? MCSNOOP_EVENT_REASON_NONE :
			MCSNOOP_EVENT_REASON_PORT_DOWN);
	/* Their memberships gone, so are the hosts. */
	WARN_ON_ONCE(!hlist_empty(&port->hosts));
	if (!restore)
		mcs_event_routers_gone(port, MCSNOOP_EVENT_REASON_PORT_DOWN);
	mcs_port_profile_set(port, NULL);
	/*
	 * Here, not in the RCU callback: the xarray's lock is taken with
	 * softirqs on (port set), so never in softirq. Readers find no
	 * limit until the port is gone; its entries wait a grace period.
	 */
	mcs_port_vlans_free(port);
	hash_del_rcu(&port->hnode);
	hash_del_rcu(&port->net_hnode);
	list_del_rcu(&port->list);
	mcs_port_bit_give_back(port);
	call_rcu(&port->rcu, mcs_port_free_rcu);
}

int mcs_ports_add_all(struct mcs_bridge *mb)
{
	struct net_device *lower;
	struct list_head *iter;
	int err;

	ASSERT_RTNL();
	netdev_for_each_lower_dev(mb->dev, lower, iter) {
		err = mcs_port_add(mb, lower);
		if (err) {
			mcs_ports_del_all(mb);
			return err;
		}
	}
	return 0;
}

void mcs_ports_del_all(struct mcs_bridge *mb)
{
	struct hlist_node *tmp;
	struct mcs_port *port;
	int bkt;

	ASSERT_RTNL();
	hash_for_each_safe(mb->ports, bkt, tmp, port, hnode)
		mcs_port_del(port, true);
}

void mcs_port_down(struct mcs_port *port)
{
	int proto, i;

	ASSERT_RTNL();
	mcs_table_flush(port->mb, port, -1, true,
			MCSNOOP_EVENT_REASON_PORT_DOWN);
	for (proto = 0; proto < MCS_PROTO_MAX; proto++)
		WRITE_ONCE(port->router_via[proto], MCSNOOP_ROUTER_VIA_NONE);
	mcs_event_routers_sync(port, MCSNOOP_EVENT_REASON_PORT_DOWN);
	/* The bridge forgets the port's MACs too: pass frames until it
	 * has learnt them again.
	 */
	for (i = 0; i < MCS_SRC_SEEN_N; i++)
		WRITE_ONCE(port->src_seen[i].key, 0);
}

u8 mcs_port_router_via(const struct mcs_port *port, enum mcs_proto proto)
{
	switch (READ_ONCE(port->router_mode)) {
	case MCSNOOP_ROUTER_STATIC:
		return MCSNOOP_ROUTER_VIA_STATIC;
	case MCSNOOP_ROUTER_AUTO:
		if (mcs_port_router_learnt(port, proto))
			return READ_ONCE(port->router_via[proto]);
	}
	return MCSNOOP_ROUTER_VIA_NONE;
}

u32 mcs_port_router_timer_ms(const struct mcs_port *port,
			     enum mcs_proto proto)
{
	if (READ_ONCE(port->router_mode) != MCSNOOP_ROUTER_AUTO ||
	    !mcs_port_router_learnt(port, proto))
		return 0;
	return jiffies_to_msecs(READ_ONCE(port->router_expires[proto]) -
				jiffies);
}

/*
 * Have the router timer fire by expires. The timer wheel fires late by up
 * to an eighth of the delay (its granularity at that distance): aim a
 * quarter early, then closer from the timer, exactly within 64 jiffies
 * (where the wheel is exact). The packet path (no lock) runs only before
 * the stop (a grace period separates them), the timer under the lock.
 */
static void mcs_router_timer_arm(struct mcs_bridge *mb, unsigned long expires)
{
	long delay = (long)(expires - jiffies);

	if (delay > 64)
		expires -= delay / 4;
	if (!READ_ONCE(mb->router.stopped))
		timer_reduce(&mb->router.timer, expires);
}

/*
 * Announce the learnt router ports that expired (ROUTER_DEL reason
 * TIMEOUT) and wait for the next expiry.
 */
static void mcs_router_timer(struct timer_list *t)
{
	struct mcs_bridge *mb = from_timer(mb, t, router.timer);
	unsigned long next = 0, expires;
	struct mcs_port *port;
	bool armed = false;
	int proto;

	spin_lock_bh(&mb->lock);
	rcu_read_lock();
	list_for_each_entry_rcu(port, &mb->port_list, list) {
		mcs_event_routers_sync(port, MCSNOOP_EVENT_REASON_TIMEOUT);
		for (proto = 0; proto < MCS_PROTO_MAX; proto++) {
			if (!mcs_port_router_learnt(port, proto))
				continue;
			expires = READ_ONCE(port->router_expires[proto]);
			if (!armed || time_before(expires, next))
				next = expires;
			armed = true;
		}
	}
	rcu_read_unlock();
	if (armed)
		mcs_router_timer_arm(mb, next);
	spin_unlock_bh(&mb->lock);
}

void mcs_routers_init(struct mcs_bridge *mb)
{
	timer_setup(&mb->router.timer, mcs_router_timer, 0);
}

void mcs_routers_stop(struct mcs_bridge *mb)
{
	spin_lock_bh(&mb->lock);
	WRITE_ONCE(mb->router.stopped, true);
	spin_unlock_bh(&mb->lock);
	del_timer_sync(&mb->router.timer);
}

void mcs_port_router_heard(struct mcs_port *port, enum mcs_proto proto,
			   u8 via, u32 lifetime_ms)
{
	unsigned long expires = jiffies + (lifetime_ms ?
					   msecs_to_jiffies(lifetime_ms) :
					   mcs_router_interval(port->mb));

	/* A PIM neighbour's holdtime outlasts the queries of its router. */
	if (mcs_port_router_learnt(port, proto) &&
	    time_after(READ_ONCE(port->router_expires[proto]), expires))
		expires = READ_ONCE(port->router_expires[proto]);

	WRITE_ONCE(port->router_expires[proto], expires);
	WRITE_ONCE(port->router_via[proto], via);
	mcs_router_timer_arm(port->mb, expires);
	mcs_port_may_route(port);
	if (!test_bit(proto, &port->router_announced))
		mcs_event_router_sync(port, proto, MCSNOOP_EVENT_REASON_NONE);
}

int mcs_port_set_vlan_router(struct mcs_port *port, u16 vid, u8 mode)
{
	struct mcs_vlan_routers *old, *vr;

	ASSERT_RTNL();
	old = rtnl_dereference(port->vlan_routers);
	if (!old && mode == MCSNOOP_ROUTER_AUTO)
		return 0;
	vr = old ? kmemdup(old, sizeof(*vr), GFP_KERNEL) :
		   kzalloc(sizeof(*vr), GFP_KERNEL);
	if (!vr)
		return -ENOMEM;
	__assign_bit(vid, vr->on, mode == MCSNOOP_ROUTER_STATIC);
	__assign_bit(vid, vr->off, mode == MCSNOOP_ROUTER_OFF);
	if (bitmap_empty(vr->on, VLAN_N_VID) &&
	    bitmap_empty(vr->off, VLAN_N_VID)) {
		kfree(vr);
		vr = NULL;
	}
	/* The packet path looks at the port for routers from now on. */
	if (mode == MCSNOOP_ROUTER_STATIC)
		mcs_port_may_route(port);
	rcu_assign_pointer(port->vlan_routers, vr);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

void mcs_port_may_route(struct mcs_port *port)
{
	if (port->bit != MCS_PORT_NO_BIT &&
	    !test_bit(port->bit, &port->mb->router_bits))
		set_bit(port->bit, &port->mb->router_bits);
}

bool mcs_port_flood_unknown(const struct mcs_port *port, bool vlan_flood)
{
	s8 flood = READ_ONCE(port->flood_unknown);

	return flood < 0 ? vlan_flood : flood;
}

void mcs_port_src_passed(struct mcs_port *port, const u8 *src, u16 vid,
			 unsigned long now)
{
	u64 key = mcs_src_key(src, vid);
	struct mcs_src_seen *slot =
		&port->src_seen[hash_64(key, MCS_SRC_SEEN_BITS)];

	if (READ_ONCE(slot->key) == key && READ_ONCE(slot->stamp) == now)
		return;
	WRITE_ONCE(slot->key, key);
	WRITE_ONCE(slot->stamp, now);
}

void mcs_port_refresh_flags(struct mcs_port *port)
{
	unsigned long old = READ_ONCE(port->br_flags);
	static const unsigned long kept[] = {
		BR_ISOLATED, BR_HAIRPIN_MODE, BR_MCAST_FLOOD, BR_PORT_LOCKED,
		BR_MULTICAST_TO_UNICAST,
	};
	unsigned long flags = 0;
	int i;

	ASSERT_RTNL();
	for (i = 0; i < ARRAY_SIZE(kept); i++)
		if (br_port_flag_is_set(port->dev, kept[i]))
			flags |= kept[i];
	WRITE_ONCE(port->br_flags, flags);
	mcs_port_flood_bit_sync(port);
	/*
	 * mcast_to_unicast on keys memberships by host: what was learnt
	 * becomes its reporter's (the others behind the port report at the
	 * query). Off, the hosts' memberships serve the port as a whole
	 * until they age out, as the bridge's port groups do.
	 */
	if (port->flags_known && (flags & ~old) & BR_MULTICAST_TO_UNICAST) {
		mcs_table_split_by_host(port->mb, port);
		mcs_querier_topology(port->mb);
	}
	port->flags_known = true;
}

bool mcs_vlan_in_use(struct mcs_bridge *mb, u16 vid)
{
	struct bridge_vlan_info vinfo;
	struct mcs_port *port;
	bool found = false;

	rcu_read_lock();
	if (!br_vlan_get_info_rcu(mb->dev, vid, &vinfo)) {
		found = true;
		goto out;
	}
	list_for_each_entry_rcu(port, &mb->port_list, list) {
		if (!br_vlan_get_info_rcu(port->dev, vid, &vinfo)) {
			found = true;
			break;
		}
	}
out:
	rcu_read_unlock();
	return found;
}
