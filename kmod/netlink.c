// SPDX-License-Identifier: GPL-2.0
/*
 * The "mcsnoop" generic netlink family: the only way to configure
 * mcsnoop. The API is documented in include/uapi/linux/mcsnoop.h.
 */
#include <linux/if_bridge.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "netlink.h"
#include "bridge.h"

static struct genl_family mcs_genl_family;

static const struct nla_policy mcs_bridge_policy[MCSNOOP_A_BRIDGE_MAX + 1] = {
	[MCSNOOP_A_BRIDGE_IFINDEX] = { .type = NLA_U32 },
	[MCSNOOP_A_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING,
				      .len = IFNAMSIZ - 1 },
	[MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_BRIDGE_MCAST_SNOOPING] = {
		.type = NLA_REJECT,
		.reject_message = "mcast_snooping: read-only attribute",
	},
	[MCSNOOP_A_BRIDGE_STATS] = {
		.type = NLA_REJECT,
		.reject_message = "stats: read-only attribute",
	},
};

/* Counter order in stats.h matches the attribute numbering. */
static const int mcs_stats_attr[MCS_CNT_MAX] = {
	[MCS_CNT_IGMP] = MCSNOOP_A_STATS_IGMP,
	[MCS_CNT_MLD] = MCSNOOP_A_STATS_MLD,
	[MCS_CNT_MCAST_DATA] = MCSNOOP_A_STATS_MCAST_DATA,
	[MCS_CNT_FWD_COPIES] = MCSNOOP_A_STATS_FWD_COPIES,
	[MCS_CNT_HOST_COPIES] = MCSNOOP_A_STATS_HOST_COPIES,
};

/*
 * Name the attribute the request used for the bridge. The extack macros
 * want string literals, so callers pass the message for each spelling.
 */
static void mcs_set_err_by(struct netlink_ext_ack *extack,
			   const struct nlattr *by, const char *by_ifindex,
			   const char *by_ifname)
{
	NL_SET_BAD_ATTR(extack, by);
	if (extack)
		extack->_msg = nla_type(by) == MCSNOOP_A_BRIDGE_IFINDEX ?
			       by_ifindex : by_ifname;
}

/*
 * Resolve the bridge a request names, with a message naming the
 * attribute on failure. *by is set to the attribute that named it.
 */
static struct net_device *mcs_nl_get_bridge(struct net *net,
					    struct nlattr **attrs,
					    struct netlink_ext_ack *extack,
					    const struct nlattr **by)
{
	struct nlattr *ifindex = attrs[MCSNOOP_A_BRIDGE_IFINDEX];
	struct nlattr *ifname = attrs[MCSNOOP_A_BRIDGE_IFNAME];
	struct net_device *dev = NULL, *named;

	ASSERT_RTNL();
	if (!ifindex && !ifname) {
		NL_SET_ERR_MSG(extack, "missing attribute: ifindex or ifname");
		return ERR_PTR(-EINVAL);
	}
	if (ifindex) {
		*by = ifindex;
		dev = __dev_get_by_index(net, nla_get_u32(ifindex));
		if (!dev) {
			NL_SET_ERR_MSG_ATTR(extack, ifindex,
					    "ifindex: no such device");
			return ERR_PTR(-ENODEV);
		}
	}
	if (ifname) {
		named = __dev_get_by_name(net, nla_data(ifname));
		if (!named) {
			NL_SET_ERR_MSG_ATTR(extack, ifname,
					    "ifname: no such device");
			return ERR_PTR(-ENODEV);
		}
		if (dev && dev != named) {
			NL_SET_ERR_MSG_ATTR(extack, ifname,
					    "ifname: does not name the same device as ifindex");
			return ERR_PTR(-EINVAL);
		}
		*by = ifname;
		dev = named;
	}
	if (!netif_is_bridge_master(dev)) {
		mcs_set_err_by(extack, *by,
			       "ifindex: not a bridge",
			       "ifname: not a bridge");
		return ERR_PTR(-EOPNOTSUPP);
	}
	return dev;
}

/* The enabled bridge a request names, or an error pointer. */
static struct mcs_bridge *mcs_nl_get_enabled(struct genl_info *info)
{
	struct mcs_net *mn = mcs_net(genl_info_net(info));
	const struct nlattr *by = NULL;
	struct net_device *dev;
	struct mcs_bridge *mb;

	dev = mcs_nl_get_bridge(mn->net, info->attrs, info->extack, &by);
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	mb = mcs_bridge_find(mn, dev->ifindex);
	if (!mb) {
		mcs_set_err_by(info->extack, by,
			       "ifindex: mcsnoop is not enabled on this bridge",
			       "ifname: mcsnoop is not enabled on this bridge");
		return ERR_PTR(-ENOENT);
	}
	return mb;
}

static int mcs_nl_put_stats(struct sk_buff *skb, struct mcs_bridge *mb)
{
	u64 sum[MCS_CNT_MAX];
	struct nlattr *nest;
	int i;

	mcs_stats_read(mb->stats, sum);
	nest = nla_nest_start(skb, MCSNOOP_A_BRIDGE_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < MCS_CNT_MAX; i++) {
		if (nla_put_u64_64bit(skb, mcs_stats_attr[i], sum[i],
				      MCSNOOP_A_STATS_PAD)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
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
	    mcs_nl_put_stats(skb, mb)) {
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

static int mcs_nl_bridge_get_doit(struct sk_buff *skb, struct genl_info *info)
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

static int mcs_nl_bridge_get_dumpit(struct sk_buff *skb,
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

static int mcs_nl_bridge_enable_doit(struct sk_buff *skb,
				     struct genl_info *info)
{
	struct mcs_net *mn = mcs_net(genl_info_net(info));
	struct nlattr *saved = info->attrs[MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING];
	const struct nlattr *by = NULL;
	struct net_device *dev;
	int err;

	rtnl_lock();
	dev = mcs_nl_get_bridge(mn->net, info->attrs, info->extack, &by);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
	} else if (mcs_bridge_find(mn, dev->ifindex)) {
		mcs_set_err_by(info->extack, by,
			       "ifindex: mcsnoop is already enabled on this bridge",
			       "ifname: mcsnoop is already enabled on this bridge");
		err = -EEXIST;
	} else if (br_multicast_enabled(dev)) {
		mcs_set_err_by(info->extack, by,
			       "ifindex: the bridge's own multicast snooping is on; switch it off first (mcast_snooping 0)",
			       "ifname: the bridge's own multicast snooping is on; switch it off first (mcast_snooping 0)");
		err = -EBUSY;
	} else {
		err = mcs_bridge_enable(mn, dev, saved && nla_get_u8(saved));
	}
	rtnl_unlock();
	return err;
}

static int mcs_nl_bridge_disable_doit(struct sk_buff *skb,
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

static const struct genl_ops mcs_genl_ops[] = {
	{
		.cmd = MCSNOOP_CMD_BRIDGE_GET,
		.doit = mcs_nl_bridge_get_doit,
		.dumpit = mcs_nl_bridge_get_dumpit,
		.policy = mcs_bridge_policy,
		.maxattr = MCSNOOP_A_BRIDGE_MAX,
	},
	{
		.cmd = MCSNOOP_CMD_BRIDGE_ENABLE,
		.doit = mcs_nl_bridge_enable_doit,
		.policy = mcs_bridge_policy,
		.maxattr = MCSNOOP_A_BRIDGE_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = MCSNOOP_CMD_BRIDGE_DISABLE,
		.doit = mcs_nl_bridge_disable_doit,
		.policy = mcs_bridge_policy,
		.maxattr = MCSNOOP_A_BRIDGE_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
};

static struct genl_family mcs_genl_family __ro_after_init = {
	.name = MCSNOOP_GENL_NAME,
	.version = MCSNOOP_GENL_VERSION,
	.netnsok = true,
	.module = THIS_MODULE,
	.ops = mcs_genl_ops,
	.n_ops = ARRAY_SIZE(mcs_genl_ops),
};

int __init mcs_genl_init(void)
{
	return genl_register_family(&mcs_genl_family);
}

void mcs_genl_uninit(void)
{
	genl_unregister_family(&mcs_genl_family);
}
