// SPDX-License-Identifier: GPL-2.0
/*
 * The "mcsnoop" generic netlink family: the only way to configure
 * mcsnoop. The API is described by Documentation/netlink/specs/mcsnoop.yaml
 * and documented in Documentation/netlink.rst.
 */
#include <linux/if_bridge.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "netlink.h"
#include "querier.h"
#include "bridge.h"
#include "fallback.h"
#include "host_router.h"
#include "port.h"
#include "table.h"
#include "vlan.h"

const struct mcs_nl_names mcs_nl_names_dev = {
	.missing = "missing attribute: ifindex or ifname",
	.mismatch = "ifname: does not name the same device as ifindex",
	.nodev = { "ifindex: no such device", "ifname: no such device" },
	.not_bridge = { "ifindex: not a bridge", "ifname: not a bridge" },
	.not_enabled = {
		"ifindex: mcsnoop is not enabled on this bridge",
		"ifname: mcsnoop is not enabled on this bridge",
	},
	.not_port = {
		"ifindex: not a port of a bridge mcsnoop is enabled on",
		"ifname: not a port of a bridge mcsnoop is enabled on",
	},
};

const struct mcs_nl_names mcs_nl_names_bridge = {
	.missing = "missing attribute: bridge_ifindex or bridge_ifname",
	.mismatch = "bridge_ifname: does not name the same device as bridge_ifindex",
	.nodev = { "bridge_ifindex: no such device", "bridge_ifname: no such device" },
	.not_bridge = { "bridge_ifindex: not a bridge", "bridge_ifname: not a bridge" },
	.not_enabled = {
		"bridge_ifindex: mcsnoop is not enabled on this bridge",
		"bridge_ifname: mcsnoop is not enabled on this bridge",
	},
	.not_port = {
		"bridge_ifindex: not a port of a bridge mcsnoop is enabled on",
		"bridge_ifname: not a port of a bridge mcsnoop is enabled on",
	},
};

const struct mcs_nl_names mcs_nl_names_port = {
	.missing = "missing attribute: port_ifindex or port_ifname",
	.mismatch = "port_ifname: does not name the same device as port_ifindex",
	.nodev = { "port_ifindex: no such device", "port_ifname: no such device" },
	.not_bridge = { "port_ifindex: not a bridge", "port_ifname: not a bridge" },
	.not_enabled = {
		"port_ifindex: mcsnoop is not enabled on this bridge",
		"port_ifname: mcsnoop is not enabled on this bridge",
	},
	.not_port = {
		"port_ifindex: not a port of a bridge mcsnoop is enabled on",
		"port_ifname: not a port of a bridge mcsnoop is enabled on",
	},
};

void mcs_nl_err(struct netlink_ext_ack *extack, const struct nlattr *attr,
		const char *msg)
{
	if (!extack)
		return;
	NL_SET_BAD_ATTR(extack, attr);
	extack->_msg = msg;
}

#ifndef MCS_HAVE_EXTACK_MSG_BUF
#define NETLINK_MAX_FMTMSG_LEN 80
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

/* A bridge device, enabled or not, named by the request. */
static struct net_device *mcs_nl_bridge_dev(struct net *net,
					    struct nlattr **attrs, int ia,
					    int na,
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

/* Counter order in stats.h matches the attribute numbering. */
int mcs_nl_put_stats(struct sk_buff *skb, int attr,
		     struct mcs_pcpu_stats __percpu *stats, unsigned int n)
{
	u64 sum[MCS_CNT_MAX];
	struct nlattr *nest;
	int i;

	BUILD_BUG_ON(MCSNOOP_A_STATS_IGMP + MCS_CNT_MAX - 1 !=
		     MCSNOOP_A_STATS_MAX);
	mcs_stats_read(stats, sum);
	nest = nla_nest_start(skb, attr);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < n && i < MCS_CNT_MAX; i++) {
		if (nla_put_u64_64bit(skb, MCSNOOP_A_STATS_IGMP + i, sum[i],
				      MCSNOOP_A_STATS_PAD)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int mcs_nl_put_config(struct sk_buff *skb, struct mcs_bridge *mb)
{
	const struct mcs_config *c = &mb->cfg;
	struct mcs_vlan_cfg vc;

	mcs_vlan_cfg(mb, 0, &vc);

	if (nla_put_u8(skb, MCSNOOP_A_BRIDGE_SNOOPING, c->snooping) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN, c->flood_unknown) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS,
		       c->flood_ambiguous) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_MAX_GROUPS, c->max_groups) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_GROUP_COUNT,
			READ_ONCE(mb->group_count)) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_QUERY_INTERVAL,
			c->query_interval) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL,
			c->query_response_interval) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_ROBUSTNESS, c->robustness) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL,
			c->last_member_interval) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT,
		       c->last_member_count) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT,
			c->router_timeout) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT,
			c->membership_timeout) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT_ACTIVE,
			mcs_router_interval_ms(mb)) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT_ACTIVE,
			mcs_vlan_membership_ms(&vc)) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_HOST_ROUTER, c->host_router) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_HOST_ROUTER_IPV4,
		       mcs_host_router_via(mb, MCS_IPV4)) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_HOST_ROUTER_IPV6,
		       mcs_host_router_via(mb, MCS_IPV6)) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_QUERIER_PROXY_ONLY,
			mcs_querier_proxy_only_count(mb)) ||
	    mcs_nl_querier_put(skb, mb))
		return -EMSGSIZE;
	return 0;
}

static int mcs_nl_fill_bridge(struct sk_buff *skb, struct mcs_bridge *mb,
			      u32 portid, u32 seq, int flags,
			      struct netlink_callback *cb)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &mcs_genl_family, flags,
			  MCSNOOP_CMD_BRIDGE_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(skb, MCSNOOP_A_BRIDGE_IFINDEX, mb->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_BRIDGE_IFNAME, mb->dev->name) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING,
		       mb->saved_mcast_snooping) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_MCAST_SNOOPING,
		       br_multicast_enabled(mb->dev)) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_FALLBACK,
			READ_ONCE(mb->fallback)) ||
	    mcs_nl_put_config(skb, mb) ||
	    mcs_nl_put_stats(skb, MCSNOOP_A_BRIDGE_STATS, mb->stats,
			     MCS_CNT_MAX)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* A reply describing one bridge, built now (before it may go away). */
static struct sk_buff *mcs_nl_bridge_reply(struct mcs_bridge *mb,
					   struct genl_info *info)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return ERR_PTR(-ENOMEM);
	err = mcs_nl_fill_bridge(msg, mb, info->snd_portid, info->snd_seq,
				 0, NULL);
	if (err) {
		nlmsg_free(msg);
		return ERR_PTR(err);
	}
	return msg;
}

static struct mcs_bridge *mcs_nl_get_enabled(struct genl_info *info)
{
	return mcs_nl_bridge(genl_info_net(info), info->attrs,
			     MCSNOOP_A_BRIDGE_IFINDEX, MCSNOOP_A_BRIDGE_IFNAME,
			     &mcs_nl_names_dev, true, info->extack);
}

int mcsnoop_nl_bridge_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcs_bridge *mb;
	struct sk_buff *msg;

	rtnl_lock();
	mb = mcs_nl_get_enabled(info);
	msg = IS_ERR(mb) ? ERR_CAST(mb) : mcs_nl_bridge_reply(mb, info);
	rtnl_unlock();
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

int mcsnoop_nl_bridge_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb)
{
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	long skip = cb->args[0], idx = 0;
	struct mcs_bridge *mb;
	int bkt;

	rcu_read_lock();
	cb->seq = READ_ONCE(mn->generation);
	hash_for_each_rcu(mn->bridges, bkt, mb, hnode) {
		if (idx < skip) {
			idx++;
			continue;
		}
		if (mcs_nl_fill_bridge(skb, mb, NETLINK_CB(cb->skb).portid,
				       cb->nlh->nlmsg_seq, NLM_F_MULTI, cb))
			break;
		idx++;
	}
	rcu_read_unlock();
	cb->args[0] = idx;
	return skb->len;
}

int mcsnoop_nl_bridge_disable_doit(struct sk_buff *skb,
				   struct genl_info *info)
{
	struct mcs_bridge *mb;
	struct sk_buff *msg;

	rtnl_lock();
	mb = mcs_nl_get_enabled(info);
	msg = IS_ERR(mb) ? ERR_CAST(mb) : mcs_nl_bridge_reply(mb, info);
	if (!IS_ERR(msg))
		mcs_bridge_disable(mcs_net(genl_info_net(info)), mb);
	rtnl_unlock();
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

/* Validate every attribute before changing anything. */
static bool mcs_nl_bridge_set_valid(struct mcs_bridge *mb,
				    struct nlattr **a,
				    struct netlink_ext_ack *extack)
{
	struct nlattr *rt = a[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT];

	if (!mcs_nl_range(extack, a[MCSNOOP_A_BRIDGE_MAX_GROUPS], 1, 1048576,
			  "max_groups: out of range (1-1048576)") ||
	    !mcs_nl_range(extack, rt, 0, 86400000,
			  "router_timeout: out of range (0 for auto, or 1000-86400000 ms)"))
		return false;
	if (rt && nla_get_u32(rt) && nla_get_u32(rt) < 1000) {
		mcs_nl_err(extack, rt,
			   "router_timeout: out of range (0 for auto, or 1000-86400000 ms)");
		return false;
	}
	/* The querier's settings and timers, as a VLAN's (nl_querier.c). */
	return mcs_nl_querier_valid(mb, a, extack);
}

static void mcs_set_bool(const struct nlattr *attr, bool *field)
{
	if (attr)
		WRITE_ONCE(*field, nla_get_u8(attr));
}

static void mcs_set_u8(const struct nlattr *attr, u8 *field)
{
	if (attr)
		WRITE_ONCE(*field, nla_get_u8(attr));
}

static void mcs_set_u32(const struct nlattr *attr, u32 *field)
{
	if (attr)
		WRITE_ONCE(*field, nla_get_u32(attr));
}

/* Apply validated settings (BRIDGE_SET, or BRIDGE_ENABLE's). */
/* Name the first port (or the bridge) that falls back, and why. */
static void mcs_nl_warn_fallback(struct mcs_bridge *mb,
				 struct netlink_ext_ack *extack)
{
	char line[NETLINK_MAX_FMTMSG_LEN];

	if (mcs_fallback_describe(mb, line, sizeof(line)))
		mcs_nl_msgf(extack, "%s", line);
}

static int mcs_nl_bridge_apply(struct mcs_bridge *mb, struct nlattr **a)
{
	struct mcs_config *c;

	c = &mb->cfg;
	mcs_set_bool(a[MCSNOOP_A_BRIDGE_SNOOPING], &c->snooping);
	mcs_set_bool(a[MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN], &c->flood_unknown);
	mcs_set_bool(a[MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS], &c->flood_ambiguous);
	mcs_set_u32(a[MCSNOOP_A_BRIDGE_MAX_GROUPS], &c->max_groups);
	mcs_set_u32(a[MCSNOOP_A_BRIDGE_QUERY_INTERVAL], &c->query_interval);
	mcs_set_u32(a[MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL],
		    &c->query_response_interval);
	mcs_set_u8(a[MCSNOOP_A_BRIDGE_ROBUSTNESS], &c->robustness);
	mcs_set_u32(a[MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL],
		    &c->last_member_interval);
	mcs_set_u8(a[MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT],
		   &c->last_member_count);
	mcs_set_u32(a[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT], &c->router_timeout);
	mcs_set_u32(a[MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT],
		    &c->membership_timeout);
	mcs_set_u8(a[MCSNOOP_A_BRIDGE_HOST_ROUTER], &c->host_router);
	mcs_host_router_refresh(mb);
	return mcs_nl_querier_set(mb, a);
}

int mcsnoop_nl_bridge_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct mcs_bridge *mb;
	int err = 0;

	rtnl_lock();
	mb = mcs_nl_get_enabled(info);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto out;
	}
	if (!mcs_nl_bridge_set_valid(mb, a, info->extack)) {
		err = -ERANGE;
		goto out;
	}
	err = mcs_nl_bridge_apply(mb, a);
	if (!err)
		mcs_nl_querier_warn(mb, 0, a[MCSNOOP_A_BRIDGE_QUERIER_ADDR4],
				    info->extack);
	if (a[MCSNOOP_A_BRIDGE_MAX_GROUPS])
		mcs_table_evict(mb, NULL);
out:
	rtnl_unlock();
	return err;
}

int mcsnoop_nl_bridge_enable_doit(struct sk_buff *skb,
				  struct genl_info *info)
{
	struct mcs_net *mn = mcs_net(genl_info_net(info));
	struct nlattr *saved = info->attrs[MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING];
	const struct nlattr *by = NULL;
	struct mcs_bridge *mb = NULL;
	struct net_device *dev;
	int err;

	rtnl_lock();
	dev = mcs_nl_bridge_dev(mn->net, info->attrs, MCSNOOP_A_BRIDGE_IFINDEX,
				MCSNOOP_A_BRIDGE_IFNAME, &mcs_nl_names_dev,
				true, info->extack, &by);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
	} else if (mcs_bridge_find(mn, dev->ifindex)) {
		mcs_nl_err(info->extack, by,
			   nla_type(by) == MCSNOOP_A_BRIDGE_IFINDEX ?
			   "ifindex: mcsnoop is already enabled on this bridge" :
			   "ifname: mcsnoop is already enabled on this bridge");
		err = -EEXIST;
	} else if (br_multicast_enabled(dev)) {
		if (nla_type(by) == MCSNOOP_A_BRIDGE_IFINDEX)
			mcs_nl_err(info->extack, by,
				   "ifindex: the bridge's own multicast snooping is on; switch it off first (mcast_snooping 0)");
		else
			mcs_nl_err(info->extack, by,
				   "ifname: the bridge's own multicast snooping is on; switch it off first (mcast_snooping 0)");
		err = -EBUSY;
	} else if (!mcs_nl_bridge_set_valid(NULL, info->attrs,
					    info->extack)) {
		err = -ERANGE;
	} else {
		/* Settings given with enable apply before the first query. */
		err = mcs_bridge_enable(mn, dev, saved && nla_get_u8(saved),
					&mb);
		if (!err)
			err = mcs_nl_bridge_apply(mb, info->attrs);
		if (!err)
			mcs_querier_start(mb);
		else if (mb)
			mcs_bridge_disable(mn, mb);
		/* Enabled, but a feature of a port is left to the bridge. */
		if (!err) {
			mcs_nl_querier_warn(mb, 0,
					    info->attrs[MCSNOOP_A_BRIDGE_QUERIER_ADDR4],
					    info->extack);
			mcs_nl_warn_fallback(mb, info->extack);
		}
	}
	rtnl_unlock();
	return err;
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
