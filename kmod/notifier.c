// SPDX-License-Identifier: GPL-2.0
/*
 * Device events: a bridge that unregisters (deleted, moved to another
 * namespace, or its namespace dismantled) takes its mcsnoop state with it;
 * a port that joins gets fresh state, one that leaves or goes down loses
 * what was learnt on it.
 */
#include <linux/if_bridge.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/switchdev.h>

#include "notifier.h"
#include "bridge.h"
#include "context.h"
#include "fallback.h"
#include "mst.h"
#include "port.h"
#include "querier.h"

/* Set while the module goes: the replayed events must restore ports. */
static bool mcs_notifier_closing;

static struct mcs_bridge *mcs_enabled_master(struct net_device *dev)
{
	struct net_device *br = netdev_master_upper_dev_get(dev);

	if (!br || !netif_is_bridge_master(br))
		return NULL;
	return mcs_bridge_find(mcs_net(dev_net(br)), br->ifindex);
}

static bool mcs_stp_passes(u8 state)
{
	return state == BR_STATE_LEARNING || state == BR_STATE_FORWARDING;
}

/*
 * Keep the port's STP state. Returns whether the port stopped passing
 * frames (blocking, listening, disabled): what was learnt on it must go,
 * as the bridge's own br_multicast_disable_port() does.
 */
static bool mcs_port_stp(struct mcs_bridge *mb, struct mcs_port *port,
			 bool topology)
{
	u8 state = br_port_get_stp_state(port->dev);
	u8 old = port->stp_state;

	WRITE_ONCE(port->stp_state, state);
	if (topology && state == BR_STATE_FORWARDING &&
	    old != BR_STATE_FORWARDING)
		mcs_querier_topology(mb);
	return mcs_stp_passes(old) && !mcs_stp_passes(state);
}

static void mcs_port_event(struct net_device *dev, unsigned long event,
			   void *ptr)
{
	struct netdev_notifier_changeupper_info *info = ptr;
	struct mcs_bridge *mb;
	struct mcs_port *port;
	bool blocked;

	if (event == NETDEV_CHANGEUPPER) {
		if (!netif_is_bridge_master(info->upper_dev))
			return;
		mb = mcs_bridge_find(mcs_net(dev_net(dev)),
				     info->upper_dev->ifindex);
		if (!mb)
			return;
		port = mcs_port_find(mb, dev->ifindex);
		if (info->linking && !port) {
			if (mcs_port_add(mb, dev)) {
				netdev_warn(dev, "mcsnoop: no memory for the port: its copies are not filtered\n");
				return;
			}
			mcs_querier_topology(mb);
		} else if (!info->linking && port) {
			mcs_port_del(port, false);
		}
		/* A port with neigh_suppress changes its neighbours' lot. */
		mcs_fallback_check(mb);
		return;
	}
	mb = mcs_enabled_master(dev);
	port = mb ? mcs_port_find(mb, dev->ifindex) : NULL;
	if (!port)
		return;
	blocked = mcs_port_stp(mb, port, false);
	mcs_port_refresh_flags(port);
	/* RFC 4541 2.1.1 (4): a port came up, rebuild the table quickly. */
	if (netif_oper_up(dev) != port->oper_up) {
		port->oper_up = netif_oper_up(dev);
		if (port->oper_up)
			mcs_querier_topology(mb);
	}
	switch (event) {
	case NETDEV_UNREGISTER:
		mcs_port_del(port, READ_ONCE(mcs_notifier_closing));
		return;
	case NETDEV_DOWN:
		mcs_port_down(port);
		break;
	default:
		if (blocked || (event == NETDEV_CHANGE && !netif_oper_up(dev)))
			mcs_port_down(port);
		break;
	}
	/* `ip link set DEV type bridge_slave ...` ends with NETDEV_CHANGE. */
	mcs_fallback_check(mb);
}

static int mcs_netdev_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct mcs_bridge *mb;
	struct mcs_net *mn;

	ASSERT_RTNL();
	if (netif_is_bridge_master(dev)) {
		if (event != NETDEV_UNREGISTER && event != NETDEV_CHANGE)
			return NOTIFY_DONE;
		mn = mcs_net(dev_net(dev));
		mb = mcs_bridge_find(mn, dev->ifindex);
		if (!mb)
			return NOTIFY_DONE;
		if (event == NETDEV_CHANGE) {
			/* `ip link set BR type bridge mcast_snooping 1` */
			mcs_fallback_check(mb);
			return NOTIFY_DONE;
		}
		if (READ_ONCE(mcs_notifier_closing))
			mcs_bridge_restore_snooping(mb);
		mcs_bridge_disable(mn, mb);
		return NOTIFY_DONE;
	}
	switch (event) {
	case NETDEV_CHANGEUPPER:
	case NETDEV_UNREGISTER:
	case NETDEV_DOWN:
	case NETDEV_UP:
	case NETDEV_CHANGE:
		mcs_port_event(dev, event, ptr);
	}
	return NOTIFY_DONE;
}

/* A port's attribute the bridge announces (deferred or not, under RTNL). */
static void mcs_switchdev_port_attr(struct mcs_bridge *mb, struct mcs_port *port,
				    const struct switchdev_attr *attr)
{
	switch (attr->id) {
	case SWITCHDEV_ATTR_ID_PORT_STP_STATE:
		/*
		 * The event is deferred and may report a state the port has
		 * already left (a device event read the newer one): the
		 * packet path's copy is the current one. But a port disabled
		 * and at once enabled again (a NETDEV_CHANGE does that) loses
		 * its table all the same. A stale BLOCKING is not that: every
		 * link up passes through it on the way to forwarding, and
		 * what was learnt since must stay.
		 */
		if (mcs_port_stp(mb, port, true) ||
		    attr->u.stp_state == BR_STATE_DISABLED)
			mcs_port_down(port);
		/* With MST, the state of the VLANs in MSTI 0 (CST). */
		if (mb->mst.on)
			mcs_mst_changed(mb);
		break;
	case SWITCHDEV_ATTR_ID_PORT_BRIDGE_FLAGS:
		/* Deferred: the bridge has already changed them. */
		mcs_port_refresh_flags(port);
		mcs_fallback_check(mb);
		break;
	case SWITCHDEV_ATTR_ID_PORT_MST_STATE:
		mcs_mst_port_state(port, attr->u.mst_state.msti,
				   attr->u.mst_state.state);
		break;
	default:
		break;
	}
}

/*
 * The bridge's own: MST switched on or off, a VLAN moved to an MSTI, VLAN
 * filtering switched on or off.
 */
static void mcs_switchdev_bridge_attr(struct net_device *br,
				      const struct switchdev_attr *attr)
{
	struct mcs_bridge *mb = mcs_bridge_find(mcs_net(dev_net(br)),
						br->ifindex);

	if (!mb)
		return;
	switch (attr->id) {
	case SWITCHDEV_ATTR_ID_BRIDGE_MST:
		mcs_mst_changed(mb);
		break;
	case SWITCHDEV_ATTR_ID_BRIDGE_VLAN_FILTERING:
		/* Sent before the change: followed after it. */
		mcs_ctx_vlans_changed(mb);
		break;
	case SWITCHDEV_ATTR_ID_VLAN_MSTI:
		mcs_mst_vlan_msti(mb, attr->u.vlan_msti.vid,
				  attr->u.vlan_msti.msti);
		break;
	default:
		break;
	}
}

/* A VLAN added to or removed from a port (or the bridge itself). */
static void mcs_switchdev_port_obj(struct net_device *dev,
				   const struct switchdev_obj *obj)
{
	struct mcs_bridge *mb;

	if (obj->id != SWITCHDEV_OBJ_ID_PORT_VLAN)
		return;
	if (netif_is_bridge_master(dev))
		mb = mcs_bridge_find(mcs_net(dev_net(dev)), dev->ifindex);
	else
		mb = mcs_enabled_master(dev);
	if (!mb)
		return;
	/* Sent before the VLAN is added or deleted: followed after. */
	mcs_ctx_vlan_changed(mb, SWITCHDEV_OBJ_PORT_VLAN(obj)->vid);
	if (mb->mst.on)
		mcs_mst_changed(mb);
}

/*
 * The bridge announces to switchdev every STP state, port flag and MST
 * change, and every VLAN of a port, hardware or not (under RTNL); the
 * packet path reads our copies. Never marked handled: the bridge must
 * not think a switch took them.
 */
static int mcs_switchdev_event(struct notifier_block *nb,
			       unsigned long event, void *ptr)
{
	struct net_device *dev = switchdev_notifier_info_to_dev(ptr);
	struct switchdev_notifier_port_attr_info *attr_info = ptr;
	struct switchdev_notifier_port_obj_info *obj_info = ptr;
	struct mcs_bridge *mb;
	struct mcs_port *port;

	switch (event) {
	case SWITCHDEV_PORT_ATTR_SET:
		ASSERT_RTNL();
		if (netif_is_bridge_master(dev)) {
			mcs_switchdev_bridge_attr(dev, attr_info->attr);
			break;
		}
		if (!netif_is_bridge_port(dev))
			break;
		mb = mcs_enabled_master(dev);
		port = mb ? mcs_port_find(mb, dev->ifindex) : NULL;
		if (port)
			mcs_switchdev_port_attr(mb, port, attr_info->attr);
		break;
	case SWITCHDEV_PORT_OBJ_ADD:
	case SWITCHDEV_PORT_OBJ_DEL:
		ASSERT_RTNL();
		mcs_switchdev_port_obj(dev, obj_info->obj);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block mcs_switchdev_notifier = {
	.notifier_call = mcs_switchdev_event,
};

static struct notifier_block mcs_netdev_notifier = {
	.notifier_call = mcs_netdev_event,
};

int __init mcs_notifier_init(void)
{
	int err;

	err = register_switchdev_blocking_notifier(&mcs_switchdev_notifier);
	if (err)
		return err;
	err = register_netdevice_notifier(&mcs_netdev_notifier);
	if (err)
		unregister_switchdev_blocking_notifier(&mcs_switchdev_notifier);
	return err;
}

/*
 * Unregistering replays NETDEV_UNREGISTER for every device: all state
 * goes, and the ports get their mcast_flood flag back.
 */
void mcs_notifier_uninit(void)
{
	WRITE_ONCE(mcs_notifier_closing, true);
	unregister_netdevice_notifier(&mcs_netdev_notifier);
	unregister_switchdev_blocking_notifier(&mcs_switchdev_notifier);
}
