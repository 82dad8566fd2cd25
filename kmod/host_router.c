// SPDX-License-Identifier: GPL-2.0
/*
 * The bridge's host as a multicast router: it gets every group, as a
 * router port does (the bridge's multicast_router on its device). auto:
 * while the host sends queries, MRD advertisements or PIM hellos, or a
 * routing daemon made the bridge device a multicast interface; static:
 * always; off: never.
 */
#include <linux/inetdevice.h>
#include <linux/rtnetlink.h>
#include <net/addrconf.h>

#include "host_router.h"

void mcs_host_router_heard(struct mcs_bridge *mb, const struct mcs_msg *msg)
{
	enum mcs_proto proto = msg->ipv6 ? MCS_IPV6 : MCS_IPV4;
	u8 via;

	switch (msg->kind) {
	case MCS_MSG_QUERY:
		via = MCSNOOP_ROUTER_VIA_QUERY;
		break;
	case MCS_MSG_MRD_ADV:
		via = MCSNOOP_ROUTER_VIA_MRD;
		break;
	case MCS_MSG_PIM_HELLO:
		via = MCSNOOP_ROUTER_VIA_PIM;
		break;
	default:
		return;
	}
	WRITE_ONCE(mb->host_router.expires[proto],
		   jiffies + mcs_router_interval(mb));
	WRITE_ONCE(mb->host_router.via[proto], via);
}

static bool mcs_dev_mforward(struct net_device *dev, int proto)
{
	if (proto == MCS_IPV4) {
		struct in_device *in_dev = __in_dev_get_rtnl(dev);

		return in_dev && IN_DEV_MFORWARD(in_dev);
	}
#if IS_ENABLED(CONFIG_IPV6_MROUTE)
	{
		struct inet6_dev *idev = __in6_dev_get(dev);

		return idev && atomic_read(&idev->cnf.mc_forwarding);
	}
#endif
	return false;
}

void mcs_host_router_refresh(struct mcs_bridge *mb)
{
	struct net_device *upper;
	struct list_head *iter;
	bool on[MCS_PROTO_MAX];
	int proto;

	ASSERT_RTNL();
	for (proto = 0; proto < MCS_PROTO_MAX; proto++) {
		on[proto] = mcs_dev_mforward(mb->dev, proto);
		/* VLAN devices on the bridge: BR.VID, routed by the daemon. */
		netdev_for_each_upper_dev_rcu(mb->dev, upper, iter)
			if (is_vlan_dev(upper) && mcs_dev_mforward(upper, proto))
				on[proto] = true;
		WRITE_ONCE(mb->host_router.mforward[proto], on[proto]);
	}
}

u8 mcs_host_router_via(const struct mcs_bridge *mb, int proto)
{
	switch (READ_ONCE(mb->cfg.host_router)) {
	case MCSNOOP_ROUTER_STATIC:
		return MCSNOOP_ROUTER_VIA_STATIC;
	case MCSNOOP_ROUTER_OFF:
		return MCSNOOP_ROUTER_VIA_NONE;
	}
	if (READ_ONCE(mb->host_router.mforward[proto]))
		return MCSNOOP_ROUTER_VIA_MC_FORWARDING;
	if (time_before(jiffies, READ_ONCE(mb->host_router.expires[proto])))
		return READ_ONCE(mb->host_router.via[proto]);
	return MCSNOOP_ROUTER_VIA_NONE;
}
