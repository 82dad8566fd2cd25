// SPDX-License-Identifier: GPL-2.0
/*
 * A bridge that unregisters (deleted, moved to another namespace, or its
 * namespace dismantled) takes its mcsnoop state with it, at once.
 */
#include <linux/netdevice.h>

#include "notifier.h"
#include "bridge.h"

static int mcs_netdev_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct mcs_bridge *mb;
	struct mcs_net *mn;

	if (event != NETDEV_UNREGISTER || !netif_is_bridge_master(dev))
		return NOTIFY_DONE;
	mn = mcs_net(dev_net(dev));
	mb = mcs_bridge_find(mn, dev->ifindex);
	if (mb)
		mcs_bridge_disable(mn, mb);
	return NOTIFY_DONE;
}

static struct notifier_block mcs_netdev_notifier = {
	.notifier_call = mcs_netdev_event,
};

int __init mcs_notifier_init(void)
{
	return register_netdevice_notifier(&mcs_netdev_notifier);
}

/* Unregistering replays NETDEV_UNREGISTER for every device: all go. */
void mcs_notifier_uninit(void)
{
	unregister_netdevice_notifier(&mcs_netdev_notifier);
}
