// SPDX-License-Identifier: GPL-2.0
/*
 * The "mcsnoop" generic netlink family: the only way to configure
 * mcsnoop. The API is described by Documentation/netlink/specs/mcsnoop.yaml
 * and documented in Documentation/netlink.rst. This file has the family
 * and what the per-object files (nl_*.c) share.
 */
#include <linux/jiffies.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "bridge.h"
#include "netlink.h"
#include "port.h"
#include "stats.h"

/*
 * The messages of the pair pfx##ifindex, pfx##ifname, written once for the
 * three pairs. pfx is stringified, not a string: checkpatch takes a string
 * argument used twice for one with side effects.
 */
#define MCS_NL_NAMES(pfx) {						\
	.missing = "missing attribute: " #pfx "ifindex or " #pfx "ifname", \
	.mismatch = #pfx "ifname: does not name the same device as " #pfx "ifindex", \
	.nodev = { #pfx "ifindex: no such device", #pfx "ifname: no such device" }, \
	.not_bridge = { #pfx "ifindex: not a bridge", #pfx "ifname: not a bridge" }, \
	.not_enabled = {						\
		#pfx "ifindex: mcsnoop is not enabled on this bridge",	\
		#pfx "ifname: mcsnoop is not enabled on this bridge",	\
	},								\
	.not_port = {							\
		#pfx "ifindex: not a port of a bridge mcsnoop is enabled on", \
		#pfx "ifname: not a port of a bridge mcsnoop is enabled on", \
	},								\
}

const struct mcs_nl_names mcs_nl_names_dev = MCS_NL_NAMES();
const struct mcs_nl_names mcs_nl_names_bridge = MCS_NL_NAMES(bridge_);
const struct mcs_nl_names mcs_nl_names_port = MCS_NL_NAMES(port_);

void mcs_nl_err(struct netlink_ext_ack *extack, const struct nlattr *attr,
		const char *msg)
{
	if (!extack)
		return;
	NL_SET_BAD_ATTR(extack, attr);
	extack->_msg = msg;
}

#ifndef MCS_HAVE_EXTACK_MSG_BUF
#define MCS_MSG_RING 8
static char mcs_msg_ring[MCS_MSG_RING][NETLINK_MAX_FMTMSG_LEN];
static atomic_t mcs_msg_next;
#endif

void mcs_nl_msgf(struct netlink_ext_ack *extack, const char *fmt, ...)
{
	va_list args;
	char *buf;

	if (!extack)
		return;
#ifdef MCS_HAVE_EXTACK_MSG_BUF
	buf = extack->_msg_buf;
#else
	buf = mcs_msg_ring[atomic_inc_return(&mcs_msg_next) % MCS_MSG_RING];
#endif
	va_start(args, fmt);
	vsnprintf(buf, NETLINK_MAX_FMTMSG_LEN, fmt, args);
	va_end(args);
	extack->_msg = buf;
}

bool mcs_nl_range(struct netlink_ext_ack *extack, const struct nlattr *attr,
		  u32 min, u32 max, const char *msg)
{
	u32 v;

	if (!attr)
		return true;
	switch (nla_len(attr)) {
	case sizeof(u8):
		v = nla_get_u8(attr);
		break;
	case sizeof(u16):
		v = nla_get_u16(attr);
		break;
	default:
		v = nla_get_u32(attr);
	}
	if (v >= min && v <= max)
		return true;
	mcs_nl_err(extack, attr, msg);
	return false;
}

struct net_device *mcs_nl_dev(struct net *net, struct nlattr **attrs,
			      int ia, int na, const struct mcs_nl_names *nm,
			      bool required, struct netlink_ext_ack *extack,
			      const struct nlattr **by)
{
	struct nlattr *ifindex = attrs[ia];
	struct nlattr *ifname = attrs[na];
	struct net_device *dev = NULL, *named;

	ASSERT_RTNL();
	if (!ifindex && !ifname) {
		if (!required)
			return NULL;
		if (extack)
			extack->_msg = nm->missing;
		return ERR_PTR(-EINVAL);
	}
	if (ifindex) {
		*by = ifindex;
		dev = __dev_get_by_index(net, nla_get_u32(ifindex));
		if (!dev) {
			mcs_nl_err(extack, ifindex, nm->nodev[0]);
			return ERR_PTR(-ENODEV);
		}
	}
	if (ifname) {
		named = __dev_get_by_name(net, nla_data(ifname));
		if (!named) {
			mcs_nl_err(extack, ifname, nm->nodev[1]);
			return ERR_PTR(-ENODEV);
		}
		if (dev && dev != named) {
			mcs_nl_err(extack, ifname, nm->mismatch);
			return ERR_PTR(-EINVAL);
		}
		*by = ifname;
		dev = named;
	}
	return dev;
}

static int mcs_nl_by(const struct nlattr *by, int ia)
{
	return nla_type(by) == ia ? 0 : 1;
}

struct net_device *mcs_nl_bridge_dev(struct net *net, struct nlattr **attrs,
				     int ia, int na,
				     const struct mcs_nl_names *nm,
				     bool required,
				     struct netlink_ext_ack *extack,
				     const struct nlattr **by)
{
	struct net_device *dev;

	dev = mcs_nl_dev(net, attrs, ia, na, nm, required, extack, by);
	if (IS_ERR_OR_NULL(dev))
		return dev;
	if (!netif_is_bridge_master(dev)) {
		mcs_nl_err(extack, *by, nm->not_bridge[mcs_nl_by(*by, ia)]);
		return ERR_PTR(-EOPNOTSUPP);
	}
	return dev;
}

struct mcs_bridge *mcs_nl_bridge(struct net *net, struct nlattr **attrs,
				 int ia, int na, const struct mcs_nl_names *nm,
				 bool required, struct netlink_ext_ack *extack)
{
	const struct nlattr *by = NULL;
	struct net_device *dev;
	struct mcs_bridge *mb;

	dev = mcs_nl_bridge_dev(net, attrs, ia, na, nm, required, extack,
				&by);
	if (IS_ERR_OR_NULL(dev))
		return ERR_CAST(dev);
	mb = mcs_bridge_find(mcs_net(net), dev->ifindex);
	if (!mb) {
		mcs_nl_err(extack, by, nm->not_enabled[mcs_nl_by(by, ia)]);
		return ERR_PTR(-ENOENT);
	}
	return mb;
}

struct mcs_port *mcs_nl_port(struct net *net, struct nlattr **attrs,
			     int ia, int na, const struct mcs_nl_names *nm,
			     struct netlink_ext_ack *extack)
{
	const struct nlattr *by = NULL;
	struct net_device *dev, *br;
	struct mcs_bridge *mb;
	struct mcs_port *port = NULL;

	dev = mcs_nl_dev(net, attrs, ia, na, nm, true, extack, &by);
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	br = netif_is_bridge_port(dev) ? netdev_master_upper_dev_get(dev) :
					 NULL;
	mb = br ? mcs_bridge_find(mcs_net(net), br->ifindex) : NULL;
	if (mb)
		port = mcs_port_find(mb, dev->ifindex);
	if (!port) {
		mcs_nl_err(extack, by, nm->not_port[mcs_nl_by(by, ia)]);
		return ERR_PTR(-ENOENT);
	}
	return port;
}

int mcs_nl_dump_ifindex(struct sk_buff *skb, struct netlink_callback *cb,
			int ia, int na, const struct mcs_nl_names *nm,
			bool bridge)
{
	struct nlattr **attrs = mcs_dump_attrs(cb);
	struct net *net = sock_net(skb->sk);
	struct mcs_bridge *mb;
	struct mcs_port *port;
	int ifindex;

	if (!attrs || (!attrs[ia] && !attrs[na]))
		return 0;
	rtnl_lock();
	if (bridge) {
		mb = mcs_nl_bridge(net, attrs, ia, na, nm, true, cb->extack);
		ifindex = IS_ERR(mb) ? PTR_ERR(mb) : mb->dev->ifindex;
	} else {
		port = mcs_nl_port(net, attrs, ia, na, nm, cb->extack);
		ifindex = IS_ERR(port) ? PTR_ERR(port) : port->dev->ifindex;
	}
	rtnl_unlock();
	return ifindex;
}

int mcs_nl_dump_filter(struct sk_buff *skb, struct netlink_callback *cb,
		       int ia, int na, int *filter)
{
	int ifindex;

	if (*filter)
		return 0;
	ifindex = mcs_nl_dump_ifindex(skb, cb, ia, na, &mcs_nl_names_bridge,
				      true);
	if (ifindex < 0)
		return ifindex;
	*filter = ifindex ?: -1;
	return 0;
}

/* Counter order in stats.h matches the attribute numbering. */
int mcs_nl_put_stats(struct sk_buff *skb, int attr,
		     struct mcs_pcpu_stats __percpu *stats,
		     const struct mcs_port *port)
{
	u64 sum[MCS_CNT_MAX];
	struct nlattr *nest;
	int i;

	BUILD_BUG_ON(MCSNOOP_A_STATS_IGMP + MCS_CNT_MAX - 1 !=
		     MCSNOOP_A_STATS_MAX);
	mcs_stats_read(stats, sum);
	if (port)
		sum[MCS_CNT_DATA_PRUNED] += mcs_port_pruned(port);
	nest = nla_nest_start(skb, attr);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < MCS_CNT_MAX; i++) {
		if (port && mcs_counter_bridge_only(i))
			continue;
		if (nla_put_u64_64bit(skb, MCSNOOP_A_STATS_IGMP + i, sum[i],
				      MCSNOOP_A_STATS_PAD)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

int mcs_nl_put_addr(struct sk_buff *skb, int attr, const struct in6_addr *addr)
{
	if (ipv6_addr_v4mapped(addr))
		return nla_put_in_addr(skb, attr, addr->s6_addr32[3]);
	return nla_put_in6_addr(skb, attr, addr);
}

u32 mcs_ms_left(unsigned long until, unsigned long now)
{
	return time_before(now, until) ? jiffies_to_msecs(until - now) : 0;
}

/*
 * The policies, the ops table and the multicast groups are generated from
 * Documentation/netlink/specs/mcsnoop.yaml (scripts/ynl-regen.sh). With
 * genetlink-legacy the family struct is ours to write, and the generated
 * multicast group table is static: the generated source is part of this
 * file so that the family below can use it.
 */
#include "nl_gen.c"

struct genl_family mcs_genl_family __ro_after_init = {
	.name = MCSNOOP_GENL_NAME,
	.version = MCSNOOP_GENL_VERSION,
	.netnsok = true,
	.module = THIS_MODULE,
	.ops = mcsnoop_nl_ops,
	.n_ops = ARRAY_SIZE(mcsnoop_nl_ops),
	.mcgrps = mcsnoop_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(mcsnoop_nl_mcgrps),
};

int __init mcs_genl_init(void)
{
	return genl_register_family(&mcs_genl_family);
}

void mcs_genl_uninit(void)
{
	genl_unregister_family(&mcs_genl_family);
}
