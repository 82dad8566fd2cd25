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
			if (mcs_port_add(mb, dev))
				netdev_warn(dev, "mcsnoop: no memory for the port: its copies are not filtered\n");
			else
				mcs_querier_topology(mb);
		} else if (!info->linking && port) {
			mcs_port_del(port, false);
		}
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
		break;
	case NETDEV_DOWN:
		mcs_port_down(port);
		break;
	default:
		if (blocked || (event == NETDEV_CHANGE && !netif_oper_up(dev)))
			mcs_port_down(port);
		break;
	}
}

static int mcs_netdev_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct mcs_bridge *mb;
	struct mcs_net *mn;

	ASSERT_RTNL();
	if (netif_is_bridge_master(dev)) {
		if (event != NETDEV_UNREGISTER)
			return NOTIFY_DONE;
		mn = mcs_net(dev_net(dev));
		mb = mcs_bridge_find(mn, dev->ifindex);
		if (!mb)
			return NOTIFY_DONE;
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

/*
 * The bridge announces every STP state change and port flag change to
 * switchdev (deferred, under RTNL); the packet path reads our copies.
 */
static int mcs_switchdev_event(struct notifier_block *nb,
			       unsigned long event, void *ptr)
{
	struct net_device *dev = switchdev_notifier_info_to_dev(ptr);
	struct switchdev_notifier_port_attr_info *info = ptr;
	struct mcs_bridge *mb;
	struct mcs_port *port;

	if (event != SWITCHDEV_PORT_ATTR_SET || !netif_is_bridge_port(dev))
		return NOTIFY_DONE;
	if (info->attr->id != SWITCHDEV_ATTR_ID_PORT_STP_STATE &&
	    info->attr->id != SWITCHDEV_ATTR_ID_PORT_BRIDGE_FLAGS)
		return NOTIFY_DONE;
	ASSERT_RTNL();
	mb = mcs_enabled_master(dev);
	port = mb ? mcs_port_find(mb, dev->ifindex) : NULL;
	if (!port)
		return NOTIFY_DONE;
	if (info->attr->id == SWITCHDEV_ATTR_ID_PORT_STP_STATE) {
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
		    info->attr->u.stp_state == BR_STATE_DISABLED)
			mcs_port_down(port);
	} else {	/* deferred: the bridge has already changed them */
		mcs_port_refresh_flags(port);
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
